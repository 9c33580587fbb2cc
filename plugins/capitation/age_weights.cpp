#include "age_weights.hpp"

#include <stdexcept>

namespace vardval::capitation {

AgeBandTable derive_weights(const AgeBandTable& bands, const VisitAggregate& visits,
                            const ListingAggregate& population, const DerivationRule& rule,
                            std::vector<DerivedBand>& details) {
    details.assign(bands.bands().size(), DerivedBand{});
    for (const auto& [unit, listing] : population.units)
        for (int s = 0; s < 2; ++s)
            for (int age = 0; age <= kMaxAge; ++age)
                details[bands.index_of(age, static_cast<Sex>(s))].persons +=
                    listing.persons[s][age];
    for (const VisitCount& v : visits.counts) {
        if (rule.excluded_contact_types.count(v.contact_type))
            continue;
        auto f = rule.profession_factors.find(v.profession);
        const Decimal factor = f == rule.profession_factors.end() ? rule.default_factor : f->second;
        details[bands.index_of(v.age, v.sex)].weighted_visits += factor.times(v.visits);
    }
    Decimal total_visits;
    std::int64_t total_persons = 0;
    for (const DerivedBand& d : details) {
        total_visits += d.weighted_visits;
        total_persons += d.persons;
    }
    if (total_visits.is_zero() || total_persons == 0)
        throw std::runtime_error(
            "cannot derive age weights: the reference data has no counted visits "
            "or no listed persons");
    AgeBandTable derived = bands;
    for (std::size_t b = 0; b < details.size(); ++b) {
        if (details[b].persons == 0)
            throw std::runtime_error("cannot derive the weight of age band " +
                                     bands.bands()[b].label() + ": nobody in it is listed in " +
                                     population.ref.period);
        // (V_b / N_b) / (V / N) = V_b·N / (N_b·V), exact until the one rounding to six decimals.
        const Int128 numerator =
            static_cast<Int128>(details[b].weighted_visits.raw()) * total_persons;
        const Int128 denominator = static_cast<Int128>(details[b].persons) * total_visits.raw();
        derived.set_weight(b,
                           Decimal::from_raw(round_div(numerator * Decimal::kScale, denominator)));
    }
    return derived;
}

}  // namespace vardval::capitation
