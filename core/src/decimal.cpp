#include "vardval/decimal.hpp"

#include <cmath>
#include <stdexcept>

namespace vardval {

std::int64_t round_div(Int128 a, Int128 b) {
    if (b == 0)
        throw std::domain_error("division by zero");
    if (b < 0) {
        a = -a;
        b = -b;
    }
    Int128 q = a / b;
    const Int128 r = a % b;  // same sign as a
    if ((r < 0 ? -r : r) >= b - (r < 0 ? -r : r))
        q += a < 0 ? -1 : 1;
    // A result outside 64 bits is an error, never a wrapped amount.
    if (q > INT64_MAX || q < INT64_MIN)
        throw std::overflow_error("rounded amount does not fit in 64 bits");
    return static_cast<std::int64_t>(q);
}

Decimal Decimal::from_double(double v) {
    return Decimal(static_cast<std::int64_t>(std::llround(v * static_cast<double>(kScale))));
}

Decimal Decimal::from_ratio(std::int64_t numerator, std::int64_t denominator) {
    return Decimal(round_div(static_cast<Int128>(numerator) * kScale, denominator));
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
    if (text.empty())
        return std::nullopt;
    bool negative = false;
    std::size_t i = 0;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        i = 1;
    }
    std::int64_t whole = 0;
    std::int64_t fraction = 0;
    int whole_digits = 0;
    int fraction_digits = 0;
    for (; i < text.size() && text[i] != '.'; ++i) {
        if (text[i] < '0' || text[i] > '9' || whole_digits >= 12)
            return std::nullopt;
        whole = whole * 10 + (text[i] - '0');
        ++whole_digits;
    }
    if (i < text.size()) {  // at '.'
        for (++i; i < text.size(); ++i) {
            if (text[i] < '0' || text[i] > '9' || fraction_digits >= 6)
                return std::nullopt;
            fraction = fraction * 10 + (text[i] - '0');
            ++fraction_digits;
        }
        if (fraction_digits == 0)
            return std::nullopt;
    }
    if (whole_digits == 0)
        return std::nullopt;
    for (int d = fraction_digits; d < 6; ++d)
        fraction *= 10;
    const std::int64_t raw = whole * kScale + fraction;
    return Decimal(negative ? -raw : raw);
}

std::string Decimal::to_string() const {
    const bool negative = raw_ < 0;
    const std::uint64_t magnitude =
        negative ? static_cast<std::uint64_t>(-(raw_ + 1)) + 1 : static_cast<std::uint64_t>(raw_);
    std::string fraction = std::to_string(magnitude % kScale);
    fraction.insert(0, 6 - fraction.size(), '0');
    return (negative ? "-" : "") + std::to_string(magnitude / kScale) + "." + fraction;
}

std::string Decimal::to_short_string(int min_decimals) const {
    std::string s = to_string();
    const std::size_t dot = s.find('.');
    std::size_t keep = s.size();
    while (keep > dot + 1 + static_cast<std::size_t>(min_decimals) && s[keep - 1] == '0')
        --keep;
    if (keep == dot + 1)
        keep = dot;  // no decimals left: drop the point
    return s.substr(0, keep);
}

Decimal Decimal::operator*(Decimal o) const {
    return Decimal(round_div(static_cast<Int128>(raw_) * o.raw_, kScale));
}

Decimal Decimal::divided_by(Decimal o) const {
    return Decimal(round_div(static_cast<Int128>(raw_) * kScale, o.raw_));
}

}  // namespace vardval
