#include "vm_unit_values.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>

#include "rng.hpp"
#include "unit_values_file.hpp"
#include "vm_data.hpp"

namespace gen {

using namespace vm;

namespace {

// Separate draws per purpose, for a unit (or the choice of units) and a time.
enum Purpose : std::uint64_t {
    kContinuityDoctor,
    kContinuityNurse,
    kNamedDoctor,
    kActionPlan,
    kResultReport,
    kDrugs,
    kXray,
    kClinPhys,
    kOnlineDoctor,
    kFees,
    kXrayOutOfRegion,
};

// `time` is a year or a Month::key(), or 0 for what stays the same for a unit.
Rng unit_rng(std::uint64_t seed, std::size_t unit, std::uint64_t time, Purpose purpose) {
    return keyed_rng(seed, Stream::kUnitValues, unit, time * 16 + purpose);
}

// Whether unit u is among the `count` units a keyed shuffle puts first.
bool chosen(std::uint64_t seed, std::size_t u, std::size_t units, std::uint64_t time,
            Purpose purpose, int count) {
    const std::uint64_t key = keyed_rng(seed, Stream::kUnitChoice, purpose, time).next();
    return shuffled_index(u, units, key) < static_cast<std::uint64_t>(count);
}

// A continuity index per unit (thousandths) for `year`: a chain of years from a first
// one. Each year the first units of a shuffle that can still gain 20 % below the
// maximum improve by 22-35 %; the others move halfway back towards the usual level, with
// noise, and gain less than 19 %. So each year's improvers are exactly the chosen ones.
std::vector<std::int64_t> continuity(std::uint64_t seed, std::size_t units, int year,
                                     Purpose measure) {
    std::vector<std::int64_t> value(units);
    for (std::size_t u = 0; u < units; ++u)
        value[u] = unit_rng(seed, u, kContinuityFirstYear, measure).between(300, 650);
    for (int y = kContinuityFirstYear + 1; y <= year; ++y) {
        const auto time = static_cast<std::uint64_t>(y);
        const std::uint64_t key = keyed_rng(seed, Stream::kUnitChoice, measure, time).next();
        std::vector<std::size_t> order(units);
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return shuffled_index(a, units, key) < shuffled_index(b, units, key);
        });
        int improvers = 0;
        for (std::size_t u : order) {
            Rng rng = unit_rng(seed, u, time, measure);
            std::int64_t& v = value[u];
            if (improvers < kContinuityImprovers && v * 1220 / 1000 <= kContinuityMax) {
                ++improvers;
                v = std::min<std::int64_t>(kContinuityMax, v * rng.between(1220, 1350) / 1000);
                continue;
            }
            const std::int64_t drifted = v + (kContinuityUsual - v) / 2 + rng.between(-60, 60);
            v = std::clamp<std::int64_t>(std::min(drifted, v * 1190 / 1000), kContinuityMin,
                                         kContinuityMax);
        }
    }
    return value;
}

// The share with a named regular doctor (thousandths): a lasting level per unit, high
// for the chosen units, and a little movement from year to year.
std::int64_t named_doctor_share(std::uint64_t seed, std::size_t u, std::size_t units, int year) {
    const bool high = chosen(seed, u, units, 0, kNamedDoctor, kNamedDoctorHigh);
    const std::int64_t level =
        unit_rng(seed, u, 0, kNamedDoctor).between(high ? 570 : 315, high ? 735 : 530);
    return level +
           unit_rng(seed, u, static_cast<std::uint64_t>(year), kNamedDoctor).between(-15, 15);
}

// A unit's lasting cost level times a little monthly noise.
double cost_factor(std::uint64_t seed, std::size_t u, Month month, Purpose purpose, int lowest,
                   int highest) {
    const std::int64_t lasting = unit_rng(seed, u, 0, purpose).between(lowest, highest);
    const std::int64_t monthly = unit_rng(seed, u, month.key(), purpose).between(950, 1050);
    return static_cast<double>(lasting * monthly) / 1e6;
}

std::uint64_t ore(double kr) {
    return static_cast<std::uint64_t>(std::llround(kr * 100));
}

}  // namespace

VmUnitValues::VmUnitValues(Month month, std::size_t units)
    : month_(month), listed_(units), drug_weight_(units), fee_charged_(units) {}

void VmUnitValues::add_listed(const Person& p) {
    const Day day = month_.first_day();
    const auto u = static_cast<std::size_t>(p.unit_at(day));
    ++listed_[u];
    drug_weight_[u] += kDrugProfile[static_cast<std::size_t>(band_of(p.age_on(day)))] / 1000.0;
}

void VmUnitValues::add_contact(const Contact& c) {
    if (c.fee_charged)
        ++fee_charged_[c.unit];
}

void VmUnitValues::write(const std::filesystem::path& dir, const RegionSpec& region,
                         std::uint64_t seed, bool verbose) const {
    const std::size_t n = region.units.size();
    const int year = month_.y;
    const std::vector<std::int64_t> doctor = continuity(seed, n, year, kContinuityDoctor);
    const std::vector<std::int64_t> nurse = continuity(seed, n, year, kContinuityNurse);
    const std::vector<std::int64_t> doctor_before =
        continuity(seed, n, year - 1, kContinuityDoctor);
    const std::vector<std::int64_t> nurse_before = continuity(seed, n, year - 1, kContinuityNurse);
    const double listed_total = std::accumulate(listed_.begin(), listed_.end(), 0.0);
    const double drug_weight_total = std::accumulate(drug_weight_.begin(), drug_weight_.end(), 0.0);
    const double mean_drug_weight = listed_total > 0 ? drug_weight_total / listed_total : 1;

    UnitValuesFile file(dir / ("unit-values-" + month_text(month_) + ".csv"));
    int doctor_improved = 0;
    int nurse_improved = 0;
    int named_high = 0;
    std::string plans_missing;
    std::string reports_missing;
    std::array<double, 4> costs{};  // kr: drugs, X-ray, clinical physiology, online doctor
    std::uint64_t fees_total = 0;
    for (std::size_t u = 0; u < n; ++u) {
        const std::string_view id = region.units[u].id;
        const auto listed = static_cast<double>(listed_[u]);
        const std::int64_t named = named_doctor_share(seed, u, n, year);
        const bool plan = !chosen(seed, u, n, month_.key(), kActionPlan, kActionPlansMissing);
        const bool report = !chosen(seed, u, n, month_.key(), kResultReport, kResultReportsMissing);
        const double drugs = kDrugKrPerListed / 12.0 * drug_weight_[u] / mean_drug_weight *
                             unit_rng(seed, u, month_.key(), kDrugs).between(900, 1100) / 1000.0;
        const double xray =
            kXrayKrPerListed / 12.0 * listed * cost_factor(seed, u, month_, kXray, 600, 1400);
        const double clinphys = kClinPhysKrPerListed / 12.0 * listed *
                                cost_factor(seed, u, month_, kClinPhys, 600, 1400);
        const double online = kOnlineDoctorKrPerListed / 12.0 * listed *
                              cost_factor(seed, u, month_, kOnlineDoctor, 750, 1250);
        const double xray_outside = kXrayOutOfRegionTenthsKrPerListed / 120.0 * listed *
                                    cost_factor(seed, u, month_, kXrayOutOfRegion, 500, 1500);
        // Free-card holders pay no fee: a unit takes 90-100 % of the full fees.
        const auto fees = static_cast<std::uint64_t>(
            std::llround(static_cast<double>(fee_charged_[u]) * kPatientFeeKr *
                         unit_rng(seed, u, month_.key(), kFees).between(900, 1000) / 1000.0));

        file.add(id, "continuity_doctor", static_cast<std::uint64_t>(doctor[u]), 3);
        file.add(id, "continuity_nurse", static_cast<std::uint64_t>(nurse[u]), 3);
        file.add(id, "continuity_doctor_previous", static_cast<std::uint64_t>(doctor_before[u]), 3);
        file.add(id, "continuity_nurse_previous", static_cast<std::uint64_t>(nurse_before[u]), 3);
        file.add(id, "named_doctor_share", static_cast<std::uint64_t>(named), 3);
        file.add(id, "action_plan_approved", plan ? 1 : 0);
        file.add(id, "result_report_approved", report ? 1 : 0);
        file.add(id, "diabetes_plan_approved", 1);
        file.add(id, "drug_cost_kr", ore(drugs), 2);
        file.add(id, "xray_cost_kr", ore(xray), 2);
        file.add(id, "clinphys_cost_kr", ore(clinphys), 2);
        file.add(id, "online_doctor_cost_kr", ore(online), 2);
        file.add(id, "xray_out_of_region_cost_kr", ore(xray_outside), 2);
        file.add(id, "patient_fees_kr", fees);

        doctor_improved += doctor[u] * 1000 >= doctor_before[u] * 1200;
        nurse_improved += nurse[u] * 1000 >= nurse_before[u] * 1200;
        named_high += named > kNamedDoctorThreshold;
        if (!plan)
            plans_missing += (plans_missing.empty() ? "" : " ") + std::string(id);
        if (!report)
            reports_missing += (reports_missing.empty() ? "" : " ") + std::string(id);
        costs[0] += drugs;
        costs[1] += xray;
        costs[2] += clinphys;
        costs[3] += online;
        fees_total += fees;
        if (verbose) {
            std::fprintf(stderr,
                         "  %-15s continuity doctor %.3f (%.3f) nurse %.3f (%.3f)  named %.3f  "
                         "drugs %10.2f  fees %8llu\n",
                         std::string(id).c_str(), doctor[u] / 1000.0, doctor_before[u] / 1000.0,
                         nurse[u] / 1000.0, nurse_before[u] / 1000.0, named / 1000.0, drugs,
                         static_cast<unsigned long long>(fees));
        }
    }
    file.close();
    const double per_listed_year = listed_total > 0 ? 12 / listed_total : 0;
    std::fprintf(stderr,
                 "wrote %s: %llu rows; continuity improved >= 20 %%: doctor %d, nurse %d units; "
                 "named doctor > 55 %%: %d units; action plan not approved: %s; result report "
                 "not approved: %s; kr per listed and year: drugs %.0f, X-ray %.0f, clinical "
                 "physiology %.0f, online doctor %.0f; patient fees %llu kr\n",
                 file.path().string().c_str(), static_cast<unsigned long long>(file.rows()),
                 doctor_improved, nurse_improved, named_high, plans_missing.c_str(),
                 reports_missing.c_str(), costs[0] * per_listed_year, costs[1] * per_listed_year,
                 costs[2] * per_listed_year, costs[3] * per_listed_year,
                 static_cast<unsigned long long>(fees_total));
}

}  // namespace gen
