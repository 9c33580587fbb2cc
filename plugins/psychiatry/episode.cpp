#include "common.hpp"
#include "episode_pay.hpp"
#include "psychiatry.hpp"

namespace vardval::psychiatry {

ComponentType episode_type() {
    ComponentType t;
    t.name = "psychiatry.episode";
    t.summary =
        "vårdepisodersättning (episode payment): one amount per episode of care whatever its "
        "content, weighted by class (single or multi-visit) and diagnosis group, counted in "
        "the month the episode closed or opened; per episode, a pot or a price derived from one";
    t.params = param::object("params", EpisodeRule::params(true));
    Payment::add_params(t.params, "price_per_episode", "kr per weighted episode");
    t.reads = {"psychiatry"};
    t.check = EpisodeRule::check;
    t.create = [](const Params& p) {
        return std::make_unique<EpisodePay>(read_counted_payment(p, "price_per_episode"),
                                            EpisodeRule(p, std::nullopt), std::nullopt);
    };
    return t;
}

}  // namespace vardval::psychiatry
