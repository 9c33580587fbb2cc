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
