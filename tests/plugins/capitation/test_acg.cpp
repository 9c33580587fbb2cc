#include <catch2/catch.hpp>

#include "acg.hpp"
#include "fixtures.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {
const Period kJan{2021, 1};

void set_acg(FakeData& data, Period month, const std::string& unit, const char* points,
             std::int64_t persons) {
    data.acg_points[month].ref = {"acg", month.to_string(), 1};
    data.acg_points[month].values[unit]["acg_points"] = *Decimal::parse(points);
    data.acg_points[month].values[unit]["acg_persons"] = Decimal::from_int(persons);
}

// Points 1 234.567 + 2 000.1 + 765.333 = 4 000; c has no ACG data.
FakeData three_units(Period month) {
    FakeData data;
    set_acg(data, month, "a", "1234.567", 2000);
    set_acg(data, month, "b", "2000.1", 3100);
    set_acg(data, month, "d", "765.333", 900);
    return data;
}
}  // namespace

TEST_CASE("ACG pot: a share of the drug budget split by points, reconciling to the öre") {
    FakeData data = three_units(kJan);
    const Region region = make_region({"a", "b", "c", "d"});
    ValidParams p(capitation::acg_type(), "budget_year: 12000000\nbudget_share: 0.25");
    const auto lines = p.run(region, kJan, data);
    // Pot: 12 000 000 kr × 0.25 = 300 000 000 öre a year, 25 000 000 öre in January.
    //   a 25 000 000 × 1 234.567 / 4 000 = 7 716 043.75
    //   b 25 000 000 × 2 000.1   / 4 000 = 12 500 625
    //   d 25 000 000 × 765.333   / 4 000 = 4 783 331.25
    // Floors sum to 24 999 999; the öre left goes to a (remainder .75).
    CHECK(lines[0].amount_ore == 7'716'044);
    CHECK(lines[1].amount_ore == 12'500'625);
    CHECK(lines[2].amount_ore == 0);  // c: no points
    CHECK(lines[3].amount_ore == 4'783'331);
    CHECK(lines[0].amount_ore + lines[1].amount_ore + lines[3].amount_ore == 25'000'000);
    CHECK(lines[0].rounding == Rounding::largest_remainder);
    CHECK(lines[0].basis == *Decimal::parse("1234.567"));
    CHECK(lines[0].explanation.find("the sum of 2 000 listed persons") != std::string::npos);

    // The twelve months reconcile to the annual pot exactly.
    Ore year = 0;
    for (int m = 1; m <= 12; ++m) {
        FakeData month = three_units(Period{2021, m});
        for (const LedgerLine& l : p.run(region, Period{2021, m}, month))
            year += l.amount_ore;
    }
    CHECK(year == 300'000'000);
}

TEST_CASE("ACG per point: points × price per point per year / 12") {
    FakeData data = three_units(kJan);
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(capitation::acg_type(), "price_per_point_year: 1200");
    const auto lines = p.run(region, kJan, data);
    // 120 000 öre / 12 = 10 000 öre per point a month.
    CHECK(lines[0].rate_ore == Decimal::from_int(10000));
    CHECK(lines[0].amount_ore == 12'345'670);  // 1 234.567 × 10 000
    CHECK(lines[1].amount_ore == 20'001'000);  // 2 000.1 × 10 000
    CHECK(lines[2].amount_ore == 0);
    CHECK(lines[0].rounding == Rounding::per_line);
}

TEST_CASE("ACG of another month than the one paid") {
    const Period dec{2020, 12};
    const Period mar{2021, 3};
    FakeData data = three_units(dec);
    const Region region = make_region({"a"});
    ValidParams from_dec(capitation::acg_type(), "price_per_point_year: 1200\nmonth: 2020-12");
    CHECK(from_dec.run(region, mar, data)[0].amount_ore == 12'345'670);
    ValidParams same_month(capitation::acg_type(), "price_per_point_year: 1200");
    CHECK_THROWS_WITH(same_month.run(region, mar, data), Catch::Contains("no acg 2021-03"));
}

TEST_CASE("ACG data without any points for the region's units is an error") {
    FakeData data;
    data.acg_points[kJan].ref = {"acg", "2021-01", 2};
    data.acg_points[kJan].values["a"]["acg_persons"] = Decimal::from_int(10);
    const Region region = make_region({"a", "b"});
    ValidParams p(capitation::acg_type(), "budget_year: 1200");
    CHECK_THROWS_WITH(p.run(region, kJan, data),
                      Catch::Contains("acg 2021-01 v2 has no unit of test with ACG points"));
}

TEST_CASE("ACG: bad parameters are rejected with the reason") {
    const auto type = capitation::acg_type();
    CHECK(any_issue_contains(issues_for(type, "month: 2021-01"),
                             "exactly one of price_per_point_year, budget_year"));
    CHECK(any_issue_contains(issues_for(type, "price_per_point_year: 1\nbudget_year: 1"),
                             "found price_per_point_year, budget_year"));
    CHECK(
        any_issue_contains(issues_for(type, "budget_year: 1\nbudget_share: 1.5"), "out of range"));
    CHECK(any_issue_contains(issues_for(type, "budget_year: 1\nmonth: 2021-13"), "expected month"));
}
