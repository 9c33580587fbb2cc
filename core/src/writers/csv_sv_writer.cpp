// What Swedish Excel opens as columns: a UTF-8 BOM, `;` between fields, numbers with a
// decimal comma and no thousands separator (so Excel reads them as numbers), every table
// under its title with a blank line between tables.
#include <string_view>

#include "vardval_host/number_format.hpp"
#include "vardval_host/report_writers.hpp"

namespace vardval::report {
namespace {

std::string field(const std::string& s) {
    if (s.find_first_of(";\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The sv-SE text of a number as Excel reads it: no grouping spaces, an ASCII minus, no plus
// sign, "0,9%" for a percentage.
std::string spreadsheet_number(std::string text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\xE2\x88\x92") == 0) {
            out += '-';
            i += 2;
        } else if (text[i] != ' ' && text[i] != '+') {
            out += text[i];
        }
    }
    return out;
}

std::string cell_text(const Cell& cell, ColumnKind kind) {
    if (std::holds_alternative<std::monostate>(cell))
        return "";
    if (std::holds_alternative<std::string>(cell))
        return field(std::get<std::string>(cell));
    // Numbers keep the decimal comma whatever the labels' language: Excel reads them so.
    return spreadsheet_number(format_cell(cell, kind, Lang::sv));
}

}  // namespace

void write_csv_sv(std::ostream& out, const Report& report, Lang lang) {
    out << "\xEF\xBB\xBF" << field(report.title.in(lang)) << "\r\n";
    for (const Text& w : report.warnings)
        out << field(w.in(lang)) << "\r\n";
    for (const Table& t : report.tables) {
        out << "\r\n" << field(t.title.in(lang)) << "\r\n";
        for (std::size_t i = 0; i < t.columns.size(); ++i)
            out << (i ? ";" : "") << field(t.columns[i].label.in(lang));
        out << "\r\n";
        for (const Row& row : t.rows) {
            for (std::size_t i = 0; i < t.columns.size(); ++i)
                out << (i ? ";" : "")
                    << (i < row.cells.size() ? cell_text(row.cells[i], t.columns[i].kind) : "");
            out << "\r\n";
        }
    }
    if (!report.notes.empty())
        out << "\r\n";
    for (const Text& note : report.notes)
        out << field(note.in(lang)) << "\r\n";
}

}  // namespace vardval::report
