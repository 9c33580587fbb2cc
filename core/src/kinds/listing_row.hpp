#pragma once
// One listing row: the columns, what a used row adds, why a row is rejected.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "csv_chunks.hpp"
#include "import_rows.hpp"
#include "vardval_host/unit_index.hpp"

namespace vardval::listing {

// Sweden is 1 570 km from end to end: no one lives further than that from a hospital of
// their region.
constexpr std::int64_t kMaxDistanceKm = 2'000;
constexpr std::size_t kMaxCniVariables = 16;

struct Columns {
    char separator = ',';  // the file's: with ';' the distance may have a decimal comma
    std::size_t count = 0;
    std::size_t person = 0, unit = 0, sex = 0, distance = 0;
    BirthColumns birth;
    std::vector<std::pair<std::string, std::size_t>> cni;  // variable, column
};

Columns find_columns(const CsvReader& csv);

// What one used row adds to its unit.
struct PersonRow {
    std::uint32_t unit = 0;
    int age = 0;
    int sex = 0;
    std::uint32_t cni = 0;  // bit v: the person has variable v
    int bucket = 0;         // distance in tenths of a km, rounded up
    char mark = '\0';       // the distance's decimal mark in a ';' file, when it has one
};

struct Rejection {
    std::string kind;
    std::string detail;
};

// Reads one row. Pure: a rejected row is read again for its reason (`why` is only filled
// then, so the parallel pass builds no message), a duplicate for what it added.
class RowReader {
  public:
    RowReader(const Columns& columns, const Region& region, Period month)
        : c_(columns), region_(region), census_{month.year, month.month, 1}, units_(region) {}

    bool read(const std::vector<std::string_view>& f, FieldSplitter::Result split, PersonRow& row,
              Rejection* why) const;

  private:
    const Columns& c_;
    const Region& region_;
    Date census_;
    UnitIndex units_;
};

}  // namespace vardval::listing
