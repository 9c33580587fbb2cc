#pragma once
// Numbers as Swedish readers write them (sv-SE), in one place for every human format:
// a space (U+0020, so existing tables and greps keep working) between thousands, a decimal comma, a
// true minus sign (U+2212), and no negative zero ("−0,0 %" is "0,0 %"). English readers get the
// same digits with a decimal point.
#include <cstdint>
#include <string>

#include "vardval/rational.hpp"
#include "vardval_host/report_model.hpp"

namespace vardval::report {

// 1234567 öre → "12 345,67" (sv) or "12,345.67" (en).
std::string format_ore_as_kr(std::int64_t ore, Lang lang);
// 1234567 → "1 234 567".
std::string format_count(std::int64_t n, Lang lang);
// An exact number to at most `decimals` decimals, rounded half away from zero, trailing
// zeros dropped: 10027.5 → "10 027,5".
std::string format_number(const Rational& value, int decimals, Lang lang);
// A fraction as a signed percentage with one decimal: 0.0091 → "+0,9 %"; −0.00004 → "0,0 %".
std::string format_percent(const Rational& fraction, Lang lang);

// A report cell as its column's kind says: kr from öre, counts, rates in öre to six
// decimals, percentages; text as it is; an empty cell "–".
std::string format_cell(const Cell& cell, ColumnKind kind, Lang lang);

}  // namespace vardval::report
