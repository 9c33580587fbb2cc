#include "ceiling.hpp"

#include "vardval/payment.hpp"
#include "visit_rule.hpp"

namespace vardval::visit {

bool VisitCeiling::binds(std::int64_t region_visits) const {
    return 12 * static_cast<Int128>(region_visits) > visits_year_;  // visits > year / 12
}

Ore VisitCeiling::scaled_total(Decimal region_value_ore, std::int64_t region_visits) const {
    return round_div(static_cast<Int128>(region_value_ore.raw()) * visits_year_,
                     static_cast<Int128>(12) * region_visits * Decimal::kScale);
}

Decimal VisitCeiling::scaled_rate(Decimal value_ore, Decimal weighted_visits,
                                  std::int64_t region_visits) const {
    if (weighted_visits.is_zero())
        return Decimal();
    return Decimal::from_raw(
        round_div(static_cast<Int128>(value_ore.raw()) * visits_year_ * Decimal::kScale,
                  static_cast<Int128>(12) * region_visits * weighted_visits.raw()));
}

std::string VisitCeiling::describe(std::int64_t region_visits) const {
    const std::string monthly = "the monthly ceiling " +
                                format_decimal(Decimal::from_ratio(visits_year_, 12), 2) + " (" +
                                format_decimal(Decimal::from_int(visits_year_), 0) + " / 12)";
    const std::string visits = "the region's " + count_visits(region_visits, "paid");
    if (!binds(region_visits))
        return visits + (region_visits == 1 ? " is" : " are") + " within " + monthly +
               ", so nothing is scaled";
    return visits + " exceed " + monthly + ", so all visit pay is scaled by " +
           format_decimal(Decimal::from_int(visits_year_), 0) + " / (12 × " +
           format_decimal(Decimal::from_int(region_visits), 0) +
           ") = " + format_decimal(Decimal::from_ratio(visits_year_, 12 * region_visits), 6);
}

}  // namespace vardval::visit
