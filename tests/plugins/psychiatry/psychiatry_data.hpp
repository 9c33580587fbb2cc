#pragma once
// Builders for psychiatric contacts and episodes in the tests of the psychiatry plugin.
#include <optional>
#include <string>

#include "fixtures.hpp"

namespace vardval::test {

inline void add_contacts(PsychiatryAggregate& data, const std::string& unit, Period month,
                         const std::string& contact_type, const std::string& profession,
                         const std::string& diagnosis_group, std::int64_t contacts) {
    data.contacts.push_back(
        PsychiatricContactCount{unit, month, contact_type, profession, diagnosis_group, contacts});
}

inline void add_episodes(PsychiatryAggregate& data, const std::string& unit,
                         const std::string& diagnosis_group, std::int64_t contacts, Period opened,
                         std::optional<Period> closed, std::int64_t episodes,
                         std::optional<int> score_change = std::nullopt) {
    data.episodes.push_back(
        EpisodeCount{unit, diagnosis_group, contacts, opened, closed, score_change, episodes});
}

inline Ore sum_amounts(const std::vector<LedgerLine>& lines) {
    Ore total = 0;
    for (const LedgerLine& line : lines)
        total += line.amount_ore;
    return total;
}

inline bool trace_contains(const LedgerLine& line, const std::string& text) {
    for (const std::string& t : line.trace)
        if (t.find(text) != std::string::npos)
            return true;
    return false;
}

}  // namespace vardval::test
