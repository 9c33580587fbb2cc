// `vardval test PATH`: the office's own tests (core/include/vardval_host/office_tests.hpp).
#include <iostream>

#include "commands.hpp"
#include "vardval_host/office_tests.hpp"
#include "vardval_host/plugin_host.hpp"

namespace vardval::cli {

int test(const Config& config, const std::string& path) {
    PluginHost host;
    load_plugins(host, config);
    // Every test file is read (and refused, exit 2) before any test runs.
    const std::vector<OfficeTest> tests = load_office_tests(path);
    int failed = 0;
    for (const OfficeTest& t : tests) {
        const OfficeTestResult r = run_office_test(t, host);
        std::cout << (r.passed ? "PASS " : "FAIL ") << t.file << ":" << t.line << ": " << t.name
                  << "\n";
        for (const std::string& f : r.failures)
            std::cout << "    " << f << "\n";
        failed += r.passed ? 0 : 1;
    }
    std::cout << tests.size() << " tests: " << tests.size() - static_cast<std::size_t>(failed)
              << " passed, " << failed << " failed\n";
    return failed == 0 ? kOk : kTestFailed;
}

}  // namespace vardval::cli
