// Reading the office's test files (office_tests.hpp): every key checked, every problem
// reported with file and line, before any test runs.
#include <algorithm>
#include <regex>

#include "vardval/period.hpp"
#include "vardval_host/datasets.hpp"
#include "vardval_host/office_tests.hpp"
#include "vardval_host/yaml_file.hpp"

namespace fs = std::filesystem;

namespace vardval {
namespace {

const std::vector<std::string> kTestKeys = {"name", "description", "model", "period",
                                            "data", "units",       "expect"};
const char* const kAmountForm =
    "an amount in kr with at most two decimals (12345.67, -250, 0), or {ore: N}";

class Reader {
  public:
    explicit Reader(std::string file) : file_(std::move(file)) {}

    void issue(const YAML::Node& node, const std::string& path, const std::string& message) {
        issues_.push_back(
            Issue{file_, node.Mark().line + 1, node.Mark().column + 1, path, message});
    }
    std::vector<Issue>& issues() { return issues_; }

    // A scalar text, or an issue saying what was expected.
    std::optional<std::string> scalar(const YAML::Node& node, const std::string& path,
                                      const std::string& valid) {
        if (node.IsScalar())
            return node.Scalar();
        issue(node, path, "not a single value; valid: " + valid);
        return std::nullopt;
    }

    // Every key of `map` must be one of `keys`.
    bool known_keys(const YAML::Node& map, const std::string& path,
                    const std::vector<std::string>& keys) {
        bool ok = true;
        for (const auto& kv : map) {
            const std::string key = kv.first.Scalar();
            if (std::find(keys.begin(), keys.end(), key) != keys.end())
                continue;
            issue(kv.first, path.empty() ? key : path + "." + key,
                  "unknown key '" + key + "'" + did_you_mean(key, keys) +
                      "; valid keys: " + join(keys));
            ok = false;
        }
        return ok;
    }

  private:
    std::string file_;
    std::vector<Issue> issues_;
};

// "12345.67" → 1234567 öre; exact, no rounding: money in a test is exact.
std::optional<std::int64_t> parse_kr(const std::string& text) {
    static const std::regex form(R"((-?)(\d{1,15})(?:\.(\d{1,2}))?)");
    std::smatch m;
    if (!std::regex_match(text, m, form))
        return std::nullopt;
    std::string cents = m[3].str();
    cents.resize(2, '0');
    const std::int64_t ore = std::stoll(m[2].str()) * 100 + std::stoll(cents);
    return m[1].length() > 0 ? -ore : ore;
}

std::optional<std::int64_t> parse_ore(const std::string& text) {
    static const std::regex form(R"(-?\d{1,17})");
    if (!std::regex_match(text, form))
        return std::nullopt;
    return std::stoll(text);
}

// The folder above `file` that holds region.yaml: the region the test is for.
std::optional<fs::path> region_folder(const fs::path& file) {
    for (fs::path dir = fs::absolute(file).parent_path(); !dir.empty(); dir = dir.parent_path()) {
        if (fs::is_regular_file(dir / "region.yaml"))
            return dir;
        if (dir == dir.root_path())
            break;
    }
    return std::nullopt;
}

void read_rows(Reader& r, const YAML::Node& rows, const std::string& path, TestDataset& set) {
    if (!rows.IsSequence() || rows.size() == 0) {
        r.issue(rows, path,
                "not a list of rows; valid: a list of mappings, one a row, with the columns of "
                "the kind's CSV (e.g. {person_id: P1, unit: hallen, birth_date: 1980-05-01, "
                "sex: F})");
        return;
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const YAML::Node row = rows[i];
        const std::string at = path + "[" + std::to_string(i) + "]";
        if (!row.IsMap()) {
            r.issue(row, at, "not a row; valid: a mapping of column → value");
            continue;
        }
        std::map<std::string, std::string> values;
        for (const auto& kv : row) {
            const std::string column = kv.first.Scalar();
            if (kv.second.IsNull()) {
                values[column] = "";
            } else if (auto v = r.scalar(kv.second, at + "." + column, "a single value")) {
                values[column] = *v;
            }
            if (std::find(set.columns.begin(), set.columns.end(), column) == set.columns.end())
                set.columns.push_back(column);
        }
        set.rows.push_back(std::move(values));
        set.row_lines.push_back(row.Mark().line + 1);
    }
}

// data: {KIND: [rows]} (the test's period) or {KIND: {PERIOD: [rows], ...}}.
void read_data(Reader& r, const YAML::Node& data, const std::string& period,
               std::vector<TestDataset>& out) {
    if (!data.IsMap()) {
        r.issue(data, "data",
                "not a mapping; valid: a mapping of dataset kind (" + join(kDatasetKinds) +
                    ") to rows, or to periods and rows");
        return;
    }
    for (const auto& kv : data) {
        const std::string kind = kv.first.Scalar();
        const std::string at = "data." + kind;
        if (!is_dataset_kind(kind)) {
            r.issue(kv.first, at,
                    "unknown dataset kind '" + kind + "'" + did_you_mean(kind, kDatasetKinds) +
                        "; valid: " + join(kDatasetKinds));
            continue;
        }
        if (kv.second.IsSequence()) {
            TestDataset set{kind, period, {}, {}, {}};
            read_rows(r, kv.second, at, set);
            out.push_back(std::move(set));
            continue;
        }
        if (!kv.second.IsMap()) {
            r.issue(kv.second, at,
                    "not rows; valid: a list of rows (the test's period), or a "
                    "mapping of period (YYYY-MM, visits also YYYY-MM..YYYY-MM) "
                    "to rows");
            continue;
        }
        for (const auto& by_period : kv.second) {
            const std::string p = by_period.first.Scalar();
            const bool valid =
                kind == "visits" ? PeriodRange::parse(p).has_value() : Period::parse(p).has_value();
            if (!valid) {
                r.issue(by_period.first, at + "." + p,
                        "not a period; valid: YYYY-MM" +
                            std::string(kind == "visits" ? " or YYYY-MM..YYYY-MM" : ""));
                continue;
            }
            TestDataset set{kind, p, {}, {}, {}};
            read_rows(r, by_period.second, at + "." + p, set);
            out.push_back(std::move(set));
        }
    }
}

void read_expect(Reader& r, const YAML::Node& expect, std::vector<ExpectedAmount>& out) {
    const std::string shape = "a mapping of unit → component (or total) → amount";
    if (!expect.IsMap() || expect.size() == 0) {
        r.issue(expect, "expect", "not a mapping; valid: " + shape);
        return;
    }
    for (const auto& by_unit : expect) {
        const std::string unit = by_unit.first.Scalar();
        if (!by_unit.second.IsMap() || by_unit.second.size() == 0) {
            r.issue(by_unit.second, "expect." + unit, "not a mapping; valid: " + shape);
            continue;
        }
        for (const auto& kv : by_unit.second) {
            const std::string component = kv.first.Scalar();
            const std::string at = "expect." + unit + "." + component;
            const YAML::Node& value = kv.second;
            std::optional<std::int64_t> ore;
            if (value.IsMap()) {
                if (r.known_keys(value, at, {"ore"}) && value["ore"] && value["ore"].IsScalar())
                    ore = parse_ore(value["ore"].Scalar());
            } else if (value.IsScalar()) {
                ore = parse_kr(value.Scalar());
            }
            if (!ore) {
                r.issue(value, at, std::string("not an amount; valid: ") + kAmountForm);
                continue;
            }
            out.push_back(ExpectedAmount{unit, component, *ore, kv.first.Mark().line + 1});
        }
    }
}

void read_test(Reader& r, const YAML::Node& node, const std::string& file,
               const fs::path& region_dir, std::vector<OfficeTest>& out) {
    if (!node.IsMap()) {
        r.issue(node, "", "not a test; valid: a mapping with keys " + join(kTestKeys));
        return;
    }
    // Every part given is checked even when another is missing or misspelt: all problems
    // in one pass.
    const std::size_t issues_before = r.issues().size();
    r.known_keys(node, "", kTestKeys);
    for (const char* required : {"name", "model", "period", "data", "expect"})
        if (!node[required])
            r.issue(node, required,
                    std::string("missing '") + required + "'; a test has " + join(kTestKeys) +
                        " (description and units optional)");
    OfficeTest t;
    t.file = file;
    t.line = node.Mark().line + 1;
    t.region_dir = region_dir;
    if (node["name"])
        t.name = r.scalar(node["name"], "name", "a short sentence").value_or("");
    const YAML::Node model = node["model"];
    if (auto text = model ? r.scalar(model, "model",
                                     "a contract year (2021) or a model file relative to the "
                                     "region folder (psychiatry/today.yaml)")
                          : std::nullopt) {
        const bool year = std::regex_match(*text, std::regex(R"(\d{4})"));
        t.model = region_dir / (year ? *text + ".yaml" : *text);
        if (!fs::is_regular_file(t.model))
            r.issue(model, "model",
                    "no model file " + t.model.string() +
                        "; valid: a year with <year>.yaml in the region folder, or a model file "
                        "relative to " +
                        region_dir.string());
    }
    const YAML::Node period = node["period"];
    if (auto text = period ? r.scalar(period, "period", "a month, YYYY-MM") : std::nullopt) {
        t.period = *text;
        if (!Period::parse(*text))
            r.issue(period, "period", "not a month; valid: YYYY-MM");
    }
    if (node["data"])
        read_data(r, node["data"], t.period, t.data);
    if (const YAML::Node units = node["units"]) {
        if (!units.IsSequence())
            r.issue(units, "units", "not a list; valid: a list of unit ids from region.yaml");
        else
            for (const YAML::Node& u : units)
                if (auto id = r.scalar(u, "units", "a unit id"))
                    t.units.push_back(*id);
    }
    if (node["expect"])
        read_expect(r, node["expect"], t.expect);
    if (r.issues().size() == issues_before)
        out.push_back(std::move(t));
}

void read_file(const fs::path& path, std::vector<OfficeTest>& out, std::vector<Issue>& issues) {
    const std::string file = path.string();
    Reader r(file);
    const auto region_dir = region_folder(path);
    if (!region_dir) {
        issues.push_back(Issue{file, 0, 0, "",
                               "no region.yaml in any folder above the test file; a test file "
                               "lies in its region's folder, e.g. regions/<region>/tests/"});
        return;
    }
    try {
        const YAML::Node doc = load_yaml_file(file, "test");
        if (doc.IsSequence())
            for (const YAML::Node& test : doc)
                read_test(r, test, file, *region_dir, out);
        else
            read_test(r, doc, file, *region_dir, out);
    } catch (const IssueError& e) {
        r.issues().insert(r.issues().end(), e.issues().begin(), e.issues().end());
    }
    issues.insert(issues.end(), r.issues().begin(), r.issues().end());
}

bool under_tests_folder(const fs::path& file, const fs::path& root) {
    for (const fs::path& part : file.lexically_relative(root).parent_path())
        if (part == "tests")
            return true;
    for (const fs::path& part : fs::absolute(root).lexically_normal())
        if (part == "tests")
            return true;
    return false;
}

}  // namespace

std::vector<OfficeTest> load_office_tests(const fs::path& path) {
    std::vector<fs::path> files;
    if (fs::is_regular_file(path)) {
        files.push_back(path);
    } else if (fs::is_directory(path)) {
        for (const auto& e : fs::recursive_directory_iterator(path))
            if (e.is_regular_file() && e.path().extension() == ".yaml" &&
                under_tests_folder(e.path(), path))
                files.push_back(e.path());
        std::sort(files.begin(), files.end());
    } else {
        throw IssueError("no tests", {Issue{path.string(), 0, 0, "", "no such file or folder"}});
    }
    if (files.empty())
        throw IssueError("no tests", {Issue{path.string(), 0, 0, "",
                                            "no test files: *.yaml under a folder named tests"}});
    std::vector<OfficeTest> tests;
    std::vector<Issue> issues;
    for (const fs::path& f : files)
        read_file(f, tests, issues);
    if (!issues.empty())
        throw IssueError("invalid test file", std::move(issues));
    return tests;
}

}  // namespace vardval
