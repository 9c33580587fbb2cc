#include "vardval_host/period_range.hpp"

#include <algorithm>
#include <stdexcept>

#include "vardval/ledger.hpp"
#include "vardval/money.hpp"

namespace vardval {
namespace {

Period next_month(Period p) {
    return p.month == 12 ? Period{p.year + 1, 1} : Period{p.year, p.month + 1};
}

int month_count(const PeriodRange& r) {
    return (r.last.year - r.first.year) * 12 + (r.last.month - r.first.month) + 1;
}

template <class T>
void add_once(std::vector<T>& to, const T& value) {
    if (std::find(to.begin(), to.end(), value) == to.end())
        to.push_back(value);
}

// One unit's component over the range while it is being summed: each month's amount (a
// unit with two lines of one component in a month has them added), and each month's own
// explanation for the trace.
struct ComponentSum {
    LedgerLine line;  // unit, component and type; the rest is set by finish()
    std::vector<std::pair<std::size_t, Ore>> months;  // (index into the months, amount)
};

// The summed line as the header of period_range.hpp describes it.
void finish(ComponentSum& c, const std::vector<RunResult>& months, const std::string& range) {
    Ore sum = 0;
    std::string parts;
    for (const auto& [m, amount] : c.months) {
        sum += amount;
        const RunResult& run = months[m];
        parts += (parts.empty() ? "" : "; ") + run.period.to_string() +
                 (run.run_id ? " (run #" + std::to_string(*run.run_id) + ")" : std::string()) +
                 " " + format_kr(amount) + " kr";
    }
    const auto n = static_cast<std::int64_t>(c.months.size());
    LedgerLine& l = c.line;
    l.set_basis(Rational::from_int(n));
    l.basis_unit = "months";
    l.set_rate(Rational::from_int(sum) / Rational::from_int(n));
    l.amount_ore = sum;
    l.rounding = Rounding::per_line;
    l.explanation = range + ": the sum of " + std::to_string(n) + (n == 1 ? " month" : " months") +
                    " (basis: months; rate: the monthly average): " + parts;
}

}  // namespace

PeriodRange parse_run_period(std::string_view text) {
    const std::string valid = "; valid: a month, YYYY-MM, or a range of at most " +
                              std::to_string(kMaxRunMonths) +
                              " months, YYYY-MM..YYYY-MM (e.g. 2021-01..2021-12)";
    const std::string given = "--period '" + std::string(text) + "'";
    const auto range = PeriodRange::parse(text);
    if (!range) {
        // Say which of the two months is wrong, or that they are the wrong way round.
        const std::size_t dots = text.find("..");
        if (dots != std::string_view::npos) {
            const auto first = Period::parse(text.substr(0, dots));
            const auto last = Period::parse(text.substr(dots + 2));
            if (first && last)
                throw std::invalid_argument(given + ": the range ends (" + last->to_string() +
                                            ") before it starts (" + first->to_string() + ")" +
                                            valid);
            throw std::invalid_argument(
                given + ": '" + std::string(first ? text.substr(dots + 2) : text.substr(0, dots)) +
                "' is not a month" + valid);
        }
        throw std::invalid_argument(given + ": not a month" + valid);
    }
    if (month_count(*range) > kMaxRunMonths)
        throw std::invalid_argument(given + ": " + std::to_string(month_count(*range)) +
                                    " months, more than " + std::to_string(kMaxRunMonths) + valid);
    return *range;
}

std::vector<Period> months_of(const PeriodRange& range) {
    std::vector<Period> months;
    for (Period p = range.first; p <= range.last; p = next_month(p))
        months.push_back(p);
    return months;
}

std::vector<DatasetRef> datasets_of(const std::vector<RunResult>& runs) {
    std::vector<DatasetRef> out;
    for (const RunResult& run : runs)
        for (const DatasetRef& d : run.datasets)
            if (std::none_of(out.begin(), out.end(), [&](const DatasetRef& o) {
                    return o.kind == d.kind && o.period == d.period && o.version == d.version;
                }))
                out.push_back(d);
    return out;
}

void throw_missing_months(const PeriodRange& range,
                          const std::vector<std::pair<Period, std::string>>& missing) {
    if (missing.empty())
        return;
    // Months missing the same thing (a reference dataset every month reads) share one line.
    std::string months;
    std::vector<std::pair<std::string, std::string>> lines;  // months, what
    for (const auto& [month, what] : missing) {
        months += (months.empty() ? "" : ", ") + month.to_string();
        // A structured binding cannot be captured by a lambda (C++20 as clang 14 reads it).
        const std::string& reason = what;
        auto same = std::find_if(lines.begin(), lines.end(),
                                 [&](const auto& line) { return line.second == reason; });
        if (same == lines.end())
            lines.emplace_back(month.to_string(), reason);
        else
            same->first += ", " + month.to_string();
    }
    std::string details;
    for (const auto& [which, what] : lines)
        details += "\n  " + which + ": " + what;
    throw DataMissing("data missing for " + std::to_string(missing.size()) + " of the " +
                      std::to_string(month_count(range)) + " months of " + range.to_string() +
                      " (" + months + "); nothing was computed or stored:" + details);
}

std::string month_runs_text(const std::vector<std::int64_t>& month_run_ids) {
    std::string out;
    for (const std::int64_t id : month_run_ids)
        out += (out.empty() ? "#" : ", #") + std::to_string(id);
    return out;
}

std::string json_month_run_ids(const std::vector<std::int64_t>& month_run_ids) {
    if (month_run_ids.empty())
        return "";
    std::string out = ", \"month_run_ids\": [";
    for (std::size_t i = 0; i < month_run_ids.size(); ++i)
        out += (i ? ", " : "") + std::to_string(month_run_ids[i]);
    return out + "]";
}

RunResult sum_months(const std::vector<RunResult>& months) {
    if (months.empty())
        throw std::invalid_argument("no months to sum");
    const RunResult& first = months.front();
    for (std::size_t m = 0; m < months.size(); ++m) {
        const RunResult& run = months[m];
        if (run.last_period)
            throw std::invalid_argument("cannot sum " + run.period_text() +
                                        ": already a sum of months");
        if (m > 0 && run.period != next_month(months[m - 1].period))
            throw std::invalid_argument("cannot sum " + months[m - 1].period.to_string() + " and " +
                                        run.period.to_string() +
                                        ": the months must follow each other");
        if (run.region != first.region || run.model_hash != first.model_hash)
            throw std::invalid_argument("cannot sum runs of different models: " + first.region +
                                        " " + first.model_file + " and " + run.region + " " +
                                        run.model_file);
    }
    if (months.size() == 1)
        return first;

    RunResult sum;
    sum.region = first.region;
    sum.region_name = first.region_name;
    sum.year = first.year;
    sum.title = first.title;
    sum.model_file = first.model_file;
    sum.model_hash = first.model_hash;
    sum.model_text = first.model_text;
    sum.period = first.period;
    sum.last_period = months.back().period;
    sum.datasets = datasets_of(months);
    const std::string range = sum.period_text();

    std::vector<std::vector<ComponentSum>> lines;  // per unit of sum.units
    Ore months_total = 0;
    std::vector<Ore> unit_months_total;  // per unit: the months' own unit totals
    for (std::size_t m = 0; m < months.size(); ++m) {
        const RunResult& run = months[m];
        months_total += run.total_ore;
        for (const auto& c : run.components)
            add_once(sum.components, c);
        for (const std::string& p : run.plugins)
            add_once(sum.plugins, p);
        sum.sample_data = sum.sample_data || run.sample_data;
        for (const UnitStatement& s : run.units) {
            auto u = std::find_if(sum.units.begin(), sum.units.end(),
                                  [&](const UnitStatement& o) { return o.unit->id == s.unit->id; });
            if (u == sum.units.end()) {
                sum.units.push_back(UnitStatement{s.unit, 0, {}, 0});
                lines.emplace_back();
                unit_months_total.push_back(0);
                u = sum.units.end() - 1;
            }
            const auto k = static_cast<std::size_t>(u - sum.units.begin());
            u->listed = s.listed;  // the last month's listing (see the header)
            unit_months_total[k] += s.total_ore;
            for (const LedgerLine& l : s.lines) {
                auto c = std::find_if(lines[k].begin(), lines[k].end(), [&](const ComponentSum& o) {
                    return o.line.component == l.component;
                });
                if (c == lines[k].end()) {
                    ComponentSum fresh;
                    fresh.line.unit = l.unit;
                    fresh.line.component = l.component;
                    fresh.line.type = l.type;
                    lines[k].push_back(std::move(fresh));
                    c = lines[k].end() - 1;
                }
                if (c->months.empty() || c->months.back().first != m)
                    c->months.emplace_back(m, 0);
                c->months.back().second += l.amount_ore;
                c->line.trace.push_back(run.period.to_string() + ": " + l.explanation);
            }
        }
    }
    if (std::all_of(months.begin(), months.end(), [](const RunResult& r) { return r.run_id; }))
        for (const RunResult& r : months)
            sum.month_run_ids.push_back(*r.run_id);

    for (std::size_t k = 0; k < sum.units.size(); ++k) {
        UnitStatement& s = sum.units[k];
        for (ComponentSum& c : lines[k]) {
            finish(c, months, range);
            // A summed line must check like any other (README "Money"); if not, it is a bug.
            if (const std::string wrong = recheck(c.line, sum.period.month); !wrong.empty())
                throw std::runtime_error("summed line " + s.unit->id + "/" + c.line.component +
                                         " does not reconcile: " + wrong);
            s.total_ore += c.line.amount_ore;
            s.lines.push_back(std::move(c.line));
        }
        if (s.total_ore != unit_months_total[k])
            throw std::runtime_error("unit " + s.unit->id + ": the summed lines (" +
                                     std::to_string(s.total_ore) +
                                     " öre) differ from its months' " + "totals (" +
                                     std::to_string(unit_months_total[k]) + " öre)");
        sum.total_ore += s.total_ore;
    }
    if (sum.total_ore != months_total)
        throw std::runtime_error(range + ": the units' sums (" + std::to_string(sum.total_ore) +
                                 " öre) differ from the months' totals (" +
                                 std::to_string(months_total) + " öre)");
    return sum;
}

}  // namespace vardval
