// vardval: computes what a region pays its care units, from a YAML model and imported data.
#include <iostream>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "authoring.hpp"
#include "cli_conventions.hpp"
#include "cli_docs.hpp"
#include "commands.hpp"
#include "statement_command.hpp"
#include "vardval_host/datasets.hpp"
#include "vardval_host/plugin_host.hpp"
#include "vardval_host/storage.hpp"

using namespace vardval;
using namespace vardval::cli;

namespace {

const char* const kExitCodes =
    "Exit codes: 0 ok; 1 bad command line; 2 invalid model or region file; 3 bad or missing data "
    "(rejected rows, unreadable file, dataset not imported); 4 plugin load failure; 5 database "
    "error; "
    "6 internal error (e.g. a ledger that does not reconcile); 7 `runs verify` found a stored "
    "run that computes differently today; 8 `test`: an office test failed.";

void add_model_options(CLI::App* cmd, ModelChoice& choice) {
    auto* region = cmd->add_option("--region", choice.region, "region id, a folder under regions/");
    auto* year =
        cmd->add_option("--year", choice.year, "contract year: regions/<region>/<year>.yaml");
    auto* model =
        cmd->add_option("--model", choice.model_file, "model file (instead of --region/--year)");
    year->needs(region);
    model->excludes(year);
}

// --sample and --dataset: which data a computation reads; --no-store where it is recorded.
void add_data_options(CLI::App* cmd, DataArgs& data, bool recorded) {
    cmd->add_flag("--sample", data.sample,
                  "import the region's shipped synthetic sample for data not imported yet "
                  "(a demo; never for payment)");
    cmd->add_option("--dataset", data.pins,
                    "read this dataset version, KIND:PERIOD@VERSION (e.g. listing:2020-02@1); "
                    "repeatable (default: the latest not retracted)");
    cmd->add_flag("--strict", data.strict,
                  "refuse a month outside the model's year (default: a warning)");
    if (recorded)
        cmd->add_flag_function(
            "--no-store", [&data](std::int64_t) { data.store = false; },
            "do not record it in the database");
}

void require_model(const ModelChoice& choice,
                   const char* how = "give --region R --year Y, or --model FILE") {
    if (choice.model_file.empty() && (choice.region.empty() || choice.year == 0))
        throw CLI::ValidationError("model", how);
}

}  // namespace

int main(int argc, char** argv) {
    // Logs go to stderr so that stdout carries only results (json, csv, tables).
    spdlog::set_default_logger(spdlog::stderr_color_mt("vardval"));
    spdlog::set_pattern("%^%l%$: %v");

    CLI::App app{"vardval: primary-care and psychiatry remuneration (vårdval) for Swedish regions"};
    app.footer(kExitCodes);
    GlobalOptions globals;
    add_global_options(app, globals);

    std::string format = "table";
    auto add_format = [&format](CLI::App* cmd) {
        cmd->add_option("--format", format, "output format")
            ->check(CLI::IsMember({"table", "csv", "json"}))
            ->capture_default_str();
    };
    auto add_table_or_json = [&format](CLI::App* cmd) {
        cmd->add_option("--format", format, "output format")
            ->check(CLI::IsMember({"table", "json"}))
            ->capture_default_str();
    };
    // The outputs of run, compare and runs show: the machine formats (csv, json) and the
    // reports for people, in Swedish unless --lang en.
    std::string lang = "sv", output_file;
    auto add_report_format = [&format, &lang, &output_file](CLI::App* cmd) {
        cmd->add_option("--format", format,
                        "table, csv-sv (Swedish Excel), xlsx, html; csv and json for programs")
            ->check(CLI::IsMember({"table", "csv", "csv-sv", "json", "xlsx", "html"}))
            ->capture_default_str();
        cmd->add_option("--lang", lang, "language of labels: sv or en")
            ->check(CLI::IsMember({"sv", "en"}))
            ->capture_default_str();
        cmd->add_option("--output", output_file,
                        "write to FILE instead of standard output (required for xlsx)");
    };
    auto output_options = [&] {
        const Format f = parse_format(format);
        if (f == Format::xlsx && output_file.empty())
            throw std::invalid_argument("--format xlsx writes a workbook: give --output FILE.xlsx");
        return OutputOptions{f, lang == "en" ? report::Lang::en : report::Lang::sv, output_file};
    };

    auto* plugins_cmd =
        app.add_subcommand("plugins", "list component types, their library and parameters");
    add_format(plugins_cmd);
    std::string plugin_type, plugin_region;
    plugins_cmd->add_option("type", plugin_type,
                            "one component type in full, with a ready-to-paste example");
    plugins_cmd->add_option("--region", plugin_region,
                            "with TYPE: the example names this region's professions, measures...");
    auto* schema_cmd = app.add_subcommand(
        "schema", "print the JSON Schema of a model file, for an editor's YAML language server");
    NewYearArgs new_year_args;
    auto* new_year_cmd = app.add_subcommand(
        "new-year", "write next year's model extending this year's, changing nothing yet");
    new_year_cmd->add_option("--region", new_year_args.region, "region id")->required();
    new_year_cmd->add_option("--from", new_year_args.from, "the year it extends")->required();
    new_year_cmd->add_option("--to", new_year_args.to, "the year to write")->required();
    DiffArgs diff_args;
    auto* diff_cmd = app.add_subcommand(
        "diff", "what a model changes, parameter by parameter, with the line that set each value");
    diff_cmd->add_option("--region", diff_args.base.region, "region id");
    diff_cmd->add_option("--base", diff_args.base.year, "base year: regions/<region>/<year>.yaml");
    diff_cmd->add_option("--base-model", diff_args.base.model_file, "base model file");
    diff_cmd->add_option("--proposal", diff_args.proposal.year, "proposed year");
    diff_cmd->add_option("--proposal-model", diff_args.proposal.model_file,
                         "proposal model file, e.g. a scenario");
    diff_cmd->add_option("files", diff_args.files, "two model files, base then proposal");
    diff_cmd->add_option("--format", format, "output format")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();

    ModelChoice choice;
    auto* validate_cmd =
        app.add_subcommand("validate", "check a model against the plugins' schemas");
    add_model_options(validate_cmd, choice);
    add_table_or_json(validate_cmd);

    auto* regions_cmd = app.add_subcommand(
        "regions", "list the regions in the regions folder: name and contract years (models)");
    add_table_or_json(regions_cmd);

    ImportArgs import_args;
    auto* import_cmd = app.add_subcommand(
        "import",
        "import a CSV extract as a new dataset version (persons are aggregated, never stored)");
    import_cmd->add_option("--region", import_args.region, "region id")->required();
    import_cmd->add_option("--kind", import_args.kind, "dataset kind")
        ->required()
        ->check(CLI::IsMember(kDatasetKinds));
    import_cmd
        ->add_option("--period", import_args.period,
                     "YYYY-MM (psychiatry: the month the extract ends with); visits also "
                     "YYYY-MM..YYYY-MM (a reference period)")
        ->required();
    import_cmd->add_option("file", import_args.file, "CSV file")->required();
    import_cmd->add_flag(
        "--allow-rejects", import_args.allow_rejects,
        "import the good rows even if some are rejected (default: import nothing)");
    import_cmd->add_option("--rejects-out", import_args.rejects_out,
                           "write every rejected row's line and reason");
    import_cmd->add_flag("--merge", import_args.merge,
                         "unit-values: keep the previous version's values for the units and "
                         "measures the file does not give");

    std::string period, unit;
    DataArgs data;
    auto* run_cmd =
        app.add_subcommand("run", "compute a month's (or months') payment to every unit");
    add_model_options(run_cmd, choice);
    run_cmd
        ->add_option("--period", period,
                     "month to pay, YYYY-MM; or YYYY-MM..YYYY-MM (at most 36 months): each month "
                     "from its own data and stored as its own run, reported as their sum")
        ->required();
    add_data_options(run_cmd, data, true);
    add_report_format(run_cmd);

    auto* explain_cmd =
        app.add_subcommand("explain", "show one unit's payment line by line, with derivations");
    add_model_options(explain_cmd, choice);
    explain_cmd->add_option("--period", period, "month, YYYY-MM")->required();
    explain_cmd->add_option("--unit", unit, "unit id from region.yaml")->required();
    add_data_options(explain_cmd, data, false);
    add_table_or_json(explain_cmd);

    StatementArgs statement_args;
    auto* statement_cmd = app.add_subcommand(
        "statement",
        "one unit's month as a statement (ersättningsbesked): each component's basis, rate, "
        "amount and explanation, with last month and the year to date");
    add_model_options(statement_cmd, choice);
    add_data_options(statement_cmd, data, false);
    add_statement_options(statement_cmd, statement_args);
    explain_cmd->add_option("--lang", lang, "language of labels: sv or en")
        ->check(CLI::IsMember({"sv", "en"}))
        ->capture_default_str();

    ModelChoice base, proposal;
    std::vector<std::string> compared_models;
    auto* compare_cmd = app.add_subcommand(
        "compare",
        "what each unit gains or loses under a proposal: base and proposal side by side; "
        "or what every unit receives under each of two or more models (--models)");
    compare_cmd->add_option("--region", base.region, "region id");
    auto* base_year = compare_cmd->add_option("--base", base.year,
                                              "base contract year: regions/<region>/<year>.yaml");
    auto* proposal_year =
        compare_cmd->add_option("--proposal", proposal.year, "proposed contract year");
    auto* base_model = compare_cmd->add_option("--base-model", base.model_file,
                                               "base model file (instead of --base)");
    auto* proposal_model = compare_cmd->add_option("--proposal-model", proposal.model_file,
                                                   "proposal model file, e.g. a scenario");
    auto* models = compare_cmd->add_option(
        "--models", compared_models,
        "two or more model files (or folders of *.yaml), each against the reference "
        "(instead of --base/--proposal)");
    for (CLI::Option* pairwise : {base_year, proposal_year, base_model, proposal_model})
        models->excludes(pairwise);
    std::string reference;
    compare_cmd
        ->add_option("--reference", reference,
                     "with --models: the model every other is measured against, by name (file "
                     "stem) or file (default: today when present, else the first given)")
        ->needs(models);
    compare_cmd
        ->add_option("--period", period,
                     "month, YYYY-MM; or YYYY-MM..YYYY-MM (at most 36 months): each model "
                     "summed over the months, each month from its own data")
        ->required();
    add_data_options(compare_cmd, data, true);
    add_report_format(compare_cmd);

    DatasetFilter dataset_filter;
    auto* datasets_cmd = app.add_subcommand(
        "datasets", "list the imported dataset versions: source file, SHA-256, who and when");
    datasets_cmd->add_option("--region", dataset_filter.region, "region id (default: all)");
    datasets_cmd->add_option("--kind", dataset_filter.kind, "dataset kind (default: all)");
    datasets_cmd->add_option("--period", dataset_filter.period, "period (default: all)");
    datasets_cmd->add_option("--format", format, "output format")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();
    int retract_version = 0;
    std::string retract_reason;
    auto* retract_cmd = datasets_cmd->add_subcommand(
        "retract", "retract a dataset version: kept (pinned runs reproduce), no longer chosen");
    retract_cmd->add_option("--region", dataset_filter.region, "region id")->required();
    retract_cmd->add_option("--kind", dataset_filter.kind, "dataset kind")
        ->required()
        ->check(CLI::IsMember(kDatasetKinds));
    retract_cmd->add_option("--period", dataset_filter.period, "period")->required();
    retract_cmd->add_option("--version", retract_version, "version number")->required();
    retract_cmd->add_option("--reason", retract_reason, "why, kept with the version")->required();

    auto* runs_cmd = app.add_subcommand("runs", "the stored runs: list, reprint, verify");
    runs_cmd->require_subcommand(1);
    std::string runs_region;
    std::int64_t run_id = 0;
    auto* runs_list_cmd = runs_cmd->add_subcommand("list", "list the stored runs");
    runs_list_cmd->add_option("--region", runs_region, "region id (default: all)");
    runs_list_cmd->add_option("--format", format, "output format")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();
    auto* runs_show_cmd = runs_cmd->add_subcommand(
        "show", "print a stored run byte for byte as it was printed when made");
    runs_show_cmd->add_option("id", run_id, "run id")->required();
    add_report_format(runs_show_cmd);
    auto* runs_verify_cmd = runs_cmd->add_subcommand(
        "verify",
        "compute a stored run again from its stored model and dataset versions with today's "
        "plugins; exit 7 and list the units that differ");
    runs_verify_cmd->add_option("id", run_id, "run id")->required();

    std::string test_path;
    auto* test_cmd = app.add_subcommand(
        "test", "run the office's own tests: hand-computed payments for tiny inputs (YAML)");
    test_cmd->add_option("path", test_path, "a test file, or a folder (e.g. regions/)")->required();
    test_cmd->footer(kExitCodes);

    for (CLI::App* cmd : {plugins_cmd, schema_cmd, new_year_cmd, diff_cmd, validate_cmd, import_cmd,
                          run_cmd, explain_cmd, statement_cmd, compare_cmd, datasets_cmd,
                          retract_cmd, runs_list_cmd, runs_show_cmd, runs_verify_cmd})
        cmd->footer(kExitCodes);

    try {
        check_command_name(app, argc, argv);
        app.parse(argc, argv);
        check_command_given(app, globals);
        if (validate_cmd->parsed() || run_cmd->parsed() || explain_cmd->parsed() ||
            statement_cmd->parsed())
            require_model(choice);
        if (diff_cmd->parsed() && diff_args.files.empty()) {
            diff_args.proposal.region = diff_args.base.region;
            require_model(diff_args.base, "give --region R --base YEAR, or --base-model FILE");
            require_model(diff_args.proposal,
                          "give --region R --proposal YEAR, or --proposal-model FILE");
        }
        if (compare_cmd->parsed() && models->count() == 0) {
            proposal.region = base.region;
            require_model(base, "give --region R --base YEAR, or --base-model FILE");
            require_model(proposal, "give --region R --proposal YEAR, or --proposal-model FILE");
        }
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? kOk : kUsage;
    }

    if (!globals.generate.empty())
        return write_cli_docs(std::cout, app, globals.generate);

    try {
        const Config config = load_config(globals.config_file, globals.db, globals.regions,
                                          globals.plugins, globals.log_level);
        spdlog::set_level(spdlog::level::from_str(config.log_level));
        if (test_cmd->parsed())
            return cli::test(config, test_path);

        if (globals.version)
            return print_version(config);
        if (plugins_cmd->parsed() && !plugin_type.empty())
            return cli::plugin_type(config, plugin_type, plugin_region, parse_format(format));
        if (plugins_cmd->parsed())
            return cli::plugins(config, parse_format(format));
        if (schema_cmd->parsed())
            return cli::schema(config);
        if (new_year_cmd->parsed())
            return cli::new_year(config, new_year_args);
        if (diff_cmd->parsed())
            return cli::diff(config, diff_args, parse_format(format));
        if (validate_cmd->parsed())
            return cli::validate_path(config, choice, parse_format(format));
        if (regions_cmd->parsed())
            return cli::regions(config, parse_format(format));
        if (import_cmd->parsed())
            return cli::import(config, import_args);
        if (run_cmd->parsed())
            return cli::run(config, choice, period, output_options(), data);
        if (explain_cmd->parsed())
            return cli::explain(config, choice, period, unit, data, parse_format(format),
                                lang == "en" ? report::Lang::en : report::Lang::sv);
        if (statement_cmd->parsed())
            return cli::statement(config, choice, data, statement_args);
        if (compare_cmd->parsed() && models->count() > 0)
            return cli::compare_models(config, base.region, compared_models, reference, period,
                                       output_options(), data);
        if (compare_cmd->parsed())
            return cli::compare(config, base, proposal, period, output_options(), data);
        if (retract_cmd->parsed())
            return cli::retract(config, dataset_filter, retract_version, retract_reason);
        if (datasets_cmd->parsed())
            return cli::datasets(config, dataset_filter, parse_format(format));
        if (runs_list_cmd->parsed())
            return cli::runs_list(config, runs_region, parse_format(format));
        if (runs_show_cmd->parsed())
            return cli::runs_show(config, run_id, output_options());
        if (runs_verify_cmd->parsed())
            return cli::runs_verify(config, run_id);
    } catch (const IssueError& e) {
        for (const Issue& i : e.issues())
            std::cerr << "error: " << i.to_string() << "\n";
        std::cerr << e.what() << "; nothing was computed\n";
        return kInvalidModel;
    } catch (const ImportError& e) {
        std::cerr << "error: " << e.what() << "; nothing was imported\n";
        return kBadData;
    } catch (const DataMissing& e) {
        std::cerr << "error: " << e.what() << "\n";
        return kBadData;
    } catch (const PluginError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return kPluginError;
    } catch (const StorageError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return kDatabaseError;
    } catch (const std::invalid_argument& e) {
        std::cerr << "error: " << e.what() << "\n";
        return kUsage;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return kInternal;
    }
    return kUsage;
}
