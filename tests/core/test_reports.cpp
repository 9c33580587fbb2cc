// The report writers (table, csv-sv), the konsekvensanalys filler, and illustrative marks.
#include <catch2/catch.hpp>

#include <sstream>

#include "fixtures.hpp"
#include "vardval_host/compare.hpp"
#include "vardval_host/model.hpp"
#include "vardval_host/number_format.hpp"
#include "vardval_host/report_writers.hpp"
#include "vardval_host/reports.hpp"

using namespace vardval;
using namespace vardval::report;

namespace {

const std::string kMinus = "\xE2\x88\x92";

// Two units and a sum; a detail table a terminal leaves out.
Report small_report() {
    Report r;
    r.title = {"Rubrik", "Title"};
    r.warnings = {{"EXEMPELDATA", "SAMPLE DATA"}};
    Table t{"units",
            {"Enheter", "Units"},
            {{"unit", {"Enhet", "Unit"}, ColumnKind::text},
             {"amount", {"Belopp i kronor", "Amount in kronor"}, ColumnKind::kr},
             {"share", {"Andel", "Share"}, ColumnKind::percent}},
            {}};
    t.rows.push_back({{std::string("Alfa; vc"), std::int64_t{123456789}, Rational::of(91, 10000)},
                      RowRole::body});
    t.rows.push_back({{std::string("Beta"), std::int64_t{-5}, Cell{}}, RowRole::body});
    t.rows.push_back({{std::string("Summa"), std::int64_t{123456784}, Cell{}}, RowRole::total});
    Table detail{"lines", {"Rader", "Lines"}, {{"x", {"X", "X"}, ColumnKind::text}}, {}, true};
    detail.rows.push_back({{std::string("bara i filer")}, RowRole::body});
    r.tables = {t, detail};
    r.notes = {{"Körning #1", "Run #1"}};
    return r;
}

}  // namespace

TEST_CASE("table: warnings first, numbers right-aligned in sv-SE, sums under a rule") {
    std::ostringstream out;
    write_table(out, small_report(), Lang::sv);
    // 123456789 öre = 1 234 567,89 kr; −5 öre = −0,05 kr; 91/10000 = +0,9 %.
    CHECK(out.str() ==
          "Rubrik\n"
          "EXEMPELDATA\n"
          "\n"
          "Enheter\n"
          "              Belopp i\n"
          "Enhet           kronor   Andel\n"
          "------------------------------\n"
          "Alfa; vc  1 234 567,89  +0,9 %\n"
          "Beta             " +
              kMinus +
              "0,05       –\n"
              "------------------------------\n"
              "Summa     1 234 567,84       –\n"
              "\n"
              "Körning #1\n");
    std::ostringstream en;
    write_table(en, small_report(), Lang::en);
    CHECK_THAT(en.str(), Catch::StartsWith("Title\nSAMPLE DATA\n"));
    CHECK_THAT(en.str(), Catch::Contains("1,234,567.89") && Catch::Contains("+0.9%"));
}

TEST_CASE("csv-sv: BOM, semicolons, decimal comma without grouping, every table") {
    std::ostringstream out;
    write_csv_sv(out, small_report(), Lang::sv);
    CHECK(out.str() ==
          "\xEF\xBB\xBF"
          "Rubrik\r\n"
          "EXEMPELDATA\r\n"
          "\r\n"
          "Enheter\r\n"
          "Enhet;Belopp i kronor;Andel\r\n"
          "\"Alfa; vc\";1234567,89;0,9%\r\n"
          "Beta;-0,05;\r\n"
          "Summa;1234567,84;\r\n"
          "\r\n"
          "Rader\r\n"
          "X\r\n"
          "bara i filer\r\n"
          "\r\n"
          "Körning #1\r\n");
    // English labels keep the numbers Swedish Excel reads.
    std::ostringstream en;
    write_csv_sv(en, small_report(), Lang::en);
    CHECK_THAT(en.str(), Catch::Contains("Unit;Amount in kronor;Share\r\n") &&
                             Catch::Contains(";1234567,89;0,9%"));
}

TEST_CASE("konsekvensanalys: sorted by difference, kr per listed, subtotals by kind") {
    Region region = test::make_region({"a", "b", "c"});
    region.units[1].ownership = Ownership::private_;
    auto run = [&](const std::string& file, std::vector<Ore> amounts) {
        RunResult r;
        r.region = region.id;
        r.region_name = region.name;
        r.model_file = file;
        r.period = Period{2020, 2};
        r.components = {{"cap", "test.type"}};
        for (std::size_t i = 0; i < amounts.size(); ++i) {
            UnitStatement s;
            s.unit = &region.units[i];
            s.listed = 100 * static_cast<std::int64_t>(i + 1);
            LedgerLine l;
            l.unit = s.unit->id;
            l.component = "cap";
            l.amount_ore = amounts[i];
            s.lines = {l};
            s.total_ore = amounts[i];
            r.units.push_back(s);
            r.total_ore += amounts[i];
        }
        return r;
    };
    // a: 1 000 → 900 kr (−100), b: 2 000 → 2 300 kr (+300), c: 3 000 → 3 000 kr (0).
    const RunResult base = run("base.yaml", {100'000, 200'000, 300'000});
    const RunResult proposal = run("proposal.yaml", {90'000, 230'000, 300'000});
    const Report r = comparison_report(compare_runs(base, proposal, region), Lang::sv);
    const Table& units = r.tables.at(0);
    REQUIRE(units.key == "units");
    REQUIRE(units.rows.size() == 4);
    auto text = [&](std::size_t row, std::size_t col) {
        return format_cell(units.rows[row].cells[col], units.columns[col].kind, Lang::sv);
    };
    // Largest gain first: b (+300), c (0), a (−100).
    CHECK(text(0, 0) == "Unit b");
    CHECK(text(1, 0) == "Unit c");
    CHECK(text(2, 0) == "Unit a");
    CHECK(text(0, 1) == "Vårdcentraler, privata");
    CHECK(text(0, 5) == "300,00");
    // 300 / 2 000 = +15,0 %; b has 200 listed: 2 300 kr / 200 = 11,50 kr per listed.
    CHECK(text(0, 6) == "+15,0 %");
    CHECK(text(0, 7) == "11,50");
    CHECK(text(2, 5) == kMinus + "100,00");
    // Total: 6 000 → 6 200 kr, +3,3 %; 6 200 kr / 600 listed = 10,33 kr per listed.
    CHECK(units.rows[3].role == RowRole::total);
    CHECK(text(3, 0) == "Summa (3 enheter)");
    CHECK(text(3, 5) == "200,00");
    CHECK(text(3, 6) == "+3,3 %");
    CHECK(text(3, 7) == "10,33");
    // Subtotals: region-run a and c (4 000 → 3 900 kr), private b (2 000 → 2 300 kr).
    const Table& groups = r.tables.at(1);
    REQUIRE(groups.rows.size() == 3);
    CHECK(std::get<std::string>(groups.rows[0].cells[0]) == "Vårdcentraler, regiondrivna");
    CHECK(std::get<std::int64_t>(groups.rows[0].cells[1]) == 2);
    CHECK(std::get<std::int64_t>(groups.rows[0].cells[4]) == -10'000);
    CHECK(groups.rows[0].role == RowRole::subtotal);
    CHECK(std::get<std::int64_t>(groups.rows[1].cells[4]) == 30'000);
    CHECK(groups.rows[2].role == RowRole::total);
    // A chart of the differences over the sorted units.
    REQUIRE(!r.charts.empty());
    CHECK(r.charts[0].table == "units");
    CHECK(r.charts[0].value_column == "diff");
}

TEST_CASE("illustrative parameters are a component's own keys, or a did-you-mean error") {
    const std::string head =
        "region: test\nyear: 2020\ncomponents:\n  - id: cap\n    type: capitation.cni\n";
    const auto good = test::write_temp(
        "illustrative_good.yaml",
        head +
            "    illustrative: [average_per_listed_year, variables.under5]\n"
            "    params:\n      average_per_listed_year: 820\n      variables: {under5: 1}\n");
    CHECK(load_model(good.string()).components.at(0).illustrative ==
          std::vector<std::string>{"average_per_listed_year", "variables.under5"});
    const auto bad = test::write_temp("illustrative_bad.yaml",
                                      head +
                                          "    illustrative: [average_per_listed]\n"
                                          "    params:\n      average_per_listed_year: 820\n");
    try {
        load_model(bad.string());
        FAIL("an unknown illustrative key was accepted");
    } catch (const IssueError& e) {
        REQUIRE(e.issues().size() == 1);
        CHECK(e.issues()[0].line == 6);
        CHECK(e.issues()[0].path == "components[0].illustrative[0]");
        CHECK_THAT(e.issues()[0].message,
                   Catch::Contains("unknown parameter 'average_per_listed'") &&
                       Catch::Contains("did you mean 'average_per_listed_year'"));
    }
    std::filesystem::remove(good);
    std::filesystem::remove(bad);
}
