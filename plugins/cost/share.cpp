#include "share.hpp"

#include <stdexcept>

#include "actual_share.hpp"
#include "per_event.hpp"
#include "vardval/missing_value.hpp"
#include "vardval/payment.hpp"

namespace vardval::cost {
namespace {

class Share : public Component {
  public:
    explicit Share(const Params& p)
        : measure_(p.text("measure")),
          share_(p.number("share")),
          if_missing_(read_missing_value(p)) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const UnitValues& values = ctx.data.unit_values(ctx.period);
        std::vector<LedgerLine> lines;
        for (const Unit& unit : ctx.region.units) {
            const Decimal cost_kr = values.value_at(unit.id, measure_, if_missing_, "cost.share");
            const bool reported = values.value(unit.id, measure_).has_value();
            LedgerLine line;
            line.unit = unit.id;
            line.basis = cost_kr.times(100);
            line.basis_unit = "öre of " + measure_;
            line.rate_ore = Decimal() - share_;
            line.amount_ore = amount_ore(line.basis, line.rate_ore);
            line.explanation = reported
                                   ? "the unit bears " + format_decimal(share_.times(100), 1) +
                                         " % of " + format_decimal(cost_kr, 2) + " kr " + measure_
                                   : "no " + measure_ +
                                         " reported for the unit, taken as 0 (missing_value: "
                                         "zero)";
            lines.push_back(std::move(line));
        }
        return lines;
    }

  private:
    std::string measure_;
    Decimal share_;
    IfMissing if_missing_;
};

}  // namespace

ComponentType share_type() {
    ComponentType t;
    t.name = "cost.share";
    t.summary =
        "cost responsibility (kostnadsansvar): the unit bears a percentage of a cost, as negative "
        "lines";
    t.params = param::object("params",
                             {param::text("measure")
                                  .require()
                                  .naming(Vocabulary::measure)
                                  .describe("unit value holding the cost in kr, e.g. drug_cost_kr"),
                              param::number("share").require().at_least(0).at_most(1).describe(
                                  "share the unit bears, e.g. 0.2"),
                              missing_value_param()});
    t.reads = {"unit-values"};
    t.create = [](const Params& p) { return std::make_unique<Share>(p); };
    return t;
}

void register_types(Registrar& registrar) {
    registrar.add(share_type());
    registrar.add(actual_share_type());
    registrar.add(per_event_type());
}

}  // namespace vardval::cost
