#include "vardval/params.hpp"

#include <set>

namespace vardval {

Issue issue_at(const YAML::Mark& mark, const std::string& file, const std::string& path,
               std::string message) {
    Issue i;
    i.file = file;
    if (mark.line >= 0) {
        i.line = mark.line + 1;
        i.column = mark.column + 1;
    }
    i.path = path;
    i.message = std::move(message);
    return i;
}

Issue issue_at(const YAML::Node& node, const std::string& file, const std::string& path,
               std::string message) {
    return node.IsDefined() ? issue_at(node.Mark(), file, path, std::move(message))
                            : issue_at(YAML::Mark::null_mark(), file, path, std::move(message));
}

namespace {

std::string got(const YAML::Node& node) {
    if (node.IsScalar())
        return "'" + node.Scalar() + "'";
    if (node.IsSequence())
        return "a list";
    if (node.IsMap())
        return "a mapping";
    return "nothing";
}

void check_range(const YAML::Node& node, const ParamSpec& spec, double value,
                 const std::string& file, const std::string& path, std::vector<Issue>& issues) {
    if ((spec.min && value < *spec.min) || (spec.max && value > *spec.max)) {
        std::string range =
            spec.min && spec.max ? "between " + Decimal::from_double(*spec.min).to_short_string() +
                                       " and " + Decimal::from_double(*spec.max).to_short_string()
            : spec.min ? "at least " + Decimal::from_double(*spec.min).to_short_string()
                       : "at most " + Decimal::from_double(*spec.max).to_short_string();
        issues.push_back(issue_at(node, file, path,
                                  "value " + node.Scalar() + " out of range: must be " + range));
    }
}

void validate_value(const YAML::Node& node, const ParamSpec& spec, const std::string& file,
                    const std::string& path, std::vector<Issue>& issues) {
    const std::string expected = std::string("expected ") + to_string(spec.kind);
    switch (spec.kind) {
        case ParamKind::number:
        case ParamKind::money: {
            auto d = node.IsScalar() ? Decimal::parse(node.Scalar()) : std::nullopt;
            if (!d) {
                issues.push_back(issue_at(
                    node, file, path, expected + " with at most six decimals, got " + got(node)));
                return;
            }
            check_range(node, spec, d->to_double(), file, path, issues);
            return;
        }
        case ParamKind::integer: {
            auto d = node.IsScalar() ? Decimal::parse(node.Scalar()) : std::nullopt;
            if (!d || node.Scalar().find('.') != std::string::npos) {
                issues.push_back(issue_at(node, file, path, expected + ", got " + got(node)));
                return;
            }
            check_range(node, spec, d->to_double(), file, path, issues);
            return;
        }
        case ParamKind::text:
            if (!node.IsScalar())
                issues.push_back(issue_at(node, file, path, expected + ", got " + got(node)));
            return;
        case ParamKind::boolean: {
            bool ok = false;
            if (node.IsScalar()) {
                const std::string& s = node.Scalar();
                ok = s == "true" || s == "false";
            }
            if (!ok)
                issues.push_back(
                    issue_at(node, file, path, "expected true or false, got " + got(node)));
            return;
        }
        case ParamKind::period:
            if (!node.IsScalar() || !Period::parse(node.Scalar()))
                issues.push_back(issue_at(node, file, path, expected + ", got " + got(node)));
            return;
        case ParamKind::period_range:
            if (!node.IsScalar() || !PeriodRange::parse(node.Scalar()))
                issues.push_back(
                    issue_at(node, file, path, expected + " with first ≤ last, got " + got(node)));
            return;
        case ParamKind::choice: {
            bool ok = node.IsScalar() && std::find(spec.choices.begin(), spec.choices.end(),
                                                   node.Scalar()) != spec.choices.end();
            if (!ok)
                issues.push_back(issue_at(
                    node, file, path,
                    "expected one of " + join(spec.choices) + ", got " + got(node) +
                        (node.IsScalar() ? did_you_mean(node.Scalar(), spec.choices) : "")));
            return;
        }
        case ParamKind::list:
            if (!node.IsSequence()) {
                issues.push_back(issue_at(node, file, path, "expected a list, got " + got(node)));
                return;
            }
            for (std::size_t i = 0; i < node.size(); ++i)
                validate_value(node[i], spec.fields[0], file, path + "[" + std::to_string(i) + "]",
                               issues);
            return;
        case ParamKind::map:
            if (!node.IsMap()) {
                issues.push_back(
                    issue_at(node, file, path, "expected a mapping, got " + got(node)));
                return;
            }
            for (const auto& kv : node)
                validate_value(kv.second, spec.fields[0], file, path + "." + kv.first.Scalar(),
                               issues);
            return;
        case ParamKind::object:
            validate_params(node, spec, file, path, issues);
            return;
        case ParamKind::age_bands:
            validate_age_bands(node, file, path, issues);
            return;
        case ParamKind::component_params:  // their keys are the part type's; checked later
            if (!node.IsMap() && !node.IsNull())
                issues.push_back(issue_at(node, file, path,
                                          "expected a mapping of parameters, got " + got(node)));
            return;
    }
}

}  // namespace

void validate_params(const YAML::Node& node, const ParamSpec& spec, const std::string& file,
                     const std::string& path, std::vector<Issue>& issues,
                     const KeyFiles* key_files) {
    if (!node.IsDefined() || node.IsNull()) {
        for (const ParamSpec& f : spec.fields)
            if (f.required)
                issues.push_back(
                    issue_at(node, file, path,
                             "missing required parameter '" + f.key + "' (" + f.summary() + ")"));
        for (const auto& group : spec.exactly_one_of)
            issues.push_back(
                issue_at(node, file, path, "exactly one of " + join(group) + " is required"));
        return;
    }
    if (!node.IsMap()) {
        issues.push_back(
            issue_at(node, file, path, "expected a mapping of parameters, got " + got(node)));
        return;
    }
    std::vector<std::string> valid;
    for (const ParamSpec& f : spec.fields)
        valid.push_back(f.key);
    std::set<std::string> present;
    for (const auto& kv : node) {
        const std::string key = kv.first.Scalar();
        present.insert(key);
        const std::string key_path = path.empty() ? key : path + "." + key;
        const std::string& key_file =
            key_files && key_files->count(key) ? key_files->at(key) : file;
        const ParamSpec* f = spec.field(key);
        if (!f) {
            issues.push_back(issue_at(kv.first, key_file, key_path,
                                      "unknown parameter '" + key + "'" + did_you_mean(key, valid) +
                                          "; valid parameters: " + join(valid)));
            continue;
        }
        validate_value(kv.second, *f, key_file, key_path, issues);
    }
    for (const ParamSpec& f : spec.fields)
        if (f.required && !present.count(f.key))
            issues.push_back(
                issue_at(node, file, path,
                         "missing required parameter '" + f.key + "' (" + f.summary() + ")"));
    for (const auto& group : spec.exactly_one_of) {
        std::vector<std::string> given;
        for (const std::string& k : group)
            if (present.count(k))
                given.push_back(k);
        if (given.size() != 1)
            issues.push_back(issue_at(node, file, path,
                                      "exactly one of " + join(group) + " must be given" +
                                          (given.empty() ? "" : ", found " + join(given))));
    }
}

Params::Params(YAML::Node node, const ParamSpec& spec, std::string file, std::string path,
               KeyFiles key_files)
    : node_(std::move(node)),
      spec_(&spec),
      file_(std::move(file)),
      path_(std::move(path)),
      key_files_(std::move(key_files)) {}

bool Params::has(const std::string& key) const {
    return node_.IsMap() && node_[key].IsDefined() && !node_[key].IsNull();
}

YAML::Node Params::value(const std::string& key) const {
    if (has(key))
        return node_[key];
    const ParamSpec* f = spec_->field(key);
    if (f && f->default_value)
        return YAML::Load(*f->default_value);
    throw std::logic_error("parameter '" + key +
                           "' read but absent and without default (schema bug)");
}

Decimal Params::number(const std::string& key) const {
    return *Decimal::parse(value(key).Scalar());
}
std::int64_t Params::integer(const std::string& key) const {
    return number(key).raw() / Decimal::kScale;
}
std::string Params::text(const std::string& key) const {
    return value(key).Scalar();
}
bool Params::boolean(const std::string& key) const {
    return value(key).Scalar() == "true";
}
Decimal Params::money_ore(const std::string& key) const {
    return number(key).times(100);
}
Period Params::period(const std::string& key) const {
    return *Period::parse(value(key).Scalar());
}
PeriodRange Params::period_range(const std::string& key) const {
    return *PeriodRange::parse(value(key).Scalar());
}

std::vector<std::string> Params::texts(const std::string& key) const {
    std::vector<std::string> out;
    for (const auto& item : value(key))
        out.push_back(item.Scalar());
    return out;
}

std::map<std::string, Decimal> Params::numbers(const std::string& key) const {
    std::map<std::string, Decimal> out;
    for (const auto& kv : value(key))
        out[kv.first.Scalar()] = *Decimal::parse(kv.second.Scalar());
    return out;
}

std::map<std::string, Decimal> Params::money_map(const std::string& key) const {
    auto out = numbers(key);
    for (auto& [k, v] : out)
        v = v.times(100);
    return out;
}

AgeBandTable Params::age_bands(const std::string& key) const {
    return parse_age_bands(value(key));
}

Params Params::object(const std::string& key) const {
    return Params(value(key), *spec_->field(key), file_of(key), path_ + "." + key);
}

std::vector<Params> Params::objects(const std::string& key) const {
    const ParamSpec& element = spec_->field(key)->fields[0];
    const YAML::Node list = value(key);
    std::vector<Params> out;
    for (std::size_t i = 0; i < list.size(); ++i)
        out.emplace_back(list[i], element, file_of(key),
                         path_ + "." + key + "[" + std::to_string(i) + "]");
    return out;
}

YAML::Node Params::node(const std::string& key) const {
    return value(key);
}

Issue Params::issue(const std::string& key, std::string message) const {
    const YAML::Node at = has(key) ? node_[key] : node_;
    return issue_at(at, has(key) ? file_of(key) : file_, has(key) ? path_ + "." + key : path_,
                    std::move(message));
}

const std::string& Params::file_of(const std::string& key) const {
    auto it = key_files_.find(key);
    return it == key_files_.end() ? file_ : it->second;
}

}  // namespace vardval
