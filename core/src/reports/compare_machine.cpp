// The machine formats of a comparison (csv and json, shapes documented in the README and
// relied on by users); the human formats render the report of compare_report.cpp.
#include <algorithm>

#include "vardval/issue.hpp"
#include "vardval_host/compare.hpp"
#include "vardval_host/model_info.hpp"
#include "vardval_host/period_range.hpp"
#include "vardval_host/reports.hpp"

namespace vardval {
namespace {

std::string json_run_id(const RunResult& run) {
    return run.run_id ? std::to_string(*run.run_id) : "null";
}

std::string json_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + json_string(items[i]);
    return out + "]";
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
        << ",\n  \"illustrative\": "
        << json_list(merge_illustrative({illustrative_params(model_components(*c.base)),
                                         illustrative_params(model_components(*c.proposal))}))
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
        << ",\n  \"sample_data\": " << (s.sample_data ? "true" : "false");
    std::vector<std::vector<std::string>> marked;
    for (const SideBySideModel& m : s.models)
        marked.push_back(m.illustrative);
    out << ",\n  \"illustrative\": " << json_list(merge_illustrative(marked))
        << ",\n  \"reference\": " << json_string(s.models[s.reference].name)
        << ",\n  \"models\": [";
    for (std::size_t i = 0; i < s.models.size(); ++i) {
        const SideBySideModel& m = s.models[i];
        out << (i ? "," : "") << "\n    {\"name\": " << json_string(m.name)
            << ", \"file\": " << json_string(m.file) << ", \"title\": " << json_string(m.title)
            << ", \"run_id\": " << (m.run_id ? std::to_string(*m.run_id) : std::string("null"))
            << json_month_run_ids(m.month_run_ids)
            << ", \"model_sha256\": " << json_string(m.model_hash)
            << ", \"total_ore\": " << m.total_ore
            << ", \"illustrative\": " << json_list(m.illustrative) << "}";
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

void write_comparison(std::ostream& out, const Comparison& c, const OutputOptions& options) {
    if (options.format == Format::csv)
        write_csv(out, c);
    else if (options.format == Format::json)
        write_json(out, c);
    else
        write_report(out, report::comparison_report(c, options.lang), options);
}

void write_side_by_side(std::ostream& out, const SideBySide& s, const OutputOptions& options) {
    if (options.format == Format::csv)
        write_side_by_side_csv(out, s);
    else if (options.format == Format::json)
        write_side_by_side_json(out, s);
    else
        write_report(out, report::side_by_side_report(s, options.lang), options);
}

}  // namespace vardval
