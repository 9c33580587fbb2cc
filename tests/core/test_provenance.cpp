#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "vardval_host/provenance.hpp"

using namespace vardval;
namespace fs = std::filesystem;

namespace {

struct Folder {
    fs::path dir = fs::temp_directory_path() / ("vardval_provenance_" + std::to_string(::getpid()));
    Folder() { fs::create_directories(dir / "test" / "scenarios"); }
    ~Folder() { fs::remove_all(dir); }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name) << text;
        return dir / name;
    }
};

const char* kRegionYaml =
    "region: test\nname: Test\nunits:\n  - {id: a, name: A, ownership: region-run}\n";
const char* kYear = "region: test\nyear: 2020\ncomponents: []\n";
const char* kScenario = "region: test\nyear: 2020\nextends: ../2020.yaml\ncomponents: []\n";

}  // namespace

TEST_CASE("SHA-256 is the standard one (FIPS 180-2 test vectors)") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    Folder f;
    CHECK(sha256_file(f.write("abc.txt", "abc")) == sha256_hex("abc"));
    CHECK_THROWS(sha256_file(f.dir / "missing.txt"));
}

TEST_CASE("the model hash covers region.yaml and the extends chain, not where they lie") {
    Folder f;
    f.write("test/region.yaml", kRegionYaml);
    f.write("test/2020.yaml", kYear);
    const fs::path scenario = f.write("test/scenarios/what-if.yaml", kScenario);
    const Model model = load_model(scenario.string());
    const Region region = load_region((f.dir / "test/region.yaml").string());
    const ModelSnapshot snapshot = snapshot_model(model, region);
    CHECK(snapshot.sha256 == sha256_hex(snapshot.text));
    CHECK(snapshot.text.find("=== file region.yaml 75\n") != std::string::npos);
    CHECK(snapshot.text.find("=== file scenarios/what-if.yaml") != std::string::npos);

    // Restored elsewhere, the files load to the same model with the same hash.
    const fs::path elsewhere = f.dir / "restored";
    fs::create_directories(elsewhere);
    const RestoredModel restored = restore_model(snapshot.text, elsewhere);
    CHECK(restored.model_file == elsewhere / "scenarios/what-if.yaml");
    CHECK(restored.region_file == elsewhere / "region.yaml");
    const Model again = load_model(restored.model_file.string());
    CHECK(again.chain.size() == 2);
    CHECK(snapshot_model(again, load_region(restored.region_file.string())).sha256 ==
          snapshot.sha256);

    // One unit's ownership changed: another hash.
    f.write("test/region.yaml",
            "region: test\nname: Test\nunits:\n  - {id: a, name: A, ownership: private}\n");
    const Region changed = load_region((f.dir / "test/region.yaml").string());
    CHECK(snapshot_model(model, changed).sha256 != snapshot.sha256);

    CHECK_THROWS(restore_model("not a snapshot", elsewhere));
}
