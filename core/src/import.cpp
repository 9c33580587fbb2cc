#include "vardval_host/import.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "import_checks.hpp"
#include "vardval/issue.hpp"
#include "vardval_host/csv.hpp"
#include "vardval_host/duplicate_detector.hpp"
#include "vardval_host/episodes.hpp"
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

std::map<std::string, std::size_t> unit_index(const Region& region) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < region.units.size(); ++i)
        index[region.units[i].id] = i;
    return index;
}

// Shared row checks; false (and the row rejected) when the row cannot be read at all.
bool row_readable(const CsvReader& csv, const std::vector<std::string>& f, ImportReport& report) {
    if (csv.last_record_malformed()) {
        report.reject(csv.line(), "malformed row", "a quoted field is not closed");
        return false;
    }
    if (f.size() != csv.header().size()) {
        report.reject(csv.line(), "wrong number of fields",
                      wrong_number_of_fields(csv.header().size(), f.size()));
        return false;
    }
    return true;
}

std::optional<std::size_t> find_unit(const std::map<std::string, std::size_t>& units,
                                     const Region& region, const std::string& id, std::int64_t line,
                                     ImportReport& report) {
    auto it = units.find(id);
    if (it == units.end()) {
        report.reject(line, "unknown unit", unknown_unit(id, region));
        return std::nullopt;
    }
    return it->second;
}

// A name the region declares (a profession, event, measure, ...); false and the row rejected
// ("unknown profession: 'Doctor' is not in the professions declared in ...") when it does not.
bool declared(const Region& region, Vocabulary v, const Terms& terms, const std::string& name,
              std::int64_t line, ImportReport& report) {
    const auto why = undeclared(region, v, terms, name);
    if (why)
        report.reject(line, std::string("unknown ") + noun(v), *why);
    return !why;
}

// The checks a person-level row starts with: readable, a person, a unit of the region.
// The unit's index, or nothing with the row rejected.
std::optional<std::size_t> read_person_unit(const CsvReader& csv, const std::vector<std::string>& f,
                                            std::size_t person_col, std::size_t unit_col,
                                            const std::map<std::string, std::size_t>& units,
                                            const Region& region, ImportReport& report) {
    if (!row_readable(csv, f, report))
        return std::nullopt;
    if (f[person_col].empty()) {
        report.reject(csv.line(), "missing person_id", "");
        return std::nullopt;
    }
    return find_unit(units, region, f[unit_col], csv.line(), report);
}

void report_progress(const CsvReader& csv, std::int64_t rows, const ProgressFn& progress) {
    if (progress && rows % kProgressEvery == 0)
        progress(csv.bytes_read(), rows);
}

// Psychiatric history older than this before the extract's last month is a mistyped year.
constexpr int kMaxHistoryYears = 10;

// A lowercase identifier: contact types, professions, diagnosis groups.
bool is_identifier(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// A patient-reported outcome score: a whole number 0-100, or empty when not measured. False
// when the text is neither.
bool parse_score(const std::string& text, std::optional<int>& score) {
    score.reset();
    if (text.empty())
        return true;
    int value = 0;
    if (text.size() > 3 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    std::from_chars(text.data(), text.data() + text.size(), value);
    if (value > 100)
        return false;
    score = value;
    return true;
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

PsychiatryAggregate aggregate_psychiatry(std::istream& in, const std::string& file,
                                         const Region& region, Period month, ImportReport& report,
                                         const ProgressFn& progress) {
    CsvReader csv(in, file);
    begin_import(csv, report);
    const std::size_t person_col = require_column(csv, "person_id", "pseudonymous person key");
    const std::size_t unit_col = require_column(csv, "unit", "unit id from region.yaml");
    const std::size_t date_col = require_column(csv, "contact_date", "YYYY-MM-DD");
    const std::size_t contact_col =
        require_column(csv, "contact_type", "e.g. visit, digital, phone, group, home_visit");
    const std::size_t profession_col =
        require_column(csv, "profession", "e.g. doctor, psychologist, counsellor, nurse");
    const std::size_t diagnosis_col =
        require_column(csv, "diagnosis_group", "e.g. depression, anxiety, adhd, psychosis");
    const auto score_col = csv.column("score");
    const auto units = unit_index(region);
    const Date end = last_day(month);
    struct Identifier {
        const char* name;
        std::size_t col;
        Vocabulary vocabulary;
        const Terms& terms;
    };
    const std::string needed_by = "importing psychiatric contacts";
    const std::vector<Identifier> identifiers = {
        {"contact_type", contact_col, Vocabulary::psychiatry_contact_type,
         require_vocabulary(region, Vocabulary::psychiatry_contact_type, needed_by)},
        {"profession", profession_col, Vocabulary::psychiatry_profession,
         require_vocabulary(region, Vocabulary::psychiatry_profession, needed_by)},
        {"diagnosis_group", diagnosis_col, Vocabulary::diagnosis_group,
         require_vocabulary(region, Vocabulary::diagnosis_group, needed_by)}};

    // Contacts per unit, month, contact type, profession and diagnosis group. Each key has a
    // number, so that a duplicate found at the end can be taken back.
    using ContactKey = std::tuple<std::string, Period, std::string, std::string, std::string>;
    std::map<ContactKey, std::uint64_t> contact_keys;
    std::vector<std::int64_t> contacts;
    // Each person's contacts at each unit, held only while the file is read.
    struct HeldContact {
        std::int64_t line;
        EpisodeContact contact;
    };
    struct PersonAtUnit {
        std::size_t unit;
        std::vector<HeldContact> contacts;
    };
    std::unordered_map<std::string, PersonAtUnit> persons;  // person_id \x1f unit → contacts
    std::set<std::string, std::less<>> diagnosis_groups;    // the names contacts point into
    DuplicateDetector duplicates;
    std::vector<std::string> f;
    while (csv.next(f)) {
        ++report.rows_read;
        report_progress(csv, report.rows_read, progress);
        const std::int64_t line = csv.line();
        auto u = read_person_unit(csv, f, person_col, unit_col, units, region, report);
        if (!u)
            continue;
        const auto date = Date::parse(f[date_col]);
        if (!date) {
            report.reject(line, "invalid contact date",
                          shown(f[date_col]) + " is not a date (YYYY-MM-DD)");
            continue;
        }
        if (end < *date) {
            report.reject(line, "contact after the extract",
                          date_text(*date) + " is after " + month.to_string() +
                              ", the month the extract ends with");
            continue;
        }
        if (*date < Date{month.year - kMaxHistoryYears, month.month, 1}) {
            report.reject(line, "contact long before the extract",
                          date_text(*date) + " is more than " + std::to_string(kMaxHistoryYears) +
                              " years before " + month.to_string() +
                              ", the month the extract ends with");
            continue;
        }
        bool identifiers_ok = true;
        for (const Identifier& id : identifiers) {
            if (!is_identifier(f[id.col])) {
                if (f[id.col].empty())
                    report.reject(line, "missing value", std::string(id.name) + " is empty");
                else
                    report.reject(line, "invalid identifier",
                                  std::string(id.name) + " " + shown(f[id.col]) +
                                      "; valid: lowercase letters, digits, _ and -");
                identifiers_ok = false;
            } else {
                identifiers_ok = declared(region, id.vocabulary, id.terms, f[id.col], line, report);
            }
            if (!identifiers_ok)
                break;
        }
        if (!identifiers_ok)
            continue;
        std::optional<int> score;
        if (score_col && !parse_score(f[*score_col], score)) {
            report.reject(line, "invalid score",
                          shown(f[*score_col]) +
                              "; valid: a whole number from 0 to 100, empty when not measured");
            continue;
        }

        auto [key, fresh] =
            contact_keys.try_emplace(ContactKey{f[unit_col], date->period(), f[contact_col],
                                                f[profession_col], f[diagnosis_col]},
                                     contacts.size());
        if (fresh)
            contacts.push_back(0);
        ++contacts[key->second];
        const std::string_view diagnosis = *diagnosis_groups.insert(f[diagnosis_col]).first;
        persons.try_emplace(f[person_col] + '\x1f' + f[unit_col], PersonAtUnit{*u, {}})
            .first->second.contacts.push_back({line, EpisodeContact{*date, diagnosis, score}});
        ++report.rows_used;
        duplicates.add(f[person_col] + '\x1f' + f[unit_col] + '\x1f' + f[date_col] + '\x1f' +
                           f[contact_col] + '\x1f' + f[profession_col],
                       line, key->second);
    }
    end_import(csv.file(), report);
    std::unordered_set<std::int64_t> duplicate_lines;
    duplicates.finish([&](std::int64_t line, std::int64_t first_line, std::uint64_t key) {
        --contacts[key];
        duplicate_lines.insert(line);
        --report.rows_used;
        report.reject(line, "duplicate contact",
                      "the same person, unit, date, contact_type and profession as line " +
                          std::to_string(first_line));
    });

    // unit, diagnosis group, contacts, opened, closed, score change → episodes
    using EpisodeKey = std::tuple<std::string, std::string_view, std::int64_t, Period,
                                  std::optional<Period>, std::optional<int>>;
    std::map<EpisodeKey, std::int64_t> histogram;
    for (auto it = persons.begin(); it != persons.end(); it = persons.erase(it)) {
        std::vector<EpisodeContact> kept;
        for (const HeldContact& c : it->second.contacts)
            if (!duplicate_lines.count(c.line))
                kept.push_back(c.contact);
        for (const Episode& e : build_episodes(std::move(kept), region.episode_gap_days, end))
            ++histogram[EpisodeKey{region.units[it->second.unit].id, e.diagnosis_group, e.contacts,
                                   e.opened, e.closed, e.score_change}];
    }

    PsychiatryAggregate result;
    result.ref.kind = "psychiatry";
    result.ref.period = month.to_string();
    result.episode_gap_days = region.episode_gap_days;
    for (const auto& [key, number] : contact_keys) {
        const auto& [unit, contact_month, contact_type, profession, diagnosis] = key;
        if (contacts[number] > 0)
            result.contacts.push_back(
                {unit, contact_month, contact_type, profession, diagnosis, contacts[number]});
    }
    for (const auto& [key, n] : histogram) {
        const auto& [unit, diagnosis, size, opened, closed, score_change] = key;
        result.episodes.push_back(
            {unit, std::string(diagnosis), size, opened, closed, score_change, n});
    }
    return result;
}

}  // namespace vardval
