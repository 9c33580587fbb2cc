#include <algorithm>
#include <map>
#include <optional>

#include "goals.hpp"

namespace vardval::goal {
namespace {

struct AgeRange {
    int from = 0;
    int to = 0;  // inclusive
    bool contains(int age) const { return from <= age && age <= to; }
    std::string label() const { return std::to_string(from) + "-" + std::to_string(to); }
};

// One event kind at one unit this month.
struct Tally {
    std::int64_t registered = 0;
    std::int64_t outside_ages = 0;
    std::int64_t over_limit = 0;
    std::int64_t paid = 0;
};

class PerEvent : public Component {
  public:
    explicit PerEvent(const Params& p)
        : prices_(p.money_map("prices")), if_missing_(read_missing_value(p)) {
        if (p.has("ages")) {
            const Params ages = p.object("ages");
            ages_ = AgeRange{static_cast<int>(ages.integer("from")),
                             static_cast<int>(ages.integer("to"))};
        }
        if (p.has("limit_per_person"))
            limit_ = p.integer("limit_per_person");
        if (p.has("budget_cap_year"))
            cap_year_ = amount_ore(Decimal::from_int(1), p.money_ore("budget_cap_year"));
    }

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const EventAggregate& events = ctx.data.events(ctx.period);
        for (const auto& [event, price] : prices_)
            events.require_event(event, if_missing_, "goal.per_event");
        const auto tallies = tally(events);
        std::vector<LedgerLine> lines;
        for (const Unit& unit : ctx.region.units) {
            auto it = tallies.find(unit.id);
            lines.push_back(
                line_for(unit.id, it == tallies.end() ? Tallies{} : it->second, events.ref));
        }
        if (cap_year_)
            apply_cap(lines, ctx.period);
        return lines;
    }

  private:
    using Tallies = std::map<std::string, Tally>;  // event → tally

    // unit → event → tally, for the priced events only: the same dataset holds the events
    // other components pay.
    std::map<std::string, Tallies> tally(const EventAggregate& events) const {
        std::map<std::string, Tallies> tallies;
        for (const EventCount& c : events.counts) {
            if (!prices_.count(c.event))
                continue;
            Tally& t = tallies[c.unit][c.event];
            const std::int64_t registered = c.persons * c.per_person;
            t.registered += registered;
            if (ages_ && !ages_->contains(c.age)) {
                t.outside_ages += registered;
                continue;
            }
            // The histogram says how many events each person had, so the limit is exact.
            const std::int64_t paid =
                c.persons * std::min(c.per_person, limit_.value_or(c.per_person));
            t.over_limit += registered - paid;
            t.paid += paid;
        }
        return tallies;
    }

    // Paid events × their mean price, rounded once. With one price (the usual case) the rate
    // is that price. With several (digital CBT) the mean is rounded to 10⁻⁶ öre, which moves
    // the product by less than half an öre for fewer than a million events, so with prices
    // in whole öre the amount is exactly the sum of events × their prices.
    LedgerLine line_for(const std::string& unit, const Tallies& tallies,
                        const DatasetRef& ref) const {
        std::int64_t paid = 0;
        Decimal value;
        std::vector<std::string> paid_kinds;
        std::vector<std::string> unpaid;
        LedgerLine line;
        line.unit = unit;
        line.basis_unit = "paid events";
        line.rounding = Rounding::per_line;
        line.trace.push_back("events from " + ref.to_string());
        for (const auto& [event, t] : tallies) {
            const Decimal price = prices_.at(event);
            paid += t.paid;
            value += price.times(t.paid);
            if (t.paid > 0)
                paid_kinds.push_back(std::to_string(t.paid) + " " + event + " × " +
                                     format_ore_kr(price));
            if (t.outside_ages > 0)
                unpaid.push_back(std::to_string(t.outside_ages) + " " + event + " outside ages " +
                                 ages_->label());
            if (t.over_limit > 0)
                unpaid.push_back(std::to_string(t.over_limit) + " " + event +
                                 " over the limit of " + std::to_string(*limit_) +
                                 " per person a month");
            std::string trace = event + ": " + std::to_string(t.registered) + " registered";
            if (ages_)
                trace += ", " + std::to_string(t.outside_ages) + " outside ages " + ages_->label();
            if (limit_)
                trace += ", " + std::to_string(t.over_limit) + " over the limit of " +
                         std::to_string(*limit_) + " per person";
            line.trace.push_back(trace + "; " + std::to_string(t.paid) + " paid × " +
                                 format_ore_kr(price) + " = " + format_ore_kr(price.times(t.paid)));
        }
        line.basis = Decimal::from_int(paid);
        // The average price per paid event, exact, so basis × rate is the value.
        line.set_rate(paid > 0 ? Rational(value) / Rational::from_int(paid) : Rational());
        line.amount_ore = amount_ore(line.basis, line.exact_rate());
        line.explanation = paid_kinds.empty()
                               ? "no paid events at the unit this month"
                               : join(paid_kinds, " + ") + " = " +
                                     format_ore_kr(Decimal::from_int(line.amount_ore));
        if (!unpaid.empty())
            line.explanation += "; not paid: " + join(unpaid);
        return line;
    }

    // The annual cap applies as this month's share of it (the twelve shares sum to the cap).
    // When the region's total this month exceeds it, every unit's amount is scaled by
    // cap / total: the capped month is split over the units by largest remainder in
    // proportion to their uncapped amounts, so the lines sum to the cap exactly.
    void apply_cap(std::vector<LedgerLine>& lines, Period period) const {
        const Ore cap = monthly_share(*cap_year_, period.month);
        Ore total = 0;
        std::vector<Rational> weights;
        for (const LedgerLine& line : lines) {
            total += line.amount_ore;
            weights.push_back(Rational::from_int(line.amount_ore));
        }
        const std::string against = "region total this month " +
                                    format_ore_kr(Decimal::from_int(total)) + " against the cap " +
                                    format_ore_kr(Decimal::from_int(*cap_year_)) +
                                    " / 12 = " + format_ore_kr(Decimal::from_int(cap));
        if (total <= cap) {
            for (LedgerLine& line : lines)
                line.trace.push_back(against + ": within it, paid as registered");
            return;
        }
        const Decimal factor = Decimal::from_ratio(cap, total);
        split_pot(lines, cap, weights);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            LedgerLine& line = lines[i];
            line.set_rate(line.exact_rate() * Rational::of(cap, total));
            if (!weights[i].is_zero())
                line.explanation +=
                    ", scaled by " + format_decimal(factor, 6) +
                    " to this month's cap: " + format_ore_kr(Decimal::from_int(line.amount_ore));
            line.trace.push_back(against + ": every unit scaled by cap / total = " +
                                 format_decimal(factor, 6) + ", split by largest remainder");
        }
    }

    std::map<std::string, Decimal> prices_;  // event → öre per event
    IfMissing if_missing_;
    std::optional<AgeRange> ages_;
    std::optional<std::int64_t> limit_;
    std::optional<Ore> cap_year_;
};

void check(const Params& p, std::vector<Issue>& issues) {
    if (p.money_map("prices").empty())
        issues.push_back(p.issue("prices", "prices needs at least one event, e.g. {sip: 1000}"));
    if (p.has("ages")) {
        const Params ages = p.object("ages");
        if (ages.integer("to") < ages.integer("from"))
            issues.push_back(ages.issue("to", "to must be at least from"));
    }
}

}  // namespace

ComponentType per_event_type() {
    ComponentType t;
    t.name = "goal.per_event";
    t.summary =
        "goal-related pay per registered event (health talk, AV003 examination, memory "
        "investigation, SIP, digital CBT): a price per event kind, optionally only for an age "
        "range, at most N per person a month, and within an annual cap scaled pro rata";
    t.params = param::object(
        "params",
        {param::map("prices", param::money("price").at_least(0))
             .require()
             .naming(Vocabulary::event)
             .describe("kr per event by event code, e.g. {health_talk_50: 1000}"),
         param::object("ages",
                       {param::integer("from").require().at_least(0).at_most(kMaxAge).describe(
                            "youngest age paid"),
                        param::integer("to").require().at_least(0).at_most(kMaxAge).describe(
                            "oldest age paid")})
             .describe("pay only for persons whose age reached in the event's year is in the "
                       "range, e.g. {from: 50, to: 52} for the year of turning 50 and the two "
                       "following"),
         param::integer("limit_per_person")
             .at_least(1)
             .describe("events of a kind paid per person and unit a month, e.g. 1 for SIP "
                       "(samordnad individuell plan, coordinated individual plan)"),
         param::money("budget_cap_year")
             .at_least(0)
             .describe("annual cap, applied as 1/12 a month: when the region's month total "
                       "exceeds it, every unit is scaled down pro rata to it"),
         missing_value_param()});
    t.reads = {"events"};
    t.check = check;
    t.create = [](const Params& p) { return std::make_unique<PerEvent>(p); };
    return t;
}

}  // namespace vardval::goal
