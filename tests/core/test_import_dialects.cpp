// What Swedish Excel exports is imported as the machine format is: ';' between fields, a
// decimal comma, a byte order mark, CRLF line ends, Windows-1252 text. Every shipped sample
// file is written the way Excel would write it and must store the very same dataset; a file
// that mixes separators, decimal marks or encodings is refused, naming the line.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include "csv_chunks.hpp"
#include "fixtures.hpp"
#include "kinds/codecs.hpp"
#include "vardval_host/csv.hpp"
#include "vardval_host/datasets.hpp"
#include "vardval_host/import.hpp"
#include "vardval_host/model.hpp"
#include "vardval_host/storage.hpp"

using namespace vardval;
using vardval::test::write_temp;
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The columns that hold numbers with decimals, per kind.
const std::set<std::string> kDecimalColumns = {"distance_km", "value", "acg_weight"};

// A field as Excel writes it between ';': quoted when it holds ';' or a quote.
std::string excel_field(const std::string& f) {
    if (f.find_first_of(";\"") == std::string::npos)
        return f;
    std::string q = "\"";
    for (const char c : f)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// The comma file written as Swedish Excel would: ';' between fields, a decimal comma in the
// decimal columns, CRLF line ends; `person_suffix` appended to every person_id. `commas` counts
// the decimal points that became commas.
std::string as_excel(const std::string& csv, const std::string& person_suffix = "",
                     int* commas = nullptr) {
    std::istringstream in(csv);
    std::string line, out;
    std::vector<std::string> header, f;
    std::optional<std::size_t> person;
    while (std::getline(in, line)) {
        if (!split_csv_line(line, f))
            FAIL("a sample line with an open quote: " << line);
        if (header.empty()) {
            header = f;
            for (std::size_t i = 0; i < f.size(); ++i)
                if (f[i] == "person_id")
                    person = i;
        } else {
            for (std::size_t i = 0; i < f.size() && i < header.size(); ++i) {
                const auto point = f[i].find('.');
                // A cni_ column holds a share in percent in SCB's delivery (and 0/1 in a listing).
                const bool decimal =
                    kDecimalColumns.count(header[i]) != 0 || header[i].rfind("cni_", 0) == 0;
                if (decimal && point != std::string::npos) {
                    f[i][point] = ',';
                    if (commas != nullptr)
                        ++*commas;
                }
                if (person && i == *person)
                    f[i] += person_suffix;
            }
        }
        for (std::size_t i = 0; i < f.size(); ++i)
            out += (i == 0 ? "" : ";") + excel_field(f[i]);
        out += "\r\n";
    }
    return out;
}

// The UTF-8 text in Windows-1252: the suffix's characters only (the rest is ASCII).
std::string to_windows_1252(const std::string& text) {
    const std::pair<std::string_view, char> map[] = {
        {"\xC3\xA5", '\xE5'}, {"\xC3\xB6", '\xF6'}, {"\xE2\x82\xAC", '\x80'}};
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool mapped = false;
        for (const auto& [utf8, cp] : map)
            if (std::string_view(text).substr(i, utf8.size()) == utf8) {
                out += cp;
                i += utf8.size();
                mapped = true;
                break;
            }
        if (!mapped)
            out += text[i++];
    }
    return out;
}

// The stored dataset's payload (its kind's codec, the form the database holds), loaded back.
std::string stored_payload(Database& db, const std::string& region, const std::string& kind,
                           const std::string& period) {
    if (kind == "listing")
        return encode_payload(*db.load_listing(region, *Period::parse(period)));
    if (kind == "visits")
        return encode_payload(*db.load_visits(region, *PeriodRange::parse(period)));
    if (kind == "events")
        return encode_payload(*db.load_events(region, *Period::parse(period)));
    if (kind == "psychiatry")
        return encode_payload(*db.load_psychiatry(region, *Period::parse(period)));
    if (kind == "cni")
        return encode_payload(*db.load_cni(region, *Period::parse(period)));
    return encode_payload(*db.load_unit_values(region, kind, *Period::parse(period)));
}

struct Imported {
    ImportReport report;
    std::string payload;
};

Imported import_file(const Region& region, const std::string& kind, const std::string& period,
                     const fs::path& file) {
    Database db("sqlite3://db=:memory:");
    ImportRequest request;
    request.kind = kind;
    request.period = period;
    request.file = file;
    request.allow_rejects = true;
    ImportOutcome outcome = import_dataset(db, region, request);
    REQUIRE(outcome.stored);
    return {outcome.report, stored_payload(db, region.id, kind, period)};
}

const Region& test_region() {
    static const Region r =
        test::with_vocabularies(test::make_region({"vc_a", "vc_b", "privat_x"}));
    return r;
}

std::string refusal(const std::function<void()>& import) {
    try {
        import();
    } catch (const ImportError& e) {
        return e.what();
    }
    FAIL("the file was not refused");
    return "";
}

std::string refuse_unit_values(const std::string& text) {
    return refusal([&] {
        std::istringstream in(text);
        ImportReport report;
        aggregate_unit_values(in, "uv.csv", test_region(), Period{2020, 2}, report);
    });
}

std::string refuse_listing(const std::string& text, std::size_t chunk_bytes = 8 << 20) {
    return refusal([&] {
        std::istringstream in(text);
        ImportReport report;
        aggregate_listing(in, "l.csv", test_region(), Period{2020, 2}, report, {},
                          ChunkedRead{chunk_bytes, 2, 1 << 20});
    });
}

}  // namespace

TEST_CASE("every shipped sample, as Swedish Excel writes it, stores the very same dataset") {
    const std::regex name(R"(^(.+)-(\d{4}-\d{2}(\.\.\d{4}-\d{2})?)\.csv$)");
    int files = 0;
    for (const auto& region_dir :
         fs::directory_iterator(fs::path(VARDVAL_SOURCE_DIR) / "regions")) {
        if (!fs::exists(region_dir.path() / "sample"))
            continue;
        const Region region = load_region((region_dir.path() / "region.yaml").string());
        for (const auto& entry : fs::directory_iterator(region_dir.path() / "sample")) {
            std::smatch m;
            const std::string file = entry.path().filename().string();
            if (!std::regex_match(file, m, name))
                continue;
            ++files;
            const std::string kind = m[1], period = m[2];
            const std::string original_text = read_file(entry.path());
            INFO(entry.path().string());
            const Imported original = import_file(region, kind, period, entry.path());
            CHECK(original.report.format.separator == ',');
            CHECK_FALSE(original.report.format.bom);
            CHECK(original.report.format.encoding == TextEncoding::ascii);

            // ';', decimal comma, byte order mark, CRLF: Excel's "CSV UTF-8".
            int commas = 0;
            const fs::path excel =
                write_temp("excel_" + file, "\xEF\xBB\xBF" + as_excel(original_text, "", &commas));
            const Imported copy = import_file(region, kind, period, excel);
            CHECK(copy.payload == original.payload);
            CHECK(copy.report.rows_read == original.report.rows_read);
            CHECK(copy.report.rows_used == original.report.rows_used);
            CHECK(copy.report.format.separator == ';');
            CHECK(copy.report.format.bom);
            // Found from the numbers: a comma where the copy has one, else none to be seen.
            CHECK(copy.report.format.decimal_mark ==
                  (commas > 0 ? std::optional<char>(',') : std::nullopt));
            CHECK(original.report.format.decimal_mark == std::optional<char>('.'));
            fs::remove(excel);

            // Excel's "CSV (semikolonavgränsad)" on Swedish Windows: Windows-1252. The samples
            // are ASCII, so each person id gets Swedish letters, a euro sign and a ';' (quoted):
            // persons stay apart, and ids are not stored, so the dataset is the same.
            if (original_text.find("person_id") == std::string::npos)
                continue;
            const std::string suffix = "-\xC3\xA5;\xC3\xB6\xE2\x82\xAC";  // "-å;ö€"
            const fs::path windows =
                write_temp("cp1252_" + file, to_windows_1252(as_excel(original_text, suffix)));
            const Imported converted = import_file(region, kind, period, windows);
            CHECK(converted.payload == original.payload);
            CHECK(converted.report.rows_used == original.report.rows_used);
            CHECK(converted.report.format.encoding == TextEncoding::windows1252);
            CHECK_FALSE(converted.report.format.bom);
            fs::remove(windows);
        }
    }
    // 22 files of jamtland-harjedalen (the psychiatry sample among them), 12 of vastmanland:
    // every file the samples ship, so a new one cannot go untested.
    CHECK(files == 34);
}

TEST_CASE("the separator is the header's; a header with both is refused") {
    const std::string both = refuse_unit_values("unit;measure,value\nvc_a;drug_cost_kr;1\n");
    CHECK_THAT(both, Catch::Contains("uv.csv:1: the header has both ',' (1 times) and ';' (1"));
    // A comma inside a quoted column name is no separator.
    std::istringstream in("unit;measure;\"value, kr\"\nvc_a;drug_cost_kr;12,5\n");
    ImportReport report;
    CsvReader csv(in, "q.csv");
    CHECK(csv.header() == std::vector<std::string>{"unit", "measure", "value, kr"});
    CHECK(csv.format().separator == ';');
}

TEST_CASE("a file whose rows switch separator is refused at the first such row") {
    const std::string text = "unit;measure;value\nvc_a;drug_cost_kr;1,5\nvc_b,drug_cost_kr,2\n";
    CHECK_THAT(refuse_unit_values(text),
               Catch::Contains("uv.csv:3: fields are separated by ',' on this line, but by ';' in "
                               "the header (line 1)"));
    // The listing finds it when it reads the rejected row again, in any chunk.
    const std::string listing =
        "person_id;unit;birth_year;sex;distance_km\r\n"
        "p1;vc_a;1980;F;1,5\r\n"
        "p2;vc_a;1980;F;2,5\r\n"
        "p3,vc_a,1980,F,2.5\r\n";
    for (const std::size_t chunk : {std::size_t{8} << 20, std::size_t{1}})
        CHECK_THAT(
            refuse_listing(listing, chunk),
            Catch::Contains("l.csv:4: fields are separated by ',' on this line, but by ';'"));
    // In a ',' file the other way round.
    CHECK_THAT(refuse_unit_values("unit,measure,value\nvc_a;drug_cost_kr;1\n"),
               Catch::Contains("uv.csv:2: fields are separated by ';' on this line, but by ','"));
}

TEST_CASE("a file with both decimal marks is refused, naming both lines, columns and forms") {
    const std::string text =
        "unit;measure;value\nvc_a;drug_cost_kr;12,5\nvc_b;drug_cost_kr;7\n"
        "vc_a;continuity_doctor;0.5\n";
    CHECK(refuse_unit_values(text) ==
          "uv.csv:4: column 'value' has '0.5' with a decimal point, but line 2 column 'value' has "
          "'12,5' with a decimal comma; a file uses one decimal mark throughout (with ';' between "
          "fields, a comma or a point; with ',' a point)");
    // The listing: the first of each mark in line order, whichever chunk or worker saw it.
    std::string listing = "person_id;unit;birth_year;sex;distance_km\n";
    for (int i = 0; i < 40; ++i)
        listing += "p" + std::to_string(i) + ";vc_a;1980;F;" + (i == 31 ? "3.5" : "3,5") + "\n";
    for (const std::size_t chunk : {std::size_t{8} << 20, std::size_t{64}, std::size_t{1}})
        CHECK_THAT(
            refuse_listing(listing, chunk),
            Catch::Contains("l.csv:33: column 'distance_km' has '3.5' with a decimal point, "
                            "but line 2 column 'distance_km' has '3,5' with a decimal comma"));
}

TEST_CASE("';' files read decimal commas, ',' files only points") {
    // 1,5 + 2,25 = 3.75 kr of drug cost: the same as the point form.
    std::istringstream semicolons(
        "unit;measure;value\nvc_a;drug_cost_kr;1,5\nvc_b;drug_cost_kr;2,25\n");
    ImportReport report;
    const UnitValues v =
        aggregate_unit_values(semicolons, "s.csv", test_region(), Period{2020, 2}, report);
    CHECK(v.values.at("vc_a").at("drug_cost_kr") == *Decimal::parse("1.5"));
    CHECK(v.values.at("vc_b").at("drug_cost_kr") == *Decimal::parse("2.25"));
    CHECK(report.format.describe() == "';' between fields, decimal comma, UTF-8 (ASCII only)");
    // With ',' between fields "1,5" can only be a quoted field: no number, the row rejected.
    std::istringstream commas("unit,measure,value\nvc_a,drug_cost_kr,\"1,5\"\n");
    ImportReport rejected;
    aggregate_unit_values(commas, "c.csv", test_region(), Period{2020, 2}, rejected);
    CHECK(rejected.rows_rejected == 1);
    CHECK_THAT(test::reasons(rejected), Catch::Contains("2: invalid value: '1,5'"));
    // Thousands separators are no decimal mark: "1.234,5" is no number.
    CHECK_FALSE(parse_decimal("1.234,5", ';'));
    CHECK(parse_decimal("-0,25", ';') == Decimal::parse("-0.25"));
}

TEST_CASE("a byte order mark is dropped and said; the first column keeps its name") {
    std::istringstream in("\xEF\xBB\xBFunit;measure;value\r\nvc_a;drug_cost_kr;3\r\n");
    ImportReport report;
    const UnitValues v = aggregate_unit_values(in, "b.csv", test_region(), Period{2020, 2}, report);
    CHECK(v.values.at("vc_a").at("drug_cost_kr") == Decimal::from_int(3));
    CHECK(report.format.describe() ==
          "';' between fields, no decimal numbers, UTF-8 (ASCII only) with byte order mark");
}

TEST_CASE("Windows-1252 is converted and said; bytes in neither encoding are refused by line") {
    // "Östersund" with Ö as 0xD6: a person id in Windows-1252, the same person as in UTF-8.
    const std::string utf8 =
        "person_id;unit;birth_year;sex;distance_km\n\xC3\x96-1;vc_a;1980;F;1,5\n\xC3\x96-2;vc_a;"
        "1980;M;2\n";
    const std::string cp1252 =
        "person_id;unit;birth_year;sex;distance_km\n\xD6-1;vc_a;1980;F;1,5\n\xD6-1;vc_a;1980;M;2\n";
    std::istringstream in(cp1252);
    ImportReport report;
    aggregate_listing(in, "w.csv", test_region(), Period{2020, 2}, report);
    CHECK(report.format.encoding == TextEncoding::windows1252);
    CHECK(report.format.describe() ==
          "';' between fields, decimal comma, converted from Windows-1252");
    // The same id twice (converted, so compared as text): the second is a duplicate.
    CHECK_THAT(test::reasons(report), Catch::Contains("3: duplicate person"));
    std::istringstream u(utf8);
    ImportReport utf8_report;
    aggregate_listing(u, "u.csv", test_region(), Period{2020, 2}, utf8_report);
    CHECK(utf8_report.format.encoding == TextEncoding::utf8);
    CHECK(utf8_report.rows_used == 2);

    // 0x81 is neither UTF-8 (a lone continuation byte) nor a Windows-1252 character.
    const std::string bad = "unit;measure;value\nvc_a;drug_cost_kr;1\nvc_\x81;drug_cost_kr;2\n";
    const std::string why = refuse_unit_values(bad);
    CHECK_THAT(why, Catch::Contains("uv.csv:3: not UTF-8 (byte 0x81 at byte 4 of the line), and "
                                    "not Windows-1252 either (byte 0x81"));
    const std::string listing_bad =
        "person_id;unit;birth_year;sex;distance_km\np1;vc_a;1980;F;1\np2\x81;vc_a;1980;F;1\n";
    CHECK_THAT(refuse_listing(listing_bad, 1), Catch::Contains("l.csv:3: not UTF-8"));
    // A file in both encodings: which one is meant cannot be known.
    const std::string mixed =
        "unit;measure;value\nvc_a;drug_cost_kr;1\n\xC3\x96;drug_cost_kr;2\n"
        "\xD6;drug_cost_kr;2\n";
    CHECK_THAT(refuse_unit_values(mixed),
               Catch::Contains("uv.csv:4: not UTF-8 and not Windows-1252 throughout: this line "
                               "reads as Windows-1252 but line 3 as UTF-8"));
}

TEST_CASE("the listing's splitter cuts at the file's separator, eight bytes at a time") {
    FieldSplitter splitter(';');
    std::vector<std::string_view> f;
    std::size_t too_long = 0;
    // Longer than eight bytes, so the word-at-a-time path meets every separator.
    CHECK(splitter.split("person-0001;unit,with,commas;1980;F;12,5\r", f, too_long) ==
          FieldSplitter::Result::ok);
    CHECK(f ==
          std::vector<std::string_view>{"person-0001", "unit,with,commas", "1980", "F", "12,5"});
    CHECK(splitter.split("p;\"a;b\";c", f, too_long) == FieldSplitter::Result::ok);
    CHECK(f == std::vector<std::string_view>{"p", "a;b", "c"});
}
