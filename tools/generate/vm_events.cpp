#include "vm_events.hpp"

#include <algorithm>
#include <cmath>

#include "apportion.hpp"
#include "draw_day.hpp"

namespace gen {

using namespace vm;

namespace {

// The age reached during the month's year: how the platform reads an event's age.
int age_in_year(const Person& p, Month month) {
    return month.y - civil_from_days(p.birth).y;
}

// The kind's age group holding `age`, or -1.
int group_of(const EventKind& kind, int age) {
    for (std::size_t g = 0; g < kind.groups.size(); ++g) {
        const EventGroup& group = kind.groups[g];
        if (group.per_mille > 0 && age >= group.min_age && age <= group.max_age)
            return static_cast<int>(g);
    }
    return -1;
}

}  // namespace

void EventPools::add(const Person& p, Month month) {
    const int age = age_in_year(p, month);
    for (std::size_t k = 0; k < kEventKinds.size(); ++k) {
        const int g = group_of(kEventKinds[k], age);
        if (g >= 0)
            ++eligible[k][static_cast<std::size_t>(g)];
    }
}

EventSelector::EventSelector(const EventPools& pools, double scale, std::uint64_t seed, Month month)
    : seed_(seed), month_(month) {
    for (std::size_t k = 0; k < kEventKinds.size(); ++k) {
        const EventKind& kind = kEventKinds[k];
        // At least one of every kind, so that even a small sample exercises every rule.
        auto events = static_cast<std::uint64_t>(
            std::max<long long>(1, std::llround(kind.per_month * scale)));
        std::uint64_t persons = events;
        if (k == kSipKind) {
            persons = static_cast<std::uint64_t>(std::max<long long>(
                1, std::llround(static_cast<double>(events) * 1000 / (1000 + kSipTwicePerMille))));
        }
        std::array<std::uint64_t, 3> shares{};
        for (std::size_t g = 0; g < shares.size(); ++g)
            shares[g] = static_cast<std::uint64_t>(kind.groups[g].per_mille);
        const std::vector<std::uint64_t> picks = apportion(persons, shares);
        std::uint64_t picked = 0;
        for (std::size_t g = 0; g < shares.size(); ++g) {
            // A group smaller than its share (a tiny sample) gives what it has.
            const std::uint64_t n = std::min(picks[g], pools.eligible[k][g]);
            persons_[k][g] = Quota{pools.eligible[k][g], n};
            picked += n;
        }
        const std::uint64_t twice = k == kSipKind ? std::min(events - persons, picked) : 0;
        if (k == kSipKind)
            sip_twice_ = Quota{picked, twice};
        planned_[k] = picked + twice;
    }
}

void EventSelector::select(const Person& p, std::vector<Event>& events) {
    events.clear();
    Rng rng = keyed_rng(seed_, Stream::kEvents, p.index, month_.key());
    const int age = age_in_year(p, month_);
    const Day first = month_.first_day();
    const Day last = p.exit == kNever ? month_.last_day() : std::min(month_.last_day(), p.exit - 1);
    for (std::size_t k = 0; k < kEventKinds.size(); ++k) {
        const int g = group_of(kEventKinds[k], age);
        if (g < 0 || !persons_[k][static_cast<std::size_t>(g)].draw(rng))
            continue;
        const int times = k == kSipKind && sip_twice_.draw(rng) ? 2 : 1;
        for (int t = 0; t < times; ++t)
            events.push_back({draw_day(first, last, true, rng), static_cast<std::uint8_t>(k)});
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const Event& a, const Event& b) { return a.date < b.date; });
}

bool EventSelector::all_selected() const {
    for (const auto& groups : persons_) {
        for (const Quota& q : groups) {
            if (q.picks != 0 || q.pool != 0)
                return false;
        }
    }
    return sip_twice_.picks == 0 && sip_twice_.pool == 0;
}

}  // namespace gen
