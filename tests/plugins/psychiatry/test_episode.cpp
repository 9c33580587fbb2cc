#include <catch2/catch.hpp>

#include "psychiatry.hpp"
#include "psychiatry_data.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {

const Period kMar{2024, 3};

// Unit a, closed in March: 5 single-contact depression, 2 three-contact depression and
// 1 six-contact psychosis episodes; opened in March and still open: 3 two-contact anxiety
// and 3 one-contact depression episodes; closed in February: 7. Unit b: 2 single adhd
// episodes closed in March.
FakeData episodes() {
    FakeData data;
    PsychiatryAggregate& d = data.psychiatry_sets[kMar];
    d.episode_gap_days = 90;
    add_episodes(d, "a", "depression", 1, Period{2023, 11}, kMar, 5);
    add_episodes(d, "a", "depression", 3, Period{2023, 12}, kMar, 2);
    add_episodes(d, "a", "psychosis", 6, Period{2023, 10}, kMar, 1);
    add_episodes(d, "a", "anxiety", 2, kMar, std::nullopt, 3);
    add_episodes(d, "a", "depression", 1, kMar, std::nullopt, 3);
    add_episodes(d, "a", "depression", 2, Period{2023, 9}, Period{2024, 2}, 7);
    add_episodes(d, "b", "adhd", 1, Period{2024, 1}, kMar, 2);
    add_episodes(d, "elsewhere", "adhd", 1, Period{2024, 1}, kMar, 50);
    return data;
}

const std::string kWeights = "weights: {\"single/*\": 1, \"multi/*\": 4, multi/psychosis: 6}\n";

}  // namespace

TEST_CASE("episode: counted at close by class and diagnosis group, a price per episode") {
    FakeData data = episodes();
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(psychiatry::episode_type(), kWeights + "price_per_episode: 2000");
    const auto lines = p.run(region, kMar, data);
    REQUIRE(lines.size() == 3);
    // 5 × single 1 + 2 × multi 4 + 1 × multi/psychosis 6; the open ones are not counted.
    CHECK(lines[0].basis == Decimal::from_int(19));
    CHECK(lines[0].basis_unit == "weighted episodes");
    CHECK(lines[0].rate_ore == Decimal::from_int(200'000));
    CHECK(lines[0].amount_ore == 3'800'000);
    CHECK(lines[1].amount_ore == 400'000);  // 2 single × 1 × 2 000 kr
    CHECK(lines[2].amount_ore == 0);
    CHECK_THAT(lines[0].explanation,
               Catch::Contains("8 episodes of care counted in 2024-03, the month they closed") &&
                   Catch::Contains("an episode closes 90 days after its last contact") &&
                   Catch::Contains("episodes still open at the extract's end are not counted") &&
                   Catch::Contains("5 single and 3 multi (multi: 2 or more contacts)") &&
                   Catch::Contains("19 weighted episodes × 2 000.00 kr = 38 000.00 kr"));
    CHECK(trace_contains(lines[0], "multi/psychosis: 1 episode × weight 6 (multi/psychosis) = 6"));
    CHECK(trace_contains(lines[0], "multi/depression: 2 episodes × weight 4 (multi/*) = 8"));
    CHECK(trace_contains(lines[0], "counted at close in 2024-03"));
    CHECK_THAT(lines[2].explanation, Catch::StartsWith("no episodes of care counted in 2024-03"));
}

TEST_CASE("episode: counted at open, in the month of the first contact") {
    FakeData data = episodes();
    const Region region = make_region({"a", "b"});
    ValidParams p(psychiatry::episode_type(), kWeights + "count_at: open\nprice_per_episode: 2000");
    const auto lines = p.run(region, kMar, data);
    CHECK(lines[0].basis == Decimal::from_int(15));  // 3 multi/anxiety × 4 + 3 single × 1
    CHECK(lines[0].amount_ore == 3'000'000);
    CHECK(lines[1].amount_ore == 0);  // b's episodes opened in January
    CHECK_THAT(lines[0].explanation,
               Catch::Contains("the month they opened") &&
                   !Catch::Contains("still open at the extract's end are not counted"));
}

TEST_CASE("episode: multi_visit_from sets the class boundary, inclusive") {
    FakeData data = episodes();
    const Region region = make_region({"a"});
    ValidParams three(psychiatry::episode_type(),
                      kWeights + "multi_visit_from: 3\nprice_per_episode: 1");
    CHECK(three.run(region, kMar, data)[0].basis == Decimal::from_int(19));  // 3 contacts: multi
    ValidParams four(psychiatry::episode_type(),
                     kWeights + "multi_visit_from: 4\nprice_per_episode: 1");
    const auto lines = four.run(region, kMar, data);
    CHECK(lines[0].basis == Decimal::from_int(13));  // 5 + 2 single + 6
    CHECK_THAT(lines[0].explanation, Catch::Contains("7 single and 1 multi (multi: 4 or more"));
}

TEST_CASE("episode: an episode no weight matches is not paid, and the line says so") {
    FakeData data = episodes();
    const Region region = make_region({"a"});
    ValidParams p(psychiatry::episode_type(), "weights: {\"multi/*\": 4}\nprice_per_episode: 10");
    const auto lines = p.run(region, kMar, data);
    CHECK(lines[0].basis == Decimal::from_int(12));
    CHECK_THAT(lines[0].explanation,
               Catch::Contains("0 single and 3 multi") &&
                   Catch::Contains("5 episodes not paid, as no weight matches "
                                   "(single/depression 5)"));
    CHECK(trace_contains(lines[0], "not paid: single/depression: 5 episodes"));
}

TEST_CASE("episode: a pot split by weighted episodes reconciles to the öre") {
    FakeData data = episodes();
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(psychiatry::episode_type(), kWeights + "budget_year: 84000");
    const auto lines = p.run(region, kMar, data);
    // 8 400 000 öre / 12 = 700 000 by 19 : 2: 633 333.33 and 66 666.67.
    CHECK(lines[0].amount_ore == 633'333);
    CHECK(lines[1].amount_ore == 66'667);
    CHECK(lines[2].amount_ore == 0);
    CHECK(sum_amounts(lines) == 700'000);
}

TEST_CASE("episode: a price derived from a pot over the planned episodes") {
    FakeData data = episodes();
    const Region region = make_region({"a", "b"});
    ValidParams p(psychiatry::episode_type(),
                  kWeights + "budget_year: 240000\nplanned_volume_year: 1200");
    const auto lines = p.run(region, kMar, data);
    CHECK(lines[0].rate_ore == Decimal::from_int(20'000));  // 24 000 000 öre / 1 200
    CHECK(lines[0].amount_ore == 380'000);
    CHECK(lines[1].amount_ore == 40'000);
}

TEST_CASE("episode: classes and counting checked") {
    const ComponentType t = psychiatry::episode_type();
    CHECK(any_issue_contains(issues_for(t, "weights: {singel/depression: 1}\nprice_per_episode: 1"),
                             "class 'singel' is not one of single, multi or * (did you mean "
                             "'single'?)"));
    CHECK(any_issue_contains(issues_for(t, "weights: {multi: 1}\nprice_per_episode: 1"),
                             "'multi' is not class/diagnosis_group"));
    CHECK(any_issue_contains(issues_for(t, kWeights + "count_at: closed\nprice_per_episode: 1"),
                             "expected one of close, open"));
    CHECK(any_issue_contains(issues_for(t, kWeights + "multi_visit_from: 1\nprice_per_episode: 1"),
                             "out of range"));
    CHECK(issues_for(t, kWeights + "count_at: open\nmulti_visit_from: 3\nbudget_year: 1").empty());
}
