#include "vardval_host/compare.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>

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

std::string label(const RunResult& run) {
    return run.title.empty() ? std::to_string(run.year) : run.title;
}

std::string percent(Ore diff, Ore base) {
    if (base == 0)
        return diff == 0 ? "0.0 %" : "new";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.1f %%",
                  100.0 * static_cast<double>(diff) / static_cast<double>(base));
    return buf;
}

void write_table(std::ostream& out, const Comparison& c) {
    out << c.base->region_name << ", payment for " << c.base->period.to_string() << ": "
        << label(*c.proposal) << " against " << label(*c.base) << " (kr)\n";
    char line[256];
    std::snprintf(line, sizeof line, "%-32s %8s %16s %16s %14s %8s\n", "Unit", "Listed", "Base",
                  "Proposal", "Difference", "");
    out << line << std::string(99, '-') << "\n";
    for (const UnitDiff& u : c.units) {
        const std::string name = pad(u.unit->name, 32, false);
        std::snprintf(line, sizeof line, " %8lld %16s %16s %14s %8s\n",
                      static_cast<long long>(u.listed), format_kr(u.base_ore).c_str(),
                      format_kr(u.proposal_ore).c_str(), format_kr(u.diff_ore()).c_str(),
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
    out << "Base " << c.base->model_file << " (hash " << c.base->model_hash << "); proposal "
        << c.proposal->model_file << " (hash " << c.proposal->model_hash << ")\n";
}

void write_csv(std::ostream& out, const Comparison& c) {
    out << "period,unit,component,base_ore,proposal_ore,diff_ore\n";
    const std::string period = c.base->period.to_string();
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
               ", \"year\": " + std::to_string(r.year) +
               ", \"model_hash\": " + json_string(r.model_hash) + "}";
    };
    out << "{\n  \"region\": " << json_string(c.base->region)
        << ",\n  \"period\": " << json_string(c.base->period.to_string())
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
            << ", \"base_ore\": " << u.base_ore << ", \"proposal_ore\": " << u.proposal_ore
            << ", \"diff_ore\": " << u.diff_ore() << ", \"components\": ";
        write_diffs(out, u.components);
        out << "}";
    }
    out << "\n  ]\n}\n";
}

}  // namespace

Comparison compare_runs(const RunResult& base, const RunResult& proposal) {
    if (base.region != proposal.region)
        throw std::invalid_argument("cannot compare models of different regions: " + base.region +
                                    " and " + proposal.region);
    if (base.period != proposal.period)
        throw std::invalid_argument("cannot compare different months: " + base.period.to_string() +
                                    " and " + proposal.period.to_string());
    Comparison c;
    c.base = &base;
    c.proposal = &proposal;
    const std::vector<std::string> ids = component_ids(base, proposal);
    for (const std::string& id : ids)
        c.components.push_back({id, 0, 0});
    for (std::size_t u = 0; u < base.units.size(); ++u) {
        const UnitStatement& b = base.units[u];
        const UnitStatement& p = proposal.units.at(u);  // same region: same units, same order
        UnitDiff d{b.unit, b.listed, b.total_ore, p.total_ore, {}};
        const auto base_amounts = by_component(b);
        const auto proposal_amounts = by_component(p);
        for (std::size_t k = 0; k < ids.size(); ++k) {
            const Ore before = base_amounts.count(ids[k]) ? base_amounts.at(ids[k]) : 0;
            const Ore after = proposal_amounts.count(ids[k]) ? proposal_amounts.at(ids[k]) : 0;
            d.components.push_back({ids[k], before, after});
            c.components[k].base_ore += before;
            c.components[k].proposal_ore += after;
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

}  // namespace vardval
