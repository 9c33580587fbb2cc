#include <catch2/catch.hpp>

#include <sstream>
#include <stdexcept>

#include "vardval/ledger.hpp"
#include "vardval_host/compare.hpp"
#include "vardval_host/period_range.hpp"

using namespace vardval;

namespace {

std::string error_of(std::string_view text) {
    try {
        parse_run_period(text);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

LedgerLine line(const std::string& unit, const std::string& component, Ore amount) {
    LedgerLine l;
    l.unit = unit;
    l.component = component;
    l.type = component == "cap" ? "capitation.age_weighted" : "goal.approved";
    l.basis = Decimal::from_int(1);
    l.basis_unit = "things";
    l.rate_ore = Decimal::from_int(amount);
    l.amount_ore = amount;
    l.explanation = component + " of " + unit;
    return l;
}

// One month: units a and b, each with its lines, `listed` persons and a stored run id.
RunResult month(const Region& region, int m, std::int64_t run_id, std::vector<LedgerLine> a,
                std::vector<LedgerLine> b, std::int64_t listed_a) {
    RunResult run;
    run.run_id = run_id;
    run.region = region.id;
    run.region_name = region.name;
    run.year = 2021;
    run.model_file = "2021.yaml";
    run.model_hash = "hash";
    run.period = Period{2021, m};
    run.components = {{"cap", "capitation.age_weighted"}, {"pot", "goal.approved"}};
    run.plugins = {"capitation 1.0.0", "goal 1.0.0"};
    run.datasets = {DatasetRef{"listing", run.period.to_string(), 1},
                    DatasetRef{"visits", "2019-11..2020-10", 2}};
    UnitStatement sa{&region.units[0], listed_a, std::move(a), 0};
    UnitStatement sb{&region.units[1], 50, std::move(b), 0};
    for (UnitStatement* s : {&sa, &sb})
        for (const LedgerLine& l : s->lines)
            s->total_ore += l.amount_ore;
    run.total_ore = sa.total_ore + sb.total_ore;
    run.units = {std::move(sa), std::move(sb)};
    return run;
}

Region two_units() {
    Region r;
    r.id = "test";
    r.name = "Test region";
    r.units = {Unit{"a", "Alpha", Ownership::region_run, "vardcentral", {}},
               Unit{"b", "Björk", Ownership::private_, "vardcentral", {}}};
    return r;
}

// Three months, hand-made:
//            2021-01 (#3)  2021-02 (#4)  2021-03 (#5)   sum
//   a cap        1000          1100          1001       3101   rate 3101/3
//   a pot         333           334             0        667   rate 667/3
//   b cap        2001          1999          2000       6000   rate 2000
//   b pot  667 (two lines:       666          1000       2333
//           +867 and −200)
// a: 1333 + 1434 + 1001 = 3768; b: 2668 + 2665 + 3000 = 8333; total 12 101
// (months 4001 + 4099 + 4001 = 12 101).
std::vector<RunResult> three_months(const Region& r) {
    return {month(r, 1, 3, {line("a", "cap", 1000), line("a", "pot", 333)},
                  {line("b", "cap", 2001), line("b", "pot", 867), line("b", "pot", -200)}, 100),
            month(r, 2, 4, {line("a", "cap", 1100), line("a", "pot", 334)},
                  {line("b", "cap", 1999), line("b", "pot", 666)}, 101),
            month(r, 3, 5, {line("a", "cap", 1001), line("a", "pot", 0)},
                  {line("b", "cap", 2000), line("b", "pot", 1000)}, 102)};
}

}  // namespace

TEST_CASE("a run period is one month or a range of at most 36 months") {
    const PeriodRange year = parse_run_period("2021-01..2021-12");
    CHECK(year.first == Period{2021, 1});
    CHECK(year.last == Period{2021, 12});
    CHECK(months_of(year).size() == 12);
    CHECK(months_of(year)[11] == Period{2021, 12});

    const PeriodRange one = parse_run_period("2021-03");
    CHECK(one.first == one.last);
    CHECK(months_of(one).size() == 1);

    // Across a year end: 2021-11, 2021-12, 2022-01, 2022-02.
    const auto across = months_of(parse_run_period("2021-11..2022-02"));
    REQUIRE(across.size() == 4);
    CHECK(across[2] == Period{2022, 1});

    // 2021-01..2023-12 is 36 months, the most; one more is refused.
    CHECK(months_of(parse_run_period("2021-01..2023-12")).size() == 36);
    CHECK_THAT(error_of("2021-01..2024-01"),
               Catch::Contains("37 months, more than 36") && Catch::Contains("YYYY-MM..YYYY-MM"));
    CHECK_THAT(error_of("2021-12..2021-01"),
               Catch::Contains("the range ends (2021-01) before it starts (2021-12)"));
    CHECK_THAT(error_of("2021-01..2021-13"), Catch::Contains("'2021-13' is not a month"));
    CHECK_THAT(error_of("2021-1..2021-12"), Catch::Contains("'2021-1' is not a month"));
    CHECK_THAT(error_of("2021"), Catch::Contains("--period '2021': not a month"));
}

TEST_CASE("every month with missing data is named in one error") {
    int runs = 0;
    try {
        for_each_month(parse_run_period("2021-01..2021-12"), [&](Period p) {
            ++runs;
            if (p.month == 3 || p.month == 7)
                throw DataMissing("no listing for test " + p.to_string());
            return p.month;
        });
        FAIL("missing months must be an error");
    } catch (const DataMissing& e) {
        CHECK_THAT(std::string(e.what()),
                   Catch::Contains("data missing for 2 of the 12 months of 2021-01..2021-12 "
                                   "(2021-03, 2021-07); nothing was computed or stored") &&
                       Catch::Contains("2021-03: no listing for test 2021-03") &&
                       Catch::Contains("2021-07: no listing for test 2021-07"));
    }
    CHECK(runs == 12);  // every month was tried, so every missing one is named

    // The same thing missing in several months (a reference dataset) is said once.
    try {
        for_each_month(parse_run_period("2021-01..2021-03"), [](Period p) {
            if (p.month != 2)
                throw DataMissing("no listing for test 2020-10");
            return 0;
        });
        FAIL("missing months must be an error");
    } catch (const DataMissing& e) {
        CHECK_THAT(std::string(e.what()),
                   Catch::EndsWith("stored:\n  2021-01, 2021-03: no listing for test 2020-10"));
    }

    // Any other error stops at once.
    runs = 0;
    CHECK_THROWS_AS(for_each_month(parse_run_period("2021-01..2021-12"),
                                   [&](Period p) {
                                       ++runs;
                                       if (p.month == 2)
                                           throw std::runtime_error("bug");
                                       return 0;
                                   }),
                    std::runtime_error);
    CHECK(runs == 2);

    const auto all = for_each_month(parse_run_period("2021-11..2022-01"),
                                    [](Period p) { return p.to_string(); });
    CHECK(all == std::vector<std::string>{"2021-11", "2021-12", "2022-01"});
}

TEST_CASE("months are summed per unit and component, to the öre, and each line still checks") {
    const Region region = two_units();
    const std::vector<RunResult> months = three_months(region);
    const RunResult sum = sum_months(months);

    CHECK(sum.period_text() == "2021-01..2021-03");
    CHECK_FALSE(sum.run_id);
    CHECK(sum.month_run_ids == std::vector<std::int64_t>{3, 4, 5});
    CHECK(sum.total_ore == 12101);
    REQUIRE(sum.units.size() == 2);
    CHECK(sum.units[0].unit->id == "a");
    CHECK(sum.units[0].total_ore == 3768);
    CHECK(sum.units[0].listed == 102);  // the last month's listing
    CHECK(sum.units[1].total_ore == 8333);

    // Every month's datasets, each once, in the order read.
    REQUIRE(sum.datasets.size() == 4);
    CHECK(sum.datasets[0].to_string() == "listing 2021-01 v1");
    CHECK(sum.datasets[1].to_string() == "visits 2019-11..2020-10 v2");
    CHECK(sum.datasets[3].to_string() == "listing 2021-03 v1");
    CHECK(sum.plugins.size() == 2);
    CHECK(sum.components.size() == 2);

    const LedgerLine& a_cap = sum.units[0].lines[0];
    CHECK(a_cap.component == "cap");
    CHECK(a_cap.type == "capitation.age_weighted");
    CHECK(a_cap.amount_ore == 3101);
    CHECK(a_cap.exact_basis() == Rational::from_int(3));
    CHECK(a_cap.basis_unit == "months");
    CHECK(a_cap.exact_rate().to_string() == "3101/3");
    CHECK(a_cap.rounding == Rounding::per_line);
    CHECK(a_cap.explanation ==
          "2021-01..2021-03: the sum of 3 months (basis: months; rate: the monthly average): "
          "2021-01 (run #3) 10,00 kr; 2021-02 (run #4) 11,00 kr; 2021-03 (run #5) 10,01 kr");
    CHECK(a_cap.trace.size() == 3);
    CHECK(a_cap.trace[0] == "2021-01: cap of a");

    // b's two pot lines of January are one month's 667 öre: 667 + 666 + 1000 = 2333.
    const LedgerLine& b_pot = sum.units[1].lines[1];
    CHECK(b_pot.amount_ore == 2333);
    CHECK(b_pot.exact_basis() == Rational::from_int(3));
    CHECK_THAT(b_pot.explanation, Catch::Contains("2021-01 (run #3) 6,67 kr;"));
    CHECK(b_pot.trace.size() == 4);
    CHECK(sum.units[1].lines[0].exact_rate() == Rational::from_int(2000));

    for (const UnitStatement& s : sum.units)
        for (const LedgerLine& l : s.lines)
            CHECK(recheck(l, 1).empty());
}

TEST_CASE("summing states what it cannot do") {
    const Region region = two_units();
    std::vector<RunResult> months = three_months(region);

    // One month is returned as it is, run id and all.
    const RunResult one = sum_months({months[1]});
    CHECK(one.run_id == std::optional<std::int64_t>(4));
    CHECK_FALSE(one.last_period);
    CHECK(one.units[0].lines[0].basis_unit == "things");

    // Unstored months: no run ids anywhere.
    std::vector<RunResult> unstored = months;
    for (RunResult& r : unstored)
        r.run_id.reset();
    const RunResult sum = sum_months(unstored);
    CHECK(sum.month_run_ids.empty());
    CHECK_THAT(sum.units[0].lines[0].explanation, Catch::Contains("2021-01 10,00 kr;"));

    CHECK_THROWS_WITH(sum_months({}), "no months to sum");
    CHECK_THROWS_WITH(sum_months({months[0], months[2]}),
                      Catch::Contains("2021-01 and 2021-03: the months must follow each other"));
    months[2].model_hash = "other";
    CHECK_THROWS_WITH(sum_months(months), Catch::Contains("runs of different models"));
}

TEST_CASE("sums over the same range compare; over different ranges they do not") {
    const Region region = two_units();
    const std::vector<RunResult> base = three_months(region);
    std::vector<RunResult> proposal = three_months(region);
    for (RunResult& run : proposal) {
        run.model_file = "proposal.yaml";
        run.model_hash = "proposal";
        *run.run_id += 10;
    }
    // The proposal pays 100 öre more in February: a's cap 1100 → 1200.
    proposal[1].units[0].lines[0].amount_ore += 100;
    proposal[1].units[0].total_ore += 100;
    proposal[1].total_ore += 100;
    const RunResult base_sum = sum_months(base), proposal_sum = sum_months(proposal);

    const Comparison c = compare_runs(base_sum, proposal_sum, region);
    CHECK(c.total_base_ore == 12101);
    CHECK(c.total_proposal_ore == 12201);
    CHECK(c.units[0].diff_ore() == 100);
    CHECK(c.units[0].listed == 102);
    std::ostringstream json;
    write_comparison(json, c, Format::json);
    CHECK_THAT(json.str(),
               Catch::Contains("\"period\": \"2021-01..2021-03\"") &&
                   Catch::Contains("\"run_id\": null, \"month_run_ids\": [13, 14, 15]"));

    // The side by side names the range and each model's month runs.
    const SideBySide s = compare_side_by_side({base_sum, proposal_sum}, region);
    CHECK(s.period_text() == "2021-01..2021-03");
    CHECK(s.models[1].month_run_ids == std::vector<std::int64_t>{13, 14, 15});
    CHECK(s.models[1].total_ore == 12201);

    // A quarter and its first two months are not the same period.
    const RunResult two_months = sum_months({proposal[0], proposal[1]});
    CHECK_THROWS_WITH(compare_runs(base_sum, two_months, region),
                      "cannot compare different months: 2021-01..2021-03 and 2021-01..2021-02");
}
