#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>
#include <sstream>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "fixtures.hpp"
#include "vardval_host/datasets.hpp"
#include "vardval_host/duplicate_detector.hpp"
#include "vardval_host/import.hpp"
#include "vardval_host/storage.hpp"

using namespace vardval;
namespace fs = std::filesystem;

namespace {

using test::reasons;
using test::write_temp;

const Region kRegion = test::with_vocabularies(test::make_region({"a", "b"}));
const std::string kHeader =
    "person_id,unit,birth_date,sex,cni_under5,cni_foreign_born,distance_km\n";

}  // namespace

TEST_CASE(
    "a listing is aggregated per unit by age on the first of the month, sex, CNI and distance") {
    std::istringstream in(kHeader +
                          "p1,a,2016-02-01,F,1,0,12.0\n"    // 4 on 2020-02-01
                          "p2,a,2016-02-02,M,1,1,30.0\n"    // 3 (birthday tomorrow)
                          "p3,b,1950-06-30,K,0,0,30.1\n");  // 69; K is kvinna
    ImportReport report;
    const ListingAggregate l =
        aggregate_listing(in, "listing.csv", kRegion, Period{2020, 2}, report);
    CHECK(report.rows_read == 3);
    CHECK(report.rows_used == 3);
    const UnitListing& a = l.units.at("a");
    CHECK(a.persons[0][4] == 1);
    CHECK(a.persons[1][3] == 1);
    CHECK(a.cni.at("under5") == 2);
    CHECK(a.cni.at("foreign_born") == 1);
    CHECK(l.units.at("b").persons[0][69] == 1);
    CHECK(a.listed_beyond(Decimal::from_int(30)) == 0);
    CHECK(l.units.at("b").listed_beyond(Decimal::from_int(30)) == 1);
}

TEST_CASE("every bad row is rejected with its line and reason, and counts reconcile") {
    std::istringstream in(kHeader +
                          "p1,a,2016-02-01,F,1,0,12\n"
                          "p2,x,2016-02-01,F,1,0,12\n"    // 3 unknown unit
                          "p3,a,2019-02-30,F,0,0,12\n"    // 4 impossible date
                          "p4,a,2000-01-01,X,0,0,12\n"    // 5 sex
                          "p5,a,2000-01-01,M,2,0,12\n"    // 6 flag
                          "p6,a,2000-01-01,M,0,0\n"       // 7 field count
                          "p7,a,2000-01-01,M,0,0,-3\n"    // 8 distance
                          "p1,b,1990-01-01,M,0,0,12\n"    // 9 duplicate of line 2
                          ",a,1990-01-01,M,0,0,12\n"      // 10 no person
                          "p8,a,2021-01-01,M,0,0,12\n"    // 11 born after
                          "p9,b,1990-01-01,M,0,0,12\n");  // good
    ImportReport report;
    const ListingAggregate l =
        aggregate_listing(in, "listing.csv", kRegion, Period{2020, 2}, report);
    CHECK(report.rows_read == 11);
    CHECK(report.rows_used == 2);
    CHECK(report.rows_rejected == 9);
    const std::string r = reasons(report);
    CHECK_THAT(r, Catch::Contains("3: unknown unit: 'x' is not a unit of test"));
    CHECK_THAT(r, Catch::Contains("4: invalid birth: birth_date is not a date"));
    CHECK_THAT(r, Catch::Contains("5: invalid sex"));
    CHECK_THAT(r, Catch::Contains("6: invalid CNI flag: cni_under5 = '2'"));
    CHECK_THAT(r, Catch::Contains("7: wrong number of fields: expected 7, got 6"));
    CHECK_THAT(r, Catch::Contains("8: invalid distance"));
    CHECK_THAT(r, Catch::Contains("9: duplicate person: person_id already listed on line 2"));
    CHECK_THAT(r, Catch::Contains("10: missing person_id"));
    CHECK_THAT(r, Catch::Contains("11: invalid birth: birth_date is after 2020-02-01"));
    // The duplicate's contribution is taken back: b has only p9.
    CHECK(l.units.at("b").listed() == 1);
    CHECK(l.listed() == 2);
}

TEST_CASE("a file without a required column is refused as a whole") {
    std::istringstream in("person_id,unit,birth_date,sex\np1,a,2000-01-01,F\n");
    ImportReport report;
    CHECK_THROWS_WITH(aggregate_listing(in, "l.csv", kRegion, Period{2020, 2}, report),
                      Catch::Contains("l.csv:1: missing column 'distance_km'"));
}

TEST_CASE("an import with rejects stores nothing unless rejects are allowed; versions grow") {
    Database db("sqlite3://db=:memory:");
    const fs::path bad =
        write_temp("bad.csv", kHeader + "p1,a,2016-02-01,F,1,0,12\np2,zz,2016-02-01,F,1,0,12\n");
    const ImportOutcome refused =
        import_dataset(db, kRegion, ImportRequest{"listing", "2020-02", bad, false, nullptr, {}});
    CHECK_FALSE(refused.stored);
    CHECK(db.datasets("test").empty());
    CHECK_FALSE(db.load_listing("test", Period{2020, 2}));

    const ImportOutcome allowed =
        import_dataset(db, kRegion, ImportRequest{"listing", "2020-02", bad, true, nullptr, {}});
    REQUIRE(allowed.stored);
    CHECK(allowed.stored->version == 1);
    const fs::path good =
        write_temp("good.csv", kHeader + "p1,a,2016-02-01,F,1,0,12\np2,b,1940-01-01,M,0,1,45\n");
    const ImportOutcome again =
        import_dataset(db, kRegion, ImportRequest{"listing", "2020-02", good, false, nullptr, {}});
    CHECK(again.stored->version == 2);
    const auto loaded = db.load_listing("test", Period{2020, 2});
    REQUIRE(loaded);
    CHECK(loaded->ref.version == 2);
    CHECK(loaded->listed() == 2);
    CHECK(loaded->units.at("b").cni.at("foreign_born") == 1);
    CHECK(loaded->units.at("b").listed_beyond(Decimal::from_int(30)) == 1);
    CHECK(db.datasets("test").size() == 2);
    fs::remove(bad);
    fs::remove(good);
}

TEST_CASE(
    "visits outside the reference period are rejected; the rest are counted by age at the visit") {
    std::istringstream in(
        "person_id,unit,visit_date,birth_date,sex,profession,contact_type\n"
        "p1,a,2018-11-05,2000-11-06,F,doctor,visit\n"  // 17 at the visit
        "p1,a,2019-11-06,2000-11-06,F,doctor,visit\n"  // outside
        "p2,b,2019-10-31,1950-01-01,M,nurse,phone\n");
    ImportReport report;
    const VisitAggregate v = aggregate_visits(in, "visits.csv", kRegion,
                                              *PeriodRange::parse("2018-11..2019-10"), report);
    CHECK(report.rows_rejected == 1);
    CHECK_THAT(reasons(report), Catch::Contains("3: visit outside period"));
    REQUIRE(v.counts.size() == 2);
    CHECK(v.counts[0].age == 17);
    CHECK(v.counts[0].profession == "doctor");
}

TEST_CASE("duplicate detection works across spilled runs") {
    DuplicateDetector detector(3);  // spill every three keys
    const std::vector<std::string> keys{"k1", "k2", "k3", "k4", "k2", "k5", "k6", "k1", "k7", "k2"};
    for (std::size_t i = 0; i < keys.size(); ++i)
        detector.add(keys[i], static_cast<std::int64_t>(i + 1), i);
    std::vector<std::pair<std::int64_t, std::int64_t>> found;
    detector.finish([&](std::int64_t line, std::int64_t first, std::uint64_t) {
        found.emplace_back(line, first);
    });
    CHECK(detector.runs_spilled() == 4);
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::pair<std::int64_t, std::int64_t>>{{5, 2}, {8, 1}, {10, 2}});
}

TEST_CASE("unit values: one row per unit and measure, rejects named, stored exactly") {
    std::istringstream in(
        "unit,measure,value\n"
        "a,continuity_doctor,0.62\n"
        "a,drug_cost_kr,123456.50\n"
        "b,continuity_doctor,0.58\n"
        "zz,continuity_doctor,0.5\n"  // 5 unknown unit
        "a,continuity_doctor,0.61\n"  // 6 duplicate of line 2
        "b,drug_cost_kr,lots\n");     // 7 not a number
    ImportReport report;
    const UnitValues v = aggregate_unit_values(in, "values.csv", kRegion, Period{2022, 1}, report);
    CHECK(report.rows_used == 3);
    CHECK(report.rows_rejected == 3);
    const std::string r = reasons(report);
    CHECK_THAT(r, Catch::Contains("5: unknown unit"));
    CHECK_THAT(r, Catch::Contains(
                      "6: duplicate measure: continuity_doctor for a already given on line 2"));
    CHECK_THAT(r, Catch::Contains("7: invalid value: 'lots'"));
    CHECK(v.value("a", "drug_cost_kr") == Decimal::parse("123456.5"));
    CHECK_FALSE(v.value("b", "drug_cost_kr"));

    Database db("sqlite3://db=:memory:");
    const fs::path file =
        write_temp("values.csv", "unit,measure,value\na,plan_approved,1\nb,plan_approved,0\n");
    const ImportOutcome outcome = import_dataset(
        db, kRegion, ImportRequest{"unit-values", "2022-01", file, false, nullptr, {}});
    REQUIRE(outcome.stored);
    const auto loaded = db.load_unit_values("test", "unit-values", Period{2022, 1});
    REQUIRE(loaded);
    CHECK(loaded->value("a", "plan_approved") == Decimal::from_int(1));
    CHECK(loaded->has_measure("plan_approved"));
    fs::remove(file);
}

TEST_CASE("visits keep fee charged and listing unit; a one-month period is written YYYY-MM") {
    std::istringstream in(
        "person_id,unit,visit_date,birth_date,sex,profession,contact_type,fee_charged,"
        "listed_unit\n"
        "p1,a,2022-01-10,1980-05-01,F,doctor,visit,1,a\n"
        "p2,a,2022-01-11,1980-05-01,F,doctor,visit,1,b\n"
        "p3,a,2022-01-12,1980-05-01,F,doctor,visit,0,b\n"
        "p4,b,2022-01-12,1980-05-01,M,nurse,visit,1,\n"
        "p5,b,2022-01-12,1980-05-01,M,nurse,visit,yes,a\n"   // 6 invalid fee
        "p6,b,2022-01-12,1980-05-01,M,nurse,visit,1,zz\n");  // 7 unknown listing unit
    ImportReport report;
    const auto month = *PeriodRange::parse("2022-01");
    const VisitAggregate v = aggregate_visits(in, "visits.csv", kRegion, month, report);
    CHECK(v.ref.period == "2022-01");
    CHECK(report.rows_used == 4);
    const std::string r = reasons(report);
    CHECK_THAT(r, Catch::Contains("6: invalid fee_charged: 'yes'; valid: 0 or 1"));
    CHECK_THAT(r, Catch::Contains("7: unknown unit: 'zz'"));
    REQUIRE(v.counts.size() == 4);
    std::int64_t cross_listed_fee = 0, not_listed = 0;
    for (const VisitCount& c : v.counts) {
        if (c.listed_unit == "b" && c.fee_charged)
            cross_listed_fee += c.visits;
        if (c.listed_unit.empty())
            not_listed += c.visits;
    }
    CHECK(cross_listed_fee == 1);
    CHECK(not_listed == 1);

    Database db("sqlite3://db=:memory:");
    ImportReport clean;
    VisitAggregate stored = v;
    db.store_visits("test", stored, clean);
    const auto loaded = db.load_visits("test", month);
    REQUIRE(loaded);
    REQUIRE(loaded->counts.size() == 4);
    bool round_trip = true;
    for (std::size_t i = 0; i < 4; ++i) {
        const VisitCount& a = v.counts[i];
        const VisitCount& b = loaded->counts[i];
        round_trip = round_trip && a.unit == b.unit && a.fee_charged == b.fee_charged &&
                     a.listed_unit == b.listed_unit && a.visits == b.visits;
    }
    CHECK(round_trip);
}

TEST_CASE("events: a histogram of events per person, age reached in the event's year") {
    std::istringstream in(
        "person_id,unit,event_date,event,birth_date\n"
        "p1,a,2022-01-03,sip,1950-06-01\n"
        "p1,a,2022-01-20,sip,1950-06-01\n"  // p1's second SIP this month
        "p2,a,2022-01-05,sip,1960-06-01\n"
        "p3,a,2022-01-05,health_talk_50,1972-12-31\n"  // turns 50 in 2022
        "p4,b,2022-02-01,sip,1960-06-01\n"             // 6 outside the month
        "p5,zz,2022-01-05,sip,1960-06-01\n"            // 7 unknown unit
        "p6,a,2022-01-05,,1960-06-01\n"                // 8 no event
        "p1,a,2022-01-21,sip,1951-06-01\n");           // 9 another birth for p1
    ImportReport report;
    const EventAggregate e = aggregate_events(in, "events.csv", kRegion, Period{2022, 1}, report);
    CHECK(report.rows_used == 4);
    CHECK(report.rows_rejected == 4);
    const std::string r = reasons(report);
    CHECK_THAT(r, Catch::Contains("6: event outside month: 2022-02-01 is outside 2022-01"));
    CHECK_THAT(r, Catch::Contains("7: unknown unit"));
    CHECK_THAT(r, Catch::Contains("8: missing value"));
    CHECK_THAT(r, Catch::Contains("9: inconsistent birth"));
    // a sip: p2 once (age 62), p1 twice (age 72); a health_talk_50: p3 at age 50.
    REQUIRE(e.counts.size() == 3);
    CHECK(e.counts[0].event == "health_talk_50");
    CHECK(e.counts[0].age == 50);
    CHECK(e.counts[1].event == "sip");
    CHECK(e.counts[1].age == 62);
    CHECK(e.counts[1].per_person == 1);
    CHECK(e.counts[2].age == 72);
    CHECK(e.counts[2].per_person == 2);
    CHECK(e.counts[2].persons == 1);

    Database db("sqlite3://db=:memory:");
    const fs::path file = write_temp("events.csv",
                                     "person_id,unit,event_date,event,birth_year\n"
                                     "p1,a,2022-01-03,av003,1990\n"
                                     "p2,b,2022-01-03,av003,1990\n");
    const ImportOutcome outcome =
        import_dataset(db, kRegion, ImportRequest{"events", "2022-01", file, false, nullptr, {}});
    REQUIRE(outcome.stored);
    const auto loaded = db.load_events("test", Period{2022, 1});
    REQUIRE(loaded);
    REQUIRE(loaded->counts.size() == 2);
    CHECK(loaded->counts[1].unit == "b");
    CHECK(loaded->counts[1].age == 32);
    fs::remove(file);
}

TEST_CASE("ACG weights are summed per unit; a person given twice is taken back and rejected") {
    std::istringstream in(
        "person_id,unit,acg_weight\n"
        "p1,a,0.25\n"
        "p2,a,1.5\n"
        "p3,b,12.125\n"
        "p2,b,3\n"     // 5 p2 again: rejected, 3 not added to b
        "p4,a,-1\n"    // 6 negative
        "p5,a,101\n"   // 7 above 100
        "p6,zz,1\n");  // 8 unknown unit
    ImportReport report;
    const UnitValues acg = aggregate_acg(in, "acg.csv", kRegion, Period{2022, 1}, report);
    CHECK(report.rows_used == 3);
    CHECK(report.rows_rejected == 4);
    const std::string r = reasons(report);
    CHECK_THAT(r, Catch::Contains("5: duplicate person: person_id already given on line 3"));
    CHECK_THAT(r, Catch::Contains("6: invalid ACG weight: '-1'"));
    CHECK_THAT(r, Catch::Contains("7: invalid ACG weight"));
    CHECK(acg.ref.kind == "acg");
    CHECK(acg.value("a", "acg_points") == Decimal::parse("1.75"));
    CHECK(acg.value("a", "acg_persons") == Decimal::from_int(2));
    CHECK(acg.value("b", "acg_points") == Decimal::parse("12.125"));

    // Nothing is stored when a row is rejected, unless rejects are allowed.
    Database db("sqlite3://db=:memory:");
    const fs::path file = write_temp("acg.csv", "person_id,unit,acg_weight\np1,a,1\np1,b,2\n");
    const ImportOutcome refused =
        import_dataset(db, kRegion, ImportRequest{"acg", "2022-01", file, false, nullptr, {}});
    CHECK_FALSE(refused.stored);
    CHECK_FALSE(db.load_unit_values("test", "acg", Period{2022, 1}));
    const ImportOutcome allowed =
        import_dataset(db, kRegion, ImportRequest{"acg", "2022-01", file, true, nullptr, {}});
    REQUIRE(allowed.stored);
    const auto loaded = db.load_unit_values("test", "acg", Period{2022, 1});
    REQUIRE(loaded);
    CHECK(loaded->value("a", "acg_points") == Decimal::from_int(1));
    CHECK_FALSE(loaded->value("b", "acg_points"));
    fs::remove(file);
}

TEST_CASE("a database of the first schema is migrated in place, its datasets kept") {
    const fs::path file = fs::temp_directory_path() / (std::to_string(::getpid()) + "_v1.db");
    fs::remove(file);
    {
        // The first released schema: visit counts without fee or listing unit, no version.
        soci::session v1(soci::sqlite3, "db=" + file.string());
        v1 << "CREATE TABLE datasets (id BIGINT PRIMARY KEY, region TEXT NOT NULL, kind TEXT NOT "
              "NULL, period TEXT NOT NULL, version INTEGER NOT NULL, source TEXT NOT NULL, "
              "rows_read BIGINT NOT NULL, rows_used BIGINT NOT NULL, rows_rejected BIGINT NOT "
              "NULL, UNIQUE (region, kind, period, version))";
        v1 << "CREATE TABLE visit_counts (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, age "
              "INTEGER NOT NULL, sex TEXT NOT NULL, profession TEXT NOT NULL, contact_type TEXT "
              "NOT NULL, visits BIGINT NOT NULL)";
        v1 << "INSERT INTO datasets VALUES (1, 'test', 'visits', '2019-01..2019-12', 1, 'v.csv', "
              "7, 7, 0)";
        v1 << "INSERT INTO visit_counts VALUES (1, 'a', 40, 'F', 'doctor', 'visit', 7)";
    }
    Database db("sqlite3://db=" + file.string());
    const auto visits = db.load_visits("test", *PeriodRange::parse("2019-01..2019-12"));
    REQUIRE(visits);
    REQUIRE(visits->counts.size() == 1);
    CHECK(visits->counts[0].visits == 7);
    CHECK(visits->counts[0].fee_charged);  // the default for visits imported before
    CHECK(visits->counts[0].listed_unit.empty());
    fs::remove(file);
}

namespace {

const std::string kPsychiatryHeader =
    "person_id,unit,contact_date,contact_type,profession,diagnosis_group,score\n";

// An episode histogram row as "unit diagnosis contacts opened closed|open change|- ×episodes".
std::string episode_row(const EpisodeCount& e) {
    return e.unit + " " + e.diagnosis_group + " " + std::to_string(e.contacts) + " " +
           e.opened.to_string() + " " + (e.closed ? e.closed->to_string() : "open") + " " +
           (e.score_change ? std::to_string(*e.score_change) : "-") + " x" +
           std::to_string(e.episodes);
}

std::vector<std::string> episode_rows(const PsychiatryAggregate& p) {
    std::vector<std::string> rows;
    for (const EpisodeCount& e : p.episodes)
        rows.push_back(episode_row(e));
    return rows;
}

std::vector<std::string> contact_rows(const PsychiatryAggregate& p) {
    std::vector<std::string> rows;
    for (const PsychiatricContactCount& c : p.contacts)
        rows.push_back(c.unit + " " + c.month.to_string() + " " + c.contact_type + " " +
                       c.profession + " " + c.diagnosis_group + " " + std::to_string(c.contacts));
    return rows;
}

}  // namespace

TEST_CASE("psychiatric contacts are counted per month and built into an episode histogram") {
    // Columns in any order. The extract ends with 2024-03 (last day 2024-03-31); the region's
    // gap is the default 90 days.
    std::istringstream in(
        "unit,person_id,contact_date,contact_type,profession,diagnosis_group,score\n"
        // p1 at a: 25 and 26 days apart, one episode from 2023-11; closes 2024-01-10 + 90 =
        // 2024-04-09, after the extract: open. Scores 40 then 55: +15.
        "a,p1,2023-11-20,visit,doctor,depression,40\n"
        "a,p1,2023-12-15,digital,psychologist,depression,\n"
        "a,p1,2024-01-10,visit,psychologist,anxiety,55\n"
        // p1 at b: another unit, another episode; 2024-04-09 again: open.
        "b,p1,2024-01-10,visit,doctor,anxiety,\n"
        // p2 at a: 2023-10-01 → 2024-01-15 is 106 days: two episodes. The first closes
        // 2023-10-01 + 90 = 2023-12-30; the second has two contacts on one day (30, 35: +5)
        // and closes 2024-04-14: open.
        "a,p2,2023-10-01,phone,nurse,stress,\n"
        "a,p2,2024-01-15,visit,doctor,depression,30\n"
        "a,p2,2024-01-15,group,counsellor,depression,35\n"
        // p3 at b: like p1 at b (closes 2024-04-19: open), so that row counts 2 episodes.
        "b,p3,2024-01-20,visit,doctor,anxiety,\n"
        // p4 at a: across the year end; closes 2023-12-29 + 90 = 2024-03-28, within the
        // extract: closed in 2024-03. Scores 80 then 60: -20.
        "a,p4,2023-12-01,visit,psychologist,adhd,80\n"
        "a,p4,2023-12-29,visit,psychologist,adhd,60\n");
    ImportReport report;
    const PsychiatryAggregate p =
        aggregate_psychiatry(in, "psychiatry.csv", kRegion, Period{2024, 3}, report);
    CHECK(report.rows_read == 10);
    CHECK(report.rows_used == 10);
    CHECK(report.rows_rejected == 0);
    CHECK(p.ref.kind == "psychiatry");
    CHECK(p.ref.period == "2024-03");
    CHECK(p.episode_gap_days == 90);
    CHECK(contact_rows(p) == std::vector<std::string>{
                                 "a 2023-10 phone nurse stress 1",
                                 "a 2023-11 visit doctor depression 1",
                                 "a 2023-12 digital psychologist depression 1",
                                 "a 2023-12 visit psychologist adhd 2",
                                 "a 2024-01 group counsellor depression 1",
                                 "a 2024-01 visit doctor depression 1",
                                 "a 2024-01 visit psychologist anxiety 1",
                                 "b 2024-01 visit doctor anxiety 2",
                             });
    CHECK(episode_rows(p) == std::vector<std::string>{
                                 "a adhd 2 2023-12 2024-03 -20 x1",
                                 "a depression 2 2024-01 open 5 x1",
                                 "a depression 3 2023-11 open 15 x1",
                                 "a stress 1 2023-10 2023-12 - x1",
                                 "b anxiety 1 2024-01 open - x2",
                             });
}

TEST_CASE("psychiatry: every bad row is rejected with its line and reason") {
    std::istringstream in(kPsychiatryHeader +
                          "p1,a,2024-03-05,visit,doctor,depression,100\n"   // 2 good
                          "p2,zz,2024-03-05,visit,doctor,depression,\n"     // 3 unknown unit
                          "p3,a,2024-02-30,visit,doctor,depression,\n"      // 4 impossible date
                          "p3,a,05/03/2024,visit,doctor,depression,\n"      // 5 not a date
                          "p4,a,2024-04-01,visit,doctor,depression,\n"      // 6 after the extract
                          "p5,a,2024-03-05,,doctor,depression,\n"           // 7 empty
                          "p5,a,2024-03-05,Visit,doctor,depression,\n"      // 8 not lowercase
                          "p5,a,2024-03-05,visit,doctor,depression!,\n"     // 9 not an identifier
                          "p6,a,2024-03-05,visit,doctor,depression,101\n"   // 10 above 100
                          "p6,a,2024-03-05,visit,doctor,depression,7.5\n"   // 11 not whole
                          "p6,a,2024-03-05,visit,doctor,depression,-1\n"    // 12 negative
                          ",a,2024-03-05,visit,doctor,depression,\n"        // 13 no person
                          "p1,a,2024-03-05,visit,doctor,anxiety,60\n"       // 14 same as line 2
                          "p1,a,2024-03-05,visit,doctor\n"                  // 15 field count
                          "p1,a,2024-03-05,phone,doctor,depression,0\n"     // 16 good
                          "p7,a,2024-03-05,visit,,depression,\n"            // 17 empty
                          "p8,a,2024-03-05,visit,doctor,\"depression,\n");  // 18 open quote
    ImportReport report;
    const PsychiatryAggregate p =
        aggregate_psychiatry(in, "psychiatry.csv", kRegion, Period{2024, 3}, report);
    CHECK(report.rows_read == 17);
    CHECK(report.rows_used == 2);
    CHECK(report.rows_rejected == 15);
    const std::string r = reasons(report);
    CHECK_THAT(r, Catch::Contains("3: unknown unit: 'zz' is not a unit of test"));
    CHECK_THAT(r, Catch::Contains("4: invalid contact date: '2024-02-30' is not a date"));
    CHECK_THAT(r, Catch::Contains("5: invalid contact date: '05/03/2024' is not a date"));
    CHECK_THAT(r, Catch::Contains(
                      "6: contact after the extract: 2024-04-01 is after 2024-03, the month the "
                      "extract ends with"));
    CHECK_THAT(r, Catch::Contains("7: missing value: contact_type is empty"));
    CHECK_THAT(r, Catch::Contains("8: invalid identifier: contact_type 'Visit'; valid: lowercase "
                                  "letters, digits, _ and -"));
    CHECK_THAT(r, Catch::Contains("9: invalid identifier: diagnosis_group 'depression!'"));
    CHECK_THAT(r, Catch::Contains("10: invalid score: '101'; valid: a whole number from 0 to 100"));
    CHECK_THAT(r, Catch::Contains("11: invalid score: '7.5'"));
    CHECK_THAT(r, Catch::Contains("12: invalid score: '-1'"));
    CHECK_THAT(r, Catch::Contains("13: missing person_id"));
    CHECK_THAT(r, Catch::Contains("14: duplicate contact: the same person, unit, date, "
                                  "contact_type and profession as line 2"));
    CHECK_THAT(r, Catch::Contains("15: wrong number of fields: expected 7, got 5"));
    CHECK_THAT(r, Catch::Contains("17: missing value: profession is empty"));
    CHECK_THAT(r, Catch::Contains("18: malformed row"));
    // The duplicate is taken back from the counts and the episode: p1 has lines 2 and 16, a
    // depression episode with scores 100 then 0.
    CHECK(contact_rows(p) == std::vector<std::string>{"a 2024-03 phone doctor depression 1",
                                                      "a 2024-03 visit doctor depression 1"});
    CHECK(episode_rows(p) == std::vector<std::string>{"a depression 2 2024-03 open -100 x1"});
}

TEST_CASE("psychiatry: a file without a required column is refused as a whole") {
    std::istringstream in(
        "person_id,unit,contact_date,contact_type,profession\n"
        "p1,a,2024-03-05,visit,doctor\n");
    ImportReport report;
    CHECK_THROWS_WITH(aggregate_psychiatry(in, "p.csv", kRegion, Period{2024, 3}, report),
                      Catch::Contains("p.csv:1: missing column 'diagnosis_group'"));
}

TEST_CASE("psychiatry: the import is atomic, stores the gap, and loads as aggregated") {
    Region region = test::with_vocabularies(test::make_region({"a", "b"}));
    region.episode_gap_days = 30;
    Database db("sqlite3://db=:memory:");
    // No score column: it is optional.
    const std::string header =
        "person_id,unit,contact_date,contact_type,profession,diagnosis_group\n";
    const fs::path bad =
        write_temp("psychiatry-bad.csv", header +
                                             "p1,a,2024-01-05,visit,doctor,adhd\n"
                                             "p2,zz,2024-01-05,visit,doctor,adhd\n");
    const ImportOutcome refused =
        import_dataset(db, region, ImportRequest{"psychiatry", "2024-03", bad, false, nullptr, {}});
    CHECK_FALSE(refused.stored);
    CHECK(refused.report.rows_rejected == 1);
    CHECK(db.datasets("test").empty());
    CHECK_FALSE(db.load_psychiatry("test", Period{2024, 3}));
    const ImportOutcome allowed =
        import_dataset(db, region, ImportRequest{"psychiatry", "2024-03", bad, true, nullptr, {}});
    REQUIRE(allowed.stored);
    CHECK(allowed.stored->version == 1);

    // Gap 30: p1's 2024-01-05 and 2024-02-04 (30 days) are one episode, closed 2024-03-05;
    // 2024-03-20 is 45 days later: a new episode, open (2024-04-19).
    const std::string text = header +
                             "p1,b,2024-01-05,visit,doctor,adhd\n"
                             "p1,b,2024-02-04,phone,nurse,adhd\n"
                             "p1,b,2024-03-20,visit,doctor,depression\n"
                             "p2,a,2024-03-01,digital,psychologist,anxiety\n";
    const fs::path good = write_temp("psychiatry-good.csv", text);
    const ImportOutcome again = import_dataset(
        db, region, ImportRequest{"psychiatry", "2024-03", good, false, nullptr, {}});
    REQUIRE(again.stored);
    CHECK(again.stored->to_string() == "psychiatry 2024-03 v2");
    const auto loaded = db.load_psychiatry("test", Period{2024, 3});
    REQUIRE(loaded);
    CHECK(loaded->ref.to_string() == "psychiatry 2024-03 v2");
    CHECK(loaded->episode_gap_days == 30);
    CHECK(episode_rows(*loaded) == std::vector<std::string>{
                                       "a anxiety 1 2024-03 2024-03 - x1",  // 03-01 + 30 = 03-31
                                       "b adhd 2 2024-01 2024-03 - x1",
                                       "b depression 1 2024-03 open - x1",
                                   });
    std::istringstream in(text);
    ImportReport report;
    const PsychiatryAggregate aggregated =
        aggregate_psychiatry(in, "psychiatry.csv", region, Period{2024, 3}, report);
    CHECK(contact_rows(*loaded) == contact_rows(aggregated));
    CHECK(episode_rows(*loaded) == episode_rows(aggregated));
    CHECK(db.datasets("test").size() == 2);
    fs::remove(bad);
    fs::remove(good);
}

TEST_CASE("psychiatry: a run reads it from the database, or imports the shipped sample") {
    const fs::path samples =
        fs::temp_directory_path() / (std::to_string(::getpid()) + "_psychiatry_sample");
    fs::create_directories(samples);
    std::ofstream(samples / "psychiatry-2024-03.csv")
        << kPsychiatryHeader << "p1,a,2024-03-05,visit,doctor,depression,50\n";
    Database db("sqlite3://db=:memory:");
    DatabaseDataSource data(db, kRegion, samples);
    const PsychiatryAggregate& p = data.psychiatry(Period{2024, 3});
    CHECK(p.ref.to_string() == "psychiatry 2024-03 v1");
    CHECK(episode_rows(p) == std::vector<std::string>{"a depression 1 2024-03 open - x1"});
    REQUIRE(data.used().size() == 1);
    CHECK(data.used()[0].kind == "psychiatry");
    CHECK_THROWS_AS(data.psychiatry(Period{2024, 4}), DataMissing);
    fs::remove_all(samples);
}

TEST_CASE("a database of schema version 2 is migrated to hold psychiatry, its datasets kept") {
    const fs::path file = fs::temp_directory_path() / (std::to_string(::getpid()) + "_v2.db");
    fs::remove(file);
    {
        // Version 2: events, no psychiatry tables.
        soci::session v2(soci::sqlite3, "db=" + file.string());
        v2 << "CREATE TABLE datasets (id BIGINT PRIMARY KEY, region TEXT NOT NULL, kind TEXT NOT "
              "NULL, period TEXT NOT NULL, version INTEGER NOT NULL, source TEXT NOT NULL, "
              "rows_read BIGINT NOT NULL, rows_used BIGINT NOT NULL, rows_rejected BIGINT NOT "
              "NULL, UNIQUE (region, kind, period, version))";
        v2 << "CREATE TABLE event_counts (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, "
              "event TEXT NOT NULL, age INTEGER NOT NULL, per_person BIGINT NOT NULL, "
              "persons BIGINT NOT NULL)";
        v2 << "CREATE TABLE schema_version (version INTEGER NOT NULL)";
        v2 << "INSERT INTO schema_version VALUES (2)";
        v2 << "INSERT INTO datasets VALUES (1, 'test', 'events', '2022-01', 1, 'e.csv', 3, 3, 0)";
        v2 << "INSERT INTO event_counts VALUES (1, 'a', 'sip', 70, 1, 3)";
    }
    {
        Database db("sqlite3://db=" + file.string());
        const auto events = db.load_events("test", Period{2022, 1});
        REQUIRE(events);
        REQUIRE(events->counts.size() == 1);
        CHECK(events->counts[0].persons == 3);
        PsychiatryAggregate p;
        p.ref = {"psychiatry", "2024-03", 0};
        p.episode_gap_days = 60;
        p.contacts.push_back({"a", Period{2024, 3}, "visit", "doctor", "adhd", 4});
        p.episodes.push_back({"a", "adhd", 4, Period{2024, 1}, std::nullopt, 12, 1});
        p.episodes.push_back({"a", "adhd", 1, Period{2023, 11}, Period{2024, 1}, std::nullopt, 2});
        ImportReport report;
        CHECK(db.store_psychiatry("test", p, report).version == 1);
    }
    soci::session check(soci::sqlite3, "db=" + file.string());
    int version = 0;
    check << "SELECT MAX(version) FROM schema_version", soci::into(version);
    CHECK(version >= 3);  // psychiatry came with version 3
    Database reopened("sqlite3://db=" + file.string());
    const auto loaded = reopened.load_psychiatry("test", Period{2024, 3});
    REQUIRE(loaded);
    CHECK(loaded->episode_gap_days == 60);
    CHECK(contact_rows(*loaded) == std::vector<std::string>{"a 2024-03 visit doctor adhd 4"});
    CHECK(episode_rows(*loaded) ==
          std::vector<std::string>{"a adhd 1 2023-11 2024-01 - x2", "a adhd 4 2024-01 open 12 x1"});
    fs::remove(file);
}
