#include "vardval_host/episodes.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace vardval {
namespace {

using Days = std::chrono::sys_days;

Days days(Date d) {
    return Days{std::chrono::year{d.year} / static_cast<unsigned>(d.month) /
                static_cast<unsigned>(d.day)};
}

Date date(Days d) {
    const std::chrono::year_month_day ymd{d};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// The episode that starts at `first` and ends with `last` (both inclusive).
using Contacts = std::span<const EpisodeContact>;

Episode make_episode(Contacts::iterator first, Contacts::iterator last, int gap_days,
                     Days extract_end) {
    Episode e;
    e.diagnosis_group = first->diagnosis_group;
    e.contacts = last - first + 1;
    e.opened = first->date.period();
    const Days closing = days(last->date) + std::chrono::days{gap_days};
    if (closing <= extract_end)
        e.closed = date(closing).period();
    std::optional<int> first_score, last_score;
    int scores = 0;
    for (auto c = first; c != last + 1; ++c)
        if (c->score) {
            if (!first_score)
                first_score = c->score;
            last_score = c->score;
            ++scores;
        }
    if (scores >= 2)
        e.score_change = *last_score - *first_score;
    return e;
}

}  // namespace

Date last_day(Period month) {
    return date(Days{std::chrono::year{month.year} / static_cast<unsigned>(month.month) /
                     std::chrono::last});
}

void build_episodes_in_order(std::span<const EpisodeContact> contacts, int gap_days,
                             Date extract_end, std::vector<Episode>& out) {
    if (contacts.empty())
        return;
    if (extract_end < contacts.back().date) {
        const Date late = contacts.back().date;
        char text[32];
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", late.year, late.month, late.day);
        throw std::invalid_argument(std::string("a contact on ") + text +
                                    " is after the end of the extract");
    }
    const Days end = days(extract_end);
    auto first = contacts.begin();
    for (auto c = contacts.begin() + 1; c != contacts.end(); ++c)
        if ((days(c->date) - days((c - 1)->date)).count() > gap_days) {
            out.push_back(make_episode(first, c - 1, gap_days, end));
            first = c;
        }
    out.push_back(make_episode(first, contacts.end() - 1, gap_days, end));
}

std::vector<Episode> build_episodes(std::vector<EpisodeContact> contacts, int gap_days,
                                    Date extract_end) {
    std::stable_sort(
        contacts.begin(), contacts.end(),
        [](const EpisodeContact& a, const EpisodeContact& b) { return a.date < b.date; });
    std::vector<Episode> episodes;
    build_episodes_in_order(contacts, gap_days, extract_end, episodes);
    return episodes;
}

}  // namespace vardval
