#include "cni.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace gen {

namespace {

double weighted(const std::array<double, kCniFlags>& counts) {
    double sum = 0;
    for (int v = 0; v < kCniFlags; ++v)
        sum += kCniWeight[v] * counts[v];
    return sum;
}

// Exact, in hundredths of a weight.
std::int64_t weighted100(const FlagArray& counts) {
    std::int64_t sum = 0;
    for (int v = 0; v < kCniFlags; ++v) {
        sum += kCniWeight100[v] * static_cast<std::int64_t>(counts[v]);
    }
    return sum;
}

double weighted(const FlagArray& counts) {
    return static_cast<double>(weighted100(counts)) / 100;
}
// Flag counts a unit would have at intensity lambda (1 = the base shares times the
// area's mix), each capped below the number eligible.
std::array<double, kCniFlags> counts_at(double lambda, const UnitSpec& unit,
                                        const FlagArray& eligible) {
    const std::array<double, kCniFlags> mix = cni_mix(unit.area);
    std::array<double, kCniFlags> x{};
    for (int v = 0; v < kCniFlags; ++v) {
        const double e = static_cast<double>(eligible[v]);
        x[v] = std::min(kCniMaxShare * e, lambda * mix[v] * kCniBaseShare[v] * e);
    }
    return x;
}

// The intensity at which the unit's weighted flag count equals `target` (bisection:
// the weighted count only grows with lambda).
double solve_lambda(double target, const UnitSpec& unit, const FlagArray& eligible) {
    double lo = 0;
    double hi = 100;
    if (target <= 0)
        return 0;
    if (weighted(counts_at(hi, unit, eligible)) <= target)
        return hi;
    for (int i = 0; i < 200; ++i) {
        const double mid = (lo + hi) / 2;
        (weighted(counts_at(mid, unit, eligible)) < target ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

// Whole counts close to `x` whose weighted sum is as close as possible to `target`.
// The weights differ by fractions (6.15 vs 5.72, 4.19 vs 3.97, ...), so trading a few
// flags between kinds gets within a few hundredths, far finer than one flag's weight:
// that is what makes even a unit of 150 persons hit its index to four decimals.
FlagArray round_to_target(const std::array<double, kCniFlags>& x, double target,
                          const FlagArray& eligible) {
    FlagArray start{};
    for (int v = 0; v < kCniFlags; ++v) {
        start[v] = static_cast<std::uint64_t>(std::llround(x[v]));
    }
    FlagArray best = start;
    double best_cost = -1;
    const double target100 = target * 100;
    constexpr int kReach = 2;
    constexpr int kSide = 2 * kReach + 1;
    int combos = 1;
    for (int v = 0; v < kCniFlags; ++v)
        combos *= kSide;
    for (int c = 0; c < combos; ++c) {
        FlagArray k{};
        int steps = 0;
        bool ok = true;
        int code = c;
        for (int v = 0; v < kCniFlags && ok; ++v) {
            const int delta = code % kSide - kReach;
            code /= kSide;
            const auto value = static_cast<std::int64_t>(start[v]) + delta;
            ok = value >= 0 && value <= static_cast<std::int64_t>(eligible[v]);
            k[v] = static_cast<std::uint64_t>(value);
            steps += std::abs(delta);
        }
        if (!ok)
            continue;
        // Equal weighted sums (4.19 is the weight of two flags) cost exactly the same.
        const double cost =
            std::fabs(static_cast<double>(weighted100(k)) - target100) + 0.1 * steps;
        if (best_cost < 0 || cost < best_cost) {
            best_cost = cost;
            best = k;
        }
    }
    return best;
}

// Intended indexes: the two published extremes as they are, every other unit's shifted
// by one common amount so that the listing-weighted mean index is 1 (which it is by
// definition, since the region score is the listing-weighted mean of the unit scores).
std::vector<double> target_indexes(std::span<const UnitSpec> units, const CniCounts& counts) {
    double total = 0;
    double weighted_sum = 0;
    double free_persons = 0;
    for (std::size_t u = 0; u < units.size(); ++u) {
        const auto n = static_cast<double>(counts.listed[u]);
        total += n;
        weighted_sum += n * units[u].cni_index;
        if (!units[u].cni_fixed)
            free_persons += n;
    }
    const double shift = free_persons > 0 ? (total - weighted_sum) / free_persons : 0;
    std::vector<double> target(units.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
        target[u] = units[u].cni_index + (units[u].cni_fixed ? 0 : shift);
    }
    return target;
}

// Per unit.
struct Solution {
    explicit Solution(std::size_t units) : picks(units), lambda(units), index(units) {}

    std::vector<FlagArray> picks;
    std::vector<double> lambda;
    double region_score = 0;
    std::vector<double> index;
    double worst_error = 0;
};

// Counts for every unit given an assumed region score, and what they actually give.
Solution solve_for_region_score(double region_score, std::span<const UnitSpec> units,
                                const CniCounts& counts, const std::vector<double>& target) {
    Solution s(units.size());
    double total_score = 0;
    double persons = 0;
    for (std::size_t u = 0; u < units.size(); ++u) {
        const auto n = static_cast<double>(counts.listed[u]);
        if (n == 0)
            continue;
        const double under5 = kUnder5Weight * static_cast<double>(counts.under5[u]);
        const double wanted = target[u] * region_score * n - under5;
        s.lambda[u] = solve_lambda(wanted, units[u], counts.eligible[u]);
        s.picks[u] = round_to_target(counts_at(s.lambda[u], units[u], counts.eligible[u]), wanted,
                                     counts.eligible[u]);
        total_score += weighted(s.picks[u]) + under5;
        persons += n;
    }
    s.region_score = persons > 0 ? total_score / persons : 0;
    for (std::size_t u = 0; u < units.size(); ++u) {
        const auto n = static_cast<double>(counts.listed[u]);
        if (n == 0 || s.region_score == 0)
            continue;
        const double score =
            (weighted(s.picks[u]) + kUnder5Weight * static_cast<double>(counts.under5[u])) / n;
        s.index[u] = score / s.region_score;
        s.worst_error = std::max(s.worst_error, std::fabs(s.index[u] - target[u]));
    }
    return s;
}

}  // namespace

void CniCounts::add(int unit, int age) {
    const auto u = static_cast<std::size_t>(unit);
    ++listed[u];
    if (age < 5)
        ++under5[u];
    for (int v = 0; v < kCniFlags; ++v) {
        if (cni_eligible(v, age))
            ++eligible[u][v];
    }
}

CniPlan plan_cni(const RegionSpec& region, const CniCounts& counts) {
    const std::span<const UnitSpec> units = region.units;
    CniPlan plan;
    plan.target_index = target_indexes(units, counts);

    // Start from the region score at the base shares, then iterate the fixed point:
    // the counts set for an assumed region score give a slightly different actual one.
    double persons = 0;
    double score = 0;
    for (std::size_t u = 0; u < units.size(); ++u) {
        persons += static_cast<double>(counts.listed[u]);
        score += weighted(counts_at(1.0, units[u], counts.eligible[u])) +
                 kUnder5Weight * static_cast<double>(counts.under5[u]);
    }
    double region_score = persons > 0 ? score / persons : 0;

    Solution last = solve_for_region_score(region_score, units, counts, plan.target_index);
    Solution best = last;
    for (int iteration = 0; iteration < 30 && last.region_score != region_score; ++iteration) {
        region_score = last.region_score;
        last = solve_for_region_score(region_score, units, counts, plan.target_index);
        if (last.worst_error < best.worst_error)
            best = last;
    }

    plan.picks = best.picks;
    plan.index = best.index;
    plan.region_score = best.region_score;
    plan.share.resize(units.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
        const std::array<double, kCniFlags> mix = cni_mix(units[u].area);
        for (int v = 0; v < kCniFlags; ++v) {
            const auto e = static_cast<double>(counts.eligible[u][v]);
            plan.share[u][v] =
                e > 0 ? static_cast<double>(plan.picks[u][v]) / e
                      : std::min(kCniMaxShare, best.lambda[u] * mix[v] * kCniBaseShare[v]);
        }
    }
    return plan;
}

CniAssigner::CniAssigner(const CniPlan& plan, const CniCounts& counts, std::uint64_t seed,
                         Day calibration_day, Day base_day)
    : plan_(plan),
      seed_(seed),
      calibration_day_(calibration_day),
      base_day_(base_day),
      quotas_(counts.listed.size()) {
    for (std::size_t u = 0; u < quotas_.size(); ++u) {
        for (int v = 0; v < kCniFlags; ++v) {
            quotas_[u][v] = Quota{counts.eligible[u][v], plan.picks[u][v]};
        }
    }
}

LatentFlags CniAssigner::latent(const Person& p) {
    // Always the same number of draws, whichever branch is taken.
    Rng draws = person_rng(seed_, p.index, Stream::kCniLatent);
    std::array<double, kCniFlags> u{};
    for (double& x : u)
        x = draws.uniform();

    LatentFlags latent{};
    if (p.present(calibration_day_)) {
        Rng select = person_rng(seed_, p.index, Stream::kCniSelect);
        const auto unit = static_cast<std::size_t>(p.unit_at(calibration_day_));
        const int age = p.age_on(calibration_day_);
        for (int v = 0; v < kCniFlags; ++v) {
            latent[v] =
                cni_eligible(v, age) ? quotas_[unit][v].draw(select) : u[v] < plan_.share[unit][v];
        }
        return latent;
    }
    const Day first_seen = std::max(p.arrival, base_day_);
    const auto unit = static_cast<std::size_t>(p.unit_at(first_seen));
    // Not listed on the calibration month: the unit's calibrated shares. (Those moving in
    // later are not all flagged as movers, which would push the later months' indexes
    // away from the calibrated ones.)
    for (int v = 0; v < kCniFlags; ++v)
        latent[v] = u[v] < plan_.share[unit][v];
    return latent;
}

bool CniAssigner::all_quotas_used() const {
    for (const auto& unit : quotas_) {
        for (const Quota& q : unit) {
            if (q.picks != 0 || q.pool != 0)
                return false;
        }
    }
    return true;
}

OutputFlags cni_flags(const LatentFlags& latent, int age) {
    OutputFlags flags{};
    for (int v = 0; v < kCniFlags; ++v)
        flags[v] = latent[v] && cni_eligible(v, age);
    flags[kCniFlags] = age < 5;
    return flags;
}

void CniTally::add(int unit, const OutputFlags& flags) {
    const auto u = static_cast<std::size_t>(unit);
    ++listed_[u];
    for (std::size_t v = 0; v < flags.size(); ++v) {
        if (flags[v])
            weighted100_[u] += v < kCniWeight100.size() ? kCniWeight100[v] : kUnder5Weight100;
    }
}

void CniTally::report(const RegionSpec& region, Month month, const CniPlan& plan,
                      bool verbose) const {
    const std::size_t units = listed_.size();
    double total = 0;
    double persons = 0;
    for (std::size_t u = 0; u < units; ++u) {
        total += static_cast<double>(weighted100_[u]) / 100;
        persons += static_cast<double>(listed_[u]);
    }
    if (persons == 0 || total == 0) {
        std::fprintf(stderr, "CNI %s: no flagged persons, no indexes\n", month_text(month).c_str());
        return;
    }
    const double region_score = total / persons;
    std::vector<double> index(units);
    std::size_t lo = 0;
    std::size_t hi = 0;
    for (std::size_t u = 0; u < units; ++u) {
        if (listed_[u] == 0)
            continue;
        index[u] = static_cast<double>(weighted100_[u]) / 100 / static_cast<double>(listed_[u]) /
                   region_score;
        if (listed_[lo] == 0 || index[u] < index[lo])
            lo = u;
        if (listed_[hi] == 0 || index[u] > index[hi])
            hi = u;
    }
    std::fprintf(stderr, "CNI %s: region score %.4f; lowest %s %.4f, highest %s %.4f\n",
                 month_text(month).c_str(), region_score, std::string(region.units[lo].id).c_str(),
                 index[lo], std::string(region.units[hi].id).c_str(), index[hi]);
    if (!verbose)
        return;
    for (std::size_t u = 0; u < units; ++u) {
        std::fprintf(stderr, "  %-15s listed %8llu  index %.4f  (target %.4f)\n",
                     std::string(region.units[u].id).c_str(),
                     static_cast<unsigned long long>(listed_[u]), index[u], plan.target_index[u]);
    }
}

}  // namespace gen
