#include "distance.hpp"

#include "vardval/payment.hpp"

namespace vardval::sparsity {
namespace {

constexpr const char* kPriceKey = "amount_per_listed_year";

class Distance : public Component {
  public:
    explicit Distance(const Params& p)
        : payment_(Payment::read(p, kPriceKey)), threshold_km_(p.number("threshold_km")) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const ListingAggregate& listing = ctx.data.listing(ctx.period);
        std::vector<UnitBasis> bases;
        for (const Unit& unit : ctx.region.units)
            bases.push_back(
                {unit.id, Decimal::from_int(listing.unit(unit.id).listed_beyond(threshold_km_))});
        const std::string threshold = threshold_km_.to_short_string() + " km";
        std::vector<LedgerLine> lines =
            pay(payment_, ctx.period, bases, "listed beyond " + threshold);
        for (LedgerLine& line : lines) {
            const std::int64_t listed = listing.unit(line.unit).listed();
            line.explanation = line.basis.to_short_string() + " of " + std::to_string(listed) +
                               " listed live more than " + threshold + " from the hospital; " +
                               payment_.describe();
        }
        return lines;
    }

  private:
    Payment payment_;
    Decimal threshold_km_;
};

}  // namespace

ComponentType distance_type() {
    ComponentType t;
    t.name = "sparsity.distance";
    t.summary =
        "sparsity supplement (glesbygdsersättning) per listed person living beyond a distance from "
        "the "
        "hospital";
    std::vector<ParamSpec> fields{
        param::number("threshold_km")
            .require()
            .at_least(0)
            .describe("persons living strictly farther than this are counted; 0.1 km "
                      "resolution")};
    for (ParamSpec& f :
         Payment::params(kPriceKey, "amount per listed person beyond the threshold per year"))
        fields.push_back(std::move(f));
    t.params = param::object("params", std::move(fields));
    Payment::require_one(t.params, kPriceKey);
    t.reads = {"listing"};
    t.check = [](const Params& p, std::vector<Issue>& issues) {
        if (p.number("threshold_km").raw() % (Decimal::kScale / 10) != 0)
            issues.push_back(
                p.issue("threshold_km", "distances are kept to 0.1 km: give at most one decimal"));
    };
    t.create = [](const Params& p) { return std::make_unique<Distance>(p); };
    return t;
}

void register_types(Registrar& registrar) {
    registrar.add(distance_type());
}

}  // namespace vardval::sparsity
