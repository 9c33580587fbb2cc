#pragma once
// A budget-neutral shift between age groups of a capitation: the weights of the oldest
// bands rise by a percentage and the weights of a funding age range fall by the factor
// that keeps the region's weighted listed unchanged (Västmanland 2022, §8.4.5: 75+ +14 %,
// "about 21 mkr", taken from 6-74). The factor is computed on the month's listing, so the
// money moved is exactly what the raise costs on that listing.
#include <string>
#include <vector>

#include "vardval/age_bands.hpp"
#include "vardval/params.hpp"
#include "vardval/rational.hpp"

namespace vardval::capitation {

struct WeightShift {
    int raise_from_age = 0;
    Decimal increase;  // 0.14 for +14 %
    int fund_from = 0;
    int fund_to = 0;

    static ParamSpec param();  // the `shift` object of the component's params
    static WeightShift read(const Params& shift);
    // Bands must lie wholly inside or outside the raised and the funding ranges.
    void check(const AgeBandTable& bands, const Params& p, std::vector<Issue>& issues) const;
    // The shifted table (weights shown rounded); `weights`, the exact weight of each band,
    // are shifted exactly. `trace` gets the totals and factor. Throws if nothing funds it.
    AgeBandTable apply(const AgeBandTable& bands, std::vector<Rational>& weights,
                       const ListingAggregate& listing, std::vector<std::string>& trace) const;
};

}  // namespace vardval::capitation
