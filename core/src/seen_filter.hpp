#pragma once
// The duplicate check of a large import in fixed memory, for many threads at once.
//
// A key (a person id) is reduced to its fingerprint (fingerprint.hpp). The filter is a
// blocked Bloom filter: a fingerprint sets 4 bits of one 64-bit word with one atomic OR, so
// of two threads adding the same key at the same moment one always sees the other's bits.
// A key added before is always reported as possibly seen; a new key sometimes is too (28 000
// of 10.5 million in 16 MiB, 4 600 in 32 MiB), so what the filter reports is a candidate, to
// be confirmed by a second pass that looks at the candidates alone.
#include <atomic>
#include <cstdint>
#include <string_view>
#include <vector>

#include "vardval_host/fingerprint.hpp"

namespace vardval {

// A few thousand fingerprints, asked about millions of times: a bitmap answers "no" for
// almost every key before the sorted list is searched.
class FingerprintSet {
  public:
    explicit FingerprintSet(std::vector<Fingerprint> keys);
    bool contains(const Fingerprint& f) const;

  private:
    static constexpr unsigned kBits = 20;
    std::vector<Fingerprint> sorted_;
    std::vector<std::uint64_t> bitmap_;
};

class SeenFilter {
  public:
    explicit SeenFilter(std::size_t bytes);
    ~SeenFilter();
    SeenFilter(const SeenFilter&) = delete;
    SeenFilter& operator=(const SeenFilter&) = delete;
    // Brings the key's word into the cache ahead of add().
    void prefetch(const Fingerprint& f) const { __builtin_prefetch(&words_[word(f)], 1); }
    // True if the key may have been added before (by any thread).
    bool add(const Fingerprint& f) {
        // Four bit positions from the low half, independent of the word the high half picks.
        std::uint64_t bits = 0;
        for (int i = 0; i < 4; ++i)
            bits |= std::uint64_t{1} << ((f.low >> (6 * i)) & 63);
        const std::uint64_t before = std::atomic_ref<std::uint64_t>(words_[word(f)])
                                         .fetch_or(bits, std::memory_order_relaxed);
        return (before & bits) == bits;
    }

  private:
    std::size_t word(const Fingerprint& f) const { return f.high & mask_; }

    std::size_t bytes_;
    std::uint64_t* words_;  // updated through std::atomic_ref
    std::size_t mask_;
};

}  // namespace vardval
