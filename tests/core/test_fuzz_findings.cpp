// Inputs the fuzz harnesses (tests/fuzz/) found mishandled, each kept as a test so the fix
// stays: the answer must be the loader's own refusal, never another exception.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "vardval/issue.hpp"
#include "vardval_host/model.hpp"

using namespace vardval;
namespace fs = std::filesystem;

TEST_CASE("a model extending a file whose name the system refuses is an invalid model") {
    // fuzz_model: `extends:` with a 300-byte name (over NAME_MAX) made std::filesystem throw
    // filesystem_error out of load_model (exit 6 instead of 2).
    const fs::path file =
        fs::temp_directory_path() / (std::to_string(::getpid()) + "_long_extends.yaml");
    std::ofstream(file) << "region: r\nyear: 2021\nextends: ../" << std::string(300, 'x')
                        << "\ncomponents: []\n";
    CHECK_THROWS_AS(load_model(file.string()), IssueError);
    CHECK_THROWS_WITH(load_model(file.string()), Catch::Contains("model not found"));
    fs::remove(file);
}

TEST_CASE("a model extending a folder, or a folder given as a region, is an invalid file") {
    // fuzz_model: `extends:` naming the model's own folder made the YAML parser read a
    // directory, and the read error (std::ios_base::failure) escaped load_model.
    const fs::path dir = fs::temp_directory_path() / (std::to_string(::getpid()) + "_extends_dir");
    fs::create_directories(dir);
    const fs::path file = dir / "2021.yaml";
    std::ofstream(file) << "region: r\nyear: 2021\nextends: ./\ncomponents: []\n";
    CHECK_THROWS_WITH(load_model(file.string()), Catch::Contains("model not found"));
    CHECK_THROWS_AS(load_region(dir.string()), IssueError);
    fs::remove_all(dir);
}
