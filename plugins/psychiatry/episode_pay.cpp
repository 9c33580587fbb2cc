#include "episode_pay.hpp"

#include <map>
#include <tuple>

#include "common.hpp"

namespace vardval::psychiatry {
namespace {

// One unit's counted episodes, grouped by class, diagnosis group and outcome for the trace.
class UnitEpisodes {
  public:
    using Key = std::tuple<std::string, std::string, Outcome>;  // class, diagnosis group, outcome

    void add(const Key& key, const std::optional<WeightTable::Match>& weight, Decimal factor,
             std::int64_t episodes) {
        if (!weight) {
            unpaid_[std::get<0>(key) + "/" + std::get<1>(key)] += episodes;
            return;
        }
        Group& g = groups_[key];
        g.match = *weight;
        g.factor = factor;
        g.episodes += episodes;
    }

    Decimal basis() const {
        Decimal b;
        for (const auto& [key, g] : groups_)
            b += (g.match.weight * g.factor).times(g.episodes);
        return b;
    }

    std::int64_t paid(const std::string& episode_class) const {
        std::int64_t n = 0;
        for (const auto& [key, g] : groups_)
            if (std::get<0>(key) == episode_class)
                n += g.episodes;
        return n;
    }

    std::int64_t paid(Outcome outcome) const {
        std::int64_t n = 0;
        for (const auto& [key, g] : groups_)
            if (std::get<2>(key) == outcome)
                n += g.episodes;
        return n;
    }

    std::int64_t unpaid() const {
        std::int64_t n = 0;
        for (const auto& [key, episodes] : unpaid_)
            n += episodes;
        return n;
    }

    std::string unpaid_list() const {
        std::vector<std::string> parts;
        for (const auto& [key, episodes] : unpaid_)
            parts.push_back(key + " " + num(Decimal::from_int(episodes)));
        return join(parts);
    }

    std::vector<std::string> trace(bool with_outcome) const {
        std::vector<std::string> lines;
        for (const auto& [key, g] : groups_) {
            const auto& [cls, group, outcome] = key;
            std::string s = cls + "/" + group + ": " + count(g.episodes, "episode", "episodes");
            if (with_outcome)
                s += " " + std::string(to_string(outcome));
            s += " × weight " + g.match.weight.to_short_string() + " (" + g.match.key + ")";
            if (with_outcome)
                s += " × " + g.factor.to_short_string();
            lines.push_back(s + " = " + num((g.match.weight * g.factor).times(g.episodes)));
        }
        for (const auto& [key, episodes] : unpaid_)
            lines.push_back("not paid: " + key + ": " + count(episodes, "episode", "episodes") +
                            " (no weight matches)");
        return lines;
    }

  private:
    struct Group {
        WeightTable::Match match;
        Decimal factor;
        std::int64_t episodes = 0;
    };
    std::map<Key, Group> groups_;
    std::map<std::string, std::int64_t> unpaid_;  // "class/diagnosis group" → episodes
};

}  // namespace

EpisodePay::EpisodePay(CountedPayment payment, EpisodeRule rule, std::optional<OutcomeRule> outcome)
    : payment_(std::move(payment)), rule_(std::move(rule)), outcome_(std::move(outcome)) {}

std::vector<LedgerLine> EpisodePay::compute(const RunContext& ctx) const {
    const PsychiatryAggregate& data = ctx.data.psychiatry(ctx.period);
    std::map<std::string, UnitEpisodes> units;
    for (const Unit& unit : ctx.region.units)
        units[unit.id];
    for (const EpisodeCount& e : data.episodes) {
        auto it = units.find(e.unit);
        if (it == units.end() || !rule_.counted_in(e, ctx.period))
            continue;  // another model's unit, or another month's episode
        const Outcome outcome = outcome_ ? outcome_->classify(e) : Outcome::unchanged;
        it->second.add({rule_.episode_class(e), e.diagnosis_group, outcome}, rule_.weight(e),
                       outcome_ ? outcome_->factor(outcome) : Decimal::from_int(1), e.episodes);
    }

    const std::string month = ctx.period.to_string();
    const std::string counted_in =
        " counted in " + month + ", " + rule_.counting(data.episode_gap_days);
    const std::string classes =
        "multi: " + std::to_string(rule_.multi_visit_from()) + " or more contacts";
    std::vector<UnitCount> counts;
    for (const Unit& unit : ctx.region.units) {
        const UnitEpisodes& u = units.at(unit.id);
        UnitCount c{unit.id, u.basis(), "", {}};
        const std::int64_t single = u.paid("single");
        const std::int64_t multi = u.paid("multi");
        if (single + multi + u.unpaid() == 0) {
            c.what = "no episodes of care" + counted_in;
        } else {
            c.what = count(single + multi + u.unpaid(), "episode", "episodes") + " of care" +
                     counted_in + ": " + num(Decimal::from_int(single)) + " single and " +
                     num(Decimal::from_int(multi)) + " multi (" + classes + ")";
            if (u.unpaid() > 0)
                c.what += " paid and " + count(u.unpaid(), "episode", "episodes") +
                          " not paid, as no weight matches (" + u.unpaid_list() + ")";
            if (outcome_) {
                std::vector<std::string> outcomes;
                for (Outcome o : kOutcomes)
                    if (const std::int64_t n = u.paid(o); n > 0)
                        outcomes.push_back(num(Decimal::from_int(n)) + " " + outcome_->describe(o));
                if (!outcomes.empty())
                    c.what += "; outcome: " + join(outcomes);
            }
            c.what += outcome_ ? "; weighted by class, diagnosis group and outcome"
                               : "; weighted by class and diagnosis group";
        }
        c.trace.push_back("episodes from " + data.ref.to_string() + " (episode gap " +
                          count(data.episode_gap_days, "day", "days") + "), counted at " +
                          (rule_.count_at() == CountAt::open ? "open" : "close") + " in " + month);
        for (std::string& line : u.trace(outcome_.has_value()))
            c.trace.push_back(std::move(line));
        counts.push_back(std::move(c));
    }
    return pay_counts(payment_, ctx.period, counts,
                      outcome_ ? "outcome-weighted episodes" : "weighted episodes");
}

}  // namespace vardval::psychiatry
