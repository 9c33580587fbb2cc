// A run as a report: per unit and component, then the ledger lines, the model's parameters
// and where the figures come from.
#include <algorithm>

#include "report_parts.hpp"
#include "vardval/issue.hpp"
#include "vardval_host/model_info.hpp"
#include "vardval_host/period_range.hpp"
#include "vardval_host/reports.hpp"

namespace vardval::report {
namespace {

Table units_table(const RunResult& run, const std::vector<ComponentInfo>& info, Lang lang) {
    Table t{"units",
            {"Per enhet och komponent (kr)", "Per unit and component (kr)"},
            {column("unit", "Enhet", "Unit", ColumnKind::text),
             column("listed", "Listade", "Listed", ColumnKind::count)},
            {}};
    for (const auto& [id, type] : run.components) {
        const std::string label = component_label(info, id);
        t.columns.push_back({id, {label, label}, ColumnKind::kr});
    }
    t.columns.push_back(column("total", "Summa", "Total", ColumnKind::kr));
    std::vector<Ore> totals(run.components.size(), 0);
    std::int64_t listed = 0;
    for (const UnitStatement& s : run.units) {
        std::vector<Cell> cells;
        cells.emplace_back(s.unit->name);
        cells.emplace_back(std::int64_t{s.listed});
        for (std::size_t c = 0; c < run.components.size(); ++c) {
            Ore amount = 0;
            for (const LedgerLine& l : s.lines)
                if (l.component == run.components[c].first)
                    amount += l.amount_ore;
            totals[c] += amount;
            cells.push_back(std::int64_t{amount});
        }
        cells.push_back(std::int64_t{s.total_ore});
        t.rows.push_back({std::move(cells), RowRole::body});
        listed += s.listed;
    }
    std::vector<Cell> total;
    total.emplace_back(units_total(run.units.size(), lang));
    total.emplace_back(std::int64_t{listed});
    for (Ore amount : totals)
        total.push_back(std::int64_t{amount});
    total.push_back(std::int64_t{run.total_ore});
    t.rows.push_back({std::move(total), RowRole::total});
    return t;
}

Text rounding_text(Rounding r) {
    switch (r) {
        case Rounding::per_line:
            return {"avrundat, halva bort från noll", "rounded half away from zero"};
        case Rounding::largest_remainder:
            return {"andel av en pott, största rest", "share of a pot, largest remainder"};
        case Rounding::monthly_share:
            return {"månadens andel av årsbeloppet", "this month's share of the annual amount"};
    }
    return {};
}

Table lines_table(const RunResult& run, const std::vector<ComponentInfo>& info, Lang lang) {
    Table t{"lines",
            {"Rader med underlag, pris och belopp", "Lines with basis, rate and amount"},
            {column("unit_id", "Enhets-id", "Unit id", ColumnKind::text),
             column("unit", "Enhet", "Unit", ColumnKind::text),
             column("component", "Komponent", "Component", ColumnKind::text),
             column("basis", "Underlag", "Basis", ColumnKind::number),
             column("basis_unit", "Underlag avser", "Basis unit", ColumnKind::text),
             column("rate", "Pris (öre)", "Rate (öre)", ColumnKind::ore),
             column("amount", "Belopp", "Amount", ColumnKind::kr),
             column("rounding", "Avrundning", "Rounding", ColumnKind::text),
             column("explanation", "Förklaring", "Explanation", ColumnKind::text)},
            {},
            true};
    for (const UnitStatement& s : run.units)
        for (const LedgerLine& l : s.lines)
            t.rows.push_back(
                {{s.unit->id, s.unit->name, component_label(info, l.component), l.exact_basis(),
                  l.basis_unit, l.exact_rate(), std::int64_t{l.amount_ore},
                  rounding_text(l.rounding).in(lang), l.explanation},
                 RowRole::body});
    t.rows.push_back({{Cell{}, units_total(run.units.size(), lang), Cell{}, Cell{}, Cell{}, Cell{},
                       std::int64_t{run.total_ore}, Cell{}, Cell{}},
                      RowRole::total});
    return t;
}

Table parameters_table(const std::vector<ComponentInfo>& info, Lang lang) {
    Table t{"parameters",
            {"Modellens parametrar och källor", "The model's parameters and sources"},
            {column("component", "Komponent", "Component", ColumnKind::text),
             column("type", "Typ", "Type", ColumnKind::text),
             column("source", "Källa", "Source", ColumnKind::text),
             column("parameter", "Parameter", "Parameter", ColumnKind::text),
             column("value", "Värde", "Value", ColumnKind::text),
             column("illustrative", "Illustrativ", "Illustrative", ColumnKind::text)},
            {},
            true};
    for (const ComponentInfo& c : info)
        for (const auto& [key, value] : c.params) {
            // A mark on a map covers the keys under it.
            const bool marked = std::any_of(c.illustrative.begin(), c.illustrative.end(),
                                            [&key = key](const std::string& m) {
                                                return key == m || key.rfind(m + ".", 0) == 0;
                                            });
            t.rows.push_back({{c.label, c.type, c.source, key, value,
                               marked ? Text{"ILLUSTRATIV", "ILLUSTRATIVE"}.in(lang) : Cell{}},
                              RowRole::body});
        }
    return t;
}

Table provenance_table(const RunResult& run, Lang lang) {
    Table t{"provenance",
            {"Vad siffrorna bygger på", "What the figures come from"},
            {column("what", "Uppgift", "Item", ColumnKind::text),
             column("value", "Värde", "Value", ColumnKind::text)},
            {},
            true};
    auto add = [&](const Text& what, const std::string& value) {
        t.rows.push_back({{what.in(lang), value}, RowRole::body});
    };
    add({"Körning", "Run"}, run.run_id ? "#" + std::to_string(*run.run_id)
                            : !run.month_run_ids.empty()
                                ? month_runs_text(run.month_run_ids) +
                                      Text{" (en per månad)", " (one per month)"}.in(lang)
                                : Text{"inte sparad", "not stored"}.in(lang));
    add({"Region", "Region"}, run.region_name + " (" + run.region + ")");
    add({"Period", "Period"}, run.period_text());
    add({"Modellfil", "Model file"}, run.model_file);
    add({"Modellens SHA-256", "Model SHA-256"}, run.model_hash);
    for (const DatasetRef& d : run.datasets)
        add({"Data", "Data"}, d.to_string());
    for (const std::string& p : run.plugins)
        add({"Insticksmodul", "Plugin"}, p);
    add({"Exempeldata", "Sample data"},
        run.sample_data ? Text{"ja", "yes"}.in(lang) : Text{"nej", "no"}.in(lang));
    return t;
}

std::string datasets_text(const RunResult& run) {
    std::vector<std::string> texts;
    for (const DatasetRef& d : run.datasets)
        texts.push_back(d.to_string());
    return join(texts, "; ");
}

}  // namespace

Report run_report(const RunResult& run, Lang lang) {
    const std::vector<ComponentInfo> info = model_components(run);
    const std::string what =
        run.region_name + ", " + (run.title.empty() ? std::to_string(run.year) : run.title);
    Report r;
    r.title = {what + ", utbetalning för " + run.period_text() + " (kr)",
               what + ", payment for " + run.period_text() + " (kr)"};
    r.warnings = honesty_warnings(run.sample_data, illustrative_params(info));
    r.tables = {units_table(run, info, lang), lines_table(run, info, lang),
                parameters_table(info, lang), provenance_table(run, lang)};
    // A run over several months is not stored itself: its months are, one run each.
    const std::string id = run.run_id ? "#" + std::to_string(*run.run_id) : "";
    const std::string months = month_runs_text(run.month_run_ids);
    r.notes = {{(run.run_id                   ? "Körning " + id
                 : !run.month_run_ids.empty() ? "Körningar " + months + " (en per månad)"
                                              : std::string("Körningen är inte sparad")) +
                    ", modellens sha256 " + run.model_hash,
                (run.run_id                   ? "Run " + id
                 : !run.month_run_ids.empty() ? "Runs " + months + " (one per month)"
                                              : std::string("Run not stored")) +
                    ", model sha256 " + run.model_hash},
               {"Modell " + run.model_file + "; data: " + datasets_text(run),
                "Model " + run.model_file + "; data: " + datasets_text(run)}};
    return r;
}

}  // namespace vardval::report
