#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "supplements.hpp"

using namespace vardval;
using namespace vardval::test;

TEST_CASE("per listed in an age range counts only that range, both ends included") {
    const Period jan{2021, 1};
    FakeData data;
    ListingAggregate& l = data.listings[jan];
    add_persons(l, "a", 15, Sex::female, 3);
    add_persons(l, "a", 16, Sex::female, 2);
    add_persons(l, "a", 67, Sex::male, 4);
    add_persons(l, "a", 68, Sex::male, 1);
    const Region region = make_region({"a", "b"});
    ValidParams p(supplement::per_listed_type(),
                  "from_age: 16\nto_age: 67\namount_per_listed_year: 1200");
    const auto lines = p.run(region, jan, data);
    CHECK(lines[0].basis == Decimal::from_int(6));
    CHECK(lines[0].amount_ore == 60000);  // 6 × 1 200 kr / 12
    CHECK(lines[1].amount_ore == 0);
}

TEST_CASE("a family-centre pot shared in proportion to listed children 0-5") {
    const Period jan{2021, 1};
    FakeData data;
    ListingAggregate& l = data.listings[jan];
    add_persons(l, "a", 5, Sex::female, 3);
    add_persons(l, "a", 6, Sex::female, 9);  // too old
    add_persons(l, "b", 0, Sex::male, 1);
    const Region region = make_region({"a", "b"});
    ValidParams p(supplement::per_listed_type(), "from_age: 0\nto_age: 5\nbudget_year: 120");
    const auto lines = p.run(region, jan, data);
    // 12 000 öre a year, 1 000 in January, split 3 : 1.
    CHECK(lines[0].amount_ore == 750);
    CHECK(lines[1].amount_ore == 250);
}

TEST_CASE("per place: a fixed annual amount whose twelve months sum to it exactly") {
    Region region = make_region({"a", "b"});
    region.units[0].attributes["saebo_places"] = "1";
    FakeData data;
    ValidParams p(supplement::per_place_type(),
                  "attribute: saebo_places\namount_per_place_year: 10000");
    Ore year = 0;
    for (int m = 1; m <= 12; ++m) {
        const auto lines = p.run(region, Period{2020, m}, data);
        CHECK(lines[0].rounding == Rounding::monthly_share);
        CHECK(lines[1].amount_ore == 0);  // no places
        year += lines[0].amount_ore;
        if (m == 1)
            CHECK(lines[0].amount_ore == 83333);  // 1 000 000 öre / 12, rounded
    }
    CHECK(year == 1'000'000);  // 10 000 kr
}

TEST_CASE("a place count that is not a number is an error naming the unit and attribute") {
    Region region = make_region({"a"});
    region.units[0].attributes["saebo_places"] = "many";
    FakeData data;
    ValidParams p(supplement::per_place_type(),
                  "attribute: saebo_places\namount_per_place_year: 10000");
    CHECK_THROWS_WITH(p.run(region, Period{2020, 1}, data), Catch::Contains("unit 'a'") &&
                                                                Catch::Contains("saebo_places") &&
                                                                Catch::Contains("many"));
    CHECK(any_issue_contains(issues_for(supplement::per_listed_type(),
                                        "from_age: 20\nto_age: 10\namount_per_listed_year: 1"),
                             "to_age must be at least from_age"));
}
