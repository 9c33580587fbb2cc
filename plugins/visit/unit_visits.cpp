#include "unit_visits.hpp"

#include "visit_rule.hpp"

namespace vardval::visit {

void UnitVisits::add_paid(const VisitCount& count, Decimal factor, Decimal price_ore) {
    Paid& group = paid_[{count.profession, count.contact_type}];
    group.visits += count.visits;
    group.factor = factor;
    group.price_ore = price_ore;
}

void UnitVisits::add_unpaid(const VisitCount& count, const std::string& reason) {
    unpaid_[{reason, count.profession, count.contact_type}] += count.visits;
}

std::int64_t UnitVisits::visits() const {
    std::int64_t n = 0;
    for (const auto& [key, group] : paid_)
        n += group.visits;
    return n;
}

Decimal UnitVisits::weighted_visits() const {
    Decimal n;
    for (const auto& [key, group] : paid_)
        n += group.factor.times(group.visits);
    return n;
}

Decimal UnitVisits::list_value_ore() const {
    Decimal value;
    for (const auto& [key, group] : paid_)
        value += (group.price_ore * group.factor).times(group.visits);
    return value;
}

std::vector<std::string> UnitVisits::trace() const {
    std::vector<std::string> lines;
    for (const auto& [key, group] : paid_)
        lines.push_back(key.first + ", " + key.second + ": " + count_visits(group.visits) +
                        " × factor " + group.factor.to_short_string() + " × " +
                        format_ore_kr(group.price_ore) + " = " +
                        format_ore_kr((group.price_ore * group.factor).times(group.visits)));
    for (const auto& [key, visits] : unpaid_) {
        const auto& [reason, profession, contact_type] = key;
        lines.push_back("not paid: " + profession + ", " + contact_type + ": " +
                        count_visits(visits) + " (" + reason + ")");
    }
    return lines;
}

}  // namespace vardval::visit
