#pragma once
// What the population model needs to know about a region: its units and their people,
// its age structure and its churn. Each region's data header (jh_data.hpp, vm_data.hpp)
// defines one RegionSpec.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "demography.hpp"

namespace gen {

// The kind of place a unit serves: drives the CNI mix (what kind of deprivation).
enum class Area : std::uint8_t { kTown, kSuburb, kRural, kMountain, kEstate };

struct UnitSpec {
    std::string_view id;
    int size;           // listed persons at scale 1.0
    int centre_tenths;  // typical distance to the region's hospital, 0.1 km
    int spread_tenths;  // how far around the centre its listed persons live
    int age_tilt;       // per mille: < 0 younger, > 0 older than the region
    Area area;
    double cni_index;  // intended CNI index before the region-wide balancing
    bool cni_fixed;    // a published extreme, never rebalanced
    std::array<std::string_view, 3> neighbours;  // nearby units, "" = none
};

struct RegionSpec {
    std::span<const UnitSpec> units;
    std::span<const int, kBands> band_share;  // per 100 000 persons, per 5-year band
    int full_scale_persons;
    // Per 100 000 persons and year.
    int births_per_100k;
    int move_ins_per_100k;
    int unit_changes_per_100k;
    int neighbour_choice_per_mille;  // a new unit is usually a nearby one
    // Units centred at most this far from the hospital share one town: changing between
    // them does not mean moving house.
    int town_radius_tenths;
    // Split the residents over the units exactly in proportion to their sizes, rather
    // than by independent draws, so that a small sample still has every unit's size.
    bool exact_unit_sizes;
    char id_prefix;  // person ids are this letter and a running number
};

// The index of unit `id` in `region.units`, or -1.
int unit_index(const RegionSpec& region, std::string_view id);

// Each unit's nearby units as indexes, -1 for none; neighbours are listed first.
using Neighbours = std::array<int, 3>;
Neighbours neighbour_indexes(const RegionSpec& region, int unit);

}  // namespace gen
