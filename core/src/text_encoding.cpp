#include "text_encoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <memory>

#include "vardval_host/import_error.hpp"

namespace vardval {
namespace {

// Where the first byte that is not part of a well-formed UTF-8 sequence is (no overlong
// forms, no surrogates, nothing above U+10FFFF), or npos.
std::size_t first_invalid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            low = c == 0xE0 ? 0xA0 : 0x80;
            high = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return i;
        }
        if (i + length > n || s[i + 1] < low || s[i + 1] > high)
            return i;
        for (std::size_t k = 2; k < length; ++k)
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
        i += length;
    }
    return std::string_view::npos;
}

std::string byte_text(unsigned char byte) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", byte);
    return text;
}

struct IconvClose {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// Windows-1252 to UTF-8 with glibc's iconv; the offset of a byte Windows-1252 does not
// define, or npos when the whole line converted.
std::size_t from_windows_1252(std::string_view line, std::string& out) {
    static thread_local std::unique_ptr<void, IconvClose> cd{[] {
        iconv_t opened = iconv_open("UTF-8", "WINDOWS-1252");
        if (opened == reinterpret_cast<iconv_t>(-1))
            throw ImportError("cannot convert from Windows-1252: iconv has no WINDOWS-1252");
        return static_cast<void*>(opened);
    }()};
    out.resize(line.size() * 3);  // a Windows-1252 character is at most 3 UTF-8 bytes (€)
    char* in = const_cast<char*>(line.data());  // iconv's signature; it does not write
    std::size_t in_left = line.size();
    char* to = out.data();
    std::size_t out_left = out.size();
    const auto h = static_cast<iconv_t>(cd.get());
    iconv(h, nullptr, nullptr, nullptr, nullptr);
    if (iconv(h, &in, &in_left, &to, &out_left) == static_cast<std::size_t>(-1))
        return line.size() - in_left;
    out.resize(out.size() - out_left);
    return std::string_view::npos;
}

}  // namespace

std::string_view LineDecoder::decode(std::string_view line, std::int64_t line_number,
                                     std::string& scratch) {
    if (is_ascii(line))
        return line;
    const std::string where = file_ + ":" + std::to_string(line_number) + ": ";
    const std::size_t invalid = first_invalid_utf8(line);
    const TextEncoding found =
        invalid == std::string_view::npos ? TextEncoding::utf8 : TextEncoding::windows1252;
    if (encoding_ == TextEncoding::ascii) {
        encoding_ = found;
        decided_at_ = line_number;
    } else if (found != encoding_) {
        throw ImportError(where + "not UTF-8 and not Windows-1252 throughout: this line reads as " +
                          encoding_name(found) + " but line " + std::to_string(decided_at_) +
                          " as " + encoding_name(encoding_) +
                          "; save the whole file in one encoding (UTF-8 is best)");
    }
    if (encoding_ == TextEncoding::utf8)
        return line;
    const std::size_t undefined = from_windows_1252(line, scratch);
    if (undefined != std::string_view::npos)
        throw ImportError(where + "not UTF-8 (byte " +
                          byte_text(static_cast<unsigned char>(line[invalid])) + " at byte " +
                          std::to_string(invalid + 1) + " of the line), and not Windows-1252 " +
                          "either (byte " + byte_text(static_cast<unsigned char>(line[undefined])) +
                          " is no Windows-1252 character); save the file as UTF-8 " +
                          "(in Excel: \"CSV UTF-8\")");
    return scratch;
}

std::string decode_file(std::string_view bytes, const std::string& file, TextEncoding& encoding) {
    LineDecoder decoder(file);
    std::string out, scratch;
    bool converting = false;
    std::int64_t line_number = 0;
    // A byte order mark is no text of the first line (the CSV reader drops it).
    const std::size_t start = bytes.rfind(kUtf8Bom, 0) == 0 ? kUtf8Bom.size() : 0;
    for (std::size_t at = start; at < bytes.size();) {
        const std::size_t nl = std::min(bytes.find('\n', at), bytes.size());
        const std::string_view decoded =
            decoder.decode(bytes.substr(at, nl - at), ++line_number, scratch);
        if (decoder.encoding() == TextEncoding::windows1252) {
            if (!converting)  // the lines before were ASCII: the same in both
                out.assign(bytes.substr(0, at));
            converting = true;
            out += decoded;
            if (nl < bytes.size())
                out += '\n';
        }
        at = nl + 1;
    }
    encoding = decoder.encoding();
    return out;
}

std::string encoding_name(TextEncoding encoding) {
    switch (encoding) {
        case TextEncoding::ascii:
            return "UTF-8 (ASCII only)";
        case TextEncoding::utf8:
            return "UTF-8";
        case TextEncoding::windows1252:
            return "Windows-1252";
    }
    return "UTF-8";
}

}  // namespace vardval
