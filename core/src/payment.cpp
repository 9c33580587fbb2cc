#include "vardval/payment.hpp"

namespace vardval {

std::vector<ParamSpec> Payment::pot_params(bool required, const std::string& budget_doc) {
    ParamSpec budget = param::money("budget_year").at_least(0).describe(budget_doc);
    if (required)
        budget.require();
    return {std::move(budget),
            param::number("budget_share")
                .at_least(0)
                .at_most(1)
                .defaults_to("1")
                .describe("share of budget_year this component distributes, e.g. 0.25")};
}

std::vector<ParamSpec> Payment::params(const std::string& price_key, const std::string& price_doc) {
    std::vector<ParamSpec> fields{param::money(price_key).at_least(0).describe(price_doc)};
    for (ParamSpec& f : pot_params(
             false, "annual budget (pot) distributed over units in proportion to their basis"))
        fields.push_back(std::move(f));
    fields.push_back(
        param::number("planned_volume_year")
            .at_least(0.000001)
            .describe("with budget_year: pay a price derived from the pot, budget_year × "
                      "budget_share / planned_volume_year per basis unit, instead of splitting "
                      "the pot; what is paid then follows the actual volume"));
    return fields;
}

void Payment::require_one(ParamSpec& object, const std::string& price_key) {
    object.one_of({price_key, "budget_year"});
}

void Payment::add_params(ParamSpec& object, const std::string& price_key,
                         const std::string& price_doc) {
    for (ParamSpec& f : params(price_key, price_doc))
        object.fields.push_back(std::move(f));
    require_one(object, price_key);
}

void Payment::check(const Params& params, std::vector<Issue>& issues) {
    if (params.has("budget_year"))
        return;
    for (const char* key : {"planned_volume_year", "budget_share"})
        if (params.has(key))
            issues.push_back(params.issue(
                key, std::string(key) +
                         " applies to a pot and needs budget_year; without budget_year it has "
                         "no effect, so what it says would not be paid: give budget_year, or "
                         "remove " +
                         key));
}

Payment Payment::read(const Params& params, const std::string& price_key) {
    if (!params.has(price_key)) {
        Payment p = budget(params);
        if (params.has("planned_volume_year")) {
            p.mode = Mode::price;
            p.derived_from_volume = params.number("planned_volume_year");
            p.annual_ore = p.annual_ore * p.budget_share / p.derived_from_volume;
        }
        return p;
    }
    Payment p;
    p.mode = Mode::price;
    p.annual_ore = params.money_ore(price_key);
    return p;
}

Payment Payment::budget(const Params& params) {
    Payment p;
    p.mode = Mode::budget;
    p.annual_ore = params.money_ore("budget_year");
    p.budget_share = params.number("budget_share");
    return p;
}

std::string format_decimal(Decimal d, int decimals) {
    std::int64_t step = 1;  // raw units per last shown decimal
    for (int i = decimals; i < 6; ++i)
        step *= 10;
    const Decimal rounded = Decimal::from_raw(round_div(d.raw(), step) * step);
    std::string s = rounded.to_string();
    const std::size_t dot = s.find('.');
    std::string whole = s.substr(0, dot);
    const bool negative = !whole.empty() && whole[0] == '-';
    if (negative)
        whole.erase(0, 1);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3)
        whole.insert(i, " ");
    return (negative ? "-" : "") + whole + (decimals > 0 ? s.substr(dot, decimals + 1) : "");
}

std::string format_ore_kr(Decimal ore) {
    return format_decimal(ore.divided_by(100), 2) + " kr";
}

std::string Payment::describe() const {
    if (mode == Mode::price) {
        std::string s = format_decimal((annual_ore / Rational::from_int(100)).to_decimal(), 2) +
                        (per_event ? " kr each" : " kr per year / 12");
        if (!derived_from_volume.is_zero())
            s += ", derived from the pot over a planned " + format_decimal(derived_from_volume, 0) +
                 " a year";
        return s;
    }
    std::string s = "annual budget " +
                    format_decimal((annual_ore / Rational::from_int(100)).to_decimal(), 0) + " kr";
    if (budget_share != Decimal::from_int(1))
        s += " × share " + budget_share.to_short_string();
    return s + ", 1/12 a month, split by largest remainder";
}

std::vector<LedgerLine> pay(const Payment& payment, Period period,
                            const std::vector<UnitBasis>& bases, const std::string& basis_unit) {
    std::vector<LedgerLine> lines;
    for (const UnitBasis& b : bases) {
        LedgerLine line;
        line.unit = b.unit;
        line.set_basis(b.basis);
        line.basis_unit = basis_unit;
        lines.push_back(std::move(line));
    }
    if (payment.mode == Payment::Mode::price) {
        // Exact: a yearly price / 12 is a fraction; only the amount is rounded.
        const Rational rate =
            payment.per_event ? payment.annual_ore : payment.annual_ore / Rational::from_int(12);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            LedgerLine& line = lines[i];
            line.set_rate(rate);
            if (payment.fixed_annual) {
                line.annual_ore = amount_ore(bases[i].basis, payment.annual_ore);
                line.amount_ore = monthly_share(line.annual_ore, period.month);
                line.rounding = Rounding::monthly_share;
            } else {
                line.amount_ore = amount_ore(bases[i].basis, rate);
                line.rounding = Rounding::per_line;
            }
        }
        return lines;
    }
    const Ore annual_pot = amount_ore(payment.annual_ore, payment.budget_share);
    const Ore pot = monthly_share(annual_pot, period.month);
    std::vector<Rational> weights;
    Rational total;
    for (const UnitBasis& b : bases) {
        weights.push_back(b.basis);
        total += b.basis;
    }
    const Rational rate = total.is_zero() ? Rational() : Rational::from_int(pot) / total;
    for (LedgerLine& line : lines)
        line.set_rate(rate);
    split_pot(lines, pot, weights);
    return lines;
}

}  // namespace vardval
