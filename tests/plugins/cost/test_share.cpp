#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "share.hpp"

using namespace vardval;
using namespace vardval::test;

TEST_CASE("the unit bears a share of its cost: a negative line") {
    const Period jan{2021, 1};
    FakeData data;
    data.values[jan].values["a"]["drug_cost_kr"] = *Decimal::parse("12345.50");
    const Region region = make_region({"a", "b"});
    // b reports no cost: the model says that means 0 (the default refuses the run).
    ValidParams p(cost::share_type(), "measure: drug_cost_kr\nshare: 0.2\nmissing_value: zero");
    const auto lines = p.run(region, jan, data);
    CHECK(lines[0].basis == Decimal::from_int(1234550));
    CHECK(lines[0].amount_ore == -246910);  // 20 % of 12 345,50 kr
    CHECK(lines[1].amount_ore == 0);        // b reported no cost
    ValidParams missing(cost::share_type(), "measure: xray_cost_kr\nshare: 0.5");
    CHECK_THROWS_WITH(missing.run(region, jan, data), Catch::Contains("xray_cost_kr"));
}
