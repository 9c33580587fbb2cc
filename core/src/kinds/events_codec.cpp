// Events: per unit, event, age and events per person, the number of persons, in that order
// (the order the row tables were read in).
#include <algorithm>
#include <tuple>

#include "../payload.hpp"
#include "codecs.hpp"

namespace vardval {
namespace {

auto key(const EventCount& e) {
    return std::tie(e.unit, e.event, e.age, e.per_person, e.persons);
}

}  // namespace

std::string encode_payload(const EventAggregate& events) {
    std::vector<const EventCount*> sorted;
    for (const EventCount& e : events.counts)
        sorted.push_back(&e);
    std::sort(sorted.begin(), sorted.end(),
              [](const EventCount* a, const EventCount* b) { return key(*a) < key(*b); });
    PayloadWriter out;
    out.count(sorted.size());
    for (const EventCount* e : sorted) {
        out.text(e->unit);
        out.text(e->event);
        out.integer(e->age);
        out.integer(e->per_person);
        out.integer(e->persons);
    }
    return out.finish();
}

void decode_payload(std::string_view bytes, EventAggregate& events) {
    PayloadReader in(bytes);
    const std::size_t n = in.items();
    events.counts.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        EventCount e;
        e.unit = in.text();
        e.event = in.text();
        e.age = in.integer_in(0, kMaxAge, "age");
        e.per_person = in.integer();
        e.persons = in.integer();
        events.counts.push_back(std::move(e));
    }
    in.finish();
}

}  // namespace vardval
