#pragma once
// Goal-related pay (målrelaterad ersättning) from per-unit indicator values:
//  - goal.approved: a fixed amount per unit with an approved plan (Västmanland diabetes
//    45 000 kr), or a pot shared per listed among approved units (action plan 2.5 mkr);
//  - goal.ranked: a pot shared by the N best units on an indicator in proportion to their
//    listed (continuity 1.5 mkr to the 10 best). Units tied with the N-th are all included,
//    so a tie never excludes a unit that did as well as one that was paid;
//  - goal.threshold: pay for units whose indicator reaches a level or improves by a share;
//  - goal.per_event: a price per registered event (health talk for 50-year-olds 1 000 kr,
//    SIP at most one per patient a month, memory investigation capped at 3 mkr a year).
#include <functional>

#include "vardval/payment.hpp"
#include "vardval/plugin_api.hpp"

namespace vardval::goal {

ComponentType approved_type();
ComponentType ranked_type();
ComponentType threshold_type();
ComponentType per_event_type();
void register_types(Registrar& registrar);

// `pot_shared`: how a pot is shared among qualifying units, per listed (the default) or
// equally per unit (for payees without a listing, such as psychiatric clinics).
ParamSpec pot_shared_param();
bool pot_shared_per_listed(const Params& params);

// Pays the units for which `qualifies` holds: a fixed amount each (price mode) or a pot
// shared by their listed or equally (budget mode). `why` gives the first half of each
// explanation.
std::vector<LedgerLine> pay_qualifying(const Payment& payment, bool pot_per_listed,
                                       const RunContext& ctx,
                                       const std::function<bool(const std::string&)>& qualifies,
                                       const std::function<std::string(const std::string&)>& why);

}  // namespace vardval::goal
