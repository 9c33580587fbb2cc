#pragma once
// What every vardval command line shares: the global options (accepted before or after the
// command), --version, and a command that does not exist named as such.
#include <string>

#include <CLI/CLI.hpp>

#include "options.hpp"

namespace vardval::cli {

struct GlobalOptions {
    std::string config_file;  // empty: the installation's default config
    std::string db, regions, plugins, log_level;
    bool version = false;
    std::string generate;  // "man" or "bash-completion": print that and stop
};

// Declares the global options on `app` and lets every subcommand declared after this pass
// the options it does not know to `app` (CLI11's fallthrough), so `vardval --db X run` and
// `vardval run --db X` are the same. No command is required here: see check_command.
void add_global_options(CLI::App& app, GlobalOptions& options);

// Before parsing: the first word that is not an option or an option's value must be a
// command. Throws CLI::ParseError "unknown command 'foo'; commands: ..." (exit 1).
void check_command_name(const CLI::App& app, int argc, const char* const* argv);
// After parsing: a command was given (or --version / --generate).
void check_command_given(CLI::App& app, const GlobalOptions& options);

// `--version`: vardval, its plugin API version and every plugin library loaded with its
// plugin name and version. Throws PluginError when the installation's plugins do not load.
int print_version(const Config& config);

}  // namespace vardval::cli
