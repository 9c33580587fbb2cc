#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "goals.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {
const Period kJan{2021, 1};

// `persons` persons of one age who each had `per_person` events of one kind at `unit`.
void add_events(FakeData& data, Period month, const std::string& unit, const std::string& event,
                int age, std::int64_t persons, std::int64_t per_person = 1) {
    data.event_sets[month].counts.push_back({unit, event, age, per_person, persons});
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

Ore sum(const std::vector<LedgerLine>& lines) {
    Ore total = 0;
    for (const LedgerLine& l : lines)
        total += l.amount_ore;
    return total;
}
}  // namespace

TEST_CASE("per event: health talks paid only in the age range, unpriced events ignored") {
    FakeData data;
    add_events(data, kJan, "a", "health_talk_50", 50, 3);
    add_events(data, kJan, "a", "health_talk_50", 52, 2);  // the second year after turning 50
    add_events(data, kJan, "a", "health_talk_50", 53, 4);  // too late
    add_events(data, kJan, "a", "health_talk_50", 49, 1);  // too early
    add_events(data, kJan, "a", "av003", 50, 7);           // another component's event
    add_events(data, kJan, "c", "sip", 50, 5);
    const Region region = make_region({"a", "b", "c"});
    ValidParams p(goal::per_event_type(),
                  "prices: {health_talk_50: 1000}\nages: {from: 50, to: 52}");
    const auto lines = p.run(region, kJan, data);
    REQUIRE(lines.size() == 3);
    // a: 3 + 2 = 5 talks in 50..52, × 100 000 öre = 500 000 öre.
    CHECK(lines[0].basis == Decimal::from_int(5));
    CHECK(lines[0].rate_ore == Decimal::from_int(100000));
    CHECK(lines[0].amount_ore == 500000);
    CHECK(lines[0].rounding == Rounding::per_line);
    CHECK(contains(lines[0].explanation, "5 health_talk_50 outside ages 50-52"));
    // b has no events, c only unpriced ones: zero lines, still present.
    CHECK(lines[1].amount_ore == 0);
    CHECK(lines[1].basis == Decimal());
    CHECK(contains(lines[1].explanation, "no paid events"));
    CHECK(lines[2].amount_ore == 0);
}

TEST_CASE("per event: a per-person limit pays a person with 3 SIP in a month once") {
    FakeData data;
    add_events(data, kJan, "a", "sip", 70, 2, 1);  // two persons with one SIP each
    add_events(data, kJan, "a", "sip", 80, 1, 3);  // one person with three
    const Region region = make_region({"a"});
    ValidParams p(goal::per_event_type(), "prices: {sip: 1000}\nlimit_per_person: 1");
    const auto lines = p.run(region, kJan, data);
    // 5 registered; paid 2 × min(1, 1) + 1 × min(3, 1) = 3; 3 × 100 000 öre = 300 000 öre.
    CHECK(lines[0].basis == Decimal::from_int(3));
    CHECK(lines[0].amount_ore == 300000);
    CHECK(contains(lines[0].explanation, "2 sip over the limit of 1 per person a month"));
    CHECK(contains(join(lines[0].trace), "5 registered, 2 over the limit of 1 per person"));

    ValidParams two(goal::per_event_type(), "prices: {sip: 1000}\nlimit_per_person: 2");
    CHECK(two.run(region, kJan, data)[0].amount_ore == 400000);  // 2 × 1 + 1 × 2 = 4 paid
    ValidParams none(goal::per_event_type(), "prices: {sip: 1000}");
    CHECK(none.run(region, kJan, data)[0].amount_ore == 500000);  // all 5 paid
}

TEST_CASE("per event: several prices, the rate is their mean and the amount exact") {
    FakeData data;
    add_events(data, kJan, "a", "dcbt_completed_depression", 30, 2);
    add_events(data, kJan, "a", "dcbt_completed_sleep", 30, 1);
    add_events(data, kJan, "a", "dcbt_completed_pain", 30, 4);  // not paid for
    add_events(data, kJan, "b", "dcbt_completed_depression", 30, 1);
    add_events(data, kJan, "b", "dcbt_started_depression", 30, 6);
    const Region region = make_region({"a", "b"});
    ValidParams p(goal::per_event_type(),
                  "prices: {dcbt_completed_depression: 2000, dcbt_completed_anxiety: 2000,\n"
                  "  dcbt_completed_sleep: 500, dcbt_completed_stress: 500,\n"
                  "  dcbt_started_depression: 590}\n"
                  "missing_value: zero");  // no anxiety or stress programme completed
    const auto lines = p.run(region, kJan, data);
    // a: 2 × 2 000 + 1 × 500 = 4 500 kr over 3 events: rate 150 000 öre, exactly.
    CHECK(lines[0].basis == Decimal::from_int(3));
    CHECK(lines[0].rate_ore == Decimal::from_int(150000));
    CHECK(lines[0].amount_ore == 450000);
    // b: 2 000 + 6 × 590 = 5 540 kr over 7 events: rate 79 142.857143 öre (rounded to six
    // decimals), 7 × rate = 554 000.000001 öre, rounded to the exact 554 000.
    CHECK(lines[1].basis == Decimal::from_int(7));
    CHECK(lines[1].rate_ore == *Decimal::parse("79142.857143"));
    CHECK(lines[1].amount_ore == 554000);
    CHECK(contains(lines[1].explanation, "1 dcbt_completed_depression × 2 000.00 kr"));
}

TEST_CASE("per event: a binding cap scales every unit pro rata to this month's share") {
    FakeData data;
    add_events(data, kJan, "a", "memory", 75, 101);
    add_events(data, kJan, "b", "memory", 75, 67);
    add_events(data, kJan, "c", "memory", 75, 33);
    const Region region = make_region({"a", "b", "c", "d"});
    ValidParams p(goal::per_event_type(), "prices: {memory: 1500}\nbudget_cap_year: 3000000");
    const auto lines = p.run(region, kJan, data);
    // Cap in January: 300 000 000 öre / 12 = 25 000 000 öre. Uncapped: 201 × 150 000 öre
    // = 30 150 000 öre, which exceeds it. Shares 25 000 000 × k / 201:
    //   a 101 → 12 562 189.05, b 67 → 8 333 333.33, c 33 → 4 104 477.61;
    // floors sum to 24 999 999, the one öre left goes to c (largest remainder .61).
    CHECK(lines[0].amount_ore == 12'562'189);
    CHECK(lines[1].amount_ore == 8'333'333);
    CHECK(lines[2].amount_ore == 4'104'478);
    CHECK(lines[3].amount_ore == 0);  // d registered nothing
    CHECK(sum(lines) == 25'000'000);
    CHECK(lines[0].rounding == Rounding::largest_remainder);
    CHECK(lines[0].basis == Decimal::from_int(101));
    // 25 000 000 / 30 150 000 = 500/603 (0.829187); the rate is 150 000 × 500/603 =
    // 75 000 000/603 öre exactly, shown 124 378.109453.
    CHECK(lines[0].exact_rate() == Rational::of(75'000'000, 603));
    CHECK(lines[0].rate_ore == *Decimal::parse("124378.109453"));
    CHECK(contains(lines[0].explanation, "scaled by 0.829187"));
    CHECK(contains(join(lines[0].trace), "cap / total = 0.829187"));
}

TEST_CASE("per event: a total at or under the monthly cap is paid as registered") {
    FakeData data;
    add_events(data, kJan, "a", "memory", 75, 60);
    add_events(data, kJan, "b", "memory", 75, 40);
    const Region region = make_region({"a", "b"});
    // Cap 1 800 000 kr a year = 15 000 000 öre a month = exactly 100 investigations.
    ValidParams p(goal::per_event_type(), "prices: {memory: 1500}\nbudget_cap_year: 1800000");
    auto lines = p.run(region, kJan, data);
    CHECK(lines[0].amount_ore == 9'000'000);  // 60 × 150 000
    CHECK(lines[1].amount_ore == 6'000'000);  // 40 × 150 000
    CHECK(lines[0].rounding == Rounding::per_line);
    CHECK(contains(join(lines[0].trace), "within it"));
    // One more investigation exceeds it: 15 150 000 öre scaled to 15 000 000.
    add_events(data, kJan, "b", "memory", 76, 1);
    lines = p.run(region, kJan, data);
    CHECK(sum(lines) == 15'000'000);
    // a: 15 000 000 × 60 / 101 = 8 910 891.09; b: × 41 / 101 = 6 089 108.91 → b gets the öre.
    CHECK(lines[0].amount_ore == 8'910'891);
    CHECK(lines[1].amount_ore == 6'089'109);
}

TEST_CASE("per event: bad parameters are rejected with the reason") {
    const auto type = goal::per_event_type();
    CHECK(any_issue_contains(issues_for(type, "ages: {from: 50, to: 52}"),
                             "missing required parameter 'prices'"));
    CHECK(any_issue_contains(issues_for(type, "prices: {}"), "prices needs at least one event"));
    CHECK(any_issue_contains(issues_for(type, "prices: {sip: -1}"), "out of range"));
    CHECK(any_issue_contains(issues_for(type, "prices: {sip: 1000}\nages: {from: 52, to: 50}"),
                             "to must be at least from"));
    CHECK(any_issue_contains(issues_for(type, "prices: {sip: 1000}\nages: {from: 50}"),
                             "missing required parameter 'to'"));
    CHECK(any_issue_contains(issues_for(type, "prices: {sip: 1000}\nlimit_per_person: 0"),
                             "must be at least 1"));
    CHECK(any_issue_contains(issues_for(type, "prices: {sip: 1000}\nlimit_per_patient: 1"),
                             "did you mean 'limit_per_person'"));
    CHECK(any_issue_contains(issues_for(type, "prices: {sip: 1000}\nbudget_cap_year: lots"),
                             "expected money"));
}
