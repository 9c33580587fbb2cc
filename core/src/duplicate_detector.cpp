#include "vardval_host/duplicate_detector.hpp"

#include <algorithm>
#include <queue>
#include <stdexcept>
#include <tuple>

namespace vardval {
namespace {

using Record = DuplicateDetector::Record;

std::uint64_t hash64(std::string_view key, std::uint64_t seed) {
    // FNV-1a with a seed, finished with a splitmix64 mix: two independent 64-bit hashes
    // make a 128-bit fingerprint, so a false duplicate among 10 million keys is ~1e-25.
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

bool before(const Record& a, const Record& b) {
    return std::tie(a.hash_high, a.hash_low, a.line) < std::tie(b.hash_high, b.hash_low, b.line);
}

// Reads one spilled run back a block at a time.
class RunReader {
  public:
    explicit RunReader(std::FILE* f) : file_(f) { std::rewind(file_); }
    bool next(Record& r) {
        if (pos_ == block_.size()) {
            block_.resize(4096);
            block_.resize(std::fread(block_.data(), sizeof(Record), block_.size(), file_));
            pos_ = 0;
            if (block_.empty())
                return false;
        }
        r = block_[pos_++];
        return true;
    }

  private:
    std::FILE* file_;
    std::vector<Record> block_;
    std::size_t pos_ = 0;
};

}  // namespace

DuplicateDetector::DuplicateDetector(std::size_t records_per_run)
    : records_per_run_(records_per_run) {
    buffer_.reserve(std::min<std::size_t>(records_per_run_, 4096));  // grows with the file
}

DuplicateDetector::~DuplicateDetector() {
    for (std::FILE* f : runs_)
        std::fclose(f);
}

void DuplicateDetector::add(std::string_view key, std::int64_t line, std::uint64_t payload) {
    buffer_.push_back({hash64(key, 0), hash64(key, 0x9e3779b97f4a7c15ULL), line, payload});
    if (buffer_.size() >= records_per_run_)
        spill();
}

void DuplicateDetector::spill() {
    std::sort(buffer_.begin(), buffer_.end(), before);
    std::FILE* f = std::tmpfile();
    if (f == nullptr)
        throw std::runtime_error("cannot create a temporary file for duplicate detection");
    if (std::fwrite(buffer_.data(), sizeof(Record), buffer_.size(), f) != buffer_.size()) {
        std::fclose(f);
        throw std::runtime_error(
            "cannot write temporary file for duplicate detection (disk full?)");
    }
    runs_.push_back(f);
    buffer_.clear();
}

void DuplicateDetector::finish(
    const std::function<void(std::int64_t, std::int64_t, std::uint64_t)>& on_duplicate) {
    // Records in (hash, line) order: a record with the hash of the one before is a duplicate
    // of the first with that hash.
    bool have_previous = false;
    Record first{};  // first occurrence of the current hash
    auto visit = [&](const Record& r) {
        if (have_previous && r.hash_high == first.hash_high && r.hash_low == first.hash_low)
            on_duplicate(r.line, first.line, r.payload);
        else
            first = r;
        have_previous = true;
    };
    if (runs_.empty()) {
        // Everything is still in memory (a file under records_per_run rows): no temporary file.
        std::sort(buffer_.begin(), buffer_.end(), before);
        for (const Record& r : buffer_)
            visit(r);
        buffer_.clear();
        return;
    }
    if (!buffer_.empty())
        spill();
    std::vector<RunReader> readers;
    readers.reserve(runs_.size());
    for (std::FILE* f : runs_)
        readers.emplace_back(f);

    using Head = std::pair<Record, std::size_t>;
    auto later = [](const Head& a, const Head& b) { return before(b.first, a.first); };
    std::priority_queue<Head, std::vector<Head>, decltype(later)> heads(later);
    for (std::size_t i = 0; i < readers.size(); ++i) {
        Record r;
        if (readers[i].next(r))
            heads.push({r, i});
    }
    while (!heads.empty()) {
        auto [r, i] = heads.top();
        heads.pop();
        visit(r);
        Record next;
        if (readers[i].next(next))
            heads.push({next, i});
    }
}

}  // namespace vardval
