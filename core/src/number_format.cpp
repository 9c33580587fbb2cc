#include "vardval_host/number_format.hpp"

#include <cstdlib>
#include <type_traits>

namespace vardval::report {

namespace {

const char* const kMinus = "\xE2\x88\x92";  // U+2212, the minus sign typography uses

// Digits of `n` (non-negative) grouped by three.
std::string grouped(std::uint64_t n, Lang lang) {
    std::string digits = std::to_string(n), out;
    const char separator = lang == Lang::sv ? ' ' : ',';
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += separator;
        out += digits[i];
    }
    return out;
}

std::uint64_t magnitude(std::int64_t v) {
    return v < 0 ? std::uint64_t(0) - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

// `scaled` is the value times 10^decimals, already rounded; zero is never negative.
std::string fixed_point(std::int64_t scaled, int decimals, bool keep_zeros, Lang lang) {
    std::uint64_t m = magnitude(scaled), unit = 1;
    for (int i = 0; i < decimals; ++i)
        unit *= 10;
    std::string fraction = decimals ? std::to_string(m % unit) : "";
    fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
    if (!keep_zeros)
        while (!fraction.empty() && fraction.back() == '0')
            fraction.pop_back();
    std::string out = scaled < 0 ? kMinus : "";
    out += grouped(m / unit, lang);
    if (!fraction.empty())
        out += (lang == Lang::sv ? "," : ".") + fraction;
    return out;
}

std::int64_t scaled_round(const Rational& value, int decimals) {
    std::int64_t unit = 1;
    for (int i = 0; i < decimals; ++i)
        unit *= 10;
    return (value * Rational::from_int(unit)).round();
}

}  // namespace

std::string format_ore_as_kr(std::int64_t ore, Lang lang) {
    return fixed_point(ore, 2, true, lang);
}

std::string format_count(std::int64_t n, Lang lang) {
    return fixed_point(n, 0, true, lang);
}

std::string format_number(const Rational& value, int decimals, Lang lang) {
    return fixed_point(scaled_round(value, decimals), decimals, false, lang);
}

std::string format_percent(const Rational& fraction, Lang lang) {
    const std::int64_t tenths = scaled_round(fraction, 3);  // per mille = tenths of a percent
    const std::string sign = tenths > 0 ? "+" : "";
    return sign + fixed_point(tenths, 1, true, lang) + (lang == Lang::sv ? " %" : "%");
}

std::string format_cell(const Cell& cell, ColumnKind kind, Lang lang) {
    return std::visit(
        [&](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return "\xE2\x80\x93";  // U+2013, "does not apply"
            } else if constexpr (std::is_same_v<T, std::string>) {
                return v;
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                return kind == ColumnKind::kr ? format_ore_as_kr(v, lang) : format_count(v, lang);
            } else {
                switch (kind) {
                    case ColumnKind::kr:
                        return format_ore_as_kr(v.round(), lang);
                    case ColumnKind::percent:
                        return format_percent(v, lang);
                    case ColumnKind::count:
                        return format_number(v, 0, lang);
                    default:
                        return format_number(v, 6, lang);
                }
            }
        },
        cell);
}

}  // namespace vardval::report
