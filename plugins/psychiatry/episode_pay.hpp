#pragma once
// The component behind psychiatry.episode and psychiatry.value_based: the episodes counted in
// the month paid (by the EpisodeRule), each weighted by class and diagnosis group and, for
// value_based, multiplied by its outcome's factor; the units' weighted episodes are paid by
// price, pot or derived price.
#include <optional>

#include "common.hpp"
#include "episode_rule.hpp"
#include "outcome_rule.hpp"

namespace vardval::psychiatry {

class EpisodePay : public Component {
  public:
    EpisodePay(CountedPayment payment, EpisodeRule rule, std::optional<OutcomeRule> outcome);
    std::vector<LedgerLine> compute(const RunContext& ctx) const override;

  private:
    CountedPayment payment_;
    EpisodeRule rule_;
    std::optional<OutcomeRule> outcome_;  // value_based only
};

}  // namespace vardval::psychiatry
