#pragma once
// A resolved model's values one by one, each with the file and line that set it (after
// extends, moves and scaling): what `vardval diff` compares and `vardval new-year` shows.
#include <string>
#include <vector>

#include "vardval_host/model.hpp"

namespace vardval {

struct ResolvedValue {
    std::string
        key;  // "type", "label", "payees", "params.derive.visits_period", "params.bands[2].to"
    std::string value;   // the YAML scalar, or a short text for a list of names
    std::string unit;    // "kr" for money, "" when the kind has no unit
    std::string source;  // "regions/x/2021.yaml:17", "…; scaled at 2022.yaml:95", or "default"
};

// Every scalar of the component, in file order. `type` (null when the type is unknown) adds
// the schema's defaults for top-level parameters the model does not give, and the units.
std::vector<ResolvedValue> resolved_values(const ComponentDecl& component, const ParamSpec* type);

}  // namespace vardval
