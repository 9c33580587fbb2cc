#include <catch2/catch.hpp>

#include "distance.hpp"
#include "fixtures.hpp"

using namespace vardval;
using namespace vardval::test;

TEST_CASE("only persons living strictly beyond the threshold count") {
    const Period feb{2020, 2};
    FakeData data;
    ListingAggregate& l = data.listings[feb];
    add_persons(l, "a", 50, Sex::female, 3, {}, 300);  // exactly 30.0 km: not beyond
    add_persons(l, "a", 50, Sex::female, 2, {}, 301);  // 30.1 km
    add_persons(l, "b", 50, Sex::male, 7, {}, 50);
    const Region region = make_region({"a", "b"});
    ValidParams p(sparsity::distance_type(), "threshold_km: 30\namount_per_listed_year: 600");
    const auto lines = p.run(region, feb, data);
    CHECK(lines[0].basis == Decimal::from_int(2));
    CHECK(lines[0].amount_ore == 10000);  // 2 × 600 kr / 12
    CHECK(lines[1].amount_ore == 0);
    CHECK(any_issue_contains(
        issues_for(sparsity::distance_type(), "threshold_km: 30.05\namount_per_listed_year: 1"),
        "at most one decimal"));
}
