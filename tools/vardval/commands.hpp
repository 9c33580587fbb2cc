#pragma once
// The subcommands of `vardval`. Each returns an exit code; errors are thrown and mapped to
// exit codes in main.cpp.
#include <optional>
#include <string>
#include <vector>

#include "options.hpp"

namespace vardval::cli {

int plugins(const Config& config, Format format);
int validate(const Config& config, const ModelChoice& choice);

struct ImportArgs {
    std::string region;
    std::string kind;
    std::string period;
    std::string file;
    bool allow_rejects = false;
    std::string rejects_out;
};
int import(const Config& config, const ImportArgs& args);

int run(const Config& config, const ModelChoice& choice, const std::string& period, Format format,
        bool store);
int explain(const Config& config, const ModelChoice& choice, const std::string& period,
            const std::string& unit);
// Base and proposal for the same region and month, per unit and component.
int compare(const Config& config, const ModelChoice& base, const ModelChoice& proposal,
            const std::string& period, Format format);
// Two or more models (files, or folders of *.yaml) on the same month's data, one column each.
int compare_models(const Config& config, const std::string& region,
                   const std::vector<std::string>& models, const std::string& period,
                   Format format);
int datasets(const Config& config, const std::string& region);

}  // namespace vardval::cli
