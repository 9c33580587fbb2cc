#include "csv_chunks.hpp"

#include <bit>
#include <cstdint>

#include "vardval_host/csv.hpp"

namespace vardval {

std::vector<ByteRange> cut_at_lines(std::string_view data, std::size_t begin, std::size_t bytes) {
    std::vector<ByteRange> ranges;
    while (begin < data.size()) {
        std::size_t end = std::min(data.size(), begin + bytes);
        if (end < data.size()) {
            const void* nl = std::memchr(data.data() + end, '\n', data.size() - end);
            end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - data.data()) + 1
                     : data.size();
        }
        ranges.push_back({begin, end});
        begin = end;
    }
    return ranges;
}

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;

// Bit 7 set in every byte of `word` equal to `c`, and in no other (no borrow between bytes).
std::uint64_t bytes_equal(std::uint64_t word, unsigned char c) {
    const std::uint64_t y = word ^ (kOnes * c);
    return ~(((y & kLow7) + kLow7) | y | kLow7);
}

}  // namespace

FieldSplitter::Result FieldSplitter::split(std::string_view line,
                                           std::vector<std::string_view>& fields,
                                           std::size_t& too_long, std::size_t max_fields) {
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    fields.clear();
    // Separators and quotes found eight bytes at a time; a line with a quote is unquoted by the
    // RFC 4180 splitter instead.
    const char* p = line.data();
    const std::size_t n = line.size();
    line_bytes_ = n;
    std::size_t start = 0, i = 0;
    bool quoted = false;
    const char separator = separator_;
    auto separator_at = [&](std::size_t at) {
        fields.push_back(line.substr(start, at - start));
        start = at + 1;
        return fields.size() == max_fields;
    };
    if constexpr (std::endian::native == std::endian::little) {
        for (; i + 8 <= n; i += 8) {
            std::uint64_t word;
            std::memcpy(&word, p + i, 8);
            if (bytes_equal(word, '"') != 0) {
                quoted = true;
                break;
            }
            for (std::uint64_t m = bytes_equal(word, separator); m != 0; m &= m - 1)
                if (separator_at(i + static_cast<std::size_t>(std::countr_zero(m) >> 3)))
                    return check_lengths(fields, too_long, true);
        }
    }
    for (; i < n && !quoted; ++i) {
        if (p[i] == '"')
            quoted = true;
        else if (p[i] == separator && separator_at(i))
            return check_lengths(fields, too_long, true);
    }
    if (!quoted) {
        fields.push_back(line.substr(start));
        return check_lengths(fields, too_long, true);
    }
    const bool closed = split_csv_line(line, unquoted_, separator);
    fields.clear();
    for (const std::string& field : unquoted_)
        fields.push_back(field);
    return check_lengths(fields, too_long, closed);
}

std::string line_too_long_message() {
    return "line longer than " + std::to_string(kMaxCsvLineBytes) +
           " bytes; a line may be at most 1 MiB and a field at most 64 KiB";
}

std::string field_too_long_message(std::size_t field_index, std::size_t bytes) {
    return "field " + std::to_string(field_index + 1) + " has " + std::to_string(bytes) +
           " bytes; a field may be at most 64 KiB (65536 bytes)";
}

}  // namespace vardval
