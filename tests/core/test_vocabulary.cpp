// Declared vocabularies (region.yaml) and refusals of missing data: a name the region does
// not declare is refused by the import and by model validation; a figure a component needs
// that the month's data lacks refuses the run instead of paying zero.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "fixtures.hpp"
#include "shipped.hpp"
#include "vardval_host/datasets.hpp"
#include "vardval_host/engine.hpp"
#include "vardval_host/model.hpp"
#include "vardval_host/plugin_host.hpp"
#include "vardval_host/vocabulary.hpp"

using namespace vardval;
namespace fs = std::filesystem;

namespace {

using test::host;
using test::issues_text;
using test::kRegions;

using test::reasons;

struct TempDir {
    fs::path dir = fs::temp_directory_path() / ("vardval_vocabulary_" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(dir); }
    ~TempDir() { fs::remove_all(dir); }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name) << text;
        return dir / name;
    }
};

}  // namespace

TEST_CASE("shipped regions declare their vocabularies with descriptions") {
    const Region vm = load_region(kRegions + "vastmanland/region.yaml");
    REQUIRE(vm.vocabulary(Vocabulary::profession));
    CHECK(vm.vocabulary(Vocabulary::profession)->at("doctor").description == "läkare");
    CHECK(vm.vocabulary(Vocabulary::event)->count("sip") == 1);
    const Term& share = vm.vocabulary(Vocabulary::measure)->at("named_doctor_share");
    CHECK(share.unit == "share");
    CHECK(share.max == Decimal::from_int(1));
    CHECK_FALSE(vm.vocabulary(Vocabulary::diagnosis_group));  // no psychiatry data in VM
    const Region jh = load_region(kRegions + "jamtland-harjedalen/region.yaml");
    CHECK(jh.vocabulary(Vocabulary::diagnosis_group)->count("psychosis") == 1);
    CHECK(jh.vocabulary(Vocabulary::psychiatry_contact_type)->count("group") == 1);
    CHECK(jh.vocabulary(Vocabulary::contact_type)->count("group") == 0);
}

TEST_CASE("a malformed vocabulary in region.yaml is refused with its line") {
    TempDir tmp;
    const fs::path file = tmp.write("region.yaml",
                                    "region: r\n"
                                    "units:\n"
                                    "  - {id: a, name: A, ownership: region-run}\n"
                                    "professions:\n"
                                    "  doctor: läkare\n"
                                    "  Nurse: sjuksköterska\n"  // 6 not lowercase
                                    "  dietitian: ''\n"         // 7 no description
                                    "measures:\n"
                                    "  cost_kr: {description: cost, unit: kr, min: 0, lo: 1}\n"
                                    "contact_types:\n"
                                    "  visit: {description: a visit, unit: visits}\n");  // 11
    try {
        load_region(file.string());
        FAIL("accepted");
    } catch (const IssueError& e) {
        const std::string text = issues_text(e.issues());
        CHECK_THAT(text,
                   Catch::Contains("region.yaml:6:") && Catch::Contains("'Nurse' is not a name"));
        CHECK_THAT(text, Catch::Contains("region.yaml:7:") &&
                             Catch::Contains("needs a short description"));
        CHECK_THAT(text, Catch::Contains("region.yaml:9:") && Catch::Contains("unknown key 'lo'"));
        CHECK_THAT(text, Catch::Contains("region.yaml:11:") &&
                             Catch::Contains("each contact type is a description"));
    }
}

TEST_CASE("visits: Doctor and wizard are refused with a did-you-mean, and nothing is stored") {
    const Region region = test::with_vocabularies(test::make_region({"a", "b"}));
    std::istringstream in(
        "person_id,unit,visit_date,birth_date,sex,profession,contact_type\n"
        "p1,a,2022-01-10,1980-05-01,F,doctor,visit\n"
        "p2,a,2022-01-10,1980-05-01,F,Doctor,visit\n"    // 3
        "p3,b,2022-01-10,1980-05-01,M,wizard,visit\n"    // 4
        "p4,b,2022-01-10,1980-05-01,M,nurse,wizard\n");  // 5
    ImportReport report;
    aggregate_visits(in, "visits.csv", region, *PeriodRange::parse("2022-01"), report);
    CHECK(report.rows_used == 1);
    CHECK(report.rows_rejected == 3);
    const std::string r = reasons(report);
    CHECK_THAT(r,
               Catch::Contains("3: unknown profession: 'Doctor' is not in the professions declared "
                               "in region.yaml (did you mean 'doctor'?)"));
    CHECK_THAT(r, Catch::Contains("4: unknown profession: 'wizard'") &&
                      Catch::Contains("declared: doctor, nurse, psychologist"));
    CHECK_THAT(r, Catch::Contains("5: unknown contact type: 'wizard'"));

    TempDir tmp;
    Database db("sqlite3://db=:memory:");
    const fs::path file = tmp.write("visits.csv",
                                    "person_id,unit,visit_date,birth_date,sex,profession,"
                                    "contact_type\np1,a,2022-01-10,1980-05-01,F,Doctor,visit\n");
    const ImportOutcome outcome =
        import_dataset(db, region, ImportRequest{"visits", "2022-01", file, false, nullptr, {}});
    CHECK_FALSE(outcome.stored);
    CHECK_FALSE(db.load_visits("test", *PeriodRange::parse("2022-01")));
}

TEST_CASE("events and unit values: unknown names and values outside a measure's range refused") {
    Region region = test::with_vocabularies(test::make_region({"a", "b"}));
    std::istringstream events(
        "person_id,unit,event_date,event,birth_year\n"
        "p1,a,2022-01-03,sip,1950\n"
        "p2,a,2022-01-03,spi,1950\n"            // 3 misspelt
        "p3,a,2022-01-03,health_talk,1972\n");  // 4 not declared
    ImportReport report;
    aggregate_events(events, "events.csv", region, Period{2022, 1}, report);
    CHECK(report.rows_used == 1);
    CHECK_THAT(reasons(report),
               Catch::Contains("3: unknown event: 'spi' is not in the events declared") &&
                   Catch::Contains("(did you mean 'sip'?)") &&
                   Catch::Contains("4: unknown event: 'health_talk'"));

    region.vocabularies[Vocabulary::measure]["patient_fees_kr"] =
        Term{"patient fees", "kr", Decimal(), std::nullopt, 1};
    region.vocabularies[Vocabulary::measure]["plan_approved"] =
        Term{"1 when approved", "1/0", Decimal(), Decimal::from_int(1), 1};
    std::istringstream values(
        "unit,measure,value\n"
        "a,patient_fees_kr,100\n"
        "b,patient_fes_kr,200\n"    // 3 the issue's misspelling
        "a,plan_approved,2\n"       // 4 above 1
        "b,patient_fees_kr,-5\n");  // 5 below 0
    ImportReport values_report;
    const UnitValues v =
        aggregate_unit_values(values, "values.csv", region, Period{2022, 1}, values_report);
    CHECK(values_report.rows_used == 1);
    const std::string r = reasons(values_report);
    CHECK_THAT(r, Catch::Contains("3: unknown measure: 'patient_fes_kr'") &&
                      Catch::Contains("(did you mean 'patient_fees_kr'?)"));
    CHECK_THAT(r, Catch::Contains("4: value out of range: plan_approved 2 is outside the "
                                  "declared range: from 0 to 1 (1/0)"));
    CHECK_THAT(r, Catch::Contains("5: value out of range: patient_fees_kr -5 is outside the "
                                  "declared range: at least 0 (kr)"));
    CHECK_FALSE(v.value("b", "patient_fes_kr"));
}

TEST_CASE("an import needing a vocabulary the region does not declare is a region error") {
    const Region bare = test::make_region({"a"});
    std::istringstream in("person_id,unit,event_date,event,birth_year\np1,a,2022-01-03,sip,1950\n");
    ImportReport report;
    CHECK_THROWS_AS(aggregate_events(in, "events.csv", bare, Period{2022, 1}, report), IssueError);
    try {
        require_vocabulary(bare, Vocabulary::event, "importing events");
    } catch (const IssueError& e) {
        REQUIRE(e.issues().size() == 1);
        CHECK(e.issues()[0].to_string() ==
              "region.yaml:1: events: the region declares no events, which importing events "
              "needs: add 'events:' mapping each event the data uses to a short description");
    }
}

TEST_CASE("a model naming an undeclared measure, event, profession or contact type is invalid") {
    TempDir tmp;
    const Region region = load_region(kRegions + "vastmanland/region.yaml");
    const std::string file = tmp.write("m.yaml", R"(region: vastmanland
year: 2021
components:
  - id: fees
    type: fees.patient
    params: {mode: folded_into_capitation, measure: patient_fes_kr}
  - id: talk
    type: goal.per_event
    params:
      prices: {health_talk_5O: 1000}
  - id: visits
    type: visit.fee
    params:
      prices: {Doctor: 165, nurse: 100}
      contact_types: [visit, wizard, phon]
      exclude: [nurse/phon]
  - id: pot
    type: cost.actual_share
    params: {measures: [xray_cost_kr, lab_cost_kr], budget_year: 1000}
)")
                                 .string();
    const Model model = load_model(file);
    const std::string text = issues_text(validate_model(model, region, host()));
    CHECK_THAT(text, Catch::Contains("m.yaml:6:") &&
                         Catch::Contains("'patient_fes_kr' is not in the measures declared in") &&
                         Catch::Contains("(did you mean 'patient_fees_kr'?)"));
    CHECK_THAT(text, Catch::Contains("m.yaml:10:") &&
                         Catch::Contains("'health_talk_5O' is not in the events declared") &&
                         Catch::Contains("did you mean 'health_talk_50'"));
    CHECK_THAT(text, Catch::Contains("m.yaml:14:") &&
                         Catch::Contains("'Doctor' is not in the professions declared"));
    CHECK_THAT(text, Catch::Contains("m.yaml:15:") &&
                         Catch::Contains("'wizard' is not in the contact_types declared") &&
                         Catch::Contains("'phon' is not in the contact_types declared"));
    CHECK_THAT(text, Catch::Contains("m.yaml:16:") &&
                         Catch::Contains("'phon' is not in the contact_types declared") &&
                         Catch::Contains("did you mean 'phone'"));
    CHECK_THAT(text, Catch::Contains("m.yaml:19:") &&
                         Catch::Contains("'lab_cost_kr' is not in the measures declared"));
    CHECK_THAT(text, !Catch::Contains("xray_cost_kr' is not"));
}

TEST_CASE("a default that names something must be declared too") {
    TempDir tmp;
    Region region = load_region(kRegions + "vastmanland/region.yaml");
    region.vocabularies[Vocabulary::measure].erase("patient_fees_kr");
    const std::string file = tmp.write("d.yaml", R"(region: vastmanland
year: 2021
components:
  - id: fees
    type: fees.patient
    params: {mode: kept_by_unit}
)")
                                 .string();
    const std::string text = issues_text(validate_model(load_model(file), region, host()));
    CHECK_THAT(text, Catch::Contains("d.yaml:4:") &&  // the component
                         Catch::Contains("params.measure (default): 'patient_fees_kr' is not in "
                                         "the measures declared"));
}

TEST_CASE("psychiatry weights name declared contact types, professions and diagnosis groups") {
    TempDir tmp;
    const Region region = load_region(kRegions + "jamtland-harjedalen/region.yaml");
    const std::string file = tmp.write("p.yaml", R"(region: jamtland-harjedalen
year: 2024
payees: [psychiatry-clinic]
components:
  - id: contacts
    type: psychiatry.visit
    params:
      weights: {visit/doctor: 2, "group/*": 1, "*/psychologst": 1}
      diagnosis_groups: [depression, adhd, bipolar]
      price_per_contact: 100
  - id: episodes
    type: psychiatry.episode
    params:
      weights: {"single/*": 1, multi/psychosis: 4, multi/psychos: 3}
      price_per_episode: 1000
)")
                                 .string();
    const std::string text = issues_text(validate_model(load_model(file), region, host()));
    CHECK_THAT(text, Catch::Contains("p.yaml:8:") &&
                         Catch::Contains("'psychologst' is not in the psychiatry_professions") &&
                         Catch::Contains("did you mean 'psychologist'"));
    CHECK_THAT(text, Catch::Contains("p.yaml:9:") &&
                         Catch::Contains("'bipolar' is not in the diagnosis_groups declared"));
    CHECK_THAT(text, Catch::Contains("p.yaml:14:") &&
                         Catch::Contains("'psychos' is not in the diagnosis_groups"));
    CHECK_THAT(text, !Catch::Contains("'visit'") && !Catch::Contains("'single'") &&
                         !Catch::Contains("'*'"));
}

TEST_CASE("a measure no unit reports refuses the run, naming kind, month and the import") {
    UnitValues values;
    values.ref = {"unit-values", "2022-01", 1};
    values.values["a"]["plan_approved"] = Decimal::from_int(1);
    CHECK_THROWS_MATCHES(values.require_measure("goals_met", "goal.approved"), DataMissing,
                         Catch::Message("goal.approved: no unit reports 'goals_met' in "
                                        "unit-values 2022-01; import a unit-values file for "
                                        "2022-01 that gives it (vardval import --kind "
                                        "unit-values --period 2022-01 FILE)"));
    // One unit alone lacking it: an error by default, 0 when the model says so.
    CHECK_THROWS_WITH(values.value_at("b", "plan_approved", IfMissing::error, "goal.approved"),
                      Catch::Contains("goal.approved: unit b has no 'plan_approved' in "
                                      "unit-values 2022-01") &&
                          Catch::Contains("or set missing_value: zero"));
    CHECK(values.value_at("b", "plan_approved", IfMissing::zero, "goal.approved") == Decimal());
    CHECK(values.value_at("a", "plan_approved", IfMissing::error, "x") == Decimal::from_int(1));
    // Even with zero, a measure nobody reports is refused: that is a missing import.
    CHECK_THROWS_AS(values.value_at("b", "goals_met", IfMissing::zero, "x"), DataMissing);

    EventAggregate events;
    events.ref = {"events", "2022-01", 1};
    events.counts.push_back({"a", "sip", 70, 1, 2});
    CHECK_NOTHROW(events.require_event("sip", IfMissing::error, "goal.per_event"));
    CHECK_THROWS_WITH(events.require_event("av003", IfMissing::error, "goal.per_event"),
                      Catch::Contains("goal.per_event: no unit reports event 'av003' in events "
                                      "2022-01; import a events file for 2022-01"));
    CHECK_NOTHROW(events.require_event("av003", IfMissing::zero, "goal.per_event"));
}

TEST_CASE("a goal pot whose measure no unit reports is refused by the run (was: 0 to all)") {
    // The issue's case: a pot of 2 000 000 kr a year on a measure nobody reports paid 0 to
    // every unit with exit 0. Now the run stops with DataMissing naming the component.
    TempDir tmp;
    Region region = test::with_vocabularies(test::make_region({"a", "b"}));
    region.vocabularies[Vocabulary::measure]["goals_met"] = Term{"goals met", "1/0", {}, {}, 1};
    // A run records the region file's text with the model, so it must exist.
    region.file = tmp.write("region.yaml", "region: test\n").string();
    const std::string file = tmp.write("g.yaml", R"(region: test
year: 2022
components:
  - id: goals
    type: goal.approved
    params: {measure: goals_met, budget_year: 2000000}
)")
                                 .string();
    const Model model = load_model(file);
    REQUIRE(validate_model(model, region, host()).empty());

    class Data : public RecordingDataSource {
      public:
        test::FakeData fake;
        const ListingAggregate& listing(Period m) override { return fake.listing(m); }
        const VisitAggregate& visits(PeriodRange r) override { return fake.visits(r); }
        const UnitValues& unit_values(Period m) override { return fake.unit_values(m); }
        const EventAggregate& events(Period m) override { return fake.events(m); }
        const UnitValues& acg(Period m) override { return fake.acg(m); }
        const PsychiatryAggregate& psychiatry(Period m) override { return fake.psychiatry(m); }
        const CniDelivery& cni(Period m) override { return fake.cni(m); }
        std::vector<DatasetRef> used() const override { return {}; }
        bool served_sample() const override { return false; }
    } data;
    const Period jan{2022, 1};
    test::add_persons(data.fake.listings[jan], "a", 40, Sex::female, 100);
    test::add_persons(data.fake.listings[jan], "b", 40, Sex::male, 50);
    data.fake.values[jan].values["a"]["plan_approved"] = Decimal::from_int(1);
    CHECK_THROWS_MATCHES(run_model(model, region, host(), data, jan), DataMissing,
                         Catch::Message("component 'goals': goal.approved: no unit reports "
                                        "'goals_met' in unit-values 2022-01; import a "
                                        "unit-values file for 2022-01 that gives it (vardval "
                                        "import --kind unit-values --period 2022-01 FILE)"));

    // a reports it, b does not: refused by default, naming b ...
    data.fake.values[jan].values["a"]["goals_met"] = Decimal::from_int(1);
    CHECK_THROWS_WITH(run_model(model, region, host(), data, jan),
                      Catch::Contains("unit b has no 'goals_met'"));
    // ... and with missing_value: zero, b is not approved: a, the only approved unit, gets
    // January's whole pot, 2 000 000 / 12 = 166 666.67 kr = 16 666 667 öre.
    const std::string zero = tmp.write("z.yaml", R"(region: test
year: 2022
components:
  - id: goals
    type: goal.approved
    params: {measure: goals_met, budget_year: 2000000, missing_value: zero}
)")
                                 .string();
    const RunResult result = run_model(load_model(zero), region, host(), data, jan);
    CHECK(result.units[0].total_ore == 16'666'667);
    CHECK(result.units[1].total_ore == 0);
}
