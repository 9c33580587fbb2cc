#include <tuple>

#include "visit.hpp"
#include "visit_rule.hpp"

namespace vardval::visit {
namespace {

// One unit's side of the settlement: what it receives for treating patients listed elsewhere,
// what it pays for its listed treated elsewhere, and the visits it treated that are not settled.
struct Settlement {
    Ore received = 0;
    Ore paid = 0;
    std::int64_t visits_received = 0;
    std::int64_t visits_paid = 0;
    std::int64_t visits_not_settled = 0;
    std::vector<std::string> receives;
    std::vector<std::string> pays;
    // (reason, profession, contact type) → visits
    std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> not_settled;
};

// Visits of one profession and contact type by patients of one unit, treated at another.
struct Transfer {
    std::string treating;
    std::string listing;
    std::string profession;
    std::string contact_type;
    auto operator<=>(const Transfer&) const = default;
};

class CrossListing : public Component {
  public:
    explicit CrossListing(const Params& p) : rule_(p) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const PeriodRange months = rule_.months_read(ctx.period);
        std::map<std::string, Settlement> units;
        for (const Unit& unit : ctx.region.units)
            units[unit.id];
        std::map<Transfer, std::int64_t> transfers;
        for (const VisitCount& count : ctx.data.visits(months).counts) {
            auto treating = units.find(count.unit);
            if (treating == units.end() || count.listed_unit == count.unit)
                continue;  // not treated in the region, or the unit's own listed
            std::optional<std::string> why = rule_.not_counted(count);
            if (!why && count.listed_unit.empty())
                why = "patient not listed in the region";
            else if (!why && !units.count(count.listed_unit))
                why = "listed at '" + count.listed_unit + "', not a unit of the region";
            if (why) {
                treating->second.not_settled[{*why, count.profession, count.contact_type}] +=
                    count.visits;
                treating->second.visits_not_settled += count.visits;
                continue;
            }
            transfers[{count.unit, count.listed_unit, count.profession, count.contact_type}] +=
                count.visits;
        }
        // Each transfer is rounded once and booked on both sides, so the region nets to zero.
        for (const auto& [t, visits] : transfers) {
            const Decimal price = *rule_.price_ore(t.profession);
            const Ore amount = amount_ore(Decimal::from_int(visits), price);
            const std::string what = t.profession + ", " + t.contact_type + ": " +
                                     count_visits(visits) + " × " + format_ore_kr(price) + " = " +
                                     format_ore_kr(Decimal::from_int(amount));
            Settlement& treating = units[t.treating];
            treating.received += amount;
            treating.visits_received += visits;
            treating.receives.push_back("receives from " + t.listing + ": " + what);
            Settlement& listing = units[t.listing];
            listing.paid += amount;
            listing.visits_paid += visits;
            listing.pays.push_back("pays to " + t.treating + ": " + what);
        }

        std::vector<LedgerLine> lines;
        for (const Unit& unit : ctx.region.units) {
            const Settlement& s = units[unit.id];
            const Ore net = s.received - s.paid;
            LedgerLine line;
            line.unit = unit.id;
            // The net in kr at 100 öre per kr: prices differ by profession, so no single
            // price per visit would multiply out to the net.
            line.basis = Decimal::from_int(net).divided_by(100);
            line.basis_unit = "kr net settled (received − paid)";
            line.rate_ore = Decimal::from_int(100);
            line.amount_ore = net;
            line.rounding = Rounding::per_line;
            line.explanation = s.visits_received + s.visits_paid == 0
                                   ? "no visits to settle in " + months.to_string()
                                   : "receives " + format_ore_kr(Decimal::from_int(s.received)) +
                                         " for " + count_visits(s.visits_received) +
                                         " by patients listed at other units, pays " +
                                         format_ore_kr(Decimal::from_int(s.paid)) + " for " +
                                         count_visits(s.visits_paid) +
                                         " by its listed at other units in " + months.to_string() +
                                         "; net " + format_ore_kr(Decimal::from_int(net));
            if (s.visits_not_settled > 0)
                line.explanation += "; " + count_visits(s.visits_not_settled) +
                                    " by patients not listed here not settled (see trace)";
            line.trace = s.receives;
            line.trace.insert(line.trace.end(), s.pays.begin(), s.pays.end());
            for (const auto& [key, visits] : s.not_settled) {
                const auto& [reason, profession, contact_type] = key;
                line.trace.push_back("not settled: " + profession + ", " + contact_type + ": " +
                                     count_visits(visits) + " (" + reason + ")");
            }
            lines.push_back(std::move(line));
        }
        return lines;
    }

  private:
    VisitRule rule_;
};

}  // namespace

ComponentType cross_listing_type() {
    ComponentType t;
    t.name = "visit.cross_listing";
    t.summary =
        "otrohetsersättning (cross-listing settlement): for each visit at another unit than the "
        "patient's listing unit, the listing unit pays the treating unit a price per visit; both "
        "sides are booked and the region total is zero";
    t.params =
        param::object("params", rule_params("contact types settled, e.g. [visit, home_visit]"));
    t.reads = {"visits"};
    t.check = check_rule;
    t.create = [](const Params& p) { return std::make_unique<CrossListing>(p); };
    return t;
}

}  // namespace vardval::visit
