#pragma once
// The database: immutable, versioned datasets of per-unit aggregates, and stored runs.
// Through SOCI, so the same code serves an SQLite file (the default) and PostgreSQL (a
// shared installation). Safe for concurrent processes: SQLite in WAL mode with a busy
// timeout and writes that take the lock up front; PostgreSQL ids from sequences; schema
// creation and migration serialised.
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

class WriteTransaction;

class StorageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Where a dataset version came from: kept with it so it can be traced to its file.
struct DatasetOrigin {
    std::string source_sha256;  // of the imported file's bytes
    bool sample = false;        // the region's shipped synthetic sample
};

struct DatasetInfo {
    std::int64_t id = 0;
    std::string region;
    DatasetRef ref;
    std::string source;  // the file name as given to import
    std::int64_t rows_read = 0;
    std::int64_t rows_used = 0;
    std::int64_t rows_rejected = 0;
    std::string imported_at;  // UTC, ISO 8601
    std::string imported_by;  // OS user
    std::string vardval_version;
    DatasetOrigin origin;
    // A retracted version is kept (a run pinned to it still reproduces) but never chosen.
    bool retracted = false;
    std::string retracted_at, retracted_by, retract_reason;
};

// A stored run: what it computed, from what, by whom and when.
struct RunRecord {
    std::int64_t id = 0;
    std::string created_at;  // UTC, ISO 8601
    std::string os_user;
    std::string vardval_version;
    std::string command;                     // "run", or "compare" for a model of a compare
    std::optional<std::int64_t> compare_of;  // a compare's first run, for its other models
    std::string region;
    int year = 0;
    std::string period;
    std::string model_file;
    std::string model_sha256;
    std::string model_text;  // the resolved model (provenance.hpp); empty before schema 4
    std::vector<DatasetRef> datasets;
    std::vector<std::string> plugins;
    bool sample_data = false;
    std::int64_t total_ore = 0;
};

// One stored ledger line, as text exactly as computed.
struct StoredLine {
    std::string unit, component, type, basis, rate_ore;
    std::int64_t amount_ore = 0;
    std::string explanation;
};

// The rendered outputs of a run (format name → text), made once its id is known.
using RenderRun = std::function<std::vector<std::pair<std::string, std::string>>(const RunResult&)>;

class Database {
  public:
    // "sqlite3://db=FILE", "postgresql://dbname=... host=...", or a bare path (SQLite).
    explicit Database(const std::string& connection);
    ~Database();

    // Each store is one transaction and creates the next version, also when other
    // processes import the same kind and period at the same time; nothing is overwritten.
    DatasetRef store_listing(const std::string& region, const ListingAggregate& listing,
                             const ImportReport& report, const DatasetOrigin& origin = {});
    DatasetRef store_visits(const std::string& region, const VisitAggregate& visits,
                            const ImportReport& report, const DatasetOrigin& origin = {});

    // The given version (even a retracted one), else the latest not retracted; nullopt if
    // there is none.
    std::optional<ListingAggregate> load_listing(const std::string& region, Period month,
                                                 std::optional<int> version = std::nullopt);
    std::optional<VisitAggregate> load_visits(const std::string& region, PeriodRange range,
                                              std::optional<int> version = std::nullopt);
    // Per-unit values of a kind: "unit-values", or "acg" (points summed from persons).
    DatasetRef store_unit_values(const std::string& region, const UnitValues& values,
                                 const ImportReport& report, const DatasetOrigin& origin = {});
    std::optional<UnitValues> load_unit_values(const std::string& region, const std::string& kind,
                                               Period month,
                                               std::optional<int> version = std::nullopt);
    DatasetRef store_events(const std::string& region, const EventAggregate& events,
                            const ImportReport& report, const DatasetOrigin& origin = {});
    std::optional<EventAggregate> load_events(const std::string& region, Period month,
                                              std::optional<int> version = std::nullopt);
    // Psychiatric contacts and episodes, with the gap the episodes were built with.
    DatasetRef store_psychiatry(const std::string& region, const PsychiatryAggregate& psychiatry,
                                const ImportReport& report, const DatasetOrigin& origin = {});
    std::optional<PsychiatryAggregate> load_psychiatry(const std::string& region, Period month,
                                                       std::optional<int> version = std::nullopt);
    // SCB's per-unit CNI delivery.
    DatasetRef store_cni(const std::string& region, const CniDelivery& cni,
                         const ImportReport& report, const DatasetOrigin& origin = {});
    std::optional<CniDelivery> load_cni(const std::string& region, Period month,
                                        std::optional<int> version = std::nullopt);

    // The version asked for, else the latest not retracted.
    std::optional<DatasetInfo> find_dataset(const std::string& region, const std::string& kind,
                                            const std::string& period,
                                            std::optional<int> version = std::nullopt);
    // Every version, retracted ones too; an empty filter matches all.
    std::vector<DatasetInfo> datasets(const std::string& region, const std::string& kind = "",
                                      const std::string& period = "");
    // False if there is no such version or it is retracted already.
    bool retract_dataset(const std::string& region, const DatasetRef& ref,
                         const std::string& reason);

    // Stores the run, its record and its ledger (one payload, ledger_payload.hpp) in one
    // transaction; sets run.run_id and renders the outputs with it, so what is printed names
    // the stored run. An empty `render` stores no outputs (a compare's models, whose own
    // outputs were never printed; `runs show` renders them from the ledger).
    std::int64_t store_run(RunResult& run, const RenderRun& render,
                           const std::string& command = "run",
                           std::optional<std::int64_t> compare_of = std::nullopt);
    // Several runs stored as one transaction (a compare's models): while a batch is open,
    // store_run writes into it; nothing is kept unless commit() is called.
    class RunBatch {
      public:
        explicit RunBatch(Database& db);
        RunBatch(const RunBatch&) = delete;
        RunBatch& operator=(const RunBatch&) = delete;
        ~RunBatch();
        void commit();

      private:
        Database& db_;
    };
    // An output of stored run `id` as printed, e.g. a compare's with its first run.
    void store_run_output(std::int64_t id, const std::string& format, const std::string& output);
    std::vector<RunRecord> runs(const std::string& region = "");
    std::optional<RunRecord> run_record(std::int64_t id);
    // The output as printed when the run was made; nullopt if not stored in that format.
    std::optional<std::string> run_output(std::int64_t id, const std::string& format);
    std::vector<StoredLine> ledger(std::int64_t id);
    // The run's ledger payload (ledger_payload.hpp); nullopt if there is no such run.
    std::optional<std::string> ledger_payload(std::int64_t id);

  private:
    std::int64_t insert_dataset(const std::string& region, const std::string& kind,
                                const std::string& period, const ImportReport& report,
                                const DatasetOrigin& origin, int& version);
    // One transaction: a new dataset version and its payload (its kind's codec), or nothing.
    DatasetRef store_dataset(const std::string& region, const DatasetRef& ref,
                             const ImportReport& report, const DatasetOrigin& origin,
                             const std::string& payload);
    // The version asked for (see find_dataset) decoded by its kind's codec; StorageError
    // naming the dataset when its payload is corrupt.
    template <class Aggregate>
    std::optional<Aggregate> load_dataset(const std::string& region, const std::string& kind,
                                          const std::string& period, std::optional<int> version);
    // A dataset's payload bytes, read in one query; PayloadError if they are not base64.
    std::string payload(const DatasetInfo& info);
    std::int64_t next_id(const std::string& table);
    void migrate();

    std::unique_ptr<soci::session> sql_;
    bool postgresql_ = false;
    std::unique_ptr<WriteTransaction> batch_;  // an open RunBatch; after sql_, so it
                                               // rolls back before the session closes
};

}  // namespace vardval
