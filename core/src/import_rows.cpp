#include "import_rows.hpp"

#include <charconv>
#include <cstdio>

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

void begin_import(const CsvReader& csv, ImportReport& report) {
    report.file = csv.file();
    if (csv.header().empty())
        throw ImportError(csv.file() + ": empty file, expected a header line");
}

void end_import(const std::string& file, const ImportReport& report) {
    if (report.rows_read == 0)
        throw ImportError(file + ": no data rows after the header line");
}

void end_import(const CsvReader& csv, ImportReport& report) {
    report.format = csv.format();
    end_import(csv.file(), report);
}

// The header as it may appear in a message (a column name can be anything).
std::string columns_found(const CsvReader& csv) {
    std::string text;
    for (const std::string& name : csv.header())
        text += (text.empty() ? "" : ", ") + shown(name);
    return text;
}

std::string date_text(Date d) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
    return text;
}

std::size_t require_column(const CsvReader& csv, const std::string& name, const std::string& what) {
    auto c = csv.column(name);
    if (!c)
        throw ImportError(csv.file() + ":1: missing column '" + name + "' (" + what +
                          "); columns found: " + columns_found(csv));
    return *c;
}

BirthColumns birth_columns(const CsvReader& csv) {
    BirthColumns b{csv.column("birth_date"), csv.column("birth_year")};
    if (!b.date && !b.year)
        throw ImportError(csv.file() +
                          ":1: missing column 'birth_date' or 'birth_year'; columns found: " +
                          columns_found(csv));
    return b;
}

std::optional<int> parse_age(std::string_view birth_date, std::string_view birth_year, Date at,
                             std::string& why) {
    int age = 0;
    if (!birth_date.empty()) {
        auto birth = Date::parse(birth_date);
        if (!birth) {
            why = "birth_date is not a date (YYYY-MM-DD)";
            return std::nullopt;
        }
        if (at < *birth) {
            why = "birth_date is after " + date_text(at);
            return std::nullopt;
        }
        age = age_on(*birth, at);
    } else if (!birth_year.empty()) {
        int year = 0;
        const char* end = birth_year.data() + birth_year.size();
        const auto parsed = std::from_chars(birth_year.data(), end, year);
        // All four characters digits: "19x0" is not the year 19.
        if (parsed.ec != std::errc() || parsed.ptr != end || birth_year.size() != 4 ||
            year > at.year) {
            why = "birth_year is not a year on or before " + std::to_string(at.year);
            return std::nullopt;
        }
        age = at.year - year;
    } else {
        why = "no birth_date or birth_year";
        return std::nullopt;
    }
    if (age > kMaxAge) {
        why = "born more than " + std::to_string(kMaxAge) + " years before " + date_text(at);
        return std::nullopt;
    }
    return age;
}

std::optional<Sex> parse_sex(std::string_view s) {
    if (s == "F" || s == "K")
        return Sex::female;
    if (s == "M")
        return Sex::male;
    return std::nullopt;
}

std::string wrong_number_of_fields(std::size_t expected, std::size_t got) {
    return "expected " + std::to_string(expected) + ", got " + std::to_string(got);
}

std::string unknown_unit(std::string_view id, const Region& region) {
    return shown(id) + " is not a unit of " + region.id + " (see " + region.file + ")";
}

std::string invalid_sex_detail(std::string_view s) {
    return shown(s) + "; valid: F, M (K accepted for kvinna)";
}

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

std::optional<std::size_t> find_unit(const UnitIndex& units, const Region& region,
                                     const std::string& id, std::int64_t line,
                                     ImportReport& report) {
    const auto at = units.find(id);
    if (!at)
        report.reject(line, "unknown unit", unknown_unit(id, region));
    return at;
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
                                            const UnitIndex& units, const Region& region,
                                            ImportReport& report) {
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

}  // namespace vardval
