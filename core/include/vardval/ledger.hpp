#pragma once
// A ledger line: what one component pays one unit for one period, with enough to check it
// by hand (basis × rate = amount) and a sentence saying why.
#include <string>
#include <vector>

#include "vardval/decimal.hpp"
#include "vardval/money.hpp"

namespace vardval {

enum class Rounding {
    per_line,           // amount = basis × rate, rounded half away from zero
    largest_remainder,  // a pot split over units; parts sum to the pot exactly
    monthly_share,      // a fixed annual amount (basis × yearly rate, rounded) paid so the
                        // twelve months sum to it exactly; rate shown is the yearly rate / 12
};
const char* to_string(Rounding r);

struct LedgerLine {
    std::string unit;
    std::string component;   // the model's component id; set by the engine
    std::string type;        // the component type; set by the engine
    Decimal basis;           // the quantity paid for, e.g. weighted listed
    std::string basis_unit;  // what the basis counts, e.g. "weighted listed"
    Decimal rate_ore;        // öre per basis unit for this period
    Ore amount_ore = 0;
    Rounding rounding = Rounding::per_line;
    std::string explanation;         // one sentence
    std::vector<std::string> trace;  // the derivation, shown by `vardval explain`
};

}  // namespace vardval
