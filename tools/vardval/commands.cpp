#include "commands.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <spdlog/spdlog.h>

#include "authoring.hpp"
#include "vardval_host/compare.hpp"
#include "vardval_host/datasets.hpp"
#include "vardval_host/engine.hpp"
#include "vardval_host/period_range.hpp"
#include "vardval_host/plugin_host.hpp"
#include "vardval_host/provenance.hpp"
#include "vardval_host/storage.hpp"

namespace fs = std::filesystem;

namespace vardval::cli {

// Loads the libraries the config lists; any failure throws PluginError (exit 4).
void load_plugins(PluginHost& host, const Config& config) {
    const std::vector<std::string> ignored =
        host.load_directory(config.plugin_dir, config.plugin_libraries);
    if (!ignored.empty())
        spdlog::warn(
            "plugin folder {}: ignoring {} (not in plugin_libraries of the installation "
            "config)",
            config.plugin_dir.string(), join(ignored));
    if (host.types().empty())
        throw PluginError("no component types loaded from " + config.plugin_dir.string() +
                          " (build the project, or pass --plugins DIR)");
}

namespace {

Period parse_period(const std::string& text) {
    auto p = Period::parse(text);
    if (!p)
        throw std::invalid_argument("--period must be a month, YYYY-MM; got '" + text + "'");
    return *p;
}

void print_issues(const std::vector<Issue>& issues) {
    for (const Issue& i : issues)
        std::cerr << "error: " << i.to_string() << "\n";
}

}  // namespace

DatasetPins parse_pins(const std::vector<std::string>& texts) {
    DatasetPins pins;
    for (const std::string& text : texts)
        pins.insert(parse_pin(text));
    return pins;
}

// Every pin given must have been read: a pin for another month is a mistake, not a no-op.
void check_pins_read(const DatasetPins& pins, const std::vector<DatasetRef>& read) {
    for (const auto& [what, version] : pins)
        if (std::none_of(read.begin(), read.end(), [&](const DatasetRef& d) {
                return d.kind == what.first && d.period == what.second;
            }))
            throw std::invalid_argument("--dataset " + what.first + ":" + what.second + "@" +
                                        std::to_string(version) +
                                        ": this computation does not read that dataset");
}

namespace {

DatabaseDataSource data_source(Database& db, const LoadedModel& loaded, const DataArgs& args) {
    return DatabaseDataSource(db, loaded.region, loaded.sample_dir, parse_pins(args.pins),
                              args.sample);
}

RunResult compute(const Config& config, const ModelChoice& choice, Period period, Database& db,
                  PluginHost& host, LoadedModel& loaded, const DataArgs& args) {
    load_plugins(host, config);
    loaded = load(choice, config);
    check_period_in_year(loaded.model, {period, period}, args.strict);
    DatabaseDataSource data = data_source(db, loaded, args);
    RunResult result = run_model(loaded.model, loaded.region, host, data, period);
    check_pins_read(parse_pins(args.pins), result.datasets);
    return result;
}

// Every format, so `runs show` reprints any of them as it would have been printed.
std::vector<std::pair<std::string, std::string>> render_all(const RunResult& run) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [name, format] :
         {std::pair{"table", Format::table}, {"csv", Format::csv}, {"json", Format::json}}) {
        std::ostringstream text;
        write_run(text, run, format);
        out.emplace_back(name, text.str());
    }
    return out;
}

// A dataset file is the shipped sample when it lies in the region's sample folder.
bool is_shipped_sample(const Config& config, const std::string& region, const std::string& file) {
    std::error_code ec;
    const fs::path folder = fs::weakly_canonical(config.regions_dir / region / "sample", ec);
    return !ec && fs::weakly_canonical(fs::absolute(file), ec).parent_path() == folder && !ec;
}

// A one-line progress display for imports, drawn only on a terminal.
class Progress {
  public:
    Progress(const std::string& file)
        : file_(file), total_(fs::exists(file) ? fs::file_size(file) : 0) {}
    void operator()(std::uint64_t bytes, std::int64_t rows) const {
        if (!isatty(STDERR_FILENO) || total_ == 0)
            return;
        std::cerr << "\rimporting " << file_ << ": " << (100 * bytes / total_) << " % (" << rows
                  << " rows)" << std::flush;
    }
    void done() const {
        if (isatty(STDERR_FILENO) && total_ != 0)
            std::cerr << "\n";
    }

  private:
    std::string file_;
    std::uint64_t total_;
};

}  // namespace

namespace {

// `validate --format json`: every problem, the model's own and those found against the
// plugins' schemas, as issues[] on stdout; exit 2 when there is one.
int validate_json(const Config& config, const ModelChoice& choice, const PluginHost& host) {
    std::optional<LoadedModel> loaded;
    std::vector<Issue> issues;
    try {
        loaded = load(choice, config);
        issues = validate_model(loaded->model, loaded->region, host);
    } catch (const IssueError& e) {
        issues = e.issues();
    }
    std::cout << "{\n  \"model\": "
              << json_string(loaded ? loaded->model.file : choice.path(config))
              << ",\n  \"valid\": " << (issues.empty() ? "true" : "false");
    if (loaded && issues.empty())
        std::cout << ",\n  \"region\": " << json_string(loaded->region.id)
                  << ",\n  \"components\": " << loaded->model.components.size()
                  << ",\n  \"model_sha256\": "
                  << json_string(snapshot_model(loaded->model, loaded->region).sha256);
    std::cout << ",\n  \"issues\": [";
    for (std::size_t i = 0; i < issues.size(); ++i)
        std::cout << (i ? "," : "") << "\n    {\"file\": " << json_string(issues[i].file)
                  << ", \"line\": " << issues[i].line << ", \"column\": " << issues[i].column
                  << ", \"key\": " << json_string(issues[i].path)
                  << ", \"message\": " << json_string(issues[i].message) << "}";
    std::cout << (issues.empty() ? "" : "\n  ") << "]\n}\n";
    return issues.empty() ? kOk : kInvalidModel;
}

}  // namespace

int plugins(const Config& config, Format format) {
    PluginHost host;
    load_plugins(host, config);
    write_plugins(std::cout, host, format);
    return kOk;
}

int validate(const Config& config, const ModelChoice& choice, Format format) {
    PluginHost host;
    load_plugins(host, config);
    if (format == Format::json)
        return validate_json(config, choice, host);
    LoadedModel loaded = load(choice, config);
    auto issues = validate_model(loaded.model, loaded.region, host);
    if (!issues.empty()) {
        print_issues(issues);
        std::cerr << issues.size() << " problem(s) in " << loaded.model.file
                  << "; nothing was computed\n";
        return kInvalidModel;
    }
    std::cout << loaded.model.file << ": valid (" << loaded.model.components.size()
              << " components, region " << loaded.region.id << ", paying "
              << payee_region(loaded.region, loaded.model.payees).units.size() << " of its "
              << loaded.region.units.size() << " units, model sha256 "
              << snapshot_model(loaded.model, loaded.region).sha256 << ")\n";
    for (const ModelChange& c : loaded.model.changes)
        std::cout << "  " << c.file << ":" << c.line << ": " << c.reason << ": " << c.what << "\n";
    return kOk;
}

int import(const Config& config, const ImportArgs& args) {
    // A period that cannot be read is a bad command line (1); a missing file is missing data (3).
    const bool range = args.kind == "visits";
    if (range ? !PeriodRange::parse(args.period) : !Period::parse(args.period))
        throw std::invalid_argument(
            std::string("--period must be ") +
            (range ? "a month, YYYY-MM, or a range, YYYY-MM..YYYY-MM" : "a month, YYYY-MM") +
            ", for --kind " + args.kind + "; got '" + args.period + "'");
    if (!fs::is_regular_file(args.file))
        throw ImportError(args.file +
                          (fs::exists(args.file) ? ": not a regular file" : ": no such file"));
    const Region region = load_region((config.regions_dir / args.region / "region.yaml").string());
    Database db(config.database);
    std::ofstream rejects;
    if (!args.rejects_out.empty()) {
        rejects.open(args.rejects_out);
        if (!rejects)
            throw ImportError("cannot write " + args.rejects_out);
        rejects << "file,line,reason\n";
    }
    Progress progress(args.file);
    ImportRequest request;
    request.kind = args.kind;
    request.period = args.period;
    request.file = args.file;
    request.allow_rejects = args.allow_rejects;
    request.rejects_out = args.rejects_out.empty() ? nullptr : &rejects;
    request.progress = [&](std::uint64_t b, std::int64_t r) { progress(b, r); };
    request.sample = is_shipped_sample(config, args.region, args.file);
    request.merge = args.merge;
    ImportOutcome outcome = import_dataset(db, region, request);
    progress.done();
    const ImportReport& r = outcome.report;
    for (const Reject& reject : r.first_rejects)
        std::cerr << "rejected: " << r.file << ":" << reject.line << ": " << reject.reason << "\n";
    if (r.rows_rejected > static_cast<std::int64_t>(r.first_rejects.size()))
        std::cerr << "... and "
                  << r.rows_rejected - static_cast<std::int64_t>(r.first_rejects.size())
                  << " more rejected rows"
                  << (args.rejects_out.empty() ? " (list them all with --rejects-out FILE)" : "")
                  << "\n";
    for (const auto& [kind, n] : r.rejects_by_kind)
        std::cerr << "  " << kind << ": " << n << "\n";
    std::cerr << r.file << ": " << r.rows_read << " rows read, " << r.rows_used << " used, "
              << r.rows_rejected << " rejected\n";
    std::cerr << r.file << ": " << r.format.describe() << "\n";
    if (!outcome.stored) {
        std::cerr
            << "nothing imported: fix the rejected rows, or pass --allow-rejects to import the "
            << r.rows_used << " good rows\n";
        return kBadData;
    }
    if (outcome.merged_values > 0)
        std::cerr << "kept " << outcome.merged_values << " values of "
                  << outcome.previous->to_string() << " that " << r.file
                  << " does not give (--merge)\n";
    if (!outcome.dropped_measures.empty())
        std::cerr << "note: " << outcome.stored->to_string() << " no longer has these measures of "
                  << outcome.previous->to_string() << ": " << join(outcome.dropped_measures)
                  << " (import with --merge to keep them)\n";
    if (request.sample)
        std::cerr << "note: this is the shipped synthetic sample; runs from it say so\n";
    std::cout << "imported " << args.region << " " << outcome.stored->to_string() << "\n";
    return kOk;
}

std::string stored_format(const OutputOptions& output) {
    return std::string(format_name(output.format)) +
           (output.lang == report::Lang::en && !output.machine() ? " en" : "");
}

void emit(const std::string& text, const OutputOptions& output) {
    if (output.file.empty()) {
        std::cout << text;
        return;
    }
    if (output.format == Format::xlsx)
        return;
    std::ofstream file(output.file, std::ios::binary);
    if (!(file << text))
        throw std::invalid_argument("cannot write --output " + output.file);
}

int run(const Config& config, const ModelChoice& choice, const std::string& period_text,
        const OutputOptions& output, const DataArgs& args) {
    const PeriodRange range = parse_run_period(period_text);
    Database db(config.database);
    PluginHost host;
    load_plugins(host, config);
    const LoadedModel loaded = load(choice, config);
    check_period_in_year(loaded.model, range, args.strict);
    // Each month from its own data (a data source of its own records only what it read).
    std::vector<RunResult> months = for_each_month(range, [&](Period month) {
        DatabaseDataSource data = data_source(db, loaded, args);
        return run_model(loaded.model, loaded.region, host, data, month);
    });
    check_pins_read(parse_pins(args.pins), datasets_of(months));
    // Every month is stored as its own run (all of them or none), before anything is printed.
    if (args.store) {
        Database::RunBatch batch(db);
        for (RunResult& month : months)
            spdlog::info("run {} stored as #{} in the database", month.period.to_string(),
                         db.store_run(month, render_all));
        batch.commit();
    }
    std::ostringstream text;
    write_run(text, sum_months(months), output);
    emit(text.str(), output);
    return kOk;
}

int explain(const Config& config, const ModelChoice& choice, const std::string& period_text,
            const std::string& unit, const DataArgs& args, Format format, report::Lang lang) {
    const Period period = parse_period(period_text);
    Database db(config.database);
    PluginHost host;
    LoadedModel loaded;
    const RunResult result = compute(config, choice, period, db, host, loaded, args);
    for (const UnitStatement& s : result.units)
        if (s.unit->id == unit) {
            if (format == Format::json)
                write_explanation_json(std::cout, result, s);
            else
                write_explanation(std::cout, result, s, lang);
            return kOk;
        }
    std::vector<std::string> ids;
    for (const Unit& u : loaded.region.units)
        ids.push_back(u.id);
    throw std::invalid_argument("unknown unit '" + unit + "'" + did_you_mean(unit, ids) +
                                "; units of " + loaded.region.id + ": " + join(ids));
}

namespace {

// A compare is recorded as one stored run per model (its record and ledger: a model's own
// output was never printed), the later ones pointing at the first, and the compare's output
// as printed with the first run, all in one transaction. Stored before the comparison is
// printed, so its output can name the runs.
class ComparedRuns {
  public:
    ComparedRuns(Database& db, bool store) : db_(db) {
        if (store)
            batch_.emplace(db);
    }
    void add(RunResult& run) {
        if (!batch_)
            return;
        const std::int64_t id = db_.store_run(run, {}, "compare", first_);
        first_ = first_.value_or(id);
        ids_.push_back("#" + std::to_string(id));
    }
    // Stores `text` (printed as `output` asks) with the first run and commits; returns it.
    const std::string& finish(const std::string& text, const OutputOptions& output) {
        if (!batch_)
            return text;
        if (output.format != Format::xlsx)  // a workbook is a file of its own, not output
            db_.store_run_output(*first_, "compare " + stored_format(output), text);
        batch_->commit();
        spdlog::info("compare stored as runs {} in the database", join(ids_));
        return text;
    }

  private:
    Database& db_;
    std::optional<Database::RunBatch> batch_;
    std::optional<std::int64_t> first_;
    std::vector<std::string> ids_;
};

}  // namespace

int compare(const Config& config, const ModelChoice& base, const ModelChoice& proposal,
            const std::string& period_text, const OutputOptions& output, const DataArgs& args) {
    const PeriodRange range = parse_run_period(period_text);
    Database db(config.database);
    PluginHost host;
    load_plugins(host, config);
    const LoadedModel base_model = load(base, config);
    const LoadedModel proposal_model = load(proposal, config);
    for (const LoadedModel* m : {&base_model, &proposal_model})
        check_period_in_year(m->model, range, args.strict);
    // Per month, base and proposal on that month's data; then each side summed.
    std::vector<RunResult> bases, proposals;
    for (auto& [b, p] : for_each_month(range, [&](Period month) {
             DatabaseDataSource data = data_source(db, base_model, args);
             return std::pair{
                 run_model(base_model.model, base_model.region, host, data, month),
                 run_model(proposal_model.model, base_model.region, host, data, month)};
         })) {
        bases.push_back(std::move(b));
        proposals.push_back(std::move(p));
    }
    std::vector<DatasetRef> read = datasets_of(bases);
    for (const DatasetRef& d : datasets_of(proposals))
        read.push_back(d);
    check_pins_read(parse_pins(args.pins), read);
    ComparedRuns stored(db, args.store);
    for (std::size_t m = 0; m < bases.size(); ++m) {
        stored.add(bases[m]);
        stored.add(proposals[m]);
    }
    const RunResult base_sum = sum_months(bases), proposal_sum = sum_months(proposals);
    std::ostringstream text;
    write_comparison(text, compare_runs(base_sum, proposal_sum, base_model.region), output);
    emit(stored.finish(text.str(), output), output);
    return kOk;
}

int compare_models(const Config& config, const std::string& region,
                   const std::vector<std::string>& models, const std::string& reference,
                   const std::string& period_text, const OutputOptions& output,
                   const DataArgs& args) {
    const PeriodRange range = parse_run_period(period_text);
    // A folder stands for its model files, in name order.
    std::vector<std::string> files;
    for (const std::string& m : models) {
        if (!fs::is_directory(m)) {
            files.push_back(m);
            continue;
        }
        std::vector<std::string> in_folder;
        for (const fs::directory_entry& e : fs::directory_iterator(m))
            if (e.is_regular_file() &&
                (e.path().extension() == ".yaml" || e.path().extension() == ".yml"))
                in_folder.push_back(e.path().string());
        if (in_folder.empty())
            throw std::invalid_argument("--models: no *.yaml model files in folder " + m);
        std::sort(in_folder.begin(), in_folder.end());
        files.insert(files.end(), in_folder.begin(), in_folder.end());
    }
    // A reference file that is none of the models is compared too, first.
    if (fs::is_regular_file(reference) &&
        std::none_of(files.begin(), files.end(), [&](const std::string& f) {
            std::error_code ec;
            return fs::equivalent(f, reference, ec);
        }))
        files.insert(files.begin(), reference);
    if (files.size() < 2)
        throw std::invalid_argument("--models needs two or more model files to compare; got " +
                                    std::to_string(files.size()) + " (" + join(files) + ")");
    Database db(config.database);
    PluginHost host;
    load_plugins(host, config);
    // Every model must be for the same region: the one given, or the first model's. All are
    // read and checked before any is computed, so a bad file stops the compare before
    // anything is stored; the region is read once.
    const LoadedModel first = load(ModelChoice{region, 0, files.front()}, config);
    std::vector<Model> compared{first.model};
    for (std::size_t i = 1; i < files.size(); ++i)
        compared.push_back(load_model_of(ModelChoice{first.model.region, 0, files[i]}, config));
    for (const Model& m : compared)
        check_period_in_year(m, range, args.strict);
    for (const Model& m : compared)
        if (auto issues = validate_model(m, first.region, host); !issues.empty())
            throw IssueError("invalid model", std::move(issues));
    // One model at a time over the shared data: each run is stored, reduced to its unit
    // totals, and dropped, so memory does not grow with its ledger. The runs are stored in
    // one transaction: all of them, or none if any fails.
    // Over several months: each month's runs are stored, the model's are summed.
    std::map<Period, DatabaseDataSource> data;  // each month's, shared by the models
    const auto run_range = [&](const Model& m) {
        return for_each_month(range, [&](Period month) {
            auto source = data.find(month);
            if (source == data.end())
                source = data.emplace(month, data_source(db, first, args)).first;
            return run_model(m, first.region, host, source->second, month);
        });
    };
    SideBySideBuilder builder(first.region, compared.size());
    // An import (of the shipped sample) cannot happen inside the batch's transaction: with
    // --sample, a first pass imports what is missing (sample data is small).
    if (args.sample && args.store)
        for (const Model& m : compared)
            run_range(m);
    ComparedRuns stored(db, args.store);
    for (const Model& m : compared) {
        std::vector<RunResult> months = run_range(m);
        for (RunResult& run : months)
            stored.add(run);
        builder.add(sum_months(months));
    }
    std::vector<DatasetRef> read;
    for (const auto& [month, source] : data)
        for (const DatasetRef& d : source.used())
            read.push_back(d);
    check_pins_read(parse_pins(args.pins), read);
    std::ostringstream text;
    write_side_by_side(text, builder.finish(reference), output);
    emit(stored.finish(text.str(), output), output);
    return kOk;
}

}  // namespace vardval::cli
