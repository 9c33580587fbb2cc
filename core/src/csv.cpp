#include "vardval_host/csv.hpp"

#include <algorithm>
#include <cstdio>

#include "csv_chunks.hpp"

namespace vardval {

bool split_csv_line(std::string_view line, std::vector<std::string>& fields) {
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
        } else if (c == ',') {
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
    : in_(in), file_(std::move(file)), buffer_(4096) {
    if (!next(header_))
        return;
    if (!header_.empty() && header_[0].rfind("\xEF\xBB\xBF", 0) == 0)
        header_[0].erase(0, 3);
    for (std::size_t i = 0; i < header_.size(); ++i) {
        auto [it, fresh] = columns_.emplace(header_[i], i);
        if (!fresh)
            throw ImportError(where(line_) + ": column " + shown(header_[i]) +
                              " is given twice, as column " + std::to_string(it->second + 1) +
                              " and column " + std::to_string(i + 1) +
                              "; each column name may appear once");
    }
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
    current_ = std::string_view(buffer_.data(), length);
    line_ = next_line_++;
    return true;
}

bool CsvReader::next(std::vector<std::string>& fields) {
    while (read_line()) {
        if (current_.empty())
            continue;
        malformed_ = !split_csv_line(current_, fields);
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (fields[i].size() > kMaxCsvFieldBytes)
                throw ImportError(where(line_) + ": " +
                                  field_too_long_message(i, fields[i].size()));
        return true;
    }
    return false;
}

}  // namespace vardval
