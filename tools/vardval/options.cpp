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

}  // namespace

Config load_config(const std::string& config_file, const std::string& db,
                   const std::string& regions, const std::string& plugins,
                   const std::string& log_level) {
    Config config;
    config.database = "sqlite3://db=vardval.db";
    config.regions_dir = fs::path(VARDVAL_DEFAULT_CONFIG).parent_path() / ".." / "regions";
    config.plugin_dir = default_plugin_dir();
    config.plugin_libraries = shipped_plugin_libraries();
    if (fs::exists(config_file)) {
        // A database or plugin list given twice must not silently pick one.
        const YAML::Node doc = load_yaml_file(config_file, "config");
        const fs::path base = fs::path(config_file).parent_path();
        for (const auto& kv : doc) {
            const std::string key = kv.first.Scalar();
            if (key == "database") {
                config.database = kv.second.Scalar();
            } else if (key == "regions") {
                config.regions_dir = base / kv.second.Scalar();
            } else if (key == "plugins") {
                config.plugin_dir = base / kv.second.Scalar();
            } else if (key == "plugin_libraries") {
                config.plugin_libraries = plugin_libraries(config_file, kv.second);
            } else if (key == "log_level") {
                config.log_level = kv.second.Scalar();
            } else {
                throw IssueError(
                    "invalid config",
                    {Issue{config_file, kv.first.Mark().line + 1, kv.first.Mark().column + 1, key,
                           "unknown key '" + key +
                               "'; valid keys: database, regions, plugins, "
                               "plugin_libraries, log_level"}});
            }
        }
    }
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
    Model model = load_model(choice.path(config));
    if (model.region.empty())
        throw IssueError("invalid model",
                         {Issue{model.file, 0, 0, "region", "the model names no region"}});
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
