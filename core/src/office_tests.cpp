// Running the office's tests (office_tests.hpp) the way production runs: CSV files imported
// with import_dataset into a fresh SQLite database, the model run with run_model on it.
#include "vardval_host/office_tests.hpp"

#include <stdlib.h>

#include <fstream>
#include <sstream>

#include "vardval/vocabulary.hpp"
#include "vardval_host/datasets.hpp"
#include "vardval_host/engine.hpp"
#include "vardval_host/model.hpp"
#include "vardval_host/plugin_host.hpp"
#include "vardval_host/report.hpp"
#include "vardval_host/storage.hpp"

namespace fs = std::filesystem;

namespace vardval {
namespace {

// A temporary folder for one test's CSV files and database, removed when done.
class TempFolder {
  public:
    TempFolder() {
        std::string pattern = (fs::temp_directory_path() / "vardval-test-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("cannot create a temporary folder in " +
                                     fs::temp_directory_path().string());
        path_ = pattern;
    }
    ~TempFolder() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

// The rows as the kind's CSV: a header of the columns in the order first given, a row each
// (a column a row does not give is empty).
fs::path write_csv(const TestDataset& set, const fs::path& folder, std::size_t index) {
    const fs::path file = folder / (std::to_string(index) + "-" + set.kind + ".csv");
    std::ofstream out(file);
    for (std::size_t c = 0; c < set.columns.size(); ++c)
        out << (c ? "," : "") << csv_field(set.columns[c]);
    out << "\n";
    for (const auto& row : set.rows) {
        for (std::size_t c = 0; c < set.columns.size(); ++c) {
            auto it = row.find(set.columns[c]);
            out << (c ? "," : "") << (it == row.end() ? "" : csv_field(it->second));
        }
        out << "\n";
    }
    if (!out)
        throw std::runtime_error("cannot write " + file.string());
    return file;
}

std::string where(const OfficeTest& test, int line) {
    return test.file + ":" + std::to_string(line);
}

// Imports every dataset of the test; a rejected row or file fails the test, naming the row's
// line in the test file.
bool import_data(const OfficeTest& test, Database& db, const Region& region, const fs::path& folder,
                 OfficeTestResult& result) {
    for (std::size_t i = 0; i < test.data.size(); ++i) {
        const TestDataset& set = test.data[i];
        ImportRequest request;
        request.kind = set.kind;
        request.period = set.period;
        request.file = write_csv(set, folder, i);
        try {
            const ImportOutcome outcome = import_dataset(db, region, request);
            for (const Reject& reject : outcome.report.first_rejects) {
                // CSV line 2 is the first row.
                const std::size_t row = static_cast<std::size_t>(reject.line - 2);
                const int line = row < set.row_lines.size() ? set.row_lines[row] : test.line;
                result.failures.push_back(where(test, line) + ": data." + set.kind + " " +
                                          set.period + ": row rejected: " + reject.reason);
            }
            if (!outcome.stored) {
                // An "unknown unit" may be one the test left out of its register.
                if (!test.units.empty())
                    result.failures.push_back(where(test, test.line) +
                                              ": note: this test restricts the register to "
                                              "units: " +
                                              join(test.units));
                return false;
            }
        } catch (const IssueError& e) {
            for (const Issue& issue : e.issues())
                result.failures.push_back("data." + set.kind + " " + set.period + ": " +
                                          issue.to_string());
            return false;
        } catch (const std::exception& e) {
            result.failures.push_back(
                where(test, set.row_lines.empty() ? test.line : set.row_lines.front()) + ": data." +
                set.kind + " " + set.period + ": " + e.what());
            return false;
        }
    }
    return true;
}

// "12345.67 kr": the form a test file states amounts in.
std::string kr(std::int64_t ore) {
    const bool negative = ore < 0;
    const std::uint64_t magnitude =
        negative ? 0ULL - static_cast<std::uint64_t>(ore) : static_cast<std::uint64_t>(ore);
    const std::uint64_t cents = magnitude % 100;
    return (negative ? "-" : "") + std::to_string(magnitude / 100) + "." + (cents < 10 ? "0" : "") +
           std::to_string(cents) + " kr";
}

void compare(const OfficeTest& test, const RunResult& run, OfficeTestResult& result) {
    std::vector<std::string> unit_ids;
    for (const UnitStatement& s : run.units)
        unit_ids.push_back(s.unit->id);
    for (const ExpectedAmount& e : test.expect) {
        const std::string at = where(test, e.line) + ": " + e.unit + " " + e.component + ": ";
        auto statement = std::find_if(run.units.begin(), run.units.end(),
                                      [&](const UnitStatement& s) { return s.unit->id == e.unit; });
        if (statement == run.units.end()) {
            result.failures.push_back(at + "the run pays no unit '" + e.unit + "'" +
                                      did_you_mean(e.unit, unit_ids) +
                                      "; units paid: " + join(unit_ids));
            continue;
        }
        std::optional<std::int64_t> got;
        std::vector<std::string> components = {"total"};
        if (e.component == "total")
            got = statement->total_ore;
        for (const LedgerLine& line : statement->lines) {
            components.push_back(line.component);
            if (line.component == e.component)
                got = got.value_or(0) + line.amount_ore;
        }
        if (!got) {
            result.failures.push_back(at + "no component '" + e.component + "' in the run" +
                                      did_you_mean(e.component, components) +
                                      "; valid: " + join(components));
        } else if (*got != e.ore) {
            result.failures.push_back(at + "expected " + kr(e.ore) + ", got " + kr(*got) +
                                      " (difference " + kr(*got - e.ore) + ")");
        }
    }
}

Region restrict(Region region, const OfficeTest& test, OfficeTestResult& result) {
    if (test.units.empty())
        return region;
    std::vector<std::string> ids;
    for (const Unit& u : region.units)
        ids.push_back(u.id);
    std::vector<Unit> kept;
    for (const std::string& id : test.units) {
        if (const Unit* u = region.find(id))
            kept.push_back(*u);
        else
            result.failures.push_back(where(test, test.line) + ": units: unknown unit '" + id +
                                      "'" + did_you_mean(id, ids) + " in " + region.file);
    }
    region.units = std::move(kept);
    return region;
}

}  // namespace

OfficeTestResult run_office_test(const OfficeTest& test, const PluginHost& host) {
    OfficeTestResult result;
    result.test = &test;
    try {
        const Model model = load_model(test.model.string());
        const Region region =
            restrict(load_region((test.region_dir / "region.yaml").string()), test, result);
        if (!result.failures.empty())
            return result;
        TempFolder folder;
        Database db("sqlite3://db=" + (folder.path() / "test.db").string());
        if (!import_data(test, db, region, folder.path(), result))
            return result;
        // Only what the test imported: never the shipped sample.
        DatabaseDataSource data(db, region, folder.path() / "no-sample", {}, false);
        const RunResult run = run_model(model, region, host, data, *Period::parse(test.period));
        compare(test, run, result);
    } catch (const IssueError& e) {
        for (const Issue& i : e.issues())
            result.failures.push_back(i.to_string());
        result.failures.push_back(std::string(e.what()) + "; nothing was computed");
    } catch (const DataMissing& e) {
        result.failures.push_back(where(test, test.line) +
                                  ": the model reads data the test does not give: " + e.what());
    } catch (const std::exception& e) {
        result.failures.push_back(where(test, test.line) + ": " + e.what());
    }
    result.passed = result.failures.empty();
    return result;
}

}  // namespace vardval
