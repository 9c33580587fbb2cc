#pragma once
// JH's per-unit values for a month under the 2021 model: the patient fees (folded into
// the capitation from 2021), the listed's primary-care visits and all their outpatient
// visits (whose ratio is the coverage, täckningsgrad) and the weeks a unit did not meet
// the opening-hours requirement (the penalty).
#include <cstdint>
#include <filesystem>
#include <vector>

#include "civil_date.hpp"
#include "population.hpp"

namespace gen {

class JhUnitValues {
  public:
    explicit JhUnitValues(Month month);

    Month month() const { return month_; }
    // Call for every person listed on the month's first day.
    void add_listed(const Person& p);
    // Writes DIR/unit-values-YYYY-MM.csv and prints what it holds.
    void write(const std::filesystem::path& dir, std::uint64_t seed, bool verbose) const;

  private:
    Month month_;
    std::vector<double> expected_visits_;  // per unit: the listed's primary-care visits
};

}  // namespace gen
