#pragma once
// A ledger line: what one component pays one unit for one period, with enough to check it
// by hand (basis × rate = amount, exactly) and a sentence saying why.
#include <optional>
#include <string>
#include <vector>

#include "vardval/decimal.hpp"
#include "vardval/money.hpp"
#include "vardval/rational.hpp"

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
    Decimal basis;           // the quantity paid for, e.g. weighted listed (as shown)
    std::string basis_unit;  // what the basis counts, e.g. "weighted listed"
    Decimal rate_ore;        // öre per basis unit for this period (as shown, six decimals)
    Ore amount_ore = 0;
    Rounding rounding = Rounding::per_line;
    std::string explanation;         // one sentence
    std::vector<std::string> trace;  // the derivation, shown by `vardval explain`
    // The exact basis and rate when the shown ones are rounded (a derived index, a yearly
    // price / 12); unset, the shown value is exact. Set them with set_basis / set_rate.
    std::optional<Rational> basis_exact;
    std::optional<Rational> rate_exact;
    // largest_remainder: the pot split this period and the unit's exact share of it
    // (its basis over the region's); the amount is the share of the pot, floored or raised
    // by one öre.
    Ore pot_ore = 0;
    Rational share;
    // monthly_share: the annual amount, round(basis × rate × 12), whose month this is.
    Ore annual_ore = 0;

    void set_basis(const Rational& b) {
        basis = b.to_decimal();
        basis_exact = b;
    }
    void set_rate(const Rational& r) {
        rate_ore = r.to_decimal();
        rate_exact = r;
    }
    Rational exact_basis() const { return basis_exact.value_or(Rational(basis)); }
    Rational exact_rate() const { return rate_exact.value_or(Rational(rate_ore)); }
};

// Splits `pot` over `lines` in proportion to `weights` (one each, non-negative) by largest
// remainder: sets each line's amount, rounding, pot_ore and exact share, so the lines sum to
// the pot and each can be re-checked. All weights zero: every amount is zero.
void split_pot(std::vector<LedgerLine>& lines, Ore pot, const std::vector<Rational>& weights);

// Empty when the line's amount follows from its own fields by its rounding rule (per_line:
// round(basis × rate); largest_remainder: the share of the pot floored or one öre more;
// monthly_share: the month's share of round(basis × rate × 12)), else what does not hold.
std::string recheck(const LedgerLine& line, int month);

}  // namespace vardval
