#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <tuple>

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

// make_run, with each unit's amount as one ledger line of the given component and the
// unit's listed persons set to its amount in kronor (so a row shows whose figures it has).
RunResult make_run_with_lines(const Region& region, const std::string& file,
                              const std::vector<std::tuple<std::string, std::string, Ore>>& paid) {
    std::vector<std::pair<std::string, Ore>> amounts;
    for (const auto& [unit, component, ore] : paid)
        amounts.emplace_back(unit, ore);
    RunResult run = make_run(region, file, amounts);
    for (std::size_t i = 0; i < paid.size(); ++i) {
        const auto& [unit, component, ore] = paid[i];
        if (std::find_if(run.components.begin(), run.components.end(), [&](const auto& c) {
                return c.first == component;
            }) == run.components.end())
            run.components.emplace_back(component, "test.type");
        LedgerLine line;
        line.unit = unit;
        line.component = component;
        line.amount_ore = ore;
        run.units[i].lines.push_back(line);
        run.units[i].listed = ore / 100;
    }
    return run;
}

// The row of `unit`, which must be there.
const UnitDiff& row(const Comparison& c, const std::string& unit) {
    for (const UnitDiff& u : c.units)
        if (u.unit->id == unit)
            return u;
    FAIL("no row for unit " << unit);
    throw std::logic_error("unreachable");
}

std::vector<std::string> row_ids(const Comparison& c) {
    std::vector<std::string> ids;
    for (const UnitDiff& u : c.units)
        ids.push_back(u.unit->id);
    return ids;
}

}  // namespace

TEST_CASE("compare: a unit only the proposal pays is on its own row, base 0 and shown as –") {
    const Region region = make_register();
    const RunResult base =
        make_run_with_lines(region, "base.yaml", {{"a", "cap", 100'000}, {"b", "cap", 200'000}});
    const RunResult proposal =
        make_run_with_lines(region, "proposal.yaml",
                            {{"a", "cap", 90'000}, {"p1", "psy", 250'000}, {"b", "cap", 210'000}});
    const Comparison c = compare_runs(base, proposal, region);

    // Register order: a, p1, b (c is paid by neither: no row).
    CHECK(row_ids(c) == std::vector<std::string>{"a", "p1", "b"});
    const UnitDiff& p1 = row(c, "p1");
    CHECK_FALSE(p1.paid_by_base);
    CHECK(p1.paid_by_proposal);
    CHECK(p1.base_ore == 0);
    CHECK(p1.proposal_ore == 250'000);
    CHECK(p1.listed == 2'500);
    CHECK(row(c, "b").base_ore == 200'000);
    CHECK(row(c, "b").proposal_ore == 210'000);
    // Base 1 000 + 2 000 = 3 000 kr; proposal 900 + 2 500 + 2 100 = 5 500 kr: p1's money counts.
    CHECK(c.total_base_ore == 300'000);
    CHECK(c.total_proposal_ore == 550'000);
    REQUIRE(c.components.size() == 2);
    CHECK(c.components[0].component == "cap");
    CHECK(c.components[0].base_ore == 300'000);
    CHECK(c.components[0].proposal_ore == 300'000);  // 900 + 2 100 kr
    CHECK(c.components[1].component == "psy");
    CHECK(c.components[1].base_ore == 0);
    CHECK(c.components[1].proposal_ore == 250'000);

    std::ostringstream table;
    write_comparison(table, c, Format::table);
    const std::string text = table.str();
    const std::size_t at = text.find("Psykiatri Ett");
    REQUIRE(at != std::string::npos);
    const std::string p1_line = text.substr(at, text.find('\n', at) - at);
    // Listed, base "–" (not paid), proposal, difference, and "–" for the percentage of
    // nothing; then 2 500 kr / 2 500 listed = 1,00 kr per listed.
    CHECK_THAT(p1_line, Catch::Contains(" 2 500 ") && Catch::Contains(" – ") &&
                            Catch::Contains("2 500,00") && Catch::EndsWith("1,00"));
    CHECK_THAT(text, Catch::Contains("5 500,00"));
    // Sorted by difference: p1 (+2 500 kr) before b (+100 kr) before a (−100 kr).
    CHECK(text.find("Psykiatri Ett") < text.find("Björk"));
    CHECK(text.find("Björk") < text.find("Alpha"));
}

TEST_CASE("compare: units only the base pays are compared, not an out-of-range error") {
    const Region region = make_register();
    const RunResult base = make_run_with_lines(region, "base.yaml",
                                               {{"a", "cap", 100'000},
                                                {"p1", "psy", 250'000},
                                                {"b", "cap", 200'000},
                                                {"p2", "psy", 50'000}});
    const RunResult proposal = make_run_with_lines(region, "proposal.yaml",
                                                   {{"a", "cap", 110'000}, {"b", "cap", 190'000}});
    const Comparison c = compare_runs(base, proposal, region);

    CHECK(row_ids(c) == std::vector<std::string>{"a", "p1", "b", "p2"});
    for (const char* clinic : {"p1", "p2"}) {
        CHECK(row(c, clinic).paid_by_base);
        CHECK_FALSE(row(c, clinic).paid_by_proposal);
        CHECK(row(c, clinic).proposal_ore == 0);
    }
    CHECK(row(c, "p2").base_ore == 50'000);
    CHECK(row(c, "p2").diff_ore() == -50'000);
    CHECK(row(c, "b").base_ore == 200'000);
    CHECK(row(c, "b").proposal_ore == 190'000);
    // Base 1 000 + 2 500 + 2 000 + 500 = 6 000 kr; proposal 1 100 + 1 900 = 3 000 kr.
    CHECK(c.total_base_ore == 600'000);
    CHECK(c.total_proposal_ore == 300'000);

    std::ostringstream json;
    write_comparison(json, c, Format::json);
    CHECK_THAT(json.str(),
               Catch::Contains("{\"unit\": \"p2\", \"name\": \"Psykiatri Två\", \"listed\": 500, "
                               "\"paid_by_base\": true, \"paid_by_proposal\": false, "
                               "\"base_ore\": 50000, \"proposal_ore\": 0, \"diff_ore\": -50000"));
}

TEST_CASE("compare: when each pays a unit the other does not, each unit keeps its own amounts") {
    const Region region = make_register();
    const RunResult base =
        make_run_with_lines(region, "base.yaml", {{"a", "cap", 100'000}, {"p1", "psy", 30'000}});
    const RunResult proposal = make_run_with_lines(region, "proposal.yaml",
                                                   {{"a", "cap", 100'000}, {"p2", "psy", 70'000}});
    const Comparison c = compare_runs(base, proposal, region);

    CHECK(row_ids(c) == std::vector<std::string>{"a", "p1", "p2"});
    CHECK(row(c, "p1").base_ore == 30'000);
    CHECK(row(c, "p1").proposal_ore == 0);
    CHECK(row(c, "p2").base_ore == 0);
    CHECK(row(c, "p2").proposal_ore == 70'000);
    // Base 1 000 + 300 = 1 300 kr; proposal 1 000 + 700 = 1 700 kr.
    CHECK(c.total_base_ore == 130'000);
    CHECK(c.total_proposal_ore == 170'000);

    std::ostringstream csv;
    write_comparison(csv, c, Format::csv);
    CHECK(csv.str() ==
          "period,unit,component,base_ore,proposal_ore,diff_ore\n"
          "2020-02,a,cap,100000,100000,0\n"
          "2020-02,a,psy,0,0,0\n"
          "2020-02,a,total,100000,100000,0\n"
          "2020-02,p1,cap,0,0,0\n"
          "2020-02,p1,psy,30000,0,-30000\n"
          "2020-02,p1,total,30000,0,-30000\n"
          "2020-02,p2,cap,0,0,0\n"
          "2020-02,p2,psy,0,70000,70000\n"
          "2020-02,p2,total,0,70000,70000\n");
}

TEST_CASE("compare: runs of another register, month or region are refused") {
    const Region region = make_register();
    const RunResult one = make_run(region, "x.yaml", {{"a", 5}});
    RunResult march = make_run(region, "y.yaml", {{"a", 5}});
    march.period = Period{2020, 3};
    CHECK_THROWS_AS(compare_runs(one, march, region), std::invalid_argument);
    Region other = make_register();
    other.id = "other";
    CHECK_THROWS_AS(compare_runs(one, one, other), std::invalid_argument);
}

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
               Catch::Contains("Identiska summor (budgetneutrala): today, clinics, all"));
    // today is the reference (by name); more pays 3 000,01 kr, 0,01 kr more.
    CHECK(s.reference == 0);
    CHECK_THAT(table.str(), Catch::Contains("more              3 000,01      0,01     0,0 %"));
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
    CHECK_THAT(table.str(), Catch::Contains("Inga två modeller har identiska summor."));
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
