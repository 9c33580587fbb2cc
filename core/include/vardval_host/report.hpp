#pragma once
// Renders runs for people (table, explain) and for programs (csv, json). Output depends
// only on the run, so the same model and dataset give byte-identical output.
#include <ostream>
#include <string>

#include "vardval_host/engine.hpp"
#include "vardval_host/plugin_host.hpp"

namespace vardval {

enum class Format { table, csv, json };

void write_run(std::ostream& out, const RunResult& run, Format format);
// One unit's statement, line by line, with each component's derivation.
void write_explanation(std::ostream& out, const RunResult& run, const UnitStatement& unit);
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
// A CSV field, quoted when it holds a comma, quote or newline.
std::string csv_field(const std::string& s);

}  // namespace vardval
