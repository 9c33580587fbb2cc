#pragma once
// Importing a file into the database, and serving datasets to a run: from the database,
// or, when a month was never imported, from the region's shipped sample.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vardval_host/engine.hpp"
#include "vardval_host/import.hpp"
#include "vardval_host/storage.hpp"

namespace vardval {

// What can be imported: the listing (persons), visits (contacts), unit-values (one figure
// per unit and measure), events (health talks, SIP, ...), acg (per-person ACG weights) and
// psychiatry (psychiatric contacts, with episodes of care built on import).
inline const std::vector<std::string> kDatasetKinds = {"listing", "visits", "unit-values",
                                                       "events",  "acg",    "psychiatry"};
bool is_dataset_kind(const std::string& kind);

struct ImportRequest {
    std::string kind;    // one of kDatasetKinds
    std::string period;  // "YYYY-MM"; visits also "YYYY-MM..YYYY-MM"; psychiatry: the last month
    std::filesystem::path file;
    bool allow_rejects = false;
    std::ostream* rejects_out = nullptr;
    ProgressFn progress;
};

struct ImportOutcome {
    ImportReport report;
    std::optional<DatasetRef> stored;  // empty when rejects stopped the import
};

// Reads, aggregates and (if every row was used, or rejects are allowed) stores in one
// transaction. Throws ImportError for a problem with the file as a whole.
ImportOutcome import_dataset(Database& db, const Region& region, const ImportRequest& request);

class DatabaseDataSource : public RecordingDataSource {
  public:
    DatabaseDataSource(Database& db, const Region& region, std::filesystem::path sample_dir);
    const ListingAggregate& listing(Period month) override;
    const VisitAggregate& visits(PeriodRange range) override;
    const UnitValues& unit_values(Period month) override;
    const EventAggregate& events(Period month) override;
    const UnitValues& acg(Period month) override;
    const PsychiatryAggregate& psychiatry(Period month) override;
    std::vector<DatasetRef> used() const override;

  private:
    // Imports the shipped sample file for `kind` and `period` if there is one.
    bool import_sample(const std::string& kind, const std::string& period);
    template <typename Key, typename Aggregate, typename Load>
    const Aggregate& fetch(std::map<Key, Aggregate>& cache, const Key& key, const std::string& kind,
                           Load load);

    Database& db_;
    const Region& region_;
    std::filesystem::path sample_dir_;
    std::map<Period, ListingAggregate> listings_;
    std::map<PeriodRange, VisitAggregate> visits_;
    std::map<Period, UnitValues> unit_values_;
    std::map<Period, EventAggregate> events_;
    std::map<Period, UnitValues> acg_;
    std::map<Period, PsychiatryAggregate> psychiatry_;
};

}  // namespace vardval
