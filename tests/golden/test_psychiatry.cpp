// The psychiatry pilot for Jämtland Härjedalen: every model under
// regions/jamtland-harjedalen/psychiatry/ validates and runs on the shipped 2024-01 sample,
// and the budget-neutral alternatives pay the same total as today to the öre.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "vardval_host/datasets.hpp"
#include "vardval_host/engine.hpp"
#include "vardval_host/plugin_host.hpp"

using namespace vardval;
namespace fs = std::filesystem;

namespace {

const std::string kDir = std::string(VARDVAL_SOURCE_DIR) + "/regions/jamtland-harjedalen";
const Period kJan2024{2024, 1};

// Sum of a run's lines over units of some kinds, or of one component (or its parts).
Ore total(const RunResult& run, const std::set<std::string>& kinds, const std::string& component) {
    Ore sum = 0;
    for (const UnitStatement& s : run.units)
        if (kinds.count(s.unit->kind))
            for (const LedgerLine& l : s.lines)
                if (component.empty() || l.component == component ||
                    l.component.rfind(component + ".", 0) == 0)
                    sum += l.amount_ore;
    return sum;
}

}  // namespace

TEST_CASE("every psychiatry model runs on the 2024-01 sample; budget-neutral ones equal today") {
    PluginHost host;
    host.load_directory(VARDVAL_PLUGIN_DIR);
    const Region region = load_region(kDir + "/region.yaml");
    Database db("sqlite3://db=:memory:");
    DatabaseDataSource data(db, region, kDir + "/sample");

    std::map<std::string, RunResult> runs;  // by file stem
    for (const auto& entry : fs::directory_iterator(kDir + "/psychiatry")) {
        const Model model = load_model(entry.path().string());
        INFO(model.file);
        CHECK(validate_model(model, region, host).empty());
        RunResult run = run_model(model, region, host, data, kJan2024);
        CHECK(run.units.size() == 30);  // 25 vårdcentraler, 3 clinics, 2 providers
        Ore sum = 0;
        for (const UnitStatement& s : run.units)
            sum += s.total_ore;
        CHECK(sum == run.total_ore);
        runs.emplace(entry.path().stem().string(), std::move(run));
    }
    REQUIRE(runs.size() == 12);

    const std::set<std::string> psychiatric = {"psychiatry-clinic", "psychiatry-provider"};
    const std::set<std::string> primary = {"vardcentral"};
    const RunResult& today = runs.at("today");
    // Today: the anslag 150 / 66 / 24 mkr a year, a twelfth each month.
    CHECK(total(today, psychiatric, "") == 2'000'000'000);
    CHECK(today.units[25].total_ore == 1'250'000'000);
    CHECK(today.units[26].total_ore == 550'000'000);
    CHECK(today.units[27].total_ore == 200'000'000);
    CHECK(today.units[28].total_ore == 0);  // a hypothetical provider gets nothing today
    CHECK(total(today, primary, "listed_age") == 2'675'000'000);  // 321 mkr / 12

    for (const char* name : {"carve-out", "mental-health-vardval", "designated-units",
                             "stockholm-70-30", "vastra-gotaland-50-50", "ostergotland-87-13",
                             "kronoberg-halland-episode", "value-based"}) {
        INFO(name);
        CHECK(runs.at(name).total_ore == today.total_ore);
    }
    // What moves: 15 mkr a year out of the capitation into mental health at vårdcentraler.
    CHECK(total(runs.at("carve-out"), primary, "mental_health") == 125'000'000);
    CHECK(total(runs.at("carve-out"), primary, "listed_age") == 2'550'000'000);
    CHECK(total(runs.at("designated-units"), primary, "deepened_competence") == 50'000'000);
    // The reference designs pay the psychiatric budget's twelfth to clinics and providers.
    for (const char* name : {"stockholm-70-30", "vastra-gotaland-50-50", "ostergotland-87-13",
                             "kronoberg-halland-episode", "value-based"}) {
        INFO(name);
        CHECK(total(runs.at(name), psychiatric, "psychiatry") == 2'000'000'000);
        CHECK(total(runs.at(name), primary, "psychiatry") == 0);
    }
    // Stockholm 70/30: the anslag part is 168 mkr / 12 split 150 : 66 : 24.
    CHECK(total(runs.at("stockholm-70-30"), psychiatric, "psychiatry.appropriation") ==
          1'400'000'000);
    Ore adult = 0;
    for (const LedgerLine& l : runs.at("stockholm-70-30").units[25].lines)
        if (l.component == "psychiatry.appropriation")
            adult = l.amount_ore;
    CHECK(adult == 875'000'000);
    // New money and the state grant add to today's total, by 20 and 9 mkr a year; the two
    // 10 mkr halves of the new money are each paid a twelfth rounded to the öre.
    CHECK(runs.at("new-money").total_ore - today.total_ore == 2 * 83'333'333);
    CHECK(runs.at("state-grant-result").total_ore - today.total_ore == 75'000'000);
    // Prices derived from the pot pay the volume: the 10 % sample is far below the plan.
    CHECK(runs.at("stockholm-vardval-completion").total_ore < today.total_ore);
}
