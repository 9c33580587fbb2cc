#pragma once
// What each unit gains or loses under a proposal (konsekvensanalys): two runs of the same
// region and month, side by side, in total and per component.
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "vardval_host/engine.hpp"
#include "vardval_host/report.hpp"
#include "vardval_host/unit_index.hpp"

namespace vardval {

struct ComponentDiff {
    std::string component;
    Ore base_ore = 0;
    Ore proposal_ore = 0;
    Ore diff_ore() const { return proposal_ore - base_ore; }
};

// A unit only one of the two models pays has 0 on the other side (shown as "–" in the table).
struct UnitDiff {
    const Unit* unit = nullptr;
    std::int64_t listed = 0;  // both runs read the same listing
    Ore base_ore = 0;
    Ore proposal_ore = 0;
    bool paid_by_base = true;
    bool paid_by_proposal = true;
    std::vector<ComponentDiff> components;  // every component of either model
    Ore diff_ore() const { return proposal_ore - base_ore; }
};

struct Comparison {
    const RunResult* base = nullptr;
    const RunResult* proposal = nullptr;
    std::vector<ComponentDiff> components;  // region totals per component
    std::vector<UnitDiff> units;            // every unit either pays, in register order
    Ore total_base_ore = 0;
    Ore total_proposal_ore = 0;
};

// Pairs the two runs' units by id. `region` is the register both runs were computed on; it
// gives the order of the rows, and the result points to its units. Throws
// std::invalid_argument unless both runs are for that region and the same month, or for a
// unit that is not in the register or that a run pays twice.
Comparison compare_runs(const RunResult& base, const RunResult& proposal, const Region& region);
// csv and json as documented; the human formats render report::comparison_report.
void write_comparison(std::ostream& out, const Comparison& c, const OutputOptions& options);

// Two or more models on the same region and month, side by side (a pilot's alternatives):
// what every unit would receive under each. Models may pay different kinds of unit, so a
// unit has no amount under a model that does not pay it.
struct SideBySideModel {
    std::string name;  // column name: the file's stem, unique (see model_column_names)
    std::string file;
    std::string title;
    std::string model_hash;                   // SHA-256 of the resolved model
    std::optional<std::int64_t> run_id;       // the stored run, if stored
    std::vector<std::int64_t> month_run_ids;  // over several months: each month's stored run
    Ore total_ore = 0;
    struct Component {
        std::string id;
        std::string label;  // the model's own
        Ore ore = 0;        // its total over the units
    };
    std::vector<Component> components;      // in payment order
    std::vector<std::string> illustrative;  // "component.param" the model marks illustrative
};

struct SideBySideUnit {
    const Unit* unit = nullptr;
    std::vector<std::optional<Ore>> amounts_ore;  // one per model; empty if it does not pay
    std::int64_t listed = 0;                      // every run reads the same listing
};

struct SideBySide {
    std::string region;
    std::string region_name;
    Period period;
    std::optional<Period> last_period;    // a run over several months: the last
    bool sample_data = false;             // some model read the shipped synthetic sample
    std::vector<SideBySideModel> models;  // in the order given
    std::size_t reference = 0;            // the model every other is measured against
    std::vector<SideBySideUnit> units;    // every unit any model pays, in register order
    // Models whose totals are identical to the öre, two or more to a group (indices into
    // `models`), groups in order of their first model.
    std::vector<std::vector<std::size_t>> equal_totals;

    // "2021-02", or "2021-01..2021-12" for several months.
    std::string period_text() const {
        return PeriodRange{period, last_period.value_or(period)}.to_string();
    }
};

// Column names for model files: each file's stem; files sharing a stem are named by their
// path (without extension) relative to the directory those files have in common.
std::vector<std::string> model_column_names(const std::vector<std::string>& files);

// Builds a side-by-side comparison one run at a time, keeping only each run's unit totals,
// so a sweep of many models need not hold every ledger. `region` is the register the runs
// were computed on; it gives the order of the rows, and the result points to its units.
// add() throws std::invalid_argument for a run of another region or month, or a unit not in
// the register; finish() for fewer than two runs, or a reference that is none of them.
class SideBySideBuilder {
  public:
    SideBySideBuilder(const Region& region, std::size_t expected_models = 0);
    void add(const RunResult& run);
    // `reference` names a model by its column name or file; empty: the model named `today`
    // when there is one, else the first (never chance of file names).
    SideBySide finish(const std::string& reference = "");

  private:
    const Region& region_;
    RunResult first_;  // region, name and month of the first run, which all must share
    UnitIndex index_;  // unit id → register position
    std::vector<std::vector<std::optional<Ore>>> cells_;  // per unit, one per run
    std::vector<std::int64_t> listed_;                    // per unit
    std::vector<std::string> files_;
    std::vector<SideBySideModel> models_;
    bool sample_data_ = false;
};

// The same for runs at hand.
// Throws std::invalid_argument for fewer than two runs, runs of different regions or months,
// or a unit that is not in the register.
SideBySide compare_side_by_side(const std::vector<RunResult>& runs, const Region& region,
                                const std::string& reference = "");
// csv and json as documented; the human formats render report::side_by_side_report.
void write_side_by_side(std::ostream& out, const SideBySide& s, const OutputOptions& options);

}  // namespace vardval
