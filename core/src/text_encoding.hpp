#pragma once
// The text encoding of an imported file, decided line by line: UTF-8, or Windows-1252 (what
// Excel's "CSV (semikolonavgränsad)" writes on Swedish Windows), converted to UTF-8. The
// first line with a byte above 0x7F decides; a later line in the other encoding, or a byte
// that is in neither (0x81, 0x8D, 0x8F, 0x90, 0x9D), refuses the file, naming the line.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "vardval_host/csv.hpp"

namespace vardval {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// True when no byte of `text` is above 0x7F (eight bytes at a time: most lines are ASCII).
inline bool is_ascii(std::string_view text) {
    std::uint64_t high = 0;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        high |= word;
    }
    for (; i < text.size(); ++i)
        high |= static_cast<unsigned char>(text[i]);
    return (high & 0x8080808080808080ULL) == 0;
}

class LineDecoder {
  public:
    explicit LineDecoder(std::string file) : file_(std::move(file)) {}

    // The line as UTF-8: `line` itself, or its conversion from Windows-1252 in `scratch`.
    // Throws ImportError "FILE:LINE: not UTF-8 ..." when the line cannot be read.
    std::string_view decode(std::string_view line, std::int64_t line_number, std::string& scratch);

    // ascii until a line has a byte above 0x7F.
    TextEncoding encoding() const { return encoding_; }

  private:
    std::string file_;
    TextEncoding encoding_ = TextEncoding::ascii;
    std::int64_t decided_at_ = 0;  // the line that decided the encoding
};

// A whole file's bytes (a byte order mark is kept as it is) as UTF-8: empty when they are UTF-8
// already (`encoding` says whether any byte was above 0x7F), else the conversion from Windows-1252.
// Lines are numbered from 1; the same refusals as LineDecoder.
std::string decode_file(std::string_view bytes, const std::string& file, TextEncoding& encoding);

// "UTF-8", "UTF-8 (ASCII only)", "Windows-1252".
std::string encoding_name(TextEncoding encoding);

}  // namespace vardval
