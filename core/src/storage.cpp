#include "vardval_host/storage.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "kinds/codecs.hpp"
#include "payload.hpp"
#include "storage_schema.hpp"
#include "vardval_host/provenance.hpp"
#include "write_transaction.hpp"

namespace vardval {
namespace {

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
                                   const std::string& payload) {
    try {
        WriteTransaction tx(*sql_, postgresql_, kVersionLock);
        int version = 0;
        const long long id = insert_dataset(region, ref.kind, ref.period, report, origin, version);
        insert_payload(*sql_, id, payload);
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

std::string Database::payload(const DatasetInfo& info) {
    const std::string what = "the stored " + info.ref.to_string() + " of " + info.region;
    const long long id = info.id;
    int encoding = 0;
    std::string text;
    *sql_ << "SELECT encoding, payload FROM dataset_payloads WHERE dataset_id = :d",
        soci::into(encoding), soci::into(text), soci::use(id);
    if (!sql_->got_data())
        throw StorageError(what + " has no payload: the database is damaged");
    if (encoding != kPayloadEncoding)
        throw StorageError(what + " is in encoding " + std::to_string(encoding) +
                           ", which this vardval cannot read (it reads " +
                           std::to_string(kPayloadEncoding) + "): use a newer vardval");
    return from_base64(text);
}

template <class Aggregate>
std::optional<Aggregate> Database::load_dataset(const std::string& region, const std::string& kind,
                                                const std::string& period,
                                                std::optional<int> version) {
    const auto info = find_dataset(region, kind, period, version);
    if (!info)
        return std::nullopt;
    Aggregate aggregate;
    aggregate.ref = info->ref;
    try {
        decode_payload(payload(*info), aggregate);
    } catch (const PayloadError& e) {
        throw StorageError("the stored " + info->ref.to_string() + " of " + region +
                           " is corrupt (" + e.what() + "); nothing was computed from it");
    }
    return aggregate;
}

DatasetRef Database::store_listing(const std::string& region, const ListingAggregate& listing,
                                   const ImportReport& report, const DatasetOrigin& origin) {
    return store_dataset(region, {"listing", listing.ref.period, 0}, report, origin,
                         encode_payload(listing));
}

DatasetRef Database::store_visits(const std::string& region, const VisitAggregate& visits,
                                  const ImportReport& report, const DatasetOrigin& origin) {
    return store_dataset(region, {"visits", visits.ref.period, 0}, report, origin,
                         encode_payload(visits));
}

DatasetRef Database::store_unit_values(const std::string& region, const UnitValues& values,
                                       const ImportReport& report, const DatasetOrigin& origin) {
    return store_dataset(region, {values.ref.kind, values.ref.period, 0}, report, origin,
                         encode_payload(values));
}

DatasetRef Database::store_events(const std::string& region, const EventAggregate& events,
                                  const ImportReport& report, const DatasetOrigin& origin) {
    return store_dataset(region, {"events", events.ref.period, 0}, report, origin,
                         encode_payload(events));
}

DatasetRef Database::store_psychiatry(const std::string& region,
                                      const PsychiatryAggregate& psychiatry,
                                      const ImportReport& report, const DatasetOrigin& origin) {
    return store_dataset(region, {"psychiatry", psychiatry.ref.period, 0}, report, origin,
                         encode_payload(psychiatry));
}

DatasetRef Database::store_cni(const std::string& region, const CniDelivery& cni,
                               const ImportReport& report, const DatasetOrigin& origin) {
    return store_dataset(region, {"cni", cni.ref.period, 0}, report, origin, encode_payload(cni));
}

std::optional<ListingAggregate> Database::load_listing(const std::string& region, Period month,
                                                       std::optional<int> version) {
    return load_dataset<ListingAggregate>(region, "listing", month.to_string(), version);
}

std::optional<VisitAggregate> Database::load_visits(const std::string& region, PeriodRange range,
                                                    std::optional<int> version) {
    return load_dataset<VisitAggregate>(region, "visits", range.to_string(), version);
}

std::optional<UnitValues> Database::load_unit_values(const std::string& region,
                                                     const std::string& kind, Period month,
                                                     std::optional<int> version) {
    return load_dataset<UnitValues>(region, kind, month.to_string(), version);
}

std::optional<EventAggregate> Database::load_events(const std::string& region, Period month,
                                                    std::optional<int> version) {
    return load_dataset<EventAggregate>(region, "events", month.to_string(), version);
}

std::optional<PsychiatryAggregate> Database::load_psychiatry(const std::string& region,
                                                             Period month,
                                                             std::optional<int> version) {
    return load_dataset<PsychiatryAggregate>(region, "psychiatry", month.to_string(), version);
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

std::optional<CniDelivery> Database::load_cni(const std::string& region, Period month,
                                              std::optional<int> version) {
    return load_dataset<CniDelivery>(region, "cni", month.to_string(), version);
}

}  // namespace vardval
