#pragma once
// The distance rule both sparsity (glesbygd) types apply: a listed person is distant when
// their registered address is strictly more than a threshold from the hospital (JH: 3 mil,
// 30 km from Östersund). Distances are kept in tenths of a kilometre, so the threshold has at
// most one decimal.
#include <cstdint>
#include <string>
#include <vector>

#include "vardval/plugin_api.hpp"

namespace vardval::sparsity {

class DistanceRule {
  public:
    explicit DistanceRule(const Params& p);

    static ParamSpec param();  // threshold_km
    static void check(const Params& p, std::vector<Issue>& issues);

    std::int64_t distant(const UnitListing& unit) const;
    std::string basis_unit() const;  // "listed beyond 30 km"
    // "2 of 5 listed live more than 30 km from the hospital"
    std::string describe(std::int64_t distant, std::int64_t listed) const;

  private:
    Decimal threshold_km_;
};

}  // namespace vardval::sparsity
