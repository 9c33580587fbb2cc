#pragma once
// Care Need Index (CNI) flags, calibrated so that on the calibration month (2020-02)
// every unit's CNI index comes out at its target: Hallen lowest at 0.7878, Järpen
// highest at 1.3146, the others in between.
//
// How: a first pass counts, per unit, the listed persons eligible for each flag by age.
// plan_cni() then decides exactly how many of them get each flag, solving the region
// score's fixed point (the region score depends on all the counts it is used to set).
// While writing, CniAssigner hands out exactly those counts by selection sampling.
// Persons not listed on the calibration month (or not yet eligible) get a flag with the
// unit's calibrated share, so the other months come out close to the targets too.
#include <array>
#include <cstdint>

#include "jh_data.hpp"
#include "population.hpp"
#include "rng.hpp"

namespace gen {

constexpr std::size_t kUnitCount = jh::kUnits.size();
using FlagArray = std::array<std::uint64_t, jh::kCniFlags>;

struct CniCounts {
    std::array<std::uint64_t, kUnitCount> listed{};
    std::array<std::uint64_t, kUnitCount> under5{};
    std::array<FlagArray, kUnitCount> eligible{};

    void add(int unit, int age);
};

struct CniPlan {
    std::array<FlagArray, kUnitCount> picks{};  // flagged persons per unit and flag
    std::array<std::array<double, jh::kCniFlags>, kUnitCount> share{};  // picks / eligible
    std::array<double, kUnitCount> target_index{};
    std::array<double, kUnitCount> index{};  // what the picks give
    double region_score = 0;
};

CniPlan plan_cni(const CniCounts& counts);

// The six assignable flags a person carries; the output applies the age rules per month.
using LatentFlags = std::array<bool, jh::kCniFlags>;

class CniAssigner {
  public:
    CniAssigner(const CniPlan& plan, const CniCounts& counts, std::uint64_t seed,
                Day calibration_day, Day base_day);

    // Must be called once for every person, in index order (the quotas are sequential).
    LatentFlags latent(const Person& p);

    bool all_quotas_used() const;

  private:
    const CniPlan& plan_;
    std::uint64_t seed_;
    Day calibration_day_;
    Day base_day_;
    std::array<std::array<Quota, jh::kCniFlags>, kUnitCount> quotas_{};
};

// All seven output flags for someone of `age`, in CSV column order (under5 last).
std::array<bool, jh::kCniFlags + 1> cni_flags(const LatentFlags& latent, int age);

}  // namespace gen
