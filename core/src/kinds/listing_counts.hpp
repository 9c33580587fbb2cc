#pragma once
// What the workers of a listing import count, and how they count it.
#include <array>
#include <bit>
#include <cstdint>
#include <vector>

#include "csv_chunks.hpp"
#include "listing_row.hpp"
#include "seen_filter.hpp"

namespace vardval::listing {

// Every unit's counts. A worker counts in 32 bits (no file has 4 billion persons at one
// unit and distance) to halve what stays in the cache; the totals are 64 bits.
template <typename Count>
struct Counts {
    std::vector<std::array<std::array<Count, kMaxAge + 1>, 2>> persons;  // [unit][sex][age]
    std::vector<std::array<Count, kMaxCniVariables>> cni;                // [unit][variable]
    std::vector<std::vector<Count>> distance;                            // [unit][bucket]

    explicit Counts(std::size_t units) : persons(units), cni(units), distance(units) {}

    // Makes the row's distance count exist and brings what add() touches into the cache.
    void prepare(const PersonRow& row) {
        auto& buckets = distance[row.unit];
        const auto b = static_cast<std::size_t>(row.bucket);
        if (b >= buckets.size())
            buckets.resize(b + 1);
        __builtin_prefetch(&persons[row.unit][row.sex][row.age], 1);
        __builtin_prefetch(&buckets[b], 1);
    }
    void add(const PersonRow& row, Count n) {
        persons[row.unit][row.sex][row.age] += n;
        distance[row.unit][static_cast<std::size_t>(row.bucket)] += n;
        for (std::uint32_t bits = row.cni; bits != 0; bits &= bits - 1)
            cni[row.unit][static_cast<std::size_t>(std::countr_zero(bits))] += n;
    }
    template <typename Other>
    void add(const Counts<Other>& o) {
        for (std::size_t u = 0; u < persons.size(); ++u) {
            for (int s = 0; s < 2; ++s)
                for (int a = 0; a <= kMaxAge; ++a)
                    persons[u][s][a] += o.persons[u][s][a];
            for (std::size_t v = 0; v < kMaxCniVariables; ++v)
                cni[u][v] += o.cni[u][v];
            if (o.distance[u].size() > distance[u].size())
                distance[u].resize(o.distance[u].size());
            for (std::size_t b = 0; b < o.distance[u].size(); ++b)
                distance[u][b] += o.distance[u][b];
        }
    }
};

struct Worker {
    Worker(std::size_t units, char separator) : counts(units), splitter(separator) {}
    Counts<std::uint32_t> counts;
    std::vector<std::string_view> fields;
    FieldSplitter splitter;
    std::vector<Fingerprint> maybe_seen;  // persons the filter may have seen before
};

// A worker's used rows, counted a few rows late: the counts and the filter word a row
// touches are scattered over tens of MiB, so they are prefetched when the row is queued and
// updated kDepth rows later, when they are in the cache.
class CountQueue {
  public:
    CountQueue(Worker& worker, SeenFilter& seen) : w_(worker), seen_(seen) {}
    ~CountQueue() {
        for (; size_ > 0; --size_)
            count(pending_[(next_ + kDepth - size_) % kDepth]);
    }
    void push(const PersonRow& row, const Fingerprint& person) {
        w_.counts.prepare(row);
        seen_.prefetch(person);
        if (size_ == kDepth)
            count(pending_[next_]);
        else
            ++size_;
        pending_[next_] = {row, person};
        next_ = (next_ + 1) % kDepth;
    }

  private:
    static constexpr std::size_t kDepth = 16;
    struct Pending {
        PersonRow row;
        Fingerprint person;
    };
    void count(const Pending& p) {
        w_.counts.add(p.row, 1);
        if (seen_.add(p.person))
            w_.maybe_seen.push_back(p.person);
    }
    Worker& w_;
    SeenFilter& seen_;
    std::array<Pending, kDepth> pending_{};
    std::size_t size_ = 0, next_ = 0;
};

}  // namespace vardval::listing
