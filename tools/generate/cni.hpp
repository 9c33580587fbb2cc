#pragma once
// Care Need Index (CNI) flags, calibrated so that on the calibration month every unit's
// CNI index comes out at its target (JH 2020-02: Hallen lowest at 0.7878, Järpen highest
// at 1.3146, the others in between).
//
// How: a first pass counts, per unit, the listed persons eligible for each flag by age.
// plan_cni() then decides exactly how many of them get each flag, solving the region
// score's fixed point (the region score depends on all the counts it is used to set).
// While writing, CniAssigner hands out exactly those counts by selection sampling.
// Persons not listed on the calibration month (or not yet eligible) get a flag with the
// unit's calibrated share, so the other months come out close to the targets too.
#include <array>
#include <cstdint>
#include <vector>

#include "cni_variables.hpp"
#include "population.hpp"
#include "region.hpp"
#include "rng.hpp"

namespace gen {

using FlagArray = std::array<std::uint64_t, kCniFlags>;

// Per unit of the region.
struct CniCounts {
    explicit CniCounts(std::size_t units) : listed(units), under5(units), eligible(units) {}

    std::vector<std::uint64_t> listed;
    std::vector<std::uint64_t> under5;
    std::vector<FlagArray> eligible;

    void add(int unit, int age);
};

// Per unit of the region.
struct CniPlan {
    std::vector<FlagArray> picks;                      // flagged persons per flag
    std::vector<std::array<double, kCniFlags>> share;  // picks / eligible
    std::vector<double> target_index;
    std::vector<double> index;  // what the picks give
    double region_score = 0;
};

CniPlan plan_cni(const RegionSpec& region, const CniCounts& counts);

// The six assignable flags a person carries; the output applies the age rules per month.
using LatentFlags = std::array<bool, kCniFlags>;

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
    std::vector<std::array<Quota, kCniFlags>> quotas_;
};

// All seven output flags for someone of `age`, in CSV column order (under5 last).
using OutputFlags = std::array<bool, kCniFlags + 1>;
OutputFlags cni_flags(const LatentFlags& latent, int age);

// The CNI indexes a written listing gives, for the summary.
class CniTally {
  public:
    explicit CniTally(std::size_t units) : listed_(units), weighted100_(units) {}

    void add(int unit, const OutputFlags& flags);
    // Prints the region score and the extremes; with `verbose` every unit and its target.
    void report(const RegionSpec& region, Month month, const CniPlan& plan, bool verbose) const;

  private:
    std::vector<std::uint64_t> listed_;
    std::vector<std::int64_t> weighted100_;  // hundredths: exact
};

}  // namespace gen
