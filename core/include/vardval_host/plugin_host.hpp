#pragma once
// Loads component plugin libraries with Boost.DLL and keeps the registry of component types.
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "vardval/plugin_api.hpp"

namespace boost::dll {
class shared_library;
}

namespace vardval {

class PluginError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct RegisteredType {
    // Declared first so it is destroyed last: the type's code lives in this library.
    std::shared_ptr<boost::dll::shared_library> library;
    std::string library_file;
    std::string plugin_name;
    std::string plugin_version;
    ComponentType type;
};

class PluginHost {
  public:
    PluginHost();
    ~PluginHost();
    PluginHost(const PluginHost&) = delete;
    PluginHost& operator=(const PluginHost&) = delete;

    // Loads one library. Throws PluginError naming the file: load failure, missing entry
    // point, other API version, duplicate type name (naming both libraries).
    void load_library(const std::filesystem::path& file);
    // Loads every lib*.so in `dir` (sorted, so registration order is stable). A library that
    // fails is remembered in `failures()` and does not stop the others.
    void load_directory(const std::filesystem::path& dir);

    const RegisteredType* find(const std::string& type_name) const;
    std::vector<const RegisteredType*> types() const;  // sorted by name
    std::vector<std::string> type_names() const;
    const std::vector<std::string>& failures() const { return failures_; }

    // The created component keeps its library loaded for as long as it lives.
    std::shared_ptr<const Component> create(const RegisteredType& type, const Params& params) const;

  private:
    std::map<std::string, std::unique_ptr<RegisteredType>> types_;
    std::vector<std::string> failures_;
};

// Where the CLI finds plugins: <exe dir>/../lib/vardval/plugins.
std::filesystem::path default_plugin_dir();

}  // namespace vardval
