#pragma once
// cost.share: kostnadsansvar, the unit bears a percentage of a cost (Västmanland: 20 % of
// general drug costs, 50 % of X-ray, 20 % of online-doctor visits). The cost per unit and
// month comes as a unit value in kr; the lines are negative.
#include "vardval/plugin_api.hpp"

namespace vardval::cost {

ComponentType share_type();
void register_types(Registrar& registrar);

}  // namespace vardval::cost
