#pragma once
// The compact form of a stored dataset: one payload per dataset version instead of rows.
// Integers are LEB128 varints (signed ones zig-zagged, so small negatives stay small); each
// distinct text is kept once in a table at the front and referred to by its index; the bytes
// are stored as base64, since PostgreSQL TEXT cannot hold NUL bytes. Reading checks every
// length, index and range, so a corrupt or truncated payload is a PayloadError, never a read
// past the end or an allocation of a size read from garbage.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vardval {

class PayloadError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The payload layout this vardval writes (the `encoding` stored with each payload).
inline constexpr int kPayloadEncoding = 1;

class PayloadWriter {
  public:
    void count(std::uint64_t n);
    void integer(std::int64_t v);
    void text(const std::string& s);
    // The text table followed by everything written.
    std::string finish() const;

  private:
    std::string body_;
    std::unordered_map<std::string, std::uint64_t> index_;
    std::vector<const std::string*> table_;  // keys of index_, in index order
};

class PayloadReader {
  public:
    explicit PayloadReader(std::string_view bytes);

    std::uint64_t count() { return varint(); }
    // A number of items that each take at least one byte: never more than the bytes left.
    std::size_t items();
    std::int64_t integer() {
        const std::uint64_t z = varint();
        return static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
    }
    // An integer that must lie in [low, high]; `what` names it in the error.
    int integer_in(int low, int high, const char* what);
    const std::string& text();
    // Throws unless every byte was read.
    void finish() const;

  private:
    std::uint64_t varint() {
        if (at_ < end_ && static_cast<unsigned char>(*at_) < 0x80)
            return static_cast<unsigned char>(*at_++);  // the common one-byte case
        return long_varint();
    }
    std::uint64_t long_varint();
    [[noreturn]] void fail(const std::string& what) const;

    const char* begin_;
    const char* at_;
    const char* end_;
    std::vector<std::string> table_;
};

std::string to_base64(std::string_view bytes);
// PayloadError unless `text` is valid base64.
std::string from_base64(std::string_view text);

}  // namespace vardval
