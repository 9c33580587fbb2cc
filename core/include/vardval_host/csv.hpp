#pragma once
// A streaming CSV reader: one record at a time, so memory does not grow with the file.
// Comma-separated, optional double quotes (RFC 4180), header in the first line.
#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vardval {

class CsvReader {
  public:
    CsvReader(std::istream& in, std::string file);

    const std::vector<std::string>& header() const { return header_; }
    std::optional<std::size_t> column(const std::string& name) const;
    // Next record into `fields`; false at end of input. Blank lines are skipped.
    bool next(std::vector<std::string>& fields);
    std::int64_t line() const { return line_; }  // line of the record last read (1-based)
    const std::string& file() const { return file_; }
    std::uint64_t bytes_read() const { return bytes_; }
    // A record whose quotes did not close: the reader says so instead of guessing.
    bool last_record_malformed() const { return malformed_; }

  private:
    std::istream& in_;
    std::string file_;
    std::vector<std::string> header_;
    std::map<std::string, std::size_t> columns_;
    std::string buffer_;
    std::int64_t line_ = 0;
    std::int64_t next_line_ = 1;
    std::uint64_t bytes_ = 0;
    bool malformed_ = false;
};

}  // namespace vardval
