#include "per_event.hpp"

#include <algorithm>
#include <map>

#include "vardval/missing_value.hpp"
#include "vardval/payment.hpp"

namespace vardval::cost {
namespace {

class PerEvent : public Component {
  public:
    explicit PerEvent(const Params& p)
        : events_(p.texts("events")),
          cost_ore_(p.money_ore("cost_per_event")),
          if_missing_(read_missing_value(p)) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const EventAggregate& events = ctx.data.events(ctx.period);
        for (const std::string& event : events_)
            events.require_event(event, if_missing_, "cost.per_event");
        std::map<std::string, std::int64_t> counted;  // unit → events
        for (const EventCount& c : events.counts)
            if (std::find(events_.begin(), events_.end(), c.event) != events_.end())
                counted[c.unit] += c.persons * c.per_person;
        std::vector<LedgerLine> lines;
        for (const Unit& unit : ctx.region.units) {
            const std::int64_t n = counted[unit.id];
            LedgerLine line;
            line.unit = unit.id;
            line.basis = Decimal::from_int(n);
            line.basis_unit = "events";
            line.rate_ore = Decimal() - cost_ore_;
            line.amount_ore = amount_ore(line.basis, line.rate_ore);
            line.rounding = Rounding::per_line;
            line.explanation = "the unit bears " + format_ore_kr(cost_ore_) + " for each of " +
                               std::to_string(n) + " events (" + join(events_) + ") in " +
                               events.ref.period;
            lines.push_back(std::move(line));
        }
        return lines;
    }

  private:
    static std::string join(const std::vector<std::string>& texts) {
        std::string s;
        for (const std::string& t : texts)
            s += (s.empty() ? "" : ", ") + t;
        return s;
    }

    std::vector<std::string> events_;
    Decimal cost_ore_;
    IfMissing if_missing_;
};

}  // namespace

ComponentType per_event_type() {
    ComponentType t;
    t.name = "cost.per_event";
    t.summary =
        "cost responsibility per registered event: the unit bears a fixed cost for each, e.g. a "
        "licence per started programme, as negative lines";
    t.params = param::object(
        "params",
        {param::list("events", param::text("event").naming(Vocabulary::event))
             .require()
             .describe("event kinds counted, e.g. [dcbt_started_depression, dcbt_started_pain]"),
         param::money("cost_per_event")
             .require()
             .at_least(0)
             .describe("kr the unit bears per event, e.g. 590"),
         missing_value_param()});
    t.reads = {"events"};
    t.check = [](const Params& p, std::vector<Issue>& issues) {
        if (p.texts("events").empty())
            issues.push_back(p.issue("events", "no event is counted: list at least one"));
    };
    t.create = [](const Params& p) { return std::make_unique<PerEvent>(p); };
    return t;
}

}  // namespace vardval::cost
