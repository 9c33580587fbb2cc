#pragma once
// The synthetic population: who lives in the region, when they arrive and leave, which
// unit they are listed at and how far from the hospital they live.
//
// Person i is a pure function of (seed, i): the generator never stores the population,
// it regenerates each person in every pass, so memory does not grow with its size.
// Persons 0..base-1 live in the region on the base date (the earliest month of
// interest); the rest are newcomers (births and moves in) arriving after it. Ids grow
// with arrival order, as new registrations would.
#include <cstdint>
#include <limits>
#include <vector>

#include "civil_date.hpp"
#include "region.hpp"
#include "rng.hpp"

namespace gen {

constexpr Day kLongAgo = std::numeric_limits<Day>::min();
constexpr Day kNever = std::numeric_limits<Day>::max();

enum class Origin : std::uint8_t { kResident, kBorn, kMovedIn };

struct Person {
    std::uint64_t index = 0;
    Origin origin = Origin::kResident;
    char sex = 'F';
    Day birth = 0;
    Day arrival = kLongAgo;   // first day in the region (residents: before the base date)
    Day exit = kNever;        // first day no longer in the region (death or move out)
    Day switch_day = kNever;  // first day listed at unit1 instead of unit0
    int unit0 = 0;
    int unit1 = 0;
    int distance0 = 0;  // tenths of a km, while at unit0
    int distance1 = 0;  // tenths of a km, after switching

    bool present(Day day) const { return arrival <= day && day < exit; }
    int unit_at(Day day) const { return day >= switch_day ? unit1 : unit0; }
    int distance_at(Day day) const { return day >= switch_day ? distance1 : distance0; }
    int age_on(Day day) const { return age_at(birth, day); }
};

// Cumulative integer weights: draws by binary search on a uniform integer.
class WeightedTable {
  public:
    void add(std::uint64_t weight) { cumulative_.push_back(total() + weight); }
    std::uint64_t total() const { return cumulative_.empty() ? 0 : cumulative_.back(); }
    int draw(Rng& rng) const;

  private:
    std::vector<std::uint64_t> cumulative_;
};

// Everything that stays the same for all persons: dates, counts and the sampling tables.
class PopulationModel {
  public:
    PopulationModel(const RegionSpec& region, std::uint64_t seed, std::uint64_t base_persons,
                    Day base_day, Day end_day);

    const RegionSpec& region() const { return region_; }
    std::uint64_t seed() const { return seed_; }
    std::uint64_t base_persons() const { return base_persons_; }
    std::uint64_t total_persons() const { return base_persons_ + newcomers_; }
    Day base_day() const { return base_day_; }
    Day end_day() const { return end_day_; }

    Person make_person(std::uint64_t index) const;
    // Another unit than `unit`, usually a nearby one, else one drawn by size.
    int draw_other_unit(int unit, Rng& rng) const;

  private:
    void make_resident(Person& p, Rng& rng) const;
    int resident_unit(std::uint64_t index, Rng& rng) const;
    void make_newcomer(Person& p, Rng& rng) const;
    void plan_exit(Person& p, Rng& rng) const;
    void plan_unit_change(Person& p, Rng& rng) const;
    bool in_town(int unit) const {
        return region_.units[static_cast<std::size_t>(unit)].centre_tenths <=
               region_.town_radius_tenths;
    }
    int draw_distance(int unit, Rng& rng) const;
    Day draw_birth(int age, Day on, Rng& rng) const;
    Day draw_day_after_base(Rng& rng) const;  // uniform in (base_day, end_day]

    const RegionSpec& region_;
    std::uint64_t seed_;
    std::uint64_t base_persons_;
    std::uint64_t newcomers_ = 0;
    Day base_day_;
    Day end_day_;
    WeightedTable unit_table_;
    std::vector<std::uint64_t> resident_bounds_;  // exact sizes: cumulative residents per unit
    std::vector<WeightedTable> age_sex_tables_;   // per unit: index = age * 2 + (male ? 1 : 0)
    WeightedTable mover_age_table_;
    std::vector<Neighbours> neighbours_;
};

}  // namespace gen
