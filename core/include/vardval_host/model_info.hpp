#pragma once
// What a run's resolved model says about its components (labels, sources, parameters and
// which of them are illustrative), read back from the model text stored with the run, so
// a report of a stored run says the same as one of a fresh run.
#include <string>
#include <utility>
#include <vector>

#include "vardval_host/engine.hpp"

namespace vardval {

struct ComponentInfo {
    std::string id;
    std::string type;
    std::string label;  // the model's `label:`, else the id
    std::string source;
    // Every parameter as written, nested keys joined by dots ("variables.under5"), lists as
    // YAML flow text.
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<std::string> illustrative;  // parameter keys the model marks illustrative
};

// The model's components in payment order; empty for a run without its model text (stored
// before vardval kept it). Throws std::runtime_error for a text that is not a snapshot.
std::vector<ComponentInfo> model_components(const RunResult& run);

// The label of a run's component id: a composite's part ("budget.capitation") is its
// composite's label and the part id.
std::string component_label(const std::vector<ComponentInfo>& components, const std::string& id);

// "component.param" for every illustrative parameter, in payment order.
std::vector<std::string> illustrative_params(const std::vector<ComponentInfo>& components);
// Several models' lists as one: each parameter once, in the order first met.
std::vector<std::string> merge_illustrative(const std::vector<std::vector<std::string>>& lists);

}  // namespace vardval
