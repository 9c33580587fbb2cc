// The auditing subcommands: which datasets there are and where they came from, retracting
// one, and the stored runs: list, reprint as printed, verify by computing again.
#include <algorithm>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "vardval_host/audit.hpp"
#include "vardval_host/datasets.hpp"
#include "vardval_host/plugin_host.hpp"
#include "vardval_host/provenance.hpp"
#include "vardval_host/storage.hpp"

namespace vardval::cli {
namespace {

std::string short_hash(const std::string& sha256) {
    return sha256.substr(0, 12);
}

std::string refs_text(const std::vector<DatasetRef>& refs) {
    std::vector<std::string> texts;
    for (const DatasetRef& d : refs)
        texts.push_back(d.to_string());
    return join(texts, "; ");
}

// Rows of text columns, each as wide as its widest cell, the `right` ones (numbers) aligned
// right; the last column is not padded.
void write_columns(std::ostream& out, const std::vector<std::vector<std::string>>& rows,
                   const std::vector<std::size_t>& right) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths.resize(std::max(widths.size(), row.size()));
            widths[i] = std::max(widths[i], display_width(row[i]));
        }
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i)
            line +=
                (i ? "  " : "") +
                (i + 1 < row.size() ? pad(row[i], widths[i],
                                          std::find(right.begin(), right.end(), i) != right.end())
                                    : row[i]);
        out << line << "\n";
    }
}

std::string json_refs(const std::vector<DatasetRef>& refs) {
    std::string out = "[";
    for (std::size_t i = 0; i < refs.size(); ++i)
        out += std::string(i ? ", " : "") + "{\"kind\": " + json_string(refs[i].kind) +
               ", \"period\": " + json_string(refs[i].period) +
               ", \"version\": " + std::to_string(refs[i].version) + "}";
    return out + "]";
}

}  // namespace

int datasets(const Config& config, const DatasetFilter& filter, Format format) {
    Database db(config.database);
    const std::vector<DatasetInfo> all = db.datasets(filter.region, filter.kind, filter.period);
    if (format == Format::json) {
        std::cout << "[";
        for (std::size_t i = 0; i < all.size(); ++i) {
            const DatasetInfo& d = all[i];
            std::cout << (i ? "," : "") << "\n  {\"region\": " << json_string(d.region)
                      << ", \"kind\": " << json_string(d.ref.kind)
                      << ", \"period\": " << json_string(d.ref.period)
                      << ", \"version\": " << d.ref.version
                      << ", \"source\": " << json_string(d.source)
                      << ", \"source_sha256\": " << json_string(d.origin.source_sha256)
                      << ", \"sample_data\": " << (d.origin.sample ? "true" : "false")
                      << ", \"rows_read\": " << d.rows_read << ", \"rows_used\": " << d.rows_used
                      << ", \"rows_rejected\": " << d.rows_rejected
                      << ", \"imported_at\": " << json_string(d.imported_at)
                      << ", \"imported_by\": " << json_string(d.imported_by)
                      << ", \"vardval_version\": " << json_string(d.vardval_version)
                      << ", \"retracted\": "
                      << (d.retracted ? "{\"at\": " + json_string(d.retracted_at) +
                                            ", \"by\": " + json_string(d.retracted_by) +
                                            ", \"reason\": " + json_string(d.retract_reason) + "}"
                                      : std::string("null"))
                      << "}";
        }
        std::cout << (all.empty() ? "" : "\n") << "]\n";
        return kOk;
    }
    std::vector<std::vector<std::string>> rows{{"region", "kind", "period", "version", "rows read",
                                                "used", "rejected", "imported", "by", "sha256",
                                                "source"}};
    for (const DatasetInfo& d : all) {
        std::string source = d.source;
        if (d.origin.sample)
            source += " (SAMPLE DATA)";
        if (d.retracted)
            source +=
                " RETRACTED " + d.retracted_at + " by " + d.retracted_by + ": " + d.retract_reason;
        rows.push_back({d.region, d.ref.kind, d.ref.period, "v" + std::to_string(d.ref.version),
                        std::to_string(d.rows_read), std::to_string(d.rows_used),
                        std::to_string(d.rows_rejected), d.imported_at, d.imported_by,
                        short_hash(d.origin.source_sha256), source});
    }
    write_columns(std::cout, rows, {4, 5, 6});
    return kOk;
}

int retract(const Config& config, const DatasetFilter& which, int version,
            const std::string& reason) {
    if (reason.empty())
        throw std::invalid_argument("--reason must say why the version is retracted");
    Database db(config.database);
    const DatasetRef ref{which.kind, which.period, version};
    auto info = db.find_dataset(which.region, which.kind, which.period, version);
    if (!info)
        throw DataMissing("there is no " + ref.to_string() + " for " + which.region +
                          " (see `vardval datasets --region " + which.region + "`)");
    if (!db.retract_dataset(which.region, ref, reason))
        throw DataMissing(ref.to_string() + " for " + which.region + " is retracted already");
    std::cout << "retracted " << which.region << " " << ref.to_string()
              << ": kept for the runs that read it, no longer chosen by new runs\n";
    return kOk;
}

int runs_list(const Config& config, const std::string& region, Format format) {
    Database db(config.database);
    const std::vector<RunRecord> runs = db.runs(region);
    if (format == Format::json) {
        std::cout << "[";
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const RunRecord& r = runs[i];
            std::cout << (i ? "," : "") << "\n  {\"id\": " << r.id
                      << ", \"created_at\": " << json_string(r.created_at)
                      << ", \"os_user\": " << json_string(r.os_user)
                      << ", \"command\": " << json_string(r.command) << ", \"compare_of\": "
                      << (r.compare_of ? std::to_string(*r.compare_of) : std::string("null"))
                      << ", \"region\": " << json_string(r.region) << ", \"year\": " << r.year
                      << ", \"period\": " << json_string(r.period)
                      << ", \"model\": " << json_string(r.model_file)
                      << ", \"model_sha256\": " << json_string(r.model_sha256)
                      << ", \"datasets\": " << json_refs(r.datasets)
                      << ", \"sample_data\": " << (r.sample_data ? "true" : "false")
                      << ", \"vardval_version\": " << json_string(r.vardval_version)
                      << ", \"plugins\": [";
            for (std::size_t p = 0; p < r.plugins.size(); ++p)
                std::cout << (p ? ", " : "") << json_string(r.plugins[p]);
            std::cout << "], \"total_ore\": " << r.total_ore << "}";
        }
        std::cout << (runs.empty() ? "" : "\n") << "]\n";
        return kOk;
    }
    std::vector<std::vector<std::string>> rows{{"id", "created (UTC)", "by", "region", "year",
                                                "period", "total kr", "model sha256", "datasets"}};
    for (const RunRecord& r : runs) {
        std::string data = refs_text(r.datasets);
        if (r.sample_data)
            data += " (SAMPLE DATA)";
        if (r.compare_of)
            data += " (compare with #" + std::to_string(*r.compare_of) + ")";
        else if (r.command == "compare")
            data += " (compare)";
        rows.push_back({"#" + std::to_string(r.id), r.created_at, r.os_user, r.region,
                        std::to_string(r.year), r.period, format_kr(r.total_ore),
                        short_hash(r.model_sha256), data});
    }
    write_columns(std::cout, rows, {4, 6});
    return kOk;
}

int runs_show(const Config& config, std::int64_t id, const OutputOptions& output) {
    Database db(config.database);
    if (auto stored = db.run_output(id, stored_format(output))) {
        emit(*stored, output);
        return kOk;
    }
    // Not printed this way when made (a compare's models, another format or language):
    // rendered from the stored ledger, which a table's first line says (a note on stderr
    // for the other formats).
    const RebuiltRun rebuilt = rebuild_run(db, id);
    const report::Text note{
        "Körning #" + std::to_string(id) +
            " återgiven ur sina sparade rader (så skrevs den inte ut när den gjordes)",
        "Run #" + std::to_string(id) +
            " rendered from the stored ledger (it was not printed this way when made)"};
    std::ostringstream text;
    if (output.format == Format::table && output.file.empty())
        text << note.in(output.lang) << "\n";
    else
        std::cerr << "note: " << note.en << "\n";
    write_run(text, rebuilt.run, output);
    emit(text.str(), output);
    return kOk;
}

int runs_verify(const Config& config, std::int64_t id) {
    Database db(config.database);
    PluginHost host;
    load_plugins(host, config);
    const Verification v = verify_run(db, host, id);
    const RunRecord& r = v.record;
    std::cout << "run #" << r.id << " of " << r.created_at << " by " << r.os_user << " (vardval "
              << r.vardval_version << "): " << r.region << " " << r.year << ", payment for "
              << r.period << ", model sha256 " << r.model_sha256 << "\n";
    std::cout << "recomputed with vardval " << vardval_version() << " from the stored model and "
              << refs_text(v.datasets_read) << "\n";
    if (!v.model_intact)
        std::cout << "the stored model text does not have the stored hash: the record was "
                     "changed\n";
    for (const auto& [summary, lines] : v.differences) {
        std::cout << summary << "\n";
        for (const std::string& line : lines)
            std::cout << "  " << line << "\n";
    }
    if (v.identical()) {
        std::cout << "identical: " << r.total_ore << " öre (" << format_kr(r.total_ore)
                  << " kr), every line the same\n";
        return kOk;
    }
    std::cout << "DIFFERENT: stored " << format_kr(v.stored_total_ore) << " kr, recomputed "
              << format_kr(v.recomputed_total_ore) << " kr; " << v.differences.size()
              << " difference(s)\n";
    return kVerifyDiffers;
}

}  // namespace vardval::cli
