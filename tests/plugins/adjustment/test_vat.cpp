#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "vat.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {
LedgerLine paid(const std::string& unit, const std::string& component, Ore amount) {
    LedgerLine l;
    l.unit = unit;
    l.component = component;
    l.amount_ore = amount;
    return l;
}
}  // namespace

TEST_CASE(
    "private units get a share of the chosen earlier components; region-run units get nothing") {
    Region region = make_region({"a", "b"});
    region.units[0].ownership = Ownership::private_;
    FakeData data;
    ValidParams vat(adjustment::vat_type(), "rate: 0.03\nof_components: [listed_age, cni]");
    vat.earlier = {paid("a", "listed_age", 100000), paid("a", "cni", 50000), paid("a", "drugs", 7),
                   paid("b", "listed_age", 200000)};
    const auto lines = vat.run(region, Period{2020, 2}, data);
    CHECK(lines[0].basis == Decimal::from_int(150000));
    CHECK(lines[0].amount_ore == 4500);  // 3 % of 1 500 kr
    CHECK(lines[1].amount_ore == 0);     // region-run

    ValidParams it(adjustment::vat_type(), "rate: 0.015\nof_components: [listed_age, cni, drugs]");
    it.earlier = vat.earlier;
    CHECK(it.run(region, Period{2020, 2}, data)[0].amount_ore ==
          2250);  // 150 007 × 0.015 = 2 250.105
}

TEST_CASE("a share of a component not paid earlier is an error naming it") {
    const Region region = make_region({"a"});
    FakeData data;
    ValidParams vat(adjustment::vat_type(), "rate: 0.03\nof_components: [listed_age]");
    CHECK_THROWS_WITH(vat.run(region, Period{2020, 2}, data), Catch::Contains("'listed_age'"));
    CHECK(any_issue_contains(issues_for(adjustment::vat_type(), "rate: 3\nof_components: [x]"),
                             "out of range"));
}
