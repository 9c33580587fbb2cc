// The unit statement's content: last month and the year to date beside each component, a
// month without data named and left out (never a zero), and the model's labels.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "vardval_host/statement_report.hpp"

using namespace vardval;
using namespace vardval::report;

namespace {

LedgerLine line(const std::string& component, Ore amount) {
    LedgerLine l;
    l.unit = "a";
    l.component = component;
    l.basis = Decimal::from_int(10);
    l.basis_unit = "listed";
    l.rate_ore = Decimal::from_int(amount / 10);
    l.amount_ore = amount;
    l.explanation = component + " for 10 listed";
    return l;
}

RunResult month(const Region& region, int m, const std::vector<LedgerLine>& lines) {
    RunResult r;
    r.region = region.id;
    r.region_name = region.name;
    r.period = Period{2021, m};
    r.components = {{"capitation", "capitation.age_weighted"},
                    {"cni", "capitation.cni"},
                    {"goal", "goal.goals"}};
    UnitStatement s;
    s.unit = &region.units[0];
    s.listed = 10;
    s.lines = lines;
    for (const LedgerLine& l : lines)
        s.total_ore += l.amount_ore;
    r.units.push_back(s);
    r.total_ore = s.total_ore;
    return r;
}

Ore ore(const Cell& c) {
    REQUIRE(std::holds_alternative<std::int64_t>(c));
    return std::get<std::int64_t>(c);
}

}  // namespace

TEST_CASE("statement: last month and year to date per component, a missing month named") {
    const Region region = test::make_region({"a", "b"});
    // March pays capitation and CNI; February also paid a goal, which March does not.
    RunResult march = month(region, 3, {line("capitation", 1000), line("cni", 500)});
    RunResult february =
        month(region, 2, {line("capitation", 900), line("cni", 400), line("goal", 300)});
    march.datasets = {{"listing", "2021-03", 1}};
    february.datasets = {{"listing", "2021-02", 2}};
    StatementInput in;
    in.month = &march;
    in.earlier = {&february};
    in.not_computed = {{Period{2021, 1}, "no listing for test 2021-01"}};
    in.labels = {{"capitation", "Ersättning listad"}, {"cni", ""}};
    const Report r = statement_report(in, "a", Lang::sv);

    REQUIRE(r.tables.size() == 3);
    const Table& c = r.tables[0];
    REQUIRE(c.rows.size() == 4);
    // Columns: component, basis, counting, rate, amount, last month, year to date.
    CHECK(std::get<std::string>(c.rows[0].cells[0]) == "Ersättning listad");
    CHECK(std::get<std::string>(c.rows[1].cells[0]) == "cni");  // no label: the id
    CHECK(c.columns[5].label.sv == "Förra månaden (2021-02) (kr)");
    // capitation: 1000 now, 900 in February, 1000 + 900 = 1900 this year.
    CHECK(ore(c.rows[0].cells[4]) == 1000);
    CHECK(ore(c.rows[0].cells[5]) == 900);
    CHECK(ore(c.rows[0].cells[6]) == 1900);
    // The sentences, one per line of this month, in their own table.
    const Table& e = r.tables[1];
    REQUIRE(e.rows.size() == 2);
    CHECK(std::get<std::string>(e.rows[0].cells[0]) == "Ersättning listad");
    CHECK(std::get<std::string>(e.rows[0].cells[1]) == "capitation for 10 listed");
    // cni: 500, 400, 900.
    CHECK(ore(c.rows[1].cells[6]) == 900);
    // goal: nothing this month (empty, not zero), 300 in February and this year.
    CHECK(std::holds_alternative<std::monostate>(c.rows[2].cells[4]));
    CHECK(ore(c.rows[2].cells[5]) == 300);
    CHECK(ore(c.rows[2].cells[6]) == 300);
    // Total: 1500 now, 1600 in February, 3100 this year.
    CHECK(c.rows[3].role == RowRole::total);
    CHECK(ore(c.rows[3].cells[4]) == 1500);
    CHECK(ore(c.rows[3].cells[5]) == 1600);
    CHECK(ore(c.rows[3].cells[6]) == 3100);

    // Every month of the year so far; January not computed and shown empty, not as zero.
    const Table& m = r.tables[2];
    REQUIRE(m.rows.size() == 4);
    CHECK(std::get<std::string>(m.rows[0].cells[0]) == "2021-01");
    CHECK(std::holds_alternative<std::monostate>(m.rows[0].cells[2]));
    CHECK(std::get<std::string>(m.rows[0].cells[3]) == "ej beräknad, se not");
    CHECK(ore(m.rows[1].cells[2]) == 1600);
    CHECK(ore(m.rows[2].cells[2]) == 1500);
    CHECK(ore(m.rows[3].cells[2]) == 3100);
    CHECK(r.notes.at(0).sv ==
          "2021-01: inte beräknad (no listing for test 2021-01); ingår inte i hittills i år");
    // Each month's data is named: the year to date's figures are explainable too.
    CHECK(r.notes.at(2).sv == "Data för 2021-03: listing 2021-03 v1");
    CHECK(r.notes.at(3).sv == "Data för 2021-02: listing 2021-02 v2");
    CHECK(r.warnings.empty());
    CHECK(r.title.sv == "Ersättningsbesked 2021-03: Unit a (a), Test region");
}

TEST_CASE("statement: no last month when it was not computed; a unit not paid is an error") {
    const Region region = test::make_region({"a", "b"});
    RunResult march = month(region, 3, {line("capitation", 1000)});
    march.sample_data = true;
    StatementInput in;
    in.month = &march;
    in.not_computed = {{Period{2021, 1}, "no listing"}, {Period{2021, 2}, "no listing"}};
    const Report r = statement_report(in, "a", Lang::en);
    const Table& c = r.tables[0];
    CHECK(c.columns[5].label.en == "Last month (kr)");
    CHECK(std::holds_alternative<std::monostate>(c.rows[0].cells[5]));
    CHECK(ore(c.rows[0].cells[6]) == 1000);
    CHECK(std::get<std::string>(c.rows.back().cells[0]) == "Total");
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].en.rfind("SAMPLE DATA", 0) == 0);
    CHECK_THROWS_WITH(statement_report(in, "b", Lang::sv), Catch::Contains("'b' is not paid"));
}

TEST_CASE("statement: consecutive months missing for the same reason are named once") {
    const Region region = test::make_region({"a"});
    const RunResult june = month(region, 6, {line("capitation", 1000)});
    StatementInput in;
    in.month = &june;
    in.not_computed = {{Period{2021, 1}, "no listing for test 2021-01"},
                       {Period{2021, 2}, "no listing for test 2021-02"},
                       {Period{2021, 3}, "no listing for test 2021-03"},
                       {Period{2021, 4}, "no visits for test 2020-05..2021-04"},
                       {Period{2021, 5}, "no listing for test 2021-05"}};
    const Report r = statement_report(in, "a", Lang::en);
    REQUIRE(r.notes.size() >= 3);
    CHECK(r.notes[0].en ==
          "2021-01..2021-03: not computed (no listing for test YYYY-MM); not in the year to date");
    CHECK(r.notes[1].en ==
          "2021-04: not computed (no visits for test 2020-05..2021-04); not in the year to date");
    CHECK(r.notes[2].en ==
          "2021-05: not computed (no listing for test 2021-05); not in the year to date");
    // Every month is still in the months table, each shown empty, none as zero.
    const Table& m = r.tables[2];
    for (int i = 0; i < 5; ++i)
        CHECK(std::holds_alternative<std::monostate>(m.rows[static_cast<std::size_t>(i)].cells[2]));
    CHECK(std::get<std::int64_t>(m.rows[5].cells[2]) == 1000);
}
