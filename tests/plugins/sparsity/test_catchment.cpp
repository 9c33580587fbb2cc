#include <catch2/catch.hpp>

#include "catchment.hpp"
#include "fixtures.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {
const Period kJan{2021, 1};
constexpr int kNear = 100;     // 10.0 km from the hospital
constexpr int kDistant = 301;  // 30.1 km: beyond a 30 km threshold

// `listed` persons at a unit, `distant` of them living beyond 30 km.
void add_unit(ListingAggregate& l, const std::string& unit, std::int64_t listed,
              std::int64_t distant) {
    add_persons(l, unit, 40, Sex::female, listed - distant, {}, kNear);
    add_persons(l, unit, 40, Sex::female, distant, {}, kDistant);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const std::string kTable =
    "threshold_km: 30\n"
    "table:\n"
    "  max_size: [3000, 8000]\n"
    "  amount_per_distant_listed_year: [900, 600, 300]\n";
}  // namespace

TEST_CASE("catchment by listed: a size equal to max_size is in that row") {
    FakeData data;
    ListingAggregate& l = data.listings[kJan];
    add_unit(l, "a", 3000, 12);
    add_unit(l, "b", 3001, 12);
    add_unit(l, "c", 8001, 12);
    add_unit(l, "e", 500, 0);
    const Region region = make_region({"a", "b", "c", "d", "e"});
    ValidParams p(sparsity::catchment_type(), kTable);
    const auto lines = p.run(region, kJan, data);
    REQUIRE(lines.size() == 5);
    // a: 3 000 listed ≤ 3 000: 900 kr / 12 = 7 500 öre; 12 × 7 500 = 90 000 öre.
    CHECK(lines[0].basis == Decimal::from_int(12));
    CHECK(lines[0].rate_ore == Decimal::from_int(7500));
    CHECK(lines[0].amount_ore == 90000);
    CHECK(lines[0].rounding == Rounding::per_line);
    CHECK(contains(lines[0].explanation, "row size up to 3 000"));
    // b: 3 001 listed, second row: 600 kr / 12 = 5 000 öre; 12 × 5 000 = 60 000 öre.
    CHECK(lines[1].amount_ore == 60000);
    // c: 8 001 listed, the open last row: 300 kr / 12 = 2 500 öre; 12 × 2 500 = 30 000 öre.
    CHECK(lines[2].amount_ore == 30000);
    CHECK(contains(lines[2].explanation, "row size above 8 000"));
    // d: nobody listed (size 0, first row), e: nobody distant: zero lines, still present.
    CHECK(lines[3].amount_ore == 0);
    CHECK(lines[3].basis == Decimal());
    CHECK(lines[4].amount_ore == 0);
    CHECK(contains(lines[4].explanation, "0 of 500 listed live more than 30 km"));
}

TEST_CASE("catchment by attribute with fixed amounts: the months sum to the year") {
    FakeData data;
    Region region = make_region({"a", "b", "c"});
    region.units[0].attributes["catchment"] = "2500";
    region.units[1].attributes["catchment"] = "8000";
    region.units[2].attributes["catchment"] = "20000";
    ValidParams p(sparsity::catchment_type(),
                  "threshold_km: 30\nsize_basis: attribute\nsize_attribute: catchment\n"
                  "table:\n"
                  "  max_size: [3000, 8000]\n"
                  "  amount_per_distant_listed_year: [900, 600, 300]\n"
                  "  fixed_per_unit_year: [100000, 60000, 0]\n");
    Ore year_a = 0;
    for (int m = 1; m <= 12; ++m) {
        const Period month{2021, m};
        ListingAggregate& l = data.listings[month];
        add_unit(l, "a", 900, 10);  // size is the catchment, not the 900 listed
        add_unit(l, "b", 7000, 0);
        add_unit(l, "c", 9000, 4);
        const auto lines = p.run(region, month, data);
        // a: 10 × 7 500 = 75 000 öre a month (per line) plus the fixed 10 000 000 öre a year
        // as monthly shares: January round(10 000 000 / 12) = 833 333.
        CHECK(lines[0].rounding == Rounding::per_line);  // 1 unit × the two parts' sum
        if (m == 1) {
            CHECK(lines[0].amount_ore == 75000 + 833333);
            CHECK(lines[0].basis == Decimal::from_int(1));
            CHECK(lines[0].rate_ore == Decimal::from_int(lines[0].amount_ore));
            CHECK(contains(lines[0].explanation, "size 2 500 (catchment, region.yaml)"));
        }
        year_a += lines[0].amount_ore;
        // b: catchment 8 000 is in the second row, but nobody distant: no fixed amount.
        CHECK(lines[1].amount_ore == 0);
        CHECK(lines[1].rounding == Rounding::per_line);
        CHECK(contains(lines[1].explanation, "no fixed amount: fewer than 1 distant listed"));
        // c: open row, fixed 0: 4 × 300 kr / 12 = 4 × 2 500 = 10 000 öre, per line.
        CHECK(lines[2].amount_ore == 10000);
        CHECK(lines[2].rounding == Rounding::per_line);
    }
    CHECK(year_a == 12 * 75000 + 10'000'000);

    // With fixed_min_distant_listed: 0 the fixed amount goes to b too: 6 000 000 / 12.
    ValidParams every_unit(sparsity::catchment_type(),
                           "threshold_km: 30\nsize_basis: attribute\nsize_attribute: catchment\n"
                           "fixed_min_distant_listed: 0\n"
                           "table:\n"
                           "  max_size: [3000, 8000]\n"
                           "  amount_per_distant_listed_year: [900, 600, 300]\n"
                           "  fixed_per_unit_year: [100000, 60000, 0]\n");
    CHECK(every_unit.run(region, kJan, data)[1].amount_ore == 500000);
}

TEST_CASE("catchment: a unit without the size attribute, or a bad one, is an error") {
    FakeData data;
    add_unit(data.listings[kJan], "a", 100, 1);
    Region region = make_region({"a", "b"});
    region.units[0].attributes["catchment"] = "2500";
    ValidParams p(sparsity::catchment_type(),
                  kTable + "size_basis: attribute\nsize_attribute: catchment\n");
    CHECK_THROWS_WITH(p.run(region, kJan, data),
                      Catch::Contains("region.yaml: unit 'b' has no attribute 'catchment'"));
    region.units[1].attributes["catchment"] = "many";
    CHECK_THROWS_WITH(p.run(region, kJan, data),
                      Catch::Contains("unit 'b': catchment must be a number ≥ 0, got 'many'"));
}

TEST_CASE("catchment: a bad table or size basis is rejected with the reason") {
    const auto type = sparsity::catchment_type();
    CHECK(any_issue_contains(issues_for(type,
                                        "threshold_km: 30\n"
                                        "table:\n"
                                        "  max_size: [8000, 3000]\n"
                                        "  amount_per_distant_listed_year: [1, 2, 3]\n"),
                             "max_size must be strictly ascending: 3000 follows 8000"));
    CHECK(any_issue_contains(issues_for(type,
                                        "threshold_km: 30\n"
                                        "table:\n"
                                        "  max_size: [3000, 8000]\n"
                                        "  amount_per_distant_listed_year: [1, 2]\n"),
                             "needs 3 values, one per row: one for each max_size and one for the "
                             "open-ended last row (sizes above 8000), got 2"));
    CHECK(any_issue_contains(issues_for(type, kTable + "  fixed_per_unit_year: [1]\n"),
                             "fixed_per_unit_year needs 3 values"));
    CHECK(any_issue_contains(issues_for(type,
                                        "threshold_km: 30\n"
                                        "table:\n"
                                        "  max_size: [3000]\n"
                                        "  amount_per_distant_listed_year: [1, -2]\n"),
                             "out of range"));
    CHECK(any_issue_contains(issues_for(type, kTable + "size_basis: attribute\n"),
                             "size_basis 'attribute' needs size_attribute"));
    CHECK(any_issue_contains(issues_for(type, kTable + "size_attribute: catchment\n"),
                             "size_attribute is read only with size_basis: attribute"));
    CHECK(any_issue_contains(issues_for(type, kTable + "size_basis: listad\n"),
                             "did you mean 'listed'"));
    CHECK(any_issue_contains(issues_for(type,
                                        "threshold_km: 30.05\ntable:\n"
                                        "  max_size: []\n"
                                        "  amount_per_distant_listed_year: [1]\n"),
                             "at most one decimal"));
    CHECK(any_issue_contains(issues_for(type, "threshold_km: 30\n"),
                             "missing required parameter 'table'"));
}
