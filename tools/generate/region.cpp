#include "region.hpp"

namespace gen {

int unit_index(const RegionSpec& region, std::string_view id) {
    for (std::size_t i = 0; i < region.units.size(); ++i) {
        if (region.units[i].id == id)
            return static_cast<int>(i);
    }
    return -1;
}

Neighbours neighbour_indexes(const RegionSpec& region, int unit) {
    const UnitSpec& u = region.units[static_cast<std::size_t>(unit)];
    Neighbours near{-1, -1, -1};
    for (std::size_t k = 0; k < u.neighbours.size(); ++k) {
        if (!u.neighbours[k].empty())
            near[k] = unit_index(region, u.neighbours[k]);
    }
    return near;
}

}  // namespace gen
