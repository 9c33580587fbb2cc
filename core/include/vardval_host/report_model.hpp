#pragma once
// One description of what a report says, filled by `run`, `compare`, `runs show` and
// `statement`, and rendered by one writer per human format (table, csv-sv, xlsx, html).
// Fillers decide the content; writers decide only the appearance, so a figure is the same
// number in every format. The machine formats (csv, json) keep their documented shapes.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "vardval/rational.hpp"

namespace vardval::report {

enum class Lang { sv, en };

// A label in both languages; readers see Swedish unless they ask for `--lang en`.
struct Text {
    std::string sv;
    std::string en;
    const std::string& in(Lang lang) const { return lang == Lang::en && !en.empty() ? en : sv; }
};

enum class ColumnKind {
    text,     // names, ids, explanations
    count,    // a whole number: listed persons, visits (std::int64_t)
    kr,       // money, given in öre (std::int64_t), shown as kronor with two decimals
    ore,      // a rate in öre, possibly fractional (Rational), shown as given
    percent,  // a fraction (Rational: 0.05 is 5 %), shown as a percentage, one decimal
    number,   // an exact quantity (Rational), e.g. a weighted basis
};

struct Column {
    std::string key;  // stable, for machine readers and tests: "unit", "total", a component id
    Text label;
    ColumnKind kind = ColumnKind::text;
};

// Empty (does not apply; shown as "–"), text, a whole number or an exact one, as the
// column's kind says.
using Cell = std::variant<std::monostate, std::string, std::int64_t, Rational>;

enum class RowRole { body, subtotal, total };

struct Row {
    std::vector<Cell> cells;  // one per column
    RowRole role = RowRole::body;
};

struct Table {
    std::string key;  // "units", "components", "lines", "parameters", "provenance", ...
    Text title;
    std::vector<Column> columns;
    std::vector<Row> rows;
    // A long table (ledger lines, parameters, provenance) that a terminal table leaves out;
    // files made for further work (csv-sv, xlsx, html) have it.
    bool detail = false;
};

// A horizontal bar per row of `table`: its `label_column` names the bar, `value_column`
// (kr or percent) sets its length and sign. HTML draws it; other formats have the table.
struct Chart {
    std::string table;
    std::string label_column;
    std::string value_column;
    Text title;
};

struct Report {
    Text title;
    // Said before anything else in every format, never hidden in a sheet or a footnote:
    // SAMPLE DATA, ILLUSTRATIVE parameters.
    std::vector<Text> warnings;
    // Where the figures come from: run ids, model file and SHA-256, dataset versions.
    std::vector<Text> notes;
    std::vector<Table> tables;
    std::vector<Chart> charts;
};

}  // namespace vardval::report
