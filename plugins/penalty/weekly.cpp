#include "weekly.hpp"

#include "vardval/missing_value.hpp"
#include "vardval/payment.hpp"

namespace vardval::penalty {
namespace {

class Weekly : public Component {
  public:
    explicit Weekly(const Params& p)
        : measure_(p.text("measure")),
          per_week_ore_(p.money_ore("per_week")),
          cap_ore_(p.money_ore("cap_per_occasion")),
          if_missing_(read_missing_value(p)) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const UnitValues& values = ctx.data.unit_values(ctx.period);
        std::vector<LedgerLine> lines;
        for (const Unit& unit : ctx.region.units) {
            const Decimal weeks = values.value_at(unit.id, measure_, if_missing_, "penalty.weekly");
            LedgerLine line;
            line.unit = unit.id;
            // Below the cap: weeks × the weekly penalty. At the cap: one capped occasion, so
            // the line still reads basis × rate.
            const bool capped = weeks * per_week_ore_ > cap_ore_;
            line.basis = capped ? Decimal::from_int(1) : weeks;
            line.basis_unit = capped ? "capped occasion" : "weeks unmet";
            line.rate_ore = Decimal() - (capped ? cap_ore_ : per_week_ore_);
            line.amount_ore = amount_ore(line.basis, line.rate_ore);
            line.explanation =
                weeks.is_zero()
                    ? "requirement met (" + measure_ + " 0)"
                    : weeks.to_short_string() + " weeks with " + measure_ + " unmet × " +
                          format_decimal(per_week_ore_.divided_by(100), 0) + " kr" +
                          (capped ? ", capped at " + format_decimal(cap_ore_.divided_by(100), 0) +
                                        " kr per occasion"
                                  : "");
            lines.push_back(std::move(line));
        }
        return lines;
    }

  private:
    std::string measure_;
    Decimal per_week_ore_;
    Decimal cap_ore_;
    IfMissing if_missing_;
};

}  // namespace

ComponentType weekly_type() {
    ComponentType t;
    t.name = "penalty.weekly";
    t.summary = "contractual penalty (vite) per week a requirement is unmet, capped per occasion";
    t.params = param::object(
        "params",
        {param::text("measure")
             .require()
             .naming(Vocabulary::measure)
             .describe("unit value: weeks unmet this month"),
         param::money("per_week").require().at_least(0).describe("penalty per week, e.g. 10000"),
         param::money("cap_per_occasion")
             .require()
             .at_least(0)
             .describe("most per occasion, e.g. 100000"),
         missing_value_param()});
    t.reads = {"unit-values"};
    t.create = [](const Params& p) { return std::make_unique<Weekly>(p); };
    return t;
}

void register_types(Registrar& registrar) {
    registrar.add(weekly_type());
}

}  // namespace vardval::penalty
