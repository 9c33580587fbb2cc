#pragma once
// The two ways a component turns per-unit bases into money, shared by every component type:
// a price per basis unit per year (paid as 1/12 a month), or an annual budget (a pot) split
// over units in proportion to their bases by largest remainder.
#include <string>
#include <utility>
#include <vector>

#include "vardval/ledger.hpp"
#include "vardval/params.hpp"
#include "vardval/plugin_api.hpp"

namespace vardval {

struct Payment {
    enum class Mode { price, budget } mode = Mode::price;
    // Price per basis unit per year, or the annual budget; exact, since a price derived from
    // a pot over a planned volume is a fraction.
    Rational annual_ore;
    Decimal budget_share = Decimal::from_int(1);  // part of the budget this component pays
    // Price mode only: the basis is a standing quantity (places, not listed persons), so each
    // unit's annual amount is fixed and the months must add up to it exactly.
    bool fixed_annual = false;
    // Price mode only: the basis counts things that happened in the month (visits, closed
    // episodes), so the price is paid per thing as it stands, not as 1/12 of a yearly price.
    bool per_event = false;
    // Price mode derived from a pot: the planned annual volume the budget was divided by
    // (zero for a price given as such).
    Decimal derived_from_volume;

    // The payment parameters, declared here only; every type paying through Payment takes
    // its payment keys from these. The parameters that select the mode; `price_key` and
    // "budget_year" are exactly-one-of. "planned_volume_year" with "budget_year" turns the
    // pot into a price (budget.split's derived price).
    static std::vector<ParamSpec> params(const std::string& price_key,
                                         const std::string& price_doc);
    static void require_one(ParamSpec& object, const std::string& price_key);
    // params() added to an object spec, with require_one.
    static void add_params(ParamSpec& object, const std::string& price_key,
                           const std::string& price_doc);
    // "budget_year" and "budget_share" alone, for a type always paid as a pot (`required`)
    // or whose pot replaces amounts of its own (read with budget()).
    static std::vector<ParamSpec> pot_params(bool required, const std::string& budget_doc);
    // planned_volume_year and budget_share only mean something with budget_year. The host
    // runs this for every component type before the type's own check (see
    // validate_component_params), so a type need not, and cannot forget to, call it.
    static void check(const Params& params, std::vector<Issue>& issues);
    static Payment read(const Params& params, const std::string& price_key);
    // For components that are always a pot (budget_year and budget_share only).
    static Payment budget(const Params& params);

    std::string describe() const;  // "2 453 kr per weight unit per year / 12"
};

struct UnitBasis {
    std::string unit;
    Rational basis;  // exact: a derived basis (e.g. listed × CNI index) is not rounded
};

// Lines with basis, rate, amount and rounding set; the caller adds explanation and trace.
std::vector<LedgerLine> pay(const Payment& payment, Period period,
                            const std::vector<UnitBasis>& bases, const std::string& basis_unit);

// "1 234.5" with a space every three digits, for explanations.
std::string format_decimal(Decimal d, int decimals);
// An amount in öre as "1 234.50 kr", for explanations.
std::string format_ore_kr(Decimal ore);

}  // namespace vardval
