#include "vardval_host/audit.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "vardval_host/datasets.hpp"
#include "vardval_host/ledger_payload.hpp"
#include "vardval_host/provenance.hpp"

namespace fs = std::filesystem;

namespace vardval {
namespace {

using LineKey = std::pair<std::string, std::string>;  // unit, component

// A folder for the restored model files, removed whatever happens.
struct TemporaryFolder {
    fs::path path;
    explicit TemporaryFolder(std::int64_t id)
        : path(fs::temp_directory_path() /
               ("vardval-verify-" + std::to_string(::getpid()) + "-" + std::to_string(id))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

std::string describe(const StoredLine& l) {
    return "basis " + l.basis + ", rate " + l.rate_ore + " öre, amount " +
           std::to_string(l.amount_ore) + " öre";
}

// The stored record of run `id`, which must have its resolved model (schema 4 on).
RunRecord record_with_model(Database& db, std::int64_t id, const char* why) {
    auto record = db.run_record(id);
    if (!record)
        throw DataMissing("there is no run #" + std::to_string(id) +
                          " in the database (see `vardval runs list`)");
    if (record->model_text.empty())
        throw DataMissing("run #" + std::to_string(id) +
                          " was stored before vardval kept the resolved model (schema 4); it " +
                          why);
    return *record;
}

}  // namespace

RebuiltRun rebuild_run(Database& db, std::int64_t id) {
    const RunRecord record = record_with_model(db, id, "cannot be rendered");
    const auto payload = db.ledger_payload(id);
    DecodedLedger ledger;
    try {
        ledger = decode_ledger(payload.value_or(""));
    } catch (const std::runtime_error& e) {
        throw DataMissing("run #" + std::to_string(id) +
                          " cannot be rendered from its ledger: " + e.what());
    }
    TemporaryFolder folder(id);
    const RestoredModel files = restore_model(record.model_text, folder.path);
    RebuiltRun out{load_region(files.region_file.string()), {}};
    RunResult& run = out.run;
    run.run_id = id;
    run.region = record.region;
    run.region_name = out.region.name;
    run.year = record.year;
    run.title = load_model(files.model_file.string()).title;
    run.model_file = record.model_file;
    run.model_hash = record.model_sha256;
    run.model_text = record.model_text;
    run.period = *Period::parse(record.period);
    run.components = std::move(ledger.components);
    run.datasets = record.datasets;
    run.sample_data = record.sample_data;
    run.plugins = record.plugins;
    run.total_ore = record.total_ore;
    for (LedgerStatement& s : ledger.units) {
        UnitStatement statement;
        statement.unit = out.region.find(s.unit);
        if (!statement.unit)
            throw DataMissing("run #" + std::to_string(id) + " pays unit '" + s.unit +
                              "', which its stored model's register does not have");
        statement.listed = s.listed;
        for (const LedgerLine& l : s.lines)
            statement.total_ore += l.amount_ore;
        statement.lines = std::move(s.lines);
        run.units.push_back(std::move(statement));
    }
    return out;
}

Verification verify_run(Database& db, const PluginHost& host, std::int64_t id) {
    Verification v;
    v.record = record_with_model(db, id, "cannot be computed again");
    v.model_intact = sha256_hex(v.record.model_text) == v.record.model_sha256;

    TemporaryFolder folder(id);
    const RestoredModel files = restore_model(v.record.model_text, folder.path);
    const Model model = load_model(files.model_file.string());
    const Region region = load_region(files.region_file.string());
    DatasetPins pins;
    for (const DatasetRef& d : v.record.datasets)
        pins[{d.kind, d.period}] = d.version;
    DatabaseDataSource data(db, region, {}, pins, false);
    const RunResult again = run_model(model, region, host, data, *Period::parse(v.record.period));
    v.datasets_read = again.datasets;

    std::map<LineKey, StoredLine> stored, recomputed;
    for (StoredLine& l : db.ledger(id)) {
        v.stored_total_ore += l.amount_ore;
        stored[{l.unit, l.component}] = std::move(l);
    }
    std::vector<std::string> units;  // register order, then units only the stored run has
    for (const UnitStatement& s : again.units) {
        units.push_back(s.unit->id);
        for (const LedgerLine& l : s.lines)
            recomputed[{l.unit, l.component}] = {
                l.unit,       l.component,  l.type, l.basis.to_string(), l.rate_ore.to_string(),
                l.amount_ore, l.explanation};
    }
    v.recomputed_total_ore = again.total_ore;
    for (const auto& [key, line] : stored)
        if (std::find(units.begin(), units.end(), key.first) == units.end())
            units.push_back(key.first);

    for (const std::string& unit : units) {
        std::vector<std::string> lines;
        Ore before = 0, after = 0;
        std::map<std::string, std::pair<const StoredLine*, const StoredLine*>> by_component;
        for (const auto& [key, line] : stored)
            if (key.first == unit) {
                before += line.amount_ore;
                by_component[key.second].first = &line;
            }
        for (const auto& [key, line] : recomputed)
            if (key.first == unit) {
                after += line.amount_ore;
                by_component[key.second].second = &line;
            }
        for (const auto& [component, pair] : by_component) {
            const auto [was, now] = pair;
            if (was && now && was->basis == now->basis && was->rate_ore == now->rate_ore &&
                was->amount_ore == now->amount_ore)
                continue;
            lines.push_back(component + ": stored " + (was ? describe(*was) : "no line") +
                            "; recomputed " + (now ? describe(*now) : "no line"));
        }
        if (!lines.empty())
            v.differences.push_back({unit + ": stored " + format_kr(before) + " kr, recomputed " +
                                         format_kr(after) + " kr",
                                     std::move(lines)});
    }
    std::vector<std::string> read, pinned;
    for (const DatasetRef& d : again.datasets)
        read.push_back(d.to_string());
    for (const DatasetRef& d : v.record.datasets)
        pinned.push_back(d.to_string());
    std::sort(read.begin(), read.end());
    std::sort(pinned.begin(), pinned.end());
    if (read != pinned)
        v.differences.push_back(
            {"datasets: the run read " + join(pinned) + "; the recomputation read " + join(read),
             {}});
    return v;
}

}  // namespace vardval
