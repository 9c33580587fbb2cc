#include "vardval_host/csv.hpp"

#include <algorithm>
#include <cstdio>

#include "csv_chunks.hpp"
#include "text_encoding.hpp"

namespace vardval {

bool split_csv_line(std::string_view line, std::vector<std::string>& fields, char separator) {
    fields.clear();
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == separator) {
            fields.push_back(std::move(field));
            field.clear();
        } else {
            field += c;
        }
    }
    fields.push_back(std::move(field));
    return !quoted;
}

namespace {

// A separator's name in a message.
std::string quoted_char(char c) {
    return std::string("'") + c + "'";
}

// How many of `c` are outside quotes.
std::size_t count_outside_quotes(std::string_view line, char c) {
    std::size_t n = 0;
    bool quoted = false;
    for (const char x : line) {
        if (x == '"')
            quoted = !quoted;
        else if (x == c && !quoted)
            ++n;
    }
    return n;
}

}  // namespace

namespace {

constexpr std::size_t kShownBytes = 40;

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

std::string shown(std::string_view field) {
    std::size_t cut = field.size();
    if (cut > kShownBytes) {
        cut = kShownBytes;
        while (cut > 0 && is_continuation_byte(field[cut]))  // not inside a UTF-8 character
            --cut;
    }
    std::string text = "'";
    for (const char c : field.substr(0, cut)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) {
            char escaped[5];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
            text += escaped;
        } else {
            text += c;
        }
    }
    text += "'";
    if (cut < field.size())
        text += "\u2026(" + std::to_string(field.size()) + " bytes)";
    return text;
}

CsvReader::CsvReader(std::istream& in, std::string file)
    : in_(in),
      file_(std::move(file)),
      buffer_(4096),
      decoder_(std::make_unique<LineDecoder>(file_)),
      decimals_(file_) {
    read_header();
}

CsvReader::~CsvReader() = default;

// The first line that is not blank: its byte order mark dropped, its separator the file's.
void CsvReader::read_header() {
    while (read_line()) {
        if (current_.empty())
            continue;
        format_.separator = header_separator(current_, where(line_));
        header_line_ = line_;
        split_row(header_);
        break;
    }
    for (std::size_t i = 0; i < header_.size(); ++i) {
        auto [it, fresh] = columns_.emplace(header_[i], i);
        if (!fresh)
            throw ImportError(where(line_) + ": column " + shown(header_[i]) +
                              " is given twice, as column " + std::to_string(it->second + 1) +
                              " and column " + std::to_string(i + 1) +
                              "; each column name may appear once");
    }
}

CsvFormat CsvReader::format() const {
    CsvFormat f = format_;
    f.encoding = decoder_->encoding();
    // With ',' between fields a number can only have a decimal point.
    f.decimal_mark = format_.separator == ',' ? std::optional<char>('.') : decimals_.mark();
    return f;
}

std::optional<Decimal> CsvReader::decimal(const std::vector<std::string>& fields,
                                          std::size_t column) {
    const std::string& text = fields[column];
    auto value = parse_decimal(text, format_.separator);
    if (value)
        decimals_.note(text, line_, header_[column]);
    return value;
}

std::optional<Rational> CsvReader::exact_decimal(const std::vector<std::string>& fields,
                                                 std::size_t column) {
    std::string text = fields[column];
    if (decimal_mark_of(text) == ',') {
        if (format_.separator != ';')
            return std::nullopt;
        text[text.find(',')] = '.';
    }
    auto value = Rational::parse_decimal(text);
    if (value)
        decimals_.note(fields[column], line_, header_[column]);
    return value;
}

std::optional<std::size_t> CsvReader::column(const std::string& name) const {
    auto it = columns_.find(name);
    return it == columns_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

std::string CsvReader::where(std::int64_t line) const {
    return file_ + ":" + std::to_string(line);
}

// One physical line into current_. A failed stream is a read error, never the end of the file:
// the rows after it would be lost silently. The buffer grows with the longest line, up to the
// limit, so an ordinary file never holds more than a few KiB.
bool CsvReader::read_line() {
    if (!in_) {
        if (in_.eof() && !in_.bad())
            return false;
        throw ImportError(where(next_line_) + ": cannot be read (stream error before line " +
                          std::to_string(next_line_) + ")");
    }
    std::size_t length = 0;
    for (;;) {
        // Stores at most size - length - 1 characters: a full buffer sets failbit.
        in_.getline(buffer_.data() + length, static_cast<std::streamsize>(buffer_.size() - length));
        const auto extracted = static_cast<std::size_t>(in_.gcount());
        bytes_ += extracted;
        if (in_.bad())
            throw ImportError(where(next_line_) +
                              ": read error; the file cannot be read to its end");
        if (!in_.fail()) {
            // The newline was taken too unless the file ended first.
            length += in_.eof() ? extracted : extracted - 1;
            break;
        }
        if (in_.eof() && extracted == 0) {
            if (length == 0)
                return false;
            break;  // nothing after a full buffer: the line ends with the input
        }
        length += extracted;
        if (length > kMaxCsvLineBytes)
            throw ImportError(where(next_line_) + ": " + line_too_long_message());
        in_.clear(in_.rdstate() & ~std::ios::failbit);
        buffer_.resize(std::min(buffer_.size() * 2, kMaxCsvLineBytes + 2));
    }
    if (length > 0 && buffer_[length - 1] == '\r')
        --length;
    line_ = next_line_++;
    std::string_view raw(buffer_.data(), length);
    if (line_ == 1 && raw.rfind(kUtf8Bom, 0) == 0) {
        raw.remove_prefix(kUtf8Bom.size());
        format_.bom = true;
    }
    current_ = decoder_->decode(raw, line_, decoded_);
    return true;
}

// The current line's fields; a line with the wrong number of fields that the other
// separator would cut right refuses the file (its rows switched separators).
void CsvReader::split_row(std::vector<std::string>& fields) {
    malformed_ = !split_csv_line(current_, fields, format_.separator);
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].size() > kMaxCsvFieldBytes)
            throw ImportError(where(line_) + ": " + field_too_long_message(i, fields[i].size()));
    if (header_line_ != line_ && fields.size() != header_.size())
        if (const auto why =
                switched_separator(current_, format_.separator, header_.size(), header_line_))
            throw ImportError(where(line_) + ": " + *why);
}

bool CsvReader::next(std::vector<std::string>& fields) {
    while (read_line()) {
        if (current_.empty())
            continue;
        split_row(fields);
        return true;
    }
    return false;
}

char header_separator(std::string_view header, const std::string& where) {
    const std::size_t commas = count_outside_quotes(header, ',');
    const std::size_t semicolons = count_outside_quotes(header, ';');
    if (commas > 0 && semicolons > 0)
        throw ImportError(where + ": the header has both ',' (" + std::to_string(commas) +
                          " times) and ';' (" + std::to_string(semicolons) +
                          " times) between column names; a file is separated by one of them, "
                          "',' or ';' (as Swedish Excel writes it)");
    return semicolons > 0 ? ';' : ',';
}

std::optional<std::string> switched_separator(std::string_view line, char separator,
                                              std::size_t header_fields, std::int64_t header_line) {
    const char other = separator == ',' ? ';' : ',';
    if (count_outside_quotes(line, other) == 0 || count_outside_quotes(line, separator) > 0)
        return std::nullopt;
    std::vector<std::string> fields;
    split_csv_line(line, fields, other);
    if (fields.size() != header_fields)
        return std::nullopt;
    return "fields are separated by " + quoted_char(other) + " on this line, but by " +
           quoted_char(separator) + " in the header (line " + std::to_string(header_line) +
           "); a file uses one separator throughout";
}

char decimal_mark_of(std::string_view text) {
    const bool comma = text.find(',') != std::string_view::npos;
    const bool point = text.find('.') != std::string_view::npos;
    return comma == point ? '\0' : comma ? ',' : '.';
}

std::optional<Decimal> parse_decimal(std::string_view text, char separator) {
    if (separator != ';' || decimal_mark_of(text) != ',')
        return Decimal::parse(text);
    char buffer[64];
    if (text.size() > sizeof buffer)
        return std::nullopt;
    std::copy(text.begin(), text.end(), buffer);
    *std::find(buffer, buffer + text.size(), ',') = '.';
    return Decimal::parse(std::string_view(buffer, text.size()));
}

void DecimalMarks::note(std::string_view text, std::int64_t line, const std::string& column) {
    const char mark = decimal_mark_of(text);
    if (mark == '\0')
        return;
    std::optional<Seen>& mine = mark == ',' ? comma_ : point_;
    const std::optional<Seen>& other = mark == ',' ? point_ : comma_;
    if (other)
        throw ImportError(
            file_ + ":" + std::to_string(line) + ": column " + shown(column) + " has " +
            shown(text) + " with a decimal " + (mark == ',' ? "comma" : "point") + ", but line " +
            std::to_string(other->line) + " column " + shown(other->column) + " has " +
            shown(other->text) + " with a decimal " + (mark == ',' ? "point" : "comma") +
            "; a file uses one decimal mark throughout (with ';' between fields, "
            "a comma or a point; with ',' a point)");
    if (!mine)
        mine = Seen{line, column, std::string(text)};
}

std::optional<char> DecimalMarks::mark() const {
    if (comma_)
        return ',';
    if (point_)
        return '.';
    return std::nullopt;
}

std::string CsvFormat::describe() const {
    std::string text = quoted_char(separator) + " between fields, ";
    text += !decimal_mark          ? "no decimal numbers"
            : *decimal_mark == ',' ? "decimal comma"
                                   : "decimal point";
    text += encoding == TextEncoding::windows1252 ? ", converted from Windows-1252"
            : encoding == TextEncoding::utf8      ? ", UTF-8"
                                                  : ", UTF-8 (ASCII only)";
    if (bom)
        text += " with byte order mark";
    return text;
}

}  // namespace vardval
