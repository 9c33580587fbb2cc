#include "common.hpp"

namespace vardval::psychiatry {

std::string num(Decimal d) {
    const std::string s = d.to_short_string();
    const std::size_t dot = s.find('.');
    return format_decimal(d, dot == std::string::npos ? 0 : static_cast<int>(s.size() - dot - 1));
}

std::string count(std::int64_t n, const std::string& singular, const std::string& plural) {
    return num(Decimal::from_int(n)) + " " + (n == 1 ? singular : plural);
}

CountedPayment read_counted_payment(const Params& p, const std::string& price_key) {
    CountedPayment counted{Payment::read(p, price_key), ""};
    counted.payment.per_event = true;
    if (!counted.payment.derived_from_volume.is_zero()) {
        counted.derivation = "budget_year " + format_ore_kr(p.money_ore("budget_year"));
        if (p.number("budget_share") != Decimal::from_int(1))
            counted.derivation += " × budget_share " + p.number("budget_share").to_short_string();
        counted.derivation += " / planned_volume_year " + num(counted.payment.derived_from_volume);
    }
    return counted;
}

namespace {

std::string how_paid(const CountedPayment& counted, Period period, const LedgerLine& line,
                     Decimal total, const std::string& basis_unit) {
    const Payment& payment = counted.payment;
    if (payment.mode == Payment::Mode::price) {
        std::string s = num(line.basis) + " " + basis_unit + " × " + format_ore_kr(line.rate_ore) +
                        " = " + format_ore_kr(Decimal::from_int(line.amount_ore));
        if (!counted.derivation.empty())
            s += " (the price derived from a pot: " + counted.derivation + " " + basis_unit + ")";
        return s;
    }
    const Ore pot =
        monthly_share(amount_ore(payment.annual_ore, payment.budget_share), period.month);
    if (total.is_zero())
        return payment.describe() + ": no unit has any " + basis_unit +
               " this month, so this month's " + format_ore_kr(Decimal::from_int(pot)) +
               " is not paid out";
    return payment.describe() + ": " + num(line.basis) + " of the region's " + num(total) + " " +
           basis_unit + " = " + format_ore_kr(Decimal::from_int(line.amount_ore)) +
           " of this month's " + format_ore_kr(Decimal::from_int(pot));
}

std::string payment_trace(const CountedPayment& counted, Period period, Decimal total,
                          const std::string& basis_unit) {
    const Payment& payment = counted.payment;
    if (payment.mode == Payment::Mode::price) {
        std::string s = "price " + payment.annual_ore.to_string() + " öre";
        if (!counted.derivation.empty())
            s += " = " + counted.derivation + ", in öre";
        return s + "; amount = basis (" + basis_unit +
               " counted in the month) × price, rounded half away from zero to the öre";
    }
    const Ore annual = amount_ore(payment.annual_ore, payment.budget_share);
    return "pot: " + std::to_string(annual) + " öre a year, this month's share " +
           std::to_string(monthly_share(annual, period.month)) +
           " öre, split by largest remainder over the region's " + total.to_short_string() + " " +
           basis_unit;
}

}  // namespace

std::vector<LedgerLine> pay_counts(const CountedPayment& payment, Period period,
                                   const std::vector<UnitCount>& counts,
                                   const std::string& basis_unit) {
    std::vector<UnitBasis> bases;
    Decimal total;
    for (const UnitCount& c : counts) {
        bases.push_back({c.unit, c.basis});
        total += c.basis;
    }
    std::vector<LedgerLine> lines = pay(payment.payment, period, bases, basis_unit);
    const std::string trace = payment_trace(payment, period, total, basis_unit);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        lines[i].explanation =
            counts[i].what + "; " + how_paid(payment, period, lines[i], total, basis_unit);
        lines[i].trace = counts[i].trace;
        lines[i].trace.push_back(trace);
    }
    return lines;
}

}  // namespace vardval::psychiatry
