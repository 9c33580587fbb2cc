#pragma once
// One unit's visits in a month as visit.fee sees them: the paid ones grouped by profession
// and contact type with their factor and price, and the unpaid ones with the reason, so the
// ledger line can show every count it was computed from.
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "vardval/aggregates.hpp"

namespace vardval::visit {

class UnitVisits {
  public:
    void add_paid(const VisitCount& count, Decimal factor, Decimal price_ore);
    void add_unpaid(const VisitCount& count, const std::string& reason);

    std::int64_t visits() const;      // paid visits, not weighted: what the ceiling counts
    Decimal weighted_visits() const;  // Σ visits × contact-type factor: the line's basis
    Decimal list_value_ore() const;   // Σ visits × factor × price, before any ceiling
    std::vector<std::string> trace() const;

  private:
    struct Paid {
        std::int64_t visits = 0;
        Decimal factor;
        Decimal price_ore;
    };
    std::map<std::pair<std::string, std::string>, Paid> paid_;  // (profession, contact type)
    // (reason, profession, contact type) → visits
    std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> unpaid_;
};

}  // namespace vardval::visit
