#pragma once
// A component's parameters checked as the host checks them, in one place for the model
// validator and the plugin tests: the type's schema, then the rules of the payment
// parameters (Payment::check, for every type, so no plugin can forget them), then the type's
// own cross-field checks.
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "vardval/issue.hpp"
#include "vardval/params.hpp"
#include "vardval/plugin_api.hpp"

namespace vardval {

// Appends every problem with `params` for `type`; `path` names the parameters in messages,
// e.g. "component 'cni'.params".
void validate_component_params(const ComponentType& type, const YAML::Node& params,
                               const std::string& file, const std::string& path,
                               std::vector<Issue>& issues, const KeyFiles& key_files = {});

}  // namespace vardval
