#include "vardval_host/compare.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>

#include "vardval_host/period_range.hpp"

namespace vardval {
namespace {

// Component ids of both runs: the base's in payment order, then those only the proposal has.
std::vector<std::string> component_ids(const RunResult& base, const RunResult& proposal) {
    std::vector<std::string> ids;
    for (const RunResult* run : {&base, &proposal})
        for (const auto& [id, type] : run->components)
            if (std::find(ids.begin(), ids.end(), id) == ids.end())
                ids.push_back(id);
    return ids;
}

std::map<std::string, Ore> by_component(const UnitStatement& s) {
    std::map<std::string, Ore> amounts;
    for (const LedgerLine& l : s.lines)
        amounts[l.component] += l.amount_ore;
    return amounts;
}

// Both runs are of `region` and the same month, or std::invalid_argument says which differs.
void check_comparable(const RunResult& first, const RunResult& run, const Region& region) {
    if (run.region != first.region)
        throw std::invalid_argument("cannot compare models of different regions: " + first.region +
                                    " and " + run.region);
    if (run.period_text() != first.period_text())
        throw std::invalid_argument("cannot compare different months: " + first.period_text() +
                                    " and " + run.period_text());
    if (region.id != run.region)
        throw std::invalid_argument("the runs are for region " + run.region +
                                    ", the register given is " + region.id + "'s");
}

// The run's statements by register position (null where the run does not pay the unit), so
// runs of models paying different units are paired by unit id, never by position.
// `register_index` is each unit id's position in the register.
std::vector<const UnitStatement*> by_register(const RunResult& run, const Region& region,
                                              const UnitIndex& register_index) {
    std::vector<const UnitStatement*> statements(region.units.size(), nullptr);
    for (const UnitStatement& st : run.units) {
        const auto at = register_index.find(st.unit->id);
        if (!at)
            throw std::invalid_argument("unit '" + st.unit->id + "' of " + run.model_file +
                                        " is not in the register of " + region.id);
        if (statements[*at])
            throw std::invalid_argument("unit '" + st.unit->id + "' is paid twice by " +
                                        run.model_file);
        statements[*at] = &st;
    }
    return statements;
}

std::string label(const RunResult& run) {
    return run.title.empty() ? std::to_string(run.year) : run.title;
}

// What stored run a compared model became ("run #12"), or that it was not stored.
std::string run_note(const RunResult& run) {
    return run.run_id                   ? "run #" + std::to_string(*run.run_id)
           : !run.month_run_ids.empty() ? "runs " + month_runs_text(run.month_run_ids)
                                        : "not stored";
}

std::string json_run_id(const RunResult& run) {
    return run.run_id ? std::to_string(*run.run_id) : "null";
}

const char* const kSampleWarning =
    "SAMPLE DATA: computed from the shipped synthetic sample; never pay from it\n";

std::string percent(Ore diff, Ore base) {
    if (base == 0)
        return diff == 0 ? "0.0 %" : "new";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.1f %%",
                  100.0 * static_cast<double>(diff) / static_cast<double>(base));
    return buf;
}

void write_table(std::ostream& out, const Comparison& c) {
    out << c.base->region_name << ", payment for " << c.base->period_text() << ": "
        << label(*c.proposal) << " against " << label(*c.base) << " (kr)\n";
    if (c.base->sample_data || c.proposal->sample_data)
        out << kSampleWarning;
    char line[256];
    std::snprintf(line, sizeof line, "%-32s %8s %16s %16s %14s %8s\n", "Unit", "Listed", "Base",
                  "Proposal", "Difference", "");
    out << line << std::string(99, '-') << "\n";
    for (const UnitDiff& u : c.units) {
        const std::string name = pad(u.unit->name, 32, false);
        // A side that does not pay the unit shows "–" rather than an amount of 0.
        const std::string before = u.paid_by_base ? format_kr(u.base_ore) : "–";
        const std::string after = u.paid_by_proposal ? format_kr(u.proposal_ore) : "–";
        std::snprintf(line, sizeof line, " %8lld %s %s %14s %8s\n",
                      static_cast<long long>(u.listed), pad(before, 16, true).c_str(),
                      pad(after, 16, true).c_str(), format_kr(u.diff_ore()).c_str(),
                      percent(u.diff_ore(), u.base_ore).c_str());
        out << name << line;
    }
    out << std::string(99, '-') << "\n";
    std::snprintf(line, sizeof line, "%-32s %8s %16s %16s %14s %8s\n", "Total", "",
                  format_kr(c.total_base_ore).c_str(), format_kr(c.total_proposal_ore).c_str(),
                  format_kr(c.total_proposal_ore - c.total_base_ore).c_str(),
                  percent(c.total_proposal_ore - c.total_base_ore, c.total_base_ore).c_str());
    out << line << "\nBy component:\n";
    for (const ComponentDiff& d : c.components) {
        std::snprintf(line, sizeof line, "  %-30s %8s %16s %16s %14s %8s\n", d.component.c_str(),
                      "", format_kr(d.base_ore).c_str(), format_kr(d.proposal_ore).c_str(),
                      format_kr(d.diff_ore()).c_str(), percent(d.diff_ore(), d.base_ore).c_str());
        out << line;
    }
    out << "Base " << c.base->model_file << " (" << run_note(*c.base) << ", model sha256 "
        << c.base->model_hash << "); proposal " << c.proposal->model_file << " ("
        << run_note(*c.proposal) << ", model sha256 " << c.proposal->model_hash << ")\n";
}

void write_csv(std::ostream& out, const Comparison& c) {
    out << "period,unit,component,base_ore,proposal_ore,diff_ore\n";
    const std::string period = c.base->period_text();
    for (const UnitDiff& u : c.units) {
        for (const ComponentDiff& d : u.components)
            out << period << "," << u.unit->id << "," << d.component << "," << d.base_ore << ","
                << d.proposal_ore << "," << d.diff_ore() << "\n";
        out << period << "," << u.unit->id << ",total," << u.base_ore << "," << u.proposal_ore
            << "," << u.diff_ore() << "\n";
    }
}

void write_diffs(std::ostream& out, const std::vector<ComponentDiff>& diffs) {
    out << "[";
    for (std::size_t i = 0; i < diffs.size(); ++i)
        out << (i ? ", " : "") << "{\"component\": " << json_string(diffs[i].component)
            << ", \"base_ore\": " << diffs[i].base_ore
            << ", \"proposal_ore\": " << diffs[i].proposal_ore
            << ", \"diff_ore\": " << diffs[i].diff_ore() << "}";
    out << "]";
}

void write_json(std::ostream& out, const Comparison& c) {
    auto model = [](const RunResult& r) {
        return "{\"model\": " + json_string(r.model_file) +
               ", \"year\": " + std::to_string(r.year) + ", \"run_id\": " + json_run_id(r) +
               json_month_run_ids(r.month_run_ids) +
               ", \"model_sha256\": " + json_string(r.model_hash) + "}";
    };
    out << "{\n  \"region\": " << json_string(c.base->region)
        << ",\n  \"period\": " << json_string(c.base->period_text()) << ",\n  \"sample_data\": "
        << (c.base->sample_data || c.proposal->sample_data ? "true" : "false")
        << ",\n  \"base\": " << model(*c.base) << ",\n  \"proposal\": " << model(*c.proposal)
        << ",\n  \"total_base_ore\": " << c.total_base_ore
        << ",\n  \"total_proposal_ore\": " << c.total_proposal_ore
        << ",\n  \"total_diff_ore\": " << c.total_proposal_ore - c.total_base_ore
        << ",\n  \"components\": ";
    write_diffs(out, c.components);
    out << ",\n  \"units\": [";
    for (std::size_t i = 0; i < c.units.size(); ++i) {
        const UnitDiff& u = c.units[i];
        out << (i ? "," : "") << "\n    {\"unit\": " << json_string(u.unit->id)
            << ", \"name\": " << json_string(u.unit->name) << ", \"listed\": " << u.listed
            << ", \"paid_by_base\": " << (u.paid_by_base ? "true" : "false")
            << ", \"paid_by_proposal\": " << (u.paid_by_proposal ? "true" : "false")
            << ", \"base_ore\": " << u.base_ore << ", \"proposal_ore\": " << u.proposal_ore
            << ", \"diff_ore\": " << u.diff_ore() << ", \"components\": ";
        write_diffs(out, u.components);
        out << "}";
    }
    out << "\n  ]\n}\n";
}

// Side by side: N models, one column each.

std::string signed_kr(Ore ore) {
    return (ore > 0 ? "+" : "") + format_kr(ore);
}

void write_side_by_side_table(std::ostream& out, const SideBySide& s) {
    out << s.region_name << ", payment for " << s.period_text() << " under " << s.models.size()
        << " models (kr)\n";
    if (s.sample_data)
        out << kSampleWarning;
    std::vector<std::string> header{"Unit", "Name"};
    for (const SideBySideModel& m : s.models)
        header.push_back(m.name);
    std::vector<std::vector<std::string>> rows;
    for (const SideBySideUnit& u : s.units) {
        std::vector<std::string> row{u.unit->id, u.unit->name};
        for (const std::optional<Ore>& amount : u.amounts_ore)
            row.push_back(amount ? format_kr(*amount) : "–");
        rows.push_back(std::move(row));
    }
    std::vector<std::string> total_row{"Total", "(" + std::to_string(s.units.size()) + " units)"};
    for (const SideBySideModel& m : s.models)
        total_row.push_back(format_kr(m.total_ore));

    std::vector<std::size_t> widths(header.size());
    for (std::size_t i = 0; i < header.size(); ++i) {
        widths[i] = std::max(display_width(header[i]), display_width(total_row[i]));
        for (const auto& r : rows)
            widths[i] = std::max(widths[i], display_width(r[i]));
    }
    auto line = [&](const std::vector<std::string>& r) {
        std::string text;
        for (std::size_t i = 0; i < r.size(); ++i)
            text += (i ? "  " : "") + pad(r[i], widths[i], i > 1);
        out << text.erase(text.find_last_not_of(' ') + 1) << "\n";
    };
    std::size_t rule_width = 0;
    for (std::size_t w : widths)
        rule_width += w + 2;
    const std::string rule(rule_width - 2, '-');
    line(header);
    out << rule << "\n";
    for (const auto& r : rows)
        line(r);
    out << rule << "\n";
    line(total_row);

    std::size_t name_width = 0;
    for (const SideBySideModel& m : s.models)
        name_width = std::max(name_width, display_width(m.name));
    out << "\nColumns:\n";
    for (const SideBySideModel& m : s.models)
        out << "  " << pad(m.name, name_width, false) << "  " << m.file << " ("
            << (m.run_id                   ? "run #" + std::to_string(*m.run_id)
                : !m.month_run_ids.empty() ? "runs " + month_runs_text(m.month_run_ids)
                                           : "not stored")
            << ", model sha256 " << m.model_hash << ")" << (m.title.empty() ? "" : ": " + m.title)
            << "\n";

    const SideBySideModel& first = s.models.front();
    std::size_t total_width = 0;
    for (const SideBySideModel& m : s.models)
        total_width = std::max(total_width, display_width(format_kr(m.total_ore)));
    out << "\nTotals against " << first.name << ":\n";
    for (const SideBySideModel& m : s.models) {
        out << "  " << pad(m.name, name_width, false) << "  "
            << pad(format_kr(m.total_ore), total_width, true) << " kr";
        if (&m == &first)
            out << "  (reference)\n";
        else
            out << "  " << signed_kr(m.total_ore - first.total_ore) << " kr ("
                << percent(m.total_ore - first.total_ore, first.total_ore) << ")\n";
    }
    if (s.equal_totals.empty())
        out << "No two models have identical totals.\n";
    for (const std::vector<std::size_t>& group : s.equal_totals) {
        out << "Identical totals (budget-neutral):";
        for (std::size_t k = 0; k < group.size(); ++k)
            out << (k ? ", " : " ") << s.models[group[k]].name;
        out << "\n";
    }
}

void write_side_by_side_csv(std::ostream& out, const SideBySide& s) {
    out << "unit,name";
    for (const SideBySideModel& m : s.models)
        out << "," << csv_field(m.name);
    out << "\n";
    for (const SideBySideUnit& u : s.units) {
        out << csv_field(u.unit->id) << "," << csv_field(u.unit->name);
        for (const std::optional<Ore>& amount : u.amounts_ore) {
            out << ",";
            if (amount)
                out << *amount;
        }
        out << "\n";
    }
}

void write_side_by_side_json(std::ostream& out, const SideBySide& s) {
    out << "{\n  \"region\": " << json_string(s.region)
        << ",\n  \"period\": " << json_string(s.period_text())
        << ",\n  \"sample_data\": " << (s.sample_data ? "true" : "false") << ",\n  \"models\": [";
    for (std::size_t i = 0; i < s.models.size(); ++i) {
        const SideBySideModel& m = s.models[i];
        out << (i ? "," : "") << "\n    {\"name\": " << json_string(m.name)
            << ", \"file\": " << json_string(m.file) << ", \"title\": " << json_string(m.title)
            << ", \"run_id\": " << (m.run_id ? std::to_string(*m.run_id) : std::string("null"))
            << json_month_run_ids(m.month_run_ids)
            << ", \"model_sha256\": " << json_string(m.model_hash)
            << ", \"total_ore\": " << m.total_ore << "}";
    }
    out << "\n  ],\n  \"units\": [";
    for (std::size_t i = 0; i < s.units.size(); ++i) {
        const SideBySideUnit& u = s.units[i];
        out << (i ? "," : "") << "\n    {\"unit\": " << json_string(u.unit->id)
            << ", \"name\": " << json_string(u.unit->name) << ", \"amounts_ore\": {";
        for (std::size_t k = 0; k < u.amounts_ore.size(); ++k) {
            out << (k ? ", " : "") << json_string(s.models[k].name) << ": ";
            if (u.amounts_ore[k])
                out << *u.amounts_ore[k];
            else
                out << "null";
        }
        out << "}}";
    }
    out << "\n  ],\n  \"groups_with_equal_totals\": [";
    for (std::size_t g = 0; g < s.equal_totals.size(); ++g) {
        out << (g ? ", " : "") << "[";
        for (std::size_t k = 0; k < s.equal_totals[g].size(); ++k)
            out << (k ? ", " : "") << json_string(s.models[s.equal_totals[g][k]].name);
        out << "]";
    }
    out << "]\n}\n";
}

}  // namespace

Comparison compare_runs(const RunResult& base, const RunResult& proposal, const Region& region) {
    check_comparable(base, proposal, region);
    Comparison c;
    c.base = &base;
    c.proposal = &proposal;
    const std::vector<std::string> ids = component_ids(base, proposal);
    for (const std::string& id : ids)
        c.components.push_back({id, 0, 0});
    const UnitIndex index(region);
    const std::vector<const UnitStatement*> before = by_register(base, region, index);
    const std::vector<const UnitStatement*> after = by_register(proposal, region, index);
    for (std::size_t k = 0; k < region.units.size(); ++k) {
        const UnitStatement* b = before[k];
        const UnitStatement* p = after[k];
        if (!b && !p)
            continue;
        UnitDiff d{&region.units[k],
                   (p ? p : b)->listed,
                   b ? b->total_ore : 0,
                   p ? p->total_ore : 0,
                   b != nullptr,
                   p != nullptr,
                   {}};
        const auto base_amounts = b ? by_component(*b) : std::map<std::string, Ore>{};
        const auto proposal_amounts = p ? by_component(*p) : std::map<std::string, Ore>{};
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const Ore old_ore = base_amounts.count(ids[i]) ? base_amounts.at(ids[i]) : 0;
            const Ore new_ore = proposal_amounts.count(ids[i]) ? proposal_amounts.at(ids[i]) : 0;
            d.components.push_back({ids[i], old_ore, new_ore});
            c.components[i].base_ore += old_ore;
            c.components[i].proposal_ore += new_ore;
        }
        c.total_base_ore += d.base_ore;
        c.total_proposal_ore += d.proposal_ore;
        c.units.push_back(std::move(d));
    }
    return c;
}

void write_comparison(std::ostream& out, const Comparison& c, Format format) {
    switch (format) {
        case Format::table:
            write_table(out, c);
            break;
        case Format::csv:
            write_csv(out, c);
            break;
        case Format::json:
            write_json(out, c);
            break;
    }
}

std::vector<std::string> model_column_names(const std::vector<std::string>& files) {
    namespace fs = std::filesystem;
    std::vector<fs::path> paths;
    for (const std::string& f : files)
        paths.push_back(fs::absolute(fs::path(f)).lexically_normal());
    std::vector<std::string> names;
    for (const fs::path& p : paths)
        names.push_back(p.stem().string());
    std::vector<std::string> unique = names;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (std::count(names.begin(), names.end(), names[i]) < 2)
            continue;
        // The directory the files sharing this stem have in common, component by component.
        const fs::path dir = paths[i].parent_path();
        std::vector<fs::path> common(dir.begin(), dir.end());
        for (std::size_t j = 0; j < paths.size(); ++j) {
            if (names[j] != names[i])
                continue;
            const fs::path other = paths[j].parent_path();
            std::size_t k = 0;
            for (auto it = other.begin();
                 it != other.end() && k < common.size() && *it == common[k]; ++it)
                ++k;
            common.resize(k);
        }
        fs::path base;
        for (const fs::path& part : common)
            base /= part;
        unique[i] =
            (dir.lexically_relative(base) / paths[i].stem()).lexically_normal().generic_string();
    }
    // The same file given twice: number the repeats.
    std::set<std::string> used;
    for (std::string& name : unique) {
        const std::string plain = name;
        for (int n = 2; !used.insert(name).second; ++n)
            name = plain + "#" + std::to_string(n);
    }
    return unique;
}

SideBySideBuilder::SideBySideBuilder(const Region& region, std::size_t expected_models)
    : region_(region), cells_(region.units.size()) {
    files_.reserve(expected_models);
    for (std::vector<std::optional<Ore>>& unit : cells_)
        unit.reserve(expected_models);
}

void SideBySideBuilder::add(const RunResult& run) {
    if (models_.empty()) {
        first_.region = run.region;
        first_.region_name = run.region_name;
        first_.period = run.period;
        first_.last_period = run.last_period;
        index_ = UnitIndex(region_);
    }
    check_comparable(first_, run, region_);
    const std::vector<const UnitStatement*> statements = by_register(run, region_, index_);
    Ore total = 0;
    for (std::size_t k = 0; k < statements.size(); ++k) {
        cells_[k].push_back(statements[k] ? std::optional<Ore>(statements[k]->total_ore)
                                          : std::nullopt);
        if (statements[k])
            total += statements[k]->total_ore;
    }
    if (total != run.total_ore)  // the engine guarantees it; never show a wrong total
        throw std::runtime_error(run.model_file + ": unit totals " + std::to_string(total) +
                                 " öre do not add up to the run's total " +
                                 std::to_string(run.total_ore) + " öre");
    files_.push_back(run.model_file);
    models_.push_back({"", run.model_file, run.title, run.model_hash, run.run_id, run.month_run_ids,
                       run.total_ore});
    sample_data_ = sample_data_ || run.sample_data;
}

SideBySide SideBySideBuilder::finish() {
    if (models_.size() < 2)
        throw std::invalid_argument("a side-by-side comparison needs two or more models; got " +
                                    std::to_string(models_.size()));
    SideBySide s;
    s.region = first_.region;
    s.region_name = first_.region_name;
    s.period = first_.period;
    s.last_period = first_.last_period;
    s.sample_data = sample_data_;
    const std::vector<std::string> names = model_column_names(files_);
    s.models = std::move(models_);
    for (std::size_t m = 0; m < s.models.size(); ++m)
        s.models[m].name = names[m];
    for (std::size_t k = 0; k < region_.units.size(); ++k)
        if (std::any_of(cells_[k].begin(), cells_[k].end(),
                        [](const std::optional<Ore>& c) { return c.has_value(); }))
            s.units.push_back({&region_.units[k], std::move(cells_[k])});

    std::vector<bool> grouped(s.models.size(), false);
    for (std::size_t i = 0; i < s.models.size(); ++i) {
        if (grouped[i])
            continue;
        std::vector<std::size_t> group{i};
        for (std::size_t j = i + 1; j < s.models.size(); ++j)
            if (!grouped[j] && s.models[j].total_ore == s.models[i].total_ore) {
                group.push_back(j);
                grouped[j] = true;
            }
        if (group.size() > 1)
            s.equal_totals.push_back(std::move(group));
    }
    return s;
}

SideBySide compare_side_by_side(const std::vector<RunResult>& runs, const Region& region) {
    if (runs.size() < 2)
        throw std::invalid_argument("a side-by-side comparison needs two or more models; got " +
                                    std::to_string(runs.size()));
    SideBySideBuilder builder(region, runs.size());
    for (const RunResult& run : runs)
        builder.add(run);
    return builder.finish();
}

void write_side_by_side(std::ostream& out, const SideBySide& s, Format format) {
    switch (format) {
        case Format::table:
            write_side_by_side_table(out, s);
            break;
        case Format::csv:
            write_side_by_side_csv(out, s);
            break;
        case Format::json:
            write_side_by_side_json(out, s);
            break;
    }
}

}  // namespace vardval
