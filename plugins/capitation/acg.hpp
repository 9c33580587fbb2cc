#pragma once
// capitation.acg: pay by morbidity. ACG (Adjusted Clinical Groups) is an external grouper
// that gives each person a morbidity weight from their diagnoses; a unit's basis is the sum
// of its listed persons' weights, its ACG points. Paid per point, or as a pot shared by
// points (Västmanland's drug compensation: 25 % of the drug budget by ACG points, 002 §5.4).
#include "vardval/plugin_api.hpp"

namespace vardval::capitation {

ComponentType acg_type();

}  // namespace vardval::capitation
