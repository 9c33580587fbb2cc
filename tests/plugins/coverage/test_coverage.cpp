#include <catch2/catch.hpp>

#include "coverage.hpp"
#include "fixtures.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {
const Period kMar{2021, 3};

// a 1 000 listed at 70 % (7 000 of 10 000 outpatient visits in primary care), b 2 000 at 69 %,
// c 500 with no outpatient visits at all, d 1 500 reporting nothing.
FakeData four_units() {
    FakeData data;
    add_persons(data.listings[kMar], "a", 40, Sex::female, 1000);
    add_persons(data.listings[kMar], "b", 40, Sex::female, 2000);
    add_persons(data.listings[kMar], "c", 40, Sex::female, 500);
    add_persons(data.listings[kMar], "d", 40, Sex::female, 1500);
    auto& v = data.values[kMar].values;
    v["a"]["primary_care_visits"] = Decimal::from_int(7000);
    v["a"]["outpatient_visits"] = Decimal::from_int(10000);
    v["b"]["primary_care_visits"] = Decimal::from_int(6900);
    v["b"]["outpatient_visits"] = Decimal::from_int(10000);
    v["c"]["primary_care_visits"] = Decimal::from_int(0);
    v["c"]["outpatient_visits"] = Decimal::from_int(0);
    return data;
}

const Region kRegion = make_region({"a", "b", "c", "d"});

Ore total(const std::vector<LedgerLine>& lines) {
    Ore sum = 0;
    for (const LedgerLine& l : lines)
        sum += l.amount_ore;
    return sum;
}
}  // namespace

TEST_CASE("coverage threshold: a fixed amount to units reaching the level") {
    FakeData data = four_units();
    ValidParams p(
        coverage::ratio_type(),
        "mode: threshold\nat_least: 0.7\namount_per_unit_year: 12000\nmissing_value: zero");
    const auto lines = p.run(kRegion, kMar, data);
    CHECK(lines[0].amount_ore == 100'000);  // 70 % reaches 70 %: 12 000 kr / 12
    CHECK_THAT(lines[0].explanation,
               Catch::Contains("täckningsgrad 70.00 %") && Catch::Contains("reaches 70.00 %"));
    CHECK(lines[1].amount_ore == 0);  // 69 % does not
    CHECK_THAT(lines[1].explanation, Catch::Contains("does not reach"));
    CHECK(lines[2].amount_ore == 0);  // no outpatient visits: no ratio, no pay
    CHECK_THAT(lines[2].explanation,
               Catch::Contains("no täckningsgrad: the unit's listed had no outpatient visits") &&
                   Catch::Contains("so no coverage pay"));
    CHECK(lines[3].amount_ore == 0);
    CHECK_THAT(lines[3].explanation, Catch::Contains("reports no primary_care_visits"));
}

TEST_CASE("coverage threshold: an amount not divisible by 12 still sums to the year") {
    FakeData data = four_units();
    ValidParams p(
        coverage::ratio_type(),
        "mode: threshold\nat_least: 0.7\namount_per_unit_year: 1000\nmissing_value: zero");
    // 100 000 öre a year = 8 333.33 a month: the months are 8 333 or 8 334 and sum to it.
    Ore year = 0;
    for (int m = 1; m <= 12; ++m) {
        data.listings[Period{2021, m}] = data.listings[kMar];
        data.values[Period{2021, m}] = data.values[kMar];
        year += p.run(kRegion, Period{2021, m}, data)[0].amount_ore;
    }
    CHECK(year == 100'000);
}

TEST_CASE("coverage threshold: a pot shared per listed among the units reaching the level") {
    FakeData data = four_units();
    ValidParams p(coverage::ratio_type(),
                  "mode: threshold\nat_least: 0.69\nbudget_year: 1200000\nmissing_value: zero");
    const auto lines = p.run(kRegion, kMar, data);
    // March's share 10 000 000 öre split 1 000 : 2 000 = 3 333 333.33 : 6 666 666.67.
    CHECK(lines[0].amount_ore == 3'333'333);
    CHECK(lines[1].amount_ore == 6'666'667);
    CHECK(lines[2].amount_ore == 0);
    CHECK(lines[3].amount_ore == 0);
    CHECK(total(lines) == 10'000'000);
}

TEST_CASE("coverage share: a pot by listed × täckningsgrad reconciles to the öre") {
    FakeData data = four_units();
    ValidParams p(coverage::ratio_type(), "mode: share\nbudget_year: 1200000\nmissing_value: zero");
    const auto lines = p.run(kRegion, kMar, data);
    // Bases: a 1 000 × 0.70 = 700, b 2 000 × 0.69 = 1 380, c and d none; total 2 080.
    // 10 000 000 × 700 / 2 080 = 3 365 384.615, × 1 380 / 2 080 = 6 634 615.385: the öre
    // left over goes to a.
    CHECK(lines[0].basis == Decimal::from_int(700));
    CHECK(lines[1].basis == Decimal::from_int(1380));
    CHECK(lines[0].amount_ore == 3'365'385);
    CHECK(lines[1].amount_ore == 6'634'615);
    CHECK(lines[2].amount_ore == 0);
    CHECK(total(lines) == 10'000'000);
    CHECK(lines[0].rounding == Rounding::largest_remainder);
}

TEST_CASE("coverage share: a price per listed × täckningsgrad, rounded per line") {
    FakeData data = four_units();
    data.values[kMar].values["b"]["primary_care_visits"] = Decimal::from_int(2000);
    data.values[kMar].values["b"]["outpatient_visits"] = Decimal::from_int(3000);
    ValidParams p(coverage::ratio_type(),
                  "mode: share\namount_per_listed_year: 120\nmissing_value: zero");
    const auto lines = p.run(kRegion, kMar, data);
    CHECK(lines[0].amount_ore == 700'000);  // 700 × 120 kr / 12
    // b: 2 000 × 2/3 = 1 333.333333; × 1 000 öre = 1 333 333.333 → 1 333 333.
    CHECK(lines[1].basis == *Decimal::parse("1333.333333"));
    CHECK(lines[1].amount_ore == 1'333'333);
    CHECK(lines[1].amount_ore == amount_ore(lines[1].basis, lines[1].rate_ore));
}

TEST_CASE("coverage: missing measures and impossible values are errors naming them") {
    FakeData data = four_units();
    ValidParams p(coverage::ratio_type(),
                  "mode: share\namount_per_listed_year: 120\noutpatient_measure: all_visits");
    CHECK_THROWS_WITH(p.run(kRegion, kMar, data), Catch::Contains("coverage.ratio") &&
                                                      Catch::Contains("'all_visits'") &&
                                                      Catch::Contains("2021-03"));
    data.values[kMar].values["b"]["primary_care_visits"] = Decimal::from_int(10001);
    ValidParams q(coverage::ratio_type(), "mode: share\namount_per_listed_year: 120");
    CHECK_THROWS_WITH(q.run(kRegion, kMar, data),
                      Catch::Contains("unit 'b'") && Catch::Contains("exceeds outpatient_visits"));
}

TEST_CASE("coverage parameters: modes and amounts must fit together") {
    const ComponentType t = coverage::ratio_type();
    CHECK(any_issue_contains(issues_for(t, "mode: threshold\namount_per_unit_year: 1000"),
                             "mode threshold needs at_least, e.g. 0.7"));
    CHECK(any_issue_contains(issues_for(t, "mode: share\nat_least: 0.7\nbudget_year: 1000"),
                             "at_least applies to mode threshold only"));
    CHECK(any_issue_contains(issues_for(t, "mode: share\namount_per_unit_year: 1000"),
                             "amount_per_unit_year does not apply to mode share; use "
                             "amount_per_listed_year or budget_year"));
    CHECK(any_issue_contains(
        issues_for(t, "mode: threshold\nat_least: 0.7\namount_per_listed_year: 10"),
        "amount_per_listed_year does not apply to mode threshold"));
    CHECK(any_issue_contains(
        issues_for(t, "mode: share\namount_per_listed_year: 10\nbudget_year: 1000"),
        "exactly one of amount_per_unit_year, amount_per_listed_year, budget_year"));
    CHECK(any_issue_contains(issues_for(t, "mode: threshold\nat_least: 1.5\nbudget_year: 1"),
                             "out of range: must be between 0 and 1"));
    CHECK(any_issue_contains(issues_for(t, "mode: share\nbudget_year: -1"), "must be at least 0"));
    CHECK(any_issue_contains(issues_for(t, "mode: ratio\nbudget_year: 1"),
                             "expected one of threshold, share"));
    CHECK(any_issue_contains(issues_for(t, "mode: share\nbudget_year: 1\nlevel: 0.7"),
                             "unknown parameter 'level'"));
}
