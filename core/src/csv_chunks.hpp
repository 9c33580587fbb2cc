#pragma once
// Reading a CSV file held in memory (InputBytes) in chunks that can be read in parallel,
// with the very rules of CsvReader: physical lines, a trailing CR dropped, blank lines
// skipped, RFC 4180 quotes within a line, the same line and field limits.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "vardval_host/csv.hpp"

namespace vardval {

// A range of lines: starts at a line's first byte, ends after a newline or at the end.
struct ByteRange {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// [begin, data.size()) cut into ranges of about `bytes` each, at line ends.
std::vector<ByteRange> cut_at_lines(std::string_view data, std::size_t begin, std::size_t bytes);

// Calls visit(line, offset) for every physical line of `range`, blank ones included (so the
// caller can count lines): `line` is without its newline, `offset` where it starts in `data`.
// Stops early when visit returns false. Returns the number of lines visited.
template <typename Visit>
std::size_t for_each_line(std::string_view data, ByteRange range, Visit&& visit) {
    std::size_t lines = 0;
    std::size_t at = range.begin;
    while (at < range.end) {
        const void* nl = std::memchr(data.data() + at, '\n', range.end - at);
        const std::size_t end =
            nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - data.data()) : range.end;
        ++lines;
        if (!visit(data.substr(at, end - at), at))
            break;
        at = end + 1;
    }
    return lines;
}

// One line's fields. A line without quotes is cut at its separators (',' or ';', the file's)
// without copying; one with quotes is unquoted into storage kept until the next call.
class FieldSplitter {
  public:
    enum class Result { ok, malformed, field_too_long };
    explicit FieldSplitter(char separator = ',') : separator_(separator) {}
    // `line` without its newline (a trailing CR is dropped here). `too_long` is the index of
    // the first field over kMaxCsvFieldBytes when the result says so. With `max_fields`, a
    // line without quotes is cut only that far (for a reader that needs the first fields).
    Result split(std::string_view line, std::vector<std::string_view>& fields,
                 std::size_t& too_long, std::size_t max_fields = SIZE_MAX);

  private:
    Result check_lengths(const std::vector<std::string_view>& fields, std::size_t& too_long,
                         bool closed) const {
        // No field is longer than its line: most lines need no look at their fields.
        if (line_bytes_ > kMaxCsvFieldBytes)
            for (std::size_t i = 0; i < fields.size(); ++i)
                if (fields[i].size() > kMaxCsvFieldBytes) {
                    too_long = i;
                    return Result::field_too_long;
                }
        return closed ? Result::ok : Result::malformed;
    }
    char separator_;
    std::vector<std::string> unquoted_;
    std::size_t line_bytes_ = 0;
};

// The message CsvReader gives for a line or field over the limits (after "FILE:LINE: ").
std::string line_too_long_message();
std::string field_too_long_message(std::size_t field_index, std::size_t bytes);

}  // namespace vardval
