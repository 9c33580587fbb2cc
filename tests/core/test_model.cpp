#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "fixtures.hpp"
#include "shipped.hpp"
#include "vardval/payment.hpp"
#include "vardval_host/model.hpp"
#include "vardval_host/plugin_host.hpp"

using namespace vardval;
namespace fs = std::filesystem;

namespace {

using test::host;
using test::issues_text;

struct ModelDir {
    fs::path dir = fs::temp_directory_path() / ("vardval_model_test_" + std::to_string(::getpid()));
    ModelDir() { fs::create_directories(dir); }
    ~ModelDir() { fs::remove_all(dir); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name) << text;
        return (dir / name).string();
    }
};

const Region kRegion = test::make_region({"a", "b"});

const char* kBase = R"(region: test
year: 2020
components:
  - id: sparsity
    type: sparsity.distance
    params:
      threshold_km: 30
      amount_per_listed_year: 600
  - id: cni
    type: capitation.cni
    params:
      average_per_listed_year: 820
      variables: {under5: 3.23}
)";

}  // namespace

TEST_CASE("a valid model validates") {
    ModelDir d;
    const Model m = load_model(d.write("2020.yaml", kBase));
    CHECK(validate_model(m, kRegion, host()).empty());
    CHECK(m.components.size() == 2);
}

TEST_CASE("a misspelt type is reported with file, line and the known types") {
    ModelDir d;
    std::string text = kBase;
    text.replace(text.find("capitation.cni"), 14, "capitation.cnl");
    const std::string file = d.write("2020.yaml", text);
    const std::string report = issues_text(validate_model(load_model(file), kRegion, host()));
    CHECK_THAT(report, Catch::Contains(file + ":10:") &&
                           Catch::Contains("unknown component type 'capitation.cnl'") &&
                           Catch::Contains("did you mean 'capitation.cni'") &&
                           Catch::Contains("sparsity.distance"));
}

TEST_CASE("unknown, missing and mistyped parameters are reported with their lines") {
    ModelDir d;
    std::string text = kBase;
    text.replace(text.find("threshold_km: 30"), 16, "treshold_km: 30");
    text.replace(text.find("820"), 3, "lots");
    const std::string file = d.write("2020.yaml", text);
    const std::string report = issues_text(validate_model(load_model(file), kRegion, host()));
    CHECK_THAT(report,
               Catch::Contains(
                   file + ":7:7: component 'sparsity'.params.treshold_km: unknown parameter") &&
                   Catch::Contains("did you mean 'threshold_km'"));
    CHECK_THAT(report, Catch::Contains("missing required parameter 'threshold_km'"));
    CHECK_THAT(report,
               Catch::Contains(file + ":12:") &&
                   Catch::Contains("expected money (kr) with at most six decimals, got 'lots'"));
}

TEST_CASE("a year extends another and overrides by component id, key by key") {
    ModelDir d;
    d.write("2020.yaml", kBase);
    const std::string file = d.write("2021.yaml", R"(region: test
year: 2021
extends: 2020
components:
  - id: sparsity
    params:
      amount_per_listed_year: 840
  - id: cni
    remove: true
  - id: drugs
    type: capitation.age_weighted
    params:
      price_per_weight_year: 1272
      bands: [{from: 0, weight: 1}]
)");
    const Model m = load_model(file);
    REQUIRE(m.components.size() == 2);
    CHECK(m.year == 2021);
    CHECK(m.chain.size() == 2);
    const ComponentDecl& s = m.components[0];
    CHECK(s.id == "sparsity");
    CHECK(s.params["threshold_km"].Scalar() == "30");
    CHECK(s.params["amount_per_listed_year"].Scalar() == "840");
    CHECK(fs::path(s.param_files.at("threshold_km")).filename() == "2020.yaml");
    CHECK(fs::path(s.param_files.at("amount_per_listed_year")).filename() == "2021.yaml");
    CHECK(m.components[1].id == "drugs");
    CHECK(validate_model(m, kRegion, host()).empty());
}

TEST_CASE("extends cycles and unknown keys are refused") {
    ModelDir d;
    d.write("a.yaml", "region: test\nyear: 1\nextends: b\ncomponents: []\n");
    d.write("b.yaml", "region: test\nyear: 1\nextends: a\ncomponents: []\n");
    CHECK_THROWS_AS(load_model((d.dir / "a.yaml").string()), IssueError);
    const std::string file = d.write("c.yaml", "region: test\nyaer: 1\ncomponents: []\n");
    try {
        load_model(file);
        FAIL("expected an error");
    } catch (const IssueError& e) {
        CHECK_THAT(issues_text(e.issues()),
                   Catch::Contains(file + ":2:1") && Catch::Contains("did you mean 'year'"));
    }
}

TEST_CASE("a model for another region is refused") {
    ModelDir d;
    std::string text = kBase;
    text.replace(0, 12, "region: elsewhere");
    CHECK_THAT(issues_text(validate_model(load_model(d.write("x.yaml", text)), kRegion, host())),
               Catch::Contains("model is for region 'elsewhere'"));
}

TEST_CASE("scale: a year indexes chosen prices after its own changes, and says so") {
    ModelDir d;
    d.write("2020.yaml", kBase);
    const std::string next = d.write("2021.yaml", R"(region: test
year: 2021
extends: 2020
components:
  - id: sparsity
    params: {amount_per_listed_year: 1000}
  - id: prices
    type: goal.per_event
    params: {prices: {sip: 1000, av003: 2180}}
scale:
  - reason: distance +40 %
    factor: 1.4
    params: [sparsity.amount_per_listed_year]
  - reason: indexation 2.5 %
    factor: 1.025
    params: [sparsity.amount_per_listed_year, prices.prices, cni.variables.under5]
)");
    const Model m = load_model(next);
    // 1 000 × 1.4 = 1 400, then × 1.025 = 1 435; the price list entry by entry.
    CHECK(m.components[0].params["amount_per_listed_year"].Scalar() == "1435");
    CHECK(m.components[2].params["prices"]["av003"].Scalar() == "2234.5");
    CHECK(m.components[1].params["variables"]["under5"].Scalar() == "3.31075");
    CHECK(m.components[1].params["average_per_listed_year"].Scalar() == "820");
    REQUIRE(m.changes.size() == 4);
    CHECK(m.changes[0].what == "sparsity.amount_per_listed_year 1000 → 1400 (×1.4)");
    CHECK(m.changes[2].what ==
          "prices.prices sip 1000, av003 2180 → sip 1025, av003 2234.5 (×1.025)");
    CHECK(m.changes[0].reason == "distance +40 %");

    d.write("bad.yaml", R"(region: test
year: 2021
extends: 2020
scale:
  - reason: typo
    factor: 1.1
    params: [sparsity.amount, nosuch.price]
)");
    try {
        load_model((d.dir / "bad.yaml").string());
        FAIL("expected an error");
    } catch (const IssueError& e) {
        const std::string text = issues_text(e.issues());
        CHECK_THAT(text, Catch::Contains("'sparsity.amount' is not a number or a mapping"));
        CHECK_THAT(text, Catch::Contains("'nosuch.price' is not component.key"));
    }
}

TEST_CASE("moves: a pot's budget changes by the amount moved; a rule-paid side is noted") {
    ModelDir d;
    d.write("2021.yaml", R"(region: test
year: 2021
components:
  - id: goal
    type: goal.approved
    params: {measure: plan, budget_year: 5000000}
  - id: visits
    type: goal.per_event
    params: {prices: {visit: 100}}
  - id: capitation
    type: capitation.cni
    params:
      budget_year: 100000000
      variables: {under5: 3.23}
)");
    const std::string next = d.write("2022.yaml", R"(region: test
year: 2022
extends: 2021
components:
  - id: goal
    remove: true
moves:
  - {reason: goal pay into capitation, from: goal, to: capitation, amount_year: 5000000}
  - {reason: visit pay into capitation, from: visits, to: capitation, amount_year: 64000000}
)");
    // A removed pot moves whole: 5 000 000 of it, not 4 000 000.
    const Model removed = load_model(next);
    CHECK(removed.components.size() == 2);
    CHECK_FALSE(removed.components[0].params["budget_year"].IsDefined());  // visits untouched
    CHECK(removed.components[1].params["budget_year"].Scalar() == "169000000");
    CHECK(removed.changes[0].what ==
          "goal removed with its budget_year 5000000; capitation.budget_year 100000000 → "
          "105000000");
    d.write("2022.yaml", R"(region: test
year: 2022
extends: 2021
components:
  - {id: goal, remove: true}
moves:
  - {reason: part of the goal pot, from: goal, to: capitation, amount_year: 4000000}
)");
    try {
        load_model(next);
        FAIL("moving part of a removed pot must be refused");
    } catch (const IssueError& e) {
        CHECK_THAT(issues_text(e.issues()),
                   Catch::Contains("'goal' is removed, so its whole budget_year 5000000 moves"));
    }
    d.write("2022.yaml", R"(region: test
year: 2022
extends: 2021
moves:
  - {reason: goal pay into capitation, from: goal, to: capitation, amount_year: 5000000}
  - {reason: visit pay into capitation, from: visits, to: capitation, amount_year: 64000000}
)");
    const Model m = load_model(next);
    CHECK(m.components[0].params["budget_year"].Scalar() == "0");
    CHECK(m.components[2].params["budget_year"].Scalar() == "169000000");
    REQUIRE(m.changes.size() == 2);
    CHECK(m.changes[0].what ==
          "goal.budget_year 5000000 → 0; capitation.budget_year 100000000 → 105000000");
    CHECK(m.changes[1].what == "visits by its rules; capitation.budget_year 105000000 → 169000000");
    CHECK(m.changes[1].amount_year == Decimal::from_int(64'000'000));
}

TEST_CASE("a budget.split stands for its parts, each validated against its own type") {
    ModelDir d;
    const std::string file = d.write("split.yaml", R"(region: test
year: 2024
components:
  - id: supplements
    type: budget.split
    params:
      budget_year: 1200
      parts:
        - id: young
          share: 0.75
          type: supplement.per_listed
          params: {from_age: 0, to_age: 5}
        - id: old
          share: 0.25
          type: supplement.per_listed
          params: {from_age: 80, to_age: 120, colour: blue}
)");
    const Model m = load_model(file);
    const std::string report = issues_text(validate_model(m, kRegion, host()));
    // The part's unknown key, at its own line in the model file.
    CHECK_THAT(report, Catch::Contains(file + ":16"));
    CHECK_THAT(report, Catch::Contains("component 'supplements.old'.params.colour"));
    CHECK_THAT(report, Catch::Contains("unknown parameter 'colour'"));

    const Model fixed = load_model(d.write("split.yaml", R"(region: test
year: 2024
components:
  - id: supplements
    type: budget.split
    params:
      budget_year: 1200
      parts:
        - {id: young, share: 0.75, type: supplement.per_listed, params: {from_age: 0, to_age: 5}}
        - {id: old, share: 0.25, type: supplement.per_listed, params: {from_age: 80, to_age: 120}}
)"));
    CHECK(validate_model(fixed, kRegion, host()).empty());
    const std::vector<ComponentDecl> parts = payable_components(fixed, host());
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].id == "supplements.young");
    CHECK(parts[0].params["budget_year"].Scalar() == "900");
    CHECK(parts[1].id == "supplements.old");
    CHECK(parts[1].params["budget_year"].Scalar() == "300");
    CHECK(parts[1].type == "supplement.per_listed");
}

TEST_CASE("a model pays the unit kinds it names") {
    Region region = test::make_region({"a", "b", "clinic"});
    region.units[2].kind = "psychiatry-clinic";
    CHECK(payee_region(region, {"vardcentral"}).units.size() == 2);
    const Region both = payee_region(region, {"vardcentral", "psychiatry-clinic"});
    REQUIRE(both.units.size() == 3);
    CHECK(both.units[2].id == "clinic");

    ModelDir d;
    const std::string file =
        d.write("p.yaml", std::string(kBase) + "payees: [psychiatry-provider]\n");
    const std::string report = issues_text(validate_model(load_model(file), region, host()));
    CHECK_THAT(report,
               Catch::Contains("no units of the kinds this model pays (psychiatry-provider)"));
    try {
        load_model(d.write("q.yaml", std::string(kBase) + "payees: [clinics]\n"));
        FAIL("an unknown unit kind must be refused");
    } catch (const IssueError& e) {
        CHECK_THAT(issues_text(e.issues()),
                   Catch::Contains("unknown unit kind 'clinics'; valid kinds: vardcentral, "
                                   "psychiatry-clinic, psychiatry-provider"));
    }
}

TEST_CASE("a component can pay only some of the model's unit kinds") {
    ModelDir d;
    const std::string base = d.write("2020.yaml", kBase);
    const std::string file = d.write("k.yaml", R"(region: test
year: 2024
extends: 2020.yaml
payees: [vardcentral]
components:
  - {id: cni, payees: [psychiatry-clinic]}
)");
    const Model m = load_model(file);
    REQUIRE(m.components[1].payees == std::vector<std::string>{"psychiatry-clinic"});
    CHECK_THAT(issues_text(validate_model(m, kRegion, host())),
               Catch::Contains("the model does not pay psychiatry-clinic units; its payees are "
                               "vardcentral"));
}

TEST_CASE("an override of ~ drops an inherited parameter") {
    ModelDir d;
    d.write("2020.yaml", kBase);
    const Model m = load_model(d.write("pot.yaml", R"(region: test
year: 2024
extends: 2020.yaml
components:
  - id: sparsity
    params: {amount_per_listed_year: ~, budget_year: 1200}
)"));
    CHECK_FALSE(m.components[0].params["amount_per_listed_year"].IsDefined());
    CHECK(m.components[0].params["budget_year"].Scalar() == "1200");
    CHECK(validate_model(m, kRegion, host()).empty());
}

namespace {

// The issues load_model throws for a file; fails the test when the file loads.
std::string load_refused(const std::string& file) {
    try {
        load_model(file);
    } catch (const IssueError& e) {
        return issues_text(e.issues());
    }
    FAIL("expected " + file + " to be refused");
    return "";
}

// kBase with `line` inserted after the line that contains `after`.
std::string base_with(const std::string& after, const std::string& line) {
    std::string text = kBase;
    const std::size_t end = text.find('\n', text.find(after)) + 1;
    return text.insert(end, line);
}

}  // namespace

TEST_CASE("a key given twice in one mapping is refused with the lines of both") {
    ModelDir d;
    // yaml-cpp keeps both entries; the loader would have paid the second (9 999 kr).
    std::string file = d.write("2020.yaml", base_with("average_per_listed_year: 820",
                                                      "      average_per_listed_year: 9999\n"));
    CHECK_THAT(load_refused(file),
               Catch::Contains(file +
                               ":13:7: components[1].params.average_per_listed_year: "
                               "duplicate key 'average_per_listed_year': also given at " +
                               file + ":12"));
    // In a flow mapping, and at the top of a base file reached through extends.
    file = d.write("2020.yaml", base_with("year: 2020", "title: x\n") + "title: y\n");
    const std::string next = d.write("2021.yaml", "region: test\nyear: 2021\nextends: 2020\n");
    CHECK_THAT(load_refused(next), Catch::Contains(file +
                                                   ":15:1: title: duplicate key 'title': "
                                                   "also given at " +
                                                   file + ":3"));
    std::string text = kBase;
    text.replace(text.find("{under5: 3.23}"), 14, "{under5: 3.23, under5: 4}");
    file = d.write("2020.yaml", text);
    CHECK_THAT(load_refused(file),
               Catch::Contains(file + ":13:33: ") && Catch::Contains("duplicate key 'under5'"));
    // In a scenario overlay.
    d.write("2020.yaml", kBase);
    file = d.write("scenario.yaml", R"(region: test
year: 2020
extends: 2020
components:
  - id: cni
    params: {average_per_listed_year: 900}
    params: {average_per_listed_year: 1000}
)");
    CHECK_THAT(load_refused(file), Catch::Contains(file +
                                                   ":7:5: components[0].params: duplicate "
                                                   "key 'params': also given at " +
                                                   file + ":6"));
}

TEST_CASE("a key given twice in region.yaml is refused with the lines of both") {
    ModelDir d;
    const std::string file = d.write("region.yaml", R"(region: test
name: Test
units:
  - {id: a, name: A, ownership: private}
  - id: b
    name: B
    ownership: region-run
    ownership: private
)");
    try {
        load_region(file);
        FAIL("a duplicate key in region.yaml must be refused");
    } catch (const IssueError& e) {
        CHECK_THAT(issues_text(e.issues()),
                   Catch::Contains(file +
                                   ":8:5: units[1].ownership: duplicate key 'ownership': "
                                   "also given at " +
                                   file + ":7"));
    }
}

TEST_CASE("a unit attribute that is a list or mapping is refused, not read as empty text") {
    ModelDir d;
    // Before, `places: [12, 4]` became the empty text and a per-place rule paid on nothing.
    const std::string file = d.write("region.yaml", R"(region: test
name: Test
units:
  - {id: a, name: A, ownership: private, places: 12}
  - {id: b, name: B, ownership: region-run, places: [12, 4]}
  - {id: {x: 1}, name: C, ownership: region-run}
)");
    try {
        load_region(file);
        FAIL("a list as a unit attribute must be refused");
    } catch (const IssueError& e) {
        const std::string text = issues_text(e.issues());
        CHECK_THAT(text, Catch::Contains(file + ":5:53: units[1].places: attribute 'places' must "
                                                "be a single value"));
        CHECK_THAT(text, Catch::Contains(file + ":6:5: units[2]: each unit needs 'id' and 'name'"));
    }
}

TEST_CASE("a component id given twice in one file is refused; overriding a base's id is not") {
    ModelDir d;
    // Today the second cni would silently replace the first one's parameters.
    const std::string file = d.write("2020.yaml", std::string(kBase) + R"(  - id: cni
    type: capitation.cni
    params: {average_per_listed_year: 1, variables: {under5: 1}}
)");
    CHECK_THAT(load_refused(file),
               Catch::Contains(file +
                               ":14:9: components[2].id: duplicate component id 'cni': "
                               "also declared at " +
                               file + ":9"));
    d.write("2020.yaml", kBase);
    const Model m = load_model(d.write("2021.yaml", R"(region: test
year: 2021
extends: 2020
components:
  - {id: cni, params: {average_per_listed_year: 900}}
)"));
    CHECK(m.components[1].params["average_per_listed_year"].Scalar() == "900");
}

TEST_CASE("moves: a move between two components paid by rule is refused with a reason") {
    ModelDir d;
    d.write("2021.yaml", R"(region: test
year: 2021
components:
  - id: visits
    type: goal.per_event
    params: {prices: {visit: 100}}
  - id: sparsity
    type: sparsity.distance
    params: {threshold_km: 30, amount_per_listed_year: 600}
  - id: goal
    type: goal.approved
    params: {measure: plan, amount_per_unit_year: 10000}
)");
    const std::string next = d.write("2022.yaml", R"(region: test
year: 2022
extends: 2021
moves:
  - {reason: visit pay into sparsity, from: visits, to: sparsity, amount_year: 1000}
)");
    CHECK_THAT(load_refused(next),
               Catch::Contains(next + ":5:5: moves[0]: neither 'visits' nor 'sparsity' is a pot") &&
                   Catch::Contains("nothing would move"));
    // A removed component paid by rule is no pot either.
    d.write("2022.yaml", R"(region: test
year: 2022
extends: 2021
components:
  - {id: goal, remove: true}
moves:
  - {reason: goal pay into sparsity, from: goal, to: sparsity, amount_year: 10000}
)");
    CHECK_THAT(load_refused(next), Catch::Contains("neither 'goal' nor 'sparsity' is a pot"));
    // A move of a pot into itself moves nothing either.
    d.write("2022.yaml", R"(region: test
year: 2022
extends: 2021
components:
  - {id: goal, params: {amount_per_unit_year: ~, budget_year: 50000}}
moves:
  - {reason: nothing, from: goal, to: goal, amount_year: 10000}
)");
    CHECK_THAT(load_refused(next), Catch::Contains(next + ":7:5: moves[0]: from and to are both "
                                                          "'goal'"));
}

TEST_CASE("an age band without 'from' is a model error with file and line") {
    ModelDir d;
    const std::string file = d.write("2020.yaml", R"(region: test
year: 2020
components:
  - id: capitation
    type: capitation.age_weighted
    params:
      price_per_weight_year: 2453
      bands:
        - {to: 5, weight: 1}
        - {from: 6, weight: 2}
)");
    // Today reading the missing key throws yaml-cpp's InvalidNode: an internal error.
    const std::string report = issues_text(validate_model(load_model(file), kRegion, host()));
    CHECK_THAT(report, Catch::Contains(file + ":9:11: component 'capitation'.params.bands[0].from: "
                                              "missing 'from': an age 0-") &&
                           Catch::Contains("each band is {from: AGE"));
}

TEST_CASE("every schema issue, nested ones included, names the file and a line") {
    ModelDir d;
    const std::string file = d.write("2024.yaml", R"(region: test
year: 2024
components:
  - id: capitation
    type: capitation.age_weighted
    params:
      bands: [{from: 0, weight: 1}, {weight: 2}]
      derive: {visits_period: someday, population_period: 2019-10}
  - id: cni
    type: capitation.cni
    params: {average_per_listed_year: 820, variables: {under5: lots}}
  - id: xray
    type: cost.actual_share
    params: {measures: [[xray_cost_kr]], budget_year: 1000}
  - id: split
    type: budget.split
    params:
      budget_year: 1200
      parts:
        - {id: a, share: 0.5, type: supplement.per_listed, params: {from_age: 0}}
        - {id: c, type: supplement.per_listed}
)");
    std::vector<Issue> issues = validate_model(load_model(file), kRegion, host());
    std::string report = issues_text(issues);
    // One of each: an age band, an object field, a map value, a list element, a part.
    CHECK_THAT(report, Catch::Contains(":7:37: component 'capitation'.params.bands[1].from"));
    CHECK_THAT(report,
               Catch::Contains(":8:31: component 'capitation'.params.derive.visits_period"));
    CHECK_THAT(report, Catch::Contains(":11:64: component 'cni'.params.variables.under5"));
    CHECK_THAT(report, Catch::Contains(":14:25: component 'xray'.params.measures[0]"));
    CHECK_THAT(report, Catch::Contains(":21:11: component 'split'.params.parts[1]: missing "
                                       "required parameter 'share'"));
    // The parts of a valid split: a missing key (its parameters are a mapping of their own,
    // with no line) and an unknown type.
    const std::string parts = d.write("parts.yaml", R"(region: test
year: 2024
components:
  - id: split
    type: budget.split
    params:
      budget_year: 1200
      parts:
        - {id: a, share: 0.5, type: supplement.per_listed, params: {to_age: 5}}
        - {id: b, share: 0.5, type: supplement.per_listd}
)");
    const std::vector<Issue> part_issues = validate_model(load_model(parts), kRegion, host());
    report = issues_text(part_issues);
    CHECK_THAT(report, Catch::Contains(parts + ":9:") &&
                           Catch::Contains("component 'split.a'.params: missing required "
                                           "parameter 'from_age'"));
    CHECK_THAT(report, Catch::Contains("unknown component type 'supplement.per_listd'"));
    CHECK(issues.size() >= 5);
    CHECK(part_issues.size() >= 2);
    for (const Issue& i : issues) {
        CHECK(i.file == file);
        CHECK(i.line > 0);
    }
    for (const Issue& i : part_issues) {
        CHECK(i.file == parts);
        CHECK(i.line > 0);
    }
}

TEST_CASE("a pot's parameters beside a price are refused for every type paying through Payment") {
    ModelDir d;
    // Today sparsity.distance and goal.approved drop budget_share and planned_volume_year
    // without a word and pay the price in full.
    const std::string file = d.write("2020.yaml", R"(region: test
year: 2020
components:
  - id: sparsity
    type: sparsity.distance
    params: {threshold_km: 30, amount_per_listed_year: 600, budget_share: 0.5}
  - id: goal
    type: goal.approved
    params:
      measure: plan
      amount_per_unit_year: 10000
      planned_volume_year: 20
)");
    const std::string report = issues_text(validate_model(load_model(file), kRegion, host()));
    CHECK_THAT(report, Catch::Contains(file + ":6:75: component 'sparsity'.params.budget_share: "
                                              "budget_share applies to a pot and needs "
                                              "budget_year"));
    CHECK_THAT(report, Catch::Contains(file + ":12:28: component 'goal'.params."
                                              "planned_volume_year: planned_volume_year applies "
                                              "to a pot and needs budget_year"));
}

TEST_CASE("every type with a pot takes its payment parameters from Payment's declaration") {
    const ParamSpec share = Payment::pot_params(false, "")[1];
    for (const std::string& name : host().type_names()) {
        const ParamSpec& spec = host().find(name)->type.params;
        if (spec.field("budget_year") == nullptr || host().find(name)->type.expand)
            continue;  // no pot, or a composite (its parts are the components)
        INFO(name);
        const ParamSpec* own = spec.field("budget_share");
        REQUIRE(own != nullptr);
        CHECK(own->summary() == share.summary());
        CHECK(own->doc == share.doc);
        CHECK(own->min == share.min);
        CHECK(own->max == share.max);
    }
}

TEST_CASE("a missing extended model and a mistyped or foreign region are located by line") {
    ModelDir d;
    const std::string file =
        d.write("2021.yaml", "region: test\nyear: 2021\nextends: 2019\ncomponents: []\n");
    CHECK_THAT(load_refused(file), Catch::Contains(file + ":3:10: extends: the extended model") &&
                                       Catch::Contains("2019.yaml does not exist"));
    const std::string nameless = d.write("x.yaml", "region: ~\nyear: 2021\ncomponents: []\n");
    CHECK_THAT(load_refused(nameless), Catch::Contains(nameless + ":1:9: region: region is a "
                                                                  "region id"));
    d.write("2020.yaml", kBase);
    const std::string foreign =
        d.write("f.yaml", "year: 2021\nextends: 2020\nregion: elsewhere\ncomponents: []\n");
    CHECK_THAT(issues_text(validate_model(load_model(foreign), kRegion, host())),
               Catch::Contains(foreign + ":3: region: model is for region 'elsewhere'"));
}
