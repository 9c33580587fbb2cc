#pragma once
// A JSON Schema (draft 2020-12) of a model file, built from the parameter schemas the loaded
// plugins declare, so an editor with the YAML language server completes and checks a model
// while it is typed (`vardval schema`).
#include <string>

#include "vardval_host/plugin_host.hpp"

namespace vardval {

std::string model_json_schema(const PluginHost& host);

}  // namespace vardval
