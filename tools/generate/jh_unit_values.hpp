#pragma once
// JH's per-unit values for a month: the patient fees (folded into the capitation from
// 2021), the listed's primary-care visits and all their outpatient visits (whose ratio is
// the coverage, täckningsgrad), the weeks a unit did not meet the opening-hours requirement
// (the penalty), the costs it bears for its listed (kostnadsansvar, 2020); from 2021 the
// share of assessments within the care guarantee's 3 days; from 2023 asylum seekers'
// visits and health examinations and what other regions paid for their patients' visits.
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

#include "civil_date.hpp"
#include "population.hpp"
#include "unit_values_file.hpp"

namespace gen {

class JhUnitValues {
  public:
    explicit JhUnitValues(Month month);

    Month month() const { return month_; }
    // Call for every person listed on the month's first day.
    void add_listed(const Person& p);
    // Writes DIR/unit-values-YYYY-MM.csv, with the `extra` rows (e.g. the psychiatric
    // staffing) after the unit values, and prints what it holds.
    void write(const std::filesystem::path& dir, std::uint64_t seed, bool verbose,
               std::span<const UnitValueRow> extra = {}) const;

  private:
    Month month_;
    std::vector<double> expected_visits_;  // per unit: the listed's primary-care visits
    std::vector<std::uint64_t> listed_;    // per unit: listed on the month's first day
};

}  // namespace gen
