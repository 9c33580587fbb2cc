#pragma once
// Runs a validated model for one month: every component in payment order, every unit,
// then checks that the ledger reconciles before anyone sees it.
#include <optional>
#include <string>
#include <vector>

#include "vardval/plugin_api.hpp"
#include "vardval_host/model.hpp"

namespace vardval {

class PluginHost;

struct UnitStatement {
    const Unit* unit = nullptr;
    std::int64_t listed = 0;
    std::vector<LedgerLine> lines;  // in payment order
    Ore total_ore = 0;
};

struct RunResult {
    std::optional<std::int64_t> run_id;  // once stored in the database
    std::string region;
    std::string region_name;
    int year = 0;
    std::string title;
    std::string model_file;
    std::string model_hash;  // SHA-256 of model_text
    std::string model_text;  // the fully resolved model: region.yaml and the extends chain
    Period period;
    // Set for a run over several months (`--period 2021-01..2021-12`): the last month.
    std::optional<Period> last_period;
    // A run over several months is not stored itself: each month is (period_range.hpp).
    // These are the months' stored runs, in month order; empty for one month or unstored.
    std::vector<std::int64_t> month_run_ids;
    std::vector<std::pair<std::string, std::string>> components;  // id, type
    std::vector<DatasetRef> datasets;                             // what was read
    bool sample_data = false;  // some of it is the shipped synthetic sample: never pay from it
    std::vector<std::string> plugins;  // "capitation 1.0.0": the code that computed it
    std::vector<UnitStatement> units;  // in register order
    Ore total_ore = 0;

    // "2021-02", or "2021-01..2021-12" for several months.
    std::string period_text() const {
        return last_period ? period.to_string() + ".." + last_period->to_string()
                           : period.to_string();
    }
};

// A DataSource that remembers which datasets it served, for the run record.
class RecordingDataSource : public DataSource {
  public:
    virtual std::vector<DatasetRef> used() const = 0;
    // Whether any dataset served is the shipped synthetic sample.
    virtual bool served_sample() const = 0;
};

// Throws IssueError if the model is invalid; std::runtime_error if the ledger does not
// reconcile (a bug, never silently ignored).
RunResult run_model(const Model& model, const Region& region, const PluginHost& host,
                    RecordingDataSource& data, Period period);

}  // namespace vardval
