// Jämtland Härjedalen's rules beyond the listed-based part, on the shipped sample: the 2020
// cost responsibility and penalty (001 §5.2, §6), the 2021 changes (001 §6.1, §9; 003) and
// the model as described in 2023 (004 §3.1.2). Every figure the sources state is checked;
// the sample's own figures are computed by hand in the comments.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "fixtures.hpp"
#include "vardval_host/datasets.hpp"
#include "vardval_host/engine.hpp"
#include "vardval_host/plugin_host.hpp"

using namespace vardval;

namespace {

const std::string kDir = std::string(VARDVAL_SOURCE_DIR) + "/regions/jamtland-harjedalen";

struct Jh {
    PluginHost host;
    Region region = load_region(kDir + "/region.yaml");
    Database db{"sqlite3://db=:memory:"};
    DatabaseDataSource data{db, region, kDir + "/sample"};
    Jh() { host.load_directory(VARDVAL_PLUGIN_DIR); }
    RunResult run(int year, Period p) {
        const Model model = load_model(kDir + "/" + std::to_string(year) + ".yaml");
        REQUIRE(validate_model(model, region, host).empty());
        return run_model(model, region, host, data, p);
    }
};

const LedgerLine* line(const RunResult& run, const std::string& unit, const std::string& id) {
    for (const UnitStatement& s : run.units)
        if (s.unit->id == unit)
            for (const LedgerLine& l : s.lines)
                if (l.component == id)
                    return &l;
    return nullptr;
}

Ore total(const RunResult& run, const std::string& id) {
    Ore t = 0;
    for (const UnitStatement& s : run.units)
        for (const LedgerLine& l : s.lines)
            if (l.component == id)
                t += l.amount_ore;
    return t;
}

// The sample's unit values read straight from the CSV, not through the import: unit →
// measure → value as written.
std::map<std::string, std::map<std::string, std::string>> csv_values(const std::string& month) {
    std::ifstream in(kDir + "/sample/unit-values-" + month + ".csv");
    std::map<std::string, std::map<std::string, std::string>> values;
    std::string row;
    std::getline(in, row);  // header
    while (std::getline(in, row)) {
        std::istringstream fields(row);
        std::string unit, measure, value;
        std::getline(fields, unit, ',');
        std::getline(fields, measure, ',');
        std::getline(fields, value);
        values[unit][measure] = value;
    }
    return values;
}

const std::vector<std::pair<std::string, std::string>> kCosts = {
    {"cost_drugs", "drug_cost_kr"},
    {"cost_lof_lol", "lof_lol_cost_kr"},
    {"cost_foot_care", "foot_care_cost_kr"},
    {"cost_municipal", "municipal_services_cost_kr"},
    {"cost_lab_xray", "lab_xray_cost_kr"},
    {"cost_premises", "premises_cost_kr"},
    {"cost_patient_travel", "patient_travel_cost_kr"}};

}  // namespace

TEST_CASE("JH 2020: every unit bears its seven costs in full (kostnadsansvar, 001 §6)") {
    Jh jh;
    const RunResult run = jh.run(2020, Period{2020, 2});
    const auto values = csv_values("2020-02");
    for (const UnitStatement& s : run.units)
        for (const auto& [id, measure] : kCosts) {
            // e.g. fjällhälsan's drugs: 30 957 kr in the file → a line of −3 095 700 öre.
            const LedgerLine* l = line(run, s.unit->id, id);
            REQUIRE(l != nullptr);
            CHECK(l->amount_ore == -100 * std::stoll(values.at(s.unit->id).at(measure)));
        }
}

TEST_CASE("JH 2020: the penalty is 10 000 kr a week, at most 100 000 kr per occasion (001 §5.2)") {
    Jh jh;
    // The model's penalty as declared, on made-up weeks: 4 weeks are 40 000 kr; 11 weeks would
    // be 110 000 kr, capped at the occasion's 100 000 kr.
    const Model model = load_model(kDir + "/2020.yaml");
    const ComponentDecl* penalty = nullptr;
    for (const ComponentDecl& c : model.components)
        if (c.id == "opening_hours_penalty")
            penalty = &c;
    REQUIRE(penalty != nullptr);
    const test::ValidParams declared(jh.host.find(penalty->type)->type,
                                     YAML::Dump(penalty->params));
    const Period month{2020, 2};
    test::FakeData weeks;
    weeks.values[month].values["a"]["opening_hours_weeks_unmet"] = Decimal::from_int(4);
    weeks.values[month].values["b"]["opening_hours_weeks_unmet"] = Decimal::from_int(11);
    const auto lines = declared.run(test::make_region({"a", "b"}), month, weeks);
    CHECK(lines[0].amount_ore == -4'000'000);
    CHECK(lines[1].amount_ore == -10'000'000);
    // 2020-02: Bräcke and Järpen 3 weeks unmet each: 3 × 10 000 = 30 000 kr, under the cap.
    const RunResult run = jh.run(2020, Period{2020, 2});
    CHECK(line(run, "bracke", "opening_hours_penalty")->amount_ore == -3'000'000);
    CHECK(line(run, "jarpen", "opening_hours_penalty")->amount_ore == -3'000'000);
    CHECK(total(run, "opening_hours_penalty") == -6'000'000);
}

TEST_CASE("JH 2020 -> 2021: LOF/LOL leaves the units, about 21 mkr a year (003)") {
    Jh jh;
    const Period jan{2021, 1};
    const RunResult before = jh.run(2020, jan);
    const RunResult after = jh.run(2021, jan);
    CHECK(total(after, "cost_lof_lol") == 0);
    CHECK(line(after, "ostersund", "cost_lof_lol") == nullptr);
    CHECK(line(after, "ostersund", "opening_hours_penalty") == nullptr);  // care guarantee instead
    // What the units bore in 2021-01 under the 2020 rules, × 12 months × 10 (the sample is at
    // 10 % scale): the sample is calibrated to 003's 21 mkr central budget (160 kr per listed
    // and year ± 40 % per unit): 170 454 kr × 120 = 20.45 mkr, 21 mkr within 5 %.
    const double year_full_scale =
        -static_cast<double>(total(before, "cost_lof_lol")) * 12 * 10 / 100;
    CHECK(year_full_scale == Approx(21'000'000).epsilon(0.05));
    // Every other cost stays with the units, to the öre.
    for (const auto& [id, measure] : kCosts)
        if (id != "cost_lof_lol")
            CHECK(total(after, id) == total(before, id));
}

TEST_CASE("JH 2021: the kömiljard goes to units with at least 85 % assessed within 3 days") {
    Jh jh;
    const RunResult run = jh.run(2021, Period{2021, 1});
    const auto values = csv_values("2021-01");
    std::int64_t qualifying_listed = 0;
    for (const UnitStatement& s : run.units)
        if (std::stod(values.at(s.unit->id).at("care_guarantee_3_days_share")) >= 0.85)
            qualifying_listed += s.listed;
    REQUIRE(qualifying_listed > 0);
    for (const UnitStatement& s : run.units) {
        const LedgerLine* l = line(run, s.unit->id, "care_guarantee_bonus");
        const bool qualifies =
            std::stod(values.at(s.unit->id).at("care_guarantee_3_days_share")) >= 0.85;
        // A qualifying unit's share of the month's pot 6 000 000 / 12 = 500 000 kr is its
        // listed / the qualifying units' listed, to within the largest remainder's öre.
        const double expected =
            50'000'000.0 * static_cast<double>(s.listed) / static_cast<double>(qualifying_listed);
        CHECK(static_cast<double>(l->amount_ore) == Approx(qualifies ? expected : 0).margin(1));
    }
    CHECK(total(run, "care_guarantee_bonus") == 50'000'000);
}

TEST_CASE("JH 2023 (004 §3.1.2): every component runs on the 2023-01 sample") {
    Jh jh;
    const RunResult run = jh.run(2023, Period{2023, 1});
    REQUIRE(run.units.size() == 25);
    std::set<std::string> ids;
    for (const LedgerLine& l : run.units[0].lines)
        ids.insert(l.component);
    for (const char* id : {"listed_age", "cni", "drugs", "sparsity", "rehab_coordinators",
                           "patient_fees", "out_of_region", "asylum_visits", "asylum_examinations",
                           "family_centre", "saebo", "short_term", "vat", "it_admin"})
        CHECK(ids.count(id) == 1);

    // Asylum seekers: Fjällhälsan 9 visits × (1 900 − 50) kr = 16 650 kr.
    CHECK(line(run, "fjallhalsan", "asylum_visits")->amount_ore == 1'665'000);
    // Health examinations: Funäsdalen 1 × 2 500 kr, nothing deducted.
    CHECK(line(run, "funasdalen", "asylum_examinations")->amount_ore == 250'000);
    // SÄBO 10 000 kr a place and year: Fjällhälsan's 30 places × 10 000 / 12 = 25 000 kr.
    CHECK(line(run, "fjallhalsan", "saebo")->amount_ore == 2'500'000);
    // Short-term places 24 000 kr: 3 × 24 000 / 12 = 6 000 kr; Östersund 8 → 16 000 kr.
    CHECK(line(run, "fjallhalsan", "short_term")->amount_ore == 600'000);
    CHECK(line(run, "ostersund", "short_term")->amount_ore == 1'600'000);
    // Rehabilitation coordinators, ILLUSTRATIVE 60 kr a year per listed 16-67: Fjällhälsan's
    // 173 such listed × 5 kr = 865 kr.
    CHECK(line(run, "fjallhalsan", "rehab_coordinators")->basis == Decimal::from_int(173));
    CHECK(line(run, "fjallhalsan", "rehab_coordinators")->amount_ore == 86'500);
    // Family centre: the month's pot 3 000 000 / 12 = 250 000 kr, shared by children 0-5;
    // Fjällhälsan has 10 of the region's 823: 250 000 × 10 / 823 = 3 037,67 kr.
    CHECK(total(run, "family_centre") == 25'000'000);
    CHECK(line(run, "fjallhalsan", "family_centre")->amount_ore == 303'767);
    // The unit keeps the patient fees and the other regions' payments: zero lines.
    CHECK(total(run, "patient_fees") == 0);
    CHECK(total(run, "out_of_region") == 0);
    // VAT 3 % and IT 1.5 % of the listed-based compensation, private units only.
    for (const UnitStatement& s : run.units) {
        Ore listed_based = 0;
        for (const char* id : {"listed_age", "cni", "drugs", "sparsity", "rehab_coordinators"})
            listed_based += line(run, s.unit->id, id)->amount_ore;
        const bool private_unit = s.unit->ownership == Ownership::private_;
        CHECK(line(run, s.unit->id, "vat")->amount_ore ==
              (private_unit ? round_div(listed_based * 3, 100) : 0));
        CHECK(line(run, s.unit->id, "it_admin")->amount_ore ==
              (private_unit ? round_div(listed_based * 15, 1000) : 0));
    }
    // Fjällhälsan: listed-based 151 681,11 kr → VAT 4 550,43 kr, IT 2 275,22 kr.
    CHECK(line(run, "fjallhalsan", "vat")->amount_ore == 455'043);
    CHECK(line(run, "fjallhalsan", "it_admin")->amount_ore == 227'522);
}

TEST_CASE("JH 2019: cross-listing settled at 500 / 250 kr, both sides booked, region total 0") {
    Jh jh;
    const RunResult run = jh.run(2019, Period{2019, 10});
    // By hand from the CSV: every visit (at the unit or at home) at a unit other than the
    // patient's listing unit moves 500 kr for a doctor, 250 kr for anyone else, from the
    // listing unit to the treating unit.
    std::ifstream in(kDir + "/sample/visits-2019-10.csv");
    std::string row;
    std::getline(in, row);
    REQUIRE(row == "person_id,unit,visit_date,birth_date,sex,profession,contact_type,listed_unit");
    std::map<std::string, Ore> expected;
    Ore moved = 0;
    while (std::getline(in, row)) {
        std::vector<std::string> f;
        std::istringstream fields(row);
        for (std::string x; std::getline(fields, x, ',');)
            f.push_back(x);
        const std::string &unit = f[1], &profession = f[5], &contact = f[6], &listed = f[7];
        if (unit == listed || (contact != "visit" && contact != "home_visit"))
            continue;
        const Ore price = profession == "doctor" ? 50'000 : 25'000;
        expected[unit] += price;
        expected[listed] -= price;
        moved += price;
    }
    Ore sum = 0;
    for (const UnitStatement& s : run.units) {
        CHECK(s.total_ore == expected[s.unit->id]);
        sum += s.total_ore;
    }
    CHECK(sum == 0);
    CHECK(run.total_ore == 0);
    // 87 750 kr changed hands in the month on the 10 % sample: 10.5 mkr a year at full
    // scale, the order of 004's "about 13 mkr" (the sample is not calibrated to it).
    CHECK(moved == 8'775'000);
}
