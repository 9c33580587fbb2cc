// Reading the office's test files (office_tests.hpp): amounts exact to the öre, rows and
// periods as given, and every problem refused with file, line and what is valid.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

#include "vardval_host/office_tests.hpp"

namespace fs = std::filesystem;
using namespace vardval;

namespace {

// A region folder with region.yaml and 2020.yaml (only their presence is read here) and the
// test file `text` under tests/.
fs::path region_with_test(const std::string& name, const std::string& text) {
    const fs::path dir = fs::temp_directory_path() / (std::to_string(::getpid()) + "_" + name);
    fs::create_directories(dir / "tests");
    std::ofstream(dir / "region.yaml") << "region: x\n";
    std::ofstream(dir / "2020.yaml") << "region: x\n";
    std::ofstream(dir / "tests" / "t.yaml") << text;
    return dir;
}

std::string issues_of(const fs::path& path) {
    try {
        load_office_tests(path);
    } catch (const IssueError& e) {
        std::string s;
        for (const Issue& i : e.issues())
            s += i.to_string() + "\n";
        return s;
    }
    return "";
}

}  // namespace

TEST_CASE("office test: amounts in kr or öre, rows by period, the region folder") {
    const fs::path dir = region_with_test("office_ok", R"(- name: one
  model: 2020
  period: 2020-02
  units: [a, b]
  data:
    listing:
      - {person_id: P1, unit: a, sex: F}
      - {person_id: P2, unit: b, distance_km: ~}
    visits:
      2018-11..2019-10:
        - {person_id: P1, unit: a}
  expect:
    a:
      x: 12345.67
      y: -250
      z: 0.5
    b:
      total: {ore: 7}
)");
    const std::vector<OfficeTest> tests = load_office_tests(dir);
    REQUIRE(tests.size() == 1);
    const OfficeTest& t = tests[0];
    CHECK(t.name == "one");
    CHECK(t.line == 1);
    CHECK(t.model == dir / "2020.yaml");
    CHECK(t.units == std::vector<std::string>{"a", "b"});
    REQUIRE(t.data.size() == 2);
    CHECK(t.data[0].kind == "listing");
    CHECK(t.data[0].period == "2020-02");  // a list of rows is the test's month
    CHECK(t.data[0].columns == std::vector<std::string>{"person_id", "unit", "sex", "distance_km"});
    CHECK(t.data[0].rows[1].at("distance_km").empty());
    CHECK(t.data[0].row_lines == std::vector<int>{7, 8});
    CHECK(t.data[1].period == "2018-11..2019-10");
    REQUIRE(t.expect.size() == 4);
    CHECK(t.expect[0].ore == 1234567);
    CHECK(t.expect[0].line == 14);
    CHECK(t.expect[1].ore == -25000);
    CHECK(t.expect[2].ore == 50);
    CHECK(t.expect[3].unit == "b");
    CHECK(t.expect[3].component == "total");
    CHECK(t.expect[3].ore == 7);
    fs::remove_all(dir);
}

TEST_CASE("office test: unknown keys and bad values are refused with file and line") {
    const fs::path dir = region_with_test("office_bad", R"(- name: typo
  model: 2020
  perod: 2020-02
  data:
    listng: [{person_id: P1}]
    visits: {2019-13: [{person_id: P1}]}
  expect:
    a:
      x: 1.234
      y: {oere: 5}
- name: no model file
  model: 2031
  period: 2020-02
  data: {listing: [{person_id: P1}]}
  expect: {a: {x: 1}}
)");
    const std::string issues = issues_of(dir);
    const std::string file = (dir / "tests" / "t.yaml").string();
    CHECK_THAT(issues, Catch::Contains(file + ":3:3: perod: unknown key 'perod' (did you mean "
                                              "'period'?)"));
    CHECK_THAT(issues, Catch::Contains(file + ":1:3: period: missing 'period'"));
    CHECK_THAT(issues,
               Catch::Contains(file + ":5:5: data.listng: unknown dataset kind 'listng' (did you "
                                      "mean 'listing'?)"));
    CHECK_THAT(issues, Catch::Contains(file + ":6:14: data.visits.2019-13: not a period"));
    CHECK_THAT(issues, Catch::Contains(file + ":9:10: expect.a.x: not an amount"));
    CHECK_THAT(issues,
               Catch::Contains("expect.a.y.oere: unknown key 'oere' (did you mean 'ore'?)"));
    CHECK_THAT(issues, Catch::Contains(file + ":12:10: model: no model file"));
    fs::remove_all(dir);
}

TEST_CASE("office test: a folder is searched for tests/ folders only; none is an error") {
    const fs::path dir = region_with_test("office_search", "- name: x\n");
    // The model files beside tests/ are not test files; tests/t.yaml is (and is refused).
    CHECK_THAT(issues_of(dir), Catch::Contains("missing 'model'"));
    // A file given by name is read as a test file, whatever it is.
    CHECK_THAT(issues_of(dir / "2020.yaml"), Catch::Contains(":1:1: region: unknown key 'region'"));
    fs::remove(dir / "tests" / "t.yaml");
    CHECK_THAT(issues_of(dir), Catch::Contains("no test files"));
    fs::remove_all(dir);
}
