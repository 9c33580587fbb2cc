#include "payload.hpp"

#include <openssl/evp.h>

namespace vardval {
namespace {

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

}  // namespace

void PayloadWriter::count(std::uint64_t n) {
    put_varint(body_, n);
}

void PayloadWriter::integer(std::int64_t v) {
    const auto u = static_cast<std::uint64_t>(v);
    put_varint(body_, (u << 1) ^ (v < 0 ? ~std::uint64_t{0} : 0));
}

void PayloadWriter::text(const std::string& s) {
    const auto [it, fresh] = index_.try_emplace(s, table_.size());
    if (fresh)
        table_.push_back(&it->first);
    put_varint(body_, it->second);
}

std::string PayloadWriter::finish() const {
    std::string out;
    put_varint(out, table_.size());
    for (const std::string* s : table_) {
        put_varint(out, s->size());
        out += *s;
    }
    return out + body_;
}

PayloadReader::PayloadReader(std::string_view bytes)
    : begin_(bytes.data()), at_(bytes.data()), end_(bytes.data() + bytes.size()) {
    const std::size_t texts = items();
    table_.reserve(texts);
    for (std::size_t i = 0; i < texts; ++i) {
        const std::uint64_t size = varint();
        if (size > static_cast<std::uint64_t>(end_ - at_))
            fail("a text of " + std::to_string(size) + " bytes runs past the end");
        table_.emplace_back(at_, static_cast<std::size_t>(size));
        at_ += size;
    }
}

std::uint64_t PayloadReader::long_varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (at_ == end_)
            fail("truncated");
        const auto byte = static_cast<unsigned char>(*at_++);
        if (shift == 63 && byte > 1)
            fail("a number too large for 64 bits");
        v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if (byte < 0x80)
            return v;
    }
    fail("a number too large for 64 bits");
}

std::size_t PayloadReader::items() {
    const std::uint64_t n = varint();
    if (n > static_cast<std::uint64_t>(end_ - at_))
        fail(std::to_string(n) + " items in " + std::to_string(end_ - at_) + " bytes");
    return static_cast<std::size_t>(n);
}

int PayloadReader::integer_in(int low, int high, const char* what) {
    const std::int64_t v = integer();
    if (v < low || v > high)
        fail(std::string(what) + " " + std::to_string(v) + " is not in " + std::to_string(low) +
             ".." + std::to_string(high));
    return static_cast<int>(v);
}

const std::string& PayloadReader::text() {
    const std::uint64_t i = varint();
    if (i >= table_.size())
        fail("text " + std::to_string(i) + " of " + std::to_string(table_.size()));
    return table_[static_cast<std::size_t>(i)];
}

void PayloadReader::finish() const {
    if (at_ != end_)
        fail(std::to_string(end_ - at_) + " bytes left over");
}

void PayloadReader::fail(const std::string& what) const {
    throw PayloadError(what + " at byte " + std::to_string(at_ - begin_));
}

std::string to_base64(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');  // + the NUL OpenSSL writes
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()),
                                  static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::string from_base64(std::string_view text) {
    if (text.size() % 4 != 0)
        throw PayloadError("base64 of " + std::to_string(text.size()) +
                           " characters, not a multiple of 4");
    std::string out(text.size() / 4 * 3, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()),
                                  static_cast<int>(text.size()));
    if (n < 0)
        throw PayloadError("not base64");
    // EVP_DecodeBlock counts the bytes the padding stands for; they are not data.
    std::size_t padding = 0;
    for (std::size_t i = text.size(); i > 0 && padding < 2 && text[i - 1] == '='; --i)
        ++padding;
    out.resize(static_cast<std::size_t>(n) - padding);
    return out;
}

}  // namespace vardval
