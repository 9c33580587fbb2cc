#include "vardval_host/engine.hpp"

#include <algorithm>
#include <stdexcept>
#include <string_view>

#include "vardval_host/plugin_host.hpp"
#include "vardval_host/provenance.hpp"
#include "vardval_host/unit_index.hpp"

namespace vardval {
namespace {

// `view` indexes the units the component pays.
void check_component_lines(const ComponentDecl& decl, const UnitIndex& view, Period period,
                           const std::vector<LedgerLine>& lines) {
    std::vector<bool> seen(view.size(), false);
    for (const LedgerLine& line : lines) {
        const auto at = view.find(line.unit);
        if (!at)
            throw std::runtime_error("component '" + decl.id +
                                     "' produced a line for unknown unit '" + line.unit + "'");
        if (seen[*at])
            throw std::runtime_error("component '" + decl.id + "' produced two lines for unit '" +
                                     line.unit + "'");
        seen[*at] = true;
        // Every line must be recomputable from its own fields, exactly (README "Money").
        if (const std::string wrong = recheck(line, period.month); !wrong.empty())
            throw std::runtime_error("component '" + decl.id + "', unit '" + line.unit +
                                     "': " + wrong);
    }
}

}  // namespace

RunResult run_model(const Model& model, const Region& full_region, const PluginHost& host,
                    RecordingDataSource& data, Period period) {
    if (auto issues = validate_model(model, full_region, host); !issues.empty())
        throw IssueError("invalid model", std::move(issues));
    const Region region = payee_region(full_region, model.payees);
    const UnitIndex full_index(full_region);
    const std::vector<ComponentDecl> decls = payable_components(model, host);

    RunResult result;
    result.region = region.id;
    result.region_name = region.name;
    result.year = model.year;
    result.title = model.title;
    result.model_file = model.file;
    ModelSnapshot snapshot = snapshot_model(model, full_region);
    result.model_hash = std::move(snapshot.sha256);
    result.model_text = std::move(snapshot.text);
    result.period = period;

    // Create every component before computing any, so a creation failure leaves no output.
    std::vector<std::shared_ptr<const Component>> components;
    for (const ComponentDecl& decl : decls) {
        const RegisteredType* type = host.find(decl.type);
        components.push_back(
            host.create(*type, Params(decl.params, type->type.params, decl.file,
                                      "component '" + decl.id + "'.params", decl.param_files)));
        result.components.emplace_back(decl.id, decl.type);
        const std::string plugin = type->plugin_name + " " + type->plugin_version;
        if (std::find(result.plugins.begin(), result.plugins.end(), plugin) == result.plugins.end())
            result.plugins.push_back(plugin);
    }

    const ListingAggregate& listing = data.listing(period);
    const UnitIndex index(region);
    for (const Unit& unit : region.units) {
        UnitStatement s;
        s.unit = &full_region.units[*full_index.find(unit.id)];  // outlives this run's view
        s.listed = listing.unit(unit.id).listed();
        result.units.push_back(std::move(s));
    }

    // Every line so far, for components paying a share of others; moved into the statements
    // once all are computed, so no line is copied.
    std::vector<LedgerLine> earlier;
    std::vector<std::size_t> unit_of;  // each earlier line's statement
    for (std::size_t i = 0; i < components.size(); ++i) {
        const ComponentDecl& decl = decls[i];
        // A component paying only some kinds sees only those units; the others get a zero
        // line saying so, so every statement lists every component.
        const bool all = decl.payees.empty();
        const Region view = all ? Region() : payee_region(region, decl.payees);
        const UnitIndex view_index = all ? UnitIndex() : UnitIndex(view);
        std::vector<LedgerLine> lines;
        try {
            lines = components[i]->compute({all ? region : view, period, data, earlier});
        } catch (const DataMissing& e) {
            throw DataMissing("component '" + decl.id + "': " + e.what());
        }
        check_component_lines(decl, all ? index : view_index, period, lines);
        if (!all)
            for (const Unit& unit : region.units)
                if (!view_index.find(unit.id)) {
                    LedgerLine line;
                    line.unit = unit.id;
                    line.explanation = "this component pays only " + join(decl.payees) + " units";
                    lines.push_back(std::move(line));
                }
        for (LedgerLine& line : lines) {
            line.component = decl.id;
            line.type = decl.type;
            const std::size_t k = *index.find(line.unit);  // checked above
            result.units[k].total_ore += line.amount_ore;
            unit_of.push_back(k);
            earlier.push_back(std::move(line));
        }
    }
    for (UnitStatement& s : result.units)
        s.lines.reserve(components.size());
    for (std::size_t j = 0; j < earlier.size(); ++j)
        result.units[unit_of[j]].lines.push_back(std::move(earlier[j]));
    for (const UnitStatement& s : result.units)
        result.total_ore += s.total_ore;
    result.datasets = data.used();
    result.sample_data = data.served_sample();
    return result;
}

}  // namespace vardval
