// The JH 2020 model on the shipped sample reproduces the figures published in 001 §6
// (collected in DOMAIN.md "Figures a correct implementation reproduces").
#include <catch2/catch.hpp>

#include <sstream>

#include "age_weights.hpp"
#include "cni.hpp"
#include "vardval_host/datasets.hpp"
#include "vardval_host/engine.hpp"
#include "vardval_host/plugin_host.hpp"
#include "vardval_host/report.hpp"

using namespace vardval;

namespace {

const std::string kRegionDir = std::string(VARDVAL_SOURCE_DIR) + "/regions/jamtland-harjedalen";

struct Jh2020 {
    PluginHost host;
    Region region = load_region(kRegionDir + "/region.yaml");
    Model model = load_model(kRegionDir + "/2020.yaml");
    Database db{"sqlite3://db=:memory:"};
    DatabaseDataSource data{db, region, kRegionDir + "/sample"};
    Jh2020() { host.load_directory(VARDVAL_PLUGIN_DIR); }
    RunResult run(Period p) { return run_model(model, region, host, data, p); }
    const ComponentDecl& component(const std::string& id) const {
        for (const ComponentDecl& c : model.components)
            if (c.id == id)
                return c;
        throw std::runtime_error("no component " + id);
    }
};

double kr_per_year(double weight, double price_kr) {
    return weight * price_kr;
}

}  // namespace

TEST_CASE("JH 2020: weight 1.0 is 2 453 kr a year, paid 1/12 a month; drugs 1 272 kr") {
    Jh2020 jh;
    const RunResult run = jh.run(Period{2020, 2});
    CHECK(run.units.size() == 25);
    for (const UnitStatement& s : run.units)
        for (const LedgerLine& l : s.lines) {
            if (l.component == "listed_age")
                CHECK(l.rate_ore.to_string() == "20441.666667");  // 245 300 / 12
            if (l.component == "drugs")
                CHECK(l.rate_ore.to_string() == "10600.000000");  // 127 200 / 12
            if (l.component == "cni")
                CHECK(l.rate_ore.to_string() == "6833.333333");  // 82 000 / 12
        }
}

TEST_CASE("JH 2020: derived age weights span 0.33 (10-14) to 2.21 (85-89), about 816 to 5 429 kr") {
    Jh2020 jh;
    const Params p(jh.component("listed_age").params,
                   jh.host.find("capitation.age_weighted")->type.params, "2020.yaml", "params");
    const Params d = p.object("derive");
    capitation::DerivationRule rule;
    rule.profession_factors = d.numbers("profession_factors");
    rule.default_factor = d.number("default_factor");
    for (const std::string& t : d.texts("exclude_contact_types"))
        rule.excluded_contact_types.insert(t);
    std::vector<capitation::DerivedBand> details;
    const AgeBandTable w = capitation::derive_weights(
        p.age_bands("bands"), jh.data.visits(d.period_range("visits_period")),
        jh.data.listing(d.period("population_period")), rule, details);
    std::size_t lowest = 0, highest = 0;
    for (std::size_t b = 0; b < w.bands().size(); ++b) {
        if (*w.bands()[b].weight < *w.bands()[lowest].weight)
            lowest = b;
        if (*w.bands()[b].weight > *w.bands()[highest].weight)
            highest = b;
    }
    CHECK(w.bands()[lowest].label() == "10-14");
    CHECK(w.bands()[highest].label() == "85-89");
    const double low = w.bands()[lowest].weight->to_double();
    const double high = w.bands()[highest].weight->to_double();
    INFO("derived weights " << low << " and " << high);
    CHECK(low == Approx(0.33).margin(0.006));
    CHECK(high == Approx(2.21).margin(0.012));
    CHECK(kr_per_year(low, 2453) == Approx(816).margin(15));
    CHECK(kr_per_year(high, 2453) == Approx(5429).margin(30));
}

TEST_CASE(
    "JH 2020: CNI index 0.79 at Hallen and 1.32 at Järpen are the extremes, 646 and 1 078 kr") {
    Jh2020 jh;
    const ListingAggregate& feb = jh.data.listing(Period{2020, 2});
    const Params p(jh.component("cni").params, jh.host.find("capitation.cni")->type.params,
                   "2020.yaml", "params");
    const auto weights = p.numbers("variables");
    std::map<std::string, double> index;
    for (const auto& [unit, listing] : feb.units)
        index[unit] = cni::unit_index(weights, listing, feb).to_double();
    auto [lo, hi] =
        std::minmax_element(index.begin(), index.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; });
    CHECK(lo->first == "hallen");
    CHECK(hi->first == "jarpen");
    CHECK(lo->second == Approx(0.79).margin(0.006));
    CHECK(hi->second == Approx(1.32).margin(0.006));
    CHECK(lo->second * 820 == Approx(646).margin(4));
    CHECK(hi->second * 820 == Approx(1078).margin(4));
}

TEST_CASE("JH 2020: drug weights 0.23 and 3.22 give 290 and 4 098 kr at 1 272 kr") {
    Jh2020 jh;
    const Params p(jh.component("drugs").params,
                   jh.host.find("capitation.age_weighted")->type.params, "2020.yaml", "params");
    const AgeBandTable bands = p.age_bands("bands");
    const Decimal price = p.money_ore("price_per_weight_year");
    Decimal lowest = *bands.bands()[0].weight, highest = lowest;
    for (const AgeBand& b : bands.bands()) {
        lowest = std::min(lowest, *b.weight);
        highest = std::max(highest, *b.weight);
    }
    CHECK(bands.bands()[bands.index_of(27, Sex::female)].weight == lowest);
    CHECK(bands.bands()[bands.index_of(102, Sex::male)].weight == highest);
    CHECK(round_div(amount_ore(lowest, price), 100) == 290);
    CHECK(round_div(amount_ore(highest, price), 100) == 4098);
}

TEST_CASE("JH 2020 ledgers reconcile and are identical when run again") {
    for (Period period : {Period{2020, 2}, Period{2021, 1}}) {
        Jh2020 jh;
        const RunResult run = jh.run(period);
        Ore total = 0;
        for (const UnitStatement& s : run.units) {
            Ore sum = 0;
            for (const LedgerLine& l : s.lines) {
                sum += l.amount_ore;
                if (l.rounding == Rounding::per_line)
                    CHECK(l.amount_ore == amount_ore(l.basis, l.rate_ore));
            }
            CHECK(s.lines.size() == jh.model.components.size());
            CHECK(sum == s.total_ore);
            total += s.total_ore;
        }
        CHECK(total == run.total_ore);
        CHECK(run.total_ore > 0);
        std::ostringstream first, second;
        write_run(first, run, Format::json);
        write_run(second, jh.run(period), Format::json);
        CHECK(first.str() == second.str());
    }
}
