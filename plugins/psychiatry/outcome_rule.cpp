#include "outcome_rule.hpp"

namespace vardval::psychiatry {

OutcomeRule::OutcomeRule(const Params& p)
    : improved_at_least_(p.integer("improved_at_least")),
      worse_at_least_(p.integer("worse_at_least")),
      bonus_share_(p.number("bonus_share")),
      deduction_share_(p.number("deduction_share")),
      unscored_deducted_(p.text("unscored") == "deduction") {}

std::vector<ParamSpec> OutcomeRule::params() {
    return {param::integer("improved_at_least")
                .require()
                .at_least(1)
                .describe("an episode whose score change (last minus first patient-reported "
                          "score, higher is better) is at least this many points is improved, "
                          "e.g. 5"),
            param::integer("worse_at_least")
                .require()
                .at_least(1)
                .describe("an episode whose score fell by at least this many points (score "
                          "change ≤ −worse_at_least) is worse, e.g. 5; between the two it is "
                          "unchanged"),
            param::number("bonus_share")
                .require()
                .at_least(0)
                .describe("bonus on an improved episode's weight, e.g. 0.2: it counts 1.2 × "
                          "its weight"),
            param::number("deduction_share")
                .require()
                .at_least(0)
                .at_most(1)
                .describe("deduction on a worse episode's weight, e.g. 0.1: it counts 0.9 × "
                          "its weight"),
            param::choice("unscored", {"base", "deduction"})
                .defaults_to("base")
                .describe("an episode without a score change: base (1 × its weight, as "
                          "unchanged) or deduction (as worse)")};
}

Outcome OutcomeRule::classify(const EpisodeCount& e) const {
    if (!e.score_change)
        return Outcome::unscored;
    if (*e.score_change >= improved_at_least_)
        return Outcome::improved;
    if (*e.score_change <= -worse_at_least_)
        return Outcome::worse;
    return Outcome::unchanged;
}

Decimal OutcomeRule::factor(Outcome outcome) const {
    const Decimal one = Decimal::from_int(1);
    switch (outcome) {
        case Outcome::improved:
            return one + bonus_share_;
        case Outcome::worse:
            return one - deduction_share_;
        case Outcome::unscored:
            return unscored_deducted_ ? one - deduction_share_ : one;
        case Outcome::unchanged:
            break;
    }
    return one;
}

std::string OutcomeRule::describe(Outcome outcome) const {
    const std::string times = "weight × " + factor(outcome).to_short_string();
    switch (outcome) {
        case Outcome::improved:
            return "improved (score change +" + std::to_string(improved_at_least_) + " or more, " +
                   times + ")";
        case Outcome::worse:
            return "worse (score change −" + std::to_string(worse_at_least_) + " or less, " +
                   times + ")";
        case Outcome::unscored:
            return std::string("without a score change (") +
                   (unscored_deducted_ ? "deducted as worse" : "base") + ", " + times + ")";
        case Outcome::unchanged:
            break;
    }
    return "unchanged (" + times + ")";
}

const char* to_string(Outcome outcome) {
    switch (outcome) {
        case Outcome::improved:
            return "improved";
        case Outcome::worse:
            return "worse";
        case Outcome::unscored:
            return "unscored";
        case Outcome::unchanged:
            break;
    }
    return "unchanged";
}

}  // namespace vardval::psychiatry
