#include "visits.hpp"

#include <algorithm>
#include <cmath>

#include "draw_day.hpp"

namespace gen {

using namespace jh;

namespace {

constexpr double kDoctorShareOfWeight = kDoctorPerMille / (1000.0 + kDoctorPerMille);

}  // namespace

int weighted_visits(const Visit& v) {
    if (v.contact == kPhonePrescription)
        return 0;
    return v.profession == kDoctor ? 2 : 1;
}

VisitCalendar::VisitCalendar(Month first, Month last)
    : first_day_(first.first_day()), last_day_(last.last_day()), listing_day_(last.first_day()) {}

Segments VisitCalendar::segments(const Person& p) const {
    Segments result;
    Day from = std::max({first_day_, p.birth, p.arrival});
    const Day to = std::min(last_day_, p.exit == kNever ? last_day_ : p.exit - 1);
    if (from > to)
        return result;
    int band = band_of(p.age_on(from));
    while (from <= to && result.count < static_cast<int>(result.items.size())) {
        // The next band starts on the birthday reaching its first age.
        const Day next_band =
            band < kBands - 1 ? day_reaching_age(p.birth, (band + 1) * 5) : kNever;
        const Day last = next_band == kNever ? to : std::min(to, next_band - 1);
        result.items[static_cast<std::size_t>(result.count++)] = {band, from, last};
        if (last == to)
            break;
        from = next_band;
        ++band;
    }
    return result;
}

void VisitPopulation::add(int age_on_listing_day, const Segments& segments) {
    ++listed[static_cast<std::size_t>(band_of(age_on_listing_day))];
    for (const Segment& s : segments) {
        const auto b = static_cast<std::size_t>(s.band);
        person_days[b] += static_cast<std::uint64_t>(s.days());
        ++persons[b];
    }
}

std::uint64_t VisitPopulation::total_listed() const {
    std::uint64_t n = 0;
    for (std::uint64_t x : listed)
        n += x;
    return n;
}

void BandTotals::add(const Visit& v) {
    const int w = weighted_visits(v);
    weighted[v.band] += static_cast<std::uint64_t>(w);
    if (w == 1)
        ++single[v.band];
    if (w == 2)
        ++doctor[v.band];
    ++rows;
    if (v.profession == kDoctor)
        ++doctor_rows;
    if (v.contact == kPhonePrescription)
        ++prescription_rows;
}

VisitPlan plan_visit_targets(const VisitPopulation& population) {
    VisitPlan plan;
    const auto n = static_cast<double>(population.total_listed());

    // Scale the free bands so that Σ N_b w_b = N: the mean weight is 1 by construction.
    double fixed = 0;
    double free = 0;
    for (int b = 0; b < kBands; ++b) {
        const auto nb = static_cast<double>(population.listed[static_cast<std::size_t>(b)]);
        const bool is_fixed = b == kMinWeightBand || b == kMaxWeightBand;
        (is_fixed ? fixed : free) += nb * kWeightProfile[static_cast<std::size_t>(b)];
    }
    plan.profile_scale = free > 0 ? (n - fixed) / free : 1;

    for (int b = 0; b < kBands; ++b) {
        const auto i = static_cast<std::size_t>(b);
        const bool is_fixed = b == kMinWeightBand || b == kMaxWeightBand;
        plan.target_weight[i] = kWeightProfile[i] * (is_fixed ? 1 : plan.profile_scale);
    }

    // Whole visits per band: rounding moves the derived weights a little, most in small
    // bands. Pick the overall visit level, within 3 % of the nominal one (preferring the
    // nearest), at which the two published extremes come out closest to their values.
    double best_error = -1;
    for (int i = 0; i <= 600; ++i) {
        const int step = (i + 1) / 2 * (i % 2 == 1 ? -1 : 1);  // 0, -1, 1, -2, 2, ...
        const double level = kWeightedVisitsPerPerson * (1 + step / 10000.0);
        BandArray visits{};
        double total = 0;
        for (std::size_t b = 0; b < visits.size(); ++b) {
            const auto nb = static_cast<double>(population.listed[b]);
            visits[b] =
                static_cast<std::uint64_t>(std::llround(plan.target_weight[b] * nb * level));
            total += static_cast<double>(visits[b]);
        }
        double error = 0;
        for (std::size_t b : {std::size_t{kMinWeightBand}, std::size_t{kMaxWeightBand}}) {
            const auto nb = static_cast<double>(population.listed[b]);
            if (nb == 0 || total == 0)
                continue;
            const double derived = static_cast<double>(visits[b]) / nb / (total / n);
            error = std::max(error, std::fabs(derived - plan.target_weight[b]));
        }
        if (best_error < 0 || error < best_error) {
            best_error = error;
            plan.target_visits = visits;
        }
    }

    for (std::size_t b = 0; b < static_cast<std::size_t>(kBands); ++b) {
        const auto days = static_cast<double>(population.person_days[b]);
        plan.rate[b] = days > 0 ? static_cast<double>(plan.target_visits[b]) * 365.0 / days : 0;
    }
    return plan;
}

// Per band, the smallest correction that turns what pass 2 produced into the target,
// keeping roughly the usual doctor share among the contacts added or removed.
void plan_corrections(VisitPlan& plan, const BandTotals& base) {
    for (std::size_t b = 0; b < static_cast<std::size_t>(kBands); ++b) {
        const std::uint64_t target = plan.target_visits[b];
        const std::uint64_t have = base.weighted[b];
        if (target >= have) {
            const std::uint64_t missing = target - have;
            auto doctors = static_cast<std::uint64_t>(
                std::llround(static_cast<double>(missing) * kDoctorShareOfWeight / 2));
            doctors = std::min(doctors, missing / 2);
            plan.add_doctor[b] = doctors;
            plan.add_single[b] = missing - 2 * doctors;
            continue;
        }
        const std::uint64_t surplus = have - target;
        std::uint64_t doctors =
            std::min(base.doctor[b], static_cast<std::uint64_t>(std::llround(
                                         static_cast<double>(surplus) * kDoctorShareOfWeight / 2)));
        doctors = std::min(doctors, surplus / 2);
        std::uint64_t singles = surplus - 2 * doctors;
        std::uint64_t demoted = 0;
        if (singles > base.single[b]) {
            // Not enough weight-1 contacts: remove doctors' too, and if one unit is left
            // over, make one doctor contact a nurse contact (surplus <= single + 2 doctor).
            singles = base.single[b];
            const std::uint64_t rest = surplus - singles;
            doctors = rest / 2;
            demoted = rest - 2 * doctors;
        }
        plan.remove_single[b] = singles;
        plan.remove_doctor[b] = doctors;
        plan.demote_doctor[b] = demoted;
    }
}

std::array<double, kBands> derived_weights(const VisitPopulation& population,
                                           const BandTotals& totals) {
    std::array<double, kBands> w{};
    std::uint64_t all_visits = 0;
    for (std::uint64_t v : totals.weighted)
        all_visits += v;
    const auto n = static_cast<double>(population.total_listed());
    if (all_visits == 0 || n == 0)
        return w;
    const double overall = static_cast<double>(all_visits) / n;
    for (std::size_t b = 0; b < w.size(); ++b) {
        if (population.listed[b] == 0)
            continue;
        w[b] = static_cast<double>(totals.weighted[b]) / static_cast<double>(population.listed[b]) /
               overall;
    }
    return w;
}

VisitGenerator::VisitGenerator(const VisitPlan& plan, const VisitPopulation& population,
                               const BandTotals& base, std::uint64_t seed)
    : plan_(plan), seed_(seed) {
    double mean = 0;
    for (std::size_t i = 0; i < kFrailty.size(); ++i) {
        mean += kFrailty[i] / 100.0 * kFrailtyPerMille[i] / 1000.0;
    }
    frailty_mean_ = mean;

    for (std::size_t u = 0; u < kUnits.size(); ++u)
        neighbours_.push_back(neighbour_indexes(kRegion, static_cast<int>(u)));

    for (std::size_t b = 0; b < static_cast<std::size_t>(kBands); ++b) {
        // Pools are what pass 2 counted; pass 3 regenerates the same contacts.
        remove_single_[b] = Quota{base.single[b], plan.remove_single[b]};
        remove_doctor_[b] = Quota{base.doctor[b], plan.remove_doctor[b] + plan.demote_doctor[b]};
        demote_left_[b] = plan.demote_doctor[b];
        const std::uint64_t adds = plan.add_single[b] + plan.add_doctor[b];
        const std::uint64_t persons = population.persons[b];
        adds_per_person_[b] = persons > 0 ? adds / persons : 0;
        extra_person_[b] = Quota{persons, persons > 0 ? adds % persons : 0};
        added_doctor_[b] = Quota{adds, plan.add_doctor[b]};
    }
}

void VisitGenerator::base_visits(const Person& p, const Segments& segments,
                                 std::vector<Visit>& out) const {
    Rng rng = person_rng(seed_, p.index, Stream::kVisitsBase);
    // Persons differ a lot in how much care they need; the mean factor is 1.
    const int level = draw_index(kFrailtyPerMille, 0, rng);
    const double frailty = kFrailty[static_cast<std::size_t>(level)] / 100.0 / frailty_mean_;
    for (const Segment& s : segments) {
        const double expected = plan_.rate[static_cast<std::size_t>(s.band)] * s.days() / 365.0 *
                                frailty / kMeanContactWeight;
        const int count = rng.count_with_mean(expected);
        for (int i = 0; i < count; ++i)
            out.push_back(make_contact(p, s, Kind::kAny, rng));
    }
}

void VisitGenerator::correct(const Person& p, const Segments& segments,
                             std::vector<Visit>& visits) {
    // The contact-level quotas rely on pass 2's order: the contacts as generated.
    Rng rng = person_rng(seed_, p.index, Stream::kVisitsAdjust);
    std::vector<Visit> kept;
    kept.reserve(visits.size());
    for (Visit v : visits) {
        const int w = weighted_visits(v);
        if (w == 1 && remove_single_[v.band].draw(rng))
            continue;
        if (w == 2 && remove_doctor_[v.band].draw(rng)) {
            if (demote_left_[v.band] == 0)
                continue;
            --demote_left_[v.band];
            v.profession = kNurse;
        }
        kept.push_back(v);
    }
    for (const Segment& s : segments) {
        const auto b = static_cast<std::size_t>(s.band);
        const std::uint64_t adds = adds_per_person_[b] + (extra_person_[b].draw(rng) ? 1 : 0);
        for (std::uint64_t i = 0; i < adds; ++i) {
            const Kind kind = added_doctor_[b].draw(rng) ? Kind::kDoctor : Kind::kOther;
            kept.push_back(make_contact(p, s, kind, rng));
        }
    }
    visits.swap(kept);
}

bool VisitGenerator::all_corrections_made() const {
    for (std::size_t b = 0; b < static_cast<std::size_t>(kBands); ++b) {
        if (remove_single_[b].picks != 0 || remove_doctor_[b].picks != 0 || demote_left_[b] != 0 ||
            extra_person_[b].picks != 0 || added_doctor_[b].picks != 0) {
            return false;
        }
    }
    return true;
}

Visit VisitGenerator::make_contact(const Person& p, const Segment& s, Kind kind, Rng& rng) const {
    const auto stage = static_cast<std::size_t>(stage_of_band(s.band));
    Visit v;
    v.band = static_cast<std::uint8_t>(s.band);
    if (kind == Kind::kAny && rng.per_mille(kPhonePrescriptionPerMille)) {
        v.contact = kPhonePrescription;
        v.profession = rng.per_mille(kPrescriptionByDoctorPerMille) ? kDoctor : kNurse;
    } else {
        v.profession = static_cast<std::uint8_t>(
            kind == Kind::kDoctor
                ? kDoctor
                : draw_index(kProfessionMix[stage], kind == Kind::kOther ? 1 : 0, rng));
        v.contact = static_cast<std::uint8_t>(draw_index(kContactMix[stage], 0, rng));
        // Psychologists, counsellors and dietitians do not make home visits.
        if (v.contact == kHomeVisit &&
            (v.profession == kPsychologist || v.profession == kCounsellor ||
             v.profession == kDietitian)) {
            v.contact = kVisit;
        }
    }
    v.date = draw_day(s.first, s.last, v.contact != kDigital, rng);
    v.unit = static_cast<std::uint8_t>(draw_unit(p, v.date, rng));
    return v;
}

// Usually the person's own unit; otherwise a nearby one.
int VisitGenerator::draw_unit(const Person& p, Day date, Rng& rng) const {
    const int own = p.unit_at(date);
    if (rng.per_mille(kOwnUnitPerMille))
        return own;
    const Neighbours& near = neighbours_[static_cast<std::size_t>(own)];
    const auto count = static_cast<std::uint64_t>(
        std::count_if(near.begin(), near.end(), [](int n) { return n >= 0; }));
    return count > 0 ? near[rng.below(count)] : own;
}

}  // namespace gen
