#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "shipped.hpp"
#include "vardval_host/model.hpp"
#include "vardval_host/model_diff.hpp"
#include "vardval_host/model_values.hpp"
#include "vardval_host/plugin_docs.hpp"
#include "vardval_host/plugin_host.hpp"

using namespace vardval;

using test::host;
using test::issues_text;
using test::kRegions;

TEST_CASE("the example of every registered type validates when pasted into a model") {
    // Names (professions, measures, psychiatric contact types, ...) come from a region that
    // declares them: psychiatry's from Jämtland Härjedalen, the others' from Västmanland.
    const Region jh = load_region(kRegions + "jamtland-harjedalen/region.yaml");
    const Region vm = load_region(kRegions + "vastmanland/region.yaml");
    REQUIRE(host().types().size() >= 25);
    for (const RegisteredType* t : host().types()) {
        const bool psychiatry =
            t->type.name.rfind("psychiatry.", 0) == 0 || t->type.name == "budget.split";
        const Region& region = psychiatry ? jh : vm;
        const std::string model = "region: " + region.id +
                                  "\nyear: 2022\npayees: [vardcentral, psychiatry-clinic]\n"
                                  "components:\n" +
                                  example_component(t->type, &region, &host());
        const std::string file = test::write_temp(t->type.name + ".yaml", model).string();
        INFO(model);
        const Model m = load_model(file);
        CHECK(issues_text(validate_model(m, region, host())) == "");
        REQUIRE(m.components.size() == 1);
        CHECK(m.components[0].type == t->type.name);
        std::filesystem::remove(file);
    }
}

TEST_CASE("every resolved value names the file and line that set it, scalings and moves too") {
    const Model m = load_model(kRegions + "vastmanland/2022.yaml");
    const std::string base = kRegions + "vastmanland/2021.yaml";
    const std::string year = kRegions + "vastmanland/2022.yaml";
    auto value = [&](const std::string& id, const std::string& key) {
        for (const ComponentDecl& c : m.components)
            if (c.id == id)
                for (const ResolvedValue& v : resolved_values(c, &host().find(c.type)->type.params))
                    if (v.key == key)
                        return v;
        FAIL("no " + id + " " + key);
        return ResolvedValue{};
    };
    // Set in 2021.yaml (crisis_preparedness.amount_per_place_year: 30000, line 231), then
    // indexed ×1.02 by 2022.yaml's scale entry naming it (line 112): 30 000 × 1.02 = 30 600.
    const ResolvedValue place = value("crisis_preparedness", "params.amount_per_place_year");
    CHECK(place.value == "30600");
    CHECK(place.unit == "kr");
    CHECK(place.source == base + ":231; scaled at " + year + ":112");
    // 2022.yaml sets short-term places at 7 000 kr (line 54), the 2022 amount the source
    // states: no scale entry names it, so nothing indexes it again.
    const ResolvedValue short_term = value("short_term", "params.amount_per_place_year");
    CHECK(short_term.value == "7000");
    CHECK(short_term.source == year + ":54");
    // Set in 2021.yaml and changed by six moves into it (2022.yaml lines 93-98).
    const ResolvedValue pot = value("capitation", "params.budget_year");
    CHECK(pot.source.rfind(base + ":", 0) == 0);
    CHECK(pot.source.find("; moved at " + year + ":93") != std::string::npos);
    CHECK(pot.source.find("; moved at " + year + ":98") != std::string::npos);
    // A default the model does not give.
    CHECK(value("capitation", "params.budget_share").source == "default");
}

TEST_CASE("structural and parameter problems are listed in one pass") {
    const std::string file = test::write_temp("2021.yaml", R"(region: test
year: 2021
titel: x
components:
  - id: s
    type: sparsity.distance
    params: {threshold_km: 30, amount_per_listd_year: 600}
)")
                                 .string();
    const Model m = read_model(file);
    const std::string text = issues_text(validate_model(m, test::make_region({"a"}), host()));
    CHECK_THAT(text, Catch::Contains(file + ":3:1: titel: unknown key 'titel'") &&
                         Catch::Contains("unknown parameter 'amount_per_listd_year'"));
    CHECK_THROWS_AS(load_model(file), IssueError);
    std::filesystem::remove(file);
}

TEST_CASE("a year file whose year contradicts its name is refused at the year's line") {
    const auto dir = test::write_temp("years", "").string() + ".d";
    std::filesystem::create_directories(dir);
    const std::string file = dir + "/2022.yaml";
    std::ofstream(file) << "region: test\nyear: 2021\ncomponents: []\n";
    const Model m = read_model(file);
    REQUIRE(m.issues.size() == 1);
    CHECK_THAT(m.issues[0].to_string(),
               Catch::Contains(file + ":2:7: year: year: 2021 contradicts the file name") &&
                   Catch::Contains("set year: 2022"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("diff: value by value after extends and scaling, components added and removed") {
    const auto dir = test::write_temp("diff", "").string() + ".d";
    std::filesystem::create_directories(dir);
    std::ofstream(dir + "/2021.yaml") << R"(region: test
year: 2021
components:
  - id: sparsity
    type: sparsity.distance
    params: {threshold_km: 30, amount_per_listed_year: 600}
  - id: cni
    type: capitation.cni
    params: {average_per_listed_year: 820, variables: {under5: 3.23}}
)";
    std::ofstream(dir + "/2022.yaml") << R"(region: test
year: 2022
extends: 2021
components:
  - {id: cni, remove: true}
  - id: sparsity
    params: {threshold_km: 30.0}
scale:
  - {reason: "index 2 %", factor: 1.02, params: [sparsity.amount_per_listed_year]}
)";
    const Model base = load_model(dir + "/2021.yaml");
    const Model next = load_model(dir + "/2022.yaml");
    const std::vector<ValueChange> changes = diff_models(base, next, host());
    // threshold_km 30 → 30.0 is no change; 600 kr × 1.02 = 612 kr, set at 2021.yaml:6 and
    // scaled at 2022.yaml:9; cni removed.
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].component == "sparsity");
    CHECK(changes[0].key == "params.amount_per_listed_year");
    CHECK(*changes[0].base == "600");
    CHECK(*changes[0].proposal == "612");
    CHECK(changes[0].unit == "kr");
    CHECK(changes[0].source == dir + "/2021.yaml:6; scaled at " + dir + "/2022.yaml:9");
    CHECK(changes[1].component == "cni");
    CHECK(changes[1].kind == "removed");
    CHECK(changes[1].key == "(component)");
    CHECK(!changes[1].proposal);
    CHECK(diff_models(base, base, host()).empty());
    std::filesystem::remove_all(dir);
}
