#include "vardval_host/model_values.hpp"

namespace vardval {
namespace {

// The spec of `key` inside an object, map or list spec; null when the schema does not say.
const ParamSpec* child(const ParamSpec* spec, const std::string& key) {
    if (spec == nullptr)
        return nullptr;
    if (spec->kind == ParamKind::list || spec->kind == ParamKind::map)
        return spec->fields.empty() ? nullptr : &spec->fields[0];
    return spec->field(key);
}

std::string unit_of(const ParamSpec* spec) {
    return spec != nullptr && spec->kind == ParamKind::money ? "kr" : "";
}

struct Walker {
    std::string file;  // where the top-level key was set
    const ComponentDecl& component;
    std::vector<ResolvedValue>& out;

    void walk(const YAML::Node& node, const std::string& path, const std::string& param_path,
              const ParamSpec* spec) {
        if (node.IsMap()) {
            for (const auto& kv : node) {
                const std::string key = kv.first.Scalar();
                walk(kv.second, path + "." + key, param_path + "." + key, child(spec, key));
            }
            return;
        }
        if (node.IsSequence()) {
            for (std::size_t i = 0; i < node.size(); ++i)
                walk(node[i], path + "[" + std::to_string(i) + "]", param_path,
                     spec != nullptr && spec->kind == ParamKind::list ? child(spec, "") : nullptr);
            return;
        }
        std::string source = file;
        if (!node.Mark().is_null())
            source += ":" + std::to_string(node.Mark().line + 1);
        // A scaling of a price list names the list: it changed each of its entries too.
        for (const auto& [changed, where] : component.changed_at)
            if (param_path == changed || param_path.rfind(changed + ".", 0) == 0)
                for (const std::string& at : where)
                    source += (changed == "budget_year" ? "; moved at " : "; scaled at ") + at;
        out.push_back({path, node.IsNull() ? "~" : node.Scalar(), unit_of(spec), source});
    }
};

}  // namespace

std::vector<ResolvedValue> resolved_values(const ComponentDecl& c, const ParamSpec* type) {
    std::vector<ResolvedValue> out;
    const std::string declared = c.file + ":" + std::to_string(c.line);
    out.push_back({"type", c.type, "", c.file + ":" + std::to_string(c.type_line)});
    if (!c.label.empty())
        out.push_back({"label", c.label, "", declared});
    if (!c.payees.empty())
        out.push_back({"payees", join(c.payees), "", declared});
    if (c.params.IsMap())
        for (const auto& kv : c.params) {
            const std::string key = kv.first.Scalar();
            const auto file = c.param_files.find(key);
            Walker walker{file == c.param_files.end() ? c.file : file->second, c, out};
            walker.walk(kv.second, "params." + key, key, type ? type->field(key) : nullptr);
        }
    if (type != nullptr)
        for (const ParamSpec& f : type->fields)
            if (f.default_value && !(c.params.IsMap() && c.params[f.key].IsDefined())) {
                const YAML::Node value = YAML::Load(*f.default_value);
                std::vector<ResolvedValue> defaults;
                Walker walker{"default", c, defaults};
                walker.walk(value, "params." + f.key, f.key, &f);
                for (ResolvedValue& v : defaults) {
                    v.source = "default";
                    out.push_back(std::move(v));
                }
            }
    return out;
}

}  // namespace vardval
