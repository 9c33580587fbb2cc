#include <map>

#include "common.hpp"
#include "psychiatry.hpp"

namespace vardval::psychiatry {
namespace {

constexpr const char* kPriceKey = "price_per_completion";

class Completion : public Component {
  public:
    explicit Completion(const Params& p)
        : payment_(read_counted_payment(p, kPriceKey)),
          weights_(p.numbers("weights")),
          if_missing_(read_missing_value(p)) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const EventAggregate& events = ctx.data.events(ctx.period);
        for (const auto& [event, weight] : weights_)
            events.require_event(event, if_missing_, "psychiatry.completion");
        // unit → event → completions; only the weighted events: the same dataset holds
        // events other components pay.
        std::map<std::string, std::map<std::string, std::int64_t>> completed;
        for (const Unit& unit : ctx.region.units)
            completed[unit.id];
        for (const EventCount& e : events.counts) {
            auto it = completed.find(e.unit);
            if (it != completed.end() && weights_.count(e.event))
                it->second[e.event] += e.persons * e.per_person;
        }

        const std::string month = ctx.period.to_string();
        std::vector<UnitCount> counts;
        for (const Unit& unit : ctx.region.units) {
            UnitCount c{
                unit.id, Decimal(), "", {"events in " + month + " from " + events.ref.to_string()}};
            std::vector<std::string> parts;
            for (const auto& [event, n] : completed.at(unit.id)) {
                const Decimal weight = weights_.at(event);
                c.basis += weight.times(n);
                parts.push_back(num(Decimal::from_int(n)) + " " + event + " × " +
                                weight.to_short_string());
                c.trace.push_back(event + ": " + count(n, "completion", "completions") +
                                  " × weight " + weight.to_short_string() + " = " +
                                  num(weight.times(n)));
            }
            c.what = parts.empty() ? "no completed " + names() + " at the unit in " + month
                                   : "completed in " + month + ": " + join(parts, " + ");
            counts.push_back(std::move(c));
        }
        return pay_counts(payment_, ctx.period, counts, "weighted completions");
    }

  private:
    std::string names() const {
        std::vector<std::string> events;
        for (const auto& [event, weight] : weights_)
            events.push_back(event);
        return join(events, " or ");
    }

    CountedPayment payment_;
    std::map<std::string, Decimal> weights_;  // event → weight
    IfMissing if_missing_;
};

void check(const Params& p, std::vector<Issue>& issues) {
    if (p.numbers("weights").empty())
        issues.push_back(p.issue("weights",
                                 "weights needs at least one event, e.g. {assessment_completed: "
                                 "1, rehabilitation_completed: 2}"));
}

}  // namespace

ComponentType completion_type() {
    ComponentType t;
    t.name = "psychiatry.completion";
    t.summary =
        "fast ersättning per avslutad bedömning eller rehabilitering (a fixed amount per "
        "completed assessment or rehabilitation), from events weighted by kind; per "
        "completion, a pot or a price derived from one";
    t.params = param::object(
        "params", {param::map("weights", param::number("weight").at_least(0))
                       .require()
                       .naming(Vocabulary::event)
                       .describe("weight per completion by event name; other events are not "
                                 "counted, e.g. {assessment_completed: 1, "
                                 "rehabilitation_completed: 2}"),
                   missing_value_param()});
    Payment::add_params(t.params, kPriceKey, "kr per weighted completion");
    t.reads = {"events"};
    t.check = check;
    t.create = [](const Params& p) { return std::make_unique<Completion>(p); };
    return t;
}

}  // namespace vardval::psychiatry
