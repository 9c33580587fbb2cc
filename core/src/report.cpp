#include "vardval_host/report.hpp"

#include <algorithm>
#include <iomanip>
#include <sstream>

#include "reports/report_parts.hpp"
#include "vardval_host/model_info.hpp"
#include "vardval_host/number_format.hpp"
#include "vardval_host/period_range.hpp"
#include "vardval_host/reports.hpp"

namespace vardval {

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

std::size_t display_width(const std::string& s) {
    // Count code points, not bytes: å, ä and ö are two bytes each.
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad(const std::string& s, std::size_t width, bool right) {
    const std::size_t n = display_width(s);
    if (n >= width)
        return s;
    return right ? std::string(width - n, ' ') + s : s + std::string(width - n, ' ');
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

namespace {

std::string run_id_text(const RunResult& run) {
    return run.run_id ? std::to_string(*run.run_id) : "null";
}

// What a line needs to be recomputed exactly beside its rounded basis and rate: the pot and
// share of a pot line, the annual amount of a monthly share (empty where it does not apply).
std::string pot_ore_text(const LedgerLine& l) {
    return l.rounding == Rounding::largest_remainder ? std::to_string(l.pot_ore) : "";
}
std::string share_text(const LedgerLine& l) {
    return l.rounding == Rounding::largest_remainder ? l.share.to_string() : "";
}
std::string annual_ore_text(const LedgerLine& l) {
    return l.rounding == Rounding::monthly_share ? std::to_string(l.annual_ore) : "";
}

void write_csv(std::ostream& out, const RunResult& run) {
    // Every line names the run it belongs to and whether it was computed from sample data.
    out << "run_id,model_sha256,sample_data,";
    out << "period,unit,unit_name,component,type,basis,basis_unit,rate_ore,amount_ore,rounding,"
           "explanation,basis_exact,rate_ore_exact,pot_ore,share,annual_ore\n";
    const std::string run_columns = (run.run_id ? std::to_string(*run.run_id) : std::string()) +
                                    "," + run.model_hash + "," + (run.sample_data ? "1" : "0") +
                                    ",";
    for (const UnitStatement& s : run.units)
        for (const LedgerLine& l : s.lines)
            out << run_columns << run.period_text() << "," << csv_field(l.unit) << ","
                << csv_field(s.unit->name) << "," << csv_field(l.component) << ","
                << csv_field(l.type) << "," << l.basis.to_string() << "," << csv_field(l.basis_unit)
                << "," << l.rate_ore.to_string() << "," << l.amount_ore << ","
                << to_string(l.rounding) << "," << csv_field(l.explanation) << ","
                << l.exact_basis().to_string() << "," << l.exact_rate().to_string() << ","
                << pot_ore_text(l) << "," << share_text(l) << "," << annual_ore_text(l) << "\n";
}

// One ledger line as a JSON object, left open so a caller can add fields (explain: its trace):
// the line of `run --format json` and of `explain --format json`.
void write_json_line(std::ostream& out, const LedgerLine& l) {
    out << "{\"component\": " << json_string(l.component) << ", \"type\": " << json_string(l.type)
        << ", \"basis\": " << l.basis.to_string()
        << ", \"basis_unit\": " << json_string(l.basis_unit)
        << ", \"basis_exact\": " << json_string(l.exact_basis().to_string())
        << ", \"rate_ore\": " << l.rate_ore.to_string()
        << ", \"rate_ore_exact\": " << json_string(l.exact_rate().to_string());
    if (l.rounding == Rounding::largest_remainder)
        out << ", \"pot_ore\": " << l.pot_ore
            << ", \"share\": " << json_string(l.share.to_string());
    if (l.rounding == Rounding::monthly_share)
        out << ", \"annual_ore\": " << l.annual_ore;
    out << ", \"amount_ore\": " << l.amount_ore
        << ", \"rounding\": " << json_string(to_string(l.rounding))
        << ", \"explanation\": " << json_string(l.explanation);
}

void write_json(std::ostream& out, const RunResult& run) {
    out << "{\n  \"run_id\": " << run_id_text(run) << json_month_run_ids(run.month_run_ids)
        << ",\n  \"model_sha256\": " << json_string(run.model_hash)
        << ",\n  \"sample_data\": " << (run.sample_data ? "true" : "false");
    out << ",\n  \"illustrative\": [";
    const std::vector<std::string> marked = illustrative_params(model_components(run));
    for (std::size_t i = 0; i < marked.size(); ++i)
        out << (i ? ", " : "") << json_string(marked[i]);
    out << "],\n  \"region\": " << json_string(run.region) << ",\n  \"year\": " << run.year
        << ",\n  \"period\": " << json_string(run.period_text())
        << ",\n  \"model\": " << json_string(run.model_file) << ",\n  \"datasets\": [";
    for (std::size_t i = 0; i < run.datasets.size(); ++i)
        out << (i ? ", " : "") << json_string(run.datasets[i].to_string());
    out << "],\n  \"plugins\": [";
    for (std::size_t i = 0; i < run.plugins.size(); ++i)
        out << (i ? ", " : "") << json_string(run.plugins[i]);
    out << "],\n  \"total_ore\": " << run.total_ore << ",\n  \"units\": [";
    for (std::size_t u = 0; u < run.units.size(); ++u) {
        const UnitStatement& s = run.units[u];
        out << (u ? "," : "") << "\n    {\"unit\": " << json_string(s.unit->id)
            << ", \"name\": " << json_string(s.unit->name)
            << ", \"ownership\": " << json_string(to_string(s.unit->ownership))
            << ", \"listed\": " << s.listed << ", \"total_ore\": " << s.total_ore
            << ", \"lines\": [";
        for (std::size_t i = 0; i < s.lines.size(); ++i) {
            out << (i ? "," : "") << "\n      ";
            write_json_line(out, s.lines[i]);
            out << "}";
        }
        out << (s.lines.empty() ? "" : "\n    ") << "]}";
    }
    out << "\n  ]\n}\n";
}

report::Text rounding_note(Rounding r) {
    switch (r) {
        case Rounding::per_line:
            return {"avrundat halva bort från noll", "rounded half away from zero"};
        case Rounding::largest_remainder:
            return {"andel av en pott, största rest", "share of a pot, largest remainder"};
        case Rounding::monthly_share:
            return {"månadens andel av årsbeloppet; månaderna summerar till det",
                    "this month's share of the annual amount; the months sum to it"};
    }
    return {};
}

}  // namespace

void write_run(std::ostream& out, const RunResult& run, const OutputOptions& options) {
    if (options.format == Format::csv)
        write_csv(out, run);
    else if (options.format == Format::json)
        write_json(out, run);
    else
        write_report(out, report::run_report(run, options.lang), options);
}

void write_explanation(std::ostream& out, const RunResult& run, const UnitStatement& s,
                       report::Lang lang) {
    using report::Text;
    auto kr = [lang](Ore ore) { return report::format_ore_as_kr(ore, lang); };
    auto number = [lang](const Rational& v) { return report::format_number(v, 6, lang); };
    const bool sv = lang == report::Lang::sv;
    const std::vector<ComponentInfo> info = model_components(run);
    out << s.unit->name << " (" << s.unit->id << ", "
        << (s.unit->ownership == Ownership::private_ ? Text{"privat", "private"}
                                                     : Text{"regiondriven", "region-run"})
               .in(lang)
        << "), " << run.region_name << (sv ? ", utbetalning för " : ", payment for ")
        << run.period_text() << "\n";
    for (const Text& w : report::honesty_warnings(run.sample_data, illustrative_params(info)))
        out << w.in(lang) << "\n";
    out << (sv ? "Listade: " : "Listed: ") << report::format_count(s.listed, lang) << "\n\n";
    for (const LedgerLine& l : s.lines) {
        out << component_label(info, l.component) << " (" << l.type << "): " << kr(l.amount_ore)
            << " kr\n";
        out << "  " << l.explanation << "\n";
        out << (sv ? "  underlag " : "  basis ") << number(l.basis) << " " << l.basis_unit
            << (sv ? " × pris " : " × rate ") << number(l.rate_ore)
            << " öre = " << report::format_count(l.amount_ore, lang) << " öre ("
            << rounding_note(l.rounding).in(lang) << ")\n";
        if (l.rounding == Rounding::largest_remainder)
            out << (sv ? "  andel " : "  share ") << l.share.to_string()
                << (sv ? " av månadens pott " : " of this month's pot ")
                << report::format_count(l.pot_ore, lang) << " öre\n";
        else if (l.exact_basis() != Rational(l.basis) || l.exact_rate() != Rational(l.rate_ore))
            out << (sv ? "  exakt: underlag " : "  exactly: basis ") << l.exact_basis().to_string()
                << (sv ? " × pris " : " × rate ") << l.exact_rate().to_string() << " öre\n";
        for (const std::string& t : l.trace)
            out << "    " << t << "\n";
        out << "\n";
    }
    out << (sv ? "Summa: " : "Total: ") << kr(s.total_ore) << " kr ("
        << report::format_count(s.total_ore, lang) << " öre)\n";
}

void write_explanation_json(std::ostream& out, const RunResult& run, const UnitStatement& s) {
    out << "{\n  \"unit\": " << json_string(s.unit->id)
        << ",\n  \"name\": " << json_string(s.unit->name)
        << ",\n  \"ownership\": " << json_string(to_string(s.unit->ownership))
        << ",\n  \"region\": " << json_string(run.region) << ",\n  \"year\": " << run.year
        << ",\n  \"period\": " << json_string(run.period.to_string())
        << ",\n  \"model\": " << json_string(run.model_file)
        << ",\n  \"model_sha256\": " << json_string(run.model_hash)
        << ",\n  \"sample_data\": " << (run.sample_data ? "true" : "false")
        << ",\n  \"datasets\": [";
    for (std::size_t i = 0; i < run.datasets.size(); ++i)
        out << (i ? ", " : "") << json_string(run.datasets[i].to_string());
    out << "],\n  \"listed\": " << s.listed << ",\n  \"total_ore\": " << s.total_ore
        << ",\n  \"lines\": [";
    for (std::size_t i = 0; i < s.lines.size(); ++i) {
        out << (i ? "," : "") << "\n    ";
        write_json_line(out, s.lines[i]);
        out << ", \"trace\": [";
        for (std::size_t t = 0; t < s.lines[i].trace.size(); ++t)
            out << (t ? ", " : "") << json_string(s.lines[i].trace[t]);
        out << "]}";
    }
    out << (s.lines.empty() ? "" : "\n  ") << "]\n}\n";
}

}  // namespace vardval
