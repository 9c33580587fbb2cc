#include <catch2/catch.hpp>

#include "psychiatry.hpp"
#include "psychiatry_data.hpp"

using namespace vardval;
using namespace vardval::test;

TEST_CASE("appropriation: an indexed annual amount paid so the twelve months sum to it exactly") {
    const Region region = make_region({"a", "b", "c"});
    FakeData data;
    ValidParams p(psychiatry::appropriation_type(),
                  "amounts_year: {a: 1234567, b: 250000.50}\nindex: 1.023");
    Ore year_a = 0;
    Ore year_b = 0;
    for (int m = 1; m <= 12; ++m) {
        const auto lines = p.run(region, Period{2024, m}, data);
        REQUIRE(lines.size() == 3);
        CHECK(lines[0].unit == "a");
        CHECK(lines[0].rounding == Rounding::monthly_share);
        CHECK(lines[0].basis == Decimal::from_int(1));
        CHECK(lines[2].amount_ore == 0);  // c is not in amounts_year: a zero line
        CHECK(lines[2].basis.is_zero());
        year_a += lines[0].amount_ore;
        year_b += lines[1].amount_ore;
        if (m == 1) {
            // 1 234 567 kr × 1.023 = 126 296 204.1 öre → 126 296 204; / 12 = 10 524 683.67.
            CHECK(lines[0].amount_ore == 10'524'684);
            CHECK(lines[0].rate_ore == Decimal::parse("10524683.666667"));
            CHECK_THAT(lines[0].explanation,
                       Catch::Contains("anslag (appropriation) 1 234 567.00 kr a year") &&
                           Catch::Contains("× index 1.023 = 1 262 962.04 kr a year") &&
                           Catch::Contains("twelve months sum to the year") &&
                           Catch::Contains("105 246.84 kr in 2024-01"));
            CHECK_THAT(lines[2].explanation, Catch::Contains("no anslag (appropriation)"));
        }
        if (m == 2)
            CHECK(lines[0].amount_ore == 10'524'683);  // 21 049 367 − 10 524 684
    }
    CHECK(year_a == 126'296'204);
    CHECK(year_b == 25'575'051);  // 25 000 050 öre × 1.023 = 25 575 051.15
}

TEST_CASE("appropriation: without an index the amount is paid as given") {
    const Region region = make_region({"a"});
    FakeData data;
    ValidParams p(psychiatry::appropriation_type(), "amounts_year: {a: 1200000}");
    const auto lines = p.run(region, Period{2024, 7}, data);
    CHECK(lines[0].amount_ore == 10'000'000);  // 1 200 000 kr / 12
    CHECK_THAT(lines[0].explanation, !Catch::Contains("index"));
}

TEST_CASE("appropriation: a pot split in proportion to the amounts, to the öre") {
    const Region region = make_region({"a", "b", "c", "d"});
    FakeData data;
    SECTION("equal weights: the öre left over go to the earliest units") {
        ValidParams p(psychiatry::appropriation_type(),
                      "amounts_year: {a: 1, b: 1, c: 1}\nbudget_year: 1000");
        Ore year = 0;
        for (int m = 1; m <= 12; ++m) {
            const auto lines = p.run(region, Period{2024, m}, data);
            CHECK(lines[0].rounding == Rounding::largest_remainder);
            CHECK(lines[3].amount_ore == 0);  // d has no weight
            year += sum_amounts(lines);
            if (m == 1) {
                // 100 000 öre / 12 = 8 333; / 3 = 2 777.67 each.
                CHECK(lines[0].amount_ore == 2778);
                CHECK(lines[1].amount_ore == 2778);
                CHECK(lines[2].amount_ore == 2777);
                CHECK_THAT(lines[0].explanation,
                           Catch::Contains("in proportion to amounts_year") &&
                               Catch::Contains("annual budget 1 000 kr") &&
                               Catch::Contains("1 of the region's 3 kr of amounts_year"));
            }
        }
        CHECK(year == 100'000);
    }
    SECTION("amounts as relative weights and a budget share") {
        ValidParams p(psychiatry::appropriation_type(),
                      "amounts_year: {a: 30000000, b: 10000000}\nbudget_year: 1200000\n"
                      "budget_share: 0.5");
        const auto lines = p.run(region, Period{2024, 1}, data);
        // 120 000 000 öre × 0.5 / 12 = 5 000 000, split 3 : 1.
        CHECK(lines[0].amount_ore == 3'750'000);
        CHECK(lines[1].amount_ore == 1'250'000);
        CHECK(sum_amounts(lines) == 5'000'000);
    }
}

TEST_CASE(
    "appropriation: a unit the model does not pay is an error naming it and the valid units") {
    const Region region = make_region({"vuxen", "bup"});
    FakeData data;
    ValidParams p(psychiatry::appropriation_type(), "amounts_year: {vuxen: 100, vuxn: 5, bup: 1}");
    CHECK_THROWS_WITH(p.run(region, Period{2024, 1}, data),
                      Catch::Contains("psychiatry.appropriation") && Catch::Contains("'vuxn'") &&
                          Catch::Contains("did you mean 'vuxen'") &&
                          Catch::Contains("valid units: vuxen, bup"));
    ValidParams pot(psychiatry::appropriation_type(), "amounts_year: {x: 1}\nbudget_year: 10");
    CHECK_THROWS_WITH(pot.run(region, Period{2024, 1}, data), Catch::Contains("'x'"));
}

TEST_CASE("appropriation: parameters checked before anything is paid") {
    const ComponentType t = psychiatry::appropriation_type();
    CHECK(any_issue_contains(issues_for(t, "amounts_year: {}"), "at least one unit"));
    CHECK(any_issue_contains(issues_for(t, "index: 1.02"), "missing required parameter"));
    CHECK(any_issue_contains(issues_for(t, "amounts_year: {a: 1}\nbudget_year: 10\nindex: 1.02"),
                             "index has no effect"));
    CHECK(any_issue_contains(issues_for(t, "amounts_year: {a: 1}\nbudget_share: 0.5"),
                             "needs budget_year"));
    CHECK(any_issue_contains(issues_for(t, "amounts_year: {a: -1}"), "out of range"));
    CHECK(issues_for(t, "amounts_year: {a: 1}\nbudget_year: 10\nbudget_share: 0.7").empty());
}
