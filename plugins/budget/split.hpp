#pragma once
// budget.split: one total budget divided between parts by shares (Stockholm's psychiatry
// 70 % anslag / 30 % visits, Västra Götaland 50 / 50, Östergötland 87 % visits / 13 %
// goal-related; 004 §2). Each part is an ordinary component given its share as a pot
// (`budget_year`), split over units by the part's own basis; a part whose parameters say
// `planned_volume_year` is paid a price derived from its pot instead. The shares of the
// total are split to the öre, so the parts' years add up to the total exactly.
#include "vardval/plugin_api.hpp"

namespace vardval::budget {

ComponentType split_type();
void register_types(Registrar& registrar);

}  // namespace vardval::budget
