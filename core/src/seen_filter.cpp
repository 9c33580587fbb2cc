#include "seen_filter.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <new>

namespace vardval {

FingerprintSet::FingerprintSet(std::vector<Fingerprint> keys)
    : sorted_(std::move(keys)), bitmap_((std::size_t{1} << kBits) / 64) {
    std::sort(sorted_.begin(), sorted_.end());
    sorted_.erase(std::unique(sorted_.begin(), sorted_.end()), sorted_.end());
    for (const Fingerprint& f : sorted_) {
        const std::uint64_t bit = f.low >> (64 - kBits);
        bitmap_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
}

bool FingerprintSet::contains(const Fingerprint& f) const {
    const std::uint64_t bit = f.low >> (64 - kBits);
    if ((bitmap_[bit / 64] >> (bit % 64) & 1) == 0)
        return false;
    return std::binary_search(sorted_.begin(), sorted_.end(), f);
}

SeenFilter::SeenFilter(std::size_t bytes)
    : bytes_(std::bit_floor(std::max<std::size_t>(bytes / 8, 1)) * 8), mask_(bytes_ / 8 - 1) {
    // Anonymous memory comes zeroed; huge pages, where the kernel gives them, spare a TLB
    // miss on nearly every key.
    void* p = ::mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        throw std::bad_alloc();
    ::madvise(p, bytes_, MADV_HUGEPAGE);
    words_ = static_cast<std::uint64_t*>(p);
}

SeenFilter::~SeenFilter() {
    ::munmap(words_, bytes_);
}

}  // namespace vardval
