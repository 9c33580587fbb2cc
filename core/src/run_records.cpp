// Stored runs: the record of what was computed, from what, by whom and when, its ledger as
// one payload, and its outputs as printed (so a reprint is byte-identical whatever later
// versions change).
#include <map>
#include <optional>
#include <sstream>

#include <soci/soci.h>

#include "ledger_conversion.hpp"
#include "vardval_host/ledger_payload.hpp"
#include "vardval_host/provenance.hpp"
#include "vardval_host/storage.hpp"
#include "write_transaction.hpp"

namespace vardval {
namespace {

std::string join_lines(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& i : items)
        out += (out.empty() ? "" : "\n") + i;
    return out;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

const char* const kRunColumns =
    "id, created_at, os_user, vardval_version, command, compare_of, region, year, period, "
    "model_file, model_hash, model_text, plugins, sample_data, total_ore";

RunRecord run_record_of(const soci::row& r) {
    RunRecord run;
    run.id = r.get<long long>(0);
    run.created_at = r.get<std::string>(1);
    run.os_user = r.get<std::string>(2);
    run.vardval_version = r.get<std::string>(3);
    run.command = r.get<std::string>(4);
    if (r.get_indicator(5) == soci::i_ok)
        run.compare_of = r.get<long long>(5);
    run.region = r.get<std::string>(6);
    run.year = r.get<int>(7);
    run.period = r.get<std::string>(8);
    run.model_file = r.get<std::string>(9);
    run.model_sha256 = r.get<std::string>(10);
    run.model_text = r.get<std::string>(11);
    run.plugins = split_lines(r.get<std::string>(12));
    run.sample_data = r.get<int>(13) != 0;
    run.total_ore = r.get<long long>(14);
    return run;
}

}  // namespace

std::int64_t Database::store_run(RunResult& run, const RenderRun& render,
                                 const std::string& command,
                                 std::optional<std::int64_t> compare_of) {
    try {
        std::optional<WriteTransaction> own;  // unless a RunBatch holds one
        if (!batch_)
            own.emplace(*sql_, postgresql_);
        const long long id = next_id("runs");
        run.run_id = id;
        std::string datasets;
        for (const DatasetRef& d : run.datasets)
            datasets += (datasets.empty() ? "" : "; ") + d.to_string();
        const std::string period = run.period.to_string(), now = utc_now(), user = os_user(),
                          program = vardval_version(), plugins = join_lines(run.plugins);
        const long long total = run.total_ore;
        long long of = compare_of.value_or(0);
        soci::indicator of_ind = compare_of ? soci::i_ok : soci::i_null;
        const int sample = run.sample_data ? 1 : 0;
        *sql_ << "INSERT INTO runs (id, region, year, period, model_file, model_hash, datasets, "
                 "total_ore, created_at, os_user, vardval_version, plugins, model_text, "
                 "sample_data, command, compare_of) VALUES (:id, :r, :y, :p, :f, :h, :d, :t, "
                 ":at, :u, :v, :pl, :mt, :s, :c, :o)",
            soci::use(id), soci::use(run.region), soci::use(run.year), soci::use(period),
            soci::use(run.model_file), soci::use(run.model_hash), soci::use(datasets),
            soci::use(total), soci::use(now), soci::use(user), soci::use(program),
            soci::use(plugins), soci::use(run.model_text), soci::use(sample), soci::use(command),
            soci::use(of, of_ind);
        for (const DatasetRef& d : run.datasets)
            *sql_ << "INSERT INTO run_datasets (run_id, kind, period, version) "
                     "VALUES (:r, :k, :p, :v)",
                soci::use(id), soci::use(d.kind), soci::use(d.period), soci::use(d.version);
        const std::string payload = encode_ledger(run);
        *sql_ << "INSERT INTO run_ledgers (run_id, payload) VALUES (:r, :p)", soci::use(id),
            soci::use(payload);
        if (render)
            for (const auto& [format, output] : render(run))
                store_run_output(id, format, output);
        if (own)
            own->commit();
        return id;
    } catch (const soci::soci_error& e) {
        run.run_id.reset();
        throw StorageError(std::string("storing the run failed, nothing was stored: ") + e.what());
    }
}

void Database::store_run_output(std::int64_t id, const std::string& format,
                                const std::string& output) {
    const long long run = id;
    *sql_ << "INSERT INTO run_outputs (run_id, format, output) VALUES (:r, :f, :o)", soci::use(run),
        soci::use(format), soci::use(output);
}

Database::RunBatch::RunBatch(Database& db) : db_(db) {
    if (db_.batch_)
        throw std::logic_error("a run batch is open already");
    try {
        db_.batch_ = std::make_unique<WriteTransaction>(*db_.sql_, db_.postgresql_);
    } catch (const soci::soci_error& e) {
        throw StorageError(std::string("storing the runs failed, nothing was stored: ") + e.what());
    }
}

Database::RunBatch::~RunBatch() {
    db_.batch_.reset();  // rolls back unless committed
}

void Database::RunBatch::commit() {
    try {
        db_.batch_->commit();
    } catch (const soci::soci_error& e) {
        throw StorageError(std::string("storing the runs failed, nothing was stored: ") + e.what());
    }
}

std::vector<RunRecord> Database::runs(const std::string& region) {
    std::vector<RunRecord> out;
    {
        soci::rowset<soci::row> rows =
            (sql_->prepare << std::string("SELECT ") + kRunColumns +
                                  " FROM runs WHERE region = :r OR :r2 = '' ORDER BY id",
             soci::use(region), soci::use(region));
        for (const soci::row& r : rows)
            out.push_back(run_record_of(r));
    }
    for (RunRecord& run : out) {
        const long long id = run.id;
        soci::rowset<soci::row> rows =
            (sql_->prepare << "SELECT kind, period, version FROM run_datasets WHERE run_id = :r "
                              "ORDER BY kind, period",
             soci::use(id));
        for (const soci::row& r : rows)
            run.datasets.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<int>(2)});
    }
    return out;
}

std::optional<RunRecord> Database::run_record(std::int64_t id) {
    const long long wanted = id;
    std::optional<RunRecord> run;
    {
        soci::rowset<soci::row> rows =
            (sql_->prepare << std::string("SELECT ") + kRunColumns + " FROM runs WHERE id = :i",
             soci::use(wanted));
        for (const soci::row& r : rows)
            run = run_record_of(r);
    }
    if (!run)
        return run;
    soci::rowset<soci::row> rows =
        (sql_->prepare << "SELECT kind, period, version FROM run_datasets WHERE run_id = :r "
                          "ORDER BY kind, period",
         soci::use(wanted));
    for (const soci::row& r : rows)
        run->datasets.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<int>(2)});
    return run;
}

std::optional<std::string> Database::run_output(std::int64_t id, const std::string& format) {
    const long long wanted = id;
    std::string output;
    *sql_ << "SELECT output FROM run_outputs WHERE run_id = :r AND format = :f", soci::into(output),
        soci::use(wanted), soci::use(format);
    if (!sql_->got_data())
        return std::nullopt;
    return output;
}

std::optional<std::string> Database::ledger_payload(std::int64_t id) {
    const long long wanted = id;
    std::string payload;
    *sql_ << "SELECT payload FROM run_ledgers WHERE run_id = :r", soci::into(payload),
        soci::use(wanted);
    if (!sql_->got_data())
        return std::nullopt;
    return payload;
}

std::vector<StoredLine> Database::ledger(std::int64_t id) {
    const auto payload = ledger_payload(id);
    return payload ? stored_lines(*payload) : std::vector<StoredLine>();
}

void convert_ledger_lines(soci::session& sql) {
    std::map<long long, std::vector<StoredLine>> by_run;
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT run_id, unit, component, type, basis, rate_ore, amount_ore, "
                            "explanation FROM ledger_lines ORDER BY run_id");
        for (const soci::row& r : rows)
            by_run[r.get<long long>(0)].push_back({r.get<std::string>(1), r.get<std::string>(2),
                                                   r.get<std::string>(3), r.get<std::string>(4),
                                                   r.get<std::string>(5), r.get<long long>(6),
                                                   r.get<std::string>(7)});
    }
    for (const auto& [run, lines] : by_run) {
        const std::string payload = encode_stored_lines(lines);
        sql << "INSERT INTO run_ledgers (run_id, payload) VALUES (:r, :p)", soci::use(run),
            soci::use(payload);
    }
    sql << "DROP TABLE ledger_lines";
}

}  // namespace vardval
