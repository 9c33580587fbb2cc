#include <catch2/catch.hpp>

#include <numeric>

#include "ceiling.hpp"
#include "fixtures.hpp"
#include "visit.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {
const Period kMar{2021, 3};
const PeriodRange kMarVisits{kMar, kMar};

VisitCount visits(const std::string& unit, const std::string& profession,
                  const std::string& contact_type, std::int64_t n, bool fee_charged = true,
                  const std::string& listed_unit = "") {
    VisitCount c;
    c.unit = unit;
    c.age = 40;
    c.profession = profession;
    c.contact_type = contact_type;
    c.fee_charged = fee_charged;
    c.listed_unit = listed_unit;
    c.visits = n;
    return c;
}

Ore total(const std::vector<LedgerLine>& lines) {
    return std::accumulate(lines.begin(), lines.end(), Ore{0},
                           [](Ore sum, const LedgerLine& l) { return sum + l.amount_ore; });
}

bool trace_contains(const LedgerLine& line, const std::string& text) {
    for (const std::string& t : line.trace)
        if (t.find(text) != std::string::npos)
            return true;
    return false;
}

// Västmanland-like visit pay with a home-visit factor and the 695 000 ceiling; each test
// adds fee_charged_only or not.
const std::string kFee =
    "prices: {doctor: 165, nurse: 100}\n"
    "contact_types: [visit, home_visit]\n"
    "contact_type_factors: {home_visit: 2}\n"
    "ceiling_visits_year: 695000\n";
}  // namespace

TEST_CASE("visit fee: price by profession, home-visit factor, fee charged only, a zero line") {
    FakeData data;
    auto& counts = data.visit_sets[kMarVisits].counts;
    counts.push_back(visits("a", "doctor", "visit", 10));
    counts.push_back(visits("a", "doctor", "visit", 4, false));  // no patient fee: not paid
    counts.push_back(visits("a", "nurse", "home_visit", 3));
    counts.push_back(visits("a", "nurse", "phone", 7));            // contact type not paid
    counts.push_back(visits("a", "physiotherapist", "visit", 5));  // no price, no default
    counts.push_back(visits("b", "nurse", "visit", 20));
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(visit::fee_type(), kFee + "fee_charged_only: true\n");
    const auto lines = p.run(region, kMar, data);
    REQUIRE(lines.size() == 3);
    // a: 10 doctor visits × 165 kr = 1 650 kr; 3 nurse home visits × 2 × 100 kr = 600 kr.
    // Basis 10 + 3 × 2 = 16 weighted visits; average 2 250 kr / 16 = 140.625 kr per visit.
    CHECK(lines[0].basis == Decimal::from_int(16));
    CHECK(lines[0].rate_ore == *Decimal::parse("14062.5"));
    CHECK(lines[0].amount_ore == 225'000);
    CHECK(lines[0].rounding == Rounding::per_line);
    CHECK(trace_contains(lines[0], "nurse, home_visit: 3 visits × factor 2 × 100.00 kr = 600.00"));
    CHECK(trace_contains(lines[0], "doctor, visit: 4 visits (no patient fee charged)"));
    CHECK(trace_contains(lines[0], "nurse, phone: 7 visits (contact type not counted)"));
    CHECK(trace_contains(lines[0], "physiotherapist, visit: 5 visits (no price"));
    // b: 20 × 100 kr.
    CHECK(lines[1].amount_ore == 200'000);
    // c treated nobody: a zero line, still present.
    CHECK(lines[2].unit == "c");
    CHECK(lines[2].amount_ore == 0);
    CHECK(lines[2].basis.is_zero());
    CHECK_THAT(lines[2].explanation, Catch::Contains("no paid visits in 2021-03"));
    // 13 + 20 = 33 paid visits (the ceiling counts visits, not weighted ones): far below
    // 1/12 of 695 000 = 57 916.67.
    CHECK_THAT(lines[0].explanation, Catch::Contains("33 paid visits are within the monthly "
                                                     "ceiling 57 916.67 (695 000 / 12)"));

    // Without fee_charged_only the 4 visits without a fee are paid too: +4 × 165 kr.
    ValidParams all(visit::fee_type(), kFee);
    CHECK(all.run(region, kMar, data)[0].amount_ore == 225'000 + 66'000);
}

TEST_CASE("visit fee 2022: excluded doctor and nurse reception visits, home visits still paid") {
    FakeData data;
    auto& counts = data.visit_sets[kMarVisits].counts;
    counts.push_back(visits("a", "doctor", "visit", 10));
    counts.push_back(visits("a", "doctor", "home_visit", 2));
    counts.push_back(visits("a", "nurse", "visit", 5));
    counts.push_back(visits("a", "physiotherapist", "visit", 4));
    const Region region = make_region({"a"});
    // 2022 is 2021 with one key added, as an `extends:` model overrides it.
    ValidParams p2022(visit::fee_type(),
                      "prices: {doctor: 165, nurse: 100, physiotherapist: 150}\n"
                      "contact_types: [visit, home_visit]\n"
                      "exclude: [doctor/visit, nurse/visit]\n");
    const auto lines = p2022.run(region, kMar, data);
    // Paid: 2 doctor home visits × 165 kr = 330 kr; 4 physiotherapist visits × 150 kr = 600 kr.
    CHECK(lines[0].basis == Decimal::from_int(6));
    CHECK(lines[0].amount_ore == 93'000);
    CHECK(trace_contains(lines[0], "doctor, visit: 10 visits (excluded from visit pay)"));
    CHECK(trace_contains(lines[0], "nurse, visit: 5 visits (excluded from visit pay)"));
}

TEST_CASE("visit fee ceiling: 1/12 of the year's ceiling a month, binding only above it") {
    // 1/12 of 695 000 = 57 916.67 visits: 57 916 do not exceed it, 57 917 do.
    const visit::VisitCeiling vastmanland(695'000);
    CHECK_FALSE(vastmanland.binds(57'916));
    CHECK(vastmanland.binds(57'917));
}

TEST_CASE("visit fee ceiling binds: pay scaled pro rata and split to the öre") {
    FakeData data;
    auto& counts = data.visit_sets[kMarVisits].counts;
    counts.push_back(visits("a", "doctor", "visit", 35'000));
    counts.push_back(visits("b", "nurse", "visit", 25'000));
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(visit::fee_type(), kFee);
    const auto lines = p.run(region, kMar, data);
    // 60 000 paid visits > 57 916.67: scale 695 000 / (12 × 60 000) = 139/144 = 0.965278.
    // At list prices: a 35 000 × 165 kr = 5 775 000 kr, b 25 000 × 100 kr = 2 500 000 kr,
    // region 8 275 000 kr = 827 500 000 öre; × 139/144 = 798 767 361.11 → 798 767 361 öre.
    // Split 5 775 000 : 2 500 000: a 557 447 916.589, b 241 319 444.411; the öre left over
    // goes to a (larger remainder).
    CHECK(lines[0].amount_ore == 557'447'917);
    CHECK(lines[1].amount_ore == 241'319'444);
    CHECK(lines[2].amount_ore == 0);
    CHECK(total(lines) == 798'767'361);
    CHECK(lines[0].rounding == Rounding::largest_remainder);
    // Rate shown: 165 kr × 139/144 = 15 927.083333 öre per visit.
    CHECK(lines[0].rate_ore == *Decimal::parse("15927.083333"));
    CHECK_THAT(lines[0].explanation,
               Catch::Contains("60 000 paid visits exceed the monthly ceiling 57 916.67") &&
                   Catch::Contains("scaled by 695 000 / (12 × 60 000) = 0.965278"));
    CHECK(trace_contains(
        lines[1], "scaled 7 987 673.61 kr (rounded to the öre), split by largest remainder"));
}

TEST_CASE("visit fee ceiling binds with remainders: the lines sum to the rounded scaled total") {
    FakeData data;
    auto& counts = data.visit_sets[kMarVisits].counts;
    counts.push_back(visits("a", "nurse", "visit", 7));
    counts.push_back(visits("b", "nurse", "visit", 5));
    counts.push_back(visits("c", "nurse", "visit", 3));
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(visit::fee_type(),
                  "default_price: 100\ncontact_types: [visit]\nceiling_visits_year: 100\n");
    const auto lines = p.run(region, kMar, data);
    // 15 visits > 100 / 12 = 8.33. List value 15 × 100 kr = 150 000 öre;
    // × 100 / (12 × 15) = 83 333.33 → 83 333 öre. Split 7 : 5 : 3 = 38 888.733, 27 777.667,
    // 16 666.6: floors sum to 83 331, the two öre left go to a (.733) and b (.667).
    CHECK(lines[0].amount_ore == 38'889);
    CHECK(lines[1].amount_ore == 27'778);
    CHECK(lines[2].amount_ore == 16'666);
    CHECK(total(lines) == 83'333);
}

TEST_CASE("visit fee ceiling not binding: basis × rate per line, exactly the list price") {
    FakeData data;
    data.visit_sets[kMarVisits].counts.push_back(visits("a", "nurse", "visit", 8));
    const Region region = make_region({"a"});
    ValidParams p(visit::fee_type(),
                  "default_price: 100\ncontact_types: [visit]\nceiling_visits_year: 100\n");
    // 8 visits ≤ 8.33: nothing scaled, 8 × 100 kr.
    const auto lines = p.run(region, kMar, data);
    CHECK(lines[0].amount_ore == 80'000);
    CHECK(lines[0].rounding == Rounding::per_line);
    CHECK(lines[0].amount_ore == amount_ore(lines[0].basis, lines[0].rate_ore));
}

TEST_CASE("visit fee in arrears: the previous month's visits, across a year end") {
    FakeData data;
    const Period jan{2021, 1};
    const Period dec{2020, 12};
    data.visit_sets[PeriodRange{dec, dec}].counts.push_back(visits("a", "nurse", "visit", 2));
    const Region region = make_region({"a"});
    ValidParams p(visit::fee_type(),
                  "visits: previous_month\ndefault_price: 100\ncontact_types: [visit]\n");
    const auto lines = p.run(region, jan, data);
    CHECK(lines[0].amount_ore == 20'000);
    CHECK_THAT(lines[0].explanation, Catch::Contains("paid visits in 2020-12"));
}

TEST_CASE("visit fee parameters: the host rejects bad values by name") {
    const ComponentType t = visit::fee_type();
    CHECK(any_issue_contains(issues_for(t, "prices: {doctor: -165}\ncontact_types: [visit]"),
                             "params.prices.doctor: value -165 out of range: must be at least 0"));
    CHECK(any_issue_contains(
        issues_for(t, "default_price: 100\ncontact_types: [visit]\nceiling_visit_year: 695000"),
        "unknown parameter 'ceiling_visit_year' (did you mean 'ceiling_visits_year'?)"));
    CHECK(any_issue_contains(issues_for(t,
                                        "default_price: 100\ncontact_types: [visit]\n"
                                        "ceiling_visits_year: 0"),
                             "must be at least 1"));
    CHECK(any_issue_contains(issues_for(t, "default_price: 100"),
                             "missing required parameter 'contact_types'"));
    CHECK(any_issue_contains(issues_for(t, "contact_types: [visit]"),
                             "no visit has a price: give prices, default_price or both"));
    CHECK(any_issue_contains(issues_for(t, "default_price: 100\ncontact_types: []"),
                             "no contact type is counted"));
    CHECK(any_issue_contains(
        issues_for(t, "default_price: 100\ncontact_types: [visit]\nexclude: [doctor]"),
        "'doctor' is not profession/contact_type"));
    CHECK(any_issue_contains(
        issues_for(t,
                   "default_price: 100\ncontact_types: [visit, home_visit]\n"
                   "exclude: [doctor/home_vist]"),
        "contact type 'home_vist' is not in contact_types (did you mean 'home_visit'?)"));
    CHECK(any_issue_contains(
        issues_for(t, "prices: {doctor: 165}\ncontact_types: [visit]\nexclude: [nurse/visit]"),
        "profession 'nurse' has no price, so it is never paid"));
    CHECK(any_issue_contains(issues_for(t,
                                        "default_price: 100\ncontact_types: [visit]\n"
                                        "contact_type_factors: {home_visit: 2}"),
                             "factor for 'home_visit', which is not in contact_types"));
    CHECK(any_issue_contains(issues_for(t,
                                        "default_price: 100\ncontact_types: [visit]\n"
                                        "visits: last_month"),
                             "expected one of paid_month, previous_month"));
}

TEST_CASE("cross-listing: the listing unit pays the treating unit; the region nets to zero") {
    FakeData data;
    auto& counts = data.visit_sets[kMarVisits].counts;
    counts.push_back(visits("a", "doctor", "visit", 3, true, "b"));   // a +1 500, b −1 500 kr
    counts.push_back(visits("a", "nurse", "visit", 2, true, "b"));    // a +500, b −500 kr
    counts.push_back(visits("a", "doctor", "visit", 10, true, "a"));  // a's own listed
    counts.push_back(visits("a", "doctor", "visit", 4, true, ""));    // not listed in region
    counts.push_back(visits("a", "nurse", "visit", 1, true, "x"));    // listed outside region
    counts.push_back(visits("a", "doctor", "phone", 2, true, "c"));   // not a settled contact
    counts.push_back(visits("b", "doctor", "visit", 1, true, "a"));   // b +500, a −500 kr
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(visit::cross_listing_type(),
                  "prices: {doctor: 500}\ndefault_price: 250\ncontact_types: [visit]\n");
    const auto lines = p.run(region, kMar, data);
    REQUIRE(lines.size() == 3);
    // a: receives 1 500 + 500 = 2 000 kr, pays 500 kr: net 1 500 kr.
    CHECK(lines[0].amount_ore == 150'000);
    CHECK(lines[0].basis == Decimal::from_int(1500));
    CHECK(lines[0].amount_ore == amount_ore(lines[0].basis, lines[0].rate_ore));
    CHECK(trace_contains(lines[0],
                         "receives from b: doctor, visit: 3 visits × 500.00 kr = "
                         "1 500.00 kr"));
    CHECK(trace_contains(lines[0], "pays to b: doctor, visit: 1 visit × 500.00 kr = 500.00 kr"));
    CHECK(trace_contains(lines[0], "doctor, visit: 4 visits (patient not listed in the region)"));
    CHECK(trace_contains(lines[0],
                         "nurse, visit: 1 visit (listed at 'x', not a unit of the "
                         "region)"));
    CHECK(trace_contains(lines[0], "doctor, phone: 2 visits (contact type not counted)"));
    CHECK_THAT(lines[0].explanation,
               Catch::Contains("7 visits by patients not listed here not settled"));
    // b: receives 500 kr, pays 2 000 kr: net −1 500 kr.
    CHECK(lines[1].amount_ore == -150'000);
    CHECK(trace_contains(lines[1], "pays to a: nurse, visit: 2 visits × 250.00 kr = 500.00 kr"));
    // c: nothing settled (its listed only phoned a); a zero line.
    CHECK(lines[2].amount_ore == 0);
    CHECK(total(lines) == 0);
}

TEST_CASE("cross-listing with fractional öre prices still nets to exactly zero") {
    FakeData data;
    auto& counts = data.visit_sets[kMarVisits].counts;
    // 0.005 kr = 0.5 öre: 3 visits = 1.5 → 2 öre, rounded once and booked on both sides.
    counts.push_back(visits("a", "nurse", "visit", 3, true, "b"));
    counts.push_back(visits("b", "nurse", "visit", 1, true, "a"));  // 0.5 → 1 öre
    const Region region = make_region({"a", "b"});
    ValidParams p(visit::cross_listing_type(), "default_price: 0.005\ncontact_types: [visit]\n");
    const auto lines = p.run(region, kMar, data);
    CHECK(lines[0].amount_ore == 1);  // +2 − 1
    CHECK(lines[1].amount_ore == -1);
    CHECK(total(lines) == 0);
}

TEST_CASE("cross-listing, fee charged only, and parameter rejections") {
    FakeData data;
    data.visit_sets[kMarVisits].counts.push_back(visits("a", "doctor", "visit", 2, false, "b"));
    const Region region = make_region({"a", "b"});
    ValidParams p(visit::cross_listing_type(),
                  "prices: {doctor: 500}\ncontact_types: [visit]\nfee_charged_only: true\n");
    const auto lines = p.run(region, kMar, data);
    CHECK(lines[0].amount_ore == 0);
    CHECK(trace_contains(lines[0], "doctor, visit: 2 visits (no patient fee charged)"));
    const ComponentType t = visit::cross_listing_type();
    CHECK(any_issue_contains(issues_for(t, "prices: {doctor: -500}\ncontact_types: [visit]"),
                             "out of range: must be at least 0"));
    CHECK(any_issue_contains(issues_for(t,
                                        "prices: {doctor: 500}\ncontact_types: [visit]\n"
                                        "exclude: [doctor/visit]"),
                             "unknown parameter 'exclude'"));
}
