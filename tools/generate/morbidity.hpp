#pragma once
// Västmanland's ACG morbidity weights: per person and year, rising with age and skewed
// (many small weights, a few very large ones). A person's weight class follows a lasting
// personal level with some movement from year to year, so the sick stay mostly sick;
// their contacts follow the same weight.
#include <array>
#include <cstdint>

#include "population.hpp"
#include "vm_data.hpp"

namespace gen {

class Morbidity {
  public:
    explicit Morbidity(std::uint64_t seed);

    // The weight in hundredths for `year`, for someone of `age` that year.
    int weight(const Person& p, int year, int age) const;
    // Relative need of care beyond age: mean 1 within each age group.
    double need_factor(int weight, int age) const;

  private:
    std::uint64_t seed_;
    std::array<double, vm::kAcgAgeGroups> group_mean_{};  // hundredths
};

}  // namespace gen
