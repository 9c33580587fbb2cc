#pragma once
// The command line of vardval-generate: one set of options for every region; each
// region's generator fills in its own defaults for what is left unset.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "civil_date.hpp"

namespace gen {

enum class RegionId { kJamtlandHarjedalen, kVastmanland };

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct MonthRange {
    Month first;
    Month last;
    auto operator<=>(const MonthRange&) const = default;
};

struct Options {
    RegionId region = RegionId::kJamtlandHarjedalen;
    std::filesystem::path out;
    double scale = 0.1;
    std::optional<std::uint64_t> persons;
    std::uint64_t seed = 2020;
    std::vector<Month> listing_months;       // empty: the region's default
    std::vector<MonthRange> visits_periods;  // empty: the region's default
    std::optional<Month> cni_month;          // unset: the region's default
    std::vector<Month> psychiatry_months;    // jamtland-harjedalen: none unless given
    bool no_visits = false;                  // jamtland-harjedalen: write no visits periods
    bool listing_only = false;
    bool verbose = false;
    bool help = false;
};

extern const std::string_view kUsage;

// Throws UsageError on a malformed command line.
Options parse_args(int argc, char** argv);

// Persons listed on the first month: --persons, or the full-scale count times --scale.
std::uint64_t first_month_persons(const Options& options, int full_scale_persons);

}  // namespace gen
