#include <optional>

#include "goals.hpp"
#include "vardval/missing_value.hpp"

namespace vardval::goal {
namespace {

constexpr const char* kPriceKey = "amount_per_unit_year";

// A unit qualifies when its indicator reaches a level (named regular doctor > 55 %), or
// when it improved on a reference value by a share (continuity +20 %).
class Threshold : public Component {
  public:
    explicit Threshold(const Params& p)
        : payment_(Payment::read(p, kPriceKey)),
          per_listed_(pot_shared_per_listed(p)),
          measure_(p.text("measure")),
          level_(p.has("at_least")    ? std::optional<Decimal>(p.number("at_least"))
                 : p.has("more_than") ? std::optional<Decimal>(p.number("more_than"))
                                      : std::nullopt),
          strict_(p.has("more_than")),
          reference_(p.has("improvement_over") ? p.text("improvement_over") : ""),
          min_improvement_(p.number("min_improvement")),
          if_missing_(read_missing_value(p)) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const UnitValues& values = ctx.data.unit_values(ctx.period);
        auto value = [&](const std::string& unit, const std::string& measure) {
            return values.value_at(unit, measure, if_missing_, "goal.threshold");
        };
        auto qualifies = [&](const std::string& unit) {
            const Decimal v = value(unit, measure_);
            if (level_)
                return strict_ ? v > *level_ : v >= *level_;
            const Decimal before = value(unit, reference_);
            // v ≥ before × (1 + min_improvement), and there must be something to improve on.
            return before.raw() > 0 && v >= before * (Decimal::from_int(1) + min_improvement_);
        };
        return pay_qualifying(payment_, per_listed_, ctx, qualifies, [&](const std::string& unit) {
            const auto v = values.value(unit, measure_);
            std::string s = v ? measure_ + " " + v->to_short_string()
                              : "no " + measure_ + " reported, taken as 0 (missing_value: zero)";
            if (level_)
                return s + (qualifies(unit) ? " is " : " is not ") +
                       (strict_ ? "above " : "at least ") + level_->to_short_string();
            const auto before = values.value(unit, reference_);
            return s + " against " + reference_ + " " +
                   (before ? before->to_short_string() : "(none)") +
                   (qualifies(unit) ? ": improved by at least " : ": not improved by ") +
                   min_improvement_.times(100).to_short_string() + " %";
        });
    }

  private:
    Payment payment_;
    bool per_listed_;
    std::string measure_;
    std::optional<Decimal> level_;
    bool strict_;
    std::string reference_;
    Decimal min_improvement_;
    IfMissing if_missing_;
};

}  // namespace

ComponentType threshold_type() {
    ComponentType t;
    t.name = "goal.threshold";
    t.summary =
        "goal-related pay for units whose indicator reaches a level or improves by a share: a "
        "fixed "
        "amount each, or a pot shared per listed";
    std::vector<ParamSpec> fields{
        param::text("measure")
            .require()
            .naming(Vocabulary::measure)
            .describe("unit value tested, e.g. named_doctor_share"),
        param::number("at_least").describe("level the value must reach, e.g. 0.55"),
        param::number("more_than").describe("level the value must exceed, e.g. 0.55 for > 55 %"),
        param::text("improvement_over")
            .naming(Vocabulary::measure)
            .describe("unit value to improve on, e.g. continuity_doctor_2021"),
        param::number("min_improvement")
            .at_least(0)
            .defaults_to("0")
            .describe("relative improvement required over improvement_over, e.g. 0.20 for +20 %"),
        pot_shared_param(),
        missing_value_param()};
    for (ParamSpec& f : Payment::params(kPriceKey, "amount per qualifying unit per year"))
        fields.push_back(std::move(f));
    t.params = param::object("params", std::move(fields));
    t.params.one_of({"at_least", "more_than", "improvement_over"});
    Payment::require_one(t.params, kPriceKey);
    t.reads = {"unit-values", "listing"};
    t.create = [](const Params& p) { return std::make_unique<Threshold>(p); };
    return t;
}

}  // namespace vardval::goal
