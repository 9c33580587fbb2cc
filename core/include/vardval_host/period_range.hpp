#pragma once
// Runs over several months (`run --period 2021-01..2021-12`, `compare` likewise), so annual
// figures and year to date come from the tool, not from adding months by hand.
//
// Each month is computed from its own data (that month's dataset versions, e.g.
// listing:2021-03) by the ordinary one-month run and is stored as its own run, so every
// month stays auditable (`runs show`, `runs verify`). The range's result is those months
// summed (sum_months) and is not a stored run of its own: it names the months' runs.
//
// How a summed line states basis and rate (every krona explainable, basis × rate = amount
// still checks): one line per unit and component, with
//   basis      = the number of months summed (basis_unit "months"),
//   rate_ore   = the monthly average, exactly (sum / months, kept as a fraction),
//   amount_ore = the sum of the months' amounts, so round(basis × rate) = amount exactly,
//   rounding   = per_line,
// and an explanation naming the range, each month with its stored run id and its amount;
// `trace` keeps each month's own explanation. A month's own basis and rate cannot be summed
// into one line (each month is rounded on its own, and rates change with the listing), so
// they stay in the months' runs, which the explanation names.
//
// `listed` for a range is the LAST month's listing (as on the range's last month, like a
// year-end figure; kr per listed in a compare then reads "paid over the range per person
// listed at its end").
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "vardval/period.hpp"
#include "vardval/vocabulary.hpp"
#include "vardval_host/engine.hpp"

namespace vardval {

// The most months one run sums: three contract years.
inline constexpr int kMaxRunMonths = 36;

// "YYYY-MM" (one month) or "YYYY-MM..YYYY-MM" (first ≤ last, at most kMaxRunMonths months).
// Throws std::invalid_argument (a bad command line) saying what was wrong and what is valid.
PeriodRange parse_run_period(std::string_view text);

// Every month of the range, in order.
std::vector<Period> months_of(const PeriodRange& range);

// Every dataset version the runs read, each once, in the order first read.
std::vector<DatasetRef> datasets_of(const std::vector<RunResult>& runs);

// Throws one DataMissing naming every month of `range` whose data is missing, with what is
// missing for it (months missing the same thing, e.g. a reference dataset, share a line).
// `missing` holds (month, what) in month order; does nothing if empty.
void throw_missing_months(const PeriodRange& range,
                          const std::vector<std::pair<Period, std::string>>& missing);

// Calls `run_month(month)` for every month of `range`, in order, and returns the results.
// A month whose data is missing does not stop the others: every such month is named in one
// DataMissing at the end (so all can be imported at once), and nothing is returned to be
// stored. Any other error stops at once.
template <class RunMonth>
auto for_each_month(const PeriodRange& range, RunMonth&& run_month)
    -> std::vector<std::invoke_result_t<RunMonth&, Period>> {
    std::vector<std::invoke_result_t<RunMonth&, Period>> results;
    std::vector<std::pair<Period, std::string>> missing;
    for (const Period month : months_of(range)) {
        try {
            results.push_back(run_month(month));
        } catch (const DataMissing& e) {
            missing.emplace_back(month, e.what());
        }
    }
    throw_missing_months(range, missing);
    return results;
}

// The months' runs (consecutive months, one model, one region) summed into one RunResult
// for their range, as described at the top: same region and model, `period` the first
// month, `last_period` the last (unset for one month, which is returned as it is),
// `datasets` and `plugins` every month's, units and components in the order the months
// give, `sample_data` if any month's is, `month_run_ids` the months' stored runs (empty
// unless every month was stored), `run_id` unset, total = the sum of the months' totals.
// Throws std::invalid_argument for no months, months not consecutive, or runs of different
// regions or models.
RunResult sum_months(const std::vector<RunResult>& months);

// The months' stored runs (RunResult::month_run_ids) as output names them: "#3, #4, #5";
// empty for one month or when the months were not stored.
std::string month_runs_text(const std::vector<std::int64_t>& month_run_ids);
// `, "month_run_ids": [3, 4, 5]` for a JSON object, or empty (so one month's JSON is as it
// always was).
std::string json_month_run_ids(const std::vector<std::int64_t>& month_run_ids);

}  // namespace vardval
