#include "vardval_host/statement_report.hpp"

#include <optional>
#include <stdexcept>

#include "report_parts.hpp"
#include "vardval_host/model_info.hpp"

namespace vardval::report {

namespace {

// Text in a cell is in one language: the reader's.
std::string say(Lang lang, const char* sv, const char* en) {
    return lang == Lang::en ? en : sv;
}

const UnitStatement* find_unit(const RunResult& run, const std::string& unit) {
    for (const UnitStatement& s : run.units)
        if (s.unit->id == unit)
            return &s;
    return nullptr;
}

// The unit's amount for one component in a month; nothing when no line paid it.
std::optional<Ore> component_amount(const UnitStatement* s, const std::string& component) {
    if (s)
        for (const LedgerLine& l : s->lines)
            if (l.component == component)
                return l.amount_ore;
    return std::nullopt;
}

// The sum of the amounts there are; empty (not zero) when there are none.
std::optional<Ore> sum_amounts(const std::vector<std::optional<Ore>>& amounts) {
    std::optional<Ore> sum;
    for (const std::optional<Ore>& a : amounts)
        if (a)
            sum = sum.value_or(0) + *a;
    return sum;
}

Cell cell(const std::optional<Ore>& amount) {
    return amount ? Cell{*amount} : Cell{};
}

// The model's label for a component, or its id when the model gives none.
std::string label_of(const StatementInput& in, const std::string& component) {
    const auto label = in.labels.find(component);
    return label != in.labels.end() && !label->second.empty() ? label->second : component;
}

Table components_table(const StatementInput& in, const std::string& unit,
                       const RunResult* last_month, Lang lang) {
    const RunResult& run = *in.month;
    const UnitStatement& s = *find_unit(run, unit);
    const UnitStatement* last = last_month ? find_unit(*last_month, unit) : nullptr;
    const std::string last_text = last_month ? " (" + last_month->period.to_string() + ")" : "";
    Table t{"components",
            {"Ersättning per komponent", "Payment per component"},
            {{"component", {"Komponent", "Component"}, ColumnKind::text},
             {"basis", {"Underlag", "Basis"}, ColumnKind::number},
             {"basis_unit", {"Avser", "Counting"}, ColumnKind::text},
             {"rate", {"Pris (öre)", "Rate (öre)"}, ColumnKind::ore},
             {"amount", {"Belopp (kr)", "Amount (kr)"}, ColumnKind::kr},
             {"last_month",
              {"Förra månaden" + last_text + " (kr)", "Last month" + last_text + " (kr)"},
              ColumnKind::kr},
             {"year_to_date", {"Hittills i år (kr)", "Year to date (kr)"}, ColumnKind::kr}},
            {}};
    for (const auto& [component, type] : run.components) {
        const LedgerLine* line = nullptr;
        for (const LedgerLine& l : s.lines)
            if (l.component == component)
                line = &l;
        std::vector<std::optional<Ore>> months{component_amount(&s, component)};
        for (const RunResult* earlier : in.earlier)
            months.push_back(component_amount(find_unit(*earlier, unit), component));
        if (!line && !sum_amounts(months))
            continue;  // a component that never paid this unit this year
        Row row;
        row.cells.resize(t.columns.size());
        row.cells[0] = label_of(in, component);
        if (line) {
            row.cells[1] = line->exact_basis();
            row.cells[2] = line->basis_unit;
            row.cells[3] = line->exact_rate();
            row.cells[4] = line->amount_ore;
        }
        row.cells[5] = cell(component_amount(last, component));
        row.cells[6] = cell(sum_amounts(months));
        t.rows.push_back(std::move(row));
    }
    std::vector<std::optional<Ore>> totals{s.total_ore};
    for (const RunResult* earlier : in.earlier)
        if (const UnitStatement* e = find_unit(*earlier, unit))
            totals.push_back(e->total_ore);
    Row total;
    total.role = RowRole::total;
    total.cells.resize(t.columns.size());
    total.cells[0] = say(lang, "Totalt", "Total");
    total.cells[4] = s.total_ore;
    if (last)
        total.cells[5] = last->total_ore;
    total.cells[6] = cell(sum_amounts(totals));
    t.rows.push_back(std::move(total));
    return t;
}

// The sentence each of this month's lines gives, under the figures: it needs the page's width.
Table explanations_table(const StatementInput& in, const std::string& unit) {
    Table t{"explanations",
            {"Så har beloppen räknats", "How the amounts were computed"},
            {{"component", {"Komponent", "Component"}, ColumnKind::text},
             {"explanation", {"Förklaring", "Explanation"}, ColumnKind::text}},
            {}};
    for (const LedgerLine& l : find_unit(*in.month, unit)->lines)
        t.rows.push_back({{label_of(in, l.component), l.explanation}});
    return t;
}

// Every month of the year up to the statement's: computed ones with listed and amount,
// the others named, never shown as zero.
Table months_table(const StatementInput& in, const std::string& unit, Lang lang) {
    Table t{"months",
            {"Månader i år", "Months this year"},
            {{"month", {"Månad", "Month"}, ColumnKind::text},
             {"listed", {"Listade", "Listed"}, ColumnKind::count},
             {"amount", {"Belopp (kr)", "Amount (kr)"}, ColumnKind::kr},
             {"status", {"Status", "Status"}, ColumnKind::text}},
            {}};
    std::vector<const RunResult*> computed = in.earlier;
    computed.push_back(in.month);
    std::vector<std::optional<Ore>> amounts;
    for (int m = 1; m <= in.month->period.month; ++m) {
        const Period p{in.month->period.year, m};
        Row row;
        row.cells.resize(t.columns.size());
        row.cells[0] = p.to_string();
        row.cells[3] = say(lang, "ej beräknad, se not", "not computed, see note");
        for (const RunResult* r : computed)
            if (r->period == p) {
                row.cells[3] = say(lang, "ej betald", "not paid");
                if (const UnitStatement* s = find_unit(*r, unit)) {
                    row.cells[1] = s->listed;
                    row.cells[2] = s->total_ore;
                    row.cells[3] = say(lang, "beräknad", "computed");
                    amounts.push_back(s->total_ore);
                }
            }
        t.rows.push_back(std::move(row));
    }
    Row total;
    total.role = RowRole::total;
    total.cells.resize(t.columns.size());
    total.cells[0] = say(lang, "Hittills i år", "Year to date");
    total.cells[2] = cell(sum_amounts(amounts));
    t.rows.push_back(std::move(total));
    return t;
}

// Consecutive months not computed for the same reason, said once ("2020-03..2020-09"), so
// a statement late in the year still fits its page. A reason names its own month; that is
// written YYYY-MM in a group.
struct MissingMonths {
    Period first, last;
    std::string reason;
};

std::string generic_reason(const MonthNotComputed& m) {
    std::string reason = m.reason;
    const std::string month = m.period.to_string();
    for (std::size_t at = reason.find(month); at != std::string::npos;
         at = reason.find(month, at + 7))
        reason.replace(at, month.size(), "YYYY-MM");
    return reason;
}

std::vector<MissingMonths> grouped(const std::vector<MonthNotComputed>& months) {
    std::vector<MissingMonths> groups;
    for (const MonthNotComputed& m : months) {
        MissingMonths* last = groups.empty() ? nullptr : &groups.back();
        const bool next =
            last && m.period.year == last->last.year && m.period.month == last->last.month + 1;
        if (next && generic_reason(m) == generic_reason({last->last, last->reason})) {
            if (last->first == last->last)
                last->reason = generic_reason({last->first, last->reason});
            last->last = m.period;
        } else {
            groups.push_back({m.period, m.period, m.reason});
        }
    }
    return groups;
}

}  // namespace

Report statement_report(const StatementInput& in, const std::string& unit, Lang lang) {
    const RunResult& run = *in.month;
    const UnitStatement* s = find_unit(run, unit);
    if (!s)
        throw std::invalid_argument("unit '" + unit + "' is not paid by " + run.model_file +
                                    " in " + run.period.to_string());
    const RunResult* last_month = nullptr;
    for (const RunResult* e : in.earlier)
        if (e->period.month == run.period.month - 1)
            last_month = e;
    const std::string heading = run.period.to_string() + ": " + s->unit->name + " (" + s->unit->id +
                                "), " + run.region_name;
    Report r;
    r.title = {"Ersättningsbesked " + heading, "Payment statement " + heading};
    bool sample = run.sample_data;
    for (const RunResult* e : in.earlier)
        sample = sample || e->sample_data;
    // Every month runs the same model, so the month's marks the illustrative parameters.
    r.warnings = honesty_warnings(sample, illustrative_params(model_components(run)));
    r.tables.push_back(components_table(in, unit, last_month, lang));
    r.tables.push_back(explanations_table(in, unit));
    r.tables.push_back(months_table(in, unit, lang));
    r.charts.push_back({"components",
                        "component",
                        "amount",
                        {"Belopp per komponent " + run.period.to_string(),
                         "Amount per component " + run.period.to_string()}});
    for (const MissingMonths& m : grouped(in.not_computed)) {
        const std::string months =
            m.first.to_string() + (m.last == m.first ? "" : ".." + m.last.to_string());
        r.notes.push_back(
            {months + ": inte beräknad (" + m.reason + "); ingår inte i hittills i år",
             months + ": not computed (" + m.reason + "); not in the year to date"});
    }
    if (run.period.month == 1)
        r.notes.push_back({"Förra månaden hör till ett annat avtalsår och visas inte",
                           "Last month belongs to another contract year and is not shown"});
    r.notes.push_back(
        {"Modell: " + run.title + ", " + run.model_file + ", SHA-256 " + run.model_hash,
         "Model: " + run.title + ", " + run.model_file + ", SHA-256 " + run.model_hash});
    // Every figure's data: the month's, then each earlier month's behind the year to date.
    std::vector<const RunResult*> computed{&run};
    computed.insert(computed.end(), in.earlier.begin(), in.earlier.end());
    for (const RunResult* m : computed) {
        std::string datasets;
        for (const DatasetRef& d : m->datasets)
            datasets += (datasets.empty() ? "" : ", ") + d.to_string();
        r.notes.push_back({"Data för " + m->period.to_string() + ": " + datasets,
                           "Data for " + m->period.to_string() + ": " + datasets});
    }
    return r;
}

}  // namespace vardval::report
