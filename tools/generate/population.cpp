#include "population.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>

#include "apportion.hpp"

namespace gen {

namespace {

// Relative number of persons aged `age` in the region-wide structure (a band's ages
// sum to about 25 × its share): up to 84 the 5-year band shares interpolated linearly
// towards the neighbouring band, so the pyramid has no steps; from 85 on each band
// thins out year by year.
std::uint64_t base_age_weight(std::span<const int, kBands> band_share, int age) {
    const int band = band_of(age);
    if (band >= kFirstOldBand) {
        const auto& shape = kOldAgeShape[static_cast<std::size_t>(band - kFirstOldBand)];
        return static_cast<std::uint64_t>(band_share[static_cast<std::size_t>(band)] * 25 *
                                          shape[static_cast<std::size_t>(age - band * 5)] / 100);
    }
    const int offset = age - (band * 5 + 2);  // -2..2 from the band's middle year
    const int neighbour = std::clamp(band + (offset > 0) - (offset < 0), 0, kBands - 1);
    const int distance = std::abs(offset);
    return static_cast<std::uint64_t>(band_share[static_cast<std::size_t>(band)] * (5 - distance) +
                                      band_share[static_cast<std::size_t>(neighbour)] * distance);
}

// Per mille factor making a unit's population younger (tilt < 0) or older (tilt > 0).
std::uint64_t tilt_factor(int tilt, int age) {
    return static_cast<std::uint64_t>(std::clamp(1000 + tilt * (age - 42) / 42, 250, 4000));
}

// Probability (per 100 000) of an event with an annual rate over `days` days.
std::uint64_t over_days(std::uint64_t per_100k_year, Day days) {
    const std::uint64_t p = per_100k_year * static_cast<std::uint64_t>(days) * 100 / 36525;
    return std::min<std::uint64_t>(p, 100000);
}

int death_per_100k(int age) {
    for (std::size_t i = 1; i < kDeathRate.size(); ++i) {
        const AgeRate lo = kDeathRate[i - 1];
        const AgeRate hi = kDeathRate[i];
        if (age <= hi.age) {
            return lo.per_100k + (hi.per_100k - lo.per_100k) * (age - lo.age) / (hi.age - lo.age);
        }
    }
    return kDeathRate.back().per_100k;
}

// Whole residents per unit in proportion to the sizes, as cumulative bounds: unit u has
// the residents in [bounds[u-1], bounds[u]).
std::vector<std::uint64_t> exact_bounds(std::span<const UnitSpec> units, std::uint64_t residents) {
    std::vector<std::uint64_t> sizes;
    for (const UnitSpec& u : units)
        sizes.push_back(static_cast<std::uint64_t>(u.size));
    std::vector<std::uint64_t> bounds = apportion(residents, sizes);
    std::partial_sum(bounds.begin(), bounds.end(), bounds.begin());
    return bounds;
}

}  // namespace

int WeightedTable::draw(Rng& rng) const {
    const std::uint64_t r = rng.below(total());
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), r);
    return static_cast<int>(it - cumulative_.begin());
}

PopulationModel::PopulationModel(const RegionSpec& region, std::uint64_t seed,
                                 std::uint64_t base_persons, Day base_day, Day end_day)
    : region_(region),
      seed_(seed),
      base_persons_(base_persons),
      base_day_(base_day),
      end_day_(end_day) {
    // Newcomers over the whole span: births and moves in at their annual rates.
    const double years = static_cast<double>(end_day - base_day) / 365.25;
    const double rate = (region.births_per_100k + region.move_ins_per_100k) / 100000.0;
    newcomers_ =
        static_cast<std::uint64_t>(std::llround(static_cast<double>(base_persons) * rate * years));

    if (region.exact_unit_sizes)
        resident_bounds_ = exact_bounds(region.units, base_persons);
    for (const UnitSpec& u : region.units) {
        unit_table_.add(static_cast<std::uint64_t>(u.size));
        WeightedTable ages;
        for (int age = 0; age <= kMaxAge; ++age) {
            const std::uint64_t w =
                base_age_weight(region.band_share, age) * tilt_factor(u.age_tilt, age);
            const auto women = static_cast<std::uint64_t>(female_per_mille(age));
            ages.add(w * women);
            ages.add(w * (1000 - women));
        }
        age_sex_tables_.push_back(std::move(ages));
    }
    for (std::size_t u = 0; u < region.units.size(); ++u)
        neighbours_.push_back(neighbour_indexes(region, static_cast<int>(u)));
    // Those who move in have the age profile of those who move out.
    for (int age = 0; age <= kMaxAge; ++age) {
        const std::uint64_t w = base_age_weight(region.band_share, age) *
                                static_cast<std::uint64_t>(move_out_per_100k(age));
        const auto women = static_cast<std::uint64_t>(female_per_mille(age));
        mover_age_table_.add(w * women);
        mover_age_table_.add(w * (1000 - women));
    }
}

Person PopulationModel::make_person(std::uint64_t index) const {
    Person p;
    p.index = index;
    Rng rng = person_rng(seed_, index, Stream::kDemography);
    if (index < base_persons_) {
        make_resident(p, rng);
    } else {
        make_newcomer(p, rng);
    }
    plan_exit(p, rng);
    plan_unit_change(p, rng);
    return p;
}

void PopulationModel::make_resident(Person& p, Rng& rng) const {
    p.origin = Origin::kResident;
    p.unit0 = resident_unit(p.index, rng);
    const int cell = age_sex_tables_[static_cast<std::size_t>(p.unit0)].draw(rng);
    p.sex = cell % 2 == 0 ? 'F' : 'M';
    p.birth = draw_birth(cell / 2, base_day_, rng);
    p.distance0 = draw_distance(p.unit0, rng);
    p.unit1 = p.unit0;
    p.distance1 = p.distance0;
}

int PopulationModel::resident_unit(std::uint64_t index, Rng& rng) const {
    if (resident_bounds_.empty())
        return unit_table_.draw(rng);
    // A keyed shuffle of the residents, cut into the units' exact shares: every unit gets
    // its size while ids and units still look unrelated.
    const std::uint64_t slot = shuffled_index(index, base_persons_, seed_);
    const auto it = std::upper_bound(resident_bounds_.begin(), resident_bounds_.end(), slot);
    return static_cast<int>(it - resident_bounds_.begin());
}

void PopulationModel::make_newcomer(Person& p, Rng& rng) const {
    p.arrival = draw_day_after_base(rng);
    const auto births = static_cast<std::uint64_t>(region_.births_per_100k);
    const bool born =
        rng.below(births + static_cast<std::uint64_t>(region_.move_ins_per_100k)) < births;
    if (born) {
        p.origin = Origin::kBorn;
        p.birth = p.arrival;
        p.sex = rng.per_mille(static_cast<std::uint64_t>(female_per_mille(0))) ? 'F' : 'M';
    } else {
        p.origin = Origin::kMovedIn;
        const int cell = mover_age_table_.draw(rng);
        p.sex = cell % 2 == 0 ? 'F' : 'M';
        p.birth = draw_birth(cell / 2, p.arrival, rng);
    }
    p.unit0 = unit_table_.draw(rng);
    p.distance0 = draw_distance(p.unit0, rng);
    p.unit1 = p.unit0;
    p.distance1 = p.distance0;
}

// Death (mostly the old) or a move out of the region, somewhere after the person is
// first seen; nobody lives to 105.
void PopulationModel::plan_exit(Person& p, Rng& rng) const {
    const Day start = std::max(p.arrival, base_day_);
    if (end_day_ <= start)
        return;
    const Day span = end_day_ - start;
    const int age = p.age_on(start);
    const auto dies =
        rng.below(100000) < over_days(static_cast<std::uint64_t>(death_per_100k(age)), span);
    const Day death_day = start + 1 + static_cast<Day>(rng.below(static_cast<std::uint64_t>(span)));
    const auto leaves =
        rng.below(100000) < over_days(static_cast<std::uint64_t>(move_out_per_100k(age)), span);
    const Day leave_day = start + 1 + static_cast<Day>(rng.below(static_cast<std::uint64_t>(span)));
    if (dies)
        p.exit = death_day;
    if (leaves)
        p.exit = std::min(p.exit, leave_day);

    const Day turns_105 = day_reaching_age(p.birth, kMaxAge + 1);
    if (p.exit > turns_105) {
        p.exit =
            start + 1 + static_cast<Day>(rng.below(static_cast<std::uint64_t>(turns_105 - start)));
    }
}

// A few persons choose another unit, usually a nearby one. Only those changing to or
// from a unit outside the region's central town are taken to have moved house.
void PopulationModel::plan_unit_change(Person& p, Rng& rng) const {
    const Day start = std::max(p.arrival, base_day_);
    if (end_day_ <= start)
        return;
    const Day span = end_day_ - start;
    if (rng.below(100000) >=
        over_days(static_cast<std::uint64_t>(region_.unit_changes_per_100k), span))
        return;
    const Day day = start + 1 + static_cast<Day>(rng.below(static_cast<std::uint64_t>(span)));
    const int unit = draw_other_unit(p.unit0, rng);
    const int distance = draw_distance(unit, rng);
    if (day >= p.exit)
        return;
    p.switch_day = day;
    p.unit1 = unit;
    p.distance1 = in_town(unit) && in_town(p.unit0) ? p.distance0 : distance;
}

int PopulationModel::draw_other_unit(int unit, Rng& rng) const {
    const Neighbours& near = neighbours_[static_cast<std::size_t>(unit)];
    const auto count = static_cast<std::uint64_t>(
        std::count_if(near.begin(), near.end(), [](int n) { return n >= 0; }));
    if (count > 0 &&
        rng.per_mille(static_cast<std::uint64_t>(region_.neighbour_choice_per_mille))) {
        return near[rng.below(count)];  // neighbours are listed first, -1 after
    }
    for (;;) {
        const int other = unit_table_.draw(rng);
        if (other != unit)
            return other;
    }
}

// Persons live spread around the unit's centre: a triangular distribution, in tenths
// of a km so that the one-decimal output is exact.
int PopulationModel::draw_distance(int unit, Rng& rng) const {
    const UnitSpec& u = region_.units[static_cast<std::size_t>(unit)];
    const std::int64_t s = u.spread_tenths;
    const std::int64_t noise = (rng.between(0, 2 * s) + rng.between(0, 2 * s) - 2 * s) / 2;
    return static_cast<int>(std::max<std::int64_t>(1, u.centre_tenths + noise));
}

// A birth date giving exactly `age` completed years on `on`.
Day PopulationModel::draw_birth(int age, Day on, Rng& rng) const {
    const Day latest = add_years(on, -age);
    const Day earliest = add_years(on, -(age + 1)) + 1;
    Day birth =
        earliest + static_cast<Day>(rng.below(static_cast<std::uint64_t>(latest - earliest + 1)));
    // 29 February edge cases: step into the right year of age.
    while (age_at(birth, on) > age)
        ++birth;
    while (age_at(birth, on) < age)
        --birth;
    return birth;
}

Day PopulationModel::draw_day_after_base(Rng& rng) const {
    if (end_day_ <= base_day_)
        return base_day_;
    return base_day_ + 1 +
           static_cast<Day>(rng.below(static_cast<std::uint64_t>(end_day_ - base_day_)));
}

}  // namespace gen
