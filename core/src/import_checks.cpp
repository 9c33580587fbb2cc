#include "import_checks.hpp"

#include <charconv>
#include <cstdio>

namespace vardval {
namespace {

// The header as it may appear in a message (a column name can be anything).
std::string columns_found(const CsvReader& csv) {
    std::string text;
    for (const std::string& name : csv.header())
        text += (text.empty() ? "" : ", ") + shown(name);
    return text;
}

}  // namespace

void begin_import(const CsvReader& csv, ImportReport& report) {
    report.file = csv.file();
    if (csv.header().empty())
        throw ImportError(csv.file() + ": empty file, expected a header line");
}

void end_import(const std::string& file, const ImportReport& report) {
    if (report.rows_read == 0)
        throw ImportError(file + ": no data rows after the header line");
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

}  // namespace vardval
