#include "vardval_host/model_diff.hpp"

#include "vardval/decimal.hpp"
#include "vardval_host/model_values.hpp"
#include "vardval_host/plugin_host.hpp"

namespace vardval {
namespace {

bool same_value(const std::string& a, const std::string& b) {
    const auto x = Decimal::parse(a), y = Decimal::parse(b);
    return x && y ? x->raw() == y->raw() : a == b;
}

std::vector<ResolvedValue> values_of(const ComponentDecl& c, const PluginHost& host) {
    const RegisteredType* t = host.find(c.type);
    return resolved_values(c, t ? &t->type.params : nullptr);
}

}  // namespace

std::vector<ValueChange> diff_models(const Model& base, const Model& proposal,
                                     const PluginHost& host) {
    std::vector<ValueChange> changes;
    // The units a model pays are part of what it pays (psychiatry models add clinics).
    if (base.payees != proposal.payees)
        changes.push_back({"(model)", "payees", "changed", join(base.payees), join(proposal.payees),
                           "", proposal.file, base.file});
    auto find = [](const Model& m, const std::string& id) -> const ComponentDecl* {
        for (const ComponentDecl& c : m.components)
            if (c.id == id)
                return &c;
        return nullptr;
    };
    auto declared = [](const ComponentDecl& c) { return c.file + ":" + std::to_string(c.line); };
    for (const ComponentDecl& b : base.components) {
        const ComponentDecl* p = find(proposal, b.id);
        if (p == nullptr) {
            changes.push_back({b.id, "(component)", "removed", b.type, std::nullopt, "",
                               proposal.file, declared(b)});
            continue;
        }
        const auto bv = values_of(b, host), pv = values_of(*p, host);
        auto lookup = [](const std::vector<ResolvedValue>& vs,
                         const std::string& key) -> const ResolvedValue* {
            for (const ResolvedValue& v : vs)
                if (v.key == key)
                    return &v;
            return nullptr;
        };
        for (const ResolvedValue& v : bv) {
            const ResolvedValue* w = lookup(pv, v.key);
            if (w == nullptr)
                changes.push_back({b.id, v.key, "removed", v.value, std::nullopt, v.unit,
                                   declared(*p), v.source});
            else if (!same_value(v.value, w->value))
                changes.push_back({b.id, v.key, "changed", v.value, w->value,
                                   w->unit.empty() ? v.unit : w->unit, w->source, v.source});
        }
        for (const ResolvedValue& w : pv)
            if (lookup(bv, w.key) == nullptr)
                changes.push_back(
                    {b.id, w.key, "added", std::nullopt, w.value, w.unit, w.source, ""});
    }
    for (const ComponentDecl& p : proposal.components)
        if (find(base, p.id) == nullptr) {
            changes.push_back(
                {p.id, "(component)", "added", std::nullopt, p.type, "", declared(p), ""});
            for (const ResolvedValue& w : values_of(p, host))
                if (w.key != "type")
                    changes.push_back(
                        {p.id, w.key, "added", std::nullopt, w.value, w.unit, w.source, ""});
        }
    return changes;
}

}  // namespace vardval
