#pragma once
// A model: one region's contract year (optionally a scenario), read from YAML. A year file
// may `extends:` another and override components by id, key by key, so next year's model
// is written as a difference from this year's (like an OpenFisca reform over a baseline).
#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "vardval/issue.hpp"
#include "vardval/params.hpp"
#include "vardval/region.hpp"

namespace vardval {

class PluginHost;

struct ComponentDecl {
    std::string id;
    std::string type;
    std::string label;
    std::string source;  // where the rule comes from, e.g. "001 §6"
    // The unit kinds this component pays, a subset of the model's; empty: all of them.
    std::vector<std::string> payees;
    YAML::Node params;  // merged over the extends chain
    // Parameter keys whose values the sources do not give (`illustrative:`); every output
    // made from them says so. Inherited unless a later declaration lists its own.
    std::vector<std::string> illustrative;
    KeyFiles param_files;  // file each params key was last set in
    // "file:line" of each scaling or budget move that changed a parameter after it was set,
    // by its path ("budget_year", "prices"), so every resolved value says where it came from.
    std::map<std::string, std::vector<std::string>> changed_at;
    std::string file;  // file of the latest declaration of this id
    int line = 0;
    int type_line = 0;
};

// A change a year file makes to the model it extends by rule rather than by a new value:
// a scaling of prices (uppräkning, "+40 %") or a budget move between components. Kept so
// every changed figure can be explained (`vardval validate` lists them).
struct ModelChange {
    std::string file;
    int line = 0;
    std::string reason;    // the model's words, e.g. "§8.4.4 distance compensation +40 %"
    std::string what;      // "distance.amount_per_listed_year 1000 → 1400"
    std::string from, to;  // a budget move's components (empty for a scaling)
    Decimal amount_year;   // a budget move's annual amount in kr
};

struct Model {
    std::string file;                // the file asked for
    std::vector<std::string> chain;  // base first, `file` last
    std::string region;
    std::string region_file;  // where `region:` was last set, for messages
    int region_line = 0;
    int year = 0;
    std::string title;
    // The kinds of unit this model pays; its runs and statements cover only those units.
    std::vector<std::string> payees = {"vardcentral"};
    std::vector<ComponentDecl> components;  // in payment order
    std::vector<ModelChange> changes;       // scalings and budget moves, in file order
    // Problems found while reading (read_model), reported first by validate_model, so one
    // pass lists the structural problems and the parameter problems together.
    std::vector<Issue> issues;
};

// Reads a model file and its extends chain. Throws IssueError on YAML or structure errors.
Model load_model(const std::string& path);
// The same, but keeps every problem it can read past in Model::issues; throws IssueError only
// when it cannot go on (a file missing or not YAML, an extends cycle).
Model read_model(const std::string& path);

// Every problem with the model against the region and the loaded component types.
std::vector<Issue> validate_model(const Model& model, const Region& region, const PluginHost& host);

// The components a run computes, in payment order: a composite (budget.split) stands for
// its parts, each "<composite id>.<part id>". The model must be valid.
std::vector<ComponentDecl> payable_components(const Model& model, const PluginHost& host);

// Reads regions/<id>/region.yaml. Throws IssueError.
Region load_region(const std::string& path);

// The region as a model sees it: only the units of the kinds it pays, in register order.
Region payee_region(const Region& region, const std::vector<std::string>& payees);

}  // namespace vardval
