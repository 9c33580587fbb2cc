#pragma once
// What visit.fee and visit.cross_listing share: the month whose visits are read, the contact
// types counted, whether only visits where a patient fee was charged count, and the price per
// visit by profession. A profession without a price (and no default_price) is not paid.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "vardval/payment.hpp"
#include "vardval/plugin_api.hpp"

namespace vardval::visit {

// visits, prices, default_price, contact_types, fee_charged_only.
std::vector<ParamSpec> rule_params(const std::string& contact_types_doc);
// Cross-field checks: at least one price and one contact type.
void check_rule(const Params& p, std::vector<Issue>& issues);

// "1 visit", "12 345 paid visits": counts in explanations and traces.
std::string count_visits(std::int64_t n, const std::string& kind = "");

class VisitRule {
  public:
    explicit VisitRule(const Params& p);

    // The visits read when paying `paid`: that month, or the one before (payment in arrears).
    PeriodRange months_read(Period paid) const;
    // Why a visit count is not counted, e.g. "no patient fee charged"; nothing when it is.
    std::optional<std::string> not_counted(const VisitCount& count) const;
    // Öre per visit; nothing when the profession has no price and there is no default.
    std::optional<Decimal> price_ore(const std::string& profession) const;

  private:
    bool previous_month_;
    std::map<std::string, Decimal> prices_ore_;
    std::optional<Decimal> default_price_ore_;
    std::set<std::string> contact_types_;
    bool fee_charged_only_;
};

}  // namespace vardval::visit
