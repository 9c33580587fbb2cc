#pragma once
// The database: immutable, versioned datasets of per-unit aggregates, and stored runs.
// Through SOCI, so the same code serves an SQLite file (the default) and PostgreSQL (a
// shared installation).
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "vardval/aggregates.hpp"
#include "vardval_host/engine.hpp"
#include "vardval_host/import.hpp"

namespace soci {
class session;
}

namespace vardval {

class StorageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct DatasetInfo {
    std::int64_t id = 0;
    std::string region;
    DatasetRef ref;
    std::string source;
    std::int64_t rows_read = 0;
    std::int64_t rows_used = 0;
    std::int64_t rows_rejected = 0;
};

class Database {
  public:
    // "sqlite3://db=FILE", "postgresql://dbname=... host=...", or a bare path (SQLite).
    explicit Database(const std::string& connection);
    ~Database();

    // Each store is one transaction and creates a new version; nothing is overwritten.
    DatasetRef store_listing(const std::string& region, const ListingAggregate& listing,
                             const ImportReport& report);
    DatasetRef store_visits(const std::string& region, const VisitAggregate& visits,
                            const ImportReport& report);

    // The latest version, or nullopt if none was imported.
    std::optional<ListingAggregate> load_listing(const std::string& region, Period month);
    std::optional<VisitAggregate> load_visits(const std::string& region, PeriodRange range);
    // Per-unit values of a kind: "unit-values", or "acg" (points summed from persons).
    DatasetRef store_unit_values(const std::string& region, const UnitValues& values,
                                 const ImportReport& report);
    std::optional<UnitValues> load_unit_values(const std::string& region, const std::string& kind,
                                               Period month);
    DatasetRef store_events(const std::string& region, const EventAggregate& events,
                            const ImportReport& report);
    std::optional<EventAggregate> load_events(const std::string& region, Period month);
    // Psychiatric contacts and episodes, with the gap the episodes were built with.
    DatasetRef store_psychiatry(const std::string& region, const PsychiatryAggregate& psychiatry,
                                const ImportReport& report);
    std::optional<PsychiatryAggregate> load_psychiatry(const std::string& region, Period month);

    std::vector<DatasetInfo> datasets(const std::string& region);
    std::int64_t store_run(const RunResult& run);

  private:
    std::optional<DatasetInfo> latest(const std::string& region, const std::string& kind,
                                      const std::string& period);
    std::int64_t insert_dataset(const std::string& region, const std::string& kind,
                                const std::string& period, const ImportReport& report,
                                int& version);
    // One transaction: a new dataset version and its rows, or nothing.
    DatasetRef store_dataset(const std::string& region, const DatasetRef& ref,
                             const ImportReport& report,
                             const std::function<void(long long)>& insert_rows);
    void migrate();

    std::unique_ptr<soci::session> sql_;
};

}  // namespace vardval
