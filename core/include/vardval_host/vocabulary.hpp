#pragma once
// The region's declared vocabularies on the host side: reading them from region.yaml,
// refusing an imported name the region does not declare, and checking a model's parameters
// that name them (ParamSpec::names) against the region.
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "vardval/issue.hpp"
#include "vardval/params.hpp"
#include "vardval/region.hpp"

namespace vardval {

// Reads every vocabulary region.yaml declares (`professions: {doctor: läkare, ...}`; a
// measure may be {description, unit, min, max}) into region.vocabularies.
void read_vocabularies(const YAML::Node& doc, const std::string& file, Region& region,
                       std::vector<Issue>& issues);

// The vocabulary, or IssueError at region.yaml (exit 2) when the region does not declare it
// and `needed_by` (e.g. "importing visits") needs it.
const Terms& require_vocabulary(const Region& region, Vocabulary v, const std::string& needed_by);

// Why `name` is not a declared name ("'Doctor' is not in the professions declared in
// regions/x/region.yaml (did you mean 'doctor'?); declared: doctor, nurse"), or nothing.
std::optional<std::string> undeclared(const Region& region, Vocabulary v, const Terms& terms,
                                      const std::string& name);

// Why `value` is outside the measure's declared range, or nothing.
std::optional<std::string> out_of_range(const Term& measure, Decimal value);

// Every value a model's (schema-valid) parameters name from a region vocabulary must be
// declared there: appends an issue at the parameter's line for each one that is not.
void check_vocabulary(const YAML::Node& params, const ParamSpec& spec, const Region& region,
                      const std::string& file, const std::string& path, std::vector<Issue>& issues,
                      const KeyFiles* key_files = nullptr);

}  // namespace vardval
