#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "goals.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {
const Period kJan{2021, 1};

// Five units with 100 listed each except b and c (300); indicator values set per test.
FakeData five_units() {
    FakeData data;
    for (const char* u : {"a", "b", "c", "d", "e"})
        add_persons(data.listings[kJan], u, 40, Sex::female,
                    std::string(u) == "b" || std::string(u) == "c" ? 300 : 100);
    return data;
}
}  // namespace

TEST_CASE("approved plan: a fixed amount per approved unit, or a pot per listed among them") {
    FakeData data = five_units();
    data.values[kJan].values["a"]["plan"] = Decimal::from_int(1);
    data.values[kJan].values["b"]["plan"] = Decimal::from_int(0);
    data.values[kJan].values["c"]["plan"] = Decimal::from_int(1);
    const Region region = make_region({"a", "b", "c"});
    ValidParams fixed(goal::approved_type(), "measure: plan\namount_per_unit_year: 45000");
    auto lines = fixed.run(region, kJan, data);
    CHECK(lines[0].amount_ore == 375000);  // 45 000 kr / 12
    CHECK(lines[1].amount_ore == 0);
    ValidParams pot(goal::approved_type(), "measure: plan\nbudget_year: 2500000");
    lines = pot.run(region, kJan, data);
    // January's share 20 833 333 öre split 100 : 300 = 5 208 333.25 : 15 624 999.75.
    CHECK(lines[0].amount_ore == 5'208'333);
    CHECK(lines[1].amount_ore == 0);
    CHECK(lines[2].amount_ore == 15'625'000);
}

TEST_CASE("approved plan: a pot shared equally by approved units without a listing") {
    FakeData data = five_units();
    data.values[kJan].values["clinic1"]["goals"] = Decimal::from_int(1);
    data.values[kJan].values["clinic2"]["goals"] = Decimal::from_int(0);
    data.values[kJan].values["clinic3"]["goals"] = Decimal::from_int(1);
    const Region region = make_region({"clinic1", "clinic2", "clinic3"});
    ValidParams pot(goal::approved_type(),
                    "measure: goals\nbudget_year: 31200000\npot_shared: per_unit");
    const auto lines = pot.run(region, kJan, data);
    // January's 2 600 000 kr in two equal parts; nobody is listed at a clinic.
    CHECK(lines[0].amount_ore == 130'000'000);
    CHECK(lines[1].amount_ore == 0);
    CHECK(lines[2].amount_ore == 130'000'000);
    CHECK(lines[0].basis_unit == "qualifying unit");
}

TEST_CASE("ranked: the N best share a pot by listed, and a tie with the N-th is included") {
    FakeData data = five_units();
    auto& v = data.values[kJan].values;
    v["a"]["continuity"] = *Decimal::parse("0.7");
    v["b"]["continuity"] = *Decimal::parse("0.9");
    v["c"]["continuity"] = *Decimal::parse("0.8");
    v["d"]["continuity"] = *Decimal::parse("0.8");  // tied with c for second place
    const Region region = make_region({"a", "b", "c", "d", "e"});
    ValidParams p(goal::ranked_type(),
                  "measure: continuity\ntop: 2\nbudget_year: 1200000\nmissing_value: zero");
    const auto lines = p.run(region, kJan, data);
    // 10 000 000 öre in January over b, c, d by listed 300 : 300 : 100.
    CHECK(lines[0].amount_ore == 0);
    CHECK(lines[1].amount_ore == 4'285'714);
    CHECK(lines[2].amount_ore == 4'285'714);
    CHECK(lines[3].amount_ore == 1'428'572);
    CHECK(lines[4].amount_ore == 0);  // e reported nothing
    Ore sum = 0;
    for (const auto& l : lines)
        sum += l.amount_ore;
    CHECK(sum == 10'000'000);
}

TEST_CASE("ranked with lower is better") {
    FakeData data = five_units();
    auto& v = data.values[kJan].values;
    v["a"]["waiting_days"] = Decimal::from_int(3);
    v["b"]["waiting_days"] = Decimal::from_int(9);
    const Region region = make_region({"a", "b"});
    ValidParams p(goal::ranked_type(),
                  "measure: waiting_days\ntop: 1\nhigher_is_better: false\nbudget_year: 12");
    const auto lines = p.run(region, kJan, data);
    CHECK(lines[0].amount_ore == 100);
    CHECK(lines[1].amount_ore == 0);
}

TEST_CASE("threshold: a level reached, strictly exceeded, or an improvement by a share") {
    FakeData data = five_units();
    auto& v = data.values[kJan].values;
    v["a"]["named_doctor"] = *Decimal::parse("0.55");
    v["b"]["named_doctor"] = *Decimal::parse("0.56");
    v["a"]["continuity"] = *Decimal::parse("0.60");
    v["a"]["continuity_before"] = *Decimal::parse("0.50");  // +20 % exactly: qualifies
    v["b"]["continuity"] = *Decimal::parse("0.59");
    v["b"]["continuity_before"] = *Decimal::parse("0.50");  // +18 %: does not
    const Region region = make_region({"a", "b", "c"});

    ValidParams above(goal::threshold_type(),
                      "measure: named_doctor\nmore_than: 0.55\namount_per_unit_year: 1200\n"
                      "missing_value: zero");  // c reports nothing
    auto lines = above.run(region, kJan, data);
    CHECK(lines[0].amount_ore == 0);  // 55 % does not exceed 55 %
    CHECK(lines[1].amount_ore == 10000);
    ValidParams reach(goal::threshold_type(),
                      "measure: named_doctor\nat_least: 0.55\namount_per_unit_year: 1200\n"
                      "missing_value: zero");
    CHECK(reach.run(region, kJan, data)[0].amount_ore == 10000);

    ValidParams improved(
        goal::threshold_type(),
        "measure: continuity\nimprovement_over: continuity_before\nmin_improvement: 0.2\n"
        "budget_year: 1200000\nmissing_value: zero");
    lines = improved.run(region, kJan, data);
    CHECK(lines[0].amount_ore == 10'000'000);  // the whole January pot: a is the only one
    CHECK(lines[1].amount_ore == 0);
    CHECK(lines[2].amount_ore == 0);  // c reported nothing
    CHECK(any_issue_contains(
        issues_for(goal::threshold_type(), "measure: x\namount_per_unit_year: 1"),
        "exactly one of at_least, more_than, improvement_over"));
}

TEST_CASE("a fixed amount a year per qualifying unit sums to the year over twelve months") {
    const Region region = make_region({"a"});
    ValidParams fixed(goal::approved_type(), "measure: plan\namount_per_unit_year: 1000");
    Ore year = 0;
    for (int m = 1; m <= 12; ++m) {
        FakeData data;
        add_persons(data.listings[Period{2021, m}], "a", 40, Sex::female, 10);
        data.values[Period{2021, m}].values["a"]["plan"] = Decimal::from_int(1);
        year += fixed.run(region, Period{2021, m}, data)[0].amount_ore;
    }
    CHECK(year == 100'000);  // not 12 × 8 333 = 99 996 öre
}
