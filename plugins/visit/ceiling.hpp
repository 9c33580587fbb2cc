#pragma once
// The region-wide ceiling on paid visits (Västmanland 2021: 695 000 visits a year).
//
// The year's ceiling applies as 1/12 a month. When the region's paid visits in the month
// exceed it, every unit's visit pay is scaled by ceiling / paid visits (pro rata): the
// region's month total at list prices times that factor is rounded once to whole öre, and
// that scaled total is split over the units by largest remainder in proportion to their pay
// at list prices, so the lines sum to it exactly. When it does not bind, nothing is scaled.
// The ceiling counts visits, not visits weighted by contact-type factors, because it is
// published as a number of visits.
#include <cstdint>
#include <string>

#include "vardval/decimal.hpp"
#include "vardval/money.hpp"

namespace vardval::visit {

class VisitCeiling {
  public:
    explicit VisitCeiling(std::int64_t visits_year) : visits_year_(visits_year) {}

    bool binds(std::int64_t region_visits) const;
    // The scaled month total: region_value_ore × ceiling / (12 × region_visits), rounded.
    Ore scaled_total(Decimal region_value_ore, std::int64_t region_visits) const;
    // Öre per weighted visit after scaling, for a line's rate (the amount comes from the
    // largest-remainder split, not from this rate).
    Decimal scaled_rate(Decimal value_ore, Decimal weighted_visits,
                        std::int64_t region_visits) const;
    // "the region's 60 000 paid visits exceed the monthly ceiling 57 916.67 (695 000 / 12),
    // so all visit pay is scaled by 695 000 / (12 × 60 000) = 0.965278"
    std::string describe(std::int64_t region_visits) const;

  private:
    std::int64_t visits_year_;
};

}  // namespace vardval::visit
