#include <algorithm>
#include <optional>
#include <set>

#include "ceiling.hpp"
#include "unit_visits.hpp"
#include "visit.hpp"
#include "visit_rule.hpp"

namespace vardval::visit {
namespace {

// An `exclude` entry "profession/contact_type", e.g. "doctor/visit".
struct Excluded {
    std::string profession;
    std::string contact_type;
    auto operator<=>(const Excluded&) const = default;
};

std::optional<Excluded> parse_excluded(const std::string& text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == text.size() ||
        text.find('/', slash + 1) != std::string::npos)
        return std::nullopt;
    return Excluded{text.substr(0, slash), text.substr(slash + 1)};
}

void check_fee(const Params& p, std::vector<Issue>& issues) {
    check_rule(p, issues);
    const std::vector<std::string> types = p.texts("contact_types");
    auto counted = [&](const std::string& type) {
        return std::find(types.begin(), types.end(), type) != types.end();
    };
    if (p.has("contact_type_factors"))
        for (const auto& [type, factor] : p.numbers("contact_type_factors"))
            if (!counted(type)) {
                const std::string message = "factor for '" + type +
                                            "', which is not in contact_types" +
                                            did_you_mean(type, types);
                issues.push_back(p.issue("contact_type_factors", message));
            }
    if (!p.has("exclude"))
        return;
    const auto prices = p.has("prices") ? p.money_map("prices") : std::map<std::string, Decimal>{};
    for (const std::string& entry : p.texts("exclude")) {
        const auto excluded = parse_excluded(entry);
        std::string message;
        if (!excluded)
            message = "'" + entry + "' is not profession/contact_type, e.g. doctor/visit";
        else if (!counted(excluded->contact_type))
            message = "'" + entry + "': contact type '" + excluded->contact_type +
                      "' is not in contact_types" + did_you_mean(excluded->contact_type, types);
        else if (!p.has("default_price") && !prices.count(excluded->profession))
            message = "'" + entry + "': profession '" + excluded->profession +
                      "' has no price, so it is never paid";
        if (!message.empty())
            issues.push_back(p.issue("exclude", message));
    }
}

class Fee : public Component {
  public:
    explicit Fee(const Params& p)
        : rule_(p),
          factors_(p.has("contact_type_factors") ? p.numbers("contact_type_factors")
                                                 : std::map<std::string, Decimal>{}),
          ceiling_(p.has("ceiling_visits_year")
                       ? std::optional(VisitCeiling(p.integer("ceiling_visits_year")))
                       : std::nullopt) {
        if (p.has("exclude"))
            for (const std::string& entry : p.texts("exclude"))
                excluded_.insert(*parse_excluded(entry));
    }

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const PeriodRange months = rule_.months_read(ctx.period);
        std::map<std::string, UnitVisits> units;
        for (const Unit& unit : ctx.region.units)
            units[unit.id];
        for (const VisitCount& count : ctx.data.visits(months).counts)
            if (auto it = units.find(count.unit); it != units.end())  // import admits no others
                tally(count, it->second);

        std::int64_t region_visits = 0;
        Decimal region_value;
        std::vector<Decimal> values;  // per unit in register order: the weights if scaled
        for (const Unit& unit : ctx.region.units) {
            region_visits += units[unit.id].visits();
            region_value += units[unit.id].list_value_ore();
            values.push_back(units[unit.id].list_value_ore());
        }
        const bool scaled = ceiling_ && ceiling_->binds(region_visits);
        const Ore scaled_total = scaled ? ceiling_->scaled_total(region_value, region_visits) : 0;

        std::vector<LedgerLine> lines;
        for (std::size_t i = 0; i < ctx.region.units.size(); ++i) {
            const UnitVisits& visits = units[ctx.region.units[i].id];
            LedgerLine line;
            line.unit = ctx.region.units[i].id;
            line.basis = visits.weighted_visits();
            line.basis_unit = "paid visits (weighted by contact type)";
            line.trace = visits.trace();
            if (scaled) {
                line.rate_ore = ceiling_->scaled_rate(values[i], line.basis, region_visits);
                line.trace.push_back("region: " + format_ore_kr(region_value) +
                                     " at list prices, scaled " +
                                     format_ore_kr(Decimal::from_int(scaled_total)) +
                                     " (rounded to the öre), split by largest remainder in "
                                     "proportion to each unit's pay at list prices");
            } else {
                // One rate per line: the unit's average price per weighted visit, exact, so
                // basis × rate is the unit's pay at list prices.
                line.set_rate(line.basis.is_zero() ? Rational()
                                                   : Rational(values[i]) / Rational(line.basis));
                line.amount_ore = amount_ore(line.basis, line.exact_rate());
                line.rounding = Rounding::per_line;
            }
            line.explanation = explain(visits, months, region_visits, scaled);
            lines.push_back(std::move(line));
        }
        if (scaled)
            split_pot(lines, scaled_total, std::vector<Rational>(values.begin(), values.end()));
        return lines;
    }

  private:
    void tally(const VisitCount& count, UnitVisits& visits) const {
        if (auto why = rule_.not_counted(count))
            visits.add_unpaid(count, *why);
        else if (excluded_.count({count.profession, count.contact_type}))
            visits.add_unpaid(count, "excluded from visit pay");
        else
            visits.add_paid(count, factor(count.contact_type), *rule_.price_ore(count.profession));
    }

    Decimal factor(const std::string& contact_type) const {
        auto it = factors_.find(contact_type);
        return it == factors_.end() ? Decimal::from_int(1) : it->second;
    }

    std::string explain(const UnitVisits& visits, PeriodRange months, std::int64_t region_visits,
                        bool scaled) const {
        if (visits.visits() == 0)
            return "no paid visits in " + months.to_string() +
                   (ceiling_ ? "; " + ceiling_->describe(region_visits) : "");
        std::string s = count_visits(visits.visits(), "paid") + " in " + months.to_string();
        if (visits.weighted_visits() != Decimal::from_int(visits.visits()))
            s += " (" + visits.weighted_visits().to_short_string() + " weighted by contact type)";
        s += ", " + format_ore_kr(visits.list_value_ore()) + " at list prices";
        if (ceiling_)
            s += "; " + ceiling_->describe(region_visits);
        return s + (scaled ? ", and the scaled total is split by largest remainder"
                           : "; amount = basis × average price per visit, rounded per line");
    }

    VisitRule rule_;
    std::map<std::string, Decimal> factors_;
    std::set<Excluded> excluded_;
    std::optional<VisitCeiling> ceiling_;
};

}  // namespace

ComponentType fee_type() {
    ComponentType t;
    t.name = "visit.fee";
    t.summary =
        "besöksersättning (visit pay): a price per visit by profession and contact type, "
        "optionally only visits with a patient fee, and a region-wide ceiling on paid visits "
        "(the yearly ceiling applies as 1/12 a month; above it every unit's visit pay is scaled "
        "pro rata)";
    std::vector<ParamSpec> fields = rule_params("contact types paid, e.g. [visit, home_visit]");
    fields.push_back(param::map("contact_type_factors", param::number("factor").at_least(0))
                         .naming(Vocabulary::contact_type)
                         .describe("multiplies the price of a contact type, e.g. {home_visit: 2}; "
                                   "1 when not listed"));
    fields.push_back(
        param::list("exclude",
                    param::text("profession/contact_type")
                        .naming_pair(Vocabulary::profession, Vocabulary::contact_type, false))
            .describe("profession/contact type pairs not paid, e.g. [doctor/visit, "
                      "nurse/visit] for reception visits while home visits stay paid"));
    fields.push_back(param::integer("ceiling_visits_year")
                         .at_least(1)
                         .describe("region-wide ceiling on paid visits per year, applied as 1/12 "
                                   "a month; above it every unit's visit pay is scaled pro rata, "
                                   "e.g. 695000"));
    t.params = param::object("params", std::move(fields));
    t.reads = {"visits"};
    t.check = check_fee;
    t.create = [](const Params& p) { return std::make_unique<Fee>(p); };
    return t;
}

}  // namespace vardval::visit
