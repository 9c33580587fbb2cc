#include "acg.hpp"

#include <optional>
#include <stdexcept>

#include "vardval/payment.hpp"

namespace vardval::capitation {
namespace {

constexpr const char* kPriceKey = "price_per_point_year";
constexpr const char* kPoints = "acg_points";
constexpr const char* kPersons = "acg_persons";

class Acg : public Component {
  public:
    explicit Acg(const Params& p)
        : payment_(Payment::read(p, kPriceKey)),
          month_(p.has("month") ? std::optional<Period>(p.period("month")) : std::nullopt) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const UnitValues& acg = ctx.data.acg(month_.value_or(ctx.period));
        std::vector<UnitBasis> bases;
        Decimal total;
        for (const Unit& unit : ctx.region.units) {
            const Decimal points = acg.value(unit.id, kPoints).value_or(Decimal());
            bases.push_back({unit.id, points});
            total += points;
        }
        // No points at all is a missing or wrong import, not a month in which nobody is ill.
        if (total.is_zero())
            throw std::runtime_error("capitation.acg: the ACG dataset " + acg.ref.to_string() +
                                     " has no unit of " + ctx.region.id +
                                     " with ACG points; import the ACG weights of the listed "
                                     "for that month");
        std::vector<LedgerLine> lines = pay(payment_, ctx.period, bases, "ACG points");
        for (LedgerLine& line : lines) {
            const auto persons = acg.value(line.unit, kPersons);
            line.explanation =
                (line.basis.is_zero()
                     ? "no ACG points for the unit in " + acg.ref.period
                     : format_decimal(line.basis, 2) + " ACG points, the sum of " +
                           format_decimal(persons.value_or(Decimal()), 0) +
                           " listed persons' morbidity weights in " + acg.ref.period) +
                "; " + payment_.describe();
            line.trace = {
                "ACG (Adjusted Clinical Groups) morbidity weights from " + acg.ref.to_string(),
                "unit " + line.basis.to_short_string() + " points of the region's " +
                    total.to_short_string()};
        }
        return lines;
    }

  private:
    Payment payment_;
    std::optional<Period> month_;  // the ACG month read; none: the month paid
};

}  // namespace

ComponentType acg_type() {
    ComponentType t;
    t.name = "capitation.acg";
    t.summary =
        "capitation by morbidity: per ACG point (sum of the listed's ACG, Adjusted Clinical "
        "Groups, weights) or a budget pot shared by points, e.g. 25 % of the drug budget";
    std::vector<ParamSpec> fields{param::period("month").describe(
        "the month whose ACG weights are read, e.g. the latest grouped month; default: the "
        "month paid")};
    for (ParamSpec& f : Payment::params(kPriceKey, "price per ACG point per year"))
        fields.push_back(std::move(f));
    t.params = param::object("params", std::move(fields));
    Payment::require_one(t.params, kPriceKey);
    t.reads = {"acg"};
    t.create = [](const Params& p) { return std::make_unique<Acg>(p); };
    return t;
}

}  // namespace vardval::capitation
