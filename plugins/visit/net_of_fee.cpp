#include <utility>

#include "vardval/missing_value.hpp"
#include "vardval/payment.hpp"
#include "visit.hpp"

namespace vardval::visit {
namespace {

void check_net_of_fee(const Params& p, std::vector<Issue>& issues) {
    if (p.money_ore("patient_fee") > p.money_ore("rate_per_visit"))
        issues.push_back(p.issue("patient_fee",
                                 "the patient fee is more than rate_per_visit, so a visit "
                                 "would cost the unit: give a fee at most the rate"));
}

class NetOfFee : public Component {
  public:
    explicit NetOfFee(const Params& p)
        : measure_(p.text("measure")),
          rate_ore_(p.money_ore("rate_per_visit")),
          fee_ore_(p.money_ore("patient_fee")),
          if_missing_(read_missing_value(p)) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const UnitValues& values = ctx.data.unit_values(ctx.period);
        const Decimal net_ore = rate_ore_ - fee_ore_;
        std::vector<LedgerLine> lines;
        for (const Unit& unit : ctx.region.units) {
            const Decimal visits =
                values.value_at(unit.id, measure_, if_missing_, "visit.net_of_fee");
            LedgerLine line;
            line.unit = unit.id;
            line.basis = visits;
            line.basis_unit = measure_;
            line.rate_ore = net_ore;
            line.amount_ore = amount_ore(line.basis, line.rate_ore);
            line.rounding = Rounding::per_line;
            line.explanation =
                (values.value(unit.id, measure_)
                     ? visits.to_short_string() + " " + measure_
                     : "no " + measure_ + " reported, taken as 0 (missing_value: zero)") +
                " × (" + format_ore_kr(rate_ore_) + " − " + format_ore_kr(fee_ore_) +
                " patient fee) = " + format_ore_kr(net_ore) + " each, rounded per line";
            lines.push_back(std::move(line));
        }
        return lines;
    }

  private:
    std::string measure_;
    Decimal rate_ore_;
    Decimal fee_ore_;
    IfMissing if_missing_;
};

}  // namespace

ComponentType net_of_fee_type() {
    ComponentType t;
    t.name = "visit.net_of_fee";
    t.summary =
        "pay per reported visit at a rate minus the patient fee the unit collected (Jämtland "
        "Härjedalen: asylum seekers at the out-of-region rate minus the fee); with a fee of 0, a "
        "fixed amount per visit or examination";
    t.params = param::object(
        "params",
        {param::text("measure")
             .require()
             .naming(Vocabulary::measure)
             .describe("unit value: visits (or examinations) in the month, e.g. asylum_visits"),
         param::money("rate_per_visit")
             .require()
             .at_least(0)
             .describe("kr per visit before the fee, e.g. the out-of-region rate"),
         param::money("patient_fee")
             .require()
             .at_least(0)
             .describe(
                 "kr the patient paid the unit per visit, deducted from the rate; 0 when none"),
         missing_value_param()});
    t.reads = {"unit-values"};
    t.check = check_net_of_fee;
    t.create = [](const Params& p) { return std::make_unique<NetOfFee>(p); };
    return t;
}

}  // namespace vardval::visit
