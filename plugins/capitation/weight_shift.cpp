#include "weight_shift.hpp"

#include <functional>
#include <stdexcept>

#include "age_weights.hpp"
#include "vardval/payment.hpp"

namespace vardval::capitation {
namespace {

bool raised(const AgeBand& band, const WeightShift& s) {
    return band.from >= s.raise_from_age;
}

bool funding(const AgeBand& band, const WeightShift& s) {
    return band.from >= s.fund_from && band.to && *band.to <= s.fund_to;
}

// Σ over the region of persons × exact weight in the bands `in` selects.
Rational weighted_in(const AgeBandTable& bands, const std::vector<Rational>& weights,
                     const ListingAggregate& listing,
                     const std::function<bool(const AgeBand&)>& in) {
    Rational total;
    for (const auto& [id, unit] : listing.units) {
        const std::vector<std::int64_t> persons = band_persons(bands, unit);
        for (std::size_t b = 0; b < persons.size(); ++b)
            if (in(bands.bands()[b]))
                total += weights[b] * Rational::from_int(persons[b]);
    }
    return total;
}

}  // namespace

ParamSpec WeightShift::param() {
    return param::object("shift",
                         {param::integer("raise_from_age")
                              .require()
                              .at_least(0)
                              .at_most(kMaxAge)
                              .describe("bands from this age get the raise, e.g. 75"),
                          param::number("increase")
                              .require()
                              .at_least(0)
                              .at_most(1)
                              .describe("the raise, e.g. 0.14 for +14 %"),
                          param::integer("fund_from")
                              .require()
                              .at_least(0)
                              .at_most(kMaxAge)
                              .describe("first age of the range whose weights pay for it, e.g. 6"),
                          param::integer("fund_to").require().at_least(0).at_most(kMaxAge).describe(
                              "last age of that range, e.g. 74")})
        .describe(
            "a budget-neutral shift: raise the oldest bands' weights, lower the funding range's "
            "so the region's weighted listed stay the same");
}

WeightShift WeightShift::read(const Params& shift) {
    return {static_cast<int>(shift.integer("raise_from_age")), shift.number("increase"),
            static_cast<int>(shift.integer("fund_from")),
            static_cast<int>(shift.integer("fund_to"))};
}

void WeightShift::check(const AgeBandTable& bands, const Params& p,
                        std::vector<Issue>& issues) const {
    if (fund_to >= raise_from_age || fund_from > fund_to)
        issues.push_back(p.issue("shift", "the funding range must end before raise_from_age"));
    for (const AgeBand& band : bands.bands()) {
        const int last = band.to.value_or(kMaxAge);
        const bool straddles_raise = band.from < raise_from_age && last >= raise_from_age;
        const bool straddles_fund = (band.from < fund_from && last >= fund_from) ||
                                    (band.from <= fund_to && last > fund_to);
        if (straddles_raise || straddles_fund)
            issues.push_back(p.issue("shift", "band " + band.label() +
                                                  " lies partly inside the raised or funding "
                                                  "ages; shift whole bands"));
    }
}

AgeBandTable WeightShift::apply(const AgeBandTable& bands, std::vector<Rational>& weights,
                                const ListingAggregate& listing,
                                std::vector<std::string>& trace) const {
    const Rational raise_total =
        weighted_in(bands, weights, listing, [&](const AgeBand& b) { return raised(b, *this); });
    const Rational fund_total =
        weighted_in(bands, weights, listing, [&](const AgeBand& b) { return funding(b, *this); });
    const Rational moved = raise_total * increase;
    if (fund_total.is_zero() || moved > fund_total)
        throw std::runtime_error(
            "capitation shift: ages " + std::to_string(fund_from) + "-" + std::to_string(fund_to) +
            " weigh " + fund_total.to_decimal().to_short_string() + " in " + listing.ref.period +
            ", too little to fund " + moved.to_decimal().to_short_string());
    // Exact, so the region's weighted listed stay exactly the same.
    const Rational factor = Rational::from_int(1) - moved / fund_total;
    AgeBandTable shifted = bands;
    for (std::size_t i = 0; i < bands.bands().size(); ++i) {
        const AgeBand& band = bands.bands()[i];
        if (raised(band, *this))
            weights[i] = weights[i] * (Rational::from_int(1) + increase);
        else if (funding(band, *this))
            weights[i] = weights[i] * factor;
        shifted.set_weight(i, weights[i].to_decimal());
    }
    trace.push_back(
        "shift on listing " + listing.ref.period + ": " + std::to_string(raise_from_age) +
        "+ weigh " + format_decimal(raise_total.to_decimal(), 2) + ", raised by " +
        format_decimal(increase.times(100), 1) + " % = " + format_decimal(moved.to_decimal(), 2) +
        " weighted listed, taken from ages " + std::to_string(fund_from) + "-" +
        std::to_string(fund_to) + " (" + format_decimal(fund_total.to_decimal(), 2) +
        ") by factor " + factor.to_string());
    return shifted;
}

}  // namespace vardval::capitation
