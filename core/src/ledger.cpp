#include "vardval/ledger.hpp"

#include <stdexcept>

namespace vardval {

void split_pot(std::vector<LedgerLine>& lines, Ore pot, const std::vector<Rational>& weights) {
    if (lines.size() != weights.size())
        throw std::logic_error("split_pot: one weight per line");
    const std::vector<Ore> parts = distribute_largest_remainder(pot, weights);
    const std::vector<Rational> shares = shares_of(weights);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        lines[i].amount_ore = parts[i];
        lines[i].rounding = Rounding::largest_remainder;
        lines[i].pot_ore = pot;
        lines[i].share = shares[i];
    }
}

std::string recheck(const LedgerLine& line, int month) {
    switch (line.rounding) {
        case Rounding::per_line: {
            const Ore expected = (line.exact_basis() * line.exact_rate()).round();
            if (line.amount_ore != expected)
                return "amount " + std::to_string(line.amount_ore) + " öre is not basis " +
                       line.exact_basis().to_string() + " × rate " + line.exact_rate().to_string() +
                       " = " + std::to_string(expected) + " öre rounded";
            return "";
        }
        case Rounding::largest_remainder: {
            // Each part is its exact share floored (towards zero for a negative pot), plus one
            // öre for the largest remainders: it lies strictly within one öre of the share.
            const Rational exact = Rational::from_int(line.pot_ore) * line.share;
            const Rational gap = Rational::from_int(line.amount_ore) - exact;
            if (gap >= Rational::from_int(1) || gap <= Rational::from_int(-1))
                return "amount " + std::to_string(line.amount_ore) +
                       " öre is not within one öre of share " + line.share.to_string() +
                       " of the pot " + std::to_string(line.pot_ore) + " öre";
            return "";
        }
        case Rounding::monthly_share: {
            const Ore annual =
                (line.exact_basis() * line.exact_rate() * Rational::from_int(12)).round();
            if (annual != line.annual_ore)
                return "annual amount " + std::to_string(line.annual_ore) +
                       " öre is not basis × rate × 12 = " + std::to_string(annual) + " öre rounded";
            if (line.amount_ore != monthly_share(annual, month))
                return "amount " + std::to_string(line.amount_ore) + " öre is not month " +
                       std::to_string(month) + "'s share of " + std::to_string(annual) + " öre";
            return "";
        }
    }
    return "unknown rounding";
}

}  // namespace vardval
