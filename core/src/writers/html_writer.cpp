// A Report as one self-contained HTML page: inline CSS (screen and A4 print), tables with
// sv-SE figures (format_cell, as every human format), and each Chart as an inline SVG bar
// chart. Nothing is fetched and no script runs, so the file can be mailed, archived and
// printed as it is. Every figure also carries its exact value in a data attribute, for
// machine checks of what the reader sees.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "vardval_host/number_format.hpp"
#include "vardval_host/report.hpp"
#include "vardval_host/report_writers.hpp"

namespace vardval::report {

namespace {

const char* const kStyle = R"(
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt;
       color: #111; margin: 1.5em auto; max-width: 190mm; }
h1 { font-size: 16pt; margin: 0 0 0.4em; }
h2 { font-size: 12pt; margin: 1.2em 0 0.4em; break-after: avoid; page-break-after: avoid; }
.warnings { border: 2px solid #b00020; background: #fdecea; color: #7a0014; padding: 0.4em 0.8em;
            margin: 0 0 1em; font-weight: bold; break-inside: avoid; }
.warnings p { margin: 0.2em 0; }
table { border-collapse: collapse; width: 100%; margin: 0 0 0.8em; font-size: 8.5pt; }
th, td { padding: 1px 4px; border-bottom: 1px solid #ddd; vertical-align: top; }
th { background: #e8eef4; text-align: left; font-weight: bold; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr.subtotal td { font-weight: bold; background: #f3f3f3; }
tr.total td { font-weight: bold; border-top: 2px solid #111; border-bottom: 2px solid #111; }
figure { margin: 0.6em 0 1em; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 0.3em; }
svg text { font-family: inherit; font-size: 11px; fill: #111; }
svg .gain { fill: #2e7d32; }
svg .loss { fill: #c62828; }
svg .axis { stroke: #555; stroke-width: 1; }
.notes { color: #444; font-size: 8.5pt; border-top: 1px solid #ccc; margin-top: 1em; }
.notes p { margin: 0.15em 0; }
@page { size: A4; margin: 10mm 10mm 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 8pt; }
  h1 { font-size: 13pt; margin: 0 0 0.3em; }
  h2 { font-size: 10pt; margin: 0.6em 0 0.2em; }
  .warnings { margin: 0 0 0.5em; padding: 0.2em 0.6em; }
  table { font-size: 7.5pt; margin: 0 0 0.4em; }
  th, td { padding: 0 3px; }
  figure { margin: 0.3em 0 0.4em; }
  figure svg { width: 75%; }
  td:first-child:nth-last-child(2) { white-space: nowrap; }  /* a label and its text */
  .notes { font-size: 7pt; margin-top: 0.5em; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
}
)";

std::string escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s)
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    return out;
}

bool numeric(ColumnKind kind) {
    return kind != ColumnKind::text;
}

// The cell's exact value as text a program reads back: öre for kr, "n" or "n/d" otherwise.
std::string exact_text(const Cell& cell) {
    if (const auto* whole = std::get_if<std::int64_t>(&cell))
        return std::to_string(*whole);
    if (const auto* r = std::get_if<Rational>(&cell))
        return r->to_fraction();
    return "";
}

const char* role_name(RowRole role) {
    switch (role) {
        case RowRole::subtotal:
            return "subtotal";
        case RowRole::total:
            return "total";
        case RowRole::body:
            break;
    }
    return "body";
}

void write_html_table(std::ostream& out, const Table& t, Lang lang) {
    out << "<section class=\"report-table\" data-table=\"" << escape(t.key) << "\">\n<h2>"
        << escape(t.title.in(lang)) << "</h2>\n<table>\n<thead><tr>";
    for (const Column& c : t.columns)
        out << "<th" << (numeric(c.kind) ? " class=\"num\"" : "") << " data-column=\""
            << escape(c.key) << "\">" << escape(c.label.in(lang)) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const Row& row : t.rows) {
        out << "<tr class=\"" << role_name(row.role) << "\">";
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            const Column& c = t.columns[i];
            const Cell empty;
            const Cell& cell = i < row.cells.size() ? row.cells[i] : empty;
            out << "<td" << (numeric(c.kind) ? " class=\"num\"" : "") << " data-column=\""
                << escape(c.key) << "\"";
            if (const std::string exact = exact_text(cell); !exact.empty())
                out << (c.kind == ColumnKind::kr ? " data-ore=\"" : " data-value=\"") << exact
                    << "\"";
            out << ">" << escape(format_cell(cell, c.kind, lang)) << "</td>";
        }
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n</section>\n";
}

std::size_t column_of(const Table& t, const std::string& key, const Chart& chart) {
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].key == key)
            return i;
    throw std::invalid_argument("chart '" + chart.title.en + "': table '" + t.key +
                                "' has no column '" + key + "'");
}

// At most `points` code points of a label, with "…" when cut; the full text is the title.
std::string shortened(const std::string& s, std::size_t points) {
    std::size_t i = 0, n = 0;
    while (i < s.size() && n < points) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++n;
    }
    return i >= s.size() ? s : s.substr(0, i) + "\xE2\x80\xA6";
}

struct Bar {
    std::string label;
    Rational value;     // öre for a kr column, a fraction for a percent column
    std::string exact;  // as in the table's data attributes
    std::string text;   // the formatted value
};

// A horizontal bar per body row, in the table's order: gains to the right of the zero line,
// losses to the left, each with its label and formatted value.
void write_chart(std::ostream& out, const Chart& chart, const Table& t, Lang lang) {
    const std::size_t label_col = column_of(t, chart.label_column, chart);
    const std::size_t value_col = column_of(t, chart.value_column, chart);
    const ColumnKind kind = t.columns[value_col].kind;
    if (kind != ColumnKind::kr && kind != ColumnKind::percent)
        throw std::invalid_argument("chart '" + chart.title.en + "': column '" +
                                    chart.value_column + "' is neither kr nor percent");
    std::vector<Bar> bars;
    for (const Row& row : t.rows) {
        if (row.role != RowRole::body || value_col >= row.cells.size())
            continue;
        const Cell& v = row.cells[value_col];
        if (std::holds_alternative<std::monostate>(v) || std::holds_alternative<std::string>(v))
            continue;
        const auto* whole = std::get_if<std::int64_t>(&v);
        bars.push_back(Bar{format_cell(row.cells[label_col], ColumnKind::text, lang),
                           whole ? Rational::from_int(*whole) : std::get<Rational>(v),
                           exact_text(v),
                           format_cell(v, kind, lang) + (kind == ColumnKind::kr ? " kr" : "")});
    }
    Rational most_gain, most_loss;  // the longest bar each way, as a magnitude
    for (const Bar& b : bars) {
        if (b.value > most_gain)
            most_gain = b.value;
        if (Rational() - b.value > most_loss)
            most_loss = Rational() - b.value;
    }
    // Layout in SVG units (about pixels at 96 dpi; 680 fits A4 between margins).
    constexpr double kWidth = 680, kLabel = 215, kValuePad = 95, kRow = 18, kBar = 12;
    const double gain_pad = most_gain.is_zero() ? 0 : kValuePad;
    const double loss_pad = most_loss.is_zero() ? 0 : kValuePad;
    const double area = kWidth - kLabel - gain_pad - loss_pad;
    const Rational span = most_gain + most_loss;
    const auto length = [&](const Rational& magnitude) {
        if (span.is_zero())
            return 0.0;
        const Rational f = magnitude / span;
        return area * f.numerator().convert_to<double>() / f.denominator().convert_to<double>();
    };
    const double zero = kLabel + loss_pad + length(most_loss);
    const double height = kRow * static_cast<double>(bars.size()) + 6;
    out << "<figure class=\"chart\" data-table=\"" << escape(t.key) << "\" data-value-column=\""
        << escape(chart.value_column) << "\">\n<figcaption>" << escape(chart.title.in(lang))
        << "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 "
        << kWidth << " " << height << "\" width=\"100%\">\n";
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        const double y = 3 + kRow * static_cast<double>(i);
        // Zero is drawn as a gain would be (no length, its value to the right of the line).
        const bool gain = b.value >= Rational();
        const char* const sign = b.value.is_zero() ? "zero" : gain ? "gain" : "loss";
        const double w = length(gain ? b.value : Rational() - b.value);
        const double x = gain ? zero : zero - w;
        out << "<g>\n<title>" << escape(b.label) << ": " << escape(b.text) << "</title>\n"
            << "<text x=\"" << kLabel - 6 << "\" y=\"" << y + kBar - 2 << "\" text-anchor=\"end\">"
            << escape(shortened(b.label, 32)) << "</text>\n"
            << "<rect class=\"bar " << sign << "\" data-label=\"" << escape(b.label) << "\" "
            << (kind == ColumnKind::kr ? "data-value-ore" : "data-value") << "=\"" << b.exact
            << "\" x=\"" << x << "\" y=\"" << y << "\" width=\"" << w << "\" height=\"" << kBar
            << "\"/>\n"
            << "<text x=\"" << (gain ? x + w + 4 : x - 4) << "\" y=\"" << y + kBar - 2
            << "\" text-anchor=\"" << (gain ? "start" : "end") << "\">" << escape(b.text)
            << "</text>\n</g>\n";
    }
    out << "<line class=\"axis\" x1=\"" << zero << "\" y1=\"0\" x2=\"" << zero << "\" y2=\""
        << height << "\"/>\n</svg>\n</figure>\n";
}

}  // namespace

void write_html(std::ostream& out, const Report& report, Lang lang) {
    for (const Chart& c : report.charts)
        if (std::none_of(report.tables.begin(), report.tables.end(),
                         [&](const Table& t) { return t.key == c.table; }))
            throw std::invalid_argument("chart '" + c.title.en + "': no table '" + c.table + "'");
    out << "<!DOCTYPE html>\n<html lang=\"" << (lang == Lang::en ? "en" : "sv")
        << "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << escape(report.title.in(lang))
        << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n<h1>"
        << escape(report.title.in(lang)) << "</h1>\n";
    if (!report.warnings.empty()) {
        out << "<div class=\"warnings\" role=\"alert\">\n";
        for (const Text& w : report.warnings)
            out << "<p>" << escape(w.in(lang)) << "</p>\n";
        out << "</div>\n";
    }
    // A chart comes just before the table it draws: the board sees the picture, then the rows.
    for (const Table& t : report.tables) {
        for (const Chart& c : report.charts)
            if (c.table == t.key)
                write_chart(out, c, t, lang);
        write_html_table(out, t, lang);
    }
    if (!report.notes.empty()) {
        out << "<footer class=\"notes\">\n";
        for (const Text& n : report.notes)
            out << "<p>" << escape(n.in(lang)) << "</p>\n";
        out << "</footer>\n";
    }
    out << "</body>\n</html>\n";
}

}  // namespace vardval::report
