#include "vardval_host/duplicate_detector.hpp"

namespace vardval {

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
