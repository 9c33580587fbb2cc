#pragma once
// What stands for a person id wherever one is kept or written to a temporary file: its
// 128-bit XXH3 hash (a false match among ten million ids is about 1 in 10^24). XXH3 comes
// from Debian's libxxhash.
#include <compare>
#include <cstdint>
#include <string_view>

namespace vardval {

struct Fingerprint {
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    auto operator<=>(const Fingerprint&) const = default;
};

Fingerprint fingerprint(std::string_view key);
// 64 bits of XXH3, for hash tables.
std::uint64_t hash64(std::string_view key);

}  // namespace vardval
