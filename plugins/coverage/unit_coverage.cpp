#include "unit_coverage.hpp"

#include <stdexcept>

#include "vardval/payment.hpp"

namespace vardval::coverage {

bool UnitCoverage::has_ratio() const {
    return primary_care_ && outpatient_ && !outpatient_->is_zero();
}

Decimal UnitCoverage::ratio() const {
    return primary_care_->divided_by(*outpatient_);
}

bool UnitCoverage::reaches(Decimal level) const {
    return static_cast<Int128>(primary_care_->raw()) * Decimal::kScale >=
           static_cast<Int128>(level.raw()) * outpatient_->raw();
}

Rational UnitCoverage::listed_times_ratio(std::int64_t listed) const {
    return Rational::from_int(listed) * Rational(*primary_care_) / Rational(*outpatient_);
}

std::string UnitCoverage::describe(const Measures& measures) const {
    if (!primary_care_ || !outpatient_)
        return "no täckningsgrad: the unit reports no " +
               (primary_care_ ? measures.outpatient : measures.primary_care);
    if (!has_ratio())
        return "no täckningsgrad: the unit's listed had no outpatient visits (" +
               measures.outpatient + " 0)";
    return "täckningsgrad " + format_decimal(ratio().times(100), 2) + " % (" +
           format_decimal(*primary_care_, 0) + " " + measures.primary_care + " of " +
           format_decimal(*outpatient_, 0) + " " + measures.outpatient + ")";
}

std::vector<UnitCoverage> read_coverage(const RunContext& ctx, const std::string& type,
                                        const Measures& measures, IfMissing if_missing) {
    const UnitValues& values = ctx.data.unit_values(ctx.period);
    for (const std::string& measure : {measures.primary_care, measures.outpatient})
        values.require_measure(measure, type);
    std::vector<UnitCoverage> units;
    for (const Unit& unit : ctx.region.units) {
        // Refused when missing, unless the model says 0: then the unit has no täckningsgrad,
        // is paid nothing and its line says it reported none.
        auto read = [&](const std::string& measure) -> std::optional<Decimal> {
            if (if_missing == IfMissing::zero)
                return values.value(unit.id, measure);
            return values.value_at(unit.id, measure, if_missing, type);
        };
        const auto primary_care = read(measures.primary_care);
        const auto outpatient = read(measures.outpatient);
        auto impossible = [&](const std::string& why) {
            return std::runtime_error(type + ": unit '" + unit.id + "' in unit values " +
                                      ctx.period.to_string() + ": " + why);
        };
        if ((primary_care && primary_care->raw() < 0) || (outpatient && outpatient->raw() < 0))
            throw impossible(measures.primary_care + " and " + measures.outpatient +
                             " must not be negative");
        if (primary_care && outpatient && *primary_care > *outpatient)
            throw impossible(measures.primary_care + " " + primary_care->to_short_string() +
                             " exceeds " + measures.outpatient + " " +
                             outpatient->to_short_string() +
                             ": primary-care visits are part of all outpatient visits");
        units.emplace_back(primary_care, outpatient);
    }
    return units;
}

}  // namespace vardval::coverage
