#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "fixtures.hpp"
#include "vardval_host/plugin_host.hpp"

using namespace vardval;
namespace fs = std::filesystem;

namespace {
const fs::path kPlugins = VARDVAL_PLUGIN_DIR;
const fs::path kCoreLibrary = fs::path(VARDVAL_PLUGIN_DIR) / ".." / ".." / "libvardval_core.so";
const fs::path kWrongApi = fs::path(VARDVAL_FIXTURE_DIR) / "libvardval_fixture_wrong_api.so";
constexpr fs::perms kOwnerWrites = fs::perms::owner_all | fs::perms::group_read |
                                   fs::perms::group_exec | fs::perms::others_read |
                                   fs::perms::others_exec;  // 0755

std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A private plugin folder (mode 0755) of files copied or written into it, removed at the end.
class PluginFolder {
  public:
    PluginFolder()
        : dir_(fs::temp_directory_path() /
               ("vardval-plugins-" + std::to_string(getpid()) + "-" + std::to_string(++count_))) {
        fs::remove_all(dir_);
        fs::create_directory(dir_);
        fs::permissions(dir_, kOwnerWrites);
    }
    ~PluginFolder() { fs::remove_all(dir_); }
    PluginFolder(const PluginFolder&) = delete;
    PluginFolder& operator=(const PluginFolder&) = delete;

    const fs::path& dir() const { return dir_; }
    fs::path copy(const fs::path& from, const std::string& name) {
        return write(name, read_bytes(from));
    }
    fs::path write(const std::string& name, const std::string& bytes) {
        const fs::path file = dir_ / name;
        std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
        fs::permissions(file, kOwnerWrites);
        return file;
    }

  private:
    static inline int count_ = 0;
    fs::path dir_;
};

}  // namespace

TEST_CASE("the shipped list is every library the build put in the plugin folder") {
    std::vector<std::string> built;
    for (const auto& entry : fs::directory_iterator(kPlugins))
        if (entry.path().extension() == ".so")
            built.push_back(entry.path().filename().string());
    std::sort(built.begin(), built.end());
    CHECK(shipped_plugin_libraries() == built);
    CHECK(built.size() >= 13);  // one per folder under plugins/
}

TEST_CASE("every built plugin loads through the host, each type from its own library") {
    PluginHost host;
    CHECK(host.load_directory(kPlugins).empty());
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
    REQUIRE(fs::exists(kWrongApi));
    CHECK_THROWS_WITH(
        host.load_library(kWrongApi),
        Catch::Contains(kWrongApi.string()) &&
            Catch::Contains("plugin API version " + std::to_string(ABI_VERSION + 1)) &&
            Catch::Contains("API version " + std::to_string(ABI_VERSION)));
    CHECK(host.types().empty());

    // Listed in a folder beside good plugins, it stops the whole load: nothing is registered.
    PluginFolder folder;
    folder.copy(kPlugins / "libvardval_cni.so", "libvardval_cni.so");
    const fs::path listed = folder.copy(kWrongApi, "libvardval_old.so");
    CHECK_THROWS_WITH(host.load_directory(folder.dir(), {"libvardval_cni.so", "libvardval_old.so"}),
                      Catch::Contains("1 of the 2 plugin libraries listed") &&
                          Catch::Contains(listed.string() + " was built for plugin API version"));
    CHECK(host.types().empty());
}

TEST_CASE("a type registered by two libraries stops the load whichever is listed first") {
    // An old copy of the CNI plugin whose name sorts first: it used to win silently.
    PluginFolder folder;
    const fs::path cni = folder.copy(kPlugins / "libvardval_cni.so", "libvardval_cni.so");
    const fs::path old = folder.copy(kPlugins / "libvardval_cni.so", "libvardval_a_old_cni.so");
    for (const std::vector<std::string>& listed :
         {std::vector<std::string>{"libvardval_a_old_cni.so", "libvardval_cni.so"},
          std::vector<std::string>{"libvardval_cni.so", "libvardval_a_old_cni.so"}}) {
        PluginHost host;
        CHECK_THROWS_WITH(
            host.load_directory(folder.dir(), listed),
            Catch::Contains("component type 'capitation.cni' is registered by both") &&
                Catch::Contains(cni.string()) && Catch::Contains(old.string()));
        CHECK(host.find("capitation.cni") == nullptr);
    }
}

TEST_CASE("a truncated library is refused before it is mapped, with no crash") {
    const std::string whole = read_bytes(kPlugins / "libvardval_cni.so");
    REQUIRE(whole.size() > 8192);
    PluginFolder folder;
    // Cut inside the ELF header, after the program headers (segments reach past the end), and
    // by one byte (the section header table, at the end, no longer fits).
    for (const std::size_t keep :
         {std::size_t{40}, std::size_t{4096}, whole.size() / 2, whole.size() - 1}) {
        const fs::path file = folder.write("libvardval_cni.so", whole.substr(0, keep));
        PluginHost host;
        CHECK_THROWS_WITH(host.load_library(file),
                          Catch::Contains(file.string() + " is truncated") &&
                              Catch::Contains("it was not loaded"));
        CHECK_THROWS_WITH(host.load_directory(folder.dir(), {"libvardval_cni.so"}),
                          Catch::Contains(file.string() + " is truncated"));
        CHECK(host.types().empty());
    }
}

TEST_CASE("a file that is not a 64-bit ELF library for this machine is refused before dlopen") {
    PluginFolder folder;
    const fs::path text = folder.write("libvardval_text.so", "not a shared library");
    PluginHost host;
    CHECK_THROWS_WITH(host.load_library(text),
                      Catch::Contains(text.string() + " is not an ELF shared library"));
    CHECK_THROWS_WITH(host.load_library(folder.write("libvardval_empty.so", "")),
                      Catch::Contains("is not an ELF shared library"));

    const std::string whole = read_bytes(kPlugins / "libvardval_cni.so");
    std::string elf32 = whole;
    elf32[4] = 1;  // EI_CLASS: ELFCLASS32
    CHECK_THROWS_WITH(host.load_library(folder.write("libvardval_32.so", elf32)),
                      Catch::Contains("is not a 64-bit ELF file"));
    std::string other_machine = whole;
    other_machine[18] = static_cast<char>(other_machine[18] ^ 0x7f);  // e_machine, low byte
    CHECK_THROWS_WITH(host.load_library(folder.write("libvardval_arm.so", other_machine)),
                      Catch::Contains("is built for another machine"));
    std::string executable = whole;
    executable[16] = 2;  // e_type: ET_EXEC
    CHECK_THROWS_WITH(host.load_library(folder.write("libvardval_exec.so", executable)),
                      Catch::Contains("is not an ELF shared library (ELF type 2)"));
    CHECK(host.types().empty());
}

TEST_CASE("a shared library without the plugin entry point is refused, naming it") {
    REQUIRE(fs::exists(kCoreLibrary));
    PluginFolder folder;
    const fs::path file = folder.copy(kCoreLibrary, "libvardval_core.so");
    PluginHost host;
    CHECK_THROWS_WITH(host.load_directory(folder.dir(), {"libvardval_core.so"}),
                      Catch::Contains(file.string() + " has no entry point 'vardval_plugin_info'"));
}

TEST_CASE("only listed libraries are loaded; the rest of the folder is returned, never opened") {
    PluginFolder folder;
    folder.copy(kPlugins / "libvardval_cni.so", "libvardval_cni.so");
    folder.copy(kWrongApi, "libvardval_stray.so");  // would be refused if it were opened
    folder.write("libvardval_broken.so",
                 "\x7f"
                 "ELF");  // would be refused too
    folder.write("README", "notes");
    PluginHost host;
    CHECK(host.load_directory(folder.dir(), {"libvardval_cni.so"}) ==
          std::vector<std::string>{"README", "libvardval_broken.so", "libvardval_stray.so"});
    CHECK(host.type_names() == std::vector<std::string>{"capitation.cni"});
}

TEST_CASE("a listed library missing from the folder stops the load, every failure named") {
    PluginFolder folder;
    folder.copy(kPlugins / "libvardval_cni.so", "libvardval_cni.so");
    const fs::path text = folder.write("libvardval_text.so", "text");
    PluginHost host;
    CHECK_THROWS_WITH(
        host.load_directory(folder.dir(),
                            {"libvardval_cni.so", "libvardval_gone.so", "libvardval_text.so"}),
        Catch::Contains("2 of the 3 plugin libraries listed for " + folder.dir().string()) &&
            Catch::Contains("plugin library libvardval_gone.so is listed but not in " +
                            folder.dir().string()) &&
            Catch::Contains(text.string() + " is not an ELF shared library"));
    CHECK(host.types().empty());
}

TEST_CASE("a plugin folder or library others can write is refused") {
    PluginFolder folder;
    const fs::path cni = folder.copy(kPlugins / "libvardval_cni.so", "libvardval_cni.so");
    PluginHost host;
    fs::permissions(folder.dir(), fs::perms::others_write, fs::perm_options::add);
    CHECK_THROWS_WITH(host.load_directory(folder.dir(), {"libvardval_cni.so"}),
                      Catch::Contains("plugin folder " + folder.dir().string() +
                                      " is writable by others (mode 0757)") &&
                          Catch::Contains("chmod go-w"));
    fs::permissions(folder.dir(), kOwnerWrites | fs::perms::group_write);
    CHECK_THROWS_WITH(host.load_directory(folder.dir(), {"libvardval_cni.so"}),
                      Catch::Contains("is writable by its group (mode 0775)"));
    fs::permissions(folder.dir(), kOwnerWrites);
    fs::permissions(cni, fs::perms::group_write | fs::perms::others_write, fs::perm_options::add);
    CHECK_THROWS_WITH(host.load_directory(folder.dir(), {"libvardval_cni.so"}),
                      Catch::Contains("plugin library " + cni.string() +
                                      " is writable by its group and others (mode 0777)"));
    CHECK(host.types().empty());
    fs::permissions(cni, kOwnerWrites);
    CHECK(host.load_directory(folder.dir(), {"libvardval_cni.so"}).empty());
    CHECK(host.find("capitation.cni"));
}
