#include "report_parts.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "vardval/issue.hpp"

namespace vardval::report {

Column column(const std::string& key, const std::string& sv, const std::string& en,
              ColumnKind kind) {
    return Column{key, Text{sv, en}, kind};
}

std::vector<Text> honesty_warnings(bool sample_data, const std::vector<std::string>& illustrative) {
    std::vector<Text> out;
    if (sample_data)
        out.push_back(
            {"EXEMPELDATA: beräknat från det medföljande syntetiska urvalet; betala "
             "aldrig ut efter det",
             "SAMPLE DATA: computed from the shipped synthetic sample; never pay from "
             "it"});
    if (!illustrative.empty())
        out.push_back({"ILLUSTRATIVA PARAMETRAR (inte ur källorna; ersätt före beslut): " +
                           join(illustrative),
                       "ILLUSTRATIVE parameters (not from the sources; replace before deciding): " +
                           join(illustrative)});
    return out;
}

Text unit_group(const Unit& unit) {
    static const std::map<std::string, Text> kinds{
        {"vardcentral", {"Vårdcentraler", "Primary-care units"}},
        {"psychiatry-clinic", {"Psykiatriska mottagningar", "Psychiatric clinics"}},
        {"psychiatry-provider", {"Vårdvalsutförare psykiatri", "Psychiatry providers"}},
    };
    const auto at = kinds.find(unit.kind);
    const Text kind = at != kinds.end() ? at->second : Text{unit.kind, unit.kind};
    const bool private_ = unit.ownership == Ownership::private_;
    return {kind.sv + (private_ ? ", privata" : ", regiondrivna"),
            kind.en + (private_ ? ", private" : ", region-run")};
}

namespace {

Cell amount(const std::optional<Ore>& ore) {
    return ore ? Cell{std::int64_t{*ore}} : Cell{};
}

// The difference as a share of the reference; empty when there is no reference amount.
Cell share(Ore diff, Ore reference) {
    return reference == 0 ? Cell{} : Cell{Rational::of(diff, reference)};
}

std::vector<Column> money_columns(const Pair& p) {
    return {column("reference", p.reference_name.sv, p.reference_name.en, ColumnKind::kr),
            column("model", p.model_name.sv, p.model_name.en, ColumnKind::kr),
            column("diff", "Skillnad kr", "Difference kr", ColumnKind::kr),
            column("diff_percent", "Skillnad %", "Difference %", ColumnKind::percent)};
}

std::vector<Cell> money_cells(const std::optional<Ore>& reference,
                              const std::optional<Ore>& model) {
    const Ore diff = model.value_or(0) - reference.value_or(0);
    return {amount(reference), amount(model), std::int64_t{diff},
            share(diff, reference.value_or(0))};
}

std::string key_of(const Pair& p, const std::string& table) {
    return p.key.empty() ? table : table + ":" + p.key;
}

// "today → carve-out: per unit", or "Per unit" for a pairwise compare.
Text titled(const Pair& p, const std::string& sv, const std::string& en) {
    auto capital = [](std::string s) {
        s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
        return s;
    };
    return p.title.sv.empty() ? Text{capital(sv), capital(en)}
                              : Text{p.title.sv + ": " + sv, p.title.in(Lang::en) + ": " + en};
}

Table units_table(const Pair& p, Lang lang) {
    Table t{key_of(p, "units"),
            titled(p, "per enhet, störst vinst först", "per unit, largest gain first"),
            {column("unit", "Enhet", "Unit", ColumnKind::text),
             column("group", "Typ", "Kind", ColumnKind::text),
             column("listed", "Listade", "Listed", ColumnKind::count)},
            {}};
    for (Column& c : money_columns(p))
        t.columns.push_back(std::move(c));
    t.columns.push_back(column("per_listed", "kr per listad", "kr per listed", ColumnKind::kr));
    std::vector<PairRow> rows = p.rows;
    std::stable_sort(rows.begin(), rows.end(),
                     [](const PairRow& a, const PairRow& b) { return a.diff() > b.diff(); });
    Ore reference = 0, model = 0, model_of_listed = 0;  // the last: of units with listed
    std::int64_t listed = 0;
    for (const PairRow& r : rows) {
        std::vector<Cell> cells{r.unit->name, unit_group(*r.unit).in(lang), std::int64_t{r.listed}};
        for (Cell& c : money_cells(r.reference, r.model))
            cells.push_back(std::move(c));
        cells.push_back(r.model && r.listed > 0 ? Cell{Rational::of(*r.model, r.listed)} : Cell{});
        t.rows.push_back({std::move(cells), RowRole::body});
        reference += r.reference.value_or(0);
        model += r.model.value_or(0);
        listed += r.listed;
        model_of_listed += r.listed > 0 ? r.model.value_or(0) : 0;
    }
    std::vector<Cell> total{units_total(rows.size(), lang), Cell{}, std::int64_t{listed}};
    for (Cell& c : money_cells(reference, model))
        total.push_back(std::move(c));
    total.push_back(listed > 0 ? Cell{Rational::of(model_of_listed, listed)} : Cell{});
    t.rows.push_back({std::move(total), RowRole::total});
    return t;
}

Table groups_table(const Pair& p, Lang lang) {
    Table t{key_of(p, "groups"),
            titled(p, "per typ av enhet", "per kind of unit"),
            {column("group", "Typ", "Kind", ColumnKind::text),
             column("units", "Enheter", "Units", ColumnKind::count)},
            {}};
    for (Column& c : money_columns(p))
        t.columns.push_back(std::move(c));
    struct Sum {
        std::int64_t units = 0;
        Ore reference = 0, model = 0;
    };
    std::vector<std::pair<std::string, Sum>> groups;  // in order of first appearance
    Sum all;
    for (const PairRow& r : p.rows) {
        const std::string name = unit_group(*r.unit).in(lang);
        auto at = std::find_if(groups.begin(), groups.end(),
                               [&](const auto& g) { return g.first == name; });
        if (at == groups.end())
            at = groups.insert(groups.end(), {name, Sum{}});
        for (Sum* s : {&at->second, &all}) {
            ++s->units;
            s->reference += r.reference.value_or(0);
            s->model += r.model.value_or(0);
        }
    }
    auto row = [&](const std::string& name, const Sum& s, RowRole role) {
        std::vector<Cell> cells{name, s.units};
        for (Cell& c : money_cells(s.reference, s.model))
            cells.push_back(std::move(c));
        t.rows.push_back({std::move(cells), role});
    };
    for (const auto& [name, sum] : groups)
        row(name, sum, RowRole::subtotal);
    row(Text{"Summa", "Total"}.in(lang), all, RowRole::total);
    return t;
}

Table components_table(const Pair& p, Lang lang) {
    Table t{key_of(p, "components"),
            titled(p, "per komponent", "per component"),
            {column("component", "Komponent", "Component", ColumnKind::text)},
            {}};
    for (Column& c : money_columns(p))
        t.columns.push_back(std::move(c));
    Ore reference = 0, model = 0;
    for (const PairComponent& c : p.components) {
        std::vector<Cell> cells{c.label};
        for (Cell& m : money_cells(c.reference, c.model))
            cells.push_back(std::move(m));
        t.rows.push_back({std::move(cells), RowRole::body});
        reference += c.reference;
        model += c.model;
    }
    std::vector<Cell> total{Text{"Summa", "Total"}.in(lang)};
    for (Cell& m : money_cells(reference, model))
        total.push_back(std::move(m));
    t.rows.push_back({std::move(total), RowRole::total});
    return t;
}

}  // namespace

std::string units_total(std::size_t units, Lang lang) {
    return Text{"Summa (" + std::to_string(units) + " enheter)",
                "Total (" + std::to_string(units) + " units)"}
        .in(lang);
}

void add_pair(Report& report, const Pair& pair, Lang lang) {
    report.tables.push_back(units_table(pair, lang));
    report.tables.push_back(groups_table(pair, lang));
    report.tables.push_back(components_table(pair, lang));
    const std::string units = key_of(pair, "units");
    report.charts.push_back(
        {units, "unit", "diff", titled(pair, "skillnad i kr", "difference in kr")});
    report.charts.push_back(
        {units, "unit", "diff_percent", titled(pair, "skillnad i %", "difference in %")});
}

}  // namespace vardval::report
