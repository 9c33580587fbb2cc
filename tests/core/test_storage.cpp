#include <catch2/catch.hpp>

#include <filesystem>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include "vardval_host/datasets.hpp"
#include "vardval_host/storage.hpp"

using namespace vardval;
namespace fs = std::filesystem;

namespace {

UnitValues values(const std::string& measure, const char* value) {
    UnitValues v;
    v.ref = {"unit-values", "2022-01", 0};
    v.values["a"][measure] = *Decimal::parse(value);
    return v;
}

}  // namespace

TEST_CASE("a schema 3 database is migrated to 4 in place: old records kept, ids continue") {
    const fs::path file = fs::temp_directory_path() / (std::to_string(::getpid()) + "_v3.db");
    fs::remove(file);
    {
        // What vardval 3 left: one dataset version and one run without any audit columns.
        soci::session v3(soci::sqlite3, "db=" + file.string());
        v3 << "CREATE TABLE datasets (id BIGINT PRIMARY KEY, region TEXT NOT NULL, kind TEXT NOT "
              "NULL, period TEXT NOT NULL, version INTEGER NOT NULL, source TEXT NOT NULL, "
              "rows_read BIGINT NOT NULL, rows_used BIGINT NOT NULL, rows_rejected BIGINT NOT "
              "NULL, UNIQUE (region, kind, period, version))";
        v3 << "CREATE TABLE unit_values (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, "
              "measure TEXT NOT NULL, value TEXT NOT NULL)";
        v3 << "CREATE TABLE runs (id BIGINT PRIMARY KEY, region TEXT NOT NULL, year INTEGER NOT "
              "NULL, period TEXT NOT NULL, model_file TEXT NOT NULL, model_hash TEXT NOT NULL, "
              "datasets TEXT NOT NULL, total_ore BIGINT NOT NULL)";
        v3 << "CREATE TABLE ledger_lines (run_id BIGINT NOT NULL, unit TEXT NOT NULL, component "
              "TEXT NOT NULL, type TEXT NOT NULL, basis TEXT NOT NULL, rate_ore TEXT NOT NULL, "
              "amount_ore BIGINT NOT NULL, explanation TEXT NOT NULL)";
        v3 << "CREATE TABLE schema_version (version INTEGER NOT NULL)";
        v3 << "INSERT INTO schema_version VALUES (3)";
        v3 << "INSERT INTO datasets VALUES (1, 'test', 'unit-values', '2022-01', 1, 'u.csv', 1, "
              "1, 0)";
        v3 << "INSERT INTO unit_values VALUES (1, 'a', 'fees', '10')";
        v3 << "INSERT INTO runs VALUES (1, 'test', 2022, '2022-01', 'm.yaml', '0123456789abcdef', "
              "'unit-values 2022-01 v1', 1000)";
    }
    Database db("sqlite3://db=" + file.string());
    const std::vector<RunRecord> runs = db.runs();
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].model_sha256 == "0123456789abcdef");
    CHECK(runs[0].model_text.empty());  // cannot be verified, and says so
    CHECK(runs[0].total_ore == 1000);
    CHECK_FALSE(db.run_output(1, "json"));

    ImportReport report;
    report.file = "u2.csv";
    DatasetOrigin origin{"ab12", false};
    CHECK(db.store_unit_values("test", values("fees", "20"), report, origin).version == 2);
    const auto all = db.datasets("test");
    REQUIRE(all.size() == 2);
    CHECK(all[0].imported_by.empty());  // unknown for the old version
    CHECK(all[1].id == 2);
    CHECK(all[1].origin.source_sha256 == "ab12");
    CHECK_FALSE(all[1].imported_by.empty());

    // Retracted: kept, readable when asked for, never chosen, its number never reused.
    CHECK(db.retract_dataset("test", {"unit-values", "2022-01", 2}, "wrong month"));
    CHECK_FALSE(db.retract_dataset("test", {"unit-values", "2022-01", 2}, "again"));
    CHECK(db.load_unit_values("test", "unit-values", Period{2022, 1})->ref.version == 1);
    const auto pinned = db.load_unit_values("test", "unit-values", Period{2022, 1}, 2);
    REQUIRE(pinned);
    CHECK(pinned->values.at("a").at("fees").to_string() == "20.000000");
    CHECK(db.find_dataset("test", "unit-values", "2022-01", 2)->retract_reason == "wrong month");
    CHECK(db.store_unit_values("test", values("fees", "30"), report, origin).version == 3);

    // A new run gets the next id and keeps what the old one could not.
    RunResult run;
    run.region = "test";
    run.year = 2022;
    run.period = Period{2022, 1};
    run.model_hash = "h";
    run.model_text = "text";
    run.datasets = {{"unit-values", "2022-01", 3}};
    const auto render = [](const RunResult& r) {
        return std::vector<std::pair<std::string, std::string>>{
            {"json", "run " + std::to_string(*r.run_id) + "\n"}};
    };
    CHECK(db.store_run(run, render) == 2);
    CHECK(run.run_id == 2);
    CHECK(db.run_output(2, "json") == "run 2\n");
    const auto record = db.run_record(2);
    REQUIRE(record);
    CHECK(record->datasets.size() == 1);
    CHECK(record->datasets[0].version == 3);
    CHECK(record->model_text == "text");
    CHECK_FALSE(record->created_at.empty());
    fs::remove(file);
    fs::remove(file.string() + "-wal");
    fs::remove(file.string() + "-shm");
}

TEST_CASE("a dataset pin is KIND:PERIOD@VERSION") {
    const auto pin = parse_pin("visits:2018-11..2019-10@3");
    CHECK(pin.first == std::pair<std::string, std::string>{"visits", "2018-11..2019-10"});
    CHECK(pin.second == 3);
    for (const char* bad :
         {"listing-2020-02", "listing:2020-02", "listing:2020-02@", "list:2020-02@1", "listing:@1",
          "listing:2020-02@v1", "listing:2020-02@99999999999"})
        CHECK_THROWS_AS(parse_pin(bad), std::invalid_argument);
}
