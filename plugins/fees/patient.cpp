#include "patient.hpp"

#include <stdexcept>

#include "vardval/missing_value.hpp"
#include "vardval/payment.hpp"

namespace vardval::fees {
namespace {

class PatientFees : public Component {
  public:
    explicit PatientFees(const Params& p)
        : measure_(p.text("measure")),
          // What the money is: patient fees, or another payment the unit collects (JH 2023:
          // other regions' payments for their patients), named by its measure.
          what_(measure_ == "patient_fees_kr" ? "patient fees" : measure_),
          folded_(p.text("mode") == "folded_into_capitation"),
          if_missing_(read_missing_value(p)) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const UnitValues& values = ctx.data.unit_values(ctx.period);
        std::vector<LedgerLine> lines;
        for (const Unit& unit : ctx.region.units) {
            const Decimal fees_kr = values.value_at(unit.id, measure_, if_missing_, "fees.patient");
            LedgerLine line;
            line.unit = unit.id;
            line.basis = fees_kr.times(100);
            line.basis_unit = "öre of " + what_ + " collected";
            line.rate_ore = folded_ ? Decimal::from_int(-1) : Decimal();
            line.amount_ore = amount_ore(line.basis, line.rate_ore);
            line.explanation = folded_ ? what_ + " of " + format_decimal(fees_kr, 2) +
                                             " kr handed over: they are folded into the capitation"
                                       : "the unit keeps its " + what_ + " of " +
                                             format_decimal(fees_kr, 2) +
                                             " kr; the region pays nothing for them";
            lines.push_back(std::move(line));
        }
        return lines;
    }

  private:
    std::string measure_;
    std::string what_;
    bool folded_;
    IfMissing if_missing_;
};

}  // namespace

ComponentType patient_type() {
    ComponentType t;
    t.name = "fees.patient";
    t.summary =
        "patient fees (patientavgifter): kept by the unit (shown at zero), or handed over when "
        "folded into the capitation (negative lines)";
    t.params = param::object(
        "params", {param::text("measure")
                       .naming(Vocabulary::measure)
                       .defaults_to("patient_fees_kr")
                       .describe("unit value holding the fees collected in the month, in kr"),
                   param::choice("mode", {"kept_by_unit", "folded_into_capitation"})
                       .require()
                       .describe("who has the fees"),
                   missing_value_param()});
    t.reads = {"unit-values"};
    t.create = [](const Params& p) { return std::make_unique<PatientFees>(p); };
    return t;
}

void register_types(Registrar& registrar) {
    registrar.add(patient_type());
}

}  // namespace vardval::fees
