#include "vardval_host/storage.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "ledger_conversion.hpp"
#include "vardval_host/provenance.hpp"
#include "write_transaction.hpp"

namespace vardval {
namespace {

const char* const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS datasets (id BIGINT PRIMARY KEY, region TEXT NOT NULL, "
    "kind TEXT NOT NULL, period TEXT NOT NULL, version INTEGER NOT NULL, source TEXT NOT NULL, "
    "rows_read BIGINT NOT NULL, rows_used BIGINT NOT NULL, rows_rejected BIGINT NOT NULL, "
    "UNIQUE (region, kind, period, version))",
    "CREATE TABLE IF NOT EXISTS listing_persons (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, "
    "age INTEGER NOT NULL, sex TEXT NOT NULL, persons BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS listing_cni (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, "
    "variable TEXT NOT NULL, persons BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS listing_distance (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, "
    "decikm INTEGER NOT NULL, persons BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS visit_counts (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, "
    "age INTEGER NOT NULL, sex TEXT NOT NULL, profession TEXT NOT NULL, contact_type TEXT NOT "
    "NULL, "
    "visits BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS runs (id BIGINT PRIMARY KEY, region TEXT NOT NULL, year INTEGER "
    "NOT NULL, "
    "period TEXT NOT NULL, model_file TEXT NOT NULL, model_hash TEXT NOT NULL, datasets TEXT NOT "
    "NULL, "
    "total_ore BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS ledger_lines (run_id BIGINT NOT NULL, unit TEXT NOT NULL, "
    "component TEXT NOT NULL, type TEXT NOT NULL, basis TEXT NOT NULL, rate_ore TEXT NOT NULL, "
    "amount_ore BIGINT NOT NULL, explanation TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS unit_values (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, "
    "measure TEXT NOT NULL, value TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS listing_persons_ds ON listing_persons (dataset_id)",
    "CREATE INDEX IF NOT EXISTS listing_cni_ds ON listing_cni (dataset_id)",
    "CREATE INDEX IF NOT EXISTS listing_distance_ds ON listing_distance (dataset_id)",
    "CREATE INDEX IF NOT EXISTS visit_counts_ds ON visit_counts (dataset_id)",
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
};

// Changes since the first schema, applied in order to a database at an older version.
// A database is at version 1 when it has no schema_version row.
const std::vector<std::vector<const char*>> kMigrations = {
    // 2: visits by fee charged and listing unit (visit pay, cross-listing); events.
    {"ALTER TABLE visit_counts ADD COLUMN fee_charged INTEGER NOT NULL DEFAULT 1",
     "ALTER TABLE visit_counts ADD COLUMN listed_unit TEXT NOT NULL DEFAULT ''",
     "CREATE TABLE event_counts (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, "
     "event TEXT NOT NULL, age INTEGER NOT NULL, per_person BIGINT NOT NULL, "
     "persons BIGINT NOT NULL)",
     "CREATE INDEX event_counts_ds ON event_counts (dataset_id)",
     "CREATE INDEX unit_values_ds ON unit_values (dataset_id)"},
    // 3: psychiatric contacts and episodes of care, and the gap the episodes were built with.
    {"CREATE TABLE psychiatry_datasets (dataset_id BIGINT PRIMARY KEY, "
     "episode_gap_days INTEGER NOT NULL)",
     "CREATE TABLE psychiatry_contacts (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, "
     "month TEXT NOT NULL, contact_type TEXT NOT NULL, profession TEXT NOT NULL, "
     "diagnosis_group TEXT NOT NULL, contacts BIGINT NOT NULL)",
     "CREATE TABLE psychiatry_episodes (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, "
     "diagnosis_group TEXT NOT NULL, contacts BIGINT NOT NULL, opened TEXT NOT NULL, "
     "closed TEXT, score_change INTEGER, episodes BIGINT NOT NULL)",
     "CREATE INDEX psychiatry_contacts_ds ON psychiatry_contacts (dataset_id)",
     "CREATE INDEX psychiatry_episodes_ds ON psychiatry_episodes (dataset_id)"},
    // 4: auditable datasets and runs: where a dataset came from, who imported it and when,
    // retraction; a run's time, user, versions, resolved model, dataset versions and its
    // outputs as printed.
    {"ALTER TABLE datasets ADD COLUMN imported_at TEXT NOT NULL DEFAULT ''",
     "ALTER TABLE datasets ADD COLUMN imported_by TEXT NOT NULL DEFAULT ''",
     "ALTER TABLE datasets ADD COLUMN vardval_version TEXT NOT NULL DEFAULT ''",
     "ALTER TABLE datasets ADD COLUMN source_sha256 TEXT NOT NULL DEFAULT ''",
     "ALTER TABLE datasets ADD COLUMN sample INTEGER NOT NULL DEFAULT 0",
     "ALTER TABLE datasets ADD COLUMN retracted_at TEXT",
     "ALTER TABLE datasets ADD COLUMN retracted_by TEXT",
     "ALTER TABLE datasets ADD COLUMN retract_reason TEXT",
     "ALTER TABLE runs ADD COLUMN created_at TEXT NOT NULL DEFAULT ''",
     "ALTER TABLE runs ADD COLUMN os_user TEXT NOT NULL DEFAULT ''",
     "ALTER TABLE runs ADD COLUMN vardval_version TEXT NOT NULL DEFAULT ''",
     "ALTER TABLE runs ADD COLUMN plugins TEXT NOT NULL DEFAULT ''",
     "ALTER TABLE runs ADD COLUMN model_text TEXT NOT NULL DEFAULT ''",
     "ALTER TABLE runs ADD COLUMN sample_data INTEGER NOT NULL DEFAULT 0",
     "ALTER TABLE runs ADD COLUMN command TEXT NOT NULL DEFAULT 'run'",
     "ALTER TABLE runs ADD COLUMN compare_of BIGINT",
     "CREATE TABLE run_datasets (run_id BIGINT NOT NULL, kind TEXT NOT NULL, "
     "period TEXT NOT NULL, version INTEGER NOT NULL)",
     "CREATE TABLE run_outputs (run_id BIGINT NOT NULL, format TEXT NOT NULL, "
     "output TEXT NOT NULL, PRIMARY KEY (run_id, format))",
     "CREATE INDEX run_datasets_run ON run_datasets (run_id)",
     "CREATE INDEX ledger_lines_run ON ledger_lines (run_id)"},
    // 6: a run's ledger as one payload, not a row per line (ledger_payload.hpp); the rows
    // of older runs are moved into payloads after the statements (convert_ledger_lines).
    {"CREATE TABLE run_ledgers (run_id BIGINT PRIMARY KEY, payload TEXT NOT NULL)"},
};

// PostgreSQL only, after the statements of the same version: ids from sequences, which
// never hand out one id twice (MAX(id) + 1 does, to concurrent transactions).
const std::vector<std::pair<int, std::vector<const char*>>> kPostgresMigrations = {
    {4,
     {"CREATE SEQUENCE datasets_id_seq", "CREATE SEQUENCE runs_id_seq",
      "DO $$ BEGIN PERFORM setval('datasets_id_seq', (SELECT COALESCE(MAX(id), 0) + 1 FROM "
      "datasets), false); PERFORM setval('runs_id_seq', (SELECT COALESCE(MAX(id), 0) + 1 FROM "
      "runs), false); END $$"}},
};

const char* const kDatasetColumns =
    "id, region, kind, period, version, source, rows_read, rows_used, rows_rejected, "
    "imported_at, imported_by, vardval_version, source_sha256, sample, retracted_at, "
    "retracted_by, retract_reason";

DatasetInfo dataset_info(const soci::row& r) {
    DatasetInfo d;
    d.id = r.get<long long>(0);
    d.region = r.get<std::string>(1);
    d.ref = {r.get<std::string>(2), r.get<std::string>(3), r.get<int>(4)};
    d.source = r.get<std::string>(5);
    d.rows_read = r.get<long long>(6);
    d.rows_used = r.get<long long>(7);
    d.rows_rejected = r.get<long long>(8);
    d.imported_at = r.get<std::string>(9);
    d.imported_by = r.get<std::string>(10);
    d.vardval_version = r.get<std::string>(11);
    d.origin.source_sha256 = r.get<std::string>(12);
    d.origin.sample = r.get<int>(13) != 0;
    d.retracted = r.get_indicator(14) == soci::i_ok;
    if (d.retracted) {
        d.retracted_at = r.get<std::string>(14);
        d.retracted_by = r.get<std::string>(15);
        d.retract_reason = r.get<std::string>(16);
    }
    return d;
}

}  // namespace

Database::Database(const std::string& connection) {
    try {
        if (connection.rfind("postgresql://", 0) == 0) {
            sql_ = std::make_unique<soci::session>(soci::postgresql, connection.substr(13));
            postgresql_ = true;
            // "relation already exists, skipping" notices would clutter every command.
            *sql_ << "SET client_min_messages TO WARNING";
        } else if (connection.rfind("sqlite3://", 0) == 0)
            sql_ = std::make_unique<soci::session>(soci::sqlite3, connection.substr(10));
        else if (connection.find("://") == std::string::npos)
            sql_ = std::make_unique<soci::session>(soci::sqlite3, "db=" + connection);
        else
            throw StorageError("unsupported database '" + connection +
                               "'; use sqlite3://db=FILE or postgresql://dbname=NAME ...");
        if (!postgresql_) {
            // Other processes may be writing: wait for them rather than fail, and let
            // readers go on while one writes.
            *sql_ << "PRAGMA busy_timeout = 60000";
            std::string mode;
            *sql_ << "PRAGMA journal_mode = WAL", soci::into(mode);
        }
        migrate();
    } catch (const soci::soci_error& e) {
        throw StorageError("cannot open database '" + connection + "': " + e.what());
    }
}

Database::~Database() = default;

void Database::migrate() {
    // One process creates or migrates the schema; the others wait, then find it done.
    if (postgresql_)
        *sql_ << "SELECT pg_advisory_lock(" + std::to_string(kSchemaLock) + ")";
    try {
        WriteTransaction tx(*sql_, postgresql_);
        for (const char* statement : kSchema)
            *sql_ << statement;
        int version = 1;
        soci::indicator ind = soci::i_null;
        *sql_ << "SELECT MAX(version) FROM schema_version", soci::into(version, ind);
        if (ind != soci::i_ok)
            version = 1;
        const int latest = static_cast<int>(kMigrations.size()) + 1;
        if (version > latest)
            throw StorageError("the database has schema version " + std::to_string(version) +
                               ", newer than this vardval (" + std::to_string(latest) +
                               "): use a newer vardval");
        for (int v = version + 1; v <= latest; ++v) {
            for (const char* statement : kMigrations[static_cast<std::size_t>(v - 2)])
                *sql_ << statement;
            for (const auto& [at, statements] : kPostgresMigrations)
                if (postgresql_ && at == v)
                    for (const char* statement : statements)
                        *sql_ << statement;
        }
        if (version != latest) {
            convert_ledger_lines(*sql_);  // 6: a no-op once ledger_lines is empty
            *sql_ << "DELETE FROM schema_version";
            *sql_ << "INSERT INTO schema_version (version) VALUES (:v)", soci::use(latest);
        }
        tx.commit();
    } catch (...) {
        if (postgresql_)
            *sql_ << "SELECT pg_advisory_unlock(" + std::to_string(kSchemaLock) + ")";
        throw;
    }
    if (postgresql_)
        *sql_ << "SELECT pg_advisory_unlock(" + std::to_string(kSchemaLock) + ")";
}

std::int64_t Database::next_id(const std::string& table) {
    long long id = 0;
    if (postgresql_)
        *sql_ << "SELECT nextval('" + table + "_id_seq')", soci::into(id);
    else  // safe: inside a WriteTransaction, which holds SQLite's write lock
        *sql_ << "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table, soci::into(id);
    return id;
}

DatasetRef Database::store_dataset(const std::string& region, const DatasetRef& ref,
                                   const ImportReport& report, const DatasetOrigin& origin,
                                   const std::function<void(long long)>& insert_rows) {
    try {
        WriteTransaction tx(*sql_, postgresql_, kVersionLock);
        int version = 0;
        const long long id = insert_dataset(region, ref.kind, ref.period, report, origin, version);
        insert_rows(id);
        tx.commit();
        return {ref.kind, ref.period, version};
    } catch (const soci::soci_error& e) {
        throw StorageError("storing the " + ref.kind + " " + ref.period +
                           " failed, nothing was stored: " + e.what());
    }
}

std::optional<DatasetInfo> Database::find_dataset(const std::string& region,
                                                  const std::string& kind,
                                                  const std::string& period,
                                                  std::optional<int> version) {
    const int wanted = version.value_or(0);
    soci::rowset<soci::row> rows =
        (sql_->prepare << std::string("SELECT ") + kDatasetColumns +
                              " FROM datasets WHERE region = :r AND kind = :k AND period = :p "
                              "AND (version = :v OR (:v2 = 0 AND retracted_at IS NULL)) "
                              "ORDER BY version DESC",
         soci::use(region), soci::use(kind), soci::use(period), soci::use(wanted),
         soci::use(wanted));
    for (const soci::row& r : rows)
        return dataset_info(r);
    return std::nullopt;
}

std::int64_t Database::insert_dataset(const std::string& region, const std::string& kind,
                                      const std::string& period, const ImportReport& report,
                                      const DatasetOrigin& origin, int& version) {
    // Retracted versions count: a version number is never given twice.
    *sql_ << "SELECT COALESCE(MAX(version), 0) + 1 FROM datasets WHERE region = :r AND kind = :k "
             "AND period = :p",
        soci::into(version), soci::use(region), soci::use(kind), soci::use(period);
    const long long id = next_id("datasets");
    const long long read = report.rows_read, used = report.rows_used,
                    rejected = report.rows_rejected;
    const std::string now = utc_now(), user = os_user(), program = vardval_version();
    const int sample = origin.sample ? 1 : 0;
    *sql_ << "INSERT INTO datasets (id, region, kind, period, version, source, rows_read, "
             "rows_used, rows_rejected, imported_at, imported_by, vardval_version, source_sha256, "
             "sample) VALUES (:id, :r, :k, :p, :v, :s, :rr, :ru, :rj, :at, :by, :vv, :sha, :smp)",
        soci::use(id), soci::use(region), soci::use(kind), soci::use(period), soci::use(version),
        soci::use(report.file), soci::use(read), soci::use(used), soci::use(rejected),
        soci::use(now), soci::use(user), soci::use(program), soci::use(origin.source_sha256),
        soci::use(sample);
    return id;
}

DatasetRef Database::store_listing(const std::string& region, const ListingAggregate& listing,
                                   const ImportReport& report, const DatasetOrigin& origin) {
    return store_dataset(
        region, {"listing", listing.ref.period, 0}, report, origin, [&](long long id) {
            std::vector<long long> ids;
            std::vector<std::string> units, sexes, variables;
            std::vector<int> ages, buckets;
            std::vector<long long> persons;
            for (const auto& [unit, counts] : listing.units)
                for (int s = 0; s < 2; ++s)
                    for (int age = 0; age <= kMaxAge; ++age)
                        if (counts.persons[s][age] != 0) {
                            ids.push_back(id);
                            units.push_back(unit);
                            ages.push_back(age);
                            sexes.push_back(to_string(static_cast<Sex>(s)));
                            persons.push_back(counts.persons[s][age]);
                        }
            if (!ids.empty())
                *sql_ << "INSERT INTO listing_persons (dataset_id, unit, age, sex, persons) "
                         "VALUES (:d, :u, :a, :s, :n)",
                    soci::use(ids), soci::use(units), soci::use(ages), soci::use(sexes),
                    soci::use(persons);
            ids.clear(), units.clear(), persons.clear();
            for (const auto& [unit, counts] : listing.units)
                for (const auto& [variable, n] : counts.cni) {
                    ids.push_back(id);
                    units.push_back(unit);
                    variables.push_back(variable);
                    persons.push_back(n);
                }
            if (!ids.empty())
                *sql_
                    << "INSERT INTO listing_cni (dataset_id, unit, variable, persons) VALUES (:d, "
                       ":u, :v, :n)",
                    soci::use(ids), soci::use(units), soci::use(variables), soci::use(persons);
            ids.clear(), units.clear(), persons.clear();
            for (const auto& [unit, counts] : listing.units)
                for (std::size_t bucket = 0; bucket < counts.distance_decikm.persons().size();
                     ++bucket) {
                    const std::int64_t n = counts.distance_decikm.persons()[bucket];
                    if (n == 0)
                        continue;
                    ids.push_back(id);
                    units.push_back(unit);
                    buckets.push_back(static_cast<int>(bucket));
                    persons.push_back(n);
                }
            if (!ids.empty())
                *sql_ << "INSERT INTO listing_distance (dataset_id, unit, decikm, persons) VALUES "
                         "(:d, "
                         ":u, :b, :n)",
                    soci::use(ids), soci::use(units), soci::use(buckets), soci::use(persons);
        });
}

DatasetRef Database::store_visits(const std::string& region, const VisitAggregate& visits,
                                  const ImportReport& report, const DatasetOrigin& origin) {
    return store_dataset(
        region, {"visits", visits.ref.period, 0}, report, origin, [&](long long id) {
            std::vector<long long> ids, counts;
            std::vector<std::string> units, sexes, professions, contacts, listed_units;
            std::vector<int> ages, fees;
            for (const VisitCount& v : visits.counts) {
                ids.push_back(id);
                units.push_back(v.unit);
                ages.push_back(v.age);
                sexes.push_back(to_string(v.sex));
                professions.push_back(v.profession);
                contacts.push_back(v.contact_type);
                fees.push_back(v.fee_charged ? 1 : 0);
                listed_units.push_back(v.listed_unit);
                counts.push_back(v.visits);
            }
            if (!ids.empty())
                *sql_ << "INSERT INTO visit_counts (dataset_id, unit, age, sex, profession, "
                         "contact_type, fee_charged, listed_unit, visits) "
                         "VALUES (:d, :u, :a, :s, :p, :c, :f, :l, :n)",
                    soci::use(ids), soci::use(units), soci::use(ages), soci::use(sexes),
                    soci::use(professions), soci::use(contacts), soci::use(fees),
                    soci::use(listed_units), soci::use(counts);
        });
}

DatasetRef Database::store_events(const std::string& region, const EventAggregate& events,
                                  const ImportReport& report, const DatasetOrigin& origin) {
    return store_dataset(
        region, {"events", events.ref.period, 0}, report, origin, [&](long long id) {
            std::vector<long long> ids, per_person, persons;
            std::vector<std::string> units, names;
            std::vector<int> ages;
            for (const EventCount& e : events.counts) {
                ids.push_back(id);
                units.push_back(e.unit);
                names.push_back(e.event);
                ages.push_back(e.age);
                per_person.push_back(e.per_person);
                persons.push_back(e.persons);
            }
            if (!ids.empty())
                *sql_ << "INSERT INTO event_counts (dataset_id, unit, event, age, per_person, "
                         "persons) VALUES (:d, :u, :e, :a, :k, :n)",
                    soci::use(ids), soci::use(units), soci::use(names), soci::use(ages),
                    soci::use(per_person), soci::use(persons);
        });
}

std::optional<EventAggregate> Database::load_events(const std::string& region, Period month,
                                                    std::optional<int> version) {
    auto info = find_dataset(region, "events", month.to_string(), version);
    if (!info)
        return std::nullopt;
    EventAggregate events;
    events.ref = info->ref;
    const long long id = info->id;
    soci::rowset<soci::row> rows =
        (sql_->prepare << "SELECT unit, event, age, per_person, persons FROM event_counts "
                          "WHERE dataset_id = :d ORDER BY unit, event, age, per_person",
         soci::use(id));
    for (const soci::row& r : rows)
        events.counts.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<int>(2),
                                 r.get<long long>(3), r.get<long long>(4)});
    return events;
}

DatasetRef Database::store_psychiatry(const std::string& region,
                                      const PsychiatryAggregate& psychiatry,
                                      const ImportReport& report, const DatasetOrigin& origin) {
    return store_dataset(
        region, {"psychiatry", psychiatry.ref.period, 0}, report, origin, [&](long long id) {
            *sql_
                << "INSERT INTO psychiatry_datasets (dataset_id, episode_gap_days) VALUES (:d, :g)",
                soci::use(id), soci::use(psychiatry.episode_gap_days);
            std::vector<long long> ids, counts;
            std::vector<std::string> units, months, contact_types, professions, diagnoses;
            for (const PsychiatricContactCount& c : psychiatry.contacts) {
                ids.push_back(id);
                units.push_back(c.unit);
                months.push_back(c.month.to_string());
                contact_types.push_back(c.contact_type);
                professions.push_back(c.profession);
                diagnoses.push_back(c.diagnosis_group);
                counts.push_back(c.contacts);
            }
            if (!ids.empty())
                *sql_ << "INSERT INTO psychiatry_contacts (dataset_id, unit, month, contact_type, "
                         "profession, diagnosis_group, contacts) "
                         "VALUES (:d, :u, :m, :c, :p, :g, :n)",
                    soci::use(ids), soci::use(units), soci::use(months), soci::use(contact_types),
                    soci::use(professions), soci::use(diagnoses), soci::use(counts);
            ids.clear(), units.clear(), diagnoses.clear(), counts.clear();
            std::vector<long long> sizes;
            std::vector<std::string> opened, closed;
            std::vector<int> changes;
            std::vector<soci::indicator> closed_null,
                change_null;  // a still open episode, no change
            for (const EpisodeCount& e : psychiatry.episodes) {
                ids.push_back(id);
                units.push_back(e.unit);
                diagnoses.push_back(e.diagnosis_group);
                sizes.push_back(e.contacts);
                opened.push_back(e.opened.to_string());
                closed.push_back(e.closed ? e.closed->to_string() : "");
                closed_null.push_back(e.closed ? soci::i_ok : soci::i_null);
                changes.push_back(e.score_change.value_or(0));
                change_null.push_back(e.score_change ? soci::i_ok : soci::i_null);
                counts.push_back(e.episodes);
            }
            if (!ids.empty())
                *sql_ << "INSERT INTO psychiatry_episodes (dataset_id, unit, diagnosis_group, "
                         "contacts, opened, closed, score_change, episodes) "
                         "VALUES (:d, :u, :g, :k, :o, :c, :s, :n)",
                    soci::use(ids), soci::use(units), soci::use(diagnoses), soci::use(sizes),
                    soci::use(opened), soci::use(closed, closed_null),
                    soci::use(changes, change_null), soci::use(counts);
        });
}

std::optional<PsychiatryAggregate> Database::load_psychiatry(const std::string& region,
                                                             Period month,
                                                             std::optional<int> version) {
    auto info = find_dataset(region, "psychiatry", month.to_string(), version);
    if (!info)
        return std::nullopt;
    PsychiatryAggregate psychiatry;
    psychiatry.ref = info->ref;
    const long long id = info->id;
    *sql_ << "SELECT episode_gap_days FROM psychiatry_datasets WHERE dataset_id = :d",
        soci::into(psychiatry.episode_gap_days), soci::use(id);
    {
        soci::rowset<soci::row> rows =
            (sql_->prepare << "SELECT unit, month, contact_type, profession, diagnosis_group, "
                              "contacts FROM psychiatry_contacts WHERE dataset_id = :d",
             soci::use(id));
        for (const soci::row& r : rows)
            psychiatry.contacts.push_back({r.get<std::string>(0),
                                           *Period::parse(r.get<std::string>(1)),
                                           r.get<std::string>(2), r.get<std::string>(3),
                                           r.get<std::string>(4), r.get<long long>(5)});
    }
    {
        soci::rowset<soci::row> rows =
            (sql_->prepare << "SELECT unit, diagnosis_group, contacts, opened, closed, "
                              "score_change, episodes FROM psychiatry_episodes "
                              "WHERE dataset_id = :d",
             soci::use(id));
        for (const soci::row& r : rows) {
            EpisodeCount e{r.get<std::string>(0), r.get<std::string>(1),
                           r.get<long long>(2),   *Period::parse(r.get<std::string>(3)),
                           std::nullopt,          std::nullopt,
                           r.get<long long>(6)};
            if (r.get_indicator(4) == soci::i_ok)
                e.closed = *Period::parse(r.get<std::string>(4));
            if (r.get_indicator(5) == soci::i_ok)
                e.score_change = r.get<int>(5);
            psychiatry.episodes.push_back(std::move(e));
        }
    }
    // In the order the import gives, the same on every database (collations and the place
    // of NULL differ between SQLite and PostgreSQL).
    std::sort(psychiatry.contacts.begin(), psychiatry.contacts.end(),
              [](const PsychiatricContactCount& a, const PsychiatricContactCount& b) {
                  return std::tie(a.unit, a.month, a.contact_type, a.profession,
                                  a.diagnosis_group) <
                         std::tie(b.unit, b.month, b.contact_type, b.profession, b.diagnosis_group);
              });
    std::sort(psychiatry.episodes.begin(), psychiatry.episodes.end(),
              [](const EpisodeCount& a, const EpisodeCount& b) {
                  return std::tie(a.unit, a.diagnosis_group, a.contacts, a.opened, a.closed,
                                  a.score_change) < std::tie(b.unit, b.diagnosis_group, b.contacts,
                                                             b.opened, b.closed, b.score_change);
              });
    return psychiatry;
}

std::optional<ListingAggregate> Database::load_listing(const std::string& region, Period month,
                                                       std::optional<int> version) {
    auto info = find_dataset(region, "listing", month.to_string(), version);
    if (!info)
        return std::nullopt;
    ListingAggregate listing;
    listing.ref = info->ref;
    const long long id = info->id;
    {
        soci::rowset<soci::row> rows =
            (sql_->prepare << "SELECT unit, age, sex, persons FROM listing_persons "
                              "WHERE dataset_id = :d",
             soci::use(id));
        for (const soci::row& r : rows) {
            const int sex = r.get<std::string>(2) == "F" ? 0 : 1;
            listing.units[r.get<std::string>(0)].persons[sex][r.get<int>(1)] = r.get<long long>(3);
        }
    }
    {
        soci::rowset<soci::row> rows =
            (sql_->prepare
                 << "SELECT unit, variable, persons FROM listing_cni WHERE dataset_id = :d",
             soci::use(id));
        for (const soci::row& r : rows)
            listing.units[r.get<std::string>(0)].cni[r.get<std::string>(1)] = r.get<long long>(2);
    }
    {
        soci::rowset<soci::row> rows =
            (sql_->prepare
                 << "SELECT unit, decikm, persons FROM listing_distance WHERE dataset_id = :d",
             soci::use(id));
        for (const soci::row& r : rows)
            listing.units[r.get<std::string>(0)].distance_decikm.add(r.get<int>(1),
                                                                     r.get<long long>(2));
    }
    return listing;
}

std::optional<VisitAggregate> Database::load_visits(const std::string& region, PeriodRange range,
                                                    std::optional<int> version) {
    auto info = find_dataset(region, "visits", range.to_string(), version);
    if (!info)
        return std::nullopt;
    VisitAggregate visits;
    visits.ref = info->ref;
    const long long id = info->id;
    soci::rowset<soci::row> rows =
        (sql_->prepare
             << "SELECT unit, age, sex, profession, contact_type, fee_charged, listed_unit, "
                "visits FROM visit_counts WHERE dataset_id = :d "
                "ORDER BY unit, age, sex, profession, contact_type, fee_charged, listed_unit",
         soci::use(id));
    for (const soci::row& r : rows)
        visits.counts.push_back({r.get<std::string>(0), r.get<int>(1),
                                 r.get<std::string>(2) == "F" ? Sex::female : Sex::male,
                                 r.get<std::string>(3), r.get<std::string>(4), r.get<long long>(7),
                                 r.get<int>(5) != 0, r.get<std::string>(6)});
    return visits;
}

DatasetRef Database::store_unit_values(const std::string& region, const UnitValues& values,
                                       const ImportReport& report, const DatasetOrigin& origin) {
    return store_dataset(
        region, {values.ref.kind, values.ref.period, 0}, report, origin, [&](long long id) {
            std::vector<long long> ids;
            std::vector<std::string> units, measures, texts;
            for (const auto& [unit, by_measure] : values.values)
                for (const auto& [measure, value] : by_measure) {
                    ids.push_back(id);
                    units.push_back(unit);
                    measures.push_back(measure);
                    texts.push_back(value.to_string());  // exact: no floating point in the database
                }
            if (!ids.empty())
                *sql_
                    << "INSERT INTO unit_values (dataset_id, unit, measure, value) VALUES (:d, :u, "
                       ":m, :v)",
                    soci::use(ids), soci::use(units), soci::use(measures), soci::use(texts);
        });
}

std::optional<UnitValues> Database::load_unit_values(const std::string& region,
                                                     const std::string& kind, Period month,
                                                     std::optional<int> version) {
    auto info = find_dataset(region, kind, month.to_string(), version);
    if (!info)
        return std::nullopt;
    UnitValues values;
    values.ref = info->ref;
    const long long id = info->id;
    soci::rowset<soci::row> rows =
        (sql_->prepare << "SELECT unit, measure, value FROM unit_values WHERE dataset_id = :d",
         soci::use(id));
    for (const soci::row& r : rows)
        values.values[r.get<std::string>(0)][r.get<std::string>(1)] =
            *Decimal::parse(r.get<std::string>(2));
    return values;
}

std::vector<DatasetInfo> Database::datasets(const std::string& region, const std::string& kind,
                                            const std::string& period) {
    std::vector<DatasetInfo> out;
    soci::rowset<soci::row> rows =
        (sql_->prepare << std::string("SELECT ") + kDatasetColumns +
                              " FROM datasets WHERE (region = :r OR :r2 = '') AND (kind = :k OR "
                              ":k2 = '') AND (period = :p OR :p2 = '') "
                              "ORDER BY region, kind, period, version",
         soci::use(region), soci::use(region), soci::use(kind), soci::use(kind), soci::use(period),
         soci::use(period));
    for (const soci::row& r : rows)
        out.push_back(dataset_info(r));
    return out;
}

bool Database::retract_dataset(const std::string& region, const DatasetRef& ref,
                               const std::string& reason) {
    try {
        WriteTransaction tx(*sql_, postgresql_);
        const std::string now = utc_now(), user = os_user();
        soci::statement update =
            (sql_->prepare << "UPDATE datasets SET retracted_at = :at, retracted_by = :by, "
                              "retract_reason = :why WHERE region = :r AND kind = :k AND "
                              "period = :p AND version = :v AND retracted_at IS NULL",
             soci::use(now), soci::use(user), soci::use(reason), soci::use(region),
             soci::use(ref.kind), soci::use(ref.period), soci::use(ref.version));
        update.execute(true);
        const bool changed = update.get_affected_rows() == 1;
        tx.commit();
        return changed;
    } catch (const soci::soci_error& e) {
        throw StorageError("retracting " + ref.to_string() + " failed: " + e.what());
    }
}

}  // namespace vardval
