#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "fixtures.hpp"
#include "vardval_host/plugin_host.hpp"

using namespace vardval;
namespace fs = std::filesystem;

namespace {
const fs::path kPlugins = VARDVAL_PLUGIN_DIR;
}

TEST_CASE("every built plugin loads through the host, each type from its own library") {
    PluginHost host;
    host.load_directory(kPlugins);
    CHECK(host.failures().empty());
    const RegisteredType* age = host.find("capitation.age_weighted");
    const RegisteredType* cni = host.find("capitation.cni");
    const RegisteredType* distance = host.find("sparsity.distance");
    REQUIRE(age);
    REQUIRE(cni);
    REQUIRE(distance);
    CHECK(fs::path(age->library_file).filename() == "libvardval_capitation.so");
    CHECK(fs::path(cni->library_file).filename() == "libvardval_cni.so");
    CHECK(fs::path(distance->library_file).filename() == "libvardval_sparsity.so");
    for (const char* name : {"supplement.per_listed", "supplement.per_place"}) {
        const RegisteredType* t = host.find(name);
        REQUIRE(t);
        CHECK(fs::path(t->library_file).filename() == "libvardval_supplement.so");
    }
    for (const auto& [name, file] : std::vector<std::pair<std::string, std::string>>{
             {"cost.share", "libvardval_cost.so"},
             {"cost.actual_share", "libvardval_cost.so"},
             {"fees.patient", "libvardval_fees.so"},
             {"capitation.acg", "libvardval_capitation.so"},
             {"sparsity.catchment", "libvardval_sparsity.so"},
             {"goal.per_event", "libvardval_goal.so"},
             {"visit.fee", "libvardval_visit.so"},
             {"visit.cross_listing", "libvardval_visit.so"},
             {"coverage.ratio", "libvardval_coverage.so"},
             {"goal.approved", "libvardval_goal.so"},
             {"goal.ranked", "libvardval_goal.so"},
             {"goal.threshold", "libvardval_goal.so"},
             {"penalty.weekly", "libvardval_penalty.so"},
             {"psychiatry.appropriation", "libvardval_psychiatry.so"},
             {"psychiatry.visit", "libvardval_psychiatry.so"},
             {"psychiatry.episode", "libvardval_psychiatry.so"},
             {"psychiatry.value_based", "libvardval_psychiatry.so"},
             {"psychiatry.completion", "libvardval_psychiatry.so"},
             {"budget.split", "libvardval_budget.so"}}) {
        REQUIRE(host.find(name));
        CHECK(fs::path(host.find(name)->library_file).filename() == file);
    }
    REQUIRE(host.find("adjustment.vat"));
    CHECK(fs::path(host.find("adjustment.vat")->library_file).filename() ==
          "libvardval_adjustment.so");
}

TEST_CASE("a component created from a plugin keeps working after the host is gone") {
    std::shared_ptr<const Component> component;
    YAML::Node node = YAML::Load("threshold_km: 30\namount_per_listed_year: 1200");
    {
        PluginHost host;
        host.load_library(kPlugins / "libvardval_sparsity.so");
        const RegisteredType* t = host.find("sparsity.distance");
        REQUIRE(t);
        component = host.create(*t, Params(node, t->type.params, "test.yaml", "params"));
    }
    test::FakeData data;
    test::add_persons(data.listings[Period{2020, 2}], "a", 40, Sex::female, 3, {}, 400);
    const Region region = test::make_region({"a"});
    const std::vector<LedgerLine> none;
    const auto lines = component->compute(RunContext{region, Period{2020, 2}, data, none});
    CHECK(lines.at(0).amount_ore == 30000);  // 3 × 1 200 kr / 12
}

TEST_CASE("a library built for another API version is refused, naming file and versions") {
    PluginHost host;
    const fs::path wrong = fs::path(VARDVAL_FIXTURE_DIR) / "libvardval_fixture_wrong_api.so";
    REQUIRE(fs::exists(wrong));
    CHECK_THROWS_WITH(
        host.load_library(wrong),
        Catch::Contains(wrong.string()) &&
            Catch::Contains("plugin API version " + std::to_string(ABI_VERSION + 1)) &&
            Catch::Contains("API version " + std::to_string(ABI_VERSION)));
    CHECK(host.types().empty());
}

TEST_CASE("a type registered by two libraries is an error naming both") {
    PluginHost host;
    host.load_library(kPlugins / "libvardval_cni.so");
    const fs::path copy = fs::temp_directory_path() / "libvardval_cni_copy.so";
    fs::copy_file(kPlugins / "libvardval_cni.so", copy, fs::copy_options::overwrite_existing);
    CHECK_THROWS_WITH(host.load_library(copy), Catch::Contains("capitation.cni") &&
                                                   Catch::Contains("libvardval_cni.so") &&
                                                   Catch::Contains(copy.string()));
    fs::remove(copy);
}

TEST_CASE("a file that is not a plugin is refused with the loader's message") {
    PluginHost host;
    const fs::path bogus = fs::temp_directory_path() / "libvardval_bogus.so";
    { std::ofstream(bogus) << "not a shared library"; }
    CHECK_THROWS_WITH(host.load_library(bogus),
                      Catch::Contains("cannot load plugin " + bogus.string()));
    fs::remove(bogus);
}
