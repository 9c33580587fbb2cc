// Imports refuse a file as a whole when it cannot be trusted (a column named twice, no rows, a
// read error, an over-long line or field), keep personal data out of messages, and reject
// implausible values by line.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <streambuf>

#include "fixtures.hpp"
#include "vardval_host/csv.hpp"
#include "vardval_host/datasets.hpp"
#include "vardval_host/import.hpp"
#include "vardval_host/storage.hpp"

using namespace vardval;
namespace fs = std::filesystem;

namespace {

using test::reasons;
using test::write_temp;

const Region kRegion = test::with_vocabularies(test::make_region({"a", "b"}));
const std::string kListingHeader = "person_id,unit,birth_date,sex,distance_km\n";

// Serves `text`, then fails the way a disk or network read does: the stream's buffer throws,
// which the istream turns into badbit.
class FailingBuffer : public std::streambuf {
  public:
    explicit FailingBuffer(std::string text) : text_(std::move(text)) {
        setg(text_.data(), text_.data(), text_.data() + text_.size());
    }

  protected:
    int_type underflow() override { throw std::ios_base::failure("EIO"); }

  private:
    std::string text_;
};

// Each import kind, with a header and one good row, so a test can run over all of them.
struct Kind {
    std::string name;
    std::string header;
    std::string good_row;
};
const std::vector<Kind> kKinds = {
    {"listing", kListingHeader, "p1,a,1990-05-01,F,12\n"},
    {"visits", "person_id,unit,visit_date,birth_year,sex,profession,contact_type\n",
     "p1,a,2020-02-03,1990,F,doctor,visit\n"},
    {"unit-values", "unit,measure,value\n", "a,drug_cost_kr,12.5\n"},
    {"events", "person_id,unit,event_date,event,birth_year\n", "p1,a,2020-02-03,sip,1950\n"},
    {"acg", "person_id,unit,acg_weight\n", "p1,a,0.5\n"},
    {"psychiatry", "person_id,unit,contact_date,contact_type,profession,diagnosis_group\n",
     "p1,a,2020-02-03,visit,doctor,depression\n"},
};

// Runs one kind's aggregation on `in`; only the report and the exception matter here.
void aggregate(const std::string& kind, std::istream& in, ImportReport& report) {
    const Period month{2020, 2};
    if (kind == "listing")
        aggregate_listing(in, "f.csv", kRegion, month, report);
    else if (kind == "visits")
        aggregate_visits(in, "f.csv", kRegion, PeriodRange{month, month}, report);
    else if (kind == "unit-values")
        aggregate_unit_values(in, "f.csv", kRegion, month, report);
    else if (kind == "events")
        aggregate_events(in, "f.csv", kRegion, month, report);
    else if (kind == "acg")
        aggregate_acg(in, "f.csv", kRegion, month, report);
    else
        aggregate_psychiatry(in, "f.csv", kRegion, month, report);
}

}  // namespace

TEST_CASE("a column named twice is refused, naming the file, the column and both positions") {
    // Today's reader let the last 'unit' win: every person would land at unit b.
    for (const Kind& kind : kKinds) {
        INFO(kind.name);
        const std::string header = kind.header.substr(0, kind.header.size() - 1) + ",unit\n";
        std::istringstream in(header + kind.good_row.substr(0, kind.good_row.size() - 1) + ",b\n");
        ImportReport report;
        CHECK_THROWS_AS(aggregate(kind.name, in, report), ImportError);
    }
    std::istringstream in(
        "person_id,unit,birth_date,sex,distance_km,unit\np1,a,1990-05-01,F,12,b\n");
    ImportReport report;
    CHECK_THROWS_WITH(
        aggregate_listing(in, "l.csv", kRegion, Period{2020, 2}, report),
        Catch::Contains("l.csv:1: column 'unit' is given twice, as column 2 and column 6"));
}

TEST_CASE("a header without data rows is refused for every kind, and stores nothing") {
    for (const Kind& kind : kKinds) {
        INFO(kind.name);
        std::istringstream in(kind.header + "\n\n");  // blank lines are not rows
        ImportReport report;
        CHECK_THROWS_WITH(aggregate(kind.name, in, report),
                          Catch::Contains("f.csv: no data rows after the header line"));
    }
    // The month's earlier version stays the one a run reads.
    Database db("sqlite3://db=:memory:");
    const fs::path good = write_temp("good.csv", kListingHeader + "p1,a,1990-05-01,F,12\n");
    const fs::path empty = write_temp("empty.csv", kListingHeader);
    REQUIRE(
        import_dataset(db, kRegion, ImportRequest{"listing", "2020-02", good, false, nullptr, {}})
            .stored);
    CHECK_THROWS_AS(
        import_dataset(db, kRegion, ImportRequest{"listing", "2020-02", empty, true, nullptr, {}}),
        ImportError);
    CHECK(db.datasets("test").size() == 1);
    CHECK(db.load_listing("test", Period{2020, 2})->listed() == 1);
    fs::remove(good);
    fs::remove(empty);
}

TEST_CASE("with every row rejected nothing is stored, even with rejects allowed") {
    Database db("sqlite3://db=:memory:");
    const fs::path bad = write_temp("allbad.csv", kListingHeader + "p1,zz,1990-05-01,F,12\n");
    const ImportOutcome outcome =
        import_dataset(db, kRegion, ImportRequest{"listing", "2020-02", bad, true, nullptr, {}});
    CHECK(outcome.report.rows_rejected == 1);
    CHECK_FALSE(outcome.stored);
    CHECK(db.datasets("test").empty());
    fs::remove(bad);
}

TEST_CASE("a read error is not the end of the file: the import is refused") {
    // Lines 1-3 arrive, then the read fails; today's reader stopped there and imported 2 rows.
    FailingBuffer buffer(kListingHeader + "p1,a,1990-05-01,F,12\np2,b,1990-05-01,F,12\n");
    std::istream in(&buffer);
    ImportReport report;
    CHECK_THROWS_WITH(aggregate_listing(in, "l.csv", kRegion, Period{2020, 2}, report),
                      Catch::Contains("l.csv:4: read error"));

    // A real one: /proc/self/mem cannot be read at offset 0 (EIO).
    Database db("sqlite3://db=:memory:");
    CHECK_THROWS_WITH(
        import_dataset(db, kRegion,
                       ImportRequest{"listing", "2020-02", "/proc/self/mem", false, nullptr, {}}),
        Catch::Contains("/proc/self/mem:1: read error"));
    CHECK(db.datasets("test").empty());
}

TEST_CASE("a field over 64 KiB or a line over 1 MiB refuses the file, naming file and line") {
    const std::string at_limit(kMaxCsvFieldBytes, 'x');
    {
        // 65 536 bytes is allowed: the row is read (and rejected for its unknown unit).
        std::istringstream in(kListingHeader + "p1," + at_limit + ",1990-05-01,F,12\n");
        ImportReport report;
        aggregate_listing(in, "l.csv", kRegion, Period{2020, 2}, report);
        CHECK(report.rows_rejected == 1);
    }
    {
        std::istringstream in(kListingHeader + "p1,a,1990-05-01,F,12\np2," + at_limit +
                              "y,1990-05-01,F,12\n");
        ImportReport report;
        CHECK_THROWS_WITH(aggregate_listing(in, "l.csv", kRegion, Period{2020, 2}, report),
                          Catch::Equals("l.csv:3: field 2 has 65537 bytes; a field may be at "
                                        "most 64 KiB (65536 bytes)"));
    }
    {
        // 20 fields of 60 000 bytes: each within the field limit, the line over 1 MiB.
        std::string line = "p1";
        for (int i = 0; i < 20; ++i)
            line += "," + std::string(60'000, 'z');
        std::istringstream in(kListingHeader + "p1,a,1990-05-01,F,12\n" + line +
                              "\np3,a,1990-05-01,F,12\n");
        ImportReport report;
        CHECK_THROWS_WITH(aggregate_listing(in, "l.csv", kRegion, Period{2020, 2}, report),
                          Catch::StartsWith("l.csv:3: line longer than 1048576 bytes"));
    }
}

TEST_CASE("messages cut a long value, escape control bytes and never show persons or births") {
    CHECK(shown("abc") == "'abc'");
    CHECK(shown(std::string("a\0b\x1b\n", 5)) == "'a\\x00b\\x1B\\x0A'");
    CHECK(shown(std::string(60'000, 'u')) == "'" + std::string(40, 'u') + "'\u2026(60000 bytes)");
    // A cut never splits a UTF-8 character: 39 bytes, then 'ö' (2 bytes) over the 40th.
    CHECK(shown(std::string(39, 'a') + "\xC3\xB6" + "bc") ==
          "'" + std::string(39, 'a') + "'\u2026(43 bytes)");

    std::istringstream in(kListingHeader + "P123456,a,2031-01-01,F,12\n" +  // 2 born after
                          "P234567,a,1899-01-31,F,12\n" +                   // 3 121 years
                          "P345678,a,19900501,F,12\n" +                     // 4 not a date
                          "P456789," + std::string(60'000, 'q') + ",1990-05-01,F,12\n" +
                          std::string("P567890,a\0b,1990-05-01,F,12\n", 28));
    ImportReport report;
    aggregate_listing(in, "l.csv", kRegion, Period{2020, 2}, report);
    const std::string r = reasons(report);
    CHECK_THAT(r, Catch::Contains("2: invalid birth: birth_date is after 2020-02-01"));
    CHECK_THAT(r, Catch::Contains("3: invalid birth: born more than 120 years before 2020-02-01"));
    CHECK_THAT(r, Catch::Contains("4: invalid birth: birth_date is not a date"));
    CHECK_THAT(r, Catch::Contains("5: unknown unit: '" + std::string(40, 'q') +
                                  "'\u2026(60000 bytes) is not a unit of test"));
    CHECK_THAT(r, Catch::Contains("6: unknown unit: 'a\\x00b' is not a unit"));
    CHECK(r.size() < 1000);
    CHECK(r.find('\0') == std::string::npos);
    for (const char* personal : {"P123456", "P234567", "P345678", "2031-01-01", "1899", "19900501"})
        CHECK(r.find(personal) == std::string::npos);

    // Events: a person with two births is named by line only.
    std::istringstream events(
        "person_id,unit,event_date,event,birth_year\n"
        "P111,a,2020-02-03,sip,1950\n"
        "P111,a,2020-02-04,sip,1951\n"
        "P222,a,2020-02-04,sip,1820\n"
        "P333,a,2020-02-04,sip,19x0\n");
    ImportReport event_report;
    aggregate_events(events, "e.csv", kRegion, Period{2020, 2}, event_report);
    const std::string e = reasons(event_report);
    CHECK_THAT(e, Catch::Contains("3: inconsistent birth: the person has another birth on an "
                                  "earlier row"));
    CHECK_THAT(e, Catch::Contains("4: invalid birth: born more than 120 years before"));
    CHECK_THAT(e, Catch::Contains("5: invalid birth: birth_year is not a year on or before 2020"));
    for (const char* personal : {"P111", "P222", "P333", "1950", "1951", "1820", "19x0"})
        CHECK(e.find(personal) == std::string::npos);
}

TEST_CASE("implausible values are rejected by line: distance, psychiatric history") {
    // Sweden is 1 570 km long: 2 000 km is the most a listed person may live from hospital.
    std::istringstream in(kListingHeader +
                          "p1,a,1990-05-01,F,2000\n"    // 2 at the bound
                          "p2,a,1990-05-01,F,2000.1\n"  // 3 beyond it
                          "p3,a,1990-05-01,F,4999\n"    // 4 accepted until now
                          "p4,a,1990-05-01,F,-0.1\n");  // 5 negative
    ImportReport report;
    const ListingAggregate l = aggregate_listing(in, "l.csv", kRegion, Period{2020, 2}, report);
    CHECK(report.rows_used == 1);
    CHECK(l.units.at("a").listed_beyond(Decimal::from_int(1999)) == 1);
    const std::string r = reasons(report);
    for (const char* line : {"3: invalid distance: distance_km '2000.1'; valid: a number of km "
                             "from 0 to 2000",
                             "4: invalid distance", "5: invalid distance"})
        CHECK_THAT(r, Catch::Contains(line));

    // Psychiatric history: ten years before the extract's last month (2024-03) at most.
    std::istringstream contacts(
        "person_id,unit,contact_date,contact_type,profession,diagnosis_group\n"
        "p1,a,2014-03-01,visit,doctor,depression\n"    // 2 exactly ten years: kept
        "p2,a,2014-02-28,visit,doctor,depression\n"    // 3 a day more
        "p3,a,1994-03-01,visit,doctor,depression\n");  // 4 a mistyped year
    ImportReport psychiatry;
    aggregate_psychiatry(contacts, "p.csv", kRegion, Period{2024, 3}, psychiatry);
    CHECK(psychiatry.rows_used == 1);
    const std::string p = reasons(psychiatry);
    CHECK_THAT(p, Catch::Contains("3: contact long before the extract: 2014-02-28 is more than 10 "
                                  "years before 2024-03"));
    CHECK_THAT(p, Catch::Contains("4: contact long before the extract"));
}

TEST_CASE("lines of any length up to the limit are read whole, with or without a last newline") {
    // The reader's buffer starts at 4 KiB and doubles: lengths around each doubling.
    for (const std::size_t length : {4094u, 4095u, 4096u, 4097u, 8191u, 8192u, 65'538u}) {
        for (const bool newline : {true, false}) {
            INFO(length << (newline ? " with" : " without") << " a last newline");
            const std::string row = "x," + std::string(length - 2, 'y');
            std::istringstream in("h,i\n" + row + "\r\n" + row + (newline ? "\n" : ""));
            CsvReader csv(in, "f.csv");
            std::vector<std::string> fields;
            for (int line = 2; line <= 3; ++line) {
                REQUIRE(csv.next(fields));
                CHECK(csv.line() == line);
                REQUIRE(fields.size() == 2);
                CHECK(fields[1].size() == length - 2);  // the CR of line 2 is not data
            }
            CHECK_FALSE(csv.next(fields));
            CHECK(csv.bytes_read() == 4 + 2 * length + 2 + (newline ? 1 : 0));
        }
    }
}
