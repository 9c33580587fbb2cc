#include "distance_rule.hpp"

namespace vardval::sparsity {

namespace {
constexpr const char* kKey = "threshold_km";
}

DistanceRule::DistanceRule(const Params& p) : threshold_km_(p.number(kKey)) {}

ParamSpec DistanceRule::param() {
    return param::number(kKey).require().at_least(0).describe(
        "listed persons living strictly farther than this from the hospital are counted; 0.1 km "
        "resolution");
}

void DistanceRule::check(const Params& p, std::vector<Issue>& issues) {
    if (p.number(kKey).raw() % (Decimal::kScale / 10) != 0)
        issues.push_back(p.issue(kKey, "distances are kept to 0.1 km: give at most one decimal"));
}

std::int64_t DistanceRule::distant(const UnitListing& unit) const {
    return unit.listed_beyond(threshold_km_);
}

std::string DistanceRule::basis_unit() const {
    return "listed beyond " + threshold_km_.to_short_string() + " km";
}

std::string DistanceRule::describe(std::int64_t distant, std::int64_t listed) const {
    return std::to_string(distant) + " of " + std::to_string(listed) + " listed live more than " +
           threshold_km_.to_short_string() + " km from the hospital";
}

}  // namespace vardval::sparsity
