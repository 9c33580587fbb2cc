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
        // (V_b / N_b) / (V / N) = V_b·N / (N_b·V), kept exact; only the shown weight is rounded.
        details[b].exact_weight = Rational(details[b].weighted_visits) / total_visits *
                                  Rational::of(total_persons, details[b].persons);
        derived.set_weight(b, details[b].exact_weight.to_decimal());
    }
    return derived;
}

std::vector<Rational> exact_weights(const AgeBandTable& table) {
    std::vector<Rational> weights;
    for (const AgeBand& band : table.bands())
        weights.push_back(band.weight.value_or(Decimal()));
    return weights;
}

std::vector<std::int64_t> band_persons(const AgeBandTable& table, const UnitListing& listing) {
    std::vector<std::int64_t> persons(table.bands().size(), 0);
    for (int s = 0; s < 2; ++s)
        for (int age = 0; age <= kMaxAge; ++age)
            persons[table.index_of(age, static_cast<Sex>(s))] += listing.persons[s][age];
    return persons;
}

Rational weighted_exactly(const AgeBandTable& table, const std::vector<Rational>& weights,
                          const UnitListing& listing) {
    const std::vector<std::int64_t> persons = band_persons(table, listing);
    Rational total;
    for (std::size_t b = 0; b < persons.size(); ++b)
        total += weights[b] * Rational::from_int(persons[b]);
    return total;
}

}  // namespace vardval::capitation
