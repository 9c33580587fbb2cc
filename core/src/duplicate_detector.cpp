#include "vardval_host/duplicate_detector.hpp"

namespace vardval {
namespace {

std::uint64_t hash64(std::string_view key, std::uint64_t seed) {
    // FNV-1a with a seed, finished with a splitmix64 mix.
    std::uint64_t h = 1469598103934665603ULL ^ seed;
    for (unsigned char c : key) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

}  // namespace

Fingerprint fingerprint(std::string_view key) {
    return {hash64(key, 0), hash64(key, 0x9e3779b97f4a7c15ULL)};
}

DuplicateDetector::DuplicateDetector(std::size_t records_per_run)
    : sorter_(records_per_run, "duplicate detection") {}

void DuplicateDetector::add(std::string_view key, std::int64_t line, std::uint64_t payload) {
    sorter_.add({fingerprint(key), line, payload});
}

void DuplicateDetector::finish(
    const std::function<void(std::int64_t, std::int64_t, std::uint64_t)>& on_duplicate) {
    // Records in (hash, line) order: a record with the hash of the one before is a duplicate
    // of the first with that hash.
    bool have_previous = false;
    Record first{};  // first occurrence of the current hash
    sorter_.drain([&](const Record& r) {
        if (have_previous && r.key == first.key)
            on_duplicate(r.line, first.line, r.payload);
        else
            first = r;
        have_previous = true;
    });
}

}  // namespace vardval
