#include "jh_unit_values.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>

#include "jh_data.hpp"
#include "rng.hpp"
#include "unit_values_file.hpp"

namespace gen {

using namespace jh;

namespace {

// Separate draws per purpose for one unit and month.
enum Purpose : std::uint64_t {
    kCoverageRank,
    kVolumes,
    kUnmetUnits,
    kCostDraws,
    kCareGuaranteeDraw,
    kVariableDraws
};

// The models whose data a month carries: cost responsibility from 2020 (the first month
// with unit values), the care guarantee from 2021, the variable pay of 2023.
constexpr Month kFirstCareGuaranteeMonth{2021, 1};
constexpr Month kFirstVariablePayMonth{2023, 1};

std::uint64_t salt(Month month, Purpose purpose) {
    return month.key() * 8 + purpose;
}

// Coverage per unit, in per mille: the units ranked by distance from the hospital (with
// noise: the farther, the less the listed use the hospital's clinics) and spread from
// the lowest to the highest published value by a gently concave curve, whose mean over
// evenly spread ranks is about 0.71.
std::vector<std::uint64_t> coverage_per_mille(std::uint64_t seed, Month month) {
    const std::size_t n = kUnits.size();
    std::vector<std::int64_t> score(n);
    for (std::size_t u = 0; u < n; ++u) {
        Rng rng = keyed_rng(seed, Stream::kUnitValues, u, salt(month, kCoverageRank));
        score[u] = kUnits[u].centre_tenths * rng.between(50, 150);
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return score[a] < score[b]; });
    const auto m = static_cast<std::uint64_t>(std::max<std::size_t>(n, 2) - 1);
    const auto span = static_cast<std::uint64_t>(kMaxCoveragePerMille - kMinCoveragePerMille);
    std::vector<std::uint64_t> coverage(n);
    for (std::size_t rank = 0; rank < n; ++rank) {
        const auto r = static_cast<std::uint64_t>(rank);
        // f(x) = x + x(1 - x)/5 with x = r/m, in integers.
        const std::uint64_t f5m2 = 5 * r * m + r * (m - r);
        coverage[order[rank]] =
            static_cast<std::uint64_t>(kMinCoveragePerMille) + span * f5m2 / (5 * m * m);
    }
    return coverage;
}

// All outpatient visits giving `visits` the coverage nearest to `per_mille`, kept inside
// the published span despite the rounding (which matters for small units).
std::uint64_t outpatient_visits(std::uint64_t visits, std::uint64_t per_mille) {
    const auto lowest = static_cast<std::uint64_t>(kMinCoveragePerMille);
    const auto highest = static_cast<std::uint64_t>(kMaxCoveragePerMille);
    const std::uint64_t nearest = (visits * 1000 + per_mille / 2) / per_mille;
    const std::uint64_t fewest = (visits * 1000 + highest - 1) / highest;
    const std::uint64_t most = visits * 1000 / lowest;
    return fewest <= most ? std::clamp(nearest, fewest, most) : nearest;
}

// The unit's costs for its listed this month (kostnadsansvar), each around its rate.
void add_costs(UnitValuesFile& file, std::size_t u, std::uint64_t listed, std::uint64_t seed,
               Month month) {
    Rng rng = keyed_rng(seed, Stream::kUnitValues, u, salt(month, kCostDraws));
    for (const CostSpec& cost : kCosts) {
        double kr = static_cast<double>(listed) * cost.kr_per_listed_year / 12.0 *
                    rng.between(100 - cost.spread_percent, 100 + cost.spread_percent) / 100.0;
        if (cost.measure == "patient_travel_cost_kr")
            kr *= 1.0 + kUnits[u].centre_tenths / 1000.0;
        file.add(kUnits[u].id, cost.measure, static_cast<std::uint64_t>(std::llround(kr)));
    }
}

// Share of medical assessments within 3 days (vårdgarantins 3:a), three decimals.
void add_care_guarantee(UnitValuesFile& file, std::size_t u, std::uint64_t seed, Month month) {
    Rng rng = keyed_rng(seed, Stream::kUnitValues, u, salt(month, kCareGuaranteeDraw));
    file.add(kUnits[u].id, "care_guarantee_3_days_share",
             static_cast<std::uint64_t>(
                 rng.between(kMinCareGuaranteePerMille, kMaxCareGuaranteePerMille)),
             3);
}

// Asylum seekers' visits and health examinations, and what other regions paid for their
// patients' visits (the unit keeps it).
void add_variable_pay(UnitValuesFile& file, std::size_t u, std::uint64_t seed, Month month) {
    Rng rng = keyed_rng(seed, Stream::kUnitValues, u, salt(month, kVariableDraws));
    const auto asylum = static_cast<std::uint64_t>(rng.between(0, kMaxAsylumVisits));
    const auto examinations = static_cast<std::uint64_t>(rng.between(0, kMaxAsylumExaminations));
    const bool mountain = kUnits[u].area == Area::kMountain;
    const auto out_of_region = static_cast<std::uint64_t>(
        mountain ? rng.between(kMountainOutOfRegionVisits / 2, kMountainOutOfRegionVisits)
                 : rng.between(0, kMaxOutOfRegionVisits));
    file.add(kUnits[u].id, "asylum_visits", asylum);
    file.add(kUnits[u].id, "asylum_health_examinations", examinations);
    file.add(kUnits[u].id, "out_of_region_payments_kr", out_of_region * kOutOfRegionPaymentKr);
}

}  // namespace

JhUnitValues::JhUnitValues(Month month)
    : month_(month), expected_visits_(kUnits.size()), listed_(kUnits.size()) {}

void JhUnitValues::add_listed(const Person& p) {
    // The reference profile's visit rate at the person's age: contacts a month.
    const int band = band_of(p.age_on(month_.first_day()));
    const auto unit = static_cast<std::size_t>(p.unit_at(month_.first_day()));
    ++listed_[unit];
    expected_visits_[unit] += kWeightProfile[static_cast<std::size_t>(band)] *
                              kWeightedVisitsPerPerson / kMeanContactWeight / 12;
}

void JhUnitValues::write(const std::filesystem::path& dir, std::uint64_t seed, bool verbose,
                         std::span<const UnitValueRow> extra) const {
    const std::vector<std::uint64_t> coverage = coverage_per_mille(seed, month_);
    const std::uint64_t unmet_key =
        keyed_rng(seed, Stream::kUnitChoice, 0, salt(month_, kUnmetUnits)).next();
    UnitValuesFile file(dir / ("unit-values-" + month_text(month_) + ".csv"));
    double coverage_sum = 0;
    std::uint64_t fees_total = 0;
    std::string unmet_units;
    for (std::size_t u = 0; u < kUnits.size(); ++u) {
        Rng rng = keyed_rng(seed, Stream::kUnitValues, u, salt(month_, kVolumes));
        // Units differ from what their age mix predicts by up to 8 %.
        const double factor = rng.between(920, 1080) / 1000.0;
        const auto visits = static_cast<std::uint64_t>(std::llround(expected_visits_[u] * factor));
        const std::uint64_t outpatient = outpatient_visits(visits, coverage[u]);
        // The mean fee varies a little with the mix of free and fee-charged visits.
        const auto fees = static_cast<std::uint64_t>(std::llround(
            static_cast<double>(visits) * kPatientFeeKr * rng.between(950, 1050) / 1000.0));
        const bool unmet = shuffled_index(u, kUnits.size(), unmet_key) <
                           static_cast<std::uint64_t>(kUnitsMissingOpeningHours);
        const auto weeks = unmet ? static_cast<std::uint64_t>(rng.between(1, kMaxWeeksUnmet)) : 0;
        file.add(kUnits[u].id, "patient_fees_kr", fees);
        file.add(kUnits[u].id, "primary_care_visits", visits);
        file.add(kUnits[u].id, "outpatient_visits", outpatient);
        file.add(kUnits[u].id, "opening_hours_weeks_unmet", weeks);
        add_costs(file, u, listed_[u], seed, month_);
        if (month_ >= kFirstCareGuaranteeMonth)
            add_care_guarantee(file, u, seed, month_);
        if (month_ >= kFirstVariablePayMonth)
            add_variable_pay(file, u, seed, month_);
        const double ratio =
            outpatient > 0 ? static_cast<double>(visits) / static_cast<double>(outpatient) : 0;
        coverage_sum += ratio;
        fees_total += fees;
        if (weeks > 0) {
            unmet_units += (unmet_units.empty() ? "" : ", ") + std::string(kUnits[u].id) + " " +
                           std::to_string(weeks);
        }
        if (verbose) {
            std::fprintf(stderr,
                         "  %-13s visits %6llu  outpatient %6llu  coverage %.3f  fees %9llu kr\n",
                         std::string(kUnits[u].id).c_str(), static_cast<unsigned long long>(visits),
                         static_cast<unsigned long long>(outpatient), ratio,
                         static_cast<unsigned long long>(fees));
        }
    }
    for (const UnitValueRow& row : extra)
        file.add(row);
    file.close();
    std::fprintf(stderr,
                 "wrote %s: %llu rows; mean coverage %.3f, patient fees %llu kr, opening hours "
                 "unmet (weeks): %s\n",
                 file.path().string().c_str(), static_cast<unsigned long long>(file.rows()),
                 coverage_sum / static_cast<double>(kUnits.size()),
                 static_cast<unsigned long long>(fees_total), unmet_units.c_str());
}

}  // namespace gen
