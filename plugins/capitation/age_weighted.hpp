#pragma once
// capitation.age_weighted: capitation (kapitering) weighted by age band, optionally split by
// sex, paid as a price per weight unit or as a budget pot; weights given in the model or
// derived from reference-period visit statistics.
#include "vardval/plugin_api.hpp"

namespace vardval::capitation {

ComponentType age_weighted_type();
void register_types(Registrar& registrar);

}  // namespace vardval::capitation
