// Aligned plain text for a terminal: the title, the warnings, each table that is not a
// detail table (numbers right-aligned, long headers wrapped at spaces), then the notes.
#include <algorithm>
#include <sstream>

#include "vardval_host/number_format.hpp"
#include "vardval_host/report.hpp"
#include "vardval_host/report_writers.hpp"

namespace vardval::report {
namespace {

// A header broken at spaces into lines of at most `width` code points (a longer word is a
// line of its own).
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
    std::vector<std::string> lines;
    std::istringstream words(text);
    std::string word;
    while (words >> word) {
        if (!lines.empty() && display_width(lines.back()) + 1 + display_width(word) <= width)
            lines.back() += " " + word;
        else
            lines.push_back(word);
    }
    return lines.empty() ? std::vector<std::string>{""} : lines;
}

std::size_t longest_word(const std::string& text) {
    std::istringstream words(text);
    std::string word;
    std::size_t n = 0;
    while (words >> word)
        n = std::max(n, display_width(word));
    return n;
}

void write_one(std::ostream& out, const Table& table, Lang lang) {
    const std::size_t n = table.columns.size();
    std::vector<std::vector<std::string>> cells;
    for (const Row& row : table.rows) {
        std::vector<std::string> texts;
        for (std::size_t i = 0; i < n; ++i)
            texts.push_back(i < row.cells.size()
                                ? format_cell(row.cells[i], table.columns[i].kind, lang)
                                : std::string());
        cells.push_back(std::move(texts));
    }
    // A column is as wide as its widest cell, or its header's longest word when wider.
    std::vector<std::size_t> widths(n, 0);
    std::vector<std::vector<std::string>> headers(n);
    std::size_t header_lines = 1;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string& label = table.columns[i].label.in(lang);
        for (const auto& r : cells)
            widths[i] = std::max(widths[i], display_width(r[i]));
        widths[i] = std::max({widths[i], longest_word(label), std::size_t(4)});
        headers[i] = wrap(label, widths[i]);
        header_lines = std::max(header_lines, headers[i].size());
    }
    auto right = [&](std::size_t i) { return table.columns[i].kind != ColumnKind::text; };
    auto line = [&](const std::vector<std::string>& r) {
        std::string text;
        for (std::size_t i = 0; i < n; ++i)
            text += (i ? "  " : "") + pad(r[i], widths[i], right(i));
        out << text.erase(text.find_last_not_of(' ') + 1) << "\n";
    };
    std::size_t rule_width = 0;
    for (std::size_t w : widths)
        rule_width += w + 2;
    const std::string rule(rule_width - 2, '-');
    // Headers sit on their last line, so a one-line header lines up with the numbers.
    for (std::size_t k = 0; k < header_lines; ++k) {
        std::vector<std::string> r(n);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t skip = header_lines - headers[i].size();
            r[i] = k >= skip ? headers[i][k - skip] : "";
        }
        line(r);
    }
    out << rule << "\n";
    for (std::size_t k = 0; k < table.rows.size(); ++k) {
        // A rule before the sums that end a table (and before a run of subtotals).
        const RowRole role = table.rows[k].role;
        if (role != RowRole::body && k > 0 && table.rows[k - 1].role == RowRole::body)
            out << rule << "\n";
        line(cells[k]);
    }
}

}  // namespace

void write_table(std::ostream& out, const Report& report, Lang lang) {
    out << report.title.in(lang) << "\n";
    for (const Text& w : report.warnings)
        out << w.in(lang) << "\n";
    for (const Table& t : report.tables) {
        if (t.detail)
            continue;
        out << "\n";
        if (!t.title.in(lang).empty())
            out << t.title.in(lang) << "\n";
        write_one(out, t, lang);
    }
    if (!report.notes.empty())
        out << "\n";
    for (const Text& note : report.notes)
        out << note.in(lang) << "\n";
}

}  // namespace vardval::report
