#pragma once
// Finds repeated keys (a person listed twice in one listing) in one streaming pass with
// memory independent of the number of keys: 128-bit key hashes are buffered, sorted and
// spilled to temporary files in runs, then merged at the end. Only hashes are written,
// never the keys themselves, and the files are deleted when the detector goes.
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string_view>
#include <vector>

namespace vardval {

class DuplicateDetector {
  public:
    explicit DuplicateDetector(std::size_t records_per_run = 1 << 20);
    ~DuplicateDetector();
    DuplicateDetector(const DuplicateDetector&) = delete;
    DuplicateDetector& operator=(const DuplicateDetector&) = delete;

    // `payload` is returned for a duplicate so the caller can take back what it counted.
    void add(std::string_view key, std::int64_t line, std::uint64_t payload);

    // Calls `on_duplicate(line, first_line, payload)` for every occurrence of a key after
    // its first (in line order). Call once, after the last add().
    void finish(const std::function<void(std::int64_t, std::int64_t, std::uint64_t)>& on_duplicate);

    std::size_t runs_spilled() const { return runs_.size(); }

    struct Record {
        std::uint64_t hash_high;
        std::uint64_t hash_low;
        std::int64_t line;
        std::uint64_t payload;
    };

  private:
    void spill();

    std::size_t records_per_run_;
    std::vector<Record> buffer_;
    std::vector<std::FILE*> runs_;
};

}  // namespace vardval
