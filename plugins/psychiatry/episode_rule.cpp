#include "episode_rule.hpp"

#include "common.hpp"

namespace vardval::psychiatry {
namespace {

const WeightKeys kClassKeys{"class",
                            "diagnosis_group",
                            {"single", "multi"},
                            "{\"single/*\": 1, \"multi/*\": 4, multi/psychosis: 6}",
                            std::nullopt,
                            Vocabulary::diagnosis_group};

}  // namespace

EpisodeRule::EpisodeRule(const Params& p, std::optional<CountAt> count_at)
    : count_at_(count_at ? *count_at
                         : (p.text("count_at") == "open" ? CountAt::open : CountAt::close)),
      multi_visit_from_(p.integer("multi_visit_from")),
      weights_(p.numbers("weights")) {}

std::vector<ParamSpec> EpisodeRule::params(bool with_count_at) {
    std::vector<ParamSpec> fields;
    if (with_count_at)
        fields.push_back(
            param::choice("count_at", {"close", "open"})
                .defaults_to("close")
                .describe("the month an episode is paid in: close, the month it closed (the "
                          "region's episode gap after its last contact; episodes still open at "
                          "the extract's end are not counted), or open, the month of its first "
                          "contact (class from its contacts up to the extract's end)"));
    fields.push_back(param::integer("multi_visit_from")
                         .at_least(2)
                         .defaults_to("2")
                         .describe("an episode with at least this many contacts is class multi, "
                                   "one with fewer is class single"));
    fields.push_back(weight_table_param(
        "weights", kClassKeys,
        "weight per episode by class (single or multi) and diagnosis group; an episode no key "
        "matches is not paid"));
    return fields;
}

void EpisodeRule::check(const Params& p, std::vector<Issue>& issues) {
    check_weight_table(p, "weights", kClassKeys, issues);
}

bool EpisodeRule::counted_in(const EpisodeCount& e, Period month) const {
    if (count_at_ == CountAt::open)
        return e.opened == month;
    return e.closed && *e.closed == month;
}

std::string EpisodeRule::episode_class(const EpisodeCount& e) const {
    return e.contacts >= multi_visit_from_ ? "multi" : "single";
}

std::optional<WeightTable::Match> EpisodeRule::weight(const EpisodeCount& e) const {
    return weights_.find(episode_class(e), e.diagnosis_group);
}

std::string EpisodeRule::counting(int gap_days) const {
    if (count_at_ == CountAt::open)
        return "the month they opened (their first contact), classed by their contacts up to "
               "the extract's end";
    return "the month they closed (an episode closes " + count(gap_days, "day", "days") +
           " after its last contact; episodes still open at the extract's end are not counted)";
}

}  // namespace vardval::psychiatry
