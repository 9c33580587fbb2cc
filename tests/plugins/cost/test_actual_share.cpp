#include <catch2/catch.hpp>

#include "actual_share.hpp"
#include "fixtures.hpp"

using namespace vardval;
using namespace vardval::test;

TEST_CASE("actual share: the budget follows each unit's share of the actual costs") {
    const Period jan{2022, 1};
    FakeData data;
    auto& v = data.values[jan].values;
    v["a"]["xray_cost_kr"] = Decimal::from_int(30000);
    v["a"]["clinphys_cost_kr"] = Decimal::from_int(10000);
    v["b"]["xray_cost_kr"] = Decimal::from_int(20000);
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(cost::actual_share_type(),
                  "measures: [xray_cost_kr, clinphys_cost_kr]\nbudget_year: 1000000\n"
                  "missing_value: zero");  // b and c lack a cost: 0, as the model says
    const auto lines = p.run(region, jan, data);
    // January's 1/12 of 1 000 000 kr = 8 333 333 öre (rounded), split 40 000 : 20 000 : 0
    // = 5 555 555.33 : 2 777 777.67 : 0; the larger remainder (b's .67) gets the spare öre.
    CHECK(lines[0].amount_ore == 5'555'555);
    CHECK(lines[1].amount_ore == 2'777'778);
    CHECK(lines[2].amount_ore == 0);  // no cost reported: no share
    CHECK(lines[0].amount_ore + lines[1].amount_ore == 8'333'333);

    ValidParams missing(cost::actual_share_type(), "measures: [lab_cost_kr]\nbudget_year: 1");
    CHECK_THROWS_WITH(missing.run(region, jan, data), Catch::Contains("lab_cost_kr"));
    CHECK(
        any_issue_contains(issues_for(cost::actual_share_type(), "measures: [x]"), "budget_year"));
}
