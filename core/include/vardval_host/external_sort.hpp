#pragma once
// Sorting more fixed-size records than memory should hold: records are buffered, and each
// full buffer is sorted and spilled to a temporary file as one run; at the end the runs are
// merged, so memory is one buffer plus a block per run whatever the number of records.
// Used by the duplicate check (hashes of person ids) and the psychiatric-contact import
// (contacts keyed by a hash of the person): callers write hashes, never person ids, since
// the files are on disk while the import runs. The files are deleted when the sorter goes.
#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <queue>
#include <type_traits>
#include <utility>
#include <vector>

namespace vardval {

// One sorted run in a temporary file, deleted when the run goes; read back a block at a time.
class SpillRun {
  public:
    // Writes `bytes` from `data`; throws std::runtime_error naming `purpose` if it cannot.
    SpillRun(const void* data, std::size_t bytes, const char* purpose);
    ~SpillRun();
    SpillRun(SpillRun&& other) noexcept;
    SpillRun& operator=(SpillRun&&) = delete;
    SpillRun(const SpillRun&) = delete;
    SpillRun& operator=(const SpillRun&) = delete;

    // Up to `records` records of `size` bytes into `out`, after those read before; how many.
    std::size_t read(void* out, std::size_t size, std::size_t records);

  private:
    std::FILE* file_;
    bool rewound_ = false;
};

// `Less` must be a strict total order (equal records are interchangeable), so the order of the
// merged records does not depend on where the runs were cut.
template <class Record, class Less>
class ExternalSorter {
    static_assert(std::is_trivially_copyable_v<Record>, "records are written as bytes");

  public:
    ExternalSorter(std::size_t records_per_run, const char* purpose, Less less = {})
        : records_per_run_(std::max<std::size_t>(records_per_run, 1)),
          purpose_(purpose),
          less_(less) {
        buffer_.reserve(std::min<std::size_t>(records_per_run_, 4096));  // grows with the file
    }

    void add(const Record& r) {
        buffer_.push_back(r);
        if (buffer_.size() >= records_per_run_)
            spill();
    }

    // Calls `visit(const Record&)` for every record added, in `Less` order, and empties the
    // sorter. Input under one run never touches the disk.
    template <class Visit>
    void drain(Visit&& visit) {
        if (runs_.empty()) {
            std::sort(buffer_.begin(), buffer_.end(), less_);
            for (const Record& r : buffer_)
                visit(r);
            buffer_.clear();
            return;
        }
        if (!buffer_.empty())
            spill();
        std::vector<Reader> readers;
        readers.reserve(runs_.size());
        for (SpillRun& run : runs_)
            readers.push_back(Reader{&run, {}, 0});
        using Head = std::pair<Record, std::size_t>;  // a run's next record, the run
        auto later = [this](const Head& a, const Head& b) { return less_(b.first, a.first); };
        std::priority_queue<Head, std::vector<Head>, decltype(later)> heads(later);
        for (std::size_t i = 0; i < readers.size(); ++i)
            if (const Record* r = readers[i].next())
                heads.push({*r, i});
        while (!heads.empty()) {
            const auto [r, i] = heads.top();
            heads.pop();
            visit(r);
            if (const Record* next = readers[i].next())
                heads.push({*next, i});
        }
        runs_.clear();  // the files go now, not with the sorter
    }

    std::size_t runs_spilled() const { return spilled_; }

  private:
    struct Reader {
        SpillRun* run;
        std::vector<Record> block;
        std::size_t pos;
        const Record* next() {
            if (pos == block.size()) {
                block.resize(4096);
                block.resize(run->read(block.data(), sizeof(Record), block.size()));
                pos = 0;
                if (block.empty())
                    return nullptr;
            }
            return &block[pos++];
        }
    };

    void spill() {
        std::sort(buffer_.begin(), buffer_.end(), less_);
        runs_.emplace_back(buffer_.data(), buffer_.size() * sizeof(Record), purpose_);
        ++spilled_;
        buffer_.clear();
    }

    std::size_t records_per_run_;
    const char* purpose_;
    Less less_;
    std::vector<Record> buffer_;
    std::vector<SpillRun> runs_;
    std::size_t spilled_ = 0;
};

}  // namespace vardval
