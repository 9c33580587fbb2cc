#include "coverage.hpp"
#include "unit_coverage.hpp"
#include "vardval/missing_value.hpp"
#include "vardval/payment.hpp"

namespace vardval::coverage {
namespace {

constexpr const char* kTypeName = "coverage.ratio";
constexpr const char* kPerUnitKey = "amount_per_unit_year";      // threshold mode
constexpr const char* kPerListedKey = "amount_per_listed_year";  // share mode

void check_mode(const Params& p, std::vector<Issue>& issues) {
    const std::string mode = p.text("mode");
    const bool threshold = mode == "threshold";
    if (threshold && !p.has("at_least"))
        issues.push_back(p.issue("at_least", "mode threshold needs at_least, e.g. 0.7"));
    if (!threshold && p.has("at_least"))
        issues.push_back(p.issue("at_least", "at_least applies to mode threshold only"));
    const std::string own_price = threshold ? kPerUnitKey : kPerListedKey;
    const std::string other_price = threshold ? kPerListedKey : kPerUnitKey;
    if (p.has(other_price)) {
        const std::string message = other_price + " does not apply to mode " + mode + "; use " +
                                    own_price + " or budget_year";
        issues.push_back(p.issue(other_price, message));
    }
}

class Ratio : public Component {
  public:
    explicit Ratio(const Params& p)
        : threshold_(p.text("mode") == "threshold"),
          payment_(Payment::read(p, threshold_ ? kPerUnitKey : kPerListedKey)),
          measures_{p.text("primary_care_measure"), p.text("outpatient_measure")},
          level_(threshold_ ? p.number("at_least") : Decimal()),
          if_missing_(read_missing_value(p)) {
        // A fixed amount per qualifying unit is a standing annual amount: the months add up.
        payment_.fixed_annual = threshold_;
    }

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const std::vector<UnitCoverage> coverage =
            read_coverage(ctx, kTypeName, measures_, if_missing_);
        const ListingAggregate& listing = ctx.data.listing(ctx.period);
        std::vector<UnitBasis> bases;
        for (std::size_t i = 0; i < coverage.size(); ++i) {
            const std::string& unit = ctx.region.units[i].id;
            bases.push_back({unit, basis(coverage[i], listing.unit(unit).listed())});
        }
        std::vector<LedgerLine> lines = pay(payment_, ctx.period, bases, basis_unit());
        for (std::size_t i = 0; i < lines.size(); ++i)
            lines[i].explanation = explain(coverage[i], listing.unit(lines[i].unit).listed());
        return lines;
    }

  private:
    Rational basis(const UnitCoverage& c, std::int64_t listed) const {
        if (!c.has_ratio())
            return Rational();
        if (!threshold_)
            return c.listed_times_ratio(listed);
        if (!c.reaches(level_))
            return Rational();
        return Rational::from_int(payment_.mode == Payment::Mode::price ? 1 : listed);
    }

    std::string basis_unit() const {
        if (!threshold_)
            return "listed × täckningsgrad";
        return payment_.mode == Payment::Mode::price ? "qualifying unit"
                                                     : "listed at qualifying units";
    }

    std::string explain(const UnitCoverage& c, std::int64_t listed) const {
        std::string s = c.describe(measures_);
        if (!c.has_ratio())
            return s + ", so no coverage pay";
        if (threshold_)
            s += (c.reaches(level_) ? " reaches " : " does not reach ") +
                 format_decimal(level_.times(100), 2) + " %";
        else
            s += " × " + format_decimal(Decimal::from_int(listed), 0) + " listed";
        return s + "; " + payment_.describe();
    }

    bool threshold_;
    Payment payment_;
    Measures measures_;
    Decimal level_;
    IfMissing if_missing_;
};

}  // namespace

ComponentType ratio_type() {
    ComponentType t;
    t.name = kTypeName;
    t.summary =
        "täckningsgrad (coverage: primary-care visits / all outpatient visits of the unit's "
        "listed): a fixed amount or a pot for units reaching a level, or pay per listed × ratio";
    std::vector<ParamSpec> fields{
        param::choice("mode", {"threshold", "share"})
            .require()
            .describe("threshold: pay units whose täckningsgrad reaches at_least; share: pay "
                      "every unit for listed × täckningsgrad"),
        param::text("primary_care_measure")
            .naming(Vocabulary::measure)
            .defaults_to("primary_care_visits")
            .describe("unit value with the listed's primary-care visits"),
        param::text("outpatient_measure")
            .naming(Vocabulary::measure)
            .defaults_to("outpatient_visits")
            .describe("unit value with all outpatient visits of the listed (primary and "
                      "specialised care)"),
        param::number("at_least")
            .at_least(0)
            .at_most(1)
            .describe("mode threshold: the täckningsgrad a unit must reach, e.g. 0.7"),
        missing_value_param()};
    for (ParamSpec& f :
         Payment::params(kPerUnitKey, "mode threshold: kr per qualifying unit per year"))
        fields.push_back(std::move(f));
    // The share mode's price next to the threshold mode's, before budget_year.
    fields.insert(fields.end() - 2,
                  param::money(kPerListedKey)
                      .at_least(0)
                      .describe("mode share: kr per listed × täckningsgrad per year"));
    t.params = param::object("params", std::move(fields));
    t.params.one_of({kPerUnitKey, kPerListedKey, "budget_year"});
    t.reads = {"unit-values", "listing"};
    t.check = check_mode;
    t.create = [](const Params& p) { return std::make_unique<Ratio>(p); };
    return t;
}

void register_types(Registrar& registrar) {
    registrar.add(ratio_type());
}

}  // namespace vardval::coverage
