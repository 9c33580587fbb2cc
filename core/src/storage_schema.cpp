// The database schema: the first one (kSchema) and every change since, applied in order to a
// database at an older version, in one transaction.
#include <soci/soci.h>

#include "payload.hpp"
#include "storage_legacy.hpp"
#include "storage_schema.hpp"

#include "ledger_conversion.hpp"
#include "vardval_host/storage.hpp"
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
    // 5: each dataset version as one payload (payload.hpp) instead of rows in per-kind tables;
    // the rows are converted and the tables dropped (kConversions).
    {"CREATE TABLE dataset_payloads (dataset_id BIGINT PRIMARY KEY, encoding INTEGER NOT NULL, "
     "payload TEXT NOT NULL)"},
    // 6: a run's ledger as one payload, not a row per line (ledger_payload.hpp); the rows
    // of older runs are moved into payloads (convert_ledger_lines) and their table dropped.
    {"CREATE TABLE run_ledgers (run_id BIGINT PRIMARY KEY, payload TEXT NOT NULL)"},
};

// From this version on the per-kind tables of kSchema are gone: it is not run again.
constexpr int kPayloadVersion = 5;

// Conversions that statements cannot do, run after the statements of their version.
const std::vector<std::pair<int, void (*)(soci::session&)>> kConversions = {
    {kPayloadVersion,
     [](soci::session& sql) {
         convert_legacy_datasets(
             sql, [&](long long id, const std::string& bytes) { insert_payload(sql, id, bytes); });
     }},
    {6, convert_ledger_lines},
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

}  // namespace

void insert_payload(soci::session& sql, long long dataset_id, std::string_view bytes) {
    const std::string text = to_base64(bytes);
    sql << "INSERT INTO dataset_payloads (dataset_id, encoding, payload) VALUES (:d, :e, :p)",
        soci::use(dataset_id), soci::use(kPayloadEncoding), soci::use(text);
}

void Database::migrate() {
    // One process creates or migrates the schema; the others wait, then find it done.
    if (postgresql_)
        *sql_ << "SELECT pg_advisory_lock(" + std::to_string(kSchemaLock) + ")";
    try {
        WriteTransaction tx(*sql_, postgresql_);
        *sql_ << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";
        int version = 1;
        soci::indicator ind = soci::i_null;
        *sql_ << "SELECT MAX(version) FROM schema_version", soci::into(version, ind);
        if (ind != soci::i_ok)
            version = 1;
        if (version < kPayloadVersion)
            for (const char* statement : kSchema)
                *sql_ << statement;
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
            for (const auto& [at, convert] : kConversions)
                if (at == v)
                    convert(*sql_);
        }
        if (version != latest) {
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

}  // namespace vardval
