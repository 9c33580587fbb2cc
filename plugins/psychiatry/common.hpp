#pragma once
// What the counted psychiatry types (visit, episode, value_based, completion) share: their
// payment parameters, numbers in explanations, and paying one line per unit from a count.
#include <cstdint>
#include <string>
#include <vector>

#include "vardval/payment.hpp"
#include "vardval/plugin_api.hpp"

namespace vardval::psychiatry {

// "1 234.5": a count or basis with thousands separated and no trailing zeros.
std::string num(Decimal d);
// "1 contact", "12 contacts".
std::string count(std::int64_t n, const std::string& singular, const std::string& plural);

// The payment of a counted basis, and for a price derived from a pot the figures it came
// from ("budget_year 120 000 kr / planned_volume_year 300"), for the explanation.
struct CountedPayment {
    Payment payment;
    std::string derivation;  // empty unless the price is derived from a pot
};
// A price is paid per thing counted in the month, not as 1/12 of a yearly price
// (Payment::per_event).
CountedPayment read_counted_payment(const Params& p, const std::string& price_key);

// One unit's basis for the month, what it is in words (the first half of the explanation)
// and how it was counted (the first trace lines).
struct UnitCount {
    std::string unit;
    Decimal basis;
    std::string what;
    std::vector<std::string> trace;
};

// One line per count, in the given order (the region's): basis, rate, amount and rounding by
// `pay`, the explanation "<what>; <how it is paid>" and the trace.
std::vector<LedgerLine> pay_counts(const CountedPayment& payment, Period period,
                                   const std::vector<UnitCount>& counts,
                                   const std::string& basis_unit);

}  // namespace vardval::psychiatry
