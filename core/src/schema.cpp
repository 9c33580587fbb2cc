#include "vardval/schema.hpp"

#include "vardval/ledger.hpp"

namespace vardval {

const char* to_string(ParamKind kind) {
    switch (kind) {
        case ParamKind::number:
            return "number";
        case ParamKind::integer:
            return "integer";
        case ParamKind::text:
            return "text";
        case ParamKind::boolean:
            return "true/false";
        case ParamKind::money:
            return "money (kr)";
        case ParamKind::period:
            return "month (YYYY-MM)";
        case ParamKind::period_range:
            return "month range (YYYY-MM..YYYY-MM, or YYYY-MM for one month)";
        case ParamKind::choice:
            return "choice";
        case ParamKind::list:
            return "list";
        case ParamKind::object:
            return "object";
        case ParamKind::map:
            return "map";
        case ParamKind::age_bands:
            return "age bands";
        case ParamKind::component_params:
            return "parameters of the part's component type";
    }
    return "?";
}

const char* to_string(Rounding r) {
    switch (r) {
        case Rounding::per_line:
            return "per_line";
        case Rounding::largest_remainder:
            return "largest_remainder";
        case Rounding::monthly_share:
            return "monthly_share";
    }
    return "?";
}

const ParamSpec* ParamSpec::field(const std::string& name) const {
    for (const ParamSpec& f : fields)
        if (f.key == name)
            return &f;
    return nullptr;
}

std::string ParamSpec::summary() const {
    std::string s = key + ": " + to_string(kind);
    if (kind == ParamKind::choice) {
        s += " (";
        for (std::size_t i = 0; i < choices.size(); ++i)
            s += (i ? "|" : "") + choices[i];
        s += ")";
    }
    if ((kind == ParamKind::list || kind == ParamKind::map) && !fields.empty())
        s += " of " + std::string(to_string(fields[0].kind));
    if (!names.empty()) {
        std::string from;
        for (const auto& side : names)
            from += (from.empty() ? "" : "/") + std::string(side ? yaml_key(*side) : "(fixed)");
        s += (kind == ParamKind::map ? ", keys from region.yaml " : ", a name from region.yaml ") +
             from;
    }
    if (required)
        s += ", required";
    if (default_value)
        s += ", default " + *default_value;
    return s;
}

namespace param {
namespace {
ParamSpec make(std::string key, ParamKind kind) {
    ParamSpec s;
    s.key = std::move(key);
    s.kind = kind;
    return s;
}
}  // namespace

ParamSpec number(std::string key) {
    return make(std::move(key), ParamKind::number);
}
ParamSpec integer(std::string key) {
    return make(std::move(key), ParamKind::integer);
}
ParamSpec text(std::string key) {
    return make(std::move(key), ParamKind::text);
}
ParamSpec boolean(std::string key) {
    return make(std::move(key), ParamKind::boolean);
}
ParamSpec money(std::string key) {
    return make(std::move(key), ParamKind::money);
}
ParamSpec period(std::string key) {
    return make(std::move(key), ParamKind::period);
}
ParamSpec period_range(std::string key) {
    return make(std::move(key), ParamKind::period_range);
}
ParamSpec choice(std::string key, std::vector<std::string> choices) {
    ParamSpec s = make(std::move(key), ParamKind::choice);
    s.choices = std::move(choices);
    return s;
}
ParamSpec list(std::string key, ParamSpec element) {
    ParamSpec s = make(std::move(key), ParamKind::list);
    s.fields.push_back(std::move(element));
    return s;
}
ParamSpec object(std::string key, std::vector<ParamSpec> fields) {
    ParamSpec s = make(std::move(key), ParamKind::object);
    s.fields = std::move(fields);
    return s;
}
ParamSpec map(std::string key, ParamSpec value) {
    ParamSpec s = make(std::move(key), ParamKind::map);
    s.fields.push_back(std::move(value));
    return s;
}
ParamSpec age_bands(std::string key) {
    return make(std::move(key), ParamKind::age_bands);
}
ParamSpec component_params(std::string key) {
    return make(std::move(key), ParamKind::component_params);
}
}  // namespace param

}  // namespace vardval
