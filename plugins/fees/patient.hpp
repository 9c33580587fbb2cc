#pragma once
// fees.patient: patient fees (patientavgifter) the units collect. Either the unit keeps
// them (JH until 2020: the fees are the unit's income, the region pays nothing, and the
// line shows them at zero so the statement is complete), or they are folded into the
// capitation (JH 2021 majority proposal): the unit hands the fees over, a negative line,
// and the region raises the capitation instead.
#include "vardval/plugin_api.hpp"

namespace vardval::fees {

ComponentType patient_type();
void register_types(Registrar& registrar);

}  // namespace vardval::fees
