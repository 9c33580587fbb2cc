#pragma once
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vardval/region.hpp"
#include "vardval_host/fingerprint.hpp"

namespace vardval {

// Unit ids to their index in the region: open addressing over hashes, the ids side by side
// in one buffer, so finding a row's unit allocates nothing and stays in the cache.
class UnitIndex {
  public:
    explicit UnitIndex(const Region& region)
        : slots_(std::bit_ceil(region.units.size() * 2 + 2)), mask_(slots_.size() - 1) {
        for (const Unit& u : region.units)
            ids_ += u.id;
        std::size_t at = 0;
        for (std::size_t i = 0; i < region.units.size(); ++i) {
            const std::string_view id =
                std::string_view(ids_).substr(at, region.units[i].id.size());
            at += id.size();
            const std::uint64_t h = hash64(id);
            std::size_t s = h & mask_;
            while (slots_[s].index != kEmpty)
                s = (s + 1) & mask_;
            slots_[s] = {h, id, static_cast<std::uint32_t>(i)};
        }
    }
    UnitIndex(const UnitIndex&) = delete;  // the slots point into ids_
    UnitIndex& operator=(const UnitIndex&) = delete;

    std::optional<std::uint32_t> find(std::string_view id) const {
        const std::uint64_t h = hash64(id);
        for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
            const Slot& slot = slots_[s];
            if (slot.index == kEmpty)
                return std::nullopt;
            if (slot.hash == h && slot.id == id)
                return slot.index;
        }
    }

  private:
    static constexpr std::uint32_t kEmpty = UINT32_MAX;
    struct Slot {
        std::uint64_t hash = 0;
        std::string_view id;
        std::uint32_t index = kEmpty;
    };
    std::string ids_;
    std::vector<Slot> slots_;
    std::size_t mask_;
};

}  // namespace vardval
