#include "morbidity.hpp"

#include "rng.hpp"

namespace gen {

using namespace vm;

Morbidity::Morbidity(std::uint64_t seed) : seed_(seed) {
    for (std::size_t g = 0; g < group_mean_.size(); ++g) {
        double sum = 0;
        for (std::size_t c = 0; c < kAcgRange.size(); ++c)
            sum += kAcgClassMix[g][c] * (kAcgRange[c][0] + kAcgRange[c][1]) / 2.0;
        group_mean_[g] = sum / 1000;
    }
}

int Morbidity::weight(const Person& p, int year, int age) const {
    // The personal level is a quantile (per mille); the year moves it a little, reflected
    // at the ends so that every quantile stays equally likely.
    Rng lasting = keyed_rng(seed_, Stream::kMorbidity, p.index, 0);
    Rng yearly = keyed_rng(seed_, Stream::kMorbidity, p.index, static_cast<std::uint64_t>(year));
    auto q = static_cast<int>(lasting.below(1000)) +
             static_cast<int>(yearly.between(-kAcgYearToYearSpread, kAcgYearToYearSpread));
    if (q < 0)
        q = -q - 1;
    if (q >= 1000)
        q = 1999 - q;
    const auto& mix = kAcgClassMix[static_cast<std::size_t>(acg_age_group(age))];
    std::size_t c = 0;
    int cumulative = mix[0];
    while (q >= cumulative)
        cumulative += mix[++c];
    const auto& range = kAcgRange[c];
    return static_cast<int>(yearly.between(range[0], range[1]));
}

double Morbidity::need_factor(int weight, int age) const {
    const double mean = group_mean_[static_cast<std::size_t>(acg_age_group(age))];
    return kNeedFloor + (1 - kNeedFloor) * weight / mean;
}

}  // namespace gen
