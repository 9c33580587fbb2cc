#pragma once
// Finds repeated keys (a person given twice in an ACG file) in one streaming pass with
// memory independent of the number of keys: 128-bit key hashes are buffered, sorted and
// spilled to temporary files in runs, then merged at the end (external_sort.hpp). Only
// hashes are written, never the keys themselves, and the files are deleted when the
// detector goes.
#include <cstdint>
#include <functional>
#include <string_view>

#include "vardval_host/external_sort.hpp"
#include "vardval_host/fingerprint.hpp"

namespace vardval {

class DuplicateDetector {
  public:
    explicit DuplicateDetector(std::size_t records_per_run = 1 << 20);

    // `payload` is returned for a duplicate so the caller can take back what it counted.
    void add(std::string_view key, std::int64_t line, std::uint64_t payload);

    // Calls `on_duplicate(line, first_line, payload)` for every occurrence of a key after
    // its first (in line order). Call once, after the last add().
    void finish(const std::function<void(std::int64_t, std::int64_t, std::uint64_t)>& on_duplicate);

    std::size_t runs_spilled() const { return sorter_.runs_spilled(); }

    struct Record {
        Fingerprint key;
        std::int64_t line;
        std::uint64_t payload;
    };

  private:
    struct Before {
        bool operator()(const Record& a, const Record& b) const {
            if (a.key.high != b.key.high)
                return a.key.high < b.key.high;
            if (a.key.low != b.key.low)
                return a.key.low < b.key.low;
            return a.line < b.line;
        }
    };
    ExternalSorter<Record, Before> sorter_;
};

}  // namespace vardval
