#include "cli_conventions.hpp"

#include <iostream>
#include <set>

#include "commands.hpp"
#include "vardval/plugin_api.hpp"
#include "vardval_host/plugin_host.hpp"
#include "vardval_host/provenance.hpp"

namespace vardval::cli {
namespace {

std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* cmd : app.get_subcommands({}))
        names.push_back(cmd->get_name());
    return names;
}

std::string commands_text(const CLI::App& app) {
    return "commands: " + join(command_names(app)) + " (vardval COMMAND --help for each)";
}

}  // namespace

void add_global_options(CLI::App& app, GlobalOptions& options) {
    app.fallthrough();
    app.require_subcommand(0, 1);
    app.add_option("--config", options.config_file,
                   "installation config file (default: share/vardval/config/vardval.yaml "
                   "beside the binary's bin/; a file given must exist)");
    app.add_option("--db", options.db,
                   "SOCI connection string: sqlite3://db=FILE (default from config: "
                   "sqlite3://db=vardval.db) or postgresql://dbname=... host=...");
    app.add_option("--regions", options.regions, "folder of region folders (default from config)");
    app.add_option("--plugins", options.plugins,
                   "folder of plugin libraries (default: next to the binary)");
    app.add_option("--log-level", options.log_level, join(log_levels(), ", "))
        ->check(CLI::IsMember(log_levels()));
    app.add_flag("--version", options.version,
                 "print the versions of vardval, its plugin API and its plugins");
    // Used by the build to write the man page and the bash completion from these definitions.
    app.add_option("--generate", options.generate, "man or bash-completion")
        ->check(CLI::IsMember({"man", "bash-completion"}))
        ->group("");
}

void check_command_name(const CLI::App& app, int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word == "--")
            return;
        if (word.rfind("-", 0) == 0) {
            // A global option's value is the next word unless given as --option=value.
            const CLI::Option* option = app.get_option_no_throw(word);
            if (option && option->get_expected_min() > 0 && word.find('=') == std::string::npos)
                ++i;
            continue;
        }
        const std::vector<std::string> names = command_names(app);
        if (std::find(names.begin(), names.end(), word) != names.end())
            return;
        throw CLI::ParseError("unknown command '" + word + "'" + did_you_mean(word, names) + "; " +
                                  commands_text(app),
                              CLI::ExitCodes::ExtrasError);
    }
}

void check_command_given(CLI::App& app, const GlobalOptions& options) {
    if (app.get_subcommands().empty() && !options.version && options.generate.empty())
        throw CLI::ParseError("a command is required; " + commands_text(app),
                              CLI::ExitCodes::RequiredError);
}

int print_version(const Config& config) {
    std::cout << "vardval " << vardval_version() << "\nplugin API version " << ABI_VERSION << "\n";
    PluginHost host;
    load_plugins(host, config);
    std::cout << "plugins (" << config.plugin_dir.string() << "):\n";
    std::set<std::string> printed;
    std::vector<const RegisteredType*> types = host.types();
    std::sort(types.begin(), types.end(), [](const RegisteredType* a, const RegisteredType* b) {
        return a->library_file < b->library_file;
    });
    for (const RegisteredType* t : types)
        if (printed.insert(t->library_file).second)
            std::cout << "  " << t->plugin_name << " " << t->plugin_version << " ("
                      << std::filesystem::path(t->library_file).filename().string() << ")\n";
    return kOk;
}

}  // namespace vardval::cli
