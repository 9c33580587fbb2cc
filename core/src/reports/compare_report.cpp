// A konsekvensanalys as a report: each model against the reference, per unit (sorted by
// difference, with kr per listed), per kind of unit and per component.
#include <algorithm>

#include "report_parts.hpp"
#include "vardval/issue.hpp"
#include "vardval_host/model_info.hpp"
#include "vardval_host/period_range.hpp"
#include "vardval_host/reports.hpp"

namespace vardval::report {
namespace {

std::string run_label(const RunResult& run) {
    return run.title.empty() ? std::to_string(run.year) : run.title;
}

// A model over several months is not stored itself: each month is, as its own run.
Text stored_as(const std::optional<std::int64_t>& run_id,
               const std::vector<std::int64_t>& month_run_ids) {
    if (run_id)
        return {"körning #" + std::to_string(*run_id), "run #" + std::to_string(*run_id)};
    if (!month_run_ids.empty())
        return {"körningar " + month_runs_text(month_run_ids),
                "runs " + month_runs_text(month_run_ids)};
    return {"inte sparad", "not stored"};
}

// One model's line of the sources: "base FILE (run #12, model sha256 …)".
Text model_note(const Text& role, const std::string& file,
                const std::optional<std::int64_t>& run_id,
                const std::vector<std::int64_t>& month_run_ids, const std::string& hash,
                const std::string& title) {
    const std::string tail = title.empty() ? "" : ": " + title;
    return {role.sv + " " + file + " (" + stored_as(run_id, month_run_ids).sv +
                ", modellens sha256 " + hash + ")" + tail,
            role.en + " " + file + " (" + stored_as(run_id, month_run_ids).en + ", model sha256 " +
                hash + ")" + tail};
}

}  // namespace

Report comparison_report(const Comparison& c, Lang lang) {
    const RunResult& base = *c.base;
    const RunResult& proposal = *c.proposal;
    const std::vector<ComponentInfo> base_info = model_components(base);
    const std::vector<ComponentInfo> proposal_info = model_components(proposal);
    Report r;
    const std::string what =
        base.region_name + ", " + base.period_text() + ": " + run_label(proposal);
    r.title = {"Konsekvensanalys, " + what + " jämfört med " + run_label(base) + " (kr)",
               "Impact analysis, " + what + " against " + run_label(base) + " (kr)"};
    r.warnings = honesty_warnings(
        base.sample_data || proposal.sample_data,
        merge_illustrative({illustrative_params(base_info), illustrative_params(proposal_info)}));

    Pair pair{"", {}, {"Bas", "Base"}, {"Förslag", "Proposal"}, {}, {}};
    for (const UnitDiff& u : c.units)
        pair.rows.push_back(
            {u.unit, u.listed, u.paid_by_base ? std::optional<Ore>(u.base_ore) : std::nullopt,
             u.paid_by_proposal ? std::optional<Ore>(u.proposal_ore) : std::nullopt});
    for (const ComponentDiff& d : c.components) {
        const bool in_base = std::any_of(base.components.begin(), base.components.end(),
                                         [&](const auto& b) { return b.first == d.component; });
        pair.components.push_back(
            {component_label(in_base ? base_info : proposal_info, d.component), d.base_ore,
             d.proposal_ore});
    }
    add_pair(r, pair, lang);

    // Each unit's components, for further work in a spreadsheet.
    Table detail{"unit_components",
                 {"Per enhet och komponent", "Per unit and component"},
                 {column("unit", "Enhet", "Unit", ColumnKind::text),
                  column("component", "Komponent", "Component", ColumnKind::text),
                  column("reference", "Bas", "Base", ColumnKind::kr),
                  column("model", "Förslag", "Proposal", ColumnKind::kr),
                  column("diff", "Skillnad kr", "Difference kr", ColumnKind::kr)},
                 {},
                 true};
    for (const UnitDiff& u : c.units)
        for (std::size_t i = 0; i < u.components.size(); ++i)
            detail.rows.push_back(
                {{u.unit->name, pair.components[i].label, std::int64_t{u.components[i].base_ore},
                  std::int64_t{u.components[i].proposal_ore},
                  std::int64_t{u.components[i].diff_ore()}},
                 RowRole::body});
    r.tables.push_back(std::move(detail));
    r.notes = {model_note({"Bas", "Base"}, base.model_file, base.run_id, base.month_run_ids,
                          base.model_hash, ""),
               model_note({"Förslag", "Proposal"}, proposal.model_file, proposal.run_id,
                          proposal.month_run_ids, proposal.model_hash, "")};
    return r;
}

Report side_by_side_report(const SideBySide& s, Lang lang) {
    const SideBySideModel& ref = s.models[s.reference];
    Report r;
    const std::string models = std::to_string(s.models.size());
    const std::string period = s.period_text();
    r.title = {"Konsekvensanalys, " + s.region_name + ", " + period + ": " + models +
                   " modeller jämförda med " + ref.name + " (kr)",
               "Impact analysis, " + s.region_name + ", " + period + ": " + models +
                   " models against " + ref.name + " (kr)"};
    std::vector<std::vector<std::string>> marked;
    for (const SideBySideModel& m : s.models)
        marked.push_back(m.illustrative);
    r.warnings = honesty_warnings(s.sample_data, merge_illustrative(marked));

    // The totals, the reference first.
    Table totals{"models",
                 {"Summa per modell", "Total per model"},
                 {column("model", "Modell", "Model", ColumnKind::text),
                  column("total", "Summa", "Total", ColumnKind::kr),
                  column("diff", "Skillnad kr", "Difference kr", ColumnKind::kr),
                  column("diff_percent", "Skillnad %", "Difference %", ColumnKind::percent),
                  column("title", "Titel", "Title", ColumnKind::text)},
                 {}};
    std::vector<std::size_t> order{s.reference};
    for (std::size_t m = 0; m < s.models.size(); ++m)
        if (m != s.reference)
            order.push_back(m);
    for (std::size_t m : order) {
        const SideBySideModel& model = s.models[m];
        const Ore diff = model.total_ore - ref.total_ore;
        totals.rows.push_back(
            {{model.name + (m == s.reference ? Text{" (referens)", " (reference)"}.in(lang) : ""),
              std::int64_t{model.total_ore}, m == s.reference ? Cell{} : Cell{std::int64_t{diff}},
              m == s.reference || ref.total_ore == 0 ? Cell{}
                                                     : Cell{Rational::of(diff, ref.total_ore)},
              model.title},
             RowRole::body});
    }
    r.tables.push_back(std::move(totals));

    // Every amount, one column per model, for further work.
    Table amounts{"amounts",
                  {"Belopp per enhet och modell", "Amount per unit and model"},
                  {column("unit_id", "Enhets-id", "Unit id", ColumnKind::text),
                   column("unit", "Enhet", "Unit", ColumnKind::text)},
                  {},
                  true};
    for (const SideBySideModel& m : s.models)
        amounts.columns.push_back({m.name, {m.name, m.name}, ColumnKind::kr});
    for (const SideBySideUnit& u : s.units) {
        std::vector<Cell> cells;
        cells.emplace_back(u.unit->id);
        cells.emplace_back(u.unit->name);
        for (const std::optional<Ore>& a : u.amounts_ore)
            cells.push_back(a ? Cell{std::int64_t{*a}} : Cell{});
        amounts.rows.push_back({std::move(cells), RowRole::body});
    }
    std::vector<Cell> sum;
    sum.emplace_back(Text{"Summa", "Total"}.in(lang));
    sum.emplace_back(units_total(s.units.size(), lang));
    for (const SideBySideModel& m : s.models)
        sum.push_back(std::int64_t{m.total_ore});
    amounts.rows.push_back({std::move(sum), RowRole::total});
    r.tables.push_back(std::move(amounts));

    for (std::size_t m : order) {
        if (m == s.reference)
            continue;
        const SideBySideModel& model = s.models[m];
        Pair pair{model.name,
                  {model.name + " jämfört med " + ref.name, model.name + " against " + ref.name},
                  {ref.name, ref.name},
                  {model.name, model.name},
                  {},
                  {}};
        for (const SideBySideUnit& u : s.units)
            if (u.amounts_ore[s.reference] || u.amounts_ore[m])
                pair.rows.push_back(
                    {u.unit, u.listed, u.amounts_ore[s.reference], u.amounts_ore[m]});
        // The reference's components, then those only the model has.
        for (const SideBySideModel::Component& c : ref.components) {
            const auto in_model =
                std::find_if(model.components.begin(), model.components.end(),
                             [&](const SideBySideModel::Component& x) { return x.id == c.id; });
            pair.components.push_back(
                {c.label, c.ore, in_model == model.components.end() ? 0 : in_model->ore});
        }
        for (const SideBySideModel::Component& c : model.components)
            if (std::none_of(ref.components.begin(), ref.components.end(),
                             [&](const SideBySideModel::Component& x) { return x.id == c.id; }))
                pair.components.push_back({c.label, 0, c.ore});
        add_pair(r, pair, lang);
    }

    for (const SideBySideModel& m : s.models)
        r.notes.push_back(model_note({m.name + ":", m.name + ":"}, m.file, m.run_id,
                                     m.month_run_ids, m.model_hash, m.title));
    if (s.equal_totals.empty())
        r.notes.push_back(
            {"Inga två modeller har identiska summor.", "No two models have identical totals."});
    for (const std::vector<std::size_t>& group : s.equal_totals) {
        std::vector<std::string> names;
        for (std::size_t k : group)
            names.push_back(s.models[k].name);
        r.notes.push_back({"Identiska summor (budgetneutrala): " + join(names),
                           "Identical totals (budget-neutral): " + join(names)});
    }
    return r;
}

}  // namespace vardval::report
