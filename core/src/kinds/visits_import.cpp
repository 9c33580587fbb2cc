// The visits kind: primary-care contacts in a period, counted by unit, age, sex, profession,
// contact type, fee and listing unit.
#include "vardval_host/import.hpp"

#include <map>
#include <tuple>

#include "import_rows.hpp"

namespace vardval {

VisitAggregate aggregate_visits(std::istream& in, const std::string& file, const Region& region,
                                PeriodRange range, ImportReport& report,
                                const ProgressFn& progress) {
    CsvReader csv(in, file);
    begin_import(csv, report);
    const std::size_t unit_col = require_column(csv, "unit", "treating unit id from region.yaml");
    const std::size_t date_col = require_column(csv, "visit_date", "YYYY-MM-DD");
    const std::size_t sex_col = require_column(csv, "sex", "F or M");
    const std::size_t profession_col = require_column(csv, "profession", "e.g. doctor, nurse");
    const std::size_t contact_col = require_column(csv, "contact_type", "e.g. visit, phone");
    const auto fee_col = csv.column("fee_charged");
    const auto listed_col = csv.column("listed_unit");
    const BirthColumns birth = birth_columns(csv);
    const UnitIndex units(region);
    const Terms& professions =
        require_vocabulary(region, Vocabulary::profession, "importing visits");
    const Terms& contact_types =
        require_vocabulary(region, Vocabulary::contact_type, "importing visits");

    // unit, age, sex, profession, contact type, fee charged, listing unit (or none)
    using Key = std::tuple<std::size_t, int, int, std::string, std::string, bool, std::string>;
    std::map<Key, std::int64_t> counts;
    std::vector<std::string> f;
    while (csv.next(f)) {
        ++report.rows_read;
        report_progress(csv, report.rows_read, progress);
        const std::int64_t line = csv.line();
        if (!row_readable(csv, f, report))
            continue;
        auto u = find_unit(units, region, f[unit_col], line, report);
        if (!u)
            continue;
        auto date = Date::parse(f[date_col]);
        if (!date) {
            report.reject(line, "invalid visit date",
                          shown(f[date_col]) + " is not a date (YYYY-MM-DD)");
            continue;
        }
        if (!range.contains(date->period())) {
            report.reject(line, "visit outside period",
                          date_text(*date) + " is outside " + range.to_string());
            continue;
        }
        const auto person = read_person(f, birth, sex_col, *date, line, report);
        if (!person)
            continue;
        const auto [age, sex] = *person;
        if (f[profession_col].empty() || f[contact_col].empty()) {
            report.reject(line, "missing value", "profession and contact_type are required");
            continue;
        }
        if (!declared(region, Vocabulary::profession, professions, f[profession_col], line,
                      report) ||
            !declared(region, Vocabulary::contact_type, contact_types, f[contact_col], line,
                      report))
            continue;
        bool fee_charged = true;
        if (fee_col) {
            const std::string& fee = f[*fee_col];
            if (fee != "0" && fee != "1") {
                report.reject(line, "invalid fee_charged", shown(fee) + "; valid: 0 or 1");
                continue;
            }
            fee_charged = fee == "1";
        }
        std::string listed_unit;
        if (listed_col && !f[*listed_col].empty()) {
            if (!find_unit(units, region, f[*listed_col], line, report))
                continue;
            listed_unit = f[*listed_col];
        }
        ++counts[Key{*u, age, static_cast<int>(sex), f[profession_col], f[contact_col], fee_charged,
                     listed_unit}];
        ++report.rows_used;
    }
    end_import(csv, report);

    VisitAggregate result;
    result.ref.kind = "visits";
    result.ref.period = range.to_string();
    for (const auto& [key, n] : counts) {
        const auto& [u, age, sex, profession, contact, fee_charged, listed_unit] = key;
        result.counts.push_back({region.units[u].id, age, static_cast<Sex>(sex), profession,
                                 contact, n, fee_charged, listed_unit});
    }
    return result;
}

}  // namespace vardval
