// The events kind: registered events in a month, kept as a histogram of events per person,
// unit and event.
#include "vardval_host/import.hpp"

#include <map>
#include <tuple>

#include "vardval_host/duplicate_detector.hpp"

#include "import_rows.hpp"

namespace vardval {

EventAggregate aggregate_events(std::istream& in, const std::string& file, const Region& region,
                                Period month, ImportReport& report) {
    CsvReader csv(in, file);
    begin_import(csv, report);
    const std::size_t person_col = require_column(csv, "person_id", "pseudonymous person key");
    const std::size_t unit_col = require_column(csv, "unit", "unit id from region.yaml");
    const std::size_t date_col = require_column(csv, "event_date", "YYYY-MM-DD");
    const std::size_t event_col = require_column(csv, "event", "e.g. health_talk_50, sip");
    const BirthColumns birth = birth_columns(csv);
    const UnitIndex units(region);
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
    end_import(csv, report);

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

}  // namespace vardval
