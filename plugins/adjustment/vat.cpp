#include "vat.hpp"

#include <algorithm>
#include <stdexcept>

#include "vardval/payment.hpp"

namespace vardval::adjustment {
namespace {

class Vat : public Component {
  public:
    explicit Vat(const Params& p)
        : rate_(p.number("rate")), of_(p.texts("of_components")), ownership_(p.text("ownership")) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        for (const std::string& id : of_)
            if (std::none_of(ctx.earlier.begin(), ctx.earlier.end(),
                             [&](const LedgerLine& l) { return l.component == id; }))
                throw std::runtime_error("adjustment.vat: component '" + id +
                                         "' in of_components is not paid before this component");
        std::vector<LedgerLine> lines;
        for (const Unit& unit : ctx.region.units) {
            Ore base = 0;
            for (const LedgerLine& l : ctx.earlier)
                if (l.unit == unit.id &&
                    std::find(of_.begin(), of_.end(), l.component) != of_.end())
                    base += l.amount_ore;
            const bool applies = ownership_ == to_string(unit.ownership);
            LedgerLine line;
            line.unit = unit.id;
            line.basis = applies ? Decimal::from_int(base) : Decimal();
            line.basis_unit = "öre of " + join(of_);
            line.rate_ore = rate_;
            line.amount_ore = amount_ore(line.basis, line.rate_ore);
            line.explanation =
                applies ? format_decimal(rate_.times(100), 1) + " % of " +
                              format_decimal(Decimal::from_int(base).divided_by(100), 2) + " kr (" +
                              join(of_) + ") for a " + ownership_ + " unit"
                        : "not paid: the unit is " + std::string(to_string(unit.ownership));
            lines.push_back(std::move(line));
        }
        return lines;
    }

  private:
    Decimal rate_;
    std::vector<std::string> of_;
    std::string ownership_;
};

}  // namespace

ComponentType vat_type() {
    ComponentType t;
    t.name = "adjustment.vat";
    t.summary =
        "a percentage of earlier components for units of one ownership (VAT compensation, "
        "IT/administration for private units)";
    t.params =
        param::object("params", {param::number("rate").require().at_least(0).at_most(1).describe(
                                     "share paid, e.g. 0.03 for 3 %"),
                                 param::list("of_components", param::text("component"))
                                     .require()
                                     .describe("ids of earlier components the share is taken of"),
                                 param::choice("ownership", {"private", "region-run"})
                                     .defaults_to("private")
                                     .describe("which units receive it")});
    t.reads = {"earlier ledger lines"};
    t.check = [](const Params& p, std::vector<Issue>& issues) {
        if (p.texts("of_components").empty())
            issues.push_back(p.issue("of_components", "name at least one earlier component"));
    };
    t.create = [](const Params& p) { return std::make_unique<Vat>(p); };
    return t;
}

void register_types(Registrar& registrar) {
    registrar.add(vat_type());
}

}  // namespace vardval::adjustment
