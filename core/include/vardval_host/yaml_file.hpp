#pragma once
// Reading a YAML file the way every model and region file is read. yaml-cpp keeps both
// entries of a key given twice in one mapping, and a lookup finds only one of them, so a
// second `average_per_listed_year:` would silently change (or not change) what is paid:
// every file is checked for duplicate keys right after it is parsed.
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "vardval/issue.hpp"

namespace vardval {

// Parses `path`; throws IssueError (exit 2) if it is missing, is not valid YAML or gives a
// key twice in one mapping (naming the file and line of both). `what` names the kind of
// file in the error, e.g. "model" or "region".
YAML::Node load_yaml_file(const std::string& path, const std::string& what);

// Appends an issue for every key given twice in one mapping anywhere under `node`.
void find_duplicate_keys(const YAML::Node& node, const std::string& file,
                         std::vector<Issue>& issues);

}  // namespace vardval
