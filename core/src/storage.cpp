#include "vardval_host/storage.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

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
};

std::int64_t next_id(soci::session& sql, const std::string& table) {
    long long id = 0;
    sql << "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table, soci::into(id);
    return id;
}

}  // namespace

Database::Database(const std::string& connection) {
    try {
        if (connection.rfind("postgresql://", 0) == 0) {
            sql_ = std::make_unique<soci::session>(soci::postgresql, connection.substr(13));
            // "relation already exists, skipping" notices would clutter every command.
            *sql_ << "SET client_min_messages TO WARNING";
        } else if (connection.rfind("sqlite3://", 0) == 0)
            sql_ = std::make_unique<soci::session>(soci::sqlite3, connection.substr(10));
        else if (connection.find("://") == std::string::npos)
            sql_ = std::make_unique<soci::session>(soci::sqlite3, "db=" + connection);
        else
            throw StorageError("unsupported database '" + connection +
                               "'; use sqlite3://db=FILE or postgresql://dbname=NAME ...");
        migrate();
    } catch (const soci::soci_error& e) {
        throw StorageError("cannot open database '" + connection + "': " + e.what());
    }
}

Database::~Database() = default;

void Database::migrate() {
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
    if (version == latest)
        return;
    soci::transaction tx(*sql_);
    for (int v = version + 1; v <= latest; ++v)
        for (const char* statement : kMigrations[static_cast<std::size_t>(v - 2)])
            *sql_ << statement;
    *sql_ << "DELETE FROM schema_version";
    *sql_ << "INSERT INTO schema_version (version) VALUES (:v)", soci::use(latest);
    tx.commit();
}

DatasetRef Database::store_dataset(const std::string& region, const DatasetRef& ref,
                                   const ImportReport& report,
                                   const std::function<void(long long)>& insert_rows) {
    try {
        soci::transaction tx(*sql_);
        int version = 0;
        const long long id = insert_dataset(region, ref.kind, ref.period, report, version);
        insert_rows(id);
        tx.commit();
        return {ref.kind, ref.period, version};
    } catch (const soci::soci_error& e) {
        throw StorageError("storing the " + ref.kind + " " + ref.period +
                           " failed, nothing was stored: " + e.what());
    }
}

std::optional<DatasetInfo> Database::latest(const std::string& region, const std::string& kind,
                                            const std::string& period) {
    DatasetInfo info;
    long long id = 0, read = 0, used = 0, rejected = 0;
    int version = 0;
    soci::indicator ind = soci::i_null;
    *sql_ << "SELECT id, version, source, rows_read, rows_used, rows_rejected FROM datasets "
             "WHERE region = :r AND kind = :k AND period = :p ORDER BY version DESC LIMIT 1",
        soci::into(id, ind), soci::into(version), soci::into(info.source), soci::into(read),
        soci::into(used), soci::into(rejected), soci::use(region), soci::use(kind),
        soci::use(period);
    if (!sql_->got_data())
        return std::nullopt;
    info.id = id;
    info.region = region;
    info.ref = {kind, period, version};
    info.rows_read = read;
    info.rows_used = used;
    info.rows_rejected = rejected;
    return info;
}

std::int64_t Database::insert_dataset(const std::string& region, const std::string& kind,
                                      const std::string& period, const ImportReport& report,
                                      int& version) {
    auto previous = latest(region, kind, period);
    version = previous ? previous->ref.version + 1 : 1;
    const long long id = next_id(*sql_, "datasets");
    const long long read = report.rows_read, used = report.rows_used,
                    rejected = report.rows_rejected;
    *sql_
        << "INSERT INTO datasets (id, region, kind, period, version, source, rows_read, rows_used, "
           "rows_rejected) VALUES (:id, :r, :k, :p, :v, :s, :rr, :ru, :rj)",
        soci::use(id), soci::use(region), soci::use(kind), soci::use(period), soci::use(version),
        soci::use(report.file), soci::use(read), soci::use(used), soci::use(rejected);
    return id;
}

DatasetRef Database::store_listing(const std::string& region, const ListingAggregate& listing,
                                   const ImportReport& report) {
    return store_dataset(region, {"listing", listing.ref.period, 0}, report, [&](long long id) {
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
            *sql_ << "INSERT INTO listing_cni (dataset_id, unit, variable, persons) VALUES (:d, "
                     ":u, :v, :n)",
                soci::use(ids), soci::use(units), soci::use(variables), soci::use(persons);
        ids.clear(), units.clear(), persons.clear();
        for (const auto& [unit, counts] : listing.units)
            for (const auto& [bucket, n] : counts.distance_decikm) {
                ids.push_back(id);
                units.push_back(unit);
                buckets.push_back(bucket);
                persons.push_back(n);
            }
        if (!ids.empty())
            *sql_ << "INSERT INTO listing_distance (dataset_id, unit, decikm, persons) VALUES (:d, "
                     ":u, :b, :n)",
                soci::use(ids), soci::use(units), soci::use(buckets), soci::use(persons);
    });
}

DatasetRef Database::store_visits(const std::string& region, const VisitAggregate& visits,
                                  const ImportReport& report) {
    return store_dataset(region, {"visits", visits.ref.period, 0}, report, [&](long long id) {
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
                                  const ImportReport& report) {
    return store_dataset(region, {"events", events.ref.period, 0}, report, [&](long long id) {
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

std::optional<EventAggregate> Database::load_events(const std::string& region, Period month) {
    auto info = latest(region, "events", month.to_string());
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
                                      const ImportReport& report) {
    return store_dataset(
        region, {"psychiatry", psychiatry.ref.period, 0}, report, [&](long long id) {
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
                                                             Period month) {
    auto info = latest(region, "psychiatry", month.to_string());
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

std::optional<ListingAggregate> Database::load_listing(const std::string& region, Period month) {
    auto info = latest(region, "listing", month.to_string());
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
            listing.units[r.get<std::string>(0)].distance_decikm[r.get<int>(1)] =
                r.get<long long>(2);
    }
    return listing;
}

std::optional<VisitAggregate> Database::load_visits(const std::string& region, PeriodRange range) {
    auto info = latest(region, "visits", range.to_string());
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
                                       const ImportReport& report) {
    return store_dataset(
        region, {values.ref.kind, values.ref.period, 0}, report, [&](long long id) {
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
                                                     const std::string& kind, Period month) {
    auto info = latest(region, kind, month.to_string());
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

std::vector<DatasetInfo> Database::datasets(const std::string& region) {
    std::vector<DatasetInfo> out;
    soci::rowset<soci::row> rows =
        (sql_->prepare
             << "SELECT id, kind, period, version, source, rows_read, rows_used, rows_rejected "
                "FROM datasets WHERE region = :r ORDER BY kind, period, version",
         soci::use(region));
    for (const soci::row& r : rows) {
        DatasetInfo d;
        d.id = r.get<long long>(0);
        d.region = region;
        d.ref = {r.get<std::string>(1), r.get<std::string>(2), r.get<int>(3)};
        d.source = r.get<std::string>(4);
        d.rows_read = r.get<long long>(5);
        d.rows_used = r.get<long long>(6);
        d.rows_rejected = r.get<long long>(7);
        out.push_back(d);
    }
    return out;
}

std::int64_t Database::store_run(const RunResult& run) {
    try {
        soci::transaction tx(*sql_);
        const long long id = next_id(*sql_, "runs");
        std::string datasets;
        for (const DatasetRef& d : run.datasets)
            datasets += (datasets.empty() ? "" : "; ") + d.to_string();
        const std::string period = run.period.to_string();
        const long long total = run.total_ore;
        *sql_ << "INSERT INTO runs (id, region, year, period, model_file, model_hash, datasets, "
                 "total_ore) "
                 "VALUES (:id, :r, :y, :p, :f, :h, :d, :t)",
            soci::use(id), soci::use(run.region), soci::use(run.year), soci::use(period),
            soci::use(run.model_file), soci::use(run.model_hash), soci::use(datasets),
            soci::use(total);
        std::vector<long long> ids, amounts;
        std::vector<std::string> units, components, types, bases, rates, explanations;
        for (const UnitStatement& s : run.units)
            for (const LedgerLine& l : s.lines) {
                ids.push_back(id);
                units.push_back(l.unit);
                components.push_back(l.component);
                types.push_back(l.type);
                bases.push_back(l.basis.to_string());
                rates.push_back(l.rate_ore.to_string());
                amounts.push_back(l.amount_ore);
                explanations.push_back(l.explanation);
            }
        if (!ids.empty())
            *sql_ << "INSERT INTO ledger_lines (run_id, unit, component, type, basis, rate_ore, "
                     "amount_ore, "
                     "explanation) VALUES (:r, :u, :c, :t, :b, :rate, :a, :e)",
                soci::use(ids), soci::use(units), soci::use(components), soci::use(types),
                soci::use(bases), soci::use(rates), soci::use(amounts), soci::use(explanations);
        tx.commit();
        return id;
    } catch (const soci::soci_error& e) {
        throw StorageError(std::string("storing the run failed: ") + e.what());
    }
}

}  // namespace vardval
