#pragma once
// A component's validated parameters. The host has checked them against the type's schema,
// so accessors only convert; defaults from the schema apply to absent keys. Keeping the
// YAML node (and its file) lets a component report a cross-field problem precisely.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "vardval/age_bands.hpp"
#include "vardval/decimal.hpp"
#include "vardval/issue.hpp"
#include "vardval/period.hpp"
#include "vardval/schema.hpp"

namespace vardval {

// Which file each top-level key came from, when a model `extends:` another and overrides
// some keys of a component.
using KeyFiles = std::map<std::string, std::string>;

class Params {
  public:
    Params(YAML::Node node, const ParamSpec& spec, std::string file, std::string path,
           KeyFiles key_files = {});

    bool has(const std::string& key) const;
    Decimal number(const std::string& key) const;
    std::int64_t integer(const std::string& key) const;
    std::string text(const std::string& key) const;
    bool boolean(const std::string& key) const;
    Decimal money_ore(const std::string& key) const;  // kronor in the model → öre
    Period period(const std::string& key) const;
    PeriodRange period_range(const std::string& key) const;
    std::vector<std::string> texts(const std::string& key) const;            // list of text
    std::map<std::string, Decimal> numbers(const std::string& key) const;    // map of number
    std::map<std::string, Decimal> money_map(const std::string& key) const;  // map of money, öre
    AgeBandTable age_bands(const std::string& key) const;
    Params object(const std::string& key) const;
    std::vector<Params> objects(const std::string& key) const;  // a list of objects
    // The YAML of a value, for a composite handing a part its own parameters.
    YAML::Node node(const std::string& key) const;

    // An issue located at `key` (or at the object itself when the key is absent).
    Issue issue(const std::string& key, std::string message) const;
    const std::string& file() const { return file_; }

  private:
    YAML::Node value(const std::string& key) const;  // the node, or the parsed default
    const std::string& file_of(const std::string& key) const;

    YAML::Node node_;
    const ParamSpec* spec_;
    std::string file_;
    std::string path_;
    KeyFiles key_files_;
};

// An issue located at a YAML node (its line and column, when it has them).
Issue issue_at(const YAML::Node& node, const std::string& file, const std::string& path,
               std::string message);
Issue issue_at(const YAML::Mark& mark, const std::string& file, const std::string& path,
               std::string message);

// Validates `node` against an object spec; appends every problem found.
void validate_params(const YAML::Node& node, const ParamSpec& spec, const std::string& file,
                     const std::string& path, std::vector<Issue>& issues,
                     const KeyFiles* key_files = nullptr);

}  // namespace vardval
