#pragma once
// cost.per_event: the unit bears a fixed cost for each registered event (Västmanland 2021: the
// digital CBT licence, 590 kr per started programme, 002 §8.4.6), as negative lines.
#include "vardval/plugin_api.hpp"

namespace vardval::cost {

ComponentType per_event_type();

}  // namespace vardval::cost
