#pragma once
// psychiatry.value_based's outcome rule: an episode's patient-reported score change (last
// minus first score, higher is better) makes it improved, unchanged or worse; an episode
// without a score change is unscored. Each outcome multiplies the episode's weight: improved
// by 1 + bonus_share, unchanged by 1, worse by 1 − deduction_share, unscored by 1 or, when
// `unscored: deduction`, as worse.
#include <string>
#include <vector>

#include "vardval/plugin_api.hpp"

namespace vardval::psychiatry {

enum class Outcome { improved, unchanged, worse, unscored };
inline constexpr Outcome kOutcomes[] = {Outcome::improved, Outcome::unchanged, Outcome::worse,
                                        Outcome::unscored};

class OutcomeRule {
  public:
    explicit OutcomeRule(const Params& p);

    // improved_at_least, worse_at_least, bonus_share, deduction_share, unscored.
    static std::vector<ParamSpec> params();

    Outcome classify(const EpisodeCount& e) const;
    Decimal factor(Outcome outcome) const;
    // "improved (score change +5 or more, weight × 1.2)".
    std::string describe(Outcome outcome) const;

  private:
    std::int64_t improved_at_least_;
    std::int64_t worse_at_least_;
    Decimal bonus_share_;
    Decimal deduction_share_;
    bool unscored_deducted_;
};

const char* to_string(Outcome outcome);

}  // namespace vardval::psychiatry
