#include <catch2/catch.hpp>

#include "age_weighted.hpp"
#include "age_weights.hpp"
#include "fixtures.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {

const Period kFeb{2020, 2};

// Unit a: 10 girls aged 12 and 5 men aged 87; unit b: 20 women aged 40.
FakeData two_units() {
    FakeData data;
    ListingAggregate& l = data.listings[kFeb];
    add_persons(l, "a", 12, Sex::female, 10);
    add_persons(l, "a", 87, Sex::male, 5);
    add_persons(l, "b", 40, Sex::female, 20);
    return data;
}

const char* kBands = R"(
bands:
  - {from: 0, to: 14, weight: 0.5}
  - {from: 15, to: 64, weight: 1}
  - {from: 65, weight: 2}
)";

}  // namespace

TEST_CASE("price per weight unit: basis is weighted listed, rate the yearly price / 12") {
    const Region region = make_region({"a", "b", "c"});
    FakeData data = two_units();
    ValidParams p(capitation::age_weighted_type(),
                  std::string("price_per_weight_year: 1200\n") + kBands);
    const auto lines = p.run(region, kFeb, data);
    REQUIRE(lines.size() == 3);
    // a: 10 × 0.5 + 5 × 2 = 15 weighted listed; 1 200 kr / 12 = 10 000 öre each.
    CHECK(lines[0].basis == Decimal::from_int(15));
    CHECK(lines[0].rate_ore == Decimal::from_int(10000));
    CHECK(lines[0].amount_ore == 150000);
    CHECK(lines[1].amount_ore == 200000);  // 20 × 1.0
    CHECK(lines[2].amount_ore == 0);       // c has nobody listed: a zero line, not a missing one
    CHECK(lines[0].trace.size() == 2);     // one line per band with persons
}

TEST_CASE(
    "budget pot: the month's share split by weighted listed, reconciled by largest remainder") {
    const Region region = make_region({"a", "b"});
    FakeData data = two_units();
    ValidParams p(capitation::age_weighted_type(), std::string("budget_year: 100\n") + kBands);
    const auto lines = p.run(region, kFeb, data);
    // 10 000 öre a year; February's share is round(10000·2/12) − round(10000/12) = 1667 − 833 =
    // 834. Split 15 : 20 = 357.43 : 476.57 → 357 and 476, the last öre to the larger remainder (b).
    CHECK(lines[0].amount_ore == 357);
    CHECK(lines[1].amount_ore == 477);
    CHECK(lines[0].rounding == Rounding::largest_remainder);
}

TEST_CASE("bands split by sex") {
    const Region region = make_region({"a"});
    FakeData data = two_units();
    ValidParams p(capitation::age_weighted_type(), R"(
price_per_weight_year: 12
bands:
  - {from: 0, sex: F, weight: 1}
  - {from: 0, sex: M, weight: 3}
)");
    const auto lines = p.run(region, kFeb, data);
    CHECK(lines[0].basis == Decimal::from_int(25));  // 10 × 1 + 5 × 3
    CHECK(lines[0].amount_ore == 2500);              // 12 kr / 12 = 100 öre per weight unit
}

TEST_CASE("weights derived from visits the way JH derives them") {
    // Population (listing 2019-10): 100 aged 0-14, 300 aged 15-64, 100 aged 65+; N = 500.
    ListingAggregate population;
    population.ref.period = "2019-10";
    add_persons(population, "a", 10, Sex::female, 100);
    add_persons(population, "a", 30, Sex::male, 300);
    add_persons(population, "b", 70, Sex::female, 100);
    VisitAggregate visits;
    visits.counts = {
        visit_count("a", 10, Sex::female, "doctor", "visit", 50),              // 100 weighted
        visit_count("a", 10, Sex::female, "nurse", "visit", 50),               // 50
        visit_count("a", 30, Sex::male, "doctor", "visit", 100),               // 200
        visit_count("a", 30, Sex::male, "nurse", "phone", 100),                // 100
        visit_count("a", 30, Sex::male, "nurse", "phone_prescription", 1000),  // excluded
        visit_count("b", 70, Sex::female, "doctor", "home_visit", 150),        // 300
        visit_count("b", 70, Sex::female, "physiotherapist", "visit", 150),    // 150
    };
    const AgeBandTable bands(
        std::vector<AgeBand>{{0, 14, {}, {}}, {15, 64, {}, {}}, {65, {}, {}, {}}});
    capitation::DerivationRule rule;
    rule.profession_factors["doctor"] = Decimal::from_int(2);
    rule.excluded_contact_types.insert("phone_prescription");
    std::vector<capitation::DerivedBand> details;
    const AgeBandTable w = capitation::derive_weights(bands, visits, population, rule, details);
    // V = 150 + 300 + 450 = 900 weighted visits; V/N = 1.8 per person.
    CHECK(details[0].weighted_visits == Decimal::from_int(150));
    CHECK(details[1].persons == 300);
    CHECK(w.bands()[0].weight->to_string() == "0.833333");  // (150/100) / 1.8
    CHECK(w.bands()[1].weight->to_string() == "0.555556");  // (300/300) / 1.8
    CHECK(w.bands()[2].weight->to_string() == "2.500000");  // (450/100) / 1.8

    // The same through the component, paying February 2020 from the derived weights.
    const Region region = make_region({"a", "b"});
    FakeData data = two_units();
    data.listings[Period{2019, 10}] = population;
    data.visit_sets[*PeriodRange::parse("2018-11..2019-10")] = visits;
    ValidParams p(capitation::age_weighted_type(), R"(
price_per_weight_year: 1200
derive:
  visits_period: 2018-11..2019-10
  population_period: 2019-10
  exclude_contact_types: [phone_prescription]
bands: [{from: 0, to: 14}, {from: 15, to: 64}, {from: 65}]
)");
    const auto lines = p.run(region, kFeb, data);
    // a: 10 × 5/6 (exact, shown 0.833333) + 5 × 2.5 = 125/6 = 20.833333 weighted listed at
    // 10 000 öre: 1 250 000/6 = 208 333.33 → 208 333 öre.
    CHECK(lines[0].basis.to_string() == "20.833333");
    CHECK(lines[0].exact_basis() == Rational::of(125, 6));
    CHECK(lines[0].amount_ore == 208333);
}

TEST_CASE("age bands with gaps, overlaps or a closed end are refused, naming the band") {
    const ComponentType t = capitation::age_weighted_type();
    auto gap = issues_for(
        t, "price_per_weight_year: 1\nbands: [{from: 0, to: 4, weight: 1}, {from: 6, weight: 1}]");
    CHECK(any_issue_contains(gap, "gap: ages 5-5 are not covered"));
    CHECK(any_issue_contains(gap, "test.yaml:2:"));
    auto overlap = issues_for(
        t, "price_per_weight_year: 1\nbands: [{from: 0, to: 10, weight: 1}, {from: 5, weight: 1}]");
    CHECK(any_issue_contains(overlap, "overlap"));
    auto closed = issues_for(t, "price_per_weight_year: 1\nbands: [{from: 0, to: 99, weight: 1}]");
    CHECK(any_issue_contains(closed, "open-ended"));
    auto late = issues_for(t, "price_per_weight_year: 1\nbands: [{from: 1, weight: 1}]");
    CHECK(any_issue_contains(late, "ages 0-0 are not covered"));
    auto unweighted = issues_for(t, "price_per_weight_year: 1\nbands: [{from: 0}]");
    CHECK(any_issue_contains(unweighted, "every band needs a 'weight'"));
    auto both =
        issues_for(t, "price_per_weight_year: 1\nbudget_year: 2\nbands: [{from: 0, weight: 1}]");
    CHECK(any_issue_contains(both, "exactly one of price_per_weight_year, budget_year"));
}

TEST_CASE("shift: 75+ weights up 14 %, funded by 6-74 so the weighted listed stay the same") {
    const Period jan{2022, 1};
    FakeData data;
    ListingAggregate& l = data.listings[jan];
    add_persons(l, "a", 3, Sex::female, 100);   // 0-5: weight 2.351, untouched
    add_persons(l, "a", 40, Sex::male, 1000);   // 6-64: 0.538
    add_persons(l, "b", 70, Sex::female, 200);  // 65-74: 1.858
    add_persons(l, "b", 80, Sex::male, 300);    // 75+: 2.710
    const Region region = make_region({"a", "b"});
    const std::string bands =
        "bands: [{from: 0, to: 5, weight: 2.351}, {from: 6, to: 64, weight: 0.538}, "
        "{from: 65, to: 74, weight: 1.858}, {from: 75, weight: 2.710}]\n";
    ValidParams base(capitation::age_weighted_type(), "price_per_weight_year: 1200\n" + bands);
    ValidParams shifted(capitation::age_weighted_type(),
                        "price_per_weight_year: 1200\n" + bands +
                            "shift: {raise_from_age: 75, increase: 0.14, fund_from: 6, "
                            "fund_to: 74}");
    const auto before = base.run(region, jan, data);
    const auto after = shifted.run(region, jan, data);
    // 75+ weigh 300 × 2.71 = 813; +14 % = 113.82 moved from 6-74, which weigh
    // 1 000 × 0.538 + 200 × 1.858 = 909.6: factor 1 − 113.82 / 909.6 = 13 263/15 160
    // (0.87486807…), kept exact.
    // a: 100 × 2.351 + 1 000 × 0.538 × 13 263/15 160 = 235.1 + 470.679024 = 705.779024
    // b: 200 × 1.858 × 13 263/15 160 + 300 × 3.0894 = 325.100976 + 926.82 = 1 251.920976
    CHECK(after[0].basis.to_string() == "705.779024");
    CHECK(after[1].basis.to_string() == "1251.920976");
    // Before: a 773.1, b 1 184.6; together 1 957.7, and after 1 957.7 again.
    CHECK((before[0].basis + before[1].basis) == (after[0].basis + after[1].basis));
    CHECK(after[0].exact_basis() + after[1].exact_basis() == Rational::of(19577, 10));
    CHECK_THAT(after[1].trace[0], Catch::Contains("factor 13263/15160"));

    auto straddle = issues_for(capitation::age_weighted_type(),
                               "price_per_weight_year: 1\n" + bands +
                                   "shift: {raise_from_age: 70, increase: 0.1, fund_from: 6, "
                                   "fund_to: 64}");
    CHECK(any_issue_contains(straddle, "band 65-74 lies partly inside"));
}
