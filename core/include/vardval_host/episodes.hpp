#pragma once
// The episode-of-care rule for psychiatric contacts, on its own so it can be tested without
// a file: one person's contacts at one unit are cut into episodes wherever a contact comes
// more than the region's gap (Region::episode_gap_days) after the previous one. The import
// applies it to each person and unit once their contacts are together (psychiatry_import.cpp).
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "vardval/period.hpp"

namespace vardval {

// One contact of a person at a unit.
struct EpisodeContact {
    Date date;
    std::string_view diagnosis_group;  // points into the caller's names, which must outlive it
    std::optional<int> score;          // patient-reported outcome, 0-100; empty when not measured
};

// One episode of care; see EpisodeCount for the meaning of each field.
struct Episode {
    std::string_view diagnosis_group;  // that of the first contact
    std::int64_t contacts = 0;
    Period opened;                    // month of the first contact
    std::optional<Period> closed;     // month of (last contact + gap days), if not after the end
    std::optional<int> score_change;  // last measured score − first, with two scores or more
};

// The last day of a month: the end of an extract that ends with `month`.
Date last_day(Period month);

// The episodes of one person's contacts at one unit, given in file order (which decides
// between contacts on the same day: the first in the file is the first contact). A contact
// at most `gap_days` after the previous one continues the episode, a later one starts a new
// episode. An episode is closed when its last contact + `gap_days` is on or before
// `extract_end` (the last day of the extract), else it is still open. Every contact must be
// on or before `extract_end` (std::invalid_argument otherwise). Episodes come in date order.
std::vector<Episode> build_episodes(std::vector<EpisodeContact> contacts, int gap_days,
                                    Date extract_end);

// The same for contacts already in that order (date, then file order within a day), with the
// episodes appended to `out`: the import cuts millions of persons without a copy each.
void build_episodes_in_order(std::span<const EpisodeContact> contacts, int gap_days,
                             Date extract_end, std::vector<Episode>& out);

}  // namespace vardval
