#pragma once
// The subcommands of `vardval`. Each returns an exit code; errors are thrown and mapped to
// exit codes in main.cpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "options.hpp"
#include "vardval_host/datasets.hpp"

namespace vardval {
class PluginHost;
}

namespace vardval::cli {

// Loads every plugin library of the installation; throws PluginError if none could be.
void load_plugins(PluginHost& host, const Config& config);

int plugins(const Config& config, Format format);
// Table: the model's summary, problems on stderr; json: the same on stdout, problems as
// issues[] (file, line, column, key, message).
int validate(const Config& config, const ModelChoice& choice, Format format);
// The regions under config.regions_dir: id, name (region.yaml) and contract years (<year>.yaml).
int regions(const Config& config, Format format);

struct ImportArgs {
    std::string region;
    std::string kind;
    std::string period;
    std::string file;
    bool allow_rejects = false;
    std::string rejects_out;
    bool merge = false;  // unit-values: keep the previous version's other measures
};
int import(const Config& config, const ImportArgs& args);

// Which data a run, explain or compare reads.
struct DataArgs {
    bool sample = false;            // import the shipped sample for what is missing
    std::vector<std::string> pins;  // KIND:PERIOD@VERSION
    bool store = true;              // record the run (run, compare)
    bool strict = false;            // refuse a month outside the model's year
};

// --dataset KIND:PERIOD@VERSION texts; and the check that every pin given was read (a pin
// for another month is a mistake, not a no-op).
DatasetPins parse_pins(const std::vector<std::string>& texts);
void check_pins_read(const DatasetPins& pins, const std::vector<DatasetRef>& read);

int run(const Config& config, const ModelChoice& choice, const std::string& period,
        const OutputOptions& output, const DataArgs& data);
int explain(const Config& config, const ModelChoice& choice, const std::string& period,
            const std::string& unit, const DataArgs& data, Format format, report::Lang lang);
// Base and proposal for the same region and month, per unit and component.
int compare(const Config& config, const ModelChoice& base, const ModelChoice& proposal,
            const std::string& period, const OutputOptions& output, const DataArgs& data);
// Two or more models (files, or folders of *.yaml) on the same month's data, each against
// the reference (a model's name or file; empty: `today` when present, else the first).
int compare_models(const Config& config, const std::string& region,
                   const std::vector<std::string>& models, const std::string& reference,
                   const std::string& period, const OutputOptions& output, const DataArgs& data);

// Auditing (audit_commands.cpp): datasets and stored runs.
struct DatasetFilter {
    std::string region, kind, period;
};
int datasets(const Config& config, const DatasetFilter& filter, Format format);
int retract(const Config& config, const DatasetFilter& which, int version,
            const std::string& reason);
int runs_list(const Config& config, const std::string& region, Format format);
int runs_show(const Config& config, std::int64_t id, const OutputOptions& output);

// The name an output is stored under for `runs show`: "table", "csv-sv en", ...
std::string stored_format(const OutputOptions& output);
// Prints `text` on stdout, or writes it to output.file when one is given (an xlsx workbook
// is written by its writer, so there is nothing to print).
void emit(const std::string& text, const OutputOptions& output);
int runs_verify(const Config& config, std::int64_t id);

// The office's own tests (test_command.cpp): every test file under `path`; exit 8 on a failure.
int test(const Config& config, const std::string& path);

}  // namespace vardval::cli
