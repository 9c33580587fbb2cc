#include <catch2/catch.hpp>

#include "cni.hpp"
#include "fixtures.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {
const Period kFeb{2020, 2};

// a: 100 listed, 10 with A; b: 100 listed, 40 with B. Weights A 2, B 1.
FakeData sample() {
    FakeData data;
    ListingAggregate& l = data.listings[kFeb];
    add_persons(l, "a", 40, Sex::female, 10, {"A"});
    add_persons(l, "a", 40, Sex::male, 90);
    add_persons(l, "b", 40, Sex::female, 40, {"B"});
    add_persons(l, "b", 40, Sex::male, 60);
    l.units["a"].cni["B"] = 0;
    l.units["b"].cni["A"] = 0;
    return data;
}
}  // namespace

TEST_CASE("a unit's CNI index is its weighted variable share relative to the region's") {
    FakeData data = sample();
    const ListingAggregate& l = data.listings[kFeb];
    const std::map<std::string, Decimal> w{{"A", Decimal::from_int(2)},
                                           {"B", Decimal::from_int(1)}};
    // a: 2 × 0.10 = 0.2; b: 1 × 0.40 = 0.4; region: (2·10 + 1·40) / 200 = 0.3.
    CHECK(cni::unit_index(w, l.units.at("a"), l).to_string() == "0.666667");
    CHECK(cni::unit_index(w, l.units.at("b"), l).to_string() == "1.333333");
}

TEST_CASE("average amount × index per listed") {
    const Region region = make_region({"a", "b"});
    FakeData data = sample();
    ValidParams p(cni::cni_type(), "average_per_listed_year: 820\nvariables: {A: 2, B: 1}");
    const auto lines = p.run(region, kFeb, data);
    // basis a = 100 × 0.666667 = 66.6667; rate 82 000 / 12 = 6 833.333333 öre;
    // 66.6667 × 6 833.333333 = 455 555.78 → 455 556 öre (≈ 820 × 0.6667 / 12 kr per listed).
    CHECK(lines[0].basis.to_string() == "66.666700");
    CHECK(lines[0].rate_ore.to_string() == "6833.333333");
    CHECK(lines[0].amount_ore == 455556);
    CHECK(lines[1].amount_ore == amount_ore(Decimal::parse("133.3333").value(), lines[1].rate_ore));
}

TEST_CASE("CNI as a share of a capitation budget reconciles") {
    const Region region = make_region({"a", "b"});
    FakeData data = sample();
    ValidParams p(cni::cni_type(),
                  "budget_year: 1200000\nbudget_share: 0.25\nvariables: {A: 2, B: 1}");
    const auto lines = p.run(region, kFeb, data);
    // 25 % of 1.2 mkr = 300 000 kr a year = 2 500 000 öre a month, split 66.6667 : 133.3333:
    // 833 333.75 and 1 666 666.25 → 833 333 and 1 666 666, the last öre to a (0.75 > 0.25).
    CHECK(lines[0].amount_ore + lines[1].amount_ore == 2'500'000);
    CHECK(lines[0].amount_ore == 833'334);
}

TEST_CASE("a CNI variable missing from the listing is an error naming it") {
    const Region region = make_region({"a", "b"});
    FakeData data = sample();
    ValidParams p(cni::cni_type(), "average_per_listed_year: 820\nvariables: {A: 2, C: 1}");
    CHECK_THROWS_WITH(p.run(region, kFeb, data), Catch::Contains("CNI variable 'C'"));
}

TEST_CASE("a pot's keys beside a price are refused, not ignored") {
    // Today budget_share is dropped without a word and 820 kr is paid in full.
    const ComponentType t = cni::cni_type();
    CHECK(any_issue_contains(
        issues_for(t, "average_per_listed_year: 820\nbudget_share: 0.5\nvariables: {A: 1}"),
        "test.yaml:2:15: params.budget_share: budget_share applies to a pot and needs "
        "budget_year"));
    CHECK(any_issue_contains(
        issues_for(t, "average_per_listed_year: 820\nplanned_volume_year: 9\nvariables: {A: 1}"),
        "planned_volume_year applies to a pot and needs budget_year"));
    CHECK(issues_for(t, "budget_year: 1000\nbudget_share: 0.5\nvariables: {A: 1}").empty());
}
