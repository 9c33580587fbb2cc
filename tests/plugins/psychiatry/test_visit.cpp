#include <catch2/catch.hpp>

#include "psychiatry.hpp"
#include "psychiatry_data.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {

const Period kMar{2024, 3};

// a: visit/doctor 10, visit/nurse 2 (anxiety), phone/nurse 4, digital/counsellor 3 in March,
// and 7 doctor visits in February; b: one phone contact with a nurse.
FakeData march() {
    FakeData data;
    PsychiatryAggregate& d = data.psychiatry_sets[kMar];
    add_contacts(d, "a", kMar, "visit", "doctor", "depression", 10);
    add_contacts(d, "a", kMar, "visit", "nurse", "anxiety", 2);
    add_contacts(d, "a", kMar, "phone", "nurse", "depression", 4);
    add_contacts(d, "a", kMar, "digital", "counsellor", "depression", 3);
    add_contacts(d, "a", Period{2024, 2}, "visit", "doctor", "depression", 7);
    add_contacts(d, "b", kMar, "phone", "nurse", "adhd", 1);
    add_contacts(d, "elsewhere", kMar, "visit", "doctor", "adhd", 100);  // not a unit paid
    return data;
}

const std::string kWeights = "weights: {visit/doctor: 2, \"visit/*\": 1.5, \"*/nurse\": 0.5}\n";

}  // namespace

TEST_CASE("visit: a price per weighted contact in the month, most specific weight first") {
    FakeData data = march();
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(psychiatry::visit_type(), kWeights + "price_per_contact: 400");
    const auto lines = p.run(region, kMar, data);
    REQUIRE(lines.size() == 3);
    // visit/doctor 10 × 2 + visit/nurse 2 × 1.5 (visit/* before */nurse) + phone/nurse 4 × 0.5;
    // digital/counsellor matches no key; February is not this month.
    CHECK(lines[0].basis == Decimal::from_int(25));
    CHECK(lines[0].basis_unit == "weighted contacts");
    CHECK(lines[0].rate_ore == Decimal::from_int(40'000));  // per contact, not a year / 12
    CHECK(lines[0].amount_ore == 1'000'000);
    CHECK(lines[0].rounding == Rounding::per_line);
    CHECK(lines[1].amount_ore == 20'000);  // 0.5 × 400 kr
    CHECK(lines[2].amount_ore == 0);
    CHECK_THAT(lines[0].explanation,
               Catch::Contains("19 psychiatric contacts in 2024-03: 16 paid") &&
                   Catch::Contains("not paid, as no weight matches: 3 contacts "
                                   "(digital/counsellor 3)") &&
                   Catch::Contains("25 weighted contacts × 400.00 kr = 10 000.00 kr"));
    CHECK(trace_contains(lines[0], "visit/nurse: 2 contacts × weight 1.5 (visit/*) = 3"));
    CHECK(trace_contains(lines[0], "phone/nurse: 4 contacts × weight 0.5 (*/nurse) = 2"));
    CHECK(trace_contains(lines[0], "visit/doctor: 10 contacts × weight 2 (visit/doctor) = 20"));
    CHECK(trace_contains(lines[0], "not paid: digital/counsellor: 3 contacts"));
    CHECK(trace_contains(lines[0], "psychiatry 2024-03 v1"));
    CHECK_THAT(lines[2].explanation, Catch::StartsWith("no psychiatric contacts at the unit"));
}

TEST_CASE("visit: */* catches what nothing more specific does") {
    FakeData data = march();
    const Region region = make_region({"a"});
    ValidParams p(psychiatry::visit_type(),
                  "weights: {\"*/*\": 1, \"*/nurse\": 0.5}\nprice_per_contact: 100");
    const auto lines = p.run(region, kMar, data);
    CHECK(lines[0].basis == Decimal::from_int(16));  // 10 + 3 + (2 + 4) × 0.5
    CHECK(lines[0].amount_ore == 160'000);
}

TEST_CASE("visit: only the diagnosis groups listed count") {
    FakeData data = march();
    const Region region = make_region({"a"});
    ValidParams p(psychiatry::visit_type(),
                  kWeights + "diagnosis_groups: [depression]\nprice_per_contact: 400");
    const auto lines = p.run(region, kMar, data);
    CHECK(lines[0].basis == Decimal::from_int(22));  // without the 2 anxiety contacts
    CHECK(lines[0].amount_ore == 880'000);
    CHECK_THAT(lines[0].explanation,
               Catch::Contains("not counted, outside the diagnosis groups paid: 2 contacts "
                               "(anxiety 2)"));
}

TEST_CASE("visit: a pot split by weighted contacts reconciles to the öre") {
    FakeData data = march();
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(psychiatry::visit_type(), kWeights + "budget_year: 120000");
    const auto lines = p.run(region, kMar, data);
    // 12 000 000 öre / 12 = 1 000 000 by 25 : 0.5: 980 392.16 and 19 607.84.
    CHECK(lines[0].amount_ore == 980'392);
    CHECK(lines[1].amount_ore == 19'608);
    CHECK(lines[2].amount_ore == 0);
    CHECK(sum_amounts(lines) == 1'000'000);
    CHECK(lines[0].rounding == Rounding::largest_remainder);
    CHECK_THAT(lines[0].explanation,
               Catch::Contains("annual budget 120 000 kr") &&
                   Catch::Contains("25 of the region's 25.5 weighted contacts = 9 803.92 kr"));
}

TEST_CASE("visit: a month without contacts leaves the pot's month unpaid and says so") {
    FakeData data;
    data.psychiatry_sets[kMar];
    const Region region = make_region({"a"});
    ValidParams p(psychiatry::visit_type(), kWeights + "budget_year: 120000");
    const auto lines = p.run(region, kMar, data);
    CHECK(lines[0].amount_ore == 0);
    CHECK_THAT(lines[0].explanation,
               Catch::Contains("no unit has any weighted contacts this month, so this month's "
                               "10 000.00 kr is not paid out"));
}

TEST_CASE("visit: a price derived from a pot over a planned volume") {
    FakeData data = march();
    const Region region = make_region({"a", "b"});
    ValidParams p(psychiatry::visit_type(),
                  kWeights + "budget_year: 120000\nbudget_share: 0.5\nplanned_volume_year: 150");
    const auto lines = p.run(region, kMar, data);
    // 12 000 000 öre × 0.5 / 150 = 40 000 öre per weighted contact.
    CHECK(lines[0].rate_ore == Decimal::from_int(40'000));
    CHECK(lines[0].amount_ore == 1'000'000);
    CHECK(lines[1].amount_ore == 20'000);
    CHECK(lines[0].rounding == Rounding::per_line);
    CHECK_THAT(lines[0].explanation,
               Catch::Contains(
                   "(the price derived from a pot: budget_year 120 000.00 kr × budget_share 0.5 / "
                   "planned_volume_year 150 weighted contacts)"));
}

TEST_CASE("visit: weight keys and payment keys are checked") {
    const ComponentType t = psychiatry::visit_type();
    CHECK(any_issue_contains(issues_for(t, "weights: {visit: 1}\nprice_per_contact: 1"),
                             "'visit' is not contact_type/profession"));
    CHECK(any_issue_contains(issues_for(t, "weights: {vis*/doctor: 1}\nprice_per_contact: 1"),
                             "'vis*/doctor' is not contact_type/profession"));
    CHECK(any_issue_contains(issues_for(t, "weights: {visit/ doctor: 1}\nprice_per_contact: 1"),
                             "is not contact_type/profession"));
    CHECK(any_issue_contains(issues_for(t, "weights: {a/b/c: 1}\nprice_per_contact: 1"),
                             "is not contact_type/profession"));
    CHECK(any_issue_contains(issues_for(t, "weights: {}\nprice_per_contact: 1"),
                             "at least one contact_type/profession key"));
    CHECK(any_issue_contains(issues_for(t, "weights: {visit/doctor: -1}\nprice_per_contact: 1"),
                             "out of range"));
    CHECK(any_issue_contains(
        issues_for(t, "weights: {visit/doctor: 1}\nprice_per_contact: 1\nplanned_volume_year: 9"),
        "planned_volume_year applies to a pot and needs budget_year"));
    CHECK(any_issue_contains(
        issues_for(t, "weights: {visit/doctor: 1}\nprice_per_contact: 1\nbudget_year: 9"),
        "exactly one of price_per_contact, budget_year"));
    CHECK(any_issue_contains(
        issues_for(t, "weights: {visit/doctor: 1}\nprice_per_contact: 1\ndiagnosis_groups: []"),
        "omit it to pay every group"));
    CHECK(issues_for(t, "weights: {\"*/*\": 1}\nbudget_year: 9\nplanned_volume_year: 3").empty());
}
