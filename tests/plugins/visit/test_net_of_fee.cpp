#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "visit.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {
const Period kJan{2023, 1};
}

TEST_CASE("net of fee: reported visits × (rate − patient fee), rounded per line") {
    FakeData data;
    auto& v = data.values[kJan].values;
    v["a"]["asylum_visits"] = Decimal::from_int(7);
    v["b"]["asylum_visits"] = Decimal::from_int(0);
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(visit::net_of_fee_type(),
                  "measure: asylum_visits\nrate_per_visit: 1900.50\npatient_fee: 50\n"
                  "missing_value: zero\n");
    const auto lines = p.run(region, kJan, data);
    REQUIRE(lines.size() == 3);
    // a: 7 × (1 900,50 − 50) = 7 × 1 850,50 = 12 953,50 kr.
    CHECK(lines[0].rate_ore == Decimal::from_int(185'050));
    CHECK(lines[0].amount_ore == 1'295'350);
    CHECK_THAT(lines[0].explanation, Catch::Contains("7 asylum_visits"));
    CHECK_THAT(lines[0].explanation, Catch::Contains("patient fee"));
    CHECK(lines[1].amount_ore == 0);
    // c reports nothing: 0 visits, as the model says (missing_value: zero), and says so.
    CHECK(lines[2].amount_ore == 0);
    CHECK_THAT(lines[2].explanation, Catch::Contains("taken as 0"));
    for (const auto& l : lines)
        CHECK(l.amount_ore == amount_ore(l.basis, l.rate_ore));
}

TEST_CASE("net of fee: a fee of 0 is a fixed amount per examination") {
    FakeData data;
    data.values[kJan].values["a"]["asylum_health_examinations"] = Decimal::from_int(3);
    const Region region = make_region({"a"});
    ValidParams p(visit::net_of_fee_type(),
                  "measure: asylum_health_examinations\nrate_per_visit: 2500\npatient_fee: 0\n");
    const auto lines = p.run(region, kJan, data);
    CHECK(lines[0].amount_ore == 750'000);  // 3 × 2 500 kr
}

TEST_CASE("net of fee: a fee above the rate and a missing fee are refused") {
    const auto type = visit::net_of_fee_type();
    CHECK(any_issue_contains(
        issues_for(type, "measure: asylum_visits\nrate_per_visit: 40\npatient_fee: 50\n"),
        "more than rate_per_visit"));
    CHECK(any_issue_contains(issues_for(type, "measure: asylum_visits\nrate_per_visit: 40\n"),
                             "patient_fee"));
}

TEST_CASE("net of fee: a unit without the value refuses the run by default") {
    FakeData data;
    data.values[kJan].values["a"]["asylum_visits"] = Decimal::from_int(1);
    const Region region = make_region({"a", "b"});
    ValidParams p(visit::net_of_fee_type(),
                  "measure: asylum_visits\nrate_per_visit: 1000\npatient_fee: 50\n");
    CHECK_THROWS(p.run(region, kJan, data));
}
