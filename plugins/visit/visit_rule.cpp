#include "visit_rule.hpp"

#include "vardval/payment.hpp"

namespace vardval::visit {

std::string count_visits(std::int64_t n, const std::string& kind) {
    return format_decimal(Decimal::from_int(n), 0) + " " + (kind.empty() ? "" : kind + " ") +
           (n == 1 ? "visit" : "visits");
}

std::vector<ParamSpec> rule_params(const std::string& contact_types_doc) {
    return {
        param::choice("visits", {"paid_month", "previous_month"})
            .defaults_to("paid_month")
            .describe("whose visits are paid: the month being paid, or the month before it "
                      "(payment in arrears)"),
        param::map("prices", param::money("price").at_least(0))
            .naming(Vocabulary::profession)
            .describe("kr per visit by profession, e.g. {doctor: 165, nurse: 100}"),
        param::money("default_price")
            .at_least(0)
            .describe("kr per visit for professions not in prices; omit to leave them unpaid"),
        param::list("contact_types", param::text("contact_type").naming(Vocabulary::contact_type))
            .require()
            .describe(contact_types_doc),
        param::boolean("fee_charged_only")
            .defaults_to("false")
            .describe("count only visits where a patient fee was charged (Västmanland)")};
}

void check_rule(const Params& p, std::vector<Issue>& issues) {
    if (!p.has("default_price") && (!p.has("prices") || p.money_map("prices").empty()))
        issues.push_back(
            p.issue("prices", "no visit has a price: give prices, default_price or both"));
    if (p.texts("contact_types").empty())
        issues.push_back(
            p.issue("contact_types",
                    "no contact type is counted: list at least one, e.g. [visit, home_visit]"));
}

VisitRule::VisitRule(const Params& p)
    : previous_month_(p.text("visits") == "previous_month"),
      prices_ore_(p.has("prices") ? p.money_map("prices") : std::map<std::string, Decimal>{}),
      default_price_ore_(p.has("default_price") ? std::optional(p.money_ore("default_price"))
                                                : std::nullopt),
      fee_charged_only_(p.boolean("fee_charged_only")) {
    for (const std::string& type : p.texts("contact_types"))
        contact_types_.insert(type);
}

PeriodRange VisitRule::months_read(Period paid) const {
    Period month = paid;
    if (previous_month_)
        month = paid.month == 1 ? Period{paid.year - 1, 12} : Period{paid.year, paid.month - 1};
    return {month, month};
}

std::optional<std::string> VisitRule::not_counted(const VisitCount& count) const {
    if (!contact_types_.count(count.contact_type))
        return "contact type not counted";
    if (fee_charged_only_ && !count.fee_charged)
        return "no patient fee charged";
    if (!price_ore(count.profession))
        return "no price for the profession";
    return std::nullopt;
}

std::optional<Decimal> VisitRule::price_ore(const std::string& profession) const {
    auto it = prices_ore_.find(profession);
    return it != prices_ore_.end() ? std::optional(it->second) : default_price_ore_;
}

}  // namespace vardval::visit
