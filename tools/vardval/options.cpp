#include "options.hpp"

#include <algorithm>

#include <yaml-cpp/yaml.h>

#include "vardval_host/plugin_host.hpp"
#include "vardval_host/yaml_file.hpp"

namespace fs = std::filesystem;

namespace vardval::cli {
namespace {

Issue config_issue(const std::string& file, const YAML::Node& node, const std::string& key,
                   const std::string& message) {
    return Issue{file, node.Mark().line + 1, node.Mark().column + 1, key, message};
}

// `plugin_libraries:` a list of file names in the plugin folder, each once.
std::vector<std::string> plugin_libraries(const std::string& file, const YAML::Node& node) {
    const std::string key = "plugin_libraries";
    const std::string valid = "; valid: a list of library file names in the plugin folder, e.g. [" +
                              join(shipped_plugin_libraries()) + "]";
    if (!node.IsSequence())
        throw IssueError("invalid config", {config_issue(file, node, key, "not a list" + valid)});
    std::vector<std::string> names;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node item = node[i];
        const std::string at = key + "[" + std::to_string(i) + "]";
        if (!item.IsScalar() || item.Scalar().empty() ||
            item.Scalar().find('/') != std::string::npos)
            throw IssueError("invalid config",
                             {config_issue(file, item, at, "not a file name" + valid)});
        if (std::find(names.begin(), names.end(), item.Scalar()) != names.end())
            throw IssueError(
                "invalid config",
                {config_issue(file, item, at, "'" + item.Scalar() + "' is listed twice")});
        names.push_back(item.Scalar());
    }
    return names;
}

// A relative SQLite file in a connection string is relative to `base`: "sqlite3://db=FILE",
// "sqlite3://dbname=FILE" or a bare FILE, as the storage layer accepts them. Other databases,
// absolute paths and SQLite's special names (":memory:", "file:" URIs) are kept as written.
std::string database_relative_to(const std::string& connection, const fs::path& base) {
    const std::string scheme = "sqlite3://";
    const bool sqlite = connection.rfind(scheme, 0) == 0;
    if (!sqlite && connection.find("://") != std::string::npos)
        return connection;
    std::string params = sqlite ? connection.substr(scheme.size()) : "db=" + connection;
    // The file is the value of db= (or dbname=), up to the next space-separated parameter.
    std::size_t at = std::string::npos;
    for (const std::string key : {"db=", "dbname="}) {
        const std::size_t found = params.find(key);
        if (found != std::string::npos && (found == 0 || params[found - 1] == ' ')) {
            at = found + key.size();
            break;
        }
    }
    if (at == std::string::npos)
        return connection;
    const std::string file = params.substr(at, params.find(' ', at) - at);
    if (file.empty() || file[0] == ':' || file[0] == '"' || file[0] == '\'' ||
        file.rfind("file:", 0) == 0 || fs::path(file).is_absolute())
        return connection;
    params.replace(at, file.size(), (base / file).lexically_normal().string());
    return scheme + params;
}

void read_config_file(const std::string& config_file, Config& config) {
    // A database or plugin list given twice must not silently pick one.
    const YAML::Node doc = load_yaml_file(config_file, "config");
    const fs::path base = fs::path(config_file).parent_path();
    for (const auto& kv : doc) {
        const std::string key = kv.first.Scalar();
        if (key == "database") {
            config.database = database_relative_to(kv.second.Scalar(), base);
        } else if (key == "regions") {
            config.regions_dir = base / kv.second.Scalar();
        } else if (key == "plugins") {
            config.plugin_dir = base / kv.second.Scalar();
        } else if (key == "plugin_libraries") {
            config.plugin_libraries = plugin_libraries(config_file, kv.second);
        } else if (key == "log_level") {
            config.log_level = kv.second.Scalar();
            const auto& valid = log_levels();
            if (std::find(valid.begin(), valid.end(), config.log_level) == valid.end())
                throw IssueError("invalid config",
                                 {config_issue(config_file, kv.first, key,
                                               "unknown log level '" + config.log_level +
                                                   "'; valid: " + join(valid))});
        } else {
            throw IssueError("invalid config",
                             {config_issue(config_file, kv.first, key,
                                           "unknown key '" + key +
                                               "'; valid keys: database, regions, plugins, "
                                               "plugin_libraries, log_level")});
        }
    }
}

}  // namespace

fs::path installation_data_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return (ec ? fs::path() : exe.parent_path().parent_path()) / "share" / "vardval";
}

fs::path default_config_file() {
    return installation_data_dir() / "config" / "vardval.yaml";
}

const std::vector<std::string>& log_levels() {
    static const std::vector<std::string> levels{"trace", "debug", "info", "warn", "error"};
    return levels;
}

Config load_config(const std::string& config_file, const std::string& db,
                   const std::string& regions, const std::string& plugins,
                   const std::string& log_level) {
    const fs::path file = config_file.empty() ? default_config_file() : fs::path(config_file);
    if (!config_file.empty() && !fs::is_regular_file(file))
        throw std::invalid_argument("--config " + config_file +
                                    (fs::exists(file) ? ": not a regular file" : ": no such file"));
    Config config;
    // Without a config file: the database in the current directory (README "Using it").
    config.database = "sqlite3://db=vardval.db";
    config.regions_dir = installation_data_dir() / "regions";
    config.plugin_dir = default_plugin_dir();
    config.plugin_libraries = shipped_plugin_libraries();
    if (fs::exists(file))
        read_config_file(file.string(), config);
    // The installation's own folder, named by its real path (in the build tree, the source's).
    config.regions_dir = fs::weakly_canonical(config.regions_dir);
    if (!db.empty())
        config.database = db;
    if (!regions.empty())
        config.regions_dir = regions;
    if (!plugins.empty())
        config.plugin_dir = plugins;
    if (!log_level.empty())
        config.log_level = log_level;
    config.regions_dir = config.regions_dir.lexically_normal();
    return config;
}

std::string ModelChoice::path(const Config& config) const {
    if (!model_file.empty())
        return model_file;
    return (config.regions_dir / region / (std::to_string(year) + ".yaml")).string();
}

Model load_model_of(const ModelChoice& choice, const Config& config) {
    // Problems the reader can go past stay in the model: validation lists them all at once.
    Model model = read_model(choice.path(config));
    if (model.region.empty()) {
        model.issues.push_back(Issue{model.file, 0, 0, "region", "the model names no region"});
        throw IssueError("invalid model", std::move(model.issues));
    }
    if (!choice.region.empty() && choice.region != model.region)
        throw IssueError("invalid model", {Issue{model.file, 0, 0, "region",
                                                 "model is for region '" + model.region +
                                                     "', not '" + choice.region + "'"}});
    return model;
}

LoadedModel load(const ModelChoice& choice, const Config& config) {
    Model model = load_model_of(choice, config);
    const fs::path region_dir = config.regions_dir / model.region;
    Region region = load_region((region_dir / "region.yaml").string());
    return LoadedModel{std::move(model), std::move(region), region_dir / "sample"};
}

namespace {
const std::vector<std::pair<const char*, Format>> kFormatNames{
    {"table", Format::table},   {"csv", Format::csv},   {"json", Format::json},
    {"csv-sv", Format::csv_sv}, {"xlsx", Format::xlsx}, {"html", Format::html}};
}  // namespace

const char* format_name(Format format) {
    for (const auto& [name, f] : kFormatNames)
        if (f == format)
            return name;
    return "table";
}

Format parse_format(const std::string& text) {
    for (const auto& [name, f] : kFormatNames)
        if (text == name)
            return f;
    return Format::table;
}

}  // namespace vardval::cli
