#include <catch2/catch.hpp>

#include "psychiatry.hpp"
#include "psychiatry_data.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {

const Period kMar{2024, 3};
const Period kJan{2024, 1};

const std::string kRule =
    "weights: {\"single/*\": 1, \"multi/*\": 4}\nimproved_at_least: 5\nworse_at_least: 5\n"
    "bonus_share: 0.2\ndeduction_share: 0.1\n";

// Unit a, multi-visit episodes closed in March with score changes at and around both
// thresholds, one without a score, and one still open (not counted at close).
FakeData outcomes() {
    FakeData data;
    PsychiatryAggregate& d = data.psychiatry_sets[kMar];
    d.episode_gap_days = 90;
    add_episodes(d, "a", "depression", 3, kJan, kMar, 1, 5);           // improved: exactly +5
    add_episodes(d, "a", "depression", 3, kJan, kMar, 2, 10);          // improved
    add_episodes(d, "a", "depression", 3, kJan, kMar, 1, 4);           // unchanged: +4
    add_episodes(d, "a", "depression", 3, kJan, kMar, 1, -4);          // unchanged: −4
    add_episodes(d, "a", "depression", 3, kJan, kMar, 1, -5);          // worse: exactly −5
    add_episodes(d, "a", "depression", 3, kJan, kMar, 1);              // no score
    add_episodes(d, "a", "depression", 3, kJan, std::nullopt, 9, 20);  // still open
    return data;
}

}  // namespace

TEST_CASE("value_based: improved, unchanged, worse and unscored, thresholds inclusive") {
    FakeData data = outcomes();
    const Region region = make_region({"a", "b"});
    SECTION("unscored at base") {
        ValidParams p(psychiatry::value_based_type(), kRule + "price_per_episode: 1000");
        const auto lines = p.run(region, kMar, data);
        // improved 3 × 4 × 1.2 = 14.4, unchanged 2 × 4 = 8, worse 1 × 4 × 0.9 = 3.6,
        // unscored 1 × 4 = 4: 30 outcome-weighted episodes × 1 000 kr.
        CHECK(lines[0].basis == Decimal::from_int(30));
        CHECK(lines[0].basis_unit == "outcome-weighted episodes");
        CHECK(lines[0].amount_ore == 3'000'000);
        CHECK(lines[1].amount_ore == 0);
        CHECK_THAT(
            lines[0].explanation,
            Catch::Contains("7 episodes of care counted in 2024-03, the month they closed") &&
                Catch::Contains("3 improved (score change +5 or more, weight × 1.2)") &&
                Catch::Contains("2 unchanged (weight × 1)") &&
                Catch::Contains("1 worse (score change −5 or less, weight × 0.9)") &&
                Catch::Contains("1 without a score change (base, weight × 1)") &&
                Catch::Contains("30 outcome-weighted episodes × 1 000.00 kr"));
        CHECK(trace_contains(lines[0],
                             "multi/depression: 3 episodes improved × weight 4 (multi/*) × 1.2 = "
                             "14.4"));
        CHECK(trace_contains(lines[0],
                             "multi/depression: 1 episode worse × weight 4 (multi/*) × "
                             "0.9 = 3.6"));
    }
    SECTION("unscored deducted as worse") {
        ValidParams p(psychiatry::value_based_type(),
                      kRule + "unscored: deduction\nprice_per_episode: 1000");
        const auto lines = p.run(region, kMar, data);
        CHECK(lines[0].basis == Decimal::parse("29.6"));  // the unscored episode counts 3.6
        CHECK(lines[0].amount_ore == 2'960'000);
        CHECK_THAT(lines[0].explanation,
                   Catch::Contains("1 without a score change (deducted as worse, weight × 0.9)"));
    }
    SECTION("thresholds one point further: +5 and −5 are unchanged") {
        const std::string rule =
            "weights: {\"single/*\": 1, \"multi/*\": 4}\nimproved_at_least: 6\n"
            "worse_at_least: 6\nbonus_share: 0.2\ndeduction_share: 0.1\n";
        ValidParams p(psychiatry::value_based_type(), rule + "price_per_episode: 1000");
        // improved 2 × 4.8 = 9.6, unchanged 4 × 4 = 16, unscored 4.
        CHECK(p.run(region, kMar, data)[0].basis == Decimal::parse("29.6"));
    }
}

TEST_CASE("value_based: in a pot the outcome moves money between units, the total stays") {
    FakeData data;
    PsychiatryAggregate& d = data.psychiatry_sets[kMar];
    add_episodes(d, "a", "anxiety", 2, kJan, kMar, 2, 8);   // improved
    add_episodes(d, "b", "anxiety", 2, kJan, kMar, 2, -8);  // worse
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(psychiatry::value_based_type(), kRule + "budget_year: 120000");
    const auto lines = p.run(region, kMar, data);
    // 1 000 000 öre this month by 9.6 : 7.2: 571 428.57 and 428 571.43.
    CHECK(lines[0].basis == Decimal::parse("9.6"));
    CHECK(lines[1].basis == Decimal::parse("7.2"));
    CHECK(lines[0].amount_ore == 571'429);
    CHECK(lines[1].amount_ore == 428'571);
    CHECK(lines[2].amount_ore == 0);
    CHECK(sum_amounts(lines) == 1'000'000);  // as the plain episode payment would pay

    ValidParams plain(psychiatry::episode_type(),
                      "weights: {\"single/*\": 1, \"multi/*\": 4}\nbudget_year: 120000");
    const auto base = plain.run(region, kMar, data);
    CHECK(base[0].amount_ore == 500'000);
    CHECK(sum_amounts(base) == sum_amounts(lines));
}

TEST_CASE("value_based: a price derived from a pot") {
    FakeData data = outcomes();
    const Region region = make_region({"a"});
    ValidParams p(psychiatry::value_based_type(),
                  kRule + "budget_year: 120000\nplanned_volume_year: 100");
    const auto lines = p.run(region, kMar, data);
    CHECK(lines[0].rate_ore == Decimal::from_int(120'000));  // 12 000 000 öre / 100
    CHECK(lines[0].amount_ore == 3'600'000);                 // 30 × 1 200 kr
}

TEST_CASE("value_based: thresholds and shares checked; it counts at close only") {
    const ComponentType t = psychiatry::value_based_type();
    const std::string weights = "weights: {\"*/*\": 1}\nprice_per_episode: 1\n";
    CHECK(any_issue_contains(issues_for(t, weights + "improved_at_least: 0\nworse_at_least: 5\n"
                                                     "bonus_share: 0.2\ndeduction_share: 0.1"),
                             "improved_at_least: value 0 out of range: must be at least 1"));
    CHECK(any_issue_contains(issues_for(t, weights + "improved_at_least: 5\nworse_at_least: 0\n"
                                                     "bonus_share: 0.2\ndeduction_share: 0.1"),
                             "worse_at_least: value 0 out of range"));
    CHECK(any_issue_contains(issues_for(t, weights + "improved_at_least: 5\nworse_at_least: 5\n"
                                                     "bonus_share: 0.2\ndeduction_share: 1.5"),
                             "deduction_share: value 1.5 out of range"));
    CHECK(any_issue_contains(issues_for(t, weights + "improved_at_least: 5\nworse_at_least: 5\n"
                                                     "bonus_share: 0.2\ndeduction_share: 0.1\n"
                                                     "count_at: open"),
                             "unknown parameter 'count_at'"));
    CHECK(any_issue_contains(issues_for(t, weights), "missing required parameter 'bonus_share'"));
    CHECK(any_issue_contains(issues_for(t,
                                        "weights: {x/y: 1}\nprice_per_episode: 1\n"
                                        "improved_at_least: 5\nworse_at_least: 5\n"
                                        "bonus_share: 0.2\ndeduction_share: 0.1"),
                             "class 'x' is not one of single, multi or *"));
}
