#pragma once
// sparsity.distance: glesbygdsersättning (sparsity supplement) per listed person living
// more than a distance from the hospital, by each person's registered address.
#include "vardval/plugin_api.hpp"

namespace vardval::sparsity {

ComponentType distance_type();
void register_types(Registrar& registrar);

}  // namespace vardval::sparsity
