#pragma once
// Checks every person-level import shares: the header's columns, a person's age and sex,
// the start and end of a file. Internal to the importers.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vardval/aggregates.hpp"
#include "vardval/period.hpp"
#include "vardval/region.hpp"
#include "vardval_host/csv.hpp"
#include "vardval_host/import.hpp"

namespace vardval {

inline constexpr std::int64_t kProgressEvery = 100'000;

// The file has a header; names the file in the report.
void begin_import(const CsvReader& csv, ImportReport& report);
// A file with a header and no rows would be stored as an empty dataset that hides the
// month's earlier version: refused instead.
void end_import(const std::string& file, const ImportReport& report);

std::string date_text(Date d);
// The column's index, or ImportError naming the column, what it holds and the columns found.
std::size_t require_column(const CsvReader& csv, const std::string& name, const std::string& what);

// Where the birth is: a full date, or a year only.
struct BirthColumns {
    std::optional<std::size_t> date;
    std::optional<std::size_t> year;
};
BirthColumns birth_columns(const CsvReader& csv);

// A field of the row, or "" for a column the file does not have.
template <typename Field>
std::string_view field_at(const std::vector<Field>& f, std::optional<std::size_t> column) {
    return column ? std::string_view(f[*column]) : std::string_view();
}

// Age in completed years on `at` from a birth date (used when given) or year, or a reason
// why there is none.
std::optional<int> parse_age(std::string_view birth_date, std::string_view birth_year, Date at,
                             std::string& why);
std::optional<Sex> parse_sex(std::string_view s);
// The details of common rejects.
std::string wrong_number_of_fields(std::size_t expected, std::size_t got);
std::string unknown_unit(std::string_view id, const Region& region);
// What a row with an invalid sex is rejected with.
std::string invalid_sex_detail(std::string_view s);

}  // namespace vardval
