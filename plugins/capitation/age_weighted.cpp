#include "age_weighted.hpp"

#include "acg.hpp"
#include "age_weights.hpp"
#include "vardval/payment.hpp"
#include "weight_shift.hpp"

namespace vardval::capitation {
namespace {

constexpr const char* kPriceKey = "price_per_weight_year";

struct Derivation {
    PeriodRange visits_period;
    Period population_period;
    DerivationRule rule;
};

class AgeWeighted : public Component {
  public:
    explicit AgeWeighted(const Params& p)
        : payment_(Payment::read(p, kPriceKey)), bands_(p.age_bands("bands")) {
        if (p.has("derive")) {
            const Params d = p.object("derive");
            Derivation derivation{
                d.period_range("visits_period"), d.period("population_period"), {}};
            derivation.rule.profession_factors = d.numbers("profession_factors");
            derivation.rule.default_factor = d.number("default_factor");
            for (const std::string& t : d.texts("exclude_contact_types"))
                derivation.rule.excluded_contact_types.insert(t);
            derive_ = derivation;
        }
        if (p.has("shift"))
            shift_ = WeightShift::read(p.object("shift"));
    }

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        AgeBandTable table = bands_;
        std::vector<Rational> weights = exact_weights(bands_);  // paid on; the table shows them
        std::vector<std::string> weight_trace;
        if (derive_) {
            std::vector<DerivedBand> details;
            const ListingAggregate& population = ctx.data.listing(derive_->population_period);
            table = derive_weights(bands_, ctx.data.visits(derive_->visits_period), population,
                                   derive_->rule, details);
            for (std::size_t b = 0; b < details.size(); ++b)
                weights[b] = details[b].exact_weight;
            weight_trace.push_back("weights derived from visits " +
                                   derive_->visits_period.to_string() + " per person listed " +
                                   derive_->population_period.to_string() + ":");
            for (std::size_t b = 0; b < details.size(); ++b)
                weight_trace.push_back("  " + table.bands()[b].label() + ": " +
                                       format_decimal(details[b].weighted_visits, 0) +
                                       " weighted visits / " + std::to_string(details[b].persons) +
                                       " persons → weight " +
                                       table.bands()[b].weight->to_short_string(2));
        }
        const ListingAggregate& listing = ctx.data.listing(ctx.period);
        if (shift_)
            table = shift_->apply(table, weights, listing, weight_trace);
        std::vector<UnitBasis> bases;
        for (const Unit& unit : ctx.region.units)
            bases.push_back({unit.id, weighted_exactly(table, weights, listing.unit(unit.id))});
        std::vector<LedgerLine> lines = pay(payment_, ctx.period, bases, "weighted listed");
        for (LedgerLine& line : lines) {
            const UnitListing& unit = listing.unit(line.unit);
            const std::int64_t listed = unit.listed();
            line.explanation =
                std::to_string(listed) + " listed weigh " + format_decimal(line.basis, 2) +
                " by age" + (table.by_sex() ? " and sex" : "") + "; " + payment_.describe() +
                " gives " + format_decimal(line.rate_ore.divided_by(100), 2) +
                " kr per weight unit this month" +
                (derive_
                     ? " (weights derived from " + derive_->visits_period.to_string() + " visits)"
                     : "");
            line.trace = weight_trace;
            for (const AgeBand& band : table.bands()) {
                std::int64_t n = 0;
                for (int s = 0; s < 2; ++s)
                    if (band.applies_to(static_cast<Sex>(s)))
                        for (int age = band.from; age <= band.to.value_or(kMaxAge); ++age)
                            n += unit.persons[s][age];
                if (n > 0)
                    line.trace.push_back(band.label() + ": " + std::to_string(n) +
                                         " listed × weight " + band.weight->to_short_string(2) +
                                         " = " + band.weight->times(n).to_short_string(2));
            }
        }
        return lines;
    }

  private:
    Payment payment_;
    AgeBandTable bands_;
    std::optional<Derivation> derive_;
    std::optional<WeightShift> shift_;
};

void check(const Params& p, std::vector<Issue>& issues) {
    const AgeBandTable bands = p.age_bands("bands");
    if (p.has("derive") && bands.has_weights())
        issues.push_back(p.issue("bands",
                                 "bands must not carry weights when 'derive' is given: "
                                 "the weights are derived from the visit statistics"));
    if (!p.has("derive") && !bands.has_weights())
        issues.push_back(p.issue("bands",
                                 "every band needs a 'weight' (or give 'derive' to derive them "
                                 "from visit statistics)"));
    if (p.has("shift"))
        WeightShift::read(p.object("shift")).check(bands, p, issues);
}

}  // namespace

ComponentType age_weighted_type() {
    ComponentType t;
    t.name = "capitation.age_weighted";
    t.summary =
        "capitation (kapitering) weighted by age band and optionally sex; price per weight unit or "
        "a "
        "budget pot; weights given or derived from visit statistics";
    std::vector<ParamSpec> fields{param::age_bands("bands").require().describe(
        "age bands {from, to, sex?, weight?}: contiguous from 0, the last open-ended")};
    for (ParamSpec& f :
         Payment::params(kPriceKey, "price per weight unit (weight 1.0) per listed per year"))
        fields.push_back(std::move(f));
    fields.push_back(
        param::object("derive",
                      {param::period_range("visits_period")
                           .require()
                           .describe("reference period of the visit statistics"),
                       param::period("population_period")
                           .require()
                           .describe("listing month that gives persons per band"),
                       param::map("profession_factors", param::number("factor").at_least(0))
                           .naming(Vocabulary::profession)
                           .defaults_to("{doctor: 2}")
                           .describe("visit weight by profession, e.g. {doctor: 2}"),
                       param::number("default_factor")
                           .at_least(0)
                           .defaults_to("1")
                           .describe("weight of other professions"),
                       param::list("exclude_contact_types",
                                   param::text("contact_type").naming(Vocabulary::contact_type))
                           .defaults_to("[]")
                           .describe("contact types not counted, e.g. [phone_prescription]")})
            .describe(
                "derive the band weights from visits per person, relative to the population's"));
    fields.push_back(WeightShift::param());
    t.params = param::object("params", std::move(fields));
    Payment::require_one(t.params, kPriceKey);
    t.reads = {"listing", "visits (when derived)"};
    t.check = check;
    t.create = [](const Params& p) { return std::make_unique<AgeWeighted>(p); };
    return t;
}

void register_types(Registrar& registrar) {
    registrar.add(age_weighted_type());
    registrar.add(acg_type());
}

}  // namespace vardval::capitation
