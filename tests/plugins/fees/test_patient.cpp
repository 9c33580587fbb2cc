#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "patient.hpp"

using namespace vardval;
using namespace vardval::test;

TEST_CASE("patient fees: kept by the unit at zero, or handed over as a negative line") {
    const Period jan{2021, 1};
    FakeData data;
    data.values[jan].values["a"]["patient_fees_kr"] = *Decimal::parse("45210.50");
    const Region region = make_region({"a", "b"});
    ValidParams kept(fees::patient_type(), "mode: kept_by_unit\nmissing_value: zero");
    auto lines = kept.run(region, jan, data);
    CHECK(lines[0].amount_ore == 0);
    CHECK(lines[0].basis == Decimal::from_int(4'521'050));
    CHECK_THAT(lines[0].explanation, Catch::Contains("keeps its patient fees of 45 210.50 kr"));
    ValidParams folded(fees::patient_type(),
                       "mode: folded_into_capitation\nmissing_value: zero");  // b: none
    lines = folded.run(region, jan, data);
    CHECK(lines[0].amount_ore == -4'521'050);
    CHECK(lines[1].amount_ore == 0);  // b reported no fees
    CHECK(any_issue_contains(issues_for(fees::patient_type(), "mode: pocketed"), "kept_by_unit"));
}

TEST_CASE("kept by the unit: another payment it collects is named by its measure") {
    const Period jan{2023, 1};
    FakeData data;
    data.values[jan].values["a"]["out_of_region_payments_kr"] = Decimal::from_int(4500);
    const Region region = make_region({"a"});
    ValidParams kept(fees::patient_type(),
                     "measure: out_of_region_payments_kr\nmode: kept_by_unit");
    const auto lines = kept.run(region, jan, data);
    CHECK(lines[0].amount_ore == 0);
    CHECK_THAT(lines[0].explanation,
               Catch::Contains("keeps its out_of_region_payments_kr of 4 500.00 kr"));
    CHECK(lines[0].basis_unit == "öre of out_of_region_payments_kr collected");
}
