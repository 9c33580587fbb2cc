#include "options.hpp"

#include <yaml-cpp/yaml.h>

#include "vardval_host/plugin_host.hpp"

namespace fs = std::filesystem;

namespace vardval::cli {

Config load_config(const std::string& config_file, const std::string& db,
                   const std::string& regions, const std::string& plugins,
                   const std::string& log_level) {
    Config config;
    config.database = "sqlite3://db=vardval.db";
    config.regions_dir = fs::path(VARDVAL_DEFAULT_CONFIG).parent_path() / ".." / "regions";
    config.plugin_dir = default_plugin_dir();
    if (fs::exists(config_file)) {
        YAML::Node doc;
        try {
            doc = YAML::LoadFile(config_file);
        } catch (const YAML::Exception& e) {
            throw IssueError("invalid config",
                             {Issue{config_file, e.mark.line + 1, e.mark.column + 1, "", e.msg}});
        }
        const fs::path base = fs::path(config_file).parent_path();
        for (const auto& kv : doc) {
            const std::string key = kv.first.Scalar();
            if (key == "database") {
                config.database = kv.second.Scalar();
            } else if (key == "regions") {
                config.regions_dir = base / kv.second.Scalar();
            } else if (key == "plugins") {
                config.plugin_dir = base / kv.second.Scalar();
            } else if (key == "log_level") {
                config.log_level = kv.second.Scalar();
            } else {
                throw IssueError(
                    "invalid config",
                    {Issue{config_file, kv.first.Mark().line + 1, kv.first.Mark().column + 1, key,
                           "unknown key '" + key +
                               "'; valid keys: database, regions, plugins, "
                               "log_level"}});
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

LoadedModel load(const ModelChoice& choice, const Config& config) {
    Model model = load_model(choice.path(config));
    if (model.region.empty())
        throw IssueError("invalid model",
                         {Issue{model.file, 0, 0, "region", "the model names no region"}});
    if (!choice.region.empty() && choice.region != model.region)
        throw IssueError("invalid model", {Issue{model.file, 0, 0, "region",
                                                 "model is for region '" + model.region +
                                                     "', not '" + choice.region + "'"}});
    const fs::path region_dir = config.regions_dir / model.region;
    Region region = load_region((region_dir / "region.yaml").string());
    return LoadedModel{std::move(model), std::move(region), region_dir / "sample"};
}

Format parse_format(const std::string& text) {
    if (text == "csv")
        return Format::csv;
    if (text == "json")
        return Format::json;
    return Format::table;
}

}  // namespace vardval::cli
