#include "actual_share.hpp"

#include <stdexcept>

#include "vardval/missing_value.hpp"
#include "vardval/payment.hpp"

namespace vardval::cost {
namespace {

class ActualShare : public Component {
  public:
    explicit ActualShare(const Params& p)
        : payment_(Payment::budget(p)),
          measures_(p.texts("measures")),
          if_missing_(read_missing_value(p)) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const UnitValues& values = ctx.data.unit_values(ctx.period);
        std::vector<UnitBasis> bases;
        for (const Unit& unit : ctx.region.units) {
            Decimal cost;
            for (const std::string& m : measures_)
                cost += values.value_at(unit.id, m, if_missing_, "cost.actual_share");
            bases.push_back({unit.id, cost});
        }
        const std::string basis_unit = "kr of " + join(measures_, " + ");
        std::vector<LedgerLine> lines = pay(payment_, ctx.period, bases, basis_unit);
        for (LedgerLine& line : lines) {
            line.explanation =
                "share of the budget by actual cost: " + format_decimal(line.basis, 2) + " " +
                basis_unit;
            line.trace = {payment_.describe()};
        }
        return lines;
    }

  private:
    Payment payment_;
    std::vector<std::string> measures_;
    IfMissing if_missing_;
};

}  // namespace

ComponentType actual_share_type() {
    ComponentType t;
    t.name = "cost.actual_share";
    t.summary =
        "a fixed budget distributed by each unit's share of actual costs (Västmanland 2022: X-ray "
        "and clinical physiology)";
    std::vector<ParamSpec> fields{
        param::list("measures", param::text("measure").naming(Vocabulary::measure))
            .require()
            .describe("unit values holding the costs in kr, summed, e.g. [xray_cost_kr]"),
        missing_value_param()};
    for (ParamSpec& f : Payment::pot_params(true, "annual budget (pot)"))
        fields.push_back(std::move(f));
    t.params = param::object("params", std::move(fields));
    t.reads = {"unit-values"};
    t.create = [](const Params& p) { return std::make_unique<ActualShare>(p); };
    return t;
}

}  // namespace vardval::cost
