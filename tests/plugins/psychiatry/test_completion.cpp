#include <catch2/catch.hpp>

#include "psychiatry.hpp"
#include "psychiatry_data.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {

const Period kMar{2024, 3};

// a: 5 assessments (3 persons with one, 1 with two), 2 rehabilitations and 10 health talks
// (another component's events); b: 1 rehabilitation.
FakeData completions() {
    FakeData data;
    EventAggregate& e = data.event_sets[kMar];
    e.counts.push_back(EventCount{"a", "assessment_completed", 30, 1, 3});
    e.counts.push_back(EventCount{"a", "assessment_completed", 40, 2, 1});
    e.counts.push_back(EventCount{"a", "rehabilitation_completed", 35, 1, 2});
    e.counts.push_back(EventCount{"a", "health_talk_50", 50, 1, 10});
    e.counts.push_back(EventCount{"b", "rehabilitation_completed", 25, 1, 1});
    return data;
}

const std::string kWeights = "weights: {assessment_completed: 1, rehabilitation_completed: 2}\n";

}  // namespace

TEST_CASE("completion: a fixed amount per weighted completion in the month") {
    FakeData data = completions();
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(psychiatry::completion_type(), kWeights + "price_per_completion: 5000");
    const auto lines = p.run(region, kMar, data);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].basis == Decimal::from_int(9));  // 5 × 1 + 2 × 2
    CHECK(lines[0].basis_unit == "weighted completions");
    CHECK(lines[0].rate_ore == Decimal::from_int(500'000));
    CHECK(lines[0].amount_ore == 4'500'000);
    CHECK(lines[1].amount_ore == 1'000'000);
    CHECK(lines[2].amount_ore == 0);
    CHECK_THAT(lines[0].explanation,
               Catch::Contains("completed in 2024-03: 5 assessment_completed × 1 + 2 "
                               "rehabilitation_completed × 2") &&
                   Catch::Contains("9 weighted completions × 5 000.00 kr = 45 000.00 kr") &&
                   !Catch::Contains("health_talk"));
    CHECK(trace_contains(lines[0], "assessment_completed: 5 completions × weight 1 = 5"));
    CHECK(trace_contains(lines[0], "events in 2024-03 from events 2024-03 v1"));
    CHECK_THAT(lines[2].explanation,
               Catch::StartsWith("no completed assessment_completed or rehabilitation_completed"));
}

TEST_CASE("completion: a pot split by weighted completions reconciles to the öre") {
    FakeData data = completions();
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(psychiatry::completion_type(), kWeights + "budget_year: 100000");
    const auto lines = p.run(region, kMar, data);
    // March's share of 10 000 000 öre: 2 500 000 − 1 666 667 = 833 333, by 9 : 2:
    // 681 817.91 and 151 515.09.
    CHECK(lines[0].amount_ore == 681'818);
    CHECK(lines[1].amount_ore == 151'515);
    CHECK(sum_amounts(lines) == 833'333);
    Ore year = 0;
    for (int m = 1; m <= 12; ++m) {
        data.event_sets[Period{2024, m}] = data.event_sets.at(kMar);
        year += sum_amounts(p.run(region, Period{2024, m}, data));
    }
    CHECK(year == 10'000'000);
}

TEST_CASE("completion: a price derived from a pot over the planned completions") {
    FakeData data = completions();
    const Region region = make_region({"a", "b"});
    ValidParams p(psychiatry::completion_type(),
                  kWeights + "budget_year: 100000\nplanned_volume_year: 2000");
    const auto lines = p.run(region, kMar, data);
    CHECK(lines[0].rate_ore == Decimal::from_int(5'000));  // 10 000 000 öre / 2 000
    CHECK(lines[0].amount_ore == 45'000);
    CHECK(lines[1].amount_ore == 10'000);
    CHECK_THAT(lines[0].explanation,
               Catch::Contains("(the price derived from a pot: budget_year 100 000.00 kr / "
                               "planned_volume_year 2 000 weighted completions)"));
}

TEST_CASE("completion: weights checked") {
    const ComponentType t = psychiatry::completion_type();
    CHECK(any_issue_contains(issues_for(t, "weights: {}\nprice_per_completion: 1"),
                             "weights needs at least one event"));
    CHECK(any_issue_contains(issues_for(t, "price_per_completion: 1"),
                             "missing required parameter 'weights'"));
    CHECK(any_issue_contains(issues_for(t, kWeights), "exactly one of price_per_completion"));
}
