// Every shipped contract-year model validates and runs on its region's shipped sample, and
// its ledger reconciles: the engine checks lines, units and total to the öre on each run.
#include <catch2/catch.hpp>

#include "vardval_host/datasets.hpp"
#include "vardval_host/engine.hpp"
#include "vardval_host/plugin_host.hpp"

using namespace vardval;

TEST_CASE("the seed models run on the shipped samples and reconcile") {
    PluginHost host;
    host.load_directory(VARDVAL_PLUGIN_DIR);
    struct Case {
        std::string region;
        int year;
        Period month;
        std::size_t units;
    };
    for (const Case& c :
         {Case{"jamtland-harjedalen", 2019, {2019, 10}, 25},
          Case{"jamtland-harjedalen", 2020, {2020, 2}, 25},
          Case{"jamtland-harjedalen", 2021, {2021, 1}, 25},
          Case{"jamtland-harjedalen", 2023, {2023, 1}, 25},
          Case{"vastmanland", 2021, {2021, 1}, 28}, Case{"vastmanland", 2022, {2022, 1}, 28}}) {
        const std::string dir = std::string(VARDVAL_SOURCE_DIR) + "/regions/" + c.region;
        const Region region = load_region(dir + "/region.yaml");
        const Model model = load_model(dir + "/" + std::to_string(c.year) + ".yaml");
        INFO(model.file);
        CHECK(validate_model(model, region, host).empty());
        Database db("sqlite3://db=:memory:");
        DatabaseDataSource data(db, region, dir + "/sample");
        const RunResult run = run_model(model, region, host, data, c.month);
        CHECK(run.units.size() == c.units);
        Ore sum = 0;
        for (const UnitStatement& s : run.units) {
            CHECK(s.lines.size() == model.components.size());
            sum += s.total_ore;
        }
        CHECK(sum == run.total_ore);
        CHECK(run.total_ore >= 0);  // 2019 is a settlement between units: exactly 0
    }
}

TEST_CASE("JH 2021 against 2020: CNI up, sparsity by size, patient fees handed over") {
    PluginHost host;
    host.load_directory(VARDVAL_PLUGIN_DIR);
    const std::string dir = std::string(VARDVAL_SOURCE_DIR) + "/regions/jamtland-harjedalen";
    const Region region = load_region(dir + "/region.yaml");
    Database db("sqlite3://db=:memory:");
    DatabaseDataSource data(db, region, dir + "/sample");
    const Period jan{2021, 1};
    const RunResult base = run_model(load_model(dir + "/2020.yaml"), region, host, data, jan);
    const RunResult proposal = run_model(load_model(dir + "/2021.yaml"), region, host, data, jan);
    auto total = [](const RunResult& run, const std::string& id) {
        Ore t = 0;
        for (const UnitStatement& s : run.units)
            for (const LedgerLine& l : s.lines)
                if (l.component == id)
                    t += l.amount_ore;
        return t;
    };
    // CNI at 1 146 kr instead of 820 kr on the same listing: ×1.397561 to the öre's rounding.
    CHECK(static_cast<double>(total(proposal, "cni")) / static_cast<double>(total(base, "cni")) ==
          Approx(1146.0 / 820.0).epsilon(0.0001));
    CHECK(total(proposal, "sparsity") > total(base, "sparsity"));
    CHECK(total(proposal, "patient_fees") < 0);
    CHECK(total(base, "drugs") == total(proposal, "drugs"));
}
