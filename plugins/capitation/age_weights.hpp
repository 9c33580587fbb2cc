#pragma once
// JH's derivation of age weights from a reference period's primary-care visits (001 §6):
// each band's weighted visits per person relative to the whole population's, doctor
// visits counted double, some contact types (telephone prescriptions) left out.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "vardval/age_bands.hpp"
#include "vardval/aggregates.hpp"
#include "vardval/rational.hpp"

namespace vardval::capitation {

struct DerivationRule {
    std::map<std::string, Decimal> profession_factors;  // e.g. doctor → 2
    Decimal default_factor = Decimal::from_int(1);      // every other profession
    std::set<std::string> excluded_contact_types;       // e.g. phone_prescription
};

struct DerivedBand {
    Decimal weighted_visits;
    std::int64_t persons = 0;
    Rational exact_weight;  // what is paid on; the table shows it rounded
};

// Fills every band's weight: (visits_b / persons_b) / (visits / persons), rounded to six
// decimals for display; `details` gets one entry per band with the exact weight. Throws
// std::runtime_error for a band without persons (its weight is undefined).
AgeBandTable derive_weights(const AgeBandTable& bands, const VisitAggregate& visits,
                            const ListingAggregate& population, const DerivationRule& rule,
                            std::vector<DerivedBand>& details);

// A table's given weights as exact fractions, one per band.
std::vector<Rational> exact_weights(const AgeBandTable& table);

// Persons in each band of `table` at one unit.
std::vector<std::int64_t> band_persons(const AgeBandTable& table, const UnitListing& listing);

// Σ persons × exact weight, one weight per band of `table`: the basis paid on.
Rational weighted_exactly(const AgeBandTable& table, const std::vector<Rational>& weights,
                          const UnitListing& listing);

}  // namespace vardval::capitation
