// The listing is read in chunks on several threads: whatever the chunks and threads, the
// aggregate, the counts and every reject (line, reason, order) are those of reading the file
// in one piece, and a person listed twice is found across chunks.
#include <catch2/catch.hpp>

#include <sstream>

#include "fixtures.hpp"
#include "vardval_host/csv.hpp"
#include "vardval_host/import.hpp"

using namespace vardval;

namespace {

const Region kRegion = test::with_vocabularies(test::make_region({"a", "b", "c"}));
const std::string kHeader =
    "person_id,unit,birth_date,sex,cni_under5,cni_foreign_born,distance_km\n";

struct Outcome {
    ListingAggregate listing;
    ImportReport report;
    std::string rejects;  // every reject as written to --rejects
};

Outcome read(const std::string& text, ChunkedRead how) {
    Outcome o;
    std::ostringstream rejects;
    o.report.rejects_out = &rejects;
    std::istringstream in(text);
    o.listing = aggregate_listing(in, "l.csv", kRegion, Period{2020, 2}, o.report, {}, how);
    o.rejects = rejects.str();
    return o;
}

// Every count of the aggregate as text, so two aggregates compare in one CHECK.
std::string counts(const ListingAggregate& l) {
    std::ostringstream out;
    for (const auto& [id, u] : l.units) {
        out << id << ":";
        for (int s = 0; s < 2; ++s)
            for (int a = 0; a <= kMaxAge; ++a)
                if (u.persons[s][a] != 0)
                    out << " " << s << "/" << a << "=" << u.persons[s][a];
        for (const auto& [v, n] : u.cni)
            out << " " << v << "=" << n;
        const auto& d = u.distance_decikm.persons();
        for (std::size_t b = 0; b < d.size(); ++b)
            if (d[b] != 0)
                out << " d" << b << "=" << d[b];
        out << "\n";
    }
    return out.str();
}

// 3 000 rows over three units with, every so often, each kind of bad row, a blank line, a
// CRLF line, a quoted line and a person listed again hundreds of lines later.
std::string mixed_listing() {
    std::string text = kHeader;
    for (int i = 0; i < 3000; ++i) {
        const std::string unit = i % 3 == 0 ? "a" : i % 3 == 1 ? "b" : "c";
        const std::string born = std::to_string(1920 + i % 100) + "-0" + std::to_string(1 + i % 9) +
                                 "-1" + std::to_string(i % 10);
        const std::string km = std::to_string(i % 400) + "." + std::to_string(i % 10);
        const std::string person = "p" + std::to_string(i % 997 == 500 ? i - 400 : i);
        const std::string flags = std::string(i % 4 == 0 ? "1" : "0") + "," + (i % 5 ? "0" : "1");
        switch (i % 211) {
            case 7:
                text += person + ",zz," + born + ",F," + flags + "," + km + "\n";
                break;
            case 19:
                text += person + "," + unit + ",1990-13-01,F," + flags + "," + km + "\n";
                break;
            case 31:
                text += person + "," + unit + "," + born + ",X," + flags + "," + km + "\n";
                break;
            case 43:
                text += person + "," + unit + "," + born + ",M," + flags + ",-1\n";
                break;
            case 59:
                text += person + "," + unit + "," + born + ",M,2,0," + km + "\n";
                break;
            case 71:
                text += person + "," + unit + "," + born + ",M," + flags + "\n";
                break;
            case 83:
                text += "," + unit + "," + born + ",M," + flags + "," + km + "\n";
                break;
            case 97:
                text += "\"" + person + "," + unit + "," + born + ",M," + flags + "\n";
                break;
            case 101:
                text += "\n";
                break;
            case 113:
                text +=
                    "\"" + person + "\",\"" + unit + "\"," + born + ",F," + flags + "," + km + "\n";
                break;
            case 127:
                text += person + "," + unit + "," + born + ",F," + flags + "," + km + "\r\n";
                break;
            default:
                text += person + "," + unit + "," + born + ",F," + flags + "," + km + "\n";
        }
    }
    return text;
}

}  // namespace

TEST_CASE("any chunks and threads give the aggregate, counts and rejects of one piece") {
    const std::string text = mixed_listing();
    const Outcome whole = read(text, {std::size_t{1} << 30, 1});
    // The file has every kind of reject and some persons listed twice (p100 on the line of
    // p500, and so on): a test that finds nothing to reject proves nothing.
    REQUIRE(whole.report.rows_rejected > 50);
    REQUIRE(whole.report.rejects_by_kind.count("duplicate person") == 1);
    for (const char* kind :
         {"unknown unit", "invalid birth", "invalid sex", "invalid distance", "invalid CNI flag",
          "wrong number of fields", "missing person_id", "malformed row"})
        CHECK(whole.report.rejects_by_kind.count(kind) == 1);
    CHECK(whole.report.rows_used + whole.report.rows_rejected == whole.report.rows_read);

    const std::vector<ChunkedRead> ways = {
        {97, 2},      {1, 2}, {4096, 3}, {1, 1},  // chunks of one line, of a few lines
        {97, 2, 8},                               // a one-word filter: every person a false alarm
        {5000, 2, 64}};
    for (const ChunkedRead& how : ways) {
        INFO("chunk " << how.chunk_bytes << " bytes, " << how.workers << " workers, filter "
                      << how.duplicate_filter_bytes << " bytes");
        const Outcome chunked = read(text, how);
        CHECK(chunked.report.rows_read == whole.report.rows_read);
        CHECK(chunked.report.rows_used == whole.report.rows_used);
        CHECK(chunked.report.rows_rejected == whole.report.rows_rejected);
        CHECK(chunked.rejects == whole.rejects);
        CHECK(counts(chunked.listing) == counts(whole.listing));
    }
}

TEST_CASE("a person listed again in another chunk is rejected and counted once") {
    // Lines: 1 header, 2 p1 at a, 3 p2 at b, 4 blank, 5 p1 again at b (aged 30), 6 p3 at a.
    const std::string text = kHeader +
                             "p1,a,2016-02-01,F,1,0,12.0\n"
                             "p2,b,1950-06-30,M,0,0,40.0\n"
                             "\n"
                             "p1,b,1990-01-01,F,0,1,31.0\n"
                             "p3,a,2000-02-01,M,0,0,0\n";
    for (const ChunkedRead& how :
         {ChunkedRead{1, 2}, ChunkedRead{1 << 20, 1}, ChunkedRead{1, 2, 8}}) {
        const Outcome o = read(text, how);
        CHECK(o.report.rows_read == 4);
        CHECK(o.report.rows_used == 3);
        CHECK(o.rejects == "l.csv,5,\"duplicate person: person_id already listed on line 2\"\n");
        // a: p1 (4, F, under5, 12.0 km → bucket 120) and p3 (20, M, 0 km → bucket 0);
        // b: p2 only (69, M, 40.0 km → bucket 400); p1's second row added nothing.
        const UnitListing& a = o.listing.units.at("a");
        const UnitListing& b = o.listing.units.at("b");
        CHECK(a.listed() == 2);
        CHECK(a.persons[0][4] == 1);
        CHECK(a.persons[1][20] == 1);
        CHECK(a.cni.at("under5") == 1);
        CHECK(a.listed_beyond(Decimal::from_int(11)) == 1);
        CHECK(b.listed() == 1);
        CHECK(b.persons[1][69] == 1);
        CHECK(b.cni.at("foreign_born") == 0);
        CHECK(b.listed_beyond(Decimal::from_int(30)) == 1);
        CHECK(b.distance_decikm.persons().size() == 401);
    }
}

TEST_CASE("the first over-long field stops the import at its line, whichever chunk finds it") {
    std::string text = kHeader;
    for (int i = 0; i < 50; ++i)
        text += "p" + std::to_string(i) + ",a,2000-01-01,F,0,0,1\n";
    text += "p50," + std::string(kMaxCsvFieldBytes + 1, 'x') + ",2000-01-01,F,0,0,1\n";  // 52
    text += "p51," + std::string(kMaxCsvFieldBytes + 2, 'y') + ",2000-01-01,F,0,0,1\n";  // 53
    for (const ChunkedRead& how : {ChunkedRead{1, 2}, ChunkedRead{1 << 20, 1}}) {
        ImportReport report;
        std::istringstream in(text);
        CHECK_THROWS_WITH(
            aggregate_listing(in, "l.csv", kRegion, Period{2020, 2}, report, {}, how),
            Catch::Equals("l.csv:52: field 2 has 65537 bytes; a field may be at most 64 KiB "
                          "(65536 bytes)"));
    }
}
