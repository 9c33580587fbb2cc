#pragma once
// Money is integer öre (1 krona = 100 öre). A line's amount is basis × rate rounded once,
// half away from zero; a pot is split over units by largest remainder so its parts sum to
// the pot exactly.
#include <cstdint>
#include <string>
#include <vector>

#include "vardval/decimal.hpp"
#include "vardval/rational.hpp"

namespace vardval {

using Ore = std::int64_t;

// basis × rate_ore, rounded half away from zero to whole öre.
Ore amount_ore(Decimal basis, Decimal rate_ore);
// The same, exactly, for a derived basis or rate (an index, a price over a volume, / 12).
Ore amount_ore(const Rational& basis, const Rational& rate_ore);

// Splits `pot` over `weights` in proportion, by largest remainder: each part is the floor
// of its exact share, and the öre left over go one each to the largest fractional parts
// (ties to the earlier index, so the result is deterministic). Parts sum to `pot`.
// All weights zero (or none): every part is zero and nothing is distributed; the caller
// reports that. Weights must be non-negative.
std::vector<Ore> distribute_largest_remainder(Ore pot, const std::vector<Rational>& weights);
// Each weight's exact share of their sum (all zero when the sum is zero), as a ledger's
// pot line states it.
std::vector<Rational> shares_of(const std::vector<Rational>& weights);

// The share of an annual amount paid in month `month` (1-12): the cumulative rounding
// round(annual × m / 12) − round(annual × (m − 1) / 12), so the twelve months sum to the
// annual amount exactly.
Ore monthly_share(Ore annual, int month);

// "2 453,00 kr"-style rendering used in tables: thousands separated by a space,
// two decimals with a comma, as Swedish readers expect.
std::string format_kr(Ore ore);

}  // namespace vardval
