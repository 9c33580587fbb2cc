#pragma once
// The one `missing_value` parameter of every component that reads a unit value: what a
// unit without the value means. Declared here once so every type says it the same way.
#include "vardval/aggregates.hpp"
#include "vardval/params.hpp"
#include "vardval/schema.hpp"

namespace vardval {

// missing_value: error|zero, default error.
ParamSpec missing_value_param();
IfMissing read_missing_value(const Params& params);

}  // namespace vardval
