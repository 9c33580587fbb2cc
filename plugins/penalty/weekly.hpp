#pragma once
// penalty.weekly: vite, a contractual penalty per week a requirement is unmet, capped per
// occasion (JH opening hours: 10 000 kr a week, at most 100 000 kr per occasion, 001 §5.2).
// The weeks unmet in the month come as a unit value; each month's weeks are one occasion.
#include "vardval/plugin_api.hpp"

namespace vardval::penalty {

ComponentType weekly_type();
void register_types(Registrar& registrar);

}  // namespace vardval::penalty
