#pragma once
// Unit ids to their position in a region's register, asked for every row of an import and
// every line of a run: open addressing over XXH3 hashes with the ids side by side in one
// buffer, so a look-up allocates nothing and stays in the cache.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vardval/region.hpp"
#include "vardval_host/fingerprint.hpp"

namespace vardval {

class UnitIndex {
  public:
    UnitIndex() = default;  // no units
    explicit UnitIndex(const Region& region);

    // Inline: asked for every row of a ten-million-row import.
    std::optional<std::size_t> find(std::string_view id) const {
        if (slots_.empty())
            return std::nullopt;
        const std::uint64_t h = hash64(id);
        for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
            const Slot& slot = slots_[s];
            if (slot.position == kEmpty)
                return std::nullopt;
            if (slot.hash == h && std::string_view(ids_).substr(slot.offset, slot.length) == id)
                return slot.position;
        }
    }
    std::size_t size() const { return size_; }

  private:
    static constexpr std::uint32_t kEmpty = UINT32_MAX;
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t offset = 0;  // of the id in ids_
        std::uint32_t length = 0;
        std::uint32_t position = kEmpty;
    };
    std::string ids_;
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::size_t size_ = 0;
};

}  // namespace vardval
