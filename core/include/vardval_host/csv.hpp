#pragma once
// A streaming CSV reader: one record at a time, so memory does not grow with the file.
// Optional double quotes (RFC 4180), header in the first line. What Swedish Excel exports is
// read as well as the machine format: the separator (',' or ';') is the one the header uses,
// a UTF-8 byte order mark is dropped, and a Windows-1252 file is converted to UTF-8 (see
// CsvFormat); a file that mixes separators, decimal marks or encodings is refused.
// A file that cannot be read to its end, has a line or field over the limits below, or names
// a column twice is refused as a whole (ImportError): nothing read from it may be stored.
#include <cstdint>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vardval/decimal.hpp"
#include "vardval/rational.hpp"
#include "vardval_host/import_error.hpp"

namespace vardval {

class LineDecoder;

// No real extract has a field near this; a longer one is a broken or hostile file.
inline constexpr std::size_t kMaxCsvFieldBytes = 64 * 1024;
// The longest line held in memory (many fields at their limit are not a real extract either).
inline constexpr std::size_t kMaxCsvLineBytes = 1024 * 1024;

// A field's text as it may appear in a message: control bytes escaped (\x00), anything longer
// than a short prefix cut with its size ("abc…(1048576 bytes)"), in single quotes.
std::string shown(std::string_view field);

// One physical line's fields (RFC 4180 quotes, a doubled quote for a quote); false if a
// quoted field is still open at the line's end.
bool split_csv_line(std::string_view line, std::vector<std::string>& fields, char separator = ',');

enum class TextEncoding { ascii, utf8, windows1252 };

// How a file was written, as found when it was read.
struct CsvFormat {
    char separator = ',';
    std::optional<char> decimal_mark;  // none when the file gave no number with decimals
    TextEncoding encoding = TextEncoding::ascii;
    bool bom = false;  // a UTF-8 byte order mark (dropped)

    // "';' between fields, decimal comma, UTF-8 with byte order mark", for the import summary.
    std::string describe() const;
};

// The separator a header line uses: ';' or ',' (',' when it has neither: one column).
// Throws ImportError naming `where` ("FILE:LINE") when it has both outside quotes.
char header_separator(std::string_view header, const std::string& where);

// When a row has the wrong number of fields but the header's number cut at the other
// separator, the file switched separators: the refusal's text (after "FILE:LINE: "), else
// nothing. `header_line` is where the header is.
std::optional<std::string> switched_separator(std::string_view line, char separator,
                                              std::size_t header_fields, std::int64_t header_line);

// The decimal mark a number's text uses: ',' or '.', or 0 for none (or both: no number).
char decimal_mark_of(std::string_view text);
// A number with decimals at most six: with `separator` ';' the decimal mark may be a comma
// (12,5), as Swedish Excel writes it; with ',' it is a point.
std::optional<Decimal> parse_decimal(std::string_view text, char separator);

// The decimal marks a file's numbers used, so that one with both (12,5 and 12.5) is refused:
// which one was meant cannot be known.
class DecimalMarks {
  public:
    explicit DecimalMarks(std::string file) : file_(std::move(file)) {}
    // Notes the mark of `text` (line `line`, column `column`); throws ImportError naming both
    // lines, columns and forms when the other mark was used before.
    void note(std::string_view text, std::int64_t line, const std::string& column);
    std::optional<char> mark() const;

  private:
    struct Seen {
        std::int64_t line = 0;
        std::string column;
        std::string text;
    };
    std::string file_;
    std::optional<Seen> comma_, point_;
};

class CsvReader {
  public:
    // Reads the header; throws ImportError for a read error, an over-long line or field, or a
    // column name given twice.
    CsvReader(std::istream& in, std::string file);
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    const std::vector<std::string>& header() const { return header_; }
    // The separator, byte order mark, encoding and decimal mark found so far.
    CsvFormat format() const;
    std::optional<std::size_t> column(const std::string& name) const;
    // Next record into `fields`; false at the end of the input. Blank lines are skipped.
    // Throws ImportError when the stream fails before its end or a line or field is too long.
    bool next(std::vector<std::string>& fields);
    std::int64_t line() const { return line_; }  // line of the record last read (1-based)
    const std::string& file() const { return file_; }
    std::uint64_t bytes_read() const { return bytes_; }
    // A record whose quotes did not close: the reader says so instead of guessing.
    bool last_record_malformed() const { return malformed_; }
    // The number in field `column` of the record last read (see parse_decimal), or nothing
    // when it is none; throws ImportError when the file used the other decimal mark before.
    std::optional<Decimal> decimal(const std::vector<std::string>& fields, std::size_t column);
    // The same, exact with any number of decimals (SCB delivers shares with ten or more).
    std::optional<Rational> exact_decimal(const std::vector<std::string>& fields,
                                          std::size_t column);

  private:
    bool read_line();
    std::string where(std::int64_t line) const;
    void read_header();
    void split_row(std::vector<std::string>& fields);

    std::istream& in_;
    std::string file_;
    std::vector<std::string> header_;
    std::map<std::string, std::size_t> columns_;
    std::vector<char> buffer_;
    std::string_view current_;
    std::string decoded_;
    std::unique_ptr<LineDecoder> decoder_;
    DecimalMarks decimals_;
    CsvFormat format_;
    std::int64_t header_line_ = 0;
    std::int64_t line_ = 0;
    std::int64_t next_line_ = 1;
    std::uint64_t bytes_ = 0;
    bool malformed_ = false;
};

}  // namespace vardval
