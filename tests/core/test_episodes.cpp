// The episode-of-care rule on hand-made contacts; every expected value is computed by hand in
// the comment next to it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <sstream>
#include <stdexcept>

#include "fixtures.hpp"
#include "vardval_host/episodes.hpp"
#include "vardval_host/import.hpp"

using namespace vardval;

namespace {

Date d(const char* text) {
    return *Date::parse(text);
}

Period m(const char* text) {
    return *Period::parse(text);
}

EpisodeContact contact(const char* date, std::optional<int> score = std::nullopt,
                       std::string_view diagnosis = "depression") {
    return {d(date), diagnosis, score};
}

}  // namespace

TEST_CASE("the last day of a month ends the extract") {
    CHECK(last_day(m("2024-02")) == d("2024-02-29"));
    CHECK(last_day(m("2023-02")) == d("2023-02-28"));
    CHECK(last_day(m("2023-12")) == d("2023-12-31"));
    CHECK(last_day(m("2024-04")) == d("2024-04-30"));
}

TEST_CASE(
    "a contact exactly the gap after the previous continues the episode; a day more starts "
    "a new one") {
    // Gap 30. 2024-01-01 → 2024-01-31 is 30 days: continues. 2024-01-31 → 2024-03-02 is 31 days
    // (29 to 02-29, 30 to 03-01, 31 to 03-02): a new episode.
    const auto e = build_episodes(
        {contact("2024-01-01"), contact("2024-01-31"), contact("2024-03-02")}, 30, d("2024-06-30"));
    REQUIRE(e.size() == 2);
    CHECK(e[0].contacts == 2);
    CHECK(e[0].opened == m("2024-01"));
    CHECK(e[0].closed == m("2024-03"));  // 2024-01-31 + 30 days = 2024-03-01
    CHECK(e[1].contacts == 1);           // a single-visit episode
    CHECK(e[1].opened == m("2024-03"));
    CHECK(e[1].closed == m("2024-04"));  // 2024-03-02 + 30 days = 2024-04-01
}

TEST_CASE("an episode spanning a year end is one episode") {
    // 2023-12-20 → 2024-01-10 is 21 days; closes 2024-01-10 + 90 = 2024-04-09 (21 to 01-31,
    // 50 to 02-29, 81 to 03-31, 90 to 04-09).
    const auto e =
        build_episodes({contact("2023-12-20"), contact("2024-01-10")}, 90, d("2024-06-30"));
    REQUIRE(e.size() == 1);
    CHECK(e[0].contacts == 2);
    CHECK(e[0].opened == m("2023-12"));
    CHECK(e[0].closed == m("2024-04"));
}

TEST_CASE("an episode is closed when its closing day is on or before the extract's last day") {
    const Date end = last_day(m("2024-03"));  // 2024-03-31
    // 2024-03-01 + 30 days = 2024-03-31, the extract's last day: closed in March.
    const auto closed = build_episodes({contact("2024-03-01")}, 30, end);
    REQUIRE(closed.size() == 1);
    CHECK(closed[0].closed == m("2024-03"));
    // 2024-03-02 + 30 days = 2024-04-01, after the extract: still open.
    const auto open = build_episodes({contact("2024-03-02")}, 30, end);
    REQUIRE(open.size() == 1);
    CHECK_FALSE(open[0].closed);
    // An earlier episode of the same person is closed even when the last one is open.
    const auto both = build_episodes({contact("2023-10-01"), contact("2024-03-30")}, 90, end);
    REQUIRE(both.size() == 2);
    CHECK(both[0].closed == m("2023-12"));  // 2023-10-01 + 90 days = 2023-12-30
    CHECK_FALSE(both[1].closed);
}

TEST_CASE("several contacts on one day all count, and the order of the file does not matter") {
    const auto e = build_episodes(
        {contact("2024-02-10"), contact("2024-01-05"), contact("2024-01-05")}, 90, d("2024-02-29"));
    REQUIRE(e.size() == 1);
    CHECK(e[0].contacts == 3);
    CHECK(e[0].opened == m("2024-01"));
    CHECK_FALSE(e[0].closed);  // 2024-02-10 + 90 days = 2024-05-10
}

TEST_CASE("the score change is the last measured score minus the first, with two scores or more") {
    const Date end = d("2024-12-31");
    // No score at all, and only one: no change.
    CHECK_FALSE(
        build_episodes({contact("2024-01-01"), contact("2024-01-02")}, 90, end)[0].score_change);
    CHECK_FALSE(build_episodes({contact("2024-01-01", 40), contact("2024-01-02")}, 90, end)[0]
                    .score_change);
    // 40, not measured, 55, 70: 70 − 40 = +30; scores in date order, not file order.
    const auto better = build_episodes({contact("2024-02-01", 70), contact("2024-01-01", 40),
                                        contact("2024-01-10"), contact("2024-01-20", 55)},
                                       90, end);
    REQUIRE(better.size() == 1);
    CHECK(better[0].score_change == 30);
    // Worse: 60 then 45 = −15; the boundaries 0 and 100 are scores like any other.
    CHECK(build_episodes({contact("2024-01-01", 60), contact("2024-01-02", 45)}, 90, end)[0]
              .score_change == -15);
    CHECK(build_episodes({contact("2024-01-01", 0), contact("2024-01-02", 100)}, 90, end)[0]
              .score_change == 100);
    // Each episode has its own scores: 50 and 20 are in different episodes.
    const auto split =
        build_episodes({contact("2024-01-01", 50), contact("2024-06-01", 20)}, 90, end);
    REQUIRE(split.size() == 2);
    CHECK_FALSE(split[0].score_change);
    CHECK_FALSE(split[1].score_change);
}

TEST_CASE(
    "an episode's diagnosis group is that of its first contact; on the first day, the first "
    "in the file") {
    const Date end = d("2024-12-31");
    const auto by_date = build_episodes({contact("2024-01-10", std::nullopt, "anxiety"),
                                         contact("2024-01-05", std::nullopt, "depression")},
                                        90, end);
    REQUIRE(by_date.size() == 1);
    CHECK(by_date[0].diagnosis_group == "depression");
    const auto same_day = build_episodes({contact("2024-01-05", std::nullopt, "stress"),
                                          contact("2024-01-05", std::nullopt, "depression"),
                                          contact("2024-01-04", std::nullopt, "adhd")},
                                         90, end);
    REQUIRE(same_day.size() == 1);
    CHECK(same_day[0].diagnosis_group == "adhd");
    const auto tie = build_episodes({contact("2024-01-05", std::nullopt, "stress"),
                                     contact("2024-01-05", std::nullopt, "depression")},
                                    90, end);
    CHECK(tie[0].diagnosis_group == "stress");
    // A new episode takes the group of its own first contact.
    const auto two = build_episodes({contact("2024-01-05", std::nullopt, "stress"),
                                     contact("2024-09-01", std::nullopt, "psychosis")},
                                    90, end);
    REQUIRE(two.size() == 2);
    CHECK(two[1].diagnosis_group == "psychosis");
}

TEST_CASE("no contacts give no episode; a contact after the extract is the caller's error") {
    CHECK(build_episodes({}, 90, d("2024-01-31")).empty());
    CHECK_THROWS_AS(build_episodes({contact("2024-02-01")}, 90, d("2024-01-31")),
                    std::invalid_argument);
}

TEST_CASE("the import builds episodes per person and unit: two units are two episodes") {
    const Region region = test::with_vocabularies(test::make_region({"a", "b"}));
    // p1 at a on 01-10 and 01-20, and at b on 01-15: one episode at each unit, though the
    // dates interleave.
    std::istringstream in(
        "person_id,unit,contact_date,contact_type,profession,diagnosis_group\n"
        "p1,a,2024-01-10,visit,doctor,depression\n"
        "p1,b,2024-01-15,visit,doctor,depression\n"
        "p1,a,2024-01-20,visit,doctor,depression\n");
    ImportReport report;
    const PsychiatryAggregate p =
        aggregate_psychiatry(in, "psychiatry.csv", region, m("2024-01"), report);
    REQUIRE(p.episodes.size() == 2);
    CHECK(p.episodes[0].unit == "a");
    CHECK(p.episodes[0].contacts == 2);
    CHECK(p.episodes[0].episodes == 1);
    CHECK(p.episodes[1].unit == "b");
    CHECK(p.episodes[1].contacts == 1);
    CHECK(p.episodes[1].episodes == 1);
}

namespace {

// Every count of an aggregate as text, to compare two whole aggregates.
std::string rendered(const PsychiatryAggregate& p) {
    std::ostringstream out;
    for (const auto& c : p.contacts)
        out << c.unit << ' ' << c.month.to_string() << ' ' << c.contact_type << ' ' << c.profession
            << ' ' << c.diagnosis_group << ' ' << c.contacts << '\n';
    for (const auto& e : p.episodes)
        out << e.unit << ' ' << e.diagnosis_group << ' ' << e.contacts << ' '
            << e.opened.to_string() << ' ' << (e.closed ? e.closed->to_string() : "open") << ' '
            << (e.score_change ? std::to_string(*e.score_change) : "-") << " x" << e.episodes
            << '\n';
    return out.str();
}

}  // namespace

TEST_CASE("the import gives the same aggregate and rejects for any row order") {
    const Region region = test::with_vocabularies(test::make_region({"a", "b"}));
    // 40 persons at two units over 2023, contacts months apart (several episodes) and close,
    // duplicates and scores: a file in person order, then the same rows shuffled.
    std::vector<std::string> rows;
    const char* types[] = {"visit", "phone", "digital"};
    const char* groups[] = {"depression", "anxiety", "adhd"};
    for (int p = 0; p < 40; ++p)
        for (int k = 0; k < 12; ++k) {
            const int day = 1 + (p * 7 + k * 3) % 28;
            const int month = 1 + (k * (p % 4 + 1)) % 12;
            const std::string score = k % 3 == 0 ? std::to_string((p * 13 + k * 7) % 101) : "";
            rows.push_back("p" + std::to_string(p) + "," + (k % 2 ? "a" : "b") + ",2023-" +
                           (month < 10 ? "0" : "") + std::to_string(month) + "-" +
                           (day < 10 ? "0" : "") + std::to_string(day) + "," + types[k % 3] +
                           ",doctor," + groups[(p + k) % 3] + "," + score);
        }
    // Duplicate contacts, given as the same row again: which copy is kept cannot change the
    // result. (Two different rows on one day are ordered by the file, as episodes.hpp says, so
    // the persons above have no two contacts at a unit on one day.)
    for (std::size_t p = 0; p < 40; p += 3)
        rows.push_back(rows[p * 12]);
    const std::string header =
        "person_id,unit,contact_date,contact_type,profession,"
        "diagnosis_group,score\n";
    const auto import = [&](const std::vector<std::string>& order, ImportReport& report) {
        std::string text = header;
        for (const std::string& row : order)
            text += row + "\n";
        std::istringstream in(text);
        return aggregate_psychiatry(in, "psychiatry.csv", region, m("2024-01"), report);
    };
    ImportReport in_order;
    const PsychiatryAggregate ordered = import(rows, in_order);
    std::vector<std::string> shuffled = rows;
    std::mt19937 random(11);
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    ImportReport in_any_order;
    const PsychiatryAggregate unordered = import(shuffled, in_any_order);

    CHECK(rendered(ordered) == rendered(unordered));
    CHECK_FALSE(ordered.episodes.empty());
    CHECK(in_order.rows_used == in_any_order.rows_used);
    CHECK(in_order.rows_rejected == in_any_order.rows_rejected);
    CHECK(in_order.rejects_by_kind ==
          std::map<std::string, std::int64_t>{{"duplicate contact", 14}});  // p0, p3, ..., p39
    CHECK(in_order.rejects_by_kind == in_any_order.rejects_by_kind);
}
