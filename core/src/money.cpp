#include "vardval/money.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace vardval {

Ore amount_ore(Decimal basis, Decimal rate_ore) {
    return round_div(static_cast<Int128>(basis.raw()) * rate_ore.raw(),
                     static_cast<Int128>(Decimal::kScale) * Decimal::kScale);
}

std::vector<Ore> distribute_largest_remainder(Ore pot, const std::vector<Decimal>& weights) {
    std::vector<Ore> parts(weights.size(), 0);
    Int128 total = 0;
    for (const Decimal& w : weights) {
        if (w.raw() < 0)
            throw std::invalid_argument("negative weight in a pot distribution");
        total += w.raw();
    }
    if (total == 0)
        return parts;

    // Work on |pot| so floors and remainders behave the same for a negative pot.
    const bool negative = pot < 0;
    const Int128 magnitude = negative ? -static_cast<Int128>(pot) : pot;
    std::vector<Int128> remainders(weights.size());
    Int128 assigned = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const Int128 exact = magnitude * weights[i].raw();
        parts[i] = static_cast<Ore>(exact / total);
        remainders[i] = exact % total;
        assigned += parts[i];
    }
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    for (std::size_t k = 0; assigned < magnitude; ++k, ++assigned)
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
