#include <catch2/catch.hpp>

#include <filesystem>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include "vardval_host/ledger_payload.hpp"
#include "vardval_host/storage.hpp"

using namespace vardval;
namespace fs = std::filesystem;

namespace {

// Every field a line can have, in every form the payload writes it.
struct TwoUnits {
    Region region;
    RunResult run;
    TwoUnits() {
        region.units = {{"a", "A", Ownership::private_, "vardcentral", {}},
                        {"b", "B", Ownership::region_run, "vardcentral", {}}};
        run.components = {{"cap", "capitation.age_weighted"}, {"=pot", "budget.split"}};
        auto unit = [&](std::size_t k, std::int64_t listed) {
            UnitStatement s;
            s.unit = &region.units[k];
            s.listed = listed;
            LedgerLine cap;
            cap.unit = region.units[k].id;
            cap.component = "cap";
            cap.type = "capitation.age_weighted";
            cap.set_basis(Rational::of(2, 3) * Rational::from_int(static_cast<int>(listed)));
            cap.set_rate(Rational::of(61325, 3));
            cap.basis_unit = "weighted\tlisted";
            cap.amount_ore = 1000 + static_cast<Ore>(k);
            cap.explanation = listed == 7 ? "=7 listed weigh\nthis much; 2 453.00 kr per year"
                                          : "~9 listed weigh\nthis much; 2 453.00 kr per year";
            LedgerLine pot;
            pot.unit = region.units[k].id;
            pot.component = "=pot";
            pot.type = "budget.split";
            pot.basis = Decimal::from_int(3);
            pot.rate_ore = *Decimal::parse("-0.5");
            pot.rounding = k == 0 ? Rounding::largest_remainder : Rounding::monthly_share;
            pot.pot_ore = 99;
            pot.share = Rational::of(1, 7);
            pot.annual_ore = -12;
            pot.amount_ore = -2;
            pot.explanation = "\\";
            s.lines = {cap, pot};
            return s;
        };
        run.units = {unit(0, 7), unit(1, 9)};
    }
};

std::string fields(const LedgerLine& l) {
    return l.unit + "|" + l.component + "|" + l.type + "|" + l.basis.to_string() + "|" +
           l.basis_unit + "|" + l.rate_ore.to_string() + "|" + std::to_string(l.amount_ore) + "|" +
           to_string(l.rounding) + "|" + (l.basis_exact ? l.basis_exact->to_string() : "-") + "|" +
           (l.rate_exact ? l.rate_exact->to_string() : "-") + "|" + std::to_string(l.pot_ore) +
           "|" + l.share.to_string() + "|" + std::to_string(l.annual_ore) + "|" + l.explanation;
}

}  // namespace

TEST_CASE("a ledger payload gives back every field of every line") {
    const TwoUnits two;
    const DecodedLedger back = decode_ledger(encode_ledger(two.run));
    CHECK(back.components == two.run.components);
    REQUIRE(back.units.size() == 2);
    for (std::size_t u = 0; u < 2; ++u) {
        CHECK(back.units[u].unit == two.run.units[u].unit->id);
        CHECK(back.units[u].listed == two.run.units[u].listed);
        REQUIRE(back.units[u].lines.size() == 2);
        for (std::size_t i = 0; i < 2; ++i)
            CHECK(fields(back.units[u].lines[i]) == fields(two.run.units[u].lines[i]));
    }
    // Unit b's basis is 2/3 × 9 = 6, exactly: shown 6.000000 and kept as the fraction 6.
    CHECK(back.units[1].lines[0].basis.to_string() == "6.000000");
    CHECK(back.units[1].lines[0].basis_exact->to_fraction() == "6");
    // A damaged payload is an error, never a silently different ledger.
    std::string damaged = encode_ledger(two.run);
    damaged.replace(damaged.find("\nu\ta") + 1, 1, "x");
    CHECK_THROWS_WITH(decode_ledger(damaged), Catch::Contains("damaged at its line"));
}

TEST_CASE("a run stored with ledger_lines rows is migrated to one payload and still verifies") {
    const fs::path file = fs::temp_directory_path() / (std::to_string(::getpid()) + "_old.db");
    fs::remove(file);
    {
        Database db("sqlite3://db=" + file.string());  // today's schema, then back one
        soci::session sql(soci::sqlite3, "db=" + file.string());
        sql << "DROP TABLE run_ledgers";
        // Schema 5's table of ledger rows, as the schema made it.
        sql << "CREATE TABLE ledger_lines (run_id BIGINT NOT NULL, unit TEXT NOT NULL, "
               "component TEXT NOT NULL, type TEXT NOT NULL, basis TEXT NOT NULL, rate_ore TEXT "
               "NOT NULL, amount_ore BIGINT NOT NULL, explanation TEXT NOT NULL)";
        sql << "UPDATE schema_version SET version = version - 1";  // before this change
        sql << "INSERT INTO runs (id, region, year, period, model_file, model_hash, datasets, "
               "total_ore) VALUES (3, 'test', 2022, '2022-01', 'm.yaml', 'h', '', 1500)";
        sql << "INSERT INTO ledger_lines VALUES (3, 'a', 'cap', 'capitation.age_weighted', "
               "'1.000000', '1000.000000', 1000, 'one\tlisted')";
        sql << "INSERT INTO ledger_lines VALUES (3, 'b', 'cap', 'capitation.age_weighted', "
               "'0.500000', '1000.000000', 500, '=half')";
    }
    Database db("sqlite3://db=" + file.string());
    const std::vector<StoredLine> lines = db.ledger(3);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].unit == "a");
    CHECK(lines[0].explanation == "one\tlisted");
    CHECK(lines[1].basis == "0.500000");
    CHECK(lines[1].amount_ore == 500);
    CHECK(lines[1].explanation == "=half");
    // 1000 + 500 öre, the run's total.
    CHECK(lines[0].amount_ore + lines[1].amount_ore == db.runs()[0].total_ore);
    soci::session sql(soci::sqlite3, "db=" + file.string());
    int tables = -1;  // the rows moved, the table dropped
    sql << "SELECT COUNT(*) FROM sqlite_master WHERE name = 'ledger_lines'", soci::into(tables);
    CHECK(tables == 0);
    fs::remove(file);
    fs::remove(file.string() + "-wal");
    fs::remove(file.string() + "-shm");
}
