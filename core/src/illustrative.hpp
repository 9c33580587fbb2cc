#pragma once
// A component's `illustrative:` list, read where the model is loaded (model.cpp).
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "vardval/issue.hpp"

namespace vardval {

// `illustrative: [key, ...]`: the parameters whose values the sources do not give, which
// every output made from them says; each must be a key of the component's merged `params`
// (nested keys joined by dots). Unknown keys are reported with the closest one.
std::vector<std::string> read_illustrative(const YAML::Node& node, const YAML::Node& params,
                                           const std::string& file, const std::string& key_path,
                                           std::vector<Issue>& issues);

}  // namespace vardval
