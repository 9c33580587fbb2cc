#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "weekly.hpp"

using namespace vardval;
using namespace vardval::test;

TEST_CASE("10 000 kr a week unmet, at most 100 000 kr per occasion") {
    const Period jan{2020, 1};
    FakeData data;
    auto& v = data.values[jan].values;
    v["a"]["opening_hours_weeks"] = Decimal::from_int(3);
    v["b"]["opening_hours_weeks"] = Decimal::from_int(10);  // exactly the cap
    v["c"]["opening_hours_weeks"] = Decimal::from_int(14);  // over the cap
    const Region region = make_region({"a", "b", "c", "d"});
    ValidParams p(penalty::weekly_type(),
                  "measure: opening_hours_weeks\nper_week: 10000\ncap_per_occasion: 100000\n"
                  "missing_value: zero");  // d reports nothing: no weeks unmet
    const auto lines = p.run(region, jan, data);
    CHECK(lines[0].amount_ore == -3'000'000);
    CHECK(lines[1].amount_ore == -10'000'000);
    CHECK(lines[2].amount_ore == -10'000'000);
    CHECK(lines[2].basis_unit == "capped occasion");
    CHECK(lines[3].amount_ore == 0);
    for (const auto& l : lines)
        CHECK(l.amount_ore == amount_ore(l.basis, l.rate_ore));
}
