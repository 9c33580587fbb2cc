#include "distance.hpp"

#include "catchment.hpp"
#include "distance_rule.hpp"
#include "vardval/payment.hpp"

namespace vardval::sparsity {
namespace {

constexpr const char* kPriceKey = "amount_per_listed_year";

class Distance : public Component {
  public:
    explicit Distance(const Params& p) : payment_(Payment::read(p, kPriceKey)), rule_(p) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const ListingAggregate& listing = ctx.data.listing(ctx.period);
        std::vector<UnitBasis> bases;
        for (const Unit& unit : ctx.region.units)
            bases.push_back({unit.id, Decimal::from_int(rule_.distant(listing.unit(unit.id)))});
        std::vector<LedgerLine> lines = pay(payment_, ctx.period, bases, rule_.basis_unit());
        for (LedgerLine& line : lines) {
            const UnitListing& unit = listing.unit(line.unit);
            line.explanation =
                rule_.describe(rule_.distant(unit), unit.listed()) + "; " + payment_.describe();
        }
        return lines;
    }

  private:
    Payment payment_;
    DistanceRule rule_;
};

}  // namespace

ComponentType distance_type() {
    ComponentType t;
    t.name = "sparsity.distance";
    t.summary =
        "sparsity supplement (glesbygdsersättning) per listed person living beyond a distance from "
        "the "
        "hospital";
    std::vector<ParamSpec> fields{DistanceRule::param()};
    for (ParamSpec& f :
         Payment::params(kPriceKey, "amount per listed person beyond the threshold per year"))
        fields.push_back(std::move(f));
    t.params = param::object("params", std::move(fields));
    Payment::require_one(t.params, kPriceKey);
    t.reads = {"listing"};
    t.check = DistanceRule::check;
    t.create = [](const Params& p) { return std::make_unique<Distance>(p); };
    return t;
}

void register_types(Registrar& registrar) {
    registrar.add(distance_type());
    registrar.add(catchment_type());
}

}  // namespace vardval::sparsity
