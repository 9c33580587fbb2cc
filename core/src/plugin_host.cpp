#include "vardval_host/plugin_host.hpp"

#include <algorithm>
#include <set>

#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>

#include "plugin_file_check.hpp"
#include "shipped_plugins.hpp"

namespace vardval {
namespace {

// Collects one library's types so a failing library registers nothing.
class CollectingRegistrar : public Registrar {
  public:
    void add(ComponentType type) override { types.push_back(std::move(type)); }
    std::vector<ComponentType> types;
};

}  // namespace

std::vector<std::string> shipped_plugin_libraries() {
    std::vector<std::string> names{VARDVAL_SHIPPED_PLUGIN_LIBRARIES};
    std::sort(names.begin(), names.end());
    return names;
}

PluginHost::PluginHost() = default;
PluginHost::~PluginHost() = default;

void PluginHost::load_library(const std::filesystem::path& file) {
    check_writable_by_owner_only(file, "plugin library");
    check_elf_library(file);
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

std::vector<std::string> PluginHost::load_directory(const std::filesystem::path& dir,
                                                    const std::vector<std::string>& libraries) {
    check_writable_by_owner_only(dir, "plugin folder");
    std::set<std::string> present;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        present.insert(entry.path().filename().string());
    if (ec)
        throw PluginError("cannot read plugin folder " + dir.string() + ": " + ec.message());

    std::vector<std::string> failures;
    for (const std::string& name : libraries) {
        if (!present.count(name)) {
            failures.push_back("plugin library " + name + " is listed but not in " + dir.string());
            continue;
        }
        try {
            load_library(dir / name);
        } catch (const PluginError& e) {
            failures.push_back(e.what());
        }
    }
    if (!failures.empty()) {
        std::string message = std::to_string(failures.size()) + " of the " +
                              std::to_string(libraries.size()) + " plugin libraries listed for " +
                              dir.string() + " failed, so no plugin is used:";
        for (const std::string& failure : failures)
            message += "\n  " + failure;
        types_.clear();
        throw PluginError(message);
    }
    for (const std::string& name : libraries)
        present.erase(name);
    return {present.begin(), present.end()};
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
