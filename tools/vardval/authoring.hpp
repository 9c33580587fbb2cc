#pragma once
// Configuring a contract year (authoring_commands.cpp): one component type in full, the JSON
// Schema of a model file, a new year's skeleton, what a year changes, validating a folder,
// and the check that a model is run on a month of its own year.
#include <string>
#include <vector>

#include "options.hpp"
#include "vardval/period.hpp"

namespace vardval::cli {

// `vardval plugins TYPE [--region R]`: the type in full with an example; exit 1 for an
// unknown type (with a "did you mean").
int plugin_type(const Config& config, const std::string& type, const std::string& region,
                Format format);
// `vardval schema`: the JSON Schema of a model file, on stdout.
int schema(const Config& config);

struct NewYearArgs {
    std::string region;
    int from = 0;
    int to = 0;
};
// Writes regions/<region>/<to>.yaml extending <from>.yaml, changing nothing, and validates it.
int new_year(const Config& config, const NewYearArgs& args);

// Two models, each a year of --region or a file.
struct DiffArgs {
    ModelChoice base, proposal;
    std::vector<std::string> files;  // two positionals instead
};
int diff(const Config& config, DiffArgs args, Format format);

// `validate --model FOLDER` checks every *.yaml in it; otherwise cli::validate.
int validate_path(const Config& config, const ModelChoice& choice, Format format);

// A model computed for a month outside its year: a warning naming both, an IssueError
// (exit 2) with `strict`.
void check_period_in_year(const Model& model, const PeriodRange& months, bool strict);

}  // namespace vardval::cli
