#pragma once
// The man page and the bash completion, written from the CLI11 definitions of the commands
// and options, so they cannot drift from what `vardval` accepts. The build runs
// `vardval --generate man|bash-completion`; `cmake --install` installs the results.
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

namespace vardval::cli {

// `what`: "man" (roff, section 1) or "bash-completion". Returns the exit code.
int write_cli_docs(std::ostream& out, const CLI::App& app, const std::string& what);

}  // namespace vardval::cli
