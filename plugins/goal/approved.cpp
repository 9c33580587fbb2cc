#include "goals.hpp"
#include "vardval/missing_value.hpp"

namespace vardval::goal {
namespace {

constexpr const char* kPriceKey = "amount_per_unit_year";

class Approved : public Component {
  public:
    explicit Approved(const Params& p)
        : payment_(Payment::read(p, kPriceKey)),
          per_listed_(pot_shared_per_listed(p)),
          measure_(p.text("measure")),
          if_missing_(read_missing_value(p)) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const UnitValues& values = ctx.data.unit_values(ctx.period);
        auto approved = [&](const std::string& unit) {
            return values.value_at(unit, measure_, if_missing_, "goal.approved") ==
                   Decimal::from_int(1);
        };
        return pay_qualifying(payment_, per_listed_, ctx, approved, [&](const std::string& unit) {
            return measure_ + (approved(unit) ? " approved" : " not approved");
        });
    }

  private:
    Payment payment_;
    bool per_listed_;
    std::string measure_;
    IfMissing if_missing_;
};

}  // namespace

ParamSpec pot_shared_param() {
    return param::choice("pot_shared", {"per_listed", "per_unit"})
        .defaults_to("per_listed")
        .describe(
            "budget_year only: share the pot per listed at qualifying units, or equally "
            "per qualifying unit (payees without a listing, e.g. psychiatric clinics)");
}

bool pot_shared_per_listed(const Params& params) {
    return params.text("pot_shared") == "per_listed";
}

std::vector<LedgerLine> pay_qualifying(const Payment& payment, bool pot_per_listed,
                                       const RunContext& ctx,
                                       const std::function<bool(const std::string&)>& qualifies,
                                       const std::function<std::string(const std::string&)>& why) {
    const ListingAggregate& listing = ctx.data.listing(ctx.period);
    const bool per_unit = payment.mode == Payment::Mode::price || !pot_per_listed;
    std::vector<UnitBasis> bases;
    for (const Unit& unit : ctx.region.units) {
        const std::int64_t n =
            qualifies(unit.id) ? (per_unit ? 1 : listing.unit(unit.id).listed()) : 0;
        bases.push_back({unit.id, Decimal::from_int(n)});
    }
    // A fixed amount a year per unit is paid so the twelve months sum to it exactly.
    Payment paid = payment;
    paid.fixed_annual = payment.mode == Payment::Mode::price;
    std::vector<LedgerLine> lines =
        pay(paid, ctx.period, bases, per_unit ? "qualifying unit" : "listed at qualifying units");
    for (LedgerLine& line : lines)
        line.explanation = why(line.unit) + "; " + payment.describe();
    return lines;
}

ComponentType approved_type() {
    ComponentType t;
    t.name = "goal.approved";
    t.summary =
        "goal-related pay for an approved plan: a fixed amount per approved unit, or a pot shared "
        "per listed (or equally) among approved units";
    std::vector<ParamSpec> fields{param::text("measure")
                                      .require()
                                      .naming(Vocabulary::measure)
                                      .describe("unit value that is 1 when the plan is approved"),
                                  pot_shared_param(), missing_value_param()};
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
    registrar.add(threshold_type());
    registrar.add(per_event_type());
}

}  // namespace vardval::goal
