#include <catch2/catch.hpp>

#include <sstream>
#include <stdexcept>

#include "vardval_host/compare.hpp"

using namespace vardval;

namespace {

// A register of primary-care units and psychiatry clinics, interleaved so that register
// order is not the order of any one model's units.
Region make_register() {
    Region r;
    r.id = "test";
    r.name = "Test region";
    r.units = {
        Unit{"a", "Alpha, vårdcentral", Ownership::region_run, "vardcentral", {}},
        Unit{"p1", "Psykiatri Ett", Ownership::region_run, "psychiatry-clinic", {}},
        Unit{"b", "Björk vårdcentral", Ownership::private_, "vardcentral", {}},
        Unit{"p2", "Psykiatri Två", Ownership::private_, "psychiatry-provider", {}},
        Unit{"c", "Unpaid unit", Ownership::region_run, "vardcentral", {}},
    };
    return r;
}

// A run paying the given units (id, öre) in the order given, which is the register order.
RunResult make_run(const Region& region, const std::string& file,
                   const std::vector<std::pair<std::string, Ore>>& amounts) {
    RunResult run;
    run.region = region.id;
    run.region_name = region.name;
    run.year = 2020;
    run.title = "Title of " + file;
    run.model_file = file;
    run.model_hash = "hash";
    run.period = Period{2020, 2};
    for (const auto& [id, ore] : amounts) {
        UnitStatement s;
        s.unit = region.find(id);
        s.total_ore = ore;
        run.units.push_back(s);
        run.total_ore += ore;
    }
    return run;
}

}  // namespace

TEST_CASE("side by side: a row per unit any model pays, in register order, empty where unpaid") {
    const Region region = make_register();
    const std::vector<RunResult> runs{
        make_run(region, "models/today.yaml", {{"a", 100'000}, {"b", 200'000}}),
        make_run(region, "models/clinics.yaml", {{"p1", 250'000}, {"p2", 50'000}}),
        make_run(region, "models/all.yaml",
                 {{"a", 90'000}, {"p1", 100'000}, {"b", 100'000}, {"p2", 10'000}}),
        make_run(region, "models/more.yaml", {{"a", 100'001}, {"b", 200'000}}),
    };
    const SideBySide s = compare_side_by_side(runs, region);

    REQUIRE(s.models.size() == 4);
    CHECK(s.models[0].name == "today");
    CHECK(s.models[1].name == "clinics");
    CHECK(s.models[1].file == "models/clinics.yaml");
    CHECK(s.models[1].title == "Title of models/clinics.yaml");
    CHECK(s.models[0].total_ore == 300'000);
    CHECK(s.models[3].total_ore == 300'001);

    // c is paid by no model: no row. p1 and p2 sit where the register has them.
    REQUIRE(s.units.size() == 4);
    CHECK(s.units[0].unit->id == "a");
    CHECK(s.units[1].unit->id == "p1");
    CHECK(s.units[2].unit->id == "b");
    CHECK(s.units[3].unit->id == "p2");
    using Cells = std::vector<std::optional<Ore>>;
    CHECK(s.units[0].amounts_ore == Cells{100'000, std::nullopt, 90'000, 100'001});
    CHECK(s.units[1].amounts_ore == Cells{std::nullopt, 250'000, 100'000, std::nullopt});

    // today, clinics and all are budget-neutral against each other; more is one öre off.
    REQUIRE(s.equal_totals.size() == 1);
    CHECK(s.equal_totals[0] == std::vector<std::size_t>{0, 1, 2});

    std::ostringstream table;
    write_side_by_side(table, s, Format::table);
    CHECK_THAT(table.str(),
               Catch::Contains("Identical totals (budget-neutral): today, clinics, all"));
    CHECK_THAT(table.str(), Catch::Contains("+0,01 kr"));
    CHECK_THAT(table.str(), Catch::Contains("–"));

    std::ostringstream csv;
    write_side_by_side(csv, s, Format::csv);
    CHECK(csv.str() ==
          "unit,name,today,clinics,all,more\n"
          "a,\"Alpha, vårdcentral\",100000,,90000,100001\n"
          "p1,Psykiatri Ett,,250000,100000,\n"
          "b,Björk vårdcentral,200000,,100000,200000\n"
          "p2,Psykiatri Två,,50000,10000,\n");

    std::ostringstream json;
    write_side_by_side(json, s, Format::json);
    CHECK_THAT(json.str(),
               Catch::Contains("{\"unit\": \"p1\", \"name\": \"Psykiatri Ett\", \"amounts_ore\": "
                               "{\"today\": null, \"clinics\": 250000, \"all\": 100000, "
                               "\"more\": null}}"));
    CHECK_THAT(json.str(), Catch::Contains("\"groups_with_equal_totals\": [[\"today\", "
                                           "\"clinics\", \"all\"]]"));
}

TEST_CASE("side by side: models with equal totals form groups in the order of their first") {
    const Region region = make_register();
    const std::vector<RunResult> runs{
        make_run(region, "x.yaml", {{"a", 5}}),           make_run(region, "y.yaml", {{"a", 7}}),
        make_run(region, "z.yaml", {{"b", 5}}),           make_run(region, "w.yaml", {{"b", 7}}),
        make_run(region, "v.yaml", {{"a", 3}, {"b", 4}}),
    };
    const SideBySide s = compare_side_by_side(runs, region);
    REQUIRE(s.equal_totals.size() == 2);
    CHECK(s.equal_totals[0] == std::vector<std::size_t>{0, 2});
    CHECK(s.equal_totals[1] == std::vector<std::size_t>{1, 3, 4});

    const SideBySide apart = compare_side_by_side(
        {make_run(region, "x.yaml", {{"a", 5}}), make_run(region, "y.yaml", {{"a", 6}})}, region);
    CHECK(apart.equal_totals.empty());
    std::ostringstream table;
    write_side_by_side(table, apart, Format::table);
    CHECK_THAT(table.str(), Catch::Contains("No two models have identical totals."));
}

TEST_CASE("side by side: fewer than two runs, other months or regions are refused") {
    const Region region = make_register();
    const RunResult one = make_run(region, "x.yaml", {{"a", 5}});
    CHECK_THROWS_AS(compare_side_by_side({one}, region), std::invalid_argument);
    RunResult march = make_run(region, "y.yaml", {{"a", 5}});
    march.period = Period{2020, 3};
    CHECK_THROWS_AS(compare_side_by_side({one, march}, region), std::invalid_argument);
    Region other = make_register();
    other.id = "other";
    CHECK_THROWS_AS(compare_side_by_side({one, one}, other), std::invalid_argument);
}

TEST_CASE("model column names are file stems, made unique by their path when stems collide") {
    CHECK(model_column_names(
              {"r/jh/psychiatry/today.yaml", "r/jh/psychiatry/stockholm-70-30.yaml"}) ==
          std::vector<std::string>{"today", "stockholm-70-30"});
    CHECK(model_column_names({"r/jh/a/today.yaml", "r/jh/b/today.yaml", "r/jh/carve-out.yaml"}) ==
          std::vector<std::string>{"a/today", "b/today", "carve-out"});
    // Only the files sharing a stem decide the common directory.
    CHECK(model_column_names({"/x/a/today.yaml", "/x/b/c/today.yaml", "/y/new-money.yaml"}) ==
          std::vector<std::string>{"a/today", "b/c/today", "new-money"});
    CHECK(model_column_names({"r/today.yaml", "r/today.yaml"}) ==
          std::vector<std::string>{"today", "today#2"});
}
