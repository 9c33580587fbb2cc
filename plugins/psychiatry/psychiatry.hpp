#pragma once
// Psychiatry payment forms (004 §3: anslag, per visit, episode, value-based, a fixed amount
// per completed assessment or rehabilitation), each a component type that a model pays on
// its own or as a part of a budget.split:
//  - psychiatry.appropriation: anslag, a fixed annual amount per unit paid monthly (JH's
//    specialised psychiatry), or a pot split in proportion to those amounts;
//  - psychiatry.visit: per contact by contact type and profession (Stockholm, Uppsala,
//    Skåne: 100 % per visit; Stockholm and Västra Götaland clinics 30 % and 50 %);
//  - psychiatry.episode: one amount per episode of care by class (single or multi-visit)
//    and diagnosis group (Kronoberg, Halland);
//  - psychiatry.value_based: the episode amount with a bonus when the patient reports
//    improvement and a deduction when worse;
//  - psychiatry.completion: a fixed amount per completed assessment or rehabilitation
//    (Stockholm), from events.
// Every type pays a price (per contact, episode or completion), a pot (budget_year) split by
// largest remainder in proportion to the units' bases, or a price derived from a pot
// (budget_year / planned_volume_year); see vardval/payment.hpp.
#include "vardval/plugin_api.hpp"

namespace vardval::psychiatry {

ComponentType appropriation_type();
ComponentType visit_type();
ComponentType episode_type();
ComponentType value_based_type();
ComponentType completion_type();
void register_types(Registrar& registrar);

}  // namespace vardval::psychiatry
