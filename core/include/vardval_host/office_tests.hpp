#pragma once
// The office's own tests (like OpenFisca's YAML tests): a region states a tiny input (a few
// persons, visits, unit values, events, contacts) and the payment it expects per unit and
// component, computed by hand. Each test goes through what production does: its rows are
// written to CSV files, imported with import_dataset into a fresh SQLite database, and the
// model is run with run_model on that database.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "vardval/issue.hpp"

namespace vardval {

class PluginHost;

// One amount expected for a unit and a component ("total": the unit's total).
struct ExpectedAmount {
    std::string unit;
    std::string component;
    std::int64_t ore = 0;
    int line = 0;  // in the test file
};

// The rows of one dataset to import: kind, period and the rows as given (column → value).
struct TestDataset {
    std::string kind;
    std::string period;
    std::vector<std::string> columns;  // in the order first given
    std::vector<std::map<std::string, std::string>> rows;
    std::vector<int> row_lines;  // each row's line in the test file
};

struct OfficeTest {
    std::string file;
    int line = 0;
    std::string name;
    std::filesystem::path region_dir;  // the folder holding region.yaml above the test file
    std::filesystem::path model;       // the model file to run
    std::string period;
    std::vector<TestDataset> data;
    std::vector<std::string> units;  // when given, the region's register is restricted to them
    std::vector<ExpectedAmount> expect;
};

// The test files under `path`: the file itself, or every *.yaml under a folder named `tests`
// anywhere below the folder, in path order. Every test is read before any is run: a test file
// with an unknown key (with a "did you mean"), a missing or mistyped value is refused with
// file, line and what would be valid, all problems at once (IssueError).
std::vector<OfficeTest> load_office_tests(const std::filesystem::path& path);

struct OfficeTestResult {
    const OfficeTest* test = nullptr;
    bool passed = false;
    // Why it failed: "hallen listed_age: expected 12 345,67 kr, got ..." lines, or the error
    // that stopped the test (a rejected row, an invalid model, missing data).
    std::vector<std::string> failures;
};

// Runs one test in a temporary folder (removed afterwards) with the loaded plugins.
OfficeTestResult run_office_test(const OfficeTest& test, const PluginHost& host);

}  // namespace vardval
