#pragma once
// What `vardval plugins` prints: every component type with its parameters, or one type in
// full (meaning, unit, default, allowed values) with a ready-to-paste example generated from
// its declared schema.
#include <ostream>
#include <string>

#include "vardval/region.hpp"
#include "vardval_host/plugin_host.hpp"
#include "vardval_host/report.hpp"

namespace vardval {

// One type in full. `region` (may be null) supplies the names the example uses for values
// taken from region.yaml (professions, measures, ...); without it they are placeholders.
void write_plugin(std::ostream& out, const RegisteredType& type, const Region* region,
                  const PluginHost* host, Format format);

// A component of `type` as YAML, one item of a model's `components:` list (starting "- id:"),
// with every required parameter, the first of each choice of parameters and what the type's
// checks ask for, so it validates as `vardval validate` checks it. A composite's parts take
// their types from `host`.
std::string example_component(const ComponentType& type, const Region* region,
                              const PluginHost* host = nullptr);

}  // namespace vardval
