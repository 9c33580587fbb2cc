#include <algorithm>

#include "goals.hpp"
#include "vardval/missing_value.hpp"
#include "vardval/payment.hpp"

namespace vardval::goal {
namespace {

class Ranked : public Component {
  public:
    explicit Ranked(const Params& p)
        : payment_(Payment::budget(p)),
          measure_(p.text("measure")),
          top_(p.integer("top")),
          higher_is_better_(p.boolean("higher_is_better")),
          if_missing_(read_missing_value(p)) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const UnitValues& values = ctx.data.unit_values(ctx.period);
        const ListingAggregate& listing = ctx.data.listing(ctx.period);
        std::vector<Decimal> ranked;  // every unit's value (a missing one refused, or 0)
        for (const Unit& unit : ctx.region.units)
            ranked.push_back(values.value_at(unit.id, measure_, if_missing_, "goal.ranked"));
        std::sort(ranked.begin(), ranked.end());
        if (higher_is_better_)
            std::reverse(ranked.begin(), ranked.end());
        // The N-th best value; every unit at least as good is paid (ties included).
        const bool any = !ranked.empty();
        const Decimal cut =
            any ? ranked[std::min<std::size_t>(top_, ranked.size()) - 1] : Decimal();
        auto qualifies = [&](const std::string& unit) {
            const Decimal v = values.value_at(unit, measure_, if_missing_, "goal.ranked");
            return any && (higher_is_better_ ? v >= cut : v <= cut);
        };
        std::vector<UnitBasis> bases;
        for (const Unit& unit : ctx.region.units)
            bases.push_back(
                {unit.id,
                 Decimal::from_int(qualifies(unit.id) ? listing.unit(unit.id).listed() : 0)});
        std::vector<LedgerLine> lines =
            pay(payment_, ctx.period, bases, "listed at the best units");
        for (LedgerLine& line : lines) {
            const auto v = values.value(line.unit, measure_);
            line.explanation =
                (v ? measure_ + " " + v->to_short_string()
                   : "no " + measure_ + " reported, taken as 0 (missing_value: zero)") +
                (qualifies(line.unit) ? "; among the " : "; not among the ") +
                std::to_string(top_) + " best (cut-off " + cut.to_short_string() + "); " +
                payment_.describe();
        }
        return lines;
    }

  private:
    Payment payment_;
    std::string measure_;
    std::int64_t top_;
    bool higher_is_better_;
    IfMissing if_missing_;
};

}  // namespace

ComponentType ranked_type() {
    ComponentType t;
    t.name = "goal.ranked";
    t.summary =
        "goal-related pot shared by the N best units on an indicator, in proportion to their "
        "listed "
        "(ties with the N-th are included)";
    std::vector<ParamSpec> fields{
        param::text("measure")
            .require()
            .naming(Vocabulary::measure)
            .describe("unit value ranked, e.g. continuity_doctor"),
        missing_value_param(),
        param::integer("top").require().at_least(1).describe(
            "how many units are paid (more on a tie)"),
        param::boolean("higher_is_better")
            .defaults_to("true")
            .describe("false when a lower value is better")};
    for (ParamSpec& f : Payment::pot_params(true, "annual pot shared by the best units"))
        fields.push_back(std::move(f));
    t.params = param::object("params", std::move(fields));
    t.reads = {"unit-values", "listing"};
    t.create = [](const Params& p) { return std::make_unique<Ranked>(p); };
    return t;
}

}  // namespace vardval::goal
