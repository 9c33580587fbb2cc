// Per-unit figures: the unit-values kind (one row per unit and measure) and ACG weights
// (per person, summed per unit); both are stored as UnitValues.
#include "vardval_host/import.hpp"

#include <map>
#include <set>

#include "vardval_host/duplicate_detector.hpp"

#include "import_rows.hpp"

namespace vardval {

UnitValues aggregate_unit_values(std::istream& in, const std::string& file, const Region& region,
                                 Period month, ImportReport& report) {
    CsvReader csv(in, file);
    begin_import(csv, report);
    const std::size_t unit_col = require_column(csv, "unit", "unit id from region.yaml");
    const std::size_t measure_col =
        require_column(csv, "measure", "e.g. continuity_doctor, drug_cost_kr");
    const std::size_t value_col = require_column(csv, "value", "a number");
    const UnitIndex units(region);
    const Terms& measures =
        require_vocabulary(region, Vocabulary::measure, "importing unit values");
    UnitValues result;
    result.ref.kind = "unit-values";
    result.ref.period = month.to_string();
    std::map<std::pair<std::string, std::string>, std::int64_t> first_line;
    std::vector<std::string> f;
    while (csv.next(f)) {
        ++report.rows_read;
        const std::int64_t line = csv.line();
        if (!row_readable(csv, f, report))
            continue;
        if (!find_unit(units, region, f[unit_col], line, report))
            continue;
        if (f[measure_col].empty()) {
            report.reject(line, "missing value", "measure is empty");
            continue;
        }
        const auto value = csv.decimal(f, value_col);
        if (!value) {
            report.reject(line, "invalid value",
                          shown(f[value_col]) + "; valid: a number with at most six decimals");
            continue;
        }
        if (!declared(region, Vocabulary::measure, measures, f[measure_col], line, report))
            continue;
        if (const auto why = out_of_range(measures.at(f[measure_col]), *value)) {
            report.reject(line, "value out of range", f[measure_col] + " " + *why);
            continue;
        }
        auto [it, fresh] = first_line.emplace(std::make_pair(f[unit_col], f[measure_col]), line);
        if (!fresh) {
            report.reject(line, "duplicate measure",
                          f[measure_col] + " for " + f[unit_col] + " already given on line " +
                              std::to_string(it->second));
            continue;
        }
        result.values[f[unit_col]][f[measure_col]] = *value;
        ++report.rows_used;
    }
    end_import(csv, report);
    return result;
}

UnitValues aggregate_acg(std::istream& in, const std::string& file, const Region& region,
                         Period month, ImportReport& report, const ProgressFn& progress) {
    CsvReader csv(in, file);
    begin_import(csv, report);
    const std::size_t person_col = require_column(csv, "person_id", "pseudonymous person key");
    const std::size_t unit_col = require_column(csv, "unit", "unit id from region.yaml");
    const std::size_t weight_col =
        require_column(csv, "acg_weight", "the person's ACG morbidity weight");
    const UnitIndex units(region);
    const Decimal max_weight = Decimal::from_int(100);
    std::vector<Decimal> points(region.units.size());
    std::vector<std::int64_t> persons(region.units.size());
    DuplicateDetector duplicates;
    std::vector<std::string> f;
    while (csv.next(f)) {
        ++report.rows_read;
        report_progress(csv, report.rows_read, progress);
        const std::int64_t line = csv.line();
        auto u = read_person_unit(csv, f, person_col, unit_col, units, region, report);
        if (!u)
            continue;
        const auto weight = csv.decimal(f, weight_col);
        if (!weight || weight->raw() < 0 || *weight > max_weight) {
            report.reject(line, "invalid ACG weight",
                          shown(f[weight_col]) + "; valid: a number from 0 to 100");
            continue;
        }
        points[*u] = points[*u] + *weight;
        ++persons[*u];
        ++report.rows_used;
        // The weight (at most 1e8 millionths) fits in the 48 bits above the unit index.
        duplicates.add(f[person_col], line,
                       static_cast<std::uint64_t>(*u) | static_cast<std::uint64_t>(weight->raw())
                                                            << 16);
    }
    end_import(csv, report);
    duplicates.finish([&](std::int64_t line, std::int64_t first_line, std::uint64_t payload) {
        const std::size_t u = payload & 0xffff;
        points[u] = points[u] - Decimal::from_raw(static_cast<std::int64_t>(payload >> 16));
        --persons[u];
        --report.rows_used;
        report.reject(line, "duplicate person",
                      "person_id already given on line " + std::to_string(first_line));
    });

    UnitValues result;
    result.ref.kind = "acg";
    result.ref.period = month.to_string();
    for (std::size_t u = 0; u < region.units.size(); ++u) {
        if (persons[u] == 0)
            continue;
        result.values[region.units[u].id]["acg_points"] = points[u];
        result.values[region.units[u].id]["acg_persons"] = Decimal::from_int(persons[u]);
    }
    return result;
}

}  // namespace vardval
