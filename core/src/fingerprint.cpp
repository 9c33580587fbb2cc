#include "vardval_host/fingerprint.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace vardval {

Fingerprint fingerprint(std::string_view key) {
    const XXH128_hash_t h = XXH3_128bits(key.data(), key.size());
    return {h.high64, h.low64};
}

std::uint64_t hash64(std::string_view key) {
    return XXH3_64bits(key.data(), key.size());
}

}  // namespace vardval
