// `vardval statement --unit U --period YYYY-MM`: the month asked for, and each earlier
// month of its year computed again with the same model from that month's own data, so last
// month and the year to date come from the tool. A month without data is named, never
// counted as zero. Nothing is stored: a statement is a reprint of what `run` pays.
#include "statement_command.hpp"

#include <fstream>
#include <iostream>

#include "vardval_host/datasets.hpp"
#include "vardval_host/plugin_host.hpp"
#include "vardval_host/report_writers.hpp"
#include "vardval_host/statement_report.hpp"
#include "vardval_host/storage.hpp"

namespace vardval::cli {

void add_statement_options(CLI::App* cmd, StatementArgs& args) {
    cmd->add_option("--period", args.period, "month of the statement, YYYY-MM")->required();
    cmd->add_option("--unit", args.unit, "unit id from region.yaml")->required();
    cmd->add_option("--format", args.format,
                    "html (printable on A4), table (text), csv-sv (Swedish Excel) or xlsx "
                    "(needs --output); to stdout without --output")
        ->check(CLI::IsMember({"html", "table", "csv-sv", "xlsx"}))
        ->capture_default_str();
    cmd->add_option("--output", args.output, "file to write");
    cmd->add_option("--lang", args.lang, "labels: sv (Swedish) or en (English)")
        ->check(CLI::IsMember({"sv", "en"}))
        ->capture_default_str();
}

namespace {

void require_unit(const Region& region, const std::string& unit) {
    std::vector<std::string> ids;
    for (const Unit& u : region.units)
        if (u.id == unit)
            return;
        else
            ids.push_back(u.id);
    throw std::invalid_argument("unknown unit '" + unit + "'" + did_you_mean(unit, ids) +
                                "; units of " + region.id + ": " + join(ids));
}

}  // namespace

int statement(const Config& config, const ModelChoice& choice, const DataArgs& data,
              const StatementArgs& args) {
    const auto period = Period::parse(args.period);
    if (!period)
        throw std::invalid_argument("--period must be a month, YYYY-MM; got '" + args.period + "'");
    if (args.format == "xlsx" && args.output.empty())
        throw std::invalid_argument("--format xlsx needs --output FILE");
    Database db(config.database);
    PluginHost host;
    load_plugins(host, config);
    const LoadedModel loaded = load(choice, config);
    require_unit(loaded.region, args.unit);
    // A data source per month, so each run records exactly the datasets it read.
    const DatasetPins pins = parse_pins(data.pins);
    std::vector<DatasetRef> read;
    const auto compute = [&](Period p) {
        DatabaseDataSource source(db, loaded.region, loaded.sample_dir, pins, data.sample);
        RunResult r = run_model(loaded.model, loaded.region, host, source, p);
        read.insert(read.end(), r.datasets.begin(), r.datasets.end());
        return r;
    };
    const RunResult month = compute(*period);
    std::vector<RunResult> earlier;
    report::StatementInput input;
    for (int m = 1; m < period->month; ++m) {
        const Period p{period->year, m};
        try {
            earlier.push_back(compute(p));
        } catch (const DataMissing& e) {
            input.not_computed.push_back({p, e.what()});
        }
    }
    check_pins_read(pins, read);
    input.month = &month;
    for (const RunResult& r : earlier)
        input.earlier.push_back(&r);
    for (const ComponentDecl& c : loaded.model.components)
        input.labels[c.id] = c.label;
    const report::Lang lang = args.lang == "en" ? report::Lang::en : report::Lang::sv;
    const report::Report statement = report::statement_report(input, args.unit, lang);
    if (args.format == "xlsx") {
        report::write_xlsx(args.output, statement, lang);
        return kOk;
    }
    const auto write = [&](std::ostream& out) {
        if (args.format == "table")
            report::write_table(out, statement, lang);
        else if (args.format == "csv-sv")
            report::write_csv_sv(out, statement, lang);
        else
            report::write_html(out, statement, lang);
    };
    if (args.output.empty()) {
        write(std::cout);
        return kOk;
    }
    std::ofstream out(args.output, std::ios::binary);
    write(out);
    if (!out.flush())
        throw std::runtime_error(args.output + ": cannot write the statement");
    return kOk;
}

}  // namespace vardval::cli
