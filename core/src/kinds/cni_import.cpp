// SCB's per-unit CNI delivery: one row per unit with its listed and the share of them with
// each socioeconomic variable, as the office receives it (SCB computes it from the region's
// listing; no per-person flag ever reaches the office).
#include "vardval_host/import.hpp"

#include <map>

#include "import_rows.hpp"

namespace vardval {

namespace {

constexpr const char* kVariablePrefix = "cni_";

// The cni_<variable> columns: variable → column.
std::map<std::string, std::size_t> variable_columns(const CsvReader& csv) {
    std::map<std::string, std::size_t> columns;
    for (std::size_t i = 0; i < csv.header().size(); ++i)
        if (csv.header()[i].rfind(kVariablePrefix, 0) == 0)
            columns.emplace(csv.header()[i].substr(4), i);
    if (columns.empty())
        throw ImportError(csv.file() +
                          ": no cni_<variable> column (the share of listed with the variable, in "
                          "percent, e.g. cni_over65_alone); columns found: " +
                          columns_found(csv));
    return columns;
}

// A share in percent, 0 to 100, exact; as a fraction of listed.
std::optional<Rational> percent_share(CsvReader& csv, const std::vector<std::string>& f,
                                      std::size_t column) {
    const auto percent = csv.exact_decimal(f, column);
    if (!percent || *percent < Rational() || Rational::from_int(100) < *percent)
        return std::nullopt;
    return *percent / Rational::from_int(100);
}

}  // namespace

CniDelivery aggregate_cni(std::istream& in, const std::string& file, const Region& region,
                          Period month, ImportReport& report) {
    CsvReader csv(in, file);
    begin_import(csv, report);
    const std::size_t unit_col = require_column(csv, "unit", "unit id from region.yaml");
    const std::size_t listed_col =
        require_column(csv, "listed", "the unit's listed persons SCB counted");
    const std::map<std::string, std::size_t> variables = variable_columns(csv);
    const UnitIndex units(region);
    CniDelivery result;
    result.ref.kind = "cni";
    result.ref.period = month.to_string();
    std::map<std::string, std::int64_t> first_line;
    std::vector<std::string> f;
    while (csv.next(f)) {
        ++report.rows_read;
        const std::int64_t line = csv.line();
        if (!row_readable(csv, f, report))
            continue;
        if (!find_unit(units, region, f[unit_col], line, report))
            continue;
        const auto listed = Decimal::parse(f[listed_col]);
        if (!listed || listed->raw() < 0 || listed->raw() % Decimal::kScale != 0) {
            report.reject(line, "invalid listed",
                          shown(f[listed_col]) + "; valid: a whole number, 0 or more");
            continue;
        }
        CniUnit figures;
        figures.listed = listed->raw() / Decimal::kScale;
        std::string invalid;
        for (const auto& [variable, column] : variables) {
            const auto share = percent_share(csv, f, column);
            if (!share) {
                invalid = kVariablePrefix + variable + " = " + shown(f[column]);
                break;
            }
            figures.shares.emplace(variable, *share);
        }
        if (!invalid.empty()) {
            report.reject(
                line, "invalid share",
                invalid + "; valid: a percentage from 0 to 100, e.g. 12.5 (12,5 in a ';' file)");
            continue;
        }
        auto [it, fresh] = first_line.emplace(f[unit_col], line);
        if (!fresh) {
            report.reject(line, "duplicate unit",
                          f[unit_col] + " already given on line " + std::to_string(it->second));
            continue;
        }
        result.units.emplace(f[unit_col], std::move(figures));
        ++report.rows_used;
    }
    end_import(csv, report);
    return result;
}

}  // namespace vardval
