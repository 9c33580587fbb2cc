#pragma once
// Row checks and messages every CSV import shares (listing, visits, events, psychiatry, ...):
// internal to core, so that each data kind can live in a file of its own.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vardval/aggregates.hpp"
#include "vardval/period.hpp"
#include "vardval/region.hpp"
#include "vardval_host/csv.hpp"
#include "vardval_host/import.hpp"
#include "vardval_host/unit_index.hpp"
#include "vardval_host/vocabulary.hpp"

namespace vardval {

inline constexpr std::int64_t kProgressEvery = 100'000;

// Takes the file's name into the report; a file without even a header is refused.
void begin_import(const CsvReader& csv, ImportReport& report);
// A file with a header and no rows would be stored as an empty dataset that hides the
// month's earlier version: refused instead.
void end_import(const std::string& file, const ImportReport& report);
// The same, after the report takes the format the reader found.
void end_import(const CsvReader& csv, ImportReport& report);

// The header as it may appear in a message (a column name can be anything).
std::string columns_found(const CsvReader& csv);
std::string date_text(Date d);  // YYYY-MM-DD
// The column's index, or ImportError naming it, `what` it holds and the columns found.
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
std::string invalid_sex_detail(std::string_view s);

struct AgeSex {
    int age;
    Sex sex;
};
// The person's age on `at` and sex, or the row rejected with the reason.
std::optional<AgeSex> read_person(const std::vector<std::string>& f, const BirthColumns& birth,
                                  std::size_t sex_col, Date at, std::int64_t line,
                                  ImportReport& report);

// Shared row checks; false (and the row rejected) when the row cannot be read at all.
bool row_readable(const CsvReader& csv, const std::vector<std::string>& f, ImportReport& report);

// The unit's position in the region (`units` indexes it), or nothing with the row rejected.
std::optional<std::size_t> find_unit(const UnitIndex& units, const Region& region,
                                     const std::string& id, std::int64_t line,
                                     ImportReport& report);

// A name the region declares (a profession, event, measure, ...); false and the row rejected
// ("unknown profession: 'Doctor' is not in the professions declared in ...") when it does not.
bool declared(const Region& region, Vocabulary v, const Terms& terms, const std::string& name,
              std::int64_t line, ImportReport& report);

// The checks a person-level row starts with: readable, a person, a unit of the region.
// The unit's index, or nothing with the row rejected.
std::optional<std::size_t> read_person_unit(const CsvReader& csv, const std::vector<std::string>& f,
                                            std::size_t person_col, std::size_t unit_col,
                                            const UnitIndex& units, const Region& region,
                                            ImportReport& report);

// Calls `progress` every 100 000 rows.
void report_progress(const CsvReader& csv, std::int64_t rows, const ProgressFn& progress);

}  // namespace vardval
