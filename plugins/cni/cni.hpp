#pragma once
// capitation.cni: socioeconomic need by the Care Need Index (CNI). A unit's index is its
// weighted share of listed with each CNI variable relative to the region's; it is paid as
// an average amount × index per listed, or as a share of a capitation budget.
#include <map>
#include <string>

#include "vardval/plugin_api.hpp"

namespace vardval::cni {

// index = (Σ w·count_unit / listed_unit) / (Σ w·count_region / listed_region), exactly;
// zero for a unit without listed or a region without any weighted count. Money is paid on
// this exact value.
Rational exact_index(const std::map<std::string, Decimal>& weights, const UnitListing& unit,
                     const ListingAggregate& region);
// The same rounded to six decimals, for display.
Decimal unit_index(const std::map<std::string, Decimal>& weights, const UnitListing& unit,
                   const ListingAggregate& region);

ComponentType cni_type();
void register_types(Registrar& registrar);

}  // namespace vardval::cni
