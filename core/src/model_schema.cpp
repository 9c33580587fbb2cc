#include "vardval_host/model_schema.hpp"

#include "vardval/decimal.hpp"
#include "vardval/region.hpp"
#include "vardval_host/report.hpp"

namespace vardval {
namespace {

// JSON object text from "key": value members, in order.
std::string object(const std::vector<std::pair<std::string, std::string>>& members) {
    std::string out = "{";
    for (std::size_t i = 0; i < members.size(); ++i)
        out += (i ? ", " : "") + json_string(members[i].first) + ": " + members[i].second;
    return out + "}";
}

std::string array(const std::vector<std::string>& items) {
    return "[" + join(items) + "]";
}

std::string strings(const std::vector<std::string>& items) {
    std::vector<std::string> quoted;
    for (const std::string& s : items)
        quoted.push_back(json_string(s));
    return array(quoted);
}

std::string number(double v) {
    return Decimal::from_double(v).to_short_string();
}

std::string value_schema(const ParamSpec& spec);

// The members every parameter schema shares: its meaning, default and range.
std::vector<std::pair<std::string, std::string>> common(const ParamSpec& spec) {
    std::vector<std::pair<std::string, std::string>> m;
    std::string doc = spec.doc;
    if (spec.kind == ParamKind::money)
        doc += std::string(doc.empty() ? "" : " ") + "(kr)";
    if (!doc.empty())
        m.emplace_back("description", json_string(doc));
    if (spec.min)
        m.emplace_back("minimum", number(*spec.min));
    if (spec.max)
        m.emplace_back("maximum", number(*spec.max));
    return m;
}

// A number in the model may also be written as a quoted decimal ("0.14").
const char* const kDecimal = R"("^-?[0-9]+(\\.[0-9]{1,6})?$")";

std::string object_schema(const ParamSpec& spec, bool with_required) {
    std::vector<std::pair<std::string, std::string>> properties;
    std::vector<std::string> required;
    for (const ParamSpec& f : spec.fields) {
        properties.emplace_back(f.key, value_schema(f));
        if (f.required)
            required.push_back(f.key);
    }
    std::vector<std::pair<std::string, std::string>> m{{"type", "\"object\""},
                                                       {"properties", object(properties)},
                                                       {"additionalProperties", "false"}};
    if (with_required && !required.empty())
        m.emplace_back("required", strings(required));
    // Exactly one of a group: a oneOf of "this key is present".
    std::vector<std::string> all_of;
    for (const auto& group : spec.exactly_one_of) {
        std::vector<std::string> one_of;
        for (const std::string& key : group)
            one_of.push_back(object({{"required", strings({key})}}));
        if (with_required)
            all_of.push_back(object({{"oneOf", array(one_of)}}));
    }
    if (!all_of.empty())
        m.emplace_back("allOf", array(all_of));
    if (!spec.doc.empty())
        m.emplace_back("description", json_string(spec.doc));
    return object(m);
}

std::string value_schema(const ParamSpec& spec) {
    auto m = common(spec);
    switch (spec.kind) {
        case ParamKind::number:
        case ParamKind::money:
            m.insert(m.begin(),
                     {"anyOf", array({object({{"type", "\"number\""}}),
                                      object({{"type", "\"string\""}, {"pattern", kDecimal}})})});
            break;
        case ParamKind::integer:
            m.insert(m.begin(), {"type", "\"integer\""});
            break;
        case ParamKind::text:
            m.insert(m.begin(), {"type", "\"string\""});
            break;
        case ParamKind::boolean:
            m.insert(m.begin(), {"type", "\"boolean\""});
            break;
        case ParamKind::period:
            m.insert(m.begin(), {"type", "\"string\""});
            m.emplace_back("pattern", R"("^[0-9]{4}-(0[1-9]|1[0-2])$")");
            break;
        case ParamKind::period_range:
            m.insert(m.begin(), {"type", "\"string\""});
            m.emplace_back("pattern",
                           R"("^[0-9]{4}-(0[1-9]|1[0-2])(\\.\\.[0-9]{4}-(0[1-9]|1[0-2]))?$")");
            break;
        case ParamKind::choice:
            m.insert(m.begin(), {"enum", strings(spec.choices)});
            break;
        case ParamKind::list:
            m.insert(m.begin(), {"type", "\"array\""});
            m.emplace_back("items", value_schema(spec.fields[0]));
            break;
        case ParamKind::map:
            m.insert(m.begin(), {"type", "\"object\""});
            m.emplace_back("additionalProperties", value_schema(spec.fields[0]));
            break;
        case ParamKind::object:
            return object_schema(spec, true);
        case ParamKind::age_bands: {
            const std::string age =
                object({{"type", "\"integer\""}, {"minimum", "0"}, {"maximum", "120"}});
            const std::string band =
                object({{"type", "\"object\""},
                        {"properties", object({{"from", age},
                                               {"to", age},
                                               {"sex", object({{"enum", strings({"F", "M"})}})},
                                               {"weight", value_schema(param::number("weight"))}})},
                        {"required", strings({"from"})},
                        {"additionalProperties", "false"}});
            m.insert(m.begin(), {"type", "\"array\""});
            m.emplace_back("items", band);
            m.emplace_back("description",
                           json_string("age bands {from, to (omit on the last), sex, weight}, "
                                       "contiguous from 0"));
            break;
        }
        case ParamKind::component_params:
            m.insert(m.begin(), {"type", "[\"object\", \"null\"]"});
            break;
    }
    if (spec.default_value)
        m.emplace_back("default", json_string(*spec.default_value));
    return object(m);
}

// A component's params by its type: checked in full only where the file names the type (a
// new component, or a new type for an inherited id); an override of an inherited component
// gives only the keys it changes, and `key: ~` drops one.
std::string component_schema(const PluginHost& host) {
    std::vector<std::string> by_type;
    for (const RegisteredType* t : host.types()) {
        const std::string when = object(
            {{"properties", object({{"type", object({{"const", json_string(t->type.name)}})}})},
             {"required", strings({"type"})}});
        const std::string then =
            object({{"properties", object({{"params", object_schema(t->type.params, true)}})}});
        by_type.push_back(object({{"if", when}, {"then", then}}));
    }
    std::vector<std::string> summaries;
    for (const RegisteredType* t : host.types())
        summaries.push_back(t->type.name + ": " + t->type.summary);
    return object(
        {{"type", "\"object\""},
         {"required", strings({"id"})},
         {"additionalProperties", "false"},
         {"properties",
          object({{"id", object({{"type", "\"string\""},
                                 {"description", json_string("the component's id, unique in "
                                                             "the model; an extending year "
                                                             "overrides a component by id")}})},
                  {"type",
                   object({{"enum", strings(host.type_names())},
                           {"description", json_string("component type (vardval plugins TYPE): " +
                                                       join(summaries, "; "))}})},
                  {"label", object({{"type", "\"string\""}})},
                  {"source", object({{"type", "\"string\""}})},
                  {"payees", object({{"type", "\"array\""},
                                     {"items", object({{"enum", strings(kUnitKinds)}})}})},
                  {"params", object({{"type", "[\"object\", \"null\"]"}})},
                  {"illustrative",
                   object({{"type", "\"array\""},
                           {"items", object({{"type", "\"string\""}})},
                           {"description",
                            json_string("parameter keys whose values are not from the sources "
                                        "(reports mark them ILLUSTRATIVE)")}})},
                  {"remove",
                   object({{"type", "\"boolean\""},
                           {"description", json_string("true: drop the inherited component")}})}})},
         {"allOf", array(by_type)}});
}

}  // namespace

std::string model_json_schema(const PluginHost& host) {
    const std::string text = object({{"type", "\"string\""}});
    const std::string scale = object(
        {{"type", "\"object\""},
         {"required", strings({"reason", "factor", "params"})},
         {"additionalProperties", "false"},
         {"properties",
          object({{"reason", text},
                  {"factor", object({{"type", "\"number\""}, {"exclusiveMinimum", "0"}})},
                  {"params", object({{"type", "\"array\""},
                                     {"items", object({{"type", "\"string\""},
                                                       {"pattern", R"("^[^.]+\\..+$")"}})},
                                     {"description", json_string("component.key, e.g. "
                                                                 "distance.amount_per_listed_"
                                                                 "year")}})}})}});
    const std::string move =
        object({{"type", "\"object\""},
                {"required", strings({"reason", "from", "to", "amount_year"})},
                {"additionalProperties", "false"},
                {"properties",
                 object({{"reason", text},
                         {"from", text},
                         {"to", text},
                         {"amount_year", object({{"type", "\"number\""},
                                                 {"exclusiveMinimum", "0"},
                                                 {"description", json_string("kr a year")}})}})}});
    return object(
               {{"$schema", "\"https://json-schema.org/draft/2020-12/schema\""},
                {"title", "\"vardval model file (regions/<region>/<year>.yaml)\""},
                {"type", "\"object\""},
                {"additionalProperties", "false"},
                {"properties",
                 object(
                     {{"region", object({{"type", "\"string\""},
                                         {"description", json_string("region id, the "
                                                                     "folder under "
                                                                     "regions/")}})},
                      {"year", object({{"type", "\"integer\""},
                                       {"description", json_string("contract year; a year "
                                                                   "file's name")}})},
                      {"title", text},
                      {"source", text},
                      {"notes", text},
                      {"extends",
                       object({{"type", "[\"string\", \"integer\"]"},
                               {"description", json_string("the model this one starts from: "
                                                           "a year beside this file (2021) "
                                                           "or a path (../2020.yaml)")}})},
                      {"payees", object({{"type", "\"array\""},
                                         {"items", object({{"enum", strings(kUnitKinds)}})}})},
                      {"components", object({{"type", "[\"array\", \"null\"]"},
                                             {"items", component_schema(host)}})},
                      {"scale", object({{"type", "[\"array\", \"null\"]"}, {"items", scale}})},
                      {"moves", object({{"type", "[\"array\", \"null\"]"}, {"items", move}})}})}}) +
           "\n";
}

}  // namespace vardval
