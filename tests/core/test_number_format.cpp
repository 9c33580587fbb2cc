// sv-SE and English number formatting, one place for every human-facing output.
#include <catch2/catch.hpp>

#include "vardval_host/number_format.hpp"

using namespace vardval;
using namespace vardval::report;

namespace {
const std::string kMinus = "\xE2\x88\x92";
}

TEST_CASE("kronor from öre: space thousands, decimal comma, true minus") {
    CHECK(format_ore_as_kr(501598155, Lang::sv) == "5 015 981,55");
    CHECK(format_ore_as_kr(501598155, Lang::en) == "5,015,981.55");
    CHECK(format_ore_as_kr(-1269175, Lang::sv) == kMinus + "12 691,75");
    CHECK(format_ore_as_kr(5, Lang::sv) == "0,05");
    CHECK(format_ore_as_kr(0, Lang::sv) == "0,00");
    CHECK(format_ore_as_kr(100000, Lang::sv) == "1 000,00");
}

TEST_CASE("counts and exact numbers") {
    CHECK(format_count(1234567, Lang::sv) == "1 234 567");
    CHECK(format_count(-999, Lang::sv) == kMinus + "999");
    // 10027.5 öre, as the old output printed "rate 10027.5 öre".
    CHECK(format_number(Rational::of(20055, 2), 6, Lang::sv) == "10 027,5");
    // 2/3 to six decimals, half away from zero: 0.666667.
    CHECK(format_number(Rational::of(2, 3), 6, Lang::sv) == "0,666667");
    CHECK(format_number(Rational::of(-7), 2, Lang::en) == kMinus + "7");
}

TEST_CASE("percentages: one decimal, signed, never a negative zero") {
    // 0.0091 = 0.91 % → +0,9 %
    CHECK(format_percent(Rational::of(91, 10000), Lang::sv) == "+0,9 %");
    // −0.00004 = −0.004 % rounds to zero: shown unsigned, not "-0,0 %".
    CHECK(format_percent(Rational::of(-4, 100000), Lang::sv) == "0,0 %");
    // −0.0125 = −1.25 % → half away from zero → −1,3 %
    CHECK(format_percent(Rational::of(-125, 10000), Lang::sv) == kMinus + "1,3 %");
    CHECK(format_percent(Rational::of(1, 4), Lang::en) == "+25.0%");
}
