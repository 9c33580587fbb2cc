#include "vardval_host/plugin_host.hpp"

#include <algorithm>

#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>

namespace vardval {
namespace {

// Collects one library's types so a failing library registers nothing.
class CollectingRegistrar : public Registrar {
  public:
    void add(ComponentType type) override { types.push_back(std::move(type)); }
    std::vector<ComponentType> types;
};

}  // namespace

PluginHost::PluginHost() = default;
PluginHost::~PluginHost() = default;

void PluginHost::load_library(const std::filesystem::path& file) {
    auto library = std::make_shared<boost::dll::shared_library>();
    try {
        library->load(file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    } catch (const std::exception& e) {
        throw PluginError("cannot load plugin " + file.string() + ": " + e.what());
    }
    if (!library->has("vardval_plugin_info"))
        throw PluginError(
            "plugin " + file.string() +
            " has no entry point 'vardval_plugin_info' (define it with VARDVAL_PLUGIN)");
    const PluginInfo* info = library->get_alias<PluginEntry>("vardval_plugin_info")();
    if (info == nullptr)
        throw PluginError("plugin " + file.string() + " returned no plugin info");
    if (info->api_version != ABI_VERSION)
        throw PluginError("plugin " + file.string() + " was built for plugin API version " +
                          std::to_string(info->api_version) + ", this vardval has API version " +
                          std::to_string(ABI_VERSION) +
                          "; rebuild the plugin against this version");

    CollectingRegistrar registrar;
    info->register_types(registrar);
    for (std::size_t i = 0; i < registrar.types.size(); ++i) {
        const std::string& name = registrar.types[i].name;
        if (auto it = types_.find(name); it != types_.end())
            throw PluginError("component type '" + name + "' is registered by both " +
                              it->second->library_file + " and " + file.string());
        if (!registrar.types[i].create == !registrar.types[i].expand)
            throw PluginError("component type '" + name + "' in " + file.string() +
                              " must define exactly one of create and expand");
        for (std::size_t j = 0; j < i; ++j)
            if (registrar.types[j].name == name)
                throw PluginError("component type '" + name + "' is registered twice by " +
                                  file.string());
    }
    for (ComponentType& type : registrar.types) {
        auto entry = std::make_unique<RegisteredType>();
        entry->library = library;
        entry->library_file = file.string();
        entry->plugin_name = info->name;
        entry->plugin_version = info->version;
        entry->type = std::move(type);
        const std::string name = entry->type.name;
        types_.emplace(name, std::move(entry));
    }
}

void PluginHost::load_directory(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && name.rfind("lib", 0) == 0 &&
            entry.path().extension() == ".so")
            files.push_back(entry.path());
    }
    if (ec) {
        failures_.push_back("cannot read plugin directory " + dir.string() + ": " + ec.message());
        return;
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        try {
            load_library(file);
        } catch (const PluginError& e) {
            failures_.push_back(e.what());
        }
    }
}

const RegisteredType* PluginHost::find(const std::string& type_name) const {
    auto it = types_.find(type_name);
    return it == types_.end() ? nullptr : it->second.get();
}

std::vector<const RegisteredType*> PluginHost::types() const {
    std::vector<const RegisteredType*> out;
    for (const auto& [name, entry] : types_)
        out.push_back(entry.get());
    return out;
}

std::vector<std::string> PluginHost::type_names() const {
    std::vector<std::string> out;
    for (const auto& [name, entry] : types_)
        out.push_back(name);
    return out;
}

std::shared_ptr<const Component> PluginHost::create(const RegisteredType& type,
                                                    const Params& params) const {
    std::unique_ptr<Component> component = type.type.create(params);
    auto library = type.library;
    return std::shared_ptr<const Component>(component.release(),
                                            [library](const Component* c) { delete c; });
}

std::filesystem::path default_plugin_dir() {
    return boost::dll::program_location().parent_path().parent_path() / "lib" / "vardval" /
           "plugins";
}

}  // namespace vardval
