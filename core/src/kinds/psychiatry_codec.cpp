// Psychiatry: the episode gap the episodes were built with, the contact counts and the episode
// histogram, each in a fixed order (the one the row tables were sorted into when read).
#include <algorithm>
#include <limits>
#include <tuple>

#include "../payload.hpp"
#include "codecs.hpp"

namespace vardval {
namespace {

auto key(const PsychiatricContactCount& c) {
    return std::tie(c.unit, c.month, c.contact_type, c.profession, c.diagnosis_group, c.contacts);
}

auto key(const EpisodeCount& e) {
    return std::tie(e.unit, e.diagnosis_group, e.contacts, e.opened, e.closed, e.score_change,
                    e.episodes);
}

template <class Row>
std::vector<const Row*> sorted(const std::vector<Row>& rows) {
    std::vector<const Row*> out;
    for (const Row& r : rows)
        out.push_back(&r);
    std::sort(out.begin(), out.end(), [](const Row* a, const Row* b) { return key(*a) < key(*b); });
    return out;
}

void put(PayloadWriter& out, Period p) {
    out.integer(p.year);
    out.integer(p.month);
}

Period get_period(PayloadReader& in) {
    Period p;
    p.year = in.integer_in(0, 9999, "year");
    p.month = in.integer_in(1, 12, "month");
    return p;
}

}  // namespace

std::string encode_payload(const PsychiatryAggregate& psychiatry) {
    PayloadWriter out;
    out.integer(psychiatry.episode_gap_days);
    const auto contacts = sorted(psychiatry.contacts);
    out.count(contacts.size());
    for (const PsychiatricContactCount* c : contacts) {
        out.text(c->unit);
        put(out, c->month);
        out.text(c->contact_type);
        out.text(c->profession);
        out.text(c->diagnosis_group);
        out.integer(c->contacts);
    }
    const auto episodes = sorted(psychiatry.episodes);
    out.count(episodes.size());
    for (const EpisodeCount* e : episodes) {
        out.text(e->unit);
        out.text(e->diagnosis_group);
        out.integer(e->contacts);
        put(out, e->opened);
        // 0: none; 1: a value follows.
        out.integer(e->closed ? 1 : 0);
        if (e->closed)
            put(out, *e->closed);
        out.integer(e->score_change ? 1 : 0);
        if (e->score_change)
            out.integer(*e->score_change);
        out.integer(e->episodes);
    }
    return out.finish();
}

void decode_payload(std::string_view bytes, PsychiatryAggregate& psychiatry) {
    PayloadReader in(bytes);
    psychiatry.episode_gap_days = in.integer_in(0, std::numeric_limits<int>::max(), "episode gap");
    const std::size_t contacts = in.items();
    psychiatry.contacts.reserve(contacts);
    for (std::size_t i = 0; i < contacts; ++i) {
        PsychiatricContactCount c;
        c.unit = in.text();
        c.month = get_period(in);
        c.contact_type = in.text();
        c.profession = in.text();
        c.diagnosis_group = in.text();
        c.contacts = in.integer();
        psychiatry.contacts.push_back(std::move(c));
    }
    const std::size_t episodes = in.items();
    psychiatry.episodes.reserve(episodes);
    for (std::size_t i = 0; i < episodes; ++i) {
        EpisodeCount e;
        e.unit = in.text();
        e.diagnosis_group = in.text();
        e.contacts = in.integer();
        e.opened = get_period(in);
        if (in.integer_in(0, 1, "closed flag") == 1)
            e.closed = get_period(in);
        if (in.integer_in(0, 1, "score flag") == 1)
            e.score_change = in.integer_in(std::numeric_limits<int>::min(),
                                           std::numeric_limits<int>::max(), "score change");
        e.episodes = in.integer();
        psychiatry.episodes.push_back(std::move(e));
    }
    in.finish();
}

}  // namespace vardval
