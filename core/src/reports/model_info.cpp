#include "vardval_host/model_info.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>

#include "vardval_host/provenance.hpp"

namespace fs = std::filesystem;

namespace vardval {
namespace {

// A folder for the restored model files, removed whatever happens.
struct ScratchFolder {
    fs::path path;
    ScratchFolder() {
        static std::atomic<int> counter{0};
        path = fs::temp_directory_path() /
               ("vardval-report-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchFolder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
};

std::string flow_text(const YAML::Node& node) {
    YAML::Emitter out;
    out.SetMapFormat(YAML::Flow);
    out.SetSeqFormat(YAML::Flow);
    out << node;
    return out.c_str();
}

// Maps are walked key by key; a scalar or a list is one parameter.
void flatten(const YAML::Node& node, const std::string& prefix,
             std::vector<std::pair<std::string, std::string>>& out) {
    if (!node.IsMap()) {
        out.emplace_back(prefix, node.IsScalar() ? node.Scalar() : flow_text(node));
        return;
    }
    for (const auto& kv : node)
        flatten(kv.second, prefix.empty() ? kv.first.Scalar() : prefix + "." + kv.first.Scalar(),
                out);
}

}  // namespace

std::vector<ComponentInfo> model_components(const RunResult& run) {
    if (run.model_text.empty())
        return {};
    ScratchFolder folder;
    const RestoredModel files = restore_model(run.model_text, folder.path);
    const Model model = load_model(files.model_file.string());
    std::vector<ComponentInfo> out;
    for (const ComponentDecl& c : model.components) {
        ComponentInfo info{c.id, c.type, c.label.empty() ? c.id : c.label, c.source, {}, {}};
        flatten(c.params, "", info.params);
        info.illustrative = c.illustrative;
        out.push_back(std::move(info));
    }
    return out;
}

std::string component_label(const std::vector<ComponentInfo>& components, const std::string& id) {
    for (const ComponentInfo& c : components)
        if (c.id == id)
            return c.label;
    const std::size_t dot = id.find('.');
    if (dot != std::string::npos)
        for (const ComponentInfo& c : components)
            if (c.id == id.substr(0, dot))
                return c.label + ": " + id.substr(dot + 1);
    return id;
}

std::vector<std::string> illustrative_params(const std::vector<ComponentInfo>& components) {
    std::vector<std::string> out;
    for (const ComponentInfo& c : components)
        for (const std::string& p : c.illustrative)
            out.push_back(c.id + "." + p);
    return out;
}

std::vector<std::string> merge_illustrative(const std::vector<std::vector<std::string>>& lists) {
    std::vector<std::string> out;
    for (const auto& list : lists)
        for (const std::string& item : list)
            if (std::find(out.begin(), out.end(), item) == out.end())
                out.push_back(item);
    return out;
}

}  // namespace vardval
