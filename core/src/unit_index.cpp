#include "vardval_host/unit_index.hpp"

#include <bit>

namespace vardval {

UnitIndex::UnitIndex(const Region& region)
    : slots_(std::bit_ceil(region.units.size() * 2 + 2)),
      mask_(slots_.size() - 1),
      size_(region.units.size()) {
    for (std::size_t k = 0; k < region.units.size(); ++k) {
        const std::string& id = region.units[k].id;
        std::size_t s = hash64(id) & mask_;
        while (slots_[s].position != kEmpty)
            s = (s + 1) & mask_;
        slots_[s] = {hash64(id), static_cast<std::uint32_t>(ids_.size()),
                     static_cast<std::uint32_t>(id.size()), static_cast<std::uint32_t>(k)};
        ids_ += id;
    }
}

}  // namespace vardval
