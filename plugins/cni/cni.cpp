#include "cni.hpp"

#include <stdexcept>

#include "vardval/payment.hpp"

namespace vardval::cni {
namespace {

constexpr const char* kPriceKey = "average_per_listed_year";

// Σ weight × persons with the variable, exact (weights are six-decimal numbers).
Rational weighted_count(const std::map<std::string, Decimal>& weights,
                        const std::map<std::string, std::int64_t>& counts) {
    Int128 sum = 0;
    for (const auto& [variable, w] : weights) {
        auto it = counts.find(variable);
        if (it != counts.end())
            sum += static_cast<Int128>(w.raw()) * it->second;
    }
    return Rational::of(sum, Decimal::kScale);
}

// Where a unit's index comes from: per-person flags in the listing, or SCB's per-unit
// delivery. Either way, Σ weight × persons with the variable (exact) and the listed it is
// over; the index formula is the same for both.
struct UnitNeed {
    Rational weighted;
    std::int64_t listed = 0;
    std::vector<std::string> trace;  // per variable, for `vardval explain`
};

// (W_unit / L_unit) / (W_region / L_region), exact: the money is paid on this, not on a
// rounded index (at 9 500 listed a six-decimal index moves a line by up to 33 öre). Zero
// without listed or weighted need.
Rational index_of(const UnitNeed& unit, const Rational& region_weighted,
                  std::int64_t region_listed) {
    if (unit.listed == 0 || region_weighted.is_zero())
        return Rational();
    return unit.weighted / region_weighted * Rational::of(region_listed, unit.listed);
}

class Cni : public Component {
  public:
    explicit Cni(const Params& p)
        : payment_(Payment::read(p, kPriceKey)),
          weights_(p.numbers("variables")),
          from_scb_(p.text("source") == "scb") {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const ListingAggregate& listing = ctx.data.listing(ctx.period);
        std::map<std::string, UnitNeed> needs =
            from_scb_ ? needs_from_delivery(ctx.data.cni(ctx.period), ctx.region, listing)
                      : needs_from_listing(listing);
        Rational region_weighted;
        std::int64_t region_listed = 0;
        for (const auto& [id, need] : needs) {
            region_weighted += need.weighted;
            region_listed += need.listed;
        }
        // Nobody in the region with any weighted variable: every index is 0/0, and paying
        // every unit zero would be a guess.
        if (region_listed > 0 && region_weighted.is_zero())
            throw DataMissing(
                "capitation.cni: no listed person in " +
                (from_scb_ ? ctx.data.cni(ctx.period).ref.to_string()
                           : "listing " + listing.ref.period) +
                " has any of the weighted CNI variables, so no unit's index (its need over "
                "the region's) can be computed; check the cni_ columns of the data");
        std::vector<UnitBasis> bases;
        std::map<std::string, Rational> indexes;
        for (const Unit& unit : ctx.region.units) {
            auto need = needs.find(unit.id);
            indexes[unit.id] = need == needs.end()
                                   ? Rational()
                                   : index_of(need->second, region_weighted, region_listed);
            bases.push_back(
                {unit.id, indexes[unit.id] * Rational::from_int(listing.unit(unit.id).listed())});
        }
        std::vector<LedgerLine> lines = pay(payment_, ctx.period, bases, "listed × CNI index");
        for (LedgerLine& line : lines) {
            line.explanation = "CNI (Care Need Index) " +
                               indexes[line.unit].to_decimal().to_short_string(4) + " × " +
                               std::to_string(listing.unit(line.unit).listed()) + " listed" +
                               (from_scb_ ? " (index from SCB's delivery " +
                                                ctx.data.cni(ctx.period).ref.to_string() + ")"
                                          : "") +
                               "; " + payment_.describe();
            if (auto need = needs.find(line.unit); need != needs.end())
                line.trace = need->second.trace;
        }
        return lines;
    }

  private:
    // Counts of persons flagged in the listing, the region being the listing's units.
    std::map<std::string, UnitNeed> needs_from_listing(const ListingAggregate& listing) const {
        std::vector<std::string> present;
        for (const auto& [id, unit] : listing.units)
            for (const auto& [variable, n] : unit.cni)
                present.push_back(variable);
        for (const auto& [variable, w] : weights_)
            if (std::find(present.begin(), present.end(), variable) == present.end())
                throw std::runtime_error("CNI variable '" + variable + "' is not in listing " +
                                         listing.ref.period + " (it needs a cni_" + variable +
                                         " column); variables in the listing: " + join(present));
        std::map<std::string, UnitNeed> needs;
        for (const auto& [id, unit] : listing.units) {
            UnitNeed& need = needs[id];
            need.weighted = weighted_count(weights_, unit.cni);
            need.listed = unit.listed();
            if (need.listed == 0)
                continue;
            for (const auto& [variable, w] : weights_) {
                auto n = unit.cni.find(variable);
                need.trace.push_back(
                    variable + ": " + std::to_string(n == unit.cni.end() ? 0 : n->second) + " of " +
                    std::to_string(need.listed) + " listed (region " +
                    std::to_string(listing.cni_total(variable)) + " of " +
                    std::to_string(listing.listed()) + "), weight " + w.to_short_string());
            }
        }
        return needs;
    }

    // SCB's shares per unit, the region being the units SCB delivered. A unit paid this month
    // that SCB did not deliver, or a variable SCB did not deliver, is refused: its index
    // cannot be computed, and zero would be a guess.
    std::map<std::string, UnitNeed> needs_from_delivery(const CniDelivery& delivery,
                                                        const Region& region,
                                                        const ListingAggregate& listing) const {
        const std::string what = "capitation.cni: " + delivery.ref.to_string() + " ";
        for (const Unit& unit : region.units)
            if (listing.unit(unit.id).listed() > 0 && delivery.unit(unit.id) == nullptr)
                throw DataMissing(what + "has no row for unit " + unit.id + ", which has " +
                                  std::to_string(listing.unit(unit.id).listed()) +
                                  " listed in listing " + listing.ref.period +
                                  "; import a delivery that gives every unit");
        std::map<std::string, UnitNeed> needs;
        for (const auto& [id, unit] : delivery.units) {
            UnitNeed& need = needs[id];
            need.listed = unit.listed;
            for (const auto& [variable, w] : weights_) {
                auto share = unit.shares.find(variable);
                if (share == unit.shares.end())
                    throw DataMissing(what + "has no cni_" + variable +
                                      " column; the model weighs it");
                need.weighted += Rational(w) * share->second * Rational::from_int(unit.listed);
                need.trace.push_back(variable + ": " +
                                     (share->second * Rational::from_int(100)).to_string() +
                                     " % of " + std::to_string(unit.listed) +
                                     " listed (SCB), weight " + w.to_short_string());
            }
        }
        return needs;
    }

    Payment payment_;
    std::map<std::string, Decimal> weights_;
    bool from_scb_;
};

}  // namespace

Rational exact_index(const std::map<std::string, Decimal>& weights, const UnitListing& unit,
                     const ListingAggregate& region) {
    Rational region_weighted;
    for (const auto& [id, u] : region.units)
        region_weighted += weighted_count(weights, u.cni);
    return index_of({weighted_count(weights, unit.cni), unit.listed(), {}}, region_weighted,
                    region.listed());
}

Decimal unit_index(const std::map<std::string, Decimal>& weights, const UnitListing& unit,
                   const ListingAggregate& region) {
    return exact_index(weights, unit, region).to_decimal();
}

ComponentType cni_type() {
    ComponentType t;
    t.name = "capitation.cni";
    t.summary =
        "socioeconomic capitation by Care Need Index (CNI): average amount × unit index per "
        "listed, "
        "or a share of a capitation budget";
    std::vector<ParamSpec> fields{param::map("variables", param::number("weight").at_least(0))
                                      .require()
                                      .describe("CNI variables and weights, e.g. {over65_alone: "
                                                "6.15}; each needs a cni_<name> column in "
                                                "the listing or the SCB delivery")};
    for (ParamSpec& f :
         Payment::params(kPriceKey, "average amount per listed per year (index 1.0)"))
        fields.push_back(std::move(f));
    fields.push_back(param::choice("source", {"listing", "scb"})
                         .defaults_to("listing")
                         .describe("where the unit index comes from: listing (per-person "
                                   "cni_<variable> flags in the listing) or scb (SCB's per-unit "
                                   "delivery, dataset kind cni: the share of listed with each "
                                   "variable); the amount is paid per listed of the month's "
                                   "listing either way"));
    t.params = param::object("params", std::move(fields));
    Payment::require_one(t.params, kPriceKey);
    t.reads = {"listing", "cni"};
    t.check = [](const Params& p, std::vector<Issue>& issues) {
        if (p.numbers("variables").empty())
            issues.push_back(p.issue("variables", "name at least one variable"));
    };
    t.create = [](const Params& p) { return std::make_unique<Cni>(p); };
    return t;
}

void register_types(Registrar& registrar) {
    registrar.add(cni_type());
}

}  // namespace vardval::cni
