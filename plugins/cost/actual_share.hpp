#pragma once
// cost.actual_share: a fixed budget shared by each unit's share of the region's actual cost
// of a service (Västmanland 2022, §8.4.7: X-ray and clinical physiology, same total budget,
// distributed by use instead of by an age-weighted flat rate). A unit with no cost reported
// gets nothing; the parts sum to the month's budget exactly.
#include "vardval/plugin_api.hpp"

namespace vardval::cost {

ComponentType actual_share_type();

}  // namespace vardval::cost
