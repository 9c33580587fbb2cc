#pragma once
// Renders runs for people (table, explain) and for programs (csv, json). Output depends
// only on the run, so the same model and dataset give byte-identical output.
#include <ostream>
#include <string>

#include "vardval_host/engine.hpp"
#include "vardval_host/plugin_host.hpp"
#include "vardval_host/report_model.hpp"

namespace vardval {

// csv and json are the machine formats, with their documented shapes; the others render a
// report::Report (report_model.hpp) for people.
enum class Format { table, csv, json, csv_sv, xlsx, html };

// What the command line asks for: --format, --lang and --output (the file an xlsx workbook
// is written to; the other formats write to the stream they are given).
struct OutputOptions {
    OutputOptions(Format f = Format::table, report::Lang l = report::Lang::sv,  // NOLINT
                  std::string out_file = {})
        : format(f), lang(l), file(std::move(out_file)) {}
    Format format;
    report::Lang lang;
    std::string file;
    bool machine() const { return format == Format::csv || format == Format::json; }
};

// Renders a report in a human format (not csv or json, which have their own shapes).
void write_report(std::ostream& out, const report::Report& report, const OutputOptions& options);

void write_run(std::ostream& out, const RunResult& run, const OutputOptions& options);
// One unit's statement, line by line, with each component's derivation.
void write_explanation(std::ostream& out, const RunResult& run, const UnitStatement& unit,
                       report::Lang lang = report::Lang::sv);
// The same as JSON: the unit, the run's model, period and datasets, and its lines as in
// `write_run`'s JSON, each with its derivation (`trace`).
void write_explanation_json(std::ostream& out, const RunResult& run, const UnitStatement& unit);
void write_plugins(std::ostream& out, const PluginHost& host, Format format);

// Width of UTF-8 text on a terminal (code points), and padding to a width by it, so
// Swedish names line up in tables.
std::size_t display_width(const std::string& s);
std::string pad(const std::string& s, std::size_t width, bool right);

// JSON string literal with escapes.
std::string json_string(const std::string& s);
// A CSV field, quoted when it holds a comma, quote, newline or carriage return.
std::string csv_field(const std::string& s);

}  // namespace vardval
