#include "vardval_host/engine.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "vardval_host/plugin_host.hpp"
#include "vardval_host/provenance.hpp"

namespace vardval {
namespace {

void check_component_lines(const ComponentDecl& decl, const Region& region, Period period,
                           const std::vector<LedgerLine>& lines) {
    std::map<std::string, int> seen;
    for (const LedgerLine& line : lines) {
        if (!region.find(line.unit))
            throw std::runtime_error("component '" + decl.id +
                                     "' produced a line for unknown unit '" + line.unit + "'");
        if (++seen[line.unit] > 1)
            throw std::runtime_error("component '" + decl.id + "' produced two lines for unit '" +
                                     line.unit + "'");
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
    std::map<std::string, std::size_t> index;
    for (const Unit& unit : region.units) {
        index[unit.id] = result.units.size();
        UnitStatement s;
        s.unit = full_region.find(unit.id);  // outlives this run's view of the region
        s.listed = listing.unit(unit.id).listed();
        result.units.push_back(std::move(s));
    }

    std::vector<LedgerLine> earlier;  // every line so far, for components paying a share of others
    for (std::size_t i = 0; i < components.size(); ++i) {
        const ComponentDecl& decl = decls[i];
        // A component paying only some kinds sees only those units; the others get a zero
        // line saying so, so every statement lists every component.
        const Region view = decl.payees.empty() ? region : payee_region(region, decl.payees);
        std::vector<LedgerLine> lines;
        try {
            lines = components[i]->compute({view, period, data, earlier});
        } catch (const DataMissing& e) {
            throw DataMissing("component '" + decl.id + "': " + e.what());
        }
        check_component_lines(decl, view, period, lines);
        for (const Unit& unit : region.units)
            if (!view.find(unit.id)) {
                LedgerLine line;
                line.unit = unit.id;
                line.explanation = "this component pays only " + join(decl.payees) + " units";
                lines.push_back(std::move(line));
            }
        for (LedgerLine& line : lines) {
            line.component = decl.id;
            line.type = decl.type;
            earlier.push_back(line);
            UnitStatement& s = result.units[index.at(line.unit)];
            s.total_ore += line.amount_ore;
            s.lines.push_back(std::move(line));
        }
    }
    for (const UnitStatement& s : result.units)
        result.total_ore += s.total_ore;
    result.datasets = data.used();
    result.sample_data = data.served_sample();
    return result;
}

}  // namespace vardval
