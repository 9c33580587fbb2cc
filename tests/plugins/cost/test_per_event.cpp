#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "per_event.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {
EventCount events(const std::string& unit, const std::string& event, std::int64_t per_person,
                  std::int64_t persons) {
    EventCount c;
    c.unit = unit;
    c.event = event;
    c.age = 40;
    c.per_person = per_person;
    c.persons = persons;
    return c;
}
}  // namespace

TEST_CASE("cost per event: 590 kr licence per started programme, negative lines") {
    const Period jan{2021, 1};
    FakeData data;
    auto& counts = data.event_sets[jan].counts;
    counts.push_back(events("a", "dcbt_started_depression", 1, 2));
    counts.push_back(events("a", "dcbt_started_pain", 2, 1));          // one person, two starts
    counts.push_back(events("a", "dcbt_completed_depression", 1, 1));  // not a start
    counts.push_back(events("b", "dcbt_started_pain", 1, 1));
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(cost::per_event_type(),
                  "events: [dcbt_started_depression, dcbt_started_pain]\ncost_per_event: 590\n");
    const auto lines = p.run(region, jan, data);
    // a: 2 + 2 = 4 starts × 590 kr = 2 360 kr borne; b: 1 × 590 kr; c: none.
    CHECK(lines[0].amount_ore == -236'000);
    CHECK(lines[1].amount_ore == -59'000);
    CHECK(lines[2].amount_ore == 0);
    for (const auto& l : lines)
        CHECK(l.amount_ore == amount_ore(l.basis, l.rate_ore));
    CHECK_THAT(lines[0].explanation, Catch::Contains("4 events"));
}

TEST_CASE("cost per event: an empty event list is refused") {
    CHECK(
        any_issue_contains(issues_for(cost::per_event_type(), "events: []\ncost_per_event: 590\n"),
                           "no event is counted"));
}
