#pragma once
// How psychiatry.episode and psychiatry.value_based see an episode of care: the month it is
// counted in (the month it closed, or the month it opened), its class (`single` below
// multi_visit_from contacts, `multi` from it) and its weight by class and diagnosis group.
#include <optional>
#include <string>
#include <vector>

#include "weight_table.hpp"

namespace vardval::psychiatry {

enum class CountAt { close, open };

class EpisodeRule {
  public:
    // `count_at` fixed by the type (value_based counts at close), or nothing to read the
    // count_at parameter.
    EpisodeRule(const Params& p, std::optional<CountAt> count_at);

    // count_at (when `with_count_at`), multi_visit_from and weights.
    static std::vector<ParamSpec> params(bool with_count_at);
    static void check(const Params& p, std::vector<Issue>& issues);

    bool counted_in(const EpisodeCount& e, Period month) const;
    std::string episode_class(const EpisodeCount& e) const;  // "single" or "multi"
    std::optional<WeightTable::Match> weight(const EpisodeCount& e) const;

    CountAt count_at() const { return count_at_; }
    std::int64_t multi_visit_from() const { return multi_visit_from_; }
    // "the month they closed (an episode closes 90 days after its last contact; ...)".
    std::string counting(int gap_days) const;

  private:
    CountAt count_at_;
    std::int64_t multi_visit_from_;
    WeightTable weights_;
};

}  // namespace vardval::psychiatry
