#pragma once
// Importing a file into the database, and serving datasets to a run: from the database
// (the latest version not retracted, or a pinned one), and only when asked (--sample),
// importing the region's shipped sample for what was never imported.
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
// per unit and measure), events (health talks, SIP, ...), acg (per-person ACG weights),
// psychiatry (psychiatric contacts, with episodes of care built on import) and cni (SCB's
// per-unit Care Need Index delivery).
inline const std::vector<std::string> kDatasetKinds = {
    "listing", "visits", "unit-values", "events", "acg", "psychiatry", "cni"};
bool is_dataset_kind(const std::string& kind);

struct ImportRequest {
    std::string kind;    // one of kDatasetKinds
    std::string period;  // "YYYY-MM"; visits also "YYYY-MM..YYYY-MM"; psychiatry: the last month
    std::filesystem::path file;
    bool allow_rejects = false;
    std::ostream* rejects_out = nullptr;
    ProgressFn progress;
    bool sample = false;  // the file is the region's shipped synthetic sample
    // unit-values: keep the previous version's values for the units and measures the new
    // file does not give.
    bool merge = false;
};

struct ImportOutcome {
    ImportReport report;
    std::optional<DatasetRef> stored;  // empty when rejects stopped the import
    // unit-values: measures the previous version has and the stored one does not.
    std::optional<DatasetRef> previous;
    std::vector<std::string> dropped_measures;
    std::int64_t merged_values = 0;  // kept from the previous version (merge)
};

// Reads, aggregates and (if every row was used, or rejects are allowed) stores in one
// transaction. Throws ImportError for a problem with the file as a whole.
ImportOutcome import_dataset(Database& db, const Region& region, const ImportRequest& request);

// The dataset versions a run is to read: (kind, period) → version.
using DatasetPins = std::map<std::pair<std::string, std::string>, int>;
// "listing:2020-02@1" → pin; throws std::invalid_argument naming the valid form.
std::pair<std::pair<std::string, std::string>, int> parse_pin(const std::string& text);

class DatabaseDataSource : public RecordingDataSource {
  public:
    // With import_samples, what was never imported is imported from the shipped sample in
    // sample_dir; without, a missing dataset is DataMissing naming the import to run.
    DatabaseDataSource(Database& db, const Region& region, std::filesystem::path sample_dir,
                       DatasetPins pins = {}, bool import_samples = true);
    const ListingAggregate& listing(Period month) override;
    const VisitAggregate& visits(PeriodRange range) override;
    const UnitValues& unit_values(Period month) override;
    const EventAggregate& events(Period month) override;
    const UnitValues& acg(Period month) override;
    const PsychiatryAggregate& psychiatry(Period month) override;
    const CniDelivery& cni(Period month) override;
    std::vector<DatasetRef> used() const override;
    bool served_sample() const override { return served_sample_; }

  private:
    // Imports the shipped sample file for `kind` and `period` if there is one.
    bool import_sample(const std::string& kind, const std::string& period);
    template <typename Key, typename Aggregate, typename Load>
    const Aggregate& fetch(std::map<Key, Aggregate>& cache, const Key& key, const std::string& kind,
                           Load load);

    Database& db_;
    const Region& region_;
    std::filesystem::path sample_dir_;
    DatasetPins pins_;
    bool import_samples_;
    bool served_sample_ = false;
    std::map<Period, ListingAggregate> listings_;
    std::map<PeriodRange, VisitAggregate> visits_;
    std::map<Period, UnitValues> unit_values_;
    std::map<Period, EventAggregate> events_;
    std::map<Period, UnitValues> acg_;
    std::map<Period, PsychiatryAggregate> psychiatry_;
    std::map<Period, CniDelivery> cni_;
};

}  // namespace vardval
