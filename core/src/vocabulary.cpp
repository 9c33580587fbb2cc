#include "vardval_host/vocabulary.hpp"

#include <algorithm>

namespace vardval {

DataMissing::~DataMissing() = default;

const char* yaml_key(Vocabulary v) {
    switch (v) {
        case Vocabulary::profession:
            return "professions";
        case Vocabulary::contact_type:
            return "contact_types";
        case Vocabulary::event:
            return "events";
        case Vocabulary::measure:
            return "measures";
        case Vocabulary::psychiatry_contact_type:
            return "psychiatry_contact_types";
        case Vocabulary::psychiatry_profession:
            return "psychiatry_professions";
        case Vocabulary::diagnosis_group:
            return "diagnosis_groups";
    }
    return "?";
}

const char* noun(Vocabulary v) {
    switch (v) {
        case Vocabulary::profession:
            return "profession";
        case Vocabulary::contact_type:
            return "contact type";
        case Vocabulary::event:
            return "event";
        case Vocabulary::measure:
            return "measure";
        case Vocabulary::psychiatry_contact_type:
            return "psychiatric contact type";
        case Vocabulary::psychiatry_profession:
            return "psychiatric profession";
        case Vocabulary::diagnosis_group:
            return "diagnosis group";
    }
    return "?";
}

const Terms* Region::vocabulary(Vocabulary v) const {
    auto it = vocabularies.find(v);
    return it == vocabularies.end() ? nullptr : &it->second;
}

namespace {

// Names are lowercase identifiers, as the data gives them: "Doctor" is not "doctor".
bool is_name(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

std::optional<Decimal> bound(const YAML::Node& entry, const char* key, const std::string& file,
                             const std::string& path, std::vector<Issue>& issues) {
    const YAML::Node node = entry[key];
    if (!node.IsDefined())
        return std::nullopt;
    auto value = node.IsScalar() ? Decimal::parse(node.Scalar()) : std::nullopt;
    if (!value)
        issues.push_back(issue_at(node, file, path + "." + key,
                                  std::string(key) + " is a number with at most six decimals"));
    return value;
}

// One entry: `name: description`, or for a measure `name: {description, unit, min, max}`.
std::optional<Term> read_term(const YAML::Node& key, const YAML::Node& entry, Vocabulary v,
                              const std::string& file, const std::string& path,
                              std::vector<Issue>& issues) {
    Term term;
    term.line = key.Mark().line + 1;
    const bool measure = v == Vocabulary::measure;
    const std::string form =
        measure ? "a description, or {description: TEXT, unit: TEXT, min: NUMBER, max: NUMBER}"
                : "a description";
    if (entry.IsScalar()) {
        term.description = entry.Scalar();
    } else if (measure && entry.IsMap()) {
        for (const auto& kv : entry) {
            const std::string k = kv.first.Scalar();
            if (k != "description" && k != "unit" && k != "min" && k != "max")
                issues.push_back(issue_at(kv.first, file, path + "." + k,
                                          "unknown key '" + k +
                                              "'; valid keys: description, "
                                              "unit, min, max"));
        }
        if (entry["description"].IsDefined() && entry["description"].IsScalar())
            term.description = entry["description"].Scalar();
        if (entry["unit"].IsDefined() && entry["unit"].IsScalar())
            term.unit = entry["unit"].Scalar();
        term.min = bound(entry, "min", file, path, issues);
        term.max = bound(entry, "max", file, path, issues);
        if (term.min && term.max && *term.max < *term.min)
            issues.push_back(issue_at(entry, file, path, "max is less than min"));
    } else {
        issues.push_back(
            issue_at(entry, file, path, "each " + std::string(noun(v)) + " is " + form));
        return std::nullopt;
    }
    if (term.description.empty()) {
        issues.push_back(issue_at(entry, file, path,
                                  "each " + std::string(noun(v)) +
                                      " needs a short description saying what it is: " + form));
        return std::nullopt;
    }
    return term;
}

}  // namespace

void read_vocabularies(const YAML::Node& doc, const std::string& file, Region& region,
                       std::vector<Issue>& issues) {
    for (Vocabulary v : kVocabularies) {
        const YAML::Node list = doc[yaml_key(v)];
        if (!list.IsDefined())
            continue;
        if (!list.IsMap() || list.size() == 0) {
            issues.push_back(issue_at(list, file, yaml_key(v),
                                      std::string(yaml_key(v)) + " is a mapping of each " +
                                          noun(v) + " to a short description"));
            continue;
        }
        Terms& terms = region.vocabularies[v];
        for (const auto& kv : list) {
            const std::string name = kv.first.Scalar();
            const std::string path = std::string(yaml_key(v)) + "." + name;
            if (!is_name(name)) {
                issues.push_back(issue_at(kv.first, file, path,
                                          "'" + name +
                                              "' is not a name: lowercase letters, "
                                              "digits, _ and -"));
                continue;
            }
            if (auto term = read_term(kv.first, kv.second, v, file, path, issues))
                terms[name] = std::move(*term);
        }
    }
}

const Terms& require_vocabulary(const Region& region, Vocabulary v, const std::string& needed_by) {
    if (const Terms* terms = region.vocabulary(v))
        return *terms;
    throw IssueError("invalid region",
                     {Issue{region.file, 1, 0, yaml_key(v),
                            "the region declares no " + std::string(yaml_key(v)) + ", which " +
                                needed_by + " needs: add '" + yaml_key(v) + ":' mapping each " +
                                noun(v) + " the data uses to a short description"}});
}

std::optional<std::string> undeclared(const Region& region, Vocabulary v, const Terms& terms,
                                      const std::string& name) {
    if (terms.count(name))
        return std::nullopt;
    std::vector<std::string> names;
    for (const auto& [declared, term] : terms)
        names.push_back(declared);
    return "'" + name + "' is not in the " + yaml_key(v) + " declared in " + region.file +
           did_you_mean(name, names) + "; declared: " + join(names);
}

std::optional<std::string> out_of_range(const Term& measure, Decimal value) {
    if ((!measure.min || !(value < *measure.min)) && (!measure.max || !(*measure.max < value)))
        return std::nullopt;
    std::string range = measure.min && measure.max ? "from " + measure.min->to_short_string() +
                                                         " to " + measure.max->to_short_string()
                        : measure.min ? "at least " + measure.min->to_short_string()
                                      : "at most " + measure.max->to_short_string();
    return value.to_short_string() + " is outside the declared range: " + range +
           (measure.unit.empty() ? "" : " (" + measure.unit + ")");
}

namespace {

void check_name(const YAML::Node& at, const std::string& text, const ParamSpec& spec,
                const Region& region, const std::string& file, const std::string& path,
                std::vector<Issue>& issues) {
    std::vector<std::string> sides{text};
    if (spec.names.size() == 2) {
        const std::size_t slash = text.find('/');
        if (slash == std::string::npos || text.find('/', slash + 1) != std::string::npos)
            return;  // not a pair: the type's own check says so
        sides = {text.substr(0, slash), text.substr(slash + 1)};
    }
    for (std::size_t i = 0; i < sides.size(); ++i) {
        if (!spec.names[i] || (spec.names_any && sides[i] == "*"))
            continue;
        const Vocabulary v = *spec.names[i];
        const Terms* terms = region.vocabulary(v);
        if (terms == nullptr)
            issues.push_back(issue_at(at, file, path,
                                      "'" + sides[i] + "' is a name from " + yaml_key(v) +
                                          ", but " + region.file + " declares no " + yaml_key(v) +
                                          ": declare it there with a short description"));
        else if (auto why = undeclared(region, v, *terms, sides[i]))
            issues.push_back(issue_at(at, file, path, *why));
    }
}

void check_value(const YAML::Node& node, const ParamSpec& spec, const Region& region,
                 const std::string& file, const std::string& path, std::vector<Issue>& issues);

void check_object(const YAML::Node& node, const ParamSpec& spec, const Region& region,
                  const std::string& file, const std::string& path, std::vector<Issue>& issues,
                  const KeyFiles* key_files) {
    if (!node.IsMap())
        return;
    for (const auto& kv : node) {
        const std::string key = kv.first.Scalar();
        const ParamSpec* field = spec.field(key);
        if (field == nullptr)
            continue;
        const std::string& key_file =
            key_files && key_files->count(key) ? key_files->at(key) : file;
        check_value(kv.second, *field, region, key_file, path.empty() ? key : path + "." + key,
                    issues);
    }
    // A default names something too (fees.patient reads patient_fees_kr unless told
    // otherwise): the region must declare it; the issue points at the object.
    for (const ParamSpec& field : spec.fields) {
        if (field.names.empty() || !field.default_value || node[field.key].IsDefined())
            continue;
        const std::size_t before = issues.size();
        check_value(YAML::Load(*field.default_value), field, region, file,
                    (path.empty() ? "" : path + ".") + field.key + " (default)", issues);
        const bool marked = node.Mark().line >= 0;  // 0 (unknown) for a merged mapping
        for (std::size_t i = before; i < issues.size(); ++i) {
            issues[i].line = marked ? node.Mark().line + 1 : 0;
            issues[i].column = marked ? node.Mark().column + 1 : 0;
        }
    }
}

void check_value(const YAML::Node& node, const ParamSpec& spec, const Region& region,
                 const std::string& file, const std::string& path, std::vector<Issue>& issues) {
    switch (spec.kind) {
        case ParamKind::text:
            if (!spec.names.empty() && node.IsScalar())
                check_name(node, node.Scalar(), spec, region, file, path, issues);
            return;
        case ParamKind::list:
            for (std::size_t i = 0; node.IsSequence() && i < node.size(); ++i)
                check_value(node[i], spec.fields[0], region, file,
                            path + "[" + std::to_string(i) + "]", issues);
            return;
        case ParamKind::map:
            if (!node.IsMap())
                return;
            for (const auto& kv : node) {
                const std::string key_path = path + "." + kv.first.Scalar();
                if (!spec.names.empty())
                    check_name(kv.first, kv.first.Scalar(), spec, region, file, key_path, issues);
                check_value(kv.second, spec.fields[0], region, file, key_path, issues);
            }
            return;
        case ParamKind::object:
            check_object(node, spec, region, file, path, issues, nullptr);
            return;
        default:
            return;
    }
}

}  // namespace

void check_vocabulary(const YAML::Node& params, const ParamSpec& spec, const Region& region,
                      const std::string& file, const std::string& path, std::vector<Issue>& issues,
                      const KeyFiles* key_files) {
    check_object(params, spec, region, file, path, issues, key_files);
}

}  // namespace vardval
