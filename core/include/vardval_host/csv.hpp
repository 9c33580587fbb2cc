#pragma once
// A streaming CSV reader: one record at a time, so memory does not grow with the file.
// Comma-separated, optional double quotes (RFC 4180), header in the first line.
// A file that cannot be read to its end, has a line or field over the limits below, or names
// a column twice is refused as a whole (ImportError): nothing read from it may be stored.
#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vardval_host/import_error.hpp"

namespace vardval {

// No real extract has a field near this; a longer one is a broken or hostile file.
inline constexpr std::size_t kMaxCsvFieldBytes = 64 * 1024;
// The longest line held in memory (many fields at their limit are not a real extract either).
inline constexpr std::size_t kMaxCsvLineBytes = 1024 * 1024;

// A field's text as it may appear in a message: control bytes escaped (\x00), anything longer
// than a short prefix cut with its size ("abc…(1048576 bytes)"), in single quotes.
std::string shown(std::string_view field);

// One physical line's fields (RFC 4180 quotes, a doubled quote for a quote); false if a
// quoted field is still open at the line's end.
bool split_csv_line(std::string_view line, std::vector<std::string>& fields);

class CsvReader {
  public:
    // Reads the header; throws ImportError for a read error, an over-long line or field, or a
    // column name given twice.
    CsvReader(std::istream& in, std::string file);

    const std::vector<std::string>& header() const { return header_; }
    std::optional<std::size_t> column(const std::string& name) const;
    // Next record into `fields`; false at the end of the input. Blank lines are skipped.
    // Throws ImportError when the stream fails before its end or a line or field is too long.
    bool next(std::vector<std::string>& fields);
    std::int64_t line() const { return line_; }  // line of the record last read (1-based)
    const std::string& file() const { return file_; }
    std::uint64_t bytes_read() const { return bytes_; }
    // A record whose quotes did not close: the reader says so instead of guessing.
    bool last_record_malformed() const { return malformed_; }

  private:
    bool read_line();
    std::string where(std::int64_t line) const;

    std::istream& in_;
    std::string file_;
    std::vector<std::string> header_;
    std::map<std::string, std::size_t> columns_;
    std::vector<char> buffer_;
    std::string_view current_;
    std::int64_t line_ = 0;
    std::int64_t next_line_ = 1;
    std::uint64_t bytes_ = 0;
    bool malformed_ = false;
};

}  // namespace vardval
