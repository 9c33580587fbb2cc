#pragma once
// Calendar months and month ranges: a listing is a census for one month, reference
// statistics cover a range such as 2018-11..2019-10.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace vardval {

struct Period {
    int year = 0;
    int month = 0;  // 1-12

    static std::optional<Period> parse(std::string_view text);  // "YYYY-MM"
    std::string to_string() const;
    auto operator<=>(const Period&) const = default;
};

struct PeriodRange {
    Period first;
    Period last;  // inclusive

    // "YYYY-MM..YYYY-MM", or "YYYY-MM" for one month (visits paid monthly)
    static std::optional<PeriodRange> parse(std::string_view text);
    std::string to_string() const;  // "YYYY-MM" when first == last
    bool contains(Period p) const { return first <= p && p <= last; }
    auto operator<=>(const PeriodRange&) const = default;
};

// A calendar date; used to compute ages and to place visits in a period.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    static std::optional<Date> parse(std::string_view text);  // "YYYY-MM-DD", validated
    Period period() const { return {year, month}; }
    auto operator<=>(const Date&) const = default;
};

// Completed years on `at` for someone born on `birth`.
int age_on(Date birth, Date at);

}  // namespace vardval
