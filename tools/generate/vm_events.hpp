#pragma once
// Västmanland's goal-related events in a month (health talks, AV003, memory
// investigations, SIP, digital CBT), each at the person's listing unit. Every kind gets
// exactly its planned number: the first pass counts who could have each kind (by age
// group), the plan splits the month's count over the groups, and while writing,
// selection sampling picks that many of them in person order.
#include <array>
#include <cstdint>
#include <vector>

#include "civil_date.hpp"
#include "population.hpp"
#include "rng.hpp"
#include "vm_data.hpp"

namespace gen {

using EventGroups = std::array<std::uint64_t, 3>;
using EventKindArray = std::array<EventGroups, vm::kEventKinds.size()>;

struct Event {
    Day date = 0;
    std::uint8_t kind = 0;
};

// Pass 1: who is listed on the month's first day, per kind and age group.
struct EventPools {
    EventKindArray eligible{};
    void add(const Person& p, Month month);
};

class EventSelector {
  public:
    // `scale`: the month's listed relative to the full-scale region.
    EventSelector(const EventPools& pools, double scale, std::uint64_t seed, Month month);

    // The person's events, by date. Call for every person listed on the month's first
    // day, in index order.
    void select(const Person& p, std::vector<Event>& events);

    // Events planned per kind (all of them are written).
    std::uint64_t planned(std::size_t kind) const { return planned_[kind]; }
    bool all_selected() const;

  private:
    std::uint64_t seed_;
    Month month_;
    std::array<std::uint64_t, vm::kEventKinds.size()> planned_{};
    std::array<std::array<Quota, 3>, vm::kEventKinds.size()> persons_{};
    Quota sip_twice_;  // among the SIP persons
};

}  // namespace gen
