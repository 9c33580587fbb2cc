#include "vardval/period.hpp"

#include <charconv>
#include <cstdio>

namespace vardval {
namespace {

bool parse_int(std::string_view s, int& out) {
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return std::from_chars(s.data(), s.data() + s.size(), out).ec == std::errc();
}

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

}  // namespace

std::optional<Period> Period::parse(std::string_view text) {
    Period p;
    if (text.size() != 7 || text[4] != '-' || !parse_int(text.substr(0, 4), p.year) ||
        !parse_int(text.substr(5, 2), p.month) || p.month < 1 || p.month > 12 || p.year < 1900)
        return std::nullopt;
    return p;
}

std::string Period::to_string() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return buf;
}

std::optional<PeriodRange> PeriodRange::parse(std::string_view text) {
    const std::size_t dots = text.find("..");
    if (dots == std::string_view::npos) {
        auto month = Period::parse(text);  // one month is a range of one
        return month ? std::optional<PeriodRange>(PeriodRange{*month, *month}) : std::nullopt;
    }
    auto first = Period::parse(text.substr(0, dots));
    auto last = Period::parse(text.substr(dots + 2));
    if (!first || !last || *last < *first)
        return std::nullopt;
    return PeriodRange{*first, *last};
}

std::string PeriodRange::to_string() const {
    return first == last ? first.to_string() : first.to_string() + ".." + last.to_string();
}

std::optional<Date> Date::parse(std::string_view text) {
    Date d;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
        !parse_int(text.substr(0, 4), d.year) || !parse_int(text.substr(5, 2), d.month) ||
        !parse_int(text.substr(8, 2), d.day) || d.year < 1800 || d.month < 1 || d.month > 12 ||
        d.day < 1 || d.day > days_in_month(d.year, d.month))
        return std::nullopt;
    return d;
}

int age_on(Date birth, Date at) {
    int age = at.year - birth.year;
    if (at.month < birth.month || (at.month == birth.month && at.day < birth.day))
        --age;
    return age;
}

}  // namespace vardval
