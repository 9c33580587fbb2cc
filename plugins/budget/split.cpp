#include "split.hpp"

#include <set>

#include "vardval/money.hpp"
#include "vardval/payment.hpp"

namespace vardval::budget {
namespace {

// The keys the split gives each part; a part setting them itself would be ambiguous.
const std::vector<std::string> kSetBySplit = {"budget_year", "budget_share"};

void check_split(const Params& p, std::vector<Issue>& issues) {
    Decimal total;
    std::set<std::string> ids;
    for (const Params& part : p.objects("parts")) {
        total += part.number("share");
        if (!ids.insert(part.text("id")).second)
            issues.push_back(part.issue("id", "two parts are called '" + part.text("id") + "'"));
        if (!part.has("params"))
            continue;
        for (const std::string& key : kSetBySplit)
            if (part.node("params")[key].IsDefined())
                issues.push_back(part.issue(
                    "params", "'" + key +
                                  "' is set by the split from its share; remove it (give "
                                  "planned_volume_year to pay a price derived from the pot)"));
    }
    if (total != Decimal::from_int(1))
        issues.push_back(p.issue("parts", "the shares add up to " + total.to_short_string() +
                                              ", not 1, so the parts would not pay the budget"));
}

std::string percent(Decimal share) {
    return share.times(100).to_short_string() + " %";
}

std::vector<ComponentPart> expand_split(const Params& p) {
    const std::vector<Params> parts = p.objects("parts");
    std::vector<Rational> shares;
    for (const Params& part : parts)
        shares.push_back(part.number("share"));
    const Ore total = amount_ore(Decimal::from_int(1), p.money_ore("budget_year"));
    const std::vector<Ore> budgets = distribute_largest_remainder(total, shares);

    std::vector<ComponentPart> out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Params& part = parts[i];
        // A mapping of its own holding the model's keys and values (with their lines, for
        // messages), so the model's node stays as written whatever the split sets.
        YAML::Node params(YAML::NodeType::Map);
        if (part.has("params"))
            for (const auto& kv : part.node("params"))
                params.force_insert(kv.first, kv.second);
        params["budget_year"] = Decimal::from_int(budgets[i]).divided_by(100).to_short_string();
        std::string label = percent(part.number("share")) + " of " + format_kr(total) + " kr";
        if (part.has("label"))
            label = part.text("label") + " (" + label + ")";
        out.push_back(ComponentPart{part.text("id"), part.text("type"), label, params});
    }
    return out;
}

}  // namespace

ComponentType split_type() {
    ComponentType t;
    t.name = "budget.split";
    t.summary =
        "one total budget divided between parts by shares (e.g. 70 % anslag / 30 % per visit): "
        "each part is a component paid its share as a pot split by its own basis, or, with "
        "planned_volume_year in its params, a price derived from that pot; the shares are "
        "split to the öre";
    const ParamSpec part = param::object(
        "part",
        {param::text("id").require().describe(
             "the part's name; its lines are component '<split id>.<id>'"),
         param::number("share").require().at_least(0).at_most(1).describe(
             "share of budget_year, e.g. 0.7; the shares add up to 1"),
         param::text("type").require().describe("the part's component type, e.g. psychiatry.visit"),
         param::text("label").describe("what the part pays, for statements"),
         param::component_params("params").describe(
             "the part's own parameters, without budget_year (set from the share)")});
    t.params = param::object(
        "params",
        {param::money("budget_year").require().at_least(0).describe("the total annual budget"),
         param::list("parts", part).require().describe("the parts, in payment order")});
    t.check = check_split;
    t.expand = expand_split;
    return t;
}

void register_types(Registrar& registrar) {
    registrar.add(split_type());
}

}  // namespace vardval::budget
