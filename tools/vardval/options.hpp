#pragma once
// What every command shares: the installation config, and how a model is named
// (--region R --year Y, or --model FILE).
#include <filesystem>
#include <string>
#include <vector>

#include "vardval/region.hpp"
#include "vardval_host/model.hpp"
#include "vardval_host/report.hpp"

namespace vardval::cli {

// Documented exit codes (README "Exit codes").
enum ExitCode : int {
    kOk = 0,
    kUsage = 1,          // bad command line
    kInvalidModel = 2,   // model or region file invalid
    kBadData = 3,        // rejected rows, unreadable file, dataset missing
    kPluginError = 4,    // a plugin library could not be loaded
    kDatabaseError = 5,  // database unreachable or a statement failed
    kInternal = 6,       // a bug: e.g. a ledger that does not reconcile
    kVerifyDiffers = 7,  // `runs verify`: computed again, the money differs from the stored run
    kTestFailed = 8,     // `test`: an office test failed, or could not run
};

struct Config {
    std::string database;
    std::filesystem::path regions_dir;
    std::filesystem::path plugin_dir;
    // The libraries loaded from plugin_dir (file names); nothing else there is loaded.
    std::vector<std::string> plugin_libraries;
    std::string log_level = "info";
};

// Where an installation keeps its shared files, found from the running binary, never from
// the source tree it was built from: <prefix>/bin/vardval beside <prefix>/share/vardval/
// (config/vardval.yaml, regions/). The build tree has the same layout (build/share/vardval
// links to the source's config/ and regions/).
std::filesystem::path installation_data_dir();
std::filesystem::path default_config_file();  // <data dir>/config/vardval.yaml

// The log levels `--log-level` and `log_level:` accept.
const std::vector<std::string>& log_levels();

// Reads the config file and applies command-line overrides. An empty `config_file` means the
// default one, which may be absent (built-in defaults); a config file given that does not
// exist is an error (std::invalid_argument, exit 1). Relative paths in the file (database,
// regions, plugins) are relative to the file's folder; on the command line, to the current one.
Config load_config(const std::string& config_file, const std::string& db,
                   const std::string& regions, const std::string& plugins,
                   const std::string& log_level);

struct ModelChoice {
    std::string region;
    int year = 0;
    std::string model_file;

    std::string path(const Config& config) const;  // the model file to read
};

struct LoadedModel {
    Model model;
    Region region;
    std::filesystem::path sample_dir;
};

// Loads the model, then the region it names. Throws IssueError.
LoadedModel load(const ModelChoice& choice, const Config& config);
// Loads only the model, checking it is for choice.region when given. Throws IssueError.
Model load_model_of(const ModelChoice& choice, const Config& config);

Format parse_format(const std::string& text);
// "table", "csv", "json", "csv-sv", "xlsx" or "html": what parse_format reads.
const char* format_name(Format format);

}  // namespace vardval::cli
