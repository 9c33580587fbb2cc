#include <stdexcept>

#include "goals.hpp"
#include "vardval/payment.hpp"

namespace vardval::goal {
namespace {

constexpr const char* kPriceKey = "amount_per_unit_year";

class Approved : public Component {
  public:
    explicit Approved(const Params& p)
        : payment_(Payment::read(p, kPriceKey)), measure_(p.text("measure")) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const UnitValues& values = ctx.data.unit_values(ctx.period);
        const ListingAggregate& listing = ctx.data.listing(ctx.period);
        const bool per_unit = payment_.mode == Payment::Mode::price;
        std::vector<UnitBasis> bases;
        for (const Unit& unit : ctx.region.units) {
            const auto v = values.value(unit.id, measure_);
            const bool approved = v && *v == Decimal::from_int(1);
            const std::int64_t n = approved ? (per_unit ? 1 : listed_at(listing, unit.id)) : 0;
            bases.push_back({unit.id, Decimal::from_int(n)});
        }
        std::vector<LedgerLine> lines = pay(
            payment_, ctx.period, bases, per_unit ? "approved unit" : "listed at approved units");
        for (LedgerLine& line : lines) {
            const auto v = values.value(line.unit, measure_);
            line.explanation = (v && *v == Decimal::from_int(1) ? measure_ + " approved; "
                                                                : measure_ + " not approved; ") +
                               payment_.describe();
        }
        return lines;
    }

  private:
    Payment payment_;
    std::string measure_;
};

}  // namespace

std::int64_t listed_at(const ListingAggregate& listing, const std::string& unit) {
    auto it = listing.units.find(unit);
    return it == listing.units.end() ? 0 : it->second.listed();
}

ComponentType approved_type() {
    ComponentType t;
    t.name = "goal.approved";
    t.summary =
        "goal-related pay for an approved plan: a fixed amount per approved unit, or a pot shared "
        "per listed among approved units";
    std::vector<ParamSpec> fields{param::text("measure").require().describe(
        "unit value that is 1 when the plan is approved")};
    for (ParamSpec& f : Payment::params(kPriceKey, "amount per approved unit per year"))
        fields.push_back(std::move(f));
    t.params = param::object("params", std::move(fields));
    Payment::require_one(t.params, kPriceKey);
    t.reads = {"unit-values", "listing"};
    t.create = [](const Params& p) { return std::make_unique<Approved>(p); };
    return t;
}

void register_types(Registrar& registrar) {
    registrar.add(approved_type());
    registrar.add(ranked_type());
}

}  // namespace vardval::goal
