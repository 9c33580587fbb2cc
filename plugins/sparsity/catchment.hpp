#pragma once
// sparsity.catchment: JH 2021's glesbygdsersättning (sparsity supplement) by distance and
// size (001 §6.1): the listed living beyond a distance from the hospital are paid at an
// amount that depends on the unit's size (its listed, or the people in its catchment area
// from region.yaml), plus an optional fixed amount per unit for small units' fixed costs. The
// sources give no formula, so the size classes and amounts are a table the region sets.
#include "vardval/plugin_api.hpp"

namespace vardval::sparsity {

ComponentType catchment_type();

}  // namespace vardval::sparsity
