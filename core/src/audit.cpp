#include "vardval_host/audit.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "vardval_host/datasets.hpp"
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

}  // namespace

Verification verify_run(Database& db, const PluginHost& host, std::int64_t id) {
    Verification v;
    auto record = db.run_record(id);
    if (!record)
        throw DataMissing("there is no run #" + std::to_string(id) +
                          " in the database (see `vardval runs list`)");
    v.record = *record;
    if (v.record.model_text.empty())
        throw DataMissing("run #" + std::to_string(id) +
                          " was stored before vardval kept the resolved model (schema 4); it "
                          "cannot be computed again");
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
