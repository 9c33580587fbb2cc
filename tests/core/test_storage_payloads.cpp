// Datasets stored as one payload each: every kind comes back as stored, a damaged payload is
// refused naming the dataset, and a schema 4 database (rows in per-kind tables) is converted.
#include <catch2/catch.hpp>

#include <filesystem>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include "../../core/src/payload.hpp"  // the encoding, to damage payloads on purpose
#include "vardval_host/storage.hpp"

using namespace vardval;
namespace fs = std::filesystem;

namespace {

struct TempDb {
    fs::path file;
    explicit TempDb(const char* name)
        : file(fs::temp_directory_path() / (std::to_string(::getpid()) + "_" + name + ".db")) {
        remove();
    }
    ~TempDb() { remove(); }
    void remove() const {
        for (const char* suffix : {"", "-wal", "-shm"})
            fs::remove(file.string() + suffix);
    }
    std::string url() const { return "sqlite3://db=" + file.string(); }
};

ListingAggregate sample_listing() {
    ListingAggregate l;
    l.ref = {"listing", "2026-01", 0};
    UnitListing& a = l.units["U1"];
    a.persons[0][0] = 3;     // 3 girls aged 0
    a.persons[1][120] = 1;   // 1 man aged 120
    a.persons[1][40] = 200;  // a count above one varint byte
    a.cni["cni_a"] = 7;
    a.distance_decikm.add(0, 2);
    a.distance_decikm.add(301, 5);  // 30.1 km: beyond 30 km
    a.distance_decikm.add(2499, -1);
    l.units["U2"];  // a unit with nobody listed is kept
    return l;
}

ImportReport report_of(const char* file) {
    ImportReport r;
    r.file = file;
    return r;
}

}  // namespace

TEST_CASE("every dataset kind comes back from its payload as stored") {
    TempDb t("payload_roundtrip");
    Database db(t.url());

    db.store_listing("r", sample_listing(), report_of("l.csv"));
    const auto listing = db.load_listing("r", Period{2026, 1});
    REQUIRE(listing);
    CHECK(listing->ref.version == 1);
    REQUIRE(listing->units.size() == 2);
    const UnitListing& a = listing->units.at("U1");
    CHECK(a.persons == sample_listing().units.at("U1").persons);
    CHECK(a.listed() == 204);  // 3 + 1 + 200
    CHECK(a.cni == std::map<std::string, std::int64_t>{{"cni_a", 7}});
    CHECK(a.distance_decikm.persons().size() == 2500);  // buckets 0..2499, dense
    CHECK(a.distance_decikm.persons()[301] == 5);
    CHECK(a.listed_beyond(*Decimal::parse("30")) == 4);  // 5 at 30.1 km − 1 at 249.9 km
    CHECK(listing->units.at("U2").listed() == 0);

    // Visits come back ordered by unit, age, sex, profession, contact type, fee, listing unit.
    VisitAggregate visits;
    visits.ref = {"visits", "2025-01..2025-12", 0};
    visits.counts = {{"U2", 5, Sex::male, "nurse", "phone", 4, false, ""},
                     {"U1", 70, Sex::female, "doctor", "visit", 1000000, true, "U2"}};
    db.store_visits("r", visits, report_of("v.csv"));
    const auto v = db.load_visits("r", *PeriodRange::parse("2025-01..2025-12"));
    REQUIRE(v);
    REQUIRE(v->counts.size() == 2);
    CHECK(v->counts[0].unit == "U1");
    CHECK(v->counts[0].age == 70);
    CHECK(v->counts[0].visits == 1000000);
    CHECK(v->counts[0].fee_charged);
    CHECK(v->counts[0].listed_unit == "U2");
    CHECK(v->counts[1].sex == Sex::male);
    CHECK_FALSE(v->counts[1].fee_charged);
    CHECK(v->counts[1].listed_unit.empty());

    UnitValues values;
    values.ref = {"acg", "2026-01", 0};
    values.values["U1"]["points"] = *Decimal::parse("-0.000001");  // exact, no rounding
    values.values["U1"]["fees"] = *Decimal::parse("123456789.5");
    db.store_unit_values("r", values, report_of("a.csv"));
    const auto u = db.load_unit_values("r", "acg", Period{2026, 1});
    REQUIRE(u);
    CHECK(u->values.at("U1").at("points").to_string() == "-0.000001");
    CHECK(u->values.at("U1").at("fees").to_string() == "123456789.500000");
    CHECK_FALSE(db.load_unit_values("r", "unit-values", Period{2026, 1}));

    EventAggregate events;
    events.ref = {"events", "2026-01", 0};
    events.counts = {{"U1", "sip", 50, 2, 3}, {"U1", "health_talk", 18, 1, 9}};
    db.store_events("r", events, report_of("e.csv"));
    const auto e = db.load_events("r", Period{2026, 1});
    REQUIRE(e);
    REQUIRE(e->counts.size() == 2);
    CHECK(e->counts[0].event == "health_talk");  // ordered by unit, event
    CHECK(e->counts[0].persons == 9);
    CHECK(e->counts[1].per_person == 2);

    PsychiatryAggregate psy;
    psy.ref = {"psychiatry", "2024-01", 0};
    psy.episode_gap_days = 90;
    psy.contacts = {{"P1", Period{2023, 12}, "visit", "doctor", "depression", 4}};
    psy.episodes = {{"P1", "depression", 3, Period{2023, 10}, std::nullopt, -12, 2},
                    {"P1", "anxiety", 1, Period{2023, 9}, Period{2023, 12}, std::nullopt, 5}};
    db.store_psychiatry("r", psy, report_of("p.csv"));
    const auto p = db.load_psychiatry("r", Period{2024, 1});
    REQUIRE(p);
    CHECK(p->episode_gap_days == 90);
    REQUIRE(p->contacts.size() == 1);
    CHECK(p->contacts[0].month == Period{2023, 12});
    CHECK(p->contacts[0].contacts == 4);
    REQUIRE(p->episodes.size() == 2);
    CHECK(p->episodes[0].diagnosis_group == "anxiety");
    CHECK(p->episodes[0].closed == Period{2023, 12});
    CHECK_FALSE(p->episodes[0].score_change);
    CHECK_FALSE(p->episodes[1].closed);
    CHECK(p->episodes[1].score_change == -12);
    CHECK(p->episodes[1].episodes == 2);
}

TEST_CASE("a damaged payload is refused naming the dataset, never read past its end") {
    TempDb t("payload_corrupt");
    Database db(t.url());
    db.store_listing("r", sample_listing(), report_of("l.csv"));
    soci::session sql(soci::sqlite3, "db=" + t.file.string());
    std::string good;
    sql << "SELECT payload FROM dataset_payloads", soci::into(good);
    const std::string bytes = from_base64(good);
    const auto store = [&](const std::string& payload, int encoding) {
        sql << "UPDATE dataset_payloads SET payload = :p, encoding = :e", soci::use(payload),
            soci::use(encoding);
    };
    // Every strict prefix of the bytes is refused: decoding it follows the full payload's
    // path until it needs a byte that is not there.
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        store(to_base64(bytes.substr(0, size)), kPayloadEncoding);
        INFO("payload cut to " << size << " of " << bytes.size() << " bytes");
        CHECK_THROWS_WITH(db.load_listing("r", Period{2026, 1}),
                          Catch::Contains("the stored listing 2026-01 v1 of r is corrupt"));
    }
    const auto refused = [&](const std::string& payload, int encoding, const char* message) {
        store(payload, encoding);
        CHECK_THROWS_AS(db.load_listing("r", Period{2026, 1}), StorageError);
        CHECK_THROWS_WITH(db.load_listing("r", Period{2026, 1}), Catch::Contains(message));
    };
    refused("not base64!", kPayloadEncoding, "not a multiple of 4");
    refused("@@@@", kPayloadEncoding, "not base64");
    refused(to_base64(bytes + '\0'), kPayloadEncoding, "1 bytes left over");
    // ff ff ff ff: a count of texts whose varint never ends.
    refused(to_base64("\xff\xff\xff\xff"), kPayloadEncoding, "truncated");
    // 0 texts, then 1 unit named by text 0, which the empty table does not have.
    refused(to_base64(std::string("\x00\x01\x00", 3)), kPayloadEncoding, "text 0 of 0");
    refused(good, kPayloadEncoding + 1, "encoding 2, which this vardval cannot read");
    store(good, kPayloadEncoding);  // and the original still reads
    CHECK(db.load_listing("r", Period{2026, 1})->listed() == 204);
}

TEST_CASE("a schema 4 database is migrated to payloads: every kind kept, old tables dropped") {
    TempDb t("v4");
    {
        // The tables vardval 4 kept datasets in (schema 1 + migrations 2-4), with one dataset
        // of each kind as rows.
        soci::session v4(soci::sqlite3, "db=" + t.file.string());
        for (const char* statement : {
                 "CREATE TABLE datasets (id BIGINT PRIMARY KEY, region TEXT NOT NULL, kind TEXT "
                 "NOT NULL, period TEXT NOT NULL, version INTEGER NOT NULL, source TEXT NOT NULL, "
                 "rows_read BIGINT NOT NULL, rows_used BIGINT NOT NULL, rows_rejected BIGINT NOT "
                 "NULL, imported_at TEXT NOT NULL DEFAULT '', imported_by TEXT NOT NULL DEFAULT "
                 "'', vardval_version TEXT NOT NULL DEFAULT '', source_sha256 TEXT NOT NULL "
                 "DEFAULT '', sample INTEGER NOT NULL DEFAULT 0, retracted_at TEXT, retracted_by "
                 "TEXT, retract_reason TEXT, UNIQUE (region, kind, period, version))",
                 "CREATE TABLE listing_persons (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, "
                 "age INTEGER NOT NULL, sex TEXT NOT NULL, persons BIGINT NOT NULL)",
                 "CREATE TABLE listing_cni (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, "
                 "variable TEXT NOT NULL, persons BIGINT NOT NULL)",
                 "CREATE TABLE listing_distance (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, "
                 "decikm INTEGER NOT NULL, persons BIGINT NOT NULL)",
                 "CREATE TABLE visit_counts (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, age "
                 "INTEGER NOT NULL, sex TEXT NOT NULL, profession TEXT NOT NULL, contact_type "
                 "TEXT NOT NULL, visits BIGINT NOT NULL, fee_charged INTEGER NOT NULL DEFAULT 1, "
                 "listed_unit TEXT NOT NULL DEFAULT '')",
                 "CREATE TABLE unit_values (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, "
                 "measure TEXT NOT NULL, value TEXT NOT NULL)",
                 "CREATE TABLE event_counts (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, "
                 "event TEXT NOT NULL, age INTEGER NOT NULL, per_person BIGINT NOT NULL, "
                 "persons BIGINT NOT NULL)",
                 "CREATE TABLE psychiatry_datasets (dataset_id BIGINT PRIMARY KEY, "
                 "episode_gap_days INTEGER NOT NULL)",
                 "CREATE TABLE psychiatry_contacts (dataset_id BIGINT NOT NULL, unit TEXT NOT "
                 "NULL, month TEXT NOT NULL, contact_type TEXT NOT NULL, profession TEXT NOT "
                 "NULL, diagnosis_group TEXT NOT NULL, contacts BIGINT NOT NULL)",
                 "CREATE TABLE psychiatry_episodes (dataset_id BIGINT NOT NULL, unit TEXT NOT "
                 "NULL, diagnosis_group TEXT NOT NULL, contacts BIGINT NOT NULL, opened TEXT NOT "
                 "NULL, closed TEXT, score_change INTEGER, episodes BIGINT NOT NULL)",
                 "CREATE TABLE runs (id BIGINT PRIMARY KEY, region TEXT NOT NULL, year INTEGER "
                 "NOT NULL, period TEXT NOT NULL, model_file TEXT NOT NULL, model_hash TEXT NOT "
                 "NULL, datasets TEXT NOT NULL, total_ore BIGINT NOT NULL, created_at TEXT NOT "
                 "NULL DEFAULT '', os_user TEXT NOT NULL DEFAULT '', vardval_version TEXT NOT "
                 "NULL DEFAULT '', plugins TEXT NOT NULL DEFAULT '', model_text TEXT NOT NULL "
                 "DEFAULT '', sample_data INTEGER NOT NULL DEFAULT 0, command TEXT NOT NULL "
                 "DEFAULT 'run', compare_of BIGINT)",
                 "CREATE TABLE ledger_lines (run_id BIGINT NOT NULL, unit TEXT NOT NULL, "
                 "component TEXT NOT NULL, type TEXT NOT NULL, basis TEXT NOT NULL, rate_ore "
                 "TEXT NOT NULL, amount_ore BIGINT NOT NULL, explanation TEXT NOT NULL)",
                 "CREATE TABLE run_datasets (run_id BIGINT NOT NULL, kind TEXT NOT NULL, period "
                 "TEXT NOT NULL, version INTEGER NOT NULL)",
                 "CREATE TABLE run_outputs (run_id BIGINT NOT NULL, format TEXT NOT NULL, output "
                 "TEXT NOT NULL, PRIMARY KEY (run_id, format))",
                 "CREATE TABLE schema_version (version INTEGER NOT NULL)",
                 "INSERT INTO schema_version VALUES (4)",
                 // Two listing versions; the run below is pinned to the retracted first one.
                 "INSERT INTO datasets (id, region, kind, period, version, source, rows_read, "
                 "rows_used, rows_rejected, retracted_at, retracted_by, retract_reason) VALUES "
                 "(1, 'r', 'listing', '2026-01', 1, 'l1.csv', 5, 5, 0, 'x', 'y', 'wrong file')",
                 "INSERT INTO datasets (id, region, kind, period, version, source, rows_read, "
                 "rows_used, rows_rejected) VALUES (2, 'r', 'listing', '2026-01', 2, 'l2.csv', 1, "
                 "1, 0), (3, 'r', 'visits', '2025-01..2025-12', 1, 'v.csv', 2, 2, 0), (4, 'r', "
                 "'unit-values', '2026-01', 1, 'u.csv', 1, 1, 0), (5, 'r', 'events', '2026-01', "
                 "1, 'e.csv', 1, 1, 0), (6, 'r', 'psychiatry', '2024-01', 1, 'p.csv', 3, 3, 0), "
                 "(7, 'r', 'acg', '2026-01', 1, 'a.csv', 1, 1, 0)",
                 "INSERT INTO listing_persons VALUES (1, 'U1', 40, 'F', 4), (1, 'U1', 41, 'M', 1), "
                 "(2, 'U1', 40, 'F', 1)",
                 "INSERT INTO listing_cni VALUES (1, 'U1', 'cni_a', 2)",
                 "INSERT INTO listing_distance VALUES (1, 'U1', 301, 3), (1, 'U1', 12, 2)",
                 "INSERT INTO visit_counts VALUES (3, 'U2', 5, 'M', 'nurse', 'phone', 4, 0, ''), "
                 "(3, 'U1', 70, 'F', 'doctor', 'visit', 6, 1, 'U2')",
                 "INSERT INTO unit_values VALUES (4, 'U1', 'fees', '10.5')",
                 "INSERT INTO unit_values VALUES (7, 'U1', 'points', '0.25')",
                 "INSERT INTO event_counts VALUES (5, 'U1', 'sip', 50, 2, 3)",
                 "INSERT INTO psychiatry_datasets VALUES (6, 60)",
                 "INSERT INTO psychiatry_contacts VALUES (6, 'P1', '2023-12', 'visit', 'doctor', "
                 "'depression', 3)",
                 "INSERT INTO psychiatry_episodes VALUES (6, 'P1', 'depression', 2, '2023-11', "
                 "NULL, 7, 1), (6, 'P1', 'depression', 1, '2023-10', '2023-12', NULL, 1)",
             })
            v4 << statement;
    }
    Database db(t.url());
    const auto pinned = db.load_listing("r", Period{2026, 1}, 1);
    REQUIRE(pinned);
    const UnitListing& u1 = pinned->units.at("U1");
    CHECK(u1.persons[0][40] == 4);
    CHECK(u1.persons[1][41] == 1);
    CHECK(u1.listed() == 5);  // 4 + 1
    CHECK(u1.cni.at("cni_a") == 2);
    CHECK(u1.distance_decikm.persons().size() == 302);  // buckets 0..301
    CHECK(u1.distance_decikm.persons()[12] == 2);
    CHECK(u1.listed_beyond(*Decimal::parse("30")) == 3);
    CHECK(db.load_listing("r", Period{2026, 1})->listed() == 1);  // v2: 1 person

    const auto visits = db.load_visits("r", *PeriodRange::parse("2025-01..2025-12"));
    REQUIRE(visits);
    REQUIRE(visits->counts.size() == 2);
    CHECK(visits->counts[0].unit == "U1");  // ordered as the row tables were read
    CHECK(visits->counts[0].listed_unit == "U2");
    CHECK(visits->counts[1].visits == 4);
    CHECK_FALSE(visits->counts[1].fee_charged);

    CHECK(db.load_unit_values("r", "unit-values", Period{2026, 1})
              ->values.at("U1")
              .at("fees")
              .to_string() == "10.500000");
    CHECK(db.load_unit_values("r", "acg", Period{2026, 1})->values.at("U1").at("points") ==
          *Decimal::parse("0.25"));
    const auto events = db.load_events("r", Period{2026, 1});
    REQUIRE(events->counts.size() == 1);
    CHECK(events->counts[0].persons == 3);
    const auto psy = db.load_psychiatry("r", Period{2024, 1});
    REQUIRE(psy);
    CHECK(psy->episode_gap_days == 60);
    CHECK(psy->contacts.at(0).contacts == 3);
    REQUIRE(psy->episodes.size() == 2);
    CHECK(psy->episodes[0].contacts == 1);  // ordered by size first
    CHECK(psy->episodes[0].closed == Period{2023, 12});
    CHECK_FALSE(psy->episodes[1].closed);
    CHECK(psy->episodes[1].score_change == 7);

    // The per-kind tables are gone, and reopening does not bring them back.
    Database again(t.url());
    soci::session sql(soci::sqlite3, "db=" + t.file.string());
    int old_tables = -1, version = 0;
    sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN "
           "('listing_persons', 'listing_cni', 'listing_distance', 'visit_counts', "
           "'unit_values', 'event_counts', 'psychiatry_datasets', 'psychiatry_contacts', "
           "'psychiatry_episodes')",
        soci::into(old_tables);
    sql << "SELECT MAX(version) FROM schema_version", soci::into(version);
    CHECK(old_tables == 0);
    CHECK(version == 6);  // and on to the latest
}
