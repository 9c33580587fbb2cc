#pragma once
// Each unit's täckningsgrad from two unit values: primary-care visits and all outpatient
// visits of the unit's listed. Comparisons and products use the two counts, not a rounded
// ratio, so a unit exactly at a level is never rounded below it.
#include <optional>
#include <string>
#include <vector>

#include "vardval/plugin_api.hpp"

namespace vardval::coverage {

struct Measures {
    std::string primary_care;  // e.g. primary_care_visits
    std::string outpatient;    // e.g. outpatient_visits
};

class UnitCoverage {
  public:
    UnitCoverage(std::optional<Decimal> primary_care, std::optional<Decimal> outpatient)
        : primary_care_(primary_care), outpatient_(outpatient) {}

    // False when a measure is missing or there are no outpatient visits to divide by.
    bool has_ratio() const;
    Decimal ratio() const;              // six decimals; only with has_ratio()
    bool reaches(Decimal level) const;  // primary care ≥ level × outpatient, exactly
    Rational listed_times_ratio(std::int64_t listed) const;  // exact: the basis paid on
    // "täckningsgrad 72.00 % (7 200 of 10 000 outpatient visits)", or why there is none.
    std::string describe(const Measures& measures) const;

  private:
    std::optional<Decimal> primary_care_;
    std::optional<Decimal> outpatient_;
};

// The units' coverage in register order. Throws DataMissing naming the component type,
// measure and period when no unit reports a measure, or a unit lacks one and `if_missing`
// is error; std::runtime_error when a unit's values are impossible (negative, or more
// primary-care visits than outpatient visits).
std::vector<UnitCoverage> read_coverage(const RunContext& ctx, const std::string& type,
                                        const Measures& measures, IfMissing if_missing);

}  // namespace vardval::coverage
