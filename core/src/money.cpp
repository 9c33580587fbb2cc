#include "vardval/money.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace vardval {

Ore amount_ore(Decimal basis, Decimal rate_ore) {
    return round_div(static_cast<Int128>(basis.raw()) * rate_ore.raw(),
                     static_cast<Int128>(Decimal::kScale) * Decimal::kScale);
}

Ore amount_ore(const Rational& basis, const Rational& rate_ore) {
    return (basis * rate_ore).round();
}

std::vector<Rational> shares_of(const std::vector<Rational>& weights) {
    Rational total;
    for (const Rational& w : weights) {
        if (w < Rational())
            throw std::invalid_argument("negative weight in a pot distribution");
        total += w;
    }
    std::vector<Rational> shares(weights.size());
    if (!total.is_zero())
        for (std::size_t i = 0; i < weights.size(); ++i)
            shares[i] = weights[i] / total;
    return shares;
}

std::vector<Ore> distribute_largest_remainder(Ore pot, const std::vector<Rational>& weights) {
    const std::vector<Rational> shares = shares_of(weights);
    std::vector<Ore> parts(weights.size(), 0);
    // Work on |pot| so floors and remainders behave the same for a negative pot.
    const bool negative = pot < 0;
    const Rational magnitude = Rational::from_int(negative ? -pot : pot);
    std::vector<Rational> remainders(weights.size());
    Ore assigned = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const Rational exact = magnitude * shares[i];
        parts[i] = exact.floor();
        remainders[i] = exact - Rational::from_int(parts[i]);
        assigned += parts[i];
    }
    if (assigned == 0 &&
        std::all_of(shares.begin(), shares.end(), [](const Rational& s) { return s.is_zero(); }))
        return parts;  // all weights zero: nothing is distributed
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    const Ore target = negative ? -pot : pot;
    for (std::size_t k = 0; assigned < target; ++k, ++assigned)
        ++parts[order[k]];
    if (negative)
        for (Ore& p : parts)
            p = -p;
    return parts;
}

Ore monthly_share(Ore annual, int month) {
    if (month < 1 || month > 12)
        throw std::invalid_argument("month must be 1-12");
    return round_div(static_cast<Int128>(annual) * month, 12) -
           round_div(static_cast<Int128>(annual) * (month - 1), 12);
}

std::string format_kr(Ore ore) {
    const bool negative = ore < 0;
    const std::uint64_t magnitude = negative ? 0ULL - static_cast<std::uint64_t>(ore) : ore;
    std::string whole = std::to_string(magnitude / 100);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3)
        whole.insert(i, " ");
    const std::uint64_t cents = magnitude % 100;
    return (negative ? "-" : "") + whole + "," + (cents < 10 ? "0" : "") + std::to_string(cents);
}

}  // namespace vardval
