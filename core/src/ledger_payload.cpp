#include "vardval_host/ledger_payload.hpp"

#include <charconv>
#include <stdexcept>
#include <string_view>

namespace vardval {
namespace {

// First lines of the two forms.
const char* const kLedgerHeader = "vardval ledger 1\n";
const char* const kStoredLinesHeader = "vardval ledger-lines 1\n";

// The fields of a ledger line in the order written, as text.
enum Field : std::size_t {
    kUnit,
    kType,
    kBasis,
    kBasisUnit,
    kRate,
    kAmount,
    kRounding,
    kBasisExact,
    kRateExact,
    kPot,
    kShare,
    kAnnual,
    kExplanation,
    kFieldCount
};
using Fields = std::vector<std::string>;

// A literal value starting with one of these is escaped, so they can mark the others: "="
// the previous line's value, "~" an explanation given by what differs from the previous one.
// (A shown basis or rate is "*" when it is its exact value's six decimals, else a number.)
bool is_marker(char c) {
    return c == '=' || c == '~';
}

void append_escaped(std::string& out, std::string_view value) {
    if (!value.empty() && is_marker(value[0]))
        out += '\\';
    for (char c : value)
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += c;
        }
}

std::string unescaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out += text[i];
            continue;
        }
        const char c = text[++i];
        out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
    }
    return out;
}

std::string number(std::int64_t v) {
    char buf[24];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n])
        ++n;
    return n;
}

// `value` relative to `previous`: "=" when equal; an explanation as "~prefix,suffix,middle"
// (lengths shared with the previous one) when that is shorter.
void append_field(std::string& out, std::size_t field, const std::string& value,
                  const std::string& previous) {
    out += '\t';
    if (value == previous) {
        out += '=';
        return;
    }
    if (field == kExplanation) {
        const std::size_t prefix = common_prefix(value, previous);
        std::size_t suffix = 0;
        while (suffix < value.size() - prefix && suffix < previous.size() - prefix &&
               value[value.size() - 1 - suffix] == previous[previous.size() - 1 - suffix])
            ++suffix;
        if (prefix + suffix > 12) {
            out += '~' + number(static_cast<std::int64_t>(prefix)) + ',' +
                   number(static_cast<std::int64_t>(suffix)) + ',';
            append_escaped(out,
                           std::string_view(value).substr(prefix, value.size() - prefix - suffix));
            return;
        }
    }
    append_escaped(out, value);
}

std::string exact_text(const std::optional<Rational>& r) {
    return r ? r->to_fraction() : "";
}

// A shown value that is its exact value's six decimals is written "*".
std::string shown_text(Decimal shown, const std::optional<Rational>& exact) {
    return exact && exact->to_decimal() == shown ? "*" : number(shown.raw());
}

std::vector<std::string_view> split(std::string_view line, char separator) {
    std::vector<std::string_view> out;
    for (std::size_t from = 0;;) {
        const std::size_t at = line.find(separator, from);
        out.push_back(line.substr(from, at - from));
        if (at == std::string_view::npos)
            return out;
        from = at + 1;
    }
}

[[noreturn]] void damaged(std::size_t line, const std::string& what) {
    throw std::runtime_error("the stored ledger is damaged at its line " + std::to_string(line) +
                             ": " + what);
}

std::int64_t integer_at(std::string_view text, std::size_t line) {
    std::int64_t v = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (error != std::errc() || end != text.data() + text.size())
        damaged(line, "'" + std::string(text) + "' is not a whole number");
    return v;
}

std::optional<Rational> exact_at(const std::string& text, std::size_t line) {
    if (text.empty())
        return std::nullopt;
    auto r = Rational::parse(text);
    if (!r)
        damaged(line, "'" + text + "' is not an exact fraction");
    return r;
}

Decimal shown_at(const std::string& text, const std::optional<Rational>& exact, std::size_t line) {
    if (text == "*" && exact)
        return exact->to_decimal();
    return Decimal::from_raw(integer_at(text, line));
}

// Each field's text from its written form and the previous line's text.
std::string field_at(std::string_view written, const std::string& previous, std::size_t line) {
    if (written == "=")
        return previous;
    if (written.empty() || written[0] != '~')
        return unescaped(written);
    const std::size_t a = written.find(','), b = written.find(',', a + 1);
    if (b == std::string_view::npos)
        damaged(line, "an explanation's difference is not prefix,suffix,text");
    const auto prefix = static_cast<std::size_t>(integer_at(written.substr(1, a - 1), line));
    const auto suffix =
        static_cast<std::size_t>(integer_at(written.substr(a + 1, b - a - 1), line));
    if (prefix + suffix > previous.size())
        damaged(line, "an explanation's difference is longer than the previous explanation");
    return previous.substr(0, prefix) + unescaped(written.substr(b + 1)) +
           previous.substr(previous.size() - suffix);
}

Fields text_fields(const LedgerLine& l) {
    Fields f(kFieldCount);
    f[kUnit] = l.unit;
    f[kType] = l.type;
    f[kBasis] = shown_text(l.basis, l.basis_exact);
    f[kBasisUnit] = l.basis_unit;
    f[kRate] = shown_text(l.rate_ore, l.rate_exact);
    f[kAmount] = number(l.amount_ore);
    f[kRounding] = number(static_cast<int>(l.rounding));
    f[kBasisExact] = exact_text(l.basis_exact);
    f[kRateExact] = exact_text(l.rate_exact);
    f[kPot] = number(l.pot_ore);
    f[kShare] = l.share.to_fraction();
    f[kAnnual] = number(l.annual_ore);
    f[kExplanation] = l.explanation;
    return f;
}

LedgerLine line_of(const Fields& f, const std::string& component, std::size_t line) {
    LedgerLine l;
    l.unit = f[kUnit];
    l.component = component;
    l.type = f[kType];
    l.basis_exact = exact_at(f[kBasisExact], line);
    l.rate_exact = exact_at(f[kRateExact], line);
    l.basis = shown_at(f[kBasis], l.basis_exact, line);
    l.basis_unit = f[kBasisUnit];
    l.rate_ore = shown_at(f[kRate], l.rate_exact, line);
    l.amount_ore = integer_at(f[kAmount], line);
    const std::int64_t rounding = integer_at(f[kRounding], line);
    if (rounding < 0 || rounding > static_cast<int>(Rounding::monthly_share))
        damaged(line, "no rounding rule " + f[kRounding]);
    l.rounding = static_cast<Rounding>(rounding);
    l.pot_ore = integer_at(f[kPot], line);
    const auto share = exact_at(f[kShare], line);
    if (!share)
        damaged(line, "no share");
    l.share = *share;
    l.annual_ore = integer_at(f[kAnnual], line);
    l.explanation = f[kExplanation];
    return l;
}

}  // namespace

std::string encode_ledger(const RunResult& run) {
    std::string out = kLedgerHeader;
    std::vector<Fields> previous;  // per component: its last line's fields
    for (const auto& [id, type] : run.components) {
        out += "c\t";
        append_escaped(out, id);
        out += '\t';
        append_escaped(out, type);
        out += '\n';
        Fields start(kFieldCount);
        start[kType] = type;
        previous.push_back(std::move(start));
    }
    for (const UnitStatement& s : run.units) {
        out += "u\t";
        append_escaped(out, s.unit->id);
        out += '\t' + number(s.listed) + '\n';
        for (const LedgerLine& l : s.lines) {
            std::size_t c = 0;
            while (c < run.components.size() && run.components[c].first != l.component)
                ++c;
            if (c == run.components.size())
                throw std::logic_error("ledger line of component '" + l.component +
                                       "', which the run does not have");
            Fields fields = text_fields(l);
            Fields& before = previous[c];
            before[kUnit] = s.unit->id;  // a line's unit is its statement's, written once
            out += 'l';
            out += '\t' + number(static_cast<std::int64_t>(c));
            for (std::size_t f = 0; f < kFieldCount; ++f)
                append_field(out, f, fields[f], before[f]);
            out += '\n';
            before = std::move(fields);
        }
    }
    return out;
}

std::string encode_stored_lines(const std::vector<StoredLine>& lines) {
    std::string out = kStoredLinesHeader;
    for (const StoredLine& l : lines) {
        out += 's';
        for (const std::string* field :
             {&l.unit, &l.component, &l.type, &l.basis, &l.rate_ore, &l.explanation}) {
            out += '\t';
            append_escaped(out, *field);
        }
        out += '\t' + number(l.amount_ore) + '\n';
    }
    return out;
}

DecodedLedger decode_ledger(const std::string& payload) {
    if (payload.rfind(kStoredLinesHeader, 0) == 0)
        throw std::runtime_error("the run was stored before schema 6 with its lines' text only");
    if (payload.rfind(kLedgerHeader, 0) != 0)
        damaged(1, "not a vardval ledger");
    DecodedLedger out;
    std::vector<Fields> previous;
    const std::vector<std::string_view> lines =
        split(std::string_view(payload).substr(std::string_view(kLedgerHeader).size()), '\n');
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const std::size_t at = n + 2;  // the header is line 1
        if (lines[n].empty())
            continue;
        const std::vector<std::string_view> f = split(lines[n], '\t');
        if (f[0] == "c" && f.size() == 3) {
            out.components.emplace_back(unescaped(f[1]), unescaped(f[2]));
            Fields start(kFieldCount);
            start[kType] = out.components.back().second;
            previous.push_back(std::move(start));
        } else if (f[0] == "u" && f.size() == 3) {
            out.units.push_back({unescaped(f[1]), integer_at(f[2], at), {}});
        } else if (f[0] == "l" && f.size() == kFieldCount + 2 && !out.units.empty()) {
            const auto c = static_cast<std::size_t>(integer_at(f[1], at));
            if (c >= previous.size())
                damaged(at, "no component " + std::string(f[1]));
            Fields& before = previous[c];
            before[kUnit] = out.units.back().unit;
            Fields fields(kFieldCount);
            for (std::size_t k = 0; k < kFieldCount; ++k)
                fields[k] = field_at(f[k + 2], before[k], at);
            out.units.back().lines.push_back(line_of(fields, out.components[c].first, at));
            before = std::move(fields);
        } else {
            damaged(at, "not a component, unit or line record");
        }
    }
    return out;
}

std::vector<StoredLine> stored_lines(const std::string& payload) {
    std::vector<StoredLine> out;
    if (payload.rfind(kStoredLinesHeader, 0) != 0) {
        for (const LedgerStatement& s : decode_ledger(payload).units)
            for (const LedgerLine& l : s.lines)
                out.push_back({l.unit, l.component, l.type, l.basis.to_string(),
                               l.rate_ore.to_string(), l.amount_ore, l.explanation});
        return out;
    }
    const std::vector<std::string_view> lines =
        split(std::string_view(payload).substr(std::string_view(kStoredLinesHeader).size()), '\n');
    for (std::size_t n = 0; n < lines.size(); ++n) {
        if (lines[n].empty())
            continue;
        const std::vector<std::string_view> f = split(lines[n], '\t');
        if (f.size() != 8 || f[0] != "s")
            damaged(n + 2, "not a stored line");
        out.push_back({unescaped(f[1]), unescaped(f[2]), unescaped(f[3]), unescaped(f[4]),
                       unescaped(f[5]), integer_at(f[7], n + 2), unescaped(f[6])});
    }
    return out;
}

}  // namespace vardval
