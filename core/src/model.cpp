#include "vardval_host/model.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "illustrative.hpp"
#include "vardval_host/component_params.hpp"
#include "vardval_host/plugin_host.hpp"
#include "vardval_host/yaml_file.hpp"

#include "vardval_host/vocabulary.hpp"

namespace fs = std::filesystem;

namespace vardval {
namespace {

void check_keys(const YAML::Node& map, const std::vector<std::string>& valid,
                const std::string& file, const std::string& path, std::vector<Issue>& issues) {
    for (const auto& kv : map) {
        const std::string key = kv.first.Scalar();
        if (std::find(valid.begin(), valid.end(), key) == valid.end())
            issues.push_back(issue_at(kv.first, file, path.empty() ? key : path + "." + key,
                                      "unknown key '" + key + "'" + did_you_mean(key, valid) +
                                          "; valid keys: " + join(valid)));
    }
}

std::string resolve_extends(const YAML::Node& node, const std::string& file) {
    const std::string value = node.Scalar();
    const fs::path dir = fs::path(file).parent_path();
    const bool bare =
        value.find('/') == std::string::npos && fs::path(value).extension() != ".yaml";
    return (dir / (bare ? value + ".yaml" : value)).lexically_normal().string();
}

ComponentDecl* find_component(Model& model, const std::string& id) {
    auto it = std::find_if(model.components.begin(), model.components.end(),
                           [&](const ComponentDecl& d) { return d.id == id; });
    return it == model.components.end() ? nullptr : &*it;
}

// Not vector::erase: it move-assigns the later declarations, and assigning a YAML::Node
// rebinds the node it held, so the next component would read another one's parameters.
void erase_component(Model& model, const std::string& id) {
    std::vector<ComponentDecl> kept;
    for (const ComponentDecl& c : model.components)
        if (c.id != id)
            kept.push_back(c);
    model.components.swap(kept);
}

std::vector<std::string> component_ids(const Model& model) {
    std::vector<std::string> ids;
    for (const ComponentDecl& c : model.components)
        ids.push_back(c.id);
    return ids;
}

// A missing key gives an invalid node whose type queries throw: test IsDefined() first.
bool is_scalar(const YAML::Node& node) {
    return node.IsDefined() && node.IsScalar();
}

bool is_sequence(const YAML::Node& node) {
    return node.IsDefined() && node.IsSequence();
}

std::optional<Decimal> number_at(const YAML::Node& node) {
    return is_scalar(node) ? Decimal::parse(node.Scalar()) : std::nullopt;
}

// Multiplies a number, or every number of a mapping (a price list), in place.
bool scale_node(YAML::Node node, Decimal factor, std::string& before, std::string& after) {
    if (node.IsMap()) {
        for (auto kv : node) {
            std::string b, a;
            if (!scale_node(kv.second, factor, b, a))
                return false;
            before += (before.empty() ? "" : ", ") + kv.first.Scalar() + " " + b;
            after += (after.empty() ? "" : ", ") + kv.first.Scalar() + " " + a;
        }
        return true;
    }
    const auto value = number_at(node);
    if (!value)
        return false;
    const Decimal scaled = *value * factor;
    before = value->to_short_string();
    after = scaled.to_short_string();
    node = after;
    return true;
}

// The parameter at "key" or "key.entry" (one price of a price list). Never assigns a
// YAML::Node: assignment would rebind the model's own nodes.
std::optional<YAML::Node> find_param(const YAML::Node& params, const std::string& path) {
    const std::size_t dot = path.find('.');
    const std::string key = path.substr(0, dot);
    if (!params.IsMap() || !params[key].IsDefined())
        return std::nullopt;
    if (dot == std::string::npos)
        return params[key];
    return find_param(params[key], path.substr(dot + 1));
}

const char* const kScaleDoc =
    "each entry of 'scale' is {reason: TEXT, factor: NUMBER, params: [component.key, ...]}";

// `scale:` multiplies chosen parameters by a factor: indexation by a stated index
// (uppräkning) or a stated percentage change. Results keep six decimals.
void apply_scalings(Model& model, const YAML::Node& list, const std::string& path,
                    std::vector<Issue>& issues) {
    if (!list.IsDefined() || list.IsNull())  // `scale:` left empty, as `new-year` writes it
        return;
    if (!list.IsSequence()) {
        issues.push_back(issue_at(list, path, "scale", kScaleDoc));
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node entry = list[i];
        const std::string epath = "scale[" + std::to_string(i) + "]";
        const auto factor = entry.IsMap() ? number_at(entry["factor"]) : std::nullopt;
        if (!entry.IsMap() || !is_scalar(entry["reason"]) || !factor || factor->raw() <= 0 ||
            !is_sequence(entry["params"])) {
            issues.push_back(issue_at(entry, path, epath,
                                      std::string(kScaleDoc) + "; factor a positive number"));
            continue;
        }
        check_keys(entry, {"reason", "factor", "params"}, path, epath, issues);
        for (const YAML::Node& target : entry["params"]) {
            const std::string name = target.Scalar();
            const std::size_t dot = name.find('.');
            ComponentDecl* c =
                dot == std::string::npos ? nullptr : find_component(model, name.substr(0, dot));
            if (c == nullptr) {
                issues.push_back(issue_at(target, path, epath + ".params",
                                          "'" + name +
                                              "' is not component.key of a component in the "
                                              "model; components: " +
                                              join(component_ids(model))));
                continue;
            }
            const auto node = find_param(c->params, name.substr(dot + 1));
            std::string before, after;
            if (!node || !scale_node(*node, *factor, before, after)) {
                issues.push_back(issue_at(target, path, epath + ".params",
                                          "'" + name +
                                              "' is not a number or a mapping of numbers set "
                                              "in the model"));
                continue;
            }
            c->changed_at[name.substr(dot + 1)].push_back(path + ":" +
                                                          std::to_string(target.Mark().line + 1));
            model.changes.push_back(
                {path, target.Mark().line + 1, entry["reason"].Scalar(),
                 name + " " + before + " → " + after + " (×" + factor->to_short_string() + ")", "",
                 "", Decimal()});
        }
    }
}

// Paid as a pot: a budget move changes its budget_year.
bool is_pot(const ComponentDecl& c) {
    const YAML::Node& params = c.params;
    return params.IsMap() && params["budget_year"].IsDefined();
}

const char* const kMovesDoc =
    "each entry of 'moves' is {reason: TEXT, from: COMPONENT, to: COMPONENT, amount_year: KR}";

// A component a file removes, as far as a budget move needs it.
struct Removed {
    std::string id;
    std::optional<Decimal> budget_year;
};

// `moves:` moves an annual amount from one component to another. A side paid as a pot has
// its budget_year changed here, so the money moved reconciles by construction; a side paid
// by rule (per visit, per event) changes through its own parameters, and `vardval compare`
// shows its measured change per component (the declared amount is what `validate` lists).
// `from` may be a component this file removes: a removed pot moves whole.
void apply_moves(Model& model, const std::vector<Removed>& removed, const YAML::Node& list,
                 const std::string& path, std::vector<Issue>& issues) {
    if (!list.IsDefined() || list.IsNull())
        return;
    if (!list.IsSequence()) {
        issues.push_back(issue_at(list, path, "moves", kMovesDoc));
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node entry = list[i];
        const std::string epath = "moves[" + std::to_string(i) + "]";
        const auto amount = entry.IsMap() ? number_at(entry["amount_year"]) : std::nullopt;
        if (!entry.IsMap() || !is_scalar(entry["reason"]) || !is_scalar(entry["from"]) ||
            !is_scalar(entry["to"]) || !amount || amount->raw() <= 0) {
            issues.push_back(
                issue_at(entry, path, epath, std::string(kMovesDoc) + "; amount_year positive"));
            continue;
        }
        check_keys(entry, {"reason", "from", "to", "amount_year"}, path, epath, issues);
        ModelChange move{path,   entry.Mark().line + 1,  entry["reason"].Scalar(),
                         "",     entry["from"].Scalar(), entry["to"].Scalar(),
                         *amount};
        auto gone = std::find_if(removed.begin(), removed.end(),
                                 [&](const Removed& r) { return r.id == move.from; });
        bool known = true;
        for (const std::string& id : {move.from, move.to})
            if (find_component(model, id) == nullptr &&
                (id != move.from || gone == removed.end())) {
                issues.push_back(issue_at(entry, path, epath,
                                          "no component '" + id + "' in the model" +
                                              did_you_mean(id, component_ids(model))));
                known = false;
            }
        if (!known)
            continue;
        if (move.from == move.to) {
            issues.push_back(issue_at(
                entry, path, epath,
                "from and to are both '" + move.from + "': a move is between two components"));
            continue;
        }
        const bool from_pot = gone != removed.end() ? gone->budget_year.has_value()
                                                    : is_pot(*find_component(model, move.from));
        if (!from_pot && !is_pot(*find_component(model, move.to))) {
            issues.push_back(issue_at(
                entry, path, epath,
                "neither '" + move.from + "' nor '" + move.to +
                    "' is a pot (a component with budget_year): a move between two components "
                    "paid by rule changes no figure, so nothing would move; give one side a "
                    "budget_year, or change the two components' own parameters (prices) and "
                    "say why in a comment"));
            continue;
        }
        if (gone != removed.end()) {
            const auto& whole = gone->budget_year;
            if (whole && *whole != *amount)
                issues.push_back(issue_at(
                    entry, path, epath,
                    "'" + move.from + "' is removed, so its whole budget_year " +
                        whole->to_short_string() + " moves, not " + amount->to_short_string()));
            move.what = move.from + " removed" +
                        (whole ? " with its budget_year " + whole->to_short_string()
                               : " (paid by its rules)");
        }
        for (const auto& [id, sign] : {std::pair{move.from, -1}, std::pair{move.to, 1}}) {
            if (sign < 0 && gone != removed.end())
                continue;
            YAML::Node budget = find_component(model, id)->params["budget_year"];
            if (!budget.IsDefined()) {
                move.what += (move.what.empty() ? "" : "; ") + id + " by its rules";
                continue;
            }
            const auto before = number_at(budget);
            const Decimal after =
                before ? (sign > 0 ? *before + *amount : *before - *amount) : Decimal();
            if (!before || after.raw() < 0) {
                issues.push_back(issue_at(entry, path, epath,
                                          "cannot move " + amount->to_short_string() +
                                              " kr: " + id + ".budget_year is " + budget.Scalar()));
                continue;
            }
            move.what += (move.what.empty() ? "" : "; ") + id + ".budget_year " +
                         before->to_short_string() + " → " + after.to_short_string();
            budget = after.to_short_string();
            find_component(model, id)->changed_at["budget_year"].push_back(
                path + ":" + std::to_string(move.line));
        }
        model.changes.push_back(std::move(move));
    }
}

// A `payees:` list: unit kinds, each one of kUnitKinds.
std::vector<std::string> read_unit_kinds(const YAML::Node& node, const std::string& file,
                                         const std::string& key_path, std::vector<Issue>& issues) {
    std::vector<std::string> kinds;
    for (std::size_t i = 0; is_sequence(node) && i < node.size(); ++i) {
        const std::string kind = node[i].IsScalar() ? node[i].Scalar() : "";
        if (std::find(kUnitKinds.begin(), kUnitKinds.end(), kind) == kUnitKinds.end())
            issues.push_back(
                issue_at(node[i], file, key_path + "[" + std::to_string(i) + "]",
                         "unknown unit kind '" + kind + "'; valid kinds: " + join(kUnitKinds)));
        else
            kinds.push_back(kind);
    }
    if (!is_sequence(node) || node.size() == 0)
        issues.push_back(issue_at(node, file, key_path,
                                  "payees is a non-empty list of unit kinds: " + join(kUnitKinds)));
    return kinds;
}

// Names the path tried and why it was tried there: `extends:` is read relative to the
// folder of the file that says it, not the current directory.
std::string extends_not_found(const YAML::Node& extends, const std::string& file,
                              const std::string& base) {
    std::error_code ec;
    const fs::path tried = fs::absolute(base, ec);
    const fs::path dir = fs::absolute(fs::path(file), ec).parent_path();
    return "the extended model " + base + " does not exist (tried " +
           tried.lexically_normal().string() + "; 'extends: " + extends.Scalar() +
           "' is read relative to the folder of " + file + ", " + dir.lexically_normal().string() +
           "): keep the file in the region's folder beside the year it extends, or name that "
           "year's file by a path from this file's folder, e.g. ../regions/<region>/" +
           fs::path(base).filename().string();
}

// A year file (2022.yaml) must say the year it is named for: a copy of last year's file
// that still says `year: 2021` would otherwise run as 2021 without a word.
void check_year_matches_name(const YAML::Node& year_node, int year, const std::string& path,
                             std::vector<Issue>& issues) {
    const std::string stem = fs::path(path).stem().string();
    if (stem.size() != 4 ||
        !std::all_of(stem.begin(), stem.end(), [](unsigned char c) { return std::isdigit(c); }) ||
        std::stoi(stem) == year)
        return;
    issues.push_back(issue_at(year_node, path, "year",
                              "year: " + std::to_string(year) + " contradicts the file name " +
                                  fs::path(path).filename().string() +
                                  ": a year file is named for its year; set year: " + stem +
                                  ", or rename the file"));
}

void load_into(Model& model, const std::string& path, std::vector<std::string>& seen) {
    if (std::find(seen.begin(), seen.end(), path) != seen.end())
        throw IssueError(
            "extends cycle",
            {Issue{path, 0, 0, "extends",
                   "models extend each other in a cycle: " + join(seen, " → ") + " → " + path}});
    seen.push_back(path);
    const YAML::Node doc = load_yaml_file(path, "model");
    std::vector<Issue> issues;
    if (!doc.IsMap())
        throw IssueError("invalid model", {issue_at(doc, path, "",
                                                    "a model file is a mapping with "
                                                    "region, year and components")});
    check_keys(doc,
               {"region", "year", "title", "source", "notes", "extends", "payees", "components",
                "scale", "moves"},
               path, "", issues);
    if (doc["extends"].IsDefined()) {
        const YAML::Node extends = doc["extends"];
        const std::string base = is_scalar(extends) ? resolve_extends(extends, path) : "";
        // A name the system refuses (an error code) is reported by the loader below.
        std::error_code refused;
        if (base.empty() || (!fs::exists(base, refused) && !refused)) {
            issues.push_back(issue_at(extends, path, "extends",
                                      base.empty()
                                          ? "extends names the model this one starts from, e.g. "
                                            "2020 (2020.yaml beside this file) or ../2020.yaml"
                                          : extends_not_found(extends, path, base)));
            throw IssueError("invalid model", std::move(issues));
        }
        load_into(model, base, seen);
    }
    model.chain.push_back(path);

    if (doc["region"].IsDefined()) {
        if (is_scalar(doc["region"]) && !doc["region"].Scalar().empty()) {
            model.region = doc["region"].Scalar();
            model.region_file = path;
            model.region_line = doc["region"].Mark().line + 1;
        } else {
            issues.push_back(issue_at(doc["region"], path, "region",
                                      "region is a region id, a folder under regions/, e.g. "
                                      "jamtland-harjedalen"));
        }
    }
    if (doc["year"].IsDefined()) {
        try {
            model.year = doc["year"].as<int>();
            check_year_matches_name(doc["year"], model.year, path, issues);
        } catch (const YAML::Exception&) {
            issues.push_back(
                issue_at(doc["year"], path, "year", "year must be a number such as 2020"));
        }
    }
    if (doc["title"].IsDefined())
        model.title = doc["title"].Scalar();
    if (doc["payees"].IsDefined())
        model.payees = read_unit_kinds(doc["payees"], path, "payees", issues);

    const YAML::Node components = doc["components"];
    std::vector<Removed> removed;  // by this file
    // A year overrides an inherited id, but an id given twice in one file would have its
    // second declaration silently replace (or patch) the first.
    std::map<std::string, int> declared;  // id → line, in this file
    if (components.IsDefined() && !components.IsNull() && !components.IsSequence())
        issues.push_back(issue_at(components, path, "components", "components must be a list"));
    for (std::size_t i = 0; is_sequence(components) && i < components.size(); ++i) {
        const YAML::Node c = components[i];
        const std::string cpath = "components[" + std::to_string(i) + "]";
        if (!c.IsMap() || !c["id"].IsDefined() || !c["id"].IsScalar()) {
            issues.push_back(issue_at(c, path, cpath, "each component needs an 'id'"));
            continue;
        }
        check_keys(c,
                   {"id", "type", "label", "source", "payees", "params", "illustrative", "remove"},
                   path, cpath, issues);
        const std::string id = c["id"].Scalar();
        const auto [first, is_first] = declared.emplace(id, c.Mark().line + 1);
        if (!is_first) {
            issues.push_back(issue_at(c["id"], path, cpath + ".id",
                                      "duplicate component id '" + id + "': also declared at " +
                                          path + ":" + std::to_string(first->second) +
                                          "; each id appears once in a file (override an id "
                                          "of the extended model by declaring it once)"));
            continue;
        }
        auto existing = std::find_if(model.components.begin(), model.components.end(),
                                     [&](const ComponentDecl& d) { return d.id == id; });
        if (c["remove"].IsDefined() && c["remove"].Scalar() == "true") {
            if (existing == model.components.end())
                issues.push_back(issue_at(
                    c, path, cpath,
                    "cannot remove '" + id + "': no such component in the extended model"));
            else {
                removed.push_back({id, number_at(existing->params["budget_year"])});
                erase_component(model, id);
            }
            continue;
        }
        const bool is_new = existing == model.components.end();
        if (is_new) {
            if (!c["type"].IsDefined()) {
                issues.push_back(
                    issue_at(c, path, cpath, "new component '" + id + "' needs a 'type'"));
                continue;
            }
            model.components.push_back(ComponentDecl{});
            existing = model.components.end() - 1;
            existing->id = id;
            existing->params = YAML::Node(YAML::NodeType::Map);
        } else if (c["type"].IsDefined() && c["type"].Scalar() != existing->type) {
            // A new type means new parameters: nothing of the old ones carries over.
            existing->params = YAML::Node(YAML::NodeType::Map);
            existing->param_files.clear();
            existing->changed_at.clear();
        }
        ComponentDecl& d = *existing;
        if (c["type"].IsDefined()) {
            d.type = c["type"].Scalar();
            d.type_line = c["type"].Mark().line + 1;
        }
        if (c["label"].IsDefined())
            d.label = c["label"].Scalar();
        if (c["source"].IsDefined())
            d.source = c["source"].Scalar();
        if (c["payees"].IsDefined())
            d.payees = read_unit_kinds(c["payees"], path, cpath + ".payees", issues);
        d.file = path;
        d.line = c.Mark().line + 1;
        const YAML::Node params = c["params"];
        if (params.IsDefined() && !params.IsNull()) {
            if (!params.IsMap()) {
                issues.push_back(
                    issue_at(params, path, cpath + ".params", "params must be a mapping"));
                if (is_new)  // its parameters are unknown: checking them would only mislead
                    erase_component(model, id);
                continue;
            }
            for (const auto& kv : params) {
                d.params.remove(kv.first.Scalar());
                // A value set anew is no longer the one an earlier scaling or move changed.
                const std::string key = kv.first.Scalar();
                for (auto it = d.changed_at.begin(); it != d.changed_at.end();)
                    it = it->first == key || it->first.rfind(key + ".", 0) == 0
                             ? d.changed_at.erase(it)
                             : std::next(it);
                // `key: ~` drops an inherited key, e.g. a price when the year pays a pot.
                if (kv.second.IsNull()) {
                    d.param_files.erase(kv.first.Scalar());
                    continue;
                }
                // Insert the original key node, not a copy, so issues keep its line.
                d.params.force_insert(kv.first, kv.second);
                d.param_files[kv.first.Scalar()] = path;
            }
        }
        if (c["illustrative"].IsDefined())
            d.illustrative = read_illustrative(c["illustrative"], d.params, path,
                                               cpath + ".illustrative", issues);
    }
    // After this file's own values, so a scaling applies to what this year sets.
    apply_scalings(model, doc["scale"], path, issues);
    apply_moves(model, removed, doc["moves"], path, issues);
    model.issues.insert(model.issues.end(), issues.begin(), issues.end());
    seen.pop_back();
}

}  // namespace

Model read_model(const std::string& path) {
    Model model;
    model.file = path;
    std::vector<std::string> seen;
    load_into(model, fs::path(path).lexically_normal().string(), seen);
    return model;
}

Model load_model(const std::string& path) {
    Model model = read_model(path);
    if (!model.issues.empty())
        throw IssueError("invalid model", std::move(model.issues));
    return model;
}

namespace {

// Validates one declaration against its type; true if it can be created (or expanded).
bool validate_component(const ComponentDecl& c, const PluginHost& host,
                        std::vector<Issue>& issues) {
    const std::string path = "component '" + c.id + "'";
    const RegisteredType* type = host.find(c.type);
    if (type == nullptr) {
        std::string message = "unknown component type '" + c.type + "'" +
                              did_you_mean(c.type, host.type_names()) +
                              "; known types: " + join(host.type_names());
        issues.push_back(Issue{c.file, c.type_line, 0, path + ".type", message});
        return false;
    }
    const std::size_t before = issues.size();
    validate_component_params(type->type, c.params, c.file, path + ".params", issues,
                              c.param_files);
    // The merged params mapping has no line of its own: point at the declaration.
    for (std::size_t i = before; i < issues.size(); ++i)
        if (issues[i].line == 0 && issues[i].file == c.file)
            issues[i].line = c.line;
    return issues.size() == before;
}

std::vector<ComponentDecl> expand_component(const ComponentDecl& c, const RegisteredType& type) {
    const Params params(c.params, type.type.params, c.file, "component '" + c.id + "'.params",
                        c.param_files);
    std::vector<ComponentDecl> parts;
    for (ComponentPart& part : type.type.expand(params)) {
        ComponentDecl d;
        d.id = c.id + "." + part.id;
        d.type = part.type;
        d.label = part.label.empty() ? c.label : part.label;
        d.source = c.source;
        d.payees = c.payees;
        d.params = part.params;
        d.file = c.file;
        d.line = c.line;  // the part's own line when its parameters carry one
        for (const auto& kv : part.params)
            if (!kv.first.Mark().is_null()) {
                d.line = kv.first.Mark().line + 1;
                break;
            }
        d.type_line = d.line;
        parts.push_back(std::move(d));
    }
    return parts;
}

}  // namespace

std::vector<Issue> validate_model(const Model& model, const Region& region,
                                  const PluginHost& host) {
    std::vector<Issue> issues = model.issues;
    if (model.region != region.id)
        issues.push_back(Issue{model.region_file.empty() ? model.file : model.region_file,
                               model.region_line, 0, "region",
                               "model is for region '" + model.region + "' but the region file " +
                                   region.file + " is '" + region.id + "'"});
    if (model.components.empty())
        issues.push_back(Issue{model.file, 0, 0, "components", "the model has no components"});
    if (payee_region(region, model.payees).units.empty())
        issues.push_back(Issue{
            model.file, 0, 0, "payees",
            "the region has no units of the kinds this model pays (" + join(model.payees) + ")"});
    for (const ComponentDecl& c : model.components) {
        for (const std::string& kind : c.payees)
            if (std::find(model.payees.begin(), model.payees.end(), kind) == model.payees.end())
                issues.push_back(Issue{c.file, c.line, 0, "component '" + c.id + "'.payees",
                                       "the model does not pay " + kind +
                                           " units; its payees are " + join(model.payees)});
        // The names a valid component's parameters take from the region must be declared.
        auto check_names = [&](const ComponentDecl& d) {
            const std::size_t before = issues.size();
            check_vocabulary(d.params, host.find(d.type)->type.params, region, d.file,
                             "component '" + d.id + "'.params", issues, &d.param_files);
            for (std::size_t i = before; i < issues.size(); ++i)
                if (issues[i].line == 0)
                    issues[i].line = d.line;  // a default: point at the declaration
        };
        if (!validate_component(c, host, issues))
            continue;
        check_names(c);
        const RegisteredType& type = *host.find(c.type);
        if (!type.type.expand)
            continue;
        for (const ComponentDecl& part : expand_component(c, type)) {
            const RegisteredType* part_type = host.find(part.type);
            if (part_type != nullptr && part_type->type.expand)
                issues.push_back(Issue{part.file, part.line, 0, "component '" + part.id + "'.type",
                                       "a part cannot itself be a composite (" + part.type + ")"});
            else if (validate_component(part, host, issues))
                check_names(part);
        }
    }
    return issues;
}

std::vector<ComponentDecl> payable_components(const Model& model, const PluginHost& host) {
    std::vector<ComponentDecl> result;
    for (const ComponentDecl& c : model.components) {
        const RegisteredType* type = host.find(c.type);
        if (type == nullptr || !type->type.expand) {
            result.push_back(c);
            continue;
        }
        for (ComponentDecl& part : expand_component(c, *type))
            result.push_back(std::move(part));
    }
    return result;
}

Region load_region(const std::string& path) {
    const YAML::Node doc = load_yaml_file(path, "region");
    std::vector<Issue> issues;
    Region region;
    region.file = path;
    if (!doc.IsMap() || !doc["region"].IsDefined() || !is_sequence(doc["units"]))
        throw IssueError("invalid region", {issue_at(doc, path, "",
                                                     "a region file has 'region', 'name' and "
                                                     "a list of 'units'")});
    std::vector<std::string> keys{"region", "name",  "hospital",
                                  "units",  "notes", "episode_gap_days"};
    for (Vocabulary v : kVocabularies)
        keys.push_back(yaml_key(v));
    check_keys(doc, keys, path, "", issues);
    region.id = doc["region"].Scalar();
    read_vocabularies(doc, path, region, issues);
    if (doc["episode_gap_days"].IsDefined()) {
        const YAML::Node gap = doc["episode_gap_days"];
        int days = 0;
        if (!gap.IsScalar() || !YAML::convert<int>::decode(gap, days) || days < 1 || days > 730)
            issues.push_back(issue_at(gap, path, "episode_gap_days",
                                      "episode_gap_days must be a whole number of days, 1 to 730"));
        else
            region.episode_gap_days = days;
    }
    region.name = doc["name"].IsDefined() ? doc["name"].Scalar() : region.id;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < doc["units"].size(); ++i) {
        const YAML::Node u = doc["units"][i];
        const std::string upath = "units[" + std::to_string(i) + "]";
        if (!u.IsMap() || !is_scalar(u["id"]) || u["id"].Scalar().empty() ||
            !is_scalar(u["name"])) {
            issues.push_back(issue_at(u, path, upath, "each unit needs 'id' and 'name' (text)"));
            continue;
        }
        Unit unit;
        unit.id = u["id"].Scalar();
        unit.name = u["name"].Scalar();
        const std::string ownership = u["ownership"].IsDefined() ? u["ownership"].Scalar() : "";
        if (ownership == "private")
            unit.ownership = Ownership::private_;
        else if (ownership != "region-run")
            issues.push_back(
                issue_at(u, path, upath + ".ownership",
                         "ownership must be region-run or private, got '" + ownership + "'"));
        if (u["kind"].IsDefined()) {
            unit.kind = u["kind"].Scalar();
            if (std::find(kUnitKinds.begin(), kUnitKinds.end(), unit.kind) == kUnitKinds.end())
                issues.push_back(issue_at(
                    u["kind"], path, upath + ".kind",
                    "unknown unit kind '" + unit.kind + "'; valid kinds: " + join(kUnitKinds)));
        }
        for (const auto& kv : u) {
            const std::string k = kv.first.Scalar();
            if (k == "id" || k == "name" || k == "ownership" || k == "kind")
                continue;
            // An attribute is one value (e.g. places: 12); a list or mapping would be read as
            // empty text and a rule using it would pay on nothing.
            if (!is_scalar(kv.second))
                issues.push_back(issue_at(
                    kv.second, path, upath + "." + k,
                    "attribute '" + k + "' must be a single value, e.g. a number or text"));
            else
                unit.attributes[k] = kv.second.Scalar();
        }
        if (!ids.insert(unit.id).second)
            issues.push_back(
                issue_at(u, path, upath + ".id", "duplicate unit id '" + unit.id + "'"));
        region.units.push_back(std::move(unit));
    }
    if (!issues.empty())
        throw IssueError("invalid region", std::move(issues));
    return region;
}

Region payee_region(const Region& region, const std::vector<std::string>& payees) {
    Region seen = region;
    seen.units.clear();
    for (const Unit& unit : region.units)
        if (std::find(payees.begin(), payees.end(), unit.kind) != payees.end())
            seen.units.push_back(unit);
    return seen;
}

}  // namespace vardval
