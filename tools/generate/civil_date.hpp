#pragma once
// Calendar arithmetic on day numbers (days since 1970-01-01), after Howard Hinnant's
// public-domain civil-date algorithms. Integer-only, so identical on every machine.
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace gen {

using Day = std::int32_t;

struct Ymd {
    int y = 0;
    int m = 0;  // 1-12
    int d = 0;  // 1-31
};

constexpr bool is_leap(int y) {
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

constexpr int days_in_month(int y, int m) {
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

constexpr Day days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

constexpr Day days_from_civil(Ymd c) {
    return days_from_civil(c.y, c.m, c.d);
}

constexpr Ymd civil_from_days(Day z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return {yoe + era * 400 + (m <= 2), m, d};
}

// Completed years on `on` for someone born on `birth`; the same rule as the
// platform's vardval::age_on (a 29 February birthday counts from 1 March).
constexpr int age_at(Day birth, Day on) {
    const Ymd b = civil_from_days(birth);
    const Ymd o = civil_from_days(on);
    int age = o.y - b.y;
    if (o.m < b.m || (o.m == b.m && o.d < b.d))
        --age;
    return age;
}

// First day on which someone born on `birth` has completed `age` years.
constexpr Day day_reaching_age(Day birth, int age) {
    const Ymd b = civil_from_days(birth);
    const int y = b.y + age;
    if (b.m == 2 && b.d == 29 && !is_leap(y))
        return days_from_civil(y, 3, 1);
    return days_from_civil(y, b.m, b.d);
}

// The same month and day `years` later (or earlier), 29 February becoming the 28th.
constexpr Day add_years(Day day, int years) {
    Ymd c = civil_from_days(day);
    c.y += years;
    if (c.m == 2 && c.d == 29 && !is_leap(c.y))
        c.d = 28;
    return days_from_civil(c);
}

// 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday).
constexpr int weekday(Day day) {
    return static_cast<int>(((day % 7) + 7 + 3) % 7);
}

constexpr bool is_weekend(Day day) {
    return weekday(day) >= 5;
}

// A calendar month, as used for listing months and the visits period.
struct Month {
    int y = 0;
    int m = 0;

    Day first_day() const { return days_from_civil(y, m, 1); }
    Day last_day() const { return days_from_civil(y, m, days_in_month(y, m)); }
    // Months since year 0: a key for per-month random streams.
    std::uint64_t key() const {
        return static_cast<std::uint64_t>(y) * 12 + static_cast<std::uint64_t>(m - 1);
    }
    auto operator<=>(const Month&) const = default;
};

inline std::string month_text(Month m) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", m.y, m.m);
    return text;
}

// Parses "YYYY-MM" (years 1900-2199 keep the date arithmetic and ages sensible).
inline std::optional<Month> parse_month(std::string_view text) {
    if (text.size() != 7 || text[4] != '-')
        return std::nullopt;
    Month month;
    const char* begin = text.data();
    auto [p1, e1] = std::from_chars(begin, begin + 4, month.y);
    auto [p2, e2] = std::from_chars(begin + 5, begin + 7, month.m);
    if (e1 != std::errc{} || p1 != begin + 4 || e2 != std::errc{} || p2 != begin + 7) {
        return std::nullopt;
    }
    if (month.y < 1900 || month.y > 2199 || month.m < 1 || month.m > 12)
        return std::nullopt;
    return month;
}

}  // namespace gen
