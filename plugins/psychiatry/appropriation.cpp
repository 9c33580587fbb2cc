#include <map>
#include <optional>
#include <stdexcept>

#include "common.hpp"
#include "psychiatry.hpp"

namespace vardval::psychiatry {
namespace {

constexpr const char* kName = "psychiatry.appropriation";

class Appropriation : public Component {
  public:
    explicit Appropriation(const Params& p)
        : amounts_ore_(p.money_map("amounts_year")), index_(p.number("index")) {
        if (p.has("budget_year"))
            pot_ = Payment::budget(p);
    }

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        check_units(ctx.region);
        return pot_ ? pay_pot(ctx) : pay_amounts(ctx);
    }

  private:
    // The engine gives a component only the units its model pays, so a unit named here but
    // not there is a typo or a unit of a kind the model does not pay: paying nothing for it
    // silently would lose its appropriation.
    void check_units(const Region& region) const {
        std::vector<std::string> unknown;
        for (const auto& [unit, amount] : amounts_ore_)
            if (!region.find(unit))
                unknown.push_back(unit);
        if (unknown.empty())
            return;
        std::vector<std::string> valid;
        for (const Unit& unit : region.units)
            valid.push_back(unit.id);
        std::string message = std::string(kName) + ": amounts_year names ";
        for (std::size_t i = 0; i < unknown.size(); ++i)
            message += (i ? ", '" : "'") + unknown[i] + "'" + did_you_mean(unknown[i], valid);
        throw std::runtime_error(
            message + (unknown.size() == 1 ? ", which is not a unit" : ", which are not units") +
            " this model pays in " + region.id +
            " (a unit of the region.yaml whose kind is among the model's "
            "payees); valid units: " +
            join(valid));
    }

    std::vector<LedgerLine> pay_amounts(const RunContext& ctx) const {
        std::vector<LedgerLine> lines;
        for (const Unit& unit : ctx.region.units) {
            auto it = amounts_ore_.find(unit.id);
            Payment payment;  // this unit's annual amount as a price for one appropriation
            payment.fixed_annual = true;
            // The indexed year rounded once to the öre; the months then sum to it exactly.
            payment.annual_ore =
                Decimal::from_int(it == amounts_ore_.end() ? 0 : amount_ore(it->second, index_));
            const Decimal basis = Decimal::from_int(it == amounts_ore_.end() ? 0 : 1);
            LedgerLine line =
                pay(payment, ctx.period, {{unit.id, basis}}, "appropriation (anslag)").at(0);
            if (it == amounts_ore_.end()) {
                line.explanation = "no anslag (appropriation) for the unit in amounts_year";
                line.trace = {"the unit is not in amounts_year"};
            } else {
                const Ore year = amount_ore(basis, payment.annual_ore);
                std::string annual =
                    "anslag (appropriation) " + format_ore_kr(it->second) + " a year";
                if (index_ != Decimal::from_int(1))
                    annual += " × index " + index_.to_short_string() + " = " +
                              format_ore_kr(Decimal::from_int(year)) + " a year";
                line.explanation = annual +
                                   ", paid as each month's share so that the twelve months sum "
                                   "to the year: " +
                                   format_ore_kr(Decimal::from_int(line.amount_ore)) + " in " +
                                   ctx.period.to_string();
                line.trace = {"amounts_year: " + it->second.to_short_string() + " öre × index " +
                                  index_.to_short_string() + " = " + std::to_string(year) +
                                  " öre a year, rounded to the öre",
                              "month " + std::to_string(ctx.period.month) + ": round(year × " +
                                  std::to_string(ctx.period.month) + " / 12) − round(year × " +
                                  std::to_string(ctx.period.month - 1) +
                                  " / 12) = " + std::to_string(line.amount_ore) + " öre"};
            }
            lines.push_back(std::move(line));
        }
        return lines;
    }

    std::vector<LedgerLine> pay_pot(const RunContext& ctx) const {
        std::vector<UnitCount> counts;
        for (const Unit& unit : ctx.region.units) {
            auto it = amounts_ore_.find(unit.id);
            UnitCount c{unit.id, Decimal(), "", {}};
            if (it == amounts_ore_.end()) {
                c.what = "no anslag (appropriation) for the unit in amounts_year";
                c.trace.push_back("the unit is not in amounts_year");
            } else {
                c.basis = it->second.divided_by(100);
                c.what = "anslag (appropriation) in proportion to amounts_year, " +
                         format_ore_kr(it->second) + " for the unit";
                c.trace.push_back("amounts_year: " + format_ore_kr(it->second) +
                                  ", a weight in the split of budget_year");
            }
            counts.push_back(std::move(c));
        }
        return pay_counts(CountedPayment{*pot_, ""}, ctx.period, counts, "kr of amounts_year");
    }

    std::map<std::string, Decimal> amounts_ore_;  // unit → öre a year (a weight in a pot)
    Decimal index_;
    std::optional<Payment> pot_;
};

void check(const Params& p, std::vector<Issue>& issues) {
    if (p.money_map("amounts_year").empty())
        issues.push_back(p.issue("amounts_year",
                                 "amounts_year needs at least one unit, e.g. "
                                 "{vuxenpsykiatri-ostersund: 48000000}"));
    if (p.has("budget_year") && p.has("index"))
        issues.push_back(
            p.issue("index",
                    "index scales amounts paid as such; with budget_year the amounts are only "
                    "weights and the pot is what is paid, so index has no effect: scale "
                    "budget_year instead, or remove index"));
}

}  // namespace

ComponentType appropriation_type() {
    ComponentType t;
    t.name = kName;
    t.summary =
        "anslag (appropriation): a fixed annual amount per unit, optionally indexed, paid "
        "monthly so that the twelve months sum to the year; or a pot split in proportion to "
        "those amounts";
    std::vector<ParamSpec> fields{
        param::map("amounts_year", param::money("amount").at_least(0))
            .require()
            .describe("kr a year per unit id, e.g. {vuxenpsykiatri-ostersund: 48000000}; with "
                      "budget_year the amounts are relative weights; a unit not listed gets "
                      "nothing"),
        param::number("index").at_least(0).defaults_to("1").describe(
            "multiplies every amount, e.g. 1.023 for an indexed year (uppräkning); "
            "not with budget_year")};
    for (ParamSpec& f : Payment::pot_params(false,
                                            "annual pot split over the units in proportion to "
                                            "amounts_year instead of paying the amounts"))
        fields.push_back(std::move(f));
    t.params = param::object("params", std::move(fields));
    t.reads = {"amounts_year in the model"};
    t.check = check;
    t.create = [](const Params& p) { return std::make_unique<Appropriation>(p); };
    return t;
}

}  // namespace vardval::psychiatry
