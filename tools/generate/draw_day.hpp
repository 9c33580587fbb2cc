#pragma once
// Random days for contacts and events.
#include <cstdint>

#include "civil_date.hpp"
#include "rng.hpp"

namespace gen {

// Uniform in [first, last]; with weekday_only, weekends are avoided (a few still fall on
// one, as on-call contacts do).
inline Day draw_day(Day first, Day last, bool weekday_only, Rng& rng) {
    Day date = first;
    for (int attempt = 0; attempt < 3; ++attempt) {
        date = first + static_cast<Day>(rng.below(static_cast<std::uint64_t>(last - first + 1)));
        if (!weekday_only || !is_weekend(date))
            break;
    }
    return date;
}

}  // namespace gen
