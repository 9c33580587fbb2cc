#include "commands.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>

#include <spdlog/spdlog.h>

#include "vardval_host/compare.hpp"
#include "vardval_host/datasets.hpp"
#include "vardval_host/engine.hpp"
#include "vardval_host/plugin_host.hpp"
#include "vardval_host/storage.hpp"

namespace fs = std::filesystem;

namespace vardval::cli {
namespace {

void load_plugins(PluginHost& host, const Config& config) {
    host.load_directory(config.plugin_dir);
    for (const std::string& failure : host.failures())
        spdlog::warn("{}", failure);
    if (host.types().empty())
        throw PluginError("no component types loaded from " + config.plugin_dir.string() +
                          " (build the project, or pass --plugins DIR)");
}

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

RunResult compute(const Config& config, const ModelChoice& choice, Period period, Database& db,
                  PluginHost& host, LoadedModel& loaded) {
    load_plugins(host, config);
    loaded = load(choice, config);
    DatabaseDataSource data(db, loaded.region, loaded.sample_dir);
    return run_model(loaded.model, loaded.region, host, data, period);
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

int plugins(const Config& config, Format format) {
    PluginHost host;
    host.load_directory(config.plugin_dir);
    write_plugins(std::cout, host, format);
    for (const std::string& failure : host.failures())
        std::cerr << "error: " << failure << "\n";
    return host.failures().empty() && !host.types().empty() ? kOk : kPluginError;
}

int validate(const Config& config, const ModelChoice& choice) {
    PluginHost host;
    load_plugins(host, config);
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
              << loaded.region.units.size() << " units, model hash " << loaded.model.content_hash()
              << ")\n";
    for (const ModelChange& c : loaded.model.changes)
        std::cout << "  " << c.file << ":" << c.line << ": " << c.reason << ": " << c.what << "\n";
    return kOk;
}

int import(const Config& config, const ImportArgs& args) {
    // A period that cannot be read is a bad command line (1); a missing file is missing data (3).
    const bool range = args.kind == "visits";
    if (range ? !PeriodRange::parse(args.period) : !Period::parse(args.period))
        throw std::invalid_argument(std::string("--period must be ") +
                                    (range ? "a month, YYYY-MM, or a range, YYYY-MM..YYYY-MM"
                                           : "a month, YYYY-MM") +
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
    ImportRequest request{args.kind,
                          args.period,
                          args.file,
                          args.allow_rejects,
                          args.rejects_out.empty() ? nullptr : &rejects,
                          [&](std::uint64_t b, std::int64_t r) { progress(b, r); }};
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
    if (!outcome.stored) {
        std::cerr
            << "nothing imported: fix the rejected rows, or pass --allow-rejects to import the "
            << r.rows_used << " good rows\n";
        return kBadData;
    }
    std::cout << "imported " << args.region << " " << outcome.stored->to_string() << "\n";
    return kOk;
}

int run(const Config& config, const ModelChoice& choice, const std::string& period_text,
        Format format, bool store) {
    const Period period = parse_period(period_text);
    Database db(config.database);
    PluginHost host;
    LoadedModel loaded;
    const RunResult result = compute(config, choice, period, db, host, loaded);
    write_run(std::cout, result, format);
    if (store)
        spdlog::info("run stored as #{} in the database", db.store_run(result));
    return kOk;
}

int explain(const Config& config, const ModelChoice& choice, const std::string& period_text,
            const std::string& unit) {
    const Period period = parse_period(period_text);
    Database db(config.database);
    PluginHost host;
    LoadedModel loaded;
    const RunResult result = compute(config, choice, period, db, host, loaded);
    for (const UnitStatement& s : result.units)
        if (s.unit->id == unit) {
            write_explanation(std::cout, result, s);
            return kOk;
        }
    std::vector<std::string> ids;
    for (const Unit& u : loaded.region.units)
        ids.push_back(u.id);
    throw std::invalid_argument("unknown unit '" + unit + "'" + did_you_mean(unit, ids) +
                                "; units of " + loaded.region.id + ": " + join(ids));
}

int compare(const Config& config, const ModelChoice& base, const ModelChoice& proposal,
            const std::string& period_text, Format format) {
    const Period period = parse_period(period_text);
    Database db(config.database);
    PluginHost host;
    load_plugins(host, config);
    const LoadedModel base_model = load(base, config);
    const LoadedModel proposal_model = load(proposal, config);
    DatabaseDataSource data(db, base_model.region, base_model.sample_dir);
    const RunResult before = run_model(base_model.model, base_model.region, host, data, period);
    const RunResult after = run_model(proposal_model.model, base_model.region, host, data, period);
    write_comparison(std::cout, compare_runs(before, after), format);
    return kOk;
}

int compare_models(const Config& config, const std::string& region,
                   const std::vector<std::string>& models, const std::string& period_text,
                   Format format) {
    const Period period = parse_period(period_text);
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
    if (files.size() < 2)
        throw std::invalid_argument("--models needs two or more model files to compare; got " +
                                    std::to_string(files.size()) + " (" + join(files) + ")");
    Database db(config.database);
    PluginHost host;
    load_plugins(host, config);
    // Every model must be for the same region: the one given, or the first model's.
    std::vector<LoadedModel> loaded;
    for (const std::string& file : files)
        loaded.push_back(load(
            ModelChoice{loaded.empty() ? region : loaded.front().model.region, 0, file}, config));
    const Region& region_register = loaded.front().region;
    DatabaseDataSource data(db, region_register, loaded.front().sample_dir);
    std::vector<RunResult> runs;
    for (const LoadedModel& m : loaded)
        runs.push_back(run_model(m.model, region_register, host, data, period));
    write_side_by_side(std::cout, compare_side_by_side(runs, region_register), format);
    return kOk;
}

int datasets(const Config& config, const std::string& region) {
    Database db(config.database);
    std::printf("%-11s %-18s %7s %10s %10s %9s  %s\n", "kind", "period", "version", "rows read",
                "used", "rejected", "source");
    for (const DatasetInfo& d : db.datasets(region))
        std::printf("%-11s %-18s %7s %10lld %10lld %9lld  %s\n", d.ref.kind.c_str(),
                    d.ref.period.c_str(), ("v" + std::to_string(d.ref.version)).c_str(),
                    static_cast<long long>(d.rows_read), static_cast<long long>(d.rows_used),
                    static_cast<long long>(d.rows_rejected), d.source.c_str());
    return kOk;
}

}  // namespace vardval::cli
