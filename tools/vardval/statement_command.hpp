#pragma once
// `vardval statement`: one unit's month as a statement (ersättningsbesked).
#include <string>

#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace vardval::cli {

struct StatementArgs {
    std::string period;  // YYYY-MM
    std::string unit;
    std::string format = "html";  // html or xlsx
    std::string output;           // the file; html without it goes to stdout
    std::string lang = "sv";
};

// The statement's own options (the model and data options are the shared ones).
void add_statement_options(CLI::App* cmd, StatementArgs& args);
int statement(const Config& config, const ModelChoice& choice, const DataArgs& data,
              const StatementArgs& args);

}  // namespace vardval::cli
