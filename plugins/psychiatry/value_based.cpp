#include "common.hpp"
#include "episode_pay.hpp"
#include "psychiatry.hpp"

namespace vardval::psychiatry {

ComponentType value_based_type() {
    ComponentType t;
    t.name = "psychiatry.value_based";
    t.summary =
        "värdebaserad ersättning (value-based payment): the episode payment counted at close, "
        "with a bonus on episodes whose patient-reported score improved and a deduction on "
        "those that got worse; in a pot the outcome shifts money between units";
    std::vector<ParamSpec> fields = EpisodeRule::params(false);
    for (ParamSpec& f : OutcomeRule::params())
        fields.push_back(std::move(f));
    t.params = param::object("params", std::move(fields));
    Payment::add_params(t.params, "price_per_episode", "kr per outcome-weighted episode");
    t.reads = {"psychiatry"};
    t.check = EpisodeRule::check;
    t.create = [](const Params& p) {
        return std::make_unique<EpisodePay>(read_counted_payment(p, "price_per_episode"),
                                            EpisodeRule(p, CountAt::close), OutcomeRule(p));
    };
    return t;
}

}  // namespace vardval::psychiatry
