#pragma once
// Supplements (tilläggsersättning) for extra assignments:
//  - supplement.per_listed: per listed person in an age range (JH rehabilitation
//    coordinators 16-67; family centre in proportion to listed children 0-5);
//  - supplement.per_place: per place a unit serves, e.g. SÄBO (special housing for the
//    elderly) 10 000 kr and short-term places 24 000 kr a year in JH, 5 000 → 7 000 kr in
//    Västmanland. The number of places is a unit attribute in region.yaml.
#include "vardval/plugin_api.hpp"

namespace vardval::supplement {

ComponentType per_listed_type();
ComponentType per_place_type();
void register_types(Registrar& registrar);

}  // namespace vardval::supplement
