#pragma once
// One writer per human format; each renders any Report (report_model.hpp) and knows nothing
// of runs or comparisons. Every writer shows the report's warnings first.
#include <ostream>
#include <string>

#include "vardval_host/report_model.hpp"

namespace vardval::report {

// Aligned plain text for a terminal.
void write_table(std::ostream& out, const Report& report, Lang lang);
// What Swedish Excel opens as columns: UTF-8 with BOM, `;` between fields, decimal comma,
// amounts in kronor with two decimals, the labels in `lang` (Swedish by default).
void write_csv_sv(std::ostream& out, const Report& report, Lang lang);
// A workbook: one sheet per table, amounts as numbers formatted as kronor, frozen headers.
void write_xlsx(const std::string& file, const Report& report, Lang lang);
// One self-contained HTML page (inline CSS and SVG, nothing fetched), printable on A4.
void write_html(std::ostream& out, const Report& report, Lang lang);

}  // namespace vardval::report
