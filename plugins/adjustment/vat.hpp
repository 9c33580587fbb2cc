#pragma once
// adjustment.vat: a percentage of chosen earlier components, for units of one ownership.
// JH pays private units 3 % VAT compensation on the listed-based compensation and a further
// 1.5 % for IT and administration (004 §3.1.2): two components of this type.
#include "vardval/plugin_api.hpp"

namespace vardval::adjustment {

ComponentType vat_type();
void register_types(Registrar& registrar);

}  // namespace vardval::adjustment
