#pragma once
// A unit-values file: `unit,measure,value`, one row per unit and measure, as the
// platform imports with --kind unit-values.
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "csv_file.hpp"

namespace gen {

// One row to add to a unit-values file written elsewhere (e.g. the staffing rows that
// JH's psychiatry adds to a listing month's unit values). `unit` and `measure` name
// constants.
struct UnitValueRow {
    std::string_view unit;
    std::string_view measure;
    std::uint64_t value = 0;  // in units of 10^-decimals
    int decimals = 0;
};

class UnitValuesFile {
  public:
    explicit UnitValuesFile(std::filesystem::path path) : file_(std::move(path)) {
        file_.header("unit,measure,value");
    }

    // `value` in units of 10^-decimals (öre for kronor with decimals = 2).
    void add(std::string_view unit, std::string_view measure, std::uint64_t value,
             int decimals = 0) {
        file_.text(unit).comma().text(measure).comma().fixed(value, decimals);
        file_.end_row();
    }
    void add(const UnitValueRow& row) { add(row.unit, row.measure, row.value, row.decimals); }

    const std::filesystem::path& path() const { return file_.path(); }
    std::uint64_t rows() const { return file_.rows(); }
    void close() { file_.close(); }

  private:
    CsvFile file_;
};

}  // namespace gen
