#pragma once
// Västmanland's per-unit values for a month: continuity indexes (this year's and last
// year's), the share with a named regular doctor, approved plans and reports, and the
// costs the unit is responsible for or compensated by (drugs, X-ray, clinical
// physiology, online-doctor visits), plus the patient fees it took.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "civil_date.hpp"
#include "population.hpp"
#include "vm_contacts.hpp"

namespace gen {

class VmUnitValues {
  public:
    VmUnitValues(Month month, std::size_t units);

    Month month() const { return month_; }
    // Call for every person listed on the month's first day.
    void add_listed(const Person& p);
    // Call for every contact of the month, the visitors' too.
    void add_contact(const Contact& c);
    // Writes DIR/unit-values-YYYY-MM.csv and prints what it holds.
    void write(const std::filesystem::path& dir, const RegionSpec& region, std::uint64_t seed,
               bool verbose) const;

  private:
    Month month_;
    std::vector<std::uint64_t> listed_;
    std::vector<double> drug_weight_;  // the listed's drug-cost weights by age
    std::vector<std::uint64_t> fee_charged_;
};

}  // namespace gen
