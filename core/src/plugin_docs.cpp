#include "vardval_host/plugin_docs.hpp"

#include <regex>

#include <yaml-cpp/yaml.h>

#include "vardval/decimal.hpp"
#include "vardval_host/component_params.hpp"

namespace vardval {
namespace {

// Parameters with their docs; an object's own fields indented under it.
void write_fields(std::ostream& out, const ParamSpec& object, const std::string& indent) {
    for (const ParamSpec& f : object.fields) {
        out << indent << f.summary() << (f.doc.empty() ? "" : "\n" + indent + "    " + f.doc)
            << "\n";
        if (f.kind == ParamKind::object)
            write_fields(out, f, indent + "    ");
    }
    for (const auto& group : object.exactly_one_of)
        out << indent << "(exactly one of: " << join(group) << ")\n";
}

// A name of `v` from the region, or a placeholder saying where names come from.
std::string name_from(const std::optional<Vocabulary>& v, const Region* region) {
    if (!v)
        return "single";  // a side the type itself checks, e.g. an episode class
    const Terms* terms = region ? region->vocabulary(*v) : nullptr;
    if (terms != nullptr && !terms->empty())
        return terms->begin()->first;
    return std::string("<") + yaml_key(*v) + " from region.yaml>";
}

std::string declared_name(const ParamSpec& spec, const Region* region) {
    std::string name;
    for (std::size_t i = 0; i < spec.names.size(); ++i)
        name += (i ? "/" : "") + name_from(spec.names[i], region);
    return name;
}

// The midpoint of the declared range (0 to 1 gives 0.5), or 1 without a range.
Decimal in_range(const ParamSpec& spec) {
    const double lo = spec.min.value_or(spec.max ? std::min(0.0, *spec.max) : 0);
    const double hi = spec.max.value_or(lo + 2);
    return Decimal::from_double((lo + hi) / 2);
}

YAML::Node example_value(const ParamSpec& spec, const Region* region);

YAML::Node example_object(const ParamSpec& spec, const Region* region) {
    YAML::Node out(YAML::NodeType::Map);
    auto chosen = [&](const std::string& key) {
        if (spec.field(key)->required)
            return true;
        for (const auto& group : spec.exactly_one_of)
            if (!group.empty() && group.front() == key)
                return true;
        // A default naming what this region does not declare (a measure) must be replaced.
        const ParamSpec& f = *spec.field(key);
        return region != nullptr && f.kind == ParamKind::text && f.names.size() == 1 &&
               f.names[0] && f.default_value &&
               !(region->vocabulary(*f.names[0]) &&
                 region->vocabulary(*f.names[0])->count(*f.default_value));
    };
    for (const ParamSpec& f : spec.fields)
        if (chosen(f.key))
            out[f.key] = example_value(f, region);
    return out;
}

YAML::Node example_value(const ParamSpec& spec, const Region* region) {
    if (spec.default_value && spec.kind != ParamKind::list && spec.kind != ParamKind::map &&
        !(spec.kind == ParamKind::text && !spec.names.empty() && region != nullptr))
        return YAML::Load(*spec.default_value);
    switch (spec.kind) {
        case ParamKind::money:
            return YAML::Node(spec.min && *spec.min > 1000 ? in_range(spec).to_short_string()
                                                           : std::string("1000"));
        case ParamKind::number:
            return YAML::Node(in_range(spec).to_short_string());
        case ParamKind::integer:
            return YAML::Node(std::to_string(static_cast<long long>(in_range(spec).to_double())));
        case ParamKind::text:
            return YAML::Node(spec.names.empty() ? std::string("text")
                                                 : declared_name(spec, region));
        case ParamKind::boolean:
            return YAML::Node("false");
        case ParamKind::period:
            return YAML::Node("2022-01");
        case ParamKind::period_range:
            return YAML::Node("2021-01..2021-12");
        case ParamKind::choice:
            return YAML::Node(spec.choices.front());
        case ParamKind::list: {
            // Two objects (parts, rows) show that there may be several; their ids differ.
            YAML::Node list(YAML::NodeType::Sequence);
            const bool objects = spec.fields[0].kind == ParamKind::object;
            for (int i = 1; i <= (objects ? 2 : 1); ++i) {
                YAML::Node element = example_value(spec.fields[0], region);
                // Named after the list: parts → part1, part2.
                if (objects && element["id"].IsDefined())
                    element["id"] = (spec.key.size() > 1 && spec.key.back() == 's'
                                         ? spec.key.substr(0, spec.key.size() - 1)
                                         : spec.key) +
                                    std::to_string(i);
                list.push_back(element);
            }
            return list;
        }
        case ParamKind::map: {
            YAML::Node map(YAML::NodeType::Map);
            map[spec.names.empty() ? std::string("name") : declared_name(spec, region)] =
                example_value(spec.fields[0], region);
            return map;
        }
        case ParamKind::object:
            return example_object(spec, region);
        case ParamKind::age_bands:
            return YAML::Load("[{from: 0, to: 64, weight: 1}, {from: 65, weight: 2}]");
        case ParamKind::component_params:
            return YAML::Node(YAML::NodeType::Map);
    }
    return YAML::Node();
}

std::string short_id(const std::string& type) {
    const std::size_t dot = type.rfind('.');
    return dot == std::string::npos ? type : type.substr(dot + 1);
}

// Unit, range, choices and names of one parameter, for the full view of a type.
std::string allowed(const ParamSpec& f) {
    std::vector<std::string> parts;
    if (f.kind == ParamKind::money)
        parts.push_back("unit: kr");
    if (f.min)
        parts.push_back("at least " + Decimal::from_double(*f.min).to_short_string());
    if (f.max)
        parts.push_back("at most " + Decimal::from_double(*f.max).to_short_string());
    if (!f.choices.empty())
        parts.push_back("one of " + join(f.choices));
    return join(parts, "; ");
}

void write_details(std::ostream& out, const ParamSpec& object, const std::string& indent) {
    for (const ParamSpec& f : object.fields) {
        out << indent << f.summary() << "\n";
        if (!f.doc.empty())
            out << indent << "    " << f.doc << "\n";
        if (const std::string a = allowed(f); !a.empty())
            out << indent << "    " << a << "\n";
        if (f.kind == ParamKind::object)
            write_details(out, f, indent + "    ");
        if ((f.kind == ParamKind::list || f.kind == ParamKind::map) && !f.fields.empty() &&
            f.fields[0].kind == ParamKind::object)
            write_details(out, f.fields[0], indent + "    ");
    }
    for (const auto& group : object.exactly_one_of)
        out << indent << "(exactly one of: " << join(group) << ")\n";
}

void write_json_fields(std::ostream& out, const ParamSpec& object) {
    out << "[";
    for (std::size_t p = 0; p < object.fields.size(); ++p) {
        const ParamSpec& f = object.fields[p];
        out << (p ? ", " : "") << "{\"key\": " << json_string(f.key)
            << ", \"kind\": " << json_string(to_string(f.kind))
            << ", \"unit\": " << (f.kind == ParamKind::money ? "\"kr\"" : "null")
            << ", \"required\": " << (f.required ? "true" : "false")
            << ", \"default\": " << (f.default_value ? json_string(*f.default_value) : "null")
            << ", \"min\": " << (f.min ? Decimal::from_double(*f.min).to_short_string() : "null")
            << ", \"max\": " << (f.max ? Decimal::from_double(*f.max).to_short_string() : "null")
            << ", \"choices\": [";
        for (std::size_t c = 0; c < f.choices.size(); ++c)
            out << (c ? ", " : "") << json_string(f.choices[c]);
        out << "], \"doc\": " << json_string(f.doc);
        const ParamSpec* nested = f.kind == ParamKind::object ? &f
                                  : !f.fields.empty() && f.fields[0].kind == ParamKind::object
                                      ? &f.fields[0]
                                      : nullptr;
        if (nested != nullptr) {
            out << ", \"fields\": ";
            write_json_fields(out, *nested);
        }
        out << "}";
    }
    out << "]";
}

// A composite's parts (budget.split): each a component type that can be paid as a pot,
// with its own example parameters but not the price or budget the split sets from the share.
void example_parts(YAML::Node& params, const PluginHost& host, const Region* region) {
    const RegisteredType* pot = nullptr;
    for (const RegisteredType* t : host.types())
        if (!t->type.expand && t->type.params.field("budget_year") != nullptr &&
            !t->type.params.field("budget_year")->required &&
            !t->type.params.exactly_one_of.empty()) {
            pot = t;
            break;
        }
    if (pot == nullptr || !params["parts"].IsSequence())
        return;
    for (YAML::Node part : params["parts"]) {
        YAML::Node own = example_object(pot->type.params, region);
        for (const auto& group : pot->type.params.exactly_one_of)
            for (const std::string& key : group)
                own.remove(key);
        part["type"] = pot->type.name;
        part["params"] = own;
    }
}

// Fields the schema alone cannot tell are needed (a threshold mode needs `at_least`, a
// table's rows one more value than its limits): the type's own checks say so, and the
// example takes what they name, so it is valid by the same checks `validate` applies.
void complete_by_checks(const ComponentType& type, YAML::Node& params, const Region* region) {
    for (int round = 0; round < 8; ++round) {
        std::vector<Issue> issues;
        validate_component_params(type, params, "example", "params", issues);
        bool changed = false;
        for (const Issue& issue : issues) {
            for (const ParamSpec& f : type.params.fields)
                if (!params[f.key].IsDefined() &&
                    std::regex_search(issue.message, std::regex("\\b" + f.key + "\\b"))) {
                    params[f.key] = example_value(f, region);
                    changed = true;
                }
            std::smatch count;
            if (std::regex_search(issue.message, count, std::regex("needs ([0-9]+) values"))) {
                YAML::Node list = params;
                for (std::size_t at = issue.path.find('.'); at != std::string::npos;) {
                    const std::size_t next = issue.path.find('.', at + 1);
                    list.reset(list[issue.path.substr(at + 1, next - at - 1)]);
                    at = next;
                }
                while (list.IsSequence() && list.size() > 0 &&
                       list.size() < std::stoul(count[1].str())) {
                    list.push_back(YAML::Clone(list[list.size() - 1]));
                    changed = true;
                }
            }
        }
        if (!changed)
            return;
    }
}

}  // namespace

std::string example_component(const ComponentType& type, const Region* region,
                              const PluginHost* host) {
    YAML::Node item(YAML::NodeType::Map);
    item["id"] = short_id(type.name);
    item["type"] = type.name;
    YAML::Node params = example_object(type.params, region);
    if (host != nullptr && type.expand)
        example_parts(params, *host, region);
    complete_by_checks(type, params, region);
    item["params"] = params;
    YAML::Node list(YAML::NodeType::Sequence);
    list.push_back(item);
    YAML::Emitter emitter;
    emitter << list;
    return std::string(emitter.c_str()) + "\n";
}

void write_plugin(std::ostream& out, const RegisteredType& t, const Region* region,
                  const PluginHost* host, Format format) {
    const std::string example = example_component(t.type, region, host);
    if (format == Format::json) {
        out << "{\"type\": " << json_string(t.type.name)
            << ", \"library\": " << json_string(t.library_file)
            << ", \"plugin\": " << json_string(t.plugin_name)
            << ", \"version\": " << json_string(t.plugin_version)
            << ", \"summary\": " << json_string(t.type.summary) << ", \"reads\": [";
        for (std::size_t r = 0; r < t.type.reads.size(); ++r)
            out << (r ? ", " : "") << json_string(t.type.reads[r]);
        out << "], \"parameters\": ";
        write_json_fields(out, t.type.params);
        out << ", \"example\": " << json_string(example) << "}\n";
        return;
    }
    out << t.type.name << "  —  " << t.type.summary << "\n  library: " << t.library_file << " ("
        << t.plugin_name << " " << t.plugin_version << ")\n  reads: " << join(t.type.reads)
        << "\n\nParameters:\n";
    write_details(out, t.type.params, "  ");
    out << "\nExample (paste under `components:` in a model file, then set the values"
        << (region ? ", names from " + region->file : std::string(", names from region.yaml"))
        << "):\n\n";
    for (std::size_t start = 0; start < example.size();) {
        const std::size_t end = example.find('\n', start);
        out << "  " << example.substr(start, end - start) << "\n";
        start = end + 1;
    }
}

void write_plugins(std::ostream& out, const PluginHost& host, Format format) {
    const auto types = host.types();
    if (format == Format::json) {
        out << "[";
        for (std::size_t i = 0; i < types.size(); ++i) {
            const RegisteredType& t = *types[i];
            out << (i ? "," : "") << "\n  {\"type\": " << json_string(t.type.name)
                << ", \"library\": " << json_string(t.library_file)
                << ", \"plugin\": " << json_string(t.plugin_name)
                << ", \"version\": " << json_string(t.plugin_version)
                << ", \"summary\": " << json_string(t.type.summary) << ", \"reads\": [";
            for (std::size_t r = 0; r < t.type.reads.size(); ++r)
                out << (r ? ", " : "") << json_string(t.type.reads[r]);
            out << "], \"parameters\": [";
            for (std::size_t p = 0; p < t.type.params.fields.size(); ++p) {
                const ParamSpec& f = t.type.params.fields[p];
                out << (p ? ", " : "") << "{\"key\": " << json_string(f.key)
                    << ", \"kind\": " << json_string(to_string(f.kind))
                    << ", \"required\": " << (f.required ? "true" : "false") << ", \"default\": "
                    << (f.default_value ? json_string(*f.default_value) : "null")
                    << ", \"doc\": " << json_string(f.doc) << "}";
            }
            out << "]}";
        }
        out << "\n]\n";
        return;
    }
    if (format == Format::csv) {
        out << "type,library,parameter,kind,required,default\n";
        for (const RegisteredType* t : types)
            for (const ParamSpec& f : t->type.params.fields)
                out << t->type.name << "," << csv_field(t->library_file) << "," << f.key << ","
                    << csv_field(to_string(f.kind)) << "," << (f.required ? "yes" : "no") << ","
                    << csv_field(f.default_value.value_or("")) << "\n";
        return;
    }
    for (const RegisteredType* t : types) {
        out << t->type.name << "  —  " << t->type.summary << "\n  library: " << t->library_file
            << " (" << t->plugin_name << " " << t->plugin_version
            << ")\n  reads: " << join(t->type.reads) << "\n";
        write_fields(out, t->type.params, "  ");
        out << "\n";
    }
}

}  // namespace vardval
