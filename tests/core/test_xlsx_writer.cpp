// The XLSX writer, read back by a real reader (openpyxl, Debian python3-openpyxl): amounts
// are numbers in kronor with a kronor format, counts whole numbers, text strings, the
// header frozen, sheet names valid and unique, and errors name the file.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <sstream>

#include "fixtures.hpp"
#include "report_fixture.hpp"
#include "vardval_host/report_writers.hpp"

using namespace vardval;
using namespace vardval::report;

namespace {

// Runs a Python script on the workbook and returns what it prints.
std::string read_back(const std::filesystem::path& book, const std::string& script) {
    const std::filesystem::path py = test::write_temp("read_xlsx.py", script);
    const std::string command = "/usr/bin/python3 " + py.string() + " " + book.string();
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string out;
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe))
        out.append(buffer, n);
    REQUIRE(pclose(pipe) == 0);
    return out;
}

const char* const kDump = R"(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("sheets", "|".join(wb.sheetnames))
for ws in wb.worksheets:
    print("freeze", ws.title, ws.freeze_panes)
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                print("cell", ws.title, c.coordinate, c.data_type, repr(c.value), c.number_format)
    for letter, dim in sorted(ws.column_dimensions.items()):
        print("width", ws.title, letter, dim.width)
)";

bool has_line(const std::string& text, const std::string& line) {
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        if (l == line)
            return true;
    return false;
}

}  // namespace

TEST_CASE("xlsx: a summary sheet, then one per table, read back by openpyxl") {
    const auto book = test::write_temp("report.xlsx", "");
    write_xlsx(book.string(), test::sample_report(), Lang::sv);
    const std::string dump = read_back(book, kDump);
    INFO(dump);
    CHECK(has_line(dump, "sheets Sammanfattning|Ersättning per enhet"));
    // The summary: title, the warning before anything else, then the notes.
    CHECK(has_line(dump, "cell Sammanfattning A1 s 'Ersättning 2020-02' General"));
    CHECK(has_line(dump,
                   "cell Sammanfattning A3 s 'EXEMPELDATA: betala aldrig efter detta' General"));
    CHECK(has_line(dump, "cell Sammanfattning A5 s 'Modell: test.yaml' General"));
    // The header row is frozen and in Swedish.
    CHECK(has_line(dump, "freeze Ersättning per enhet A2"));
    CHECK(has_line(dump, "cell Ersättning per enhet C1 s 'Belopp (kr)' General"));
    // Text stays text; counts are whole numbers.
    CHECK(has_line(dump, "cell Ersättning per enhet A2 s 'Hälsocentral A & <B>' General"));
    CHECK(has_line(dump, "cell Ersättning per enhet B4 n 1333 #,##0;\"−\"#,##0"));
    // The total: 1 184 562 öre is 11 845,62 kr, a number formatted as kronor, not text.
    CHECK(has_line(
        dump, "cell Ersättning per enhet C4 n 11845.62 #,##0.00\\ \"kr\";\"−\"#,##0.00\\ \"kr\""));
    CHECK(has_line(
        dump, "cell Ersättning per enhet C3 n -500.05 #,##0.00\\ \"kr\";\"−\"#,##0.00\\ \"kr\""));
    // 1/8 is 12,5 %: stored as the fraction, shown as a percentage.
    CHECK(has_line(dump, "cell Ersättning per enhet D2 n 0.125 0.0\\ %;\"−\"0.0\\ %"));
    CHECK(has_line(dump, "cell Ersättning per enhet E2 n 10027.5 #,##0.00####;\"−\"#,##0.00####"));
    // Widths from content: the unit column fits "Hälsocentral A & <B>" (20 characters) + 2.
    CHECK(dump.find("width Ersättning per enhet A 22") != std::string::npos);
    std::filesystem::remove(book);
}

TEST_CASE("xlsx: English labels, and sheet names Excel accepts") {
    Report r = test::sample_report();
    r.tables.push_back(r.tables[0]);
    r.tables[0].title.en = "Payment per unit and component for the whole year 2021";
    r.tables[1].title.en = "Payment per unit and component for the whole year 2021";
    r.tables.push_back(r.tables[0]);
    r.tables[2].title.en = "Parameters: sources [a/b]";
    r.tables.push_back(r.tables[0]);
    r.tables[3].title.en = "SUMMARY";  // Excel: the same name as "Summary"
    r.charts.clear();
    const auto book = test::write_temp("report_en.xlsx", "");
    write_xlsx(book.string(), r, Lang::en);
    const std::string dump = read_back(book, kDump);
    INFO(dump);
    // 28 characters, then " 2" for the second of the same name; []/ are not allowed.
    CHECK(has_line(dump,
                   "sheets Summary|Payment per unit and compone|Payment per unit and compone "
                   "2|Parameters- sources -a-b-|SUMMARY 2"));
    CHECK(has_line(dump, "cell Summary A3 s 'SAMPLE DATA: never pay from it' General"));
    std::filesystem::remove(book);
}

TEST_CASE("xlsx: a file that cannot be written is an error naming it") {
    const std::string file = "/nonexistent-folder/report.xlsx";
    CHECK_THROWS_WITH(write_xlsx(file, test::sample_report(), Lang::sv), Catch::Contains(file));
}
