#pragma once
// Whole counts in proportion to weights that add up to exactly `total` (the largest
// remainder method; ties go to the earlier weight).
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <span>
#include <vector>

namespace gen {

inline std::vector<std::uint64_t> apportion(std::uint64_t total,
                                            std::span<const std::uint64_t> weights) {
    const std::uint64_t sum = std::accumulate(weights.begin(), weights.end(), std::uint64_t{0});
    std::vector<std::uint64_t> count(weights.size());
    if (sum == 0)
        return count;
    std::vector<std::uint64_t> remainder(weights.size());
    std::uint64_t assigned = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        count[i] = weights[i] * total / sum;
        remainder[i] = weights[i] * total % sum;
        assigned += count[i];
    }
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    for (std::size_t k = 0; assigned < total; ++k, ++assigned)
        ++count[order[k]];
    return count;
}

}  // namespace gen
