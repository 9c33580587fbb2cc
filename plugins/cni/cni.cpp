#include "cni.hpp"

#include <stdexcept>

#include "vardval/payment.hpp"

namespace vardval::cni {
namespace {

constexpr const char* kPriceKey = "average_per_listed_year";

Int128 weighted_count(const std::map<std::string, Decimal>& weights,
                      const std::map<std::string, std::int64_t>& counts) {
    Int128 sum = 0;
    for (const auto& [variable, w] : weights) {
        auto it = counts.find(variable);
        if (it != counts.end())
            sum += static_cast<Int128>(w.raw()) * it->second;
    }
    return sum;
}

// The region's side of every unit's index, computed once per run.
struct RegionScore {
    Int128 weighted = 0;  // Σ weight × persons with the variable, whole region
    std::int64_t listed = 0;
};

RegionScore region_score(const std::map<std::string, Decimal>& weights,
                         const ListingAggregate& region) {
    RegionScore r;
    for (const auto& [id, u] : region.units)
        r.weighted += weighted_count(weights, u.cni);
    r.listed = region.listed();
    return r;
}

// (W_unit / L_unit) / (W_region / L_region), exact: the money is paid on this, not on a
// rounded index (at 9 500 listed a six-decimal index moves a line by up to 33 öre).
Rational index_against(const std::map<std::string, Decimal>& weights, const UnitListing& unit,
                       const RegionScore& region) {
    const std::int64_t listed = unit.listed();
    if (listed == 0 || region.weighted == 0)
        return Rational();
    return Rational::of(weighted_count(weights, unit.cni), region.weighted) *
           Rational::of(region.listed, listed);
}

class Cni : public Component {
  public:
    explicit Cni(const Params& p)
        : payment_(Payment::read(p, kPriceKey)), weights_(p.numbers("variables")) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const ListingAggregate& listing = ctx.data.listing(ctx.period);
        std::vector<std::string> present;
        for (const auto& [id, unit] : listing.units)
            for (const auto& [variable, n] : unit.cni)
                present.push_back(variable);
        for (const auto& [variable, w] : weights_)
            if (std::find(present.begin(), present.end(), variable) == present.end())
                throw std::runtime_error("CNI variable '" + variable + "' is not in listing " +
                                         listing.ref.period + " (it needs a cni_" + variable +
                                         " column); variables in the listing: " + join(present));
        const RegionScore region = region_score(weights_, listing);
        std::vector<UnitBasis> bases;
        std::map<std::string, Rational> indexes;
        for (const Unit& unit : ctx.region.units) {
            const UnitListing& listed = listing.unit(unit.id);
            indexes[unit.id] = index_against(weights_, listed, region);
            bases.push_back({unit.id, indexes[unit.id] * Rational::from_int(listed.listed())});
        }
        std::map<std::string, std::string> region_counts;  // variable → "region n of N", for traces
        for (const auto& [variable, w] : weights_)
            region_counts[variable] = "region " + std::to_string(listing.cni_total(variable)) +
                                      " of " + std::to_string(region.listed);
        std::vector<LedgerLine> lines = pay(payment_, ctx.period, bases, "listed × CNI index");
        for (LedgerLine& line : lines) {
            const UnitListing& unit = listing.unit(line.unit);
            const std::int64_t listed = unit.listed();
            line.explanation = "CNI (Care Need Index) " +
                               indexes[line.unit].to_decimal().to_short_string(4) + " × " +
                               std::to_string(listed) + " listed; " + payment_.describe();
            if (listed == 0)
                continue;
            for (const auto& [variable, w] : weights_) {
                auto n = unit.cni.find(variable);
                line.trace.push_back(variable + ": " +
                                     std::to_string(n == unit.cni.end() ? 0 : n->second) + " of " +
                                     std::to_string(listed) + " listed (" +
                                     region_counts[variable] + "), weight " + w.to_short_string());
            }
        }
        return lines;
    }

  private:
    Payment payment_;
    std::map<std::string, Decimal> weights_;
};

}  // namespace

Rational exact_index(const std::map<std::string, Decimal>& weights, const UnitListing& unit,
                     const ListingAggregate& region) {
    return index_against(weights, unit, region_score(weights, region));
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
                                                "6.15}; each needs a cni_<name> column "
                                                "in the listing")};
    for (ParamSpec& f :
         Payment::params(kPriceKey, "average amount per listed per year (index 1.0)"))
        fields.push_back(std::move(f));
    t.params = param::object("params", std::move(fields));
    Payment::require_one(t.params, kPriceKey);
    t.reads = {"listing"};
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
