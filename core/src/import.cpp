#include "vardval_host/import.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "import_rows.hpp"
#include "vardval/issue.hpp"
#include "vardval_host/csv.hpp"
#include "vardval_host/duplicate_detector.hpp"
#include "vardval_host/vocabulary.hpp"

namespace vardval {

void ImportReport::reject(std::int64_t line, const std::string& kind, const std::string& detail) {
    ++rows_rejected;
    ++rejects_by_kind[kind];
    const std::string reason = detail.empty() ? kind : kind + ": " + detail;
    if (first_rejects.size() < 100)
        first_rejects.push_back({line, reason});
    if (rejects_out) {
        std::string quoted = reason;
        for (std::size_t p = 0; (p = quoted.find('"', p)) != std::string::npos; p += 2)
            quoted.insert(p, "\"");
        *rejects_out << file << "," << line << ",\"" << quoted << "\"\n";
    }
}

namespace {

struct AgeSex {
    int age;
    Sex sex;
};

// The person's age on `at` and sex, or the row rejected with the reason.
std::optional<AgeSex> read_person(const std::vector<std::string>& f, const BirthColumns& birth,
                                  std::size_t sex_col, Date at, std::int64_t line,
                                  ImportReport& report) {
    std::string why;
    const auto age = parse_age(field_at(f, birth.date), field_at(f, birth.year), at, why);
    if (!age) {
        report.reject(line, "invalid birth", why);
        return std::nullopt;
    }
    const auto sex = parse_sex(f[sex_col]);
    if (!sex) {
        report.reject(line, "invalid sex", invalid_sex_detail(f[sex_col]));
        return std::nullopt;
    }
    return AgeSex{*age, *sex};
}

}  // namespace

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
    const auto units = unit_index(region);
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
    end_import(csv.file(), report);

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

UnitValues aggregate_unit_values(std::istream& in, const std::string& file, const Region& region,
                                 Period month, ImportReport& report) {
    CsvReader csv(in, file);
    begin_import(csv, report);
    const std::size_t unit_col = require_column(csv, "unit", "unit id from region.yaml");
    const std::size_t measure_col =
        require_column(csv, "measure", "e.g. continuity_doctor, drug_cost_kr");
    const std::size_t value_col = require_column(csv, "value", "a number");
    const auto units = unit_index(region);
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
        const auto value = Decimal::parse(f[value_col]);
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
    end_import(csv.file(), report);
    return result;
}

EventAggregate aggregate_events(std::istream& in, const std::string& file, const Region& region,
                                Period month, ImportReport& report) {
    CsvReader csv(in, file);
    begin_import(csv, report);
    const std::size_t person_col = require_column(csv, "person_id", "pseudonymous person key");
    const std::size_t unit_col = require_column(csv, "unit", "unit id from region.yaml");
    const std::size_t date_col = require_column(csv, "event_date", "YYYY-MM-DD");
    const std::size_t event_col = require_column(csv, "event", "e.g. health_talk_50, sip");
    const BirthColumns birth = birth_columns(csv);
    const auto units = unit_index(region);
    const Terms& events = require_vocabulary(region, Vocabulary::event, "importing events");

    // Events per person, unit and event this month. Held only while the file is read.
    struct PersonEvents {
        std::size_t unit;
        std::string event;
        int age;
        std::int64_t events;
    };
    std::map<std::string, PersonEvents> per_person;
    std::vector<std::string> f;
    while (csv.next(f)) {
        ++report.rows_read;
        const std::int64_t line = csv.line();
        if (!row_readable(csv, f, report))
            continue;
        if (f[person_col].empty() || f[event_col].empty()) {
            report.reject(line, "missing value", "person_id and event are required");
            continue;
        }
        if (!declared(region, Vocabulary::event, events, f[event_col], line, report))
            continue;
        auto u = find_unit(units, region, f[unit_col], line, report);
        if (!u)
            continue;
        auto date = Date::parse(f[date_col]);
        if (!date) {
            report.reject(line, "invalid event date",
                          shown(f[date_col]) + " is not a date (YYYY-MM-DD)");
            continue;
        }
        if (date->period() != month) {
            report.reject(line, "event outside month",
                          date_text(*date) + " is outside " + month.to_string());
            continue;
        }
        // The age reached during the event's year: "the year the person turns 50".
        std::string why;
        const auto age = parse_age(field_at(f, birth.date), field_at(f, birth.year),
                                   Date{date->year, 12, 31}, why);
        if (!age) {
            report.reject(line, "invalid birth", why);
            continue;
        }
        const std::string key = f[person_col] + '\x1f' + f[unit_col] + '\x1f' + f[event_col];
        auto [it, fresh] = per_person.try_emplace(key, PersonEvents{*u, f[event_col], *age, 0});
        if (!fresh && it->second.age != *age) {
            report.reject(line, "inconsistent birth",
                          "the person has another birth on an earlier row");
            continue;
        }
        ++it->second.events;
        ++report.rows_used;
    }
    end_import(csv.file(), report);

    using Key = std::tuple<std::size_t, std::string, int, std::int64_t>;
    std::map<Key, std::int64_t> histogram;  // unit, event, age, events per person → persons
    for (const auto& [key, p] : per_person)
        ++histogram[Key{p.unit, p.event, p.age, p.events}];
    EventAggregate result;
    result.ref.kind = "events";
    result.ref.period = month.to_string();
    for (const auto& [key, persons] : histogram) {
        const auto& [u, event, age, events] = key;
        result.counts.push_back({region.units[u].id, event, age, events, persons});
    }
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
    const auto units = unit_index(region);
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
        const auto weight = Decimal::parse(f[weight_col]);
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
    end_import(csv.file(), report);
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
