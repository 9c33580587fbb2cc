#pragma once
// One unit's month as a statement (ersättningsbesked): each component's basis, rate, amount
// and the sentence that explains it, with last month and the year to date beside it.
#include <map>
#include <string>
#include <vector>

#include "vardval_host/engine.hpp"
#include "vardval_host/report_model.hpp"

namespace vardval::report {

// An earlier month of the statement's year that was not computed, and why (in the words of
// the error that stopped it, e.g. no listing imported). Never counted as zero.
struct MonthNotComputed {
    Period period;
    std::string reason;
};

struct StatementInput {
    const RunResult* month = nullptr;  // the month the statement is for
    // The earlier months of the same year, computed with the same model, in month order.
    std::vector<const RunResult*> earlier;
    std::vector<MonthNotComputed> not_computed;  // the earlier months that were not
    std::map<std::string, std::string> labels;   // component id → the model's label
};

// The statement for `unit`, its text cells in `lang`. Throws std::invalid_argument if `month`
// does not pay the unit.
Report statement_report(const StatementInput& input, const std::string& unit, Lang lang);

}  // namespace vardval::report
