// libFuzzer harness for the model and region loaders: the input is written to a file (the
// loaders read files, and follow `extends:` next to them) and read as a model and as a region.
// A refusal (IssueError) is the expected answer to a bad file; anything else escaping, a crash,
// a hang or a sanitizer report is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "vardval/issue.hpp"
#include "vardval_host/model.hpp"

namespace fs = std::filesystem;

namespace {

// One folder per fuzzing process, so parallel jobs do not share files; in memory where the
// machine has /dev/shm (a file written per input on a disk makes the fuzzer ten times slower).
const fs::path& work_dir() {
    // Never destroyed, so that the removal at exit can still name it.
    static const fs::path& dir = *new fs::path([] {
        const fs::path base = fs::is_directory("/dev/shm") ? "/dev/shm" : fs::temp_directory_path();
        fs::path d = base / ("vardval-fuzz-model-" + std::to_string(::getpid()));
        fs::create_directories(d);
        std::atexit([] {
            std::error_code ignored;
            fs::remove_all(work_dir(), ignored);
        });
        return d;
    }());
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fs::path file = work_dir() / "2020.yaml";
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        (void)vardval::load_model(file.string());
    } catch (const vardval::IssueError&) {
    }
    try {
        (void)vardval::load_region(file.string());
    } catch (const vardval::IssueError&) {
    }
    return 0;
}
