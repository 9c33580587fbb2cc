// Visits: one entry per unit, age, sex, profession, contact type, fee charged and listing
// unit, in that order (the order the row tables were read in, so runs see what they saw).
#include <algorithm>
#include <tuple>

#include "../payload.hpp"
#include "codecs.hpp"

namespace vardval {
namespace {

auto key(const VisitCount& v) {
    return std::tie(v.unit, v.age, v.sex, v.profession, v.contact_type, v.fee_charged,
                    v.listed_unit, v.visits);
}

}  // namespace

std::string encode_payload(const VisitAggregate& visits) {
    std::vector<const VisitCount*> sorted;
    for (const VisitCount& v : visits.counts)
        sorted.push_back(&v);
    std::sort(sorted.begin(), sorted.end(),
              [](const VisitCount* a, const VisitCount* b) { return key(*a) < key(*b); });
    PayloadWriter out;
    out.count(sorted.size());
    for (const VisitCount* v : sorted) {
        out.text(v->unit);
        out.integer(v->age);
        out.integer(static_cast<int>(v->sex));
        out.text(v->profession);
        out.text(v->contact_type);
        out.integer(v->fee_charged ? 1 : 0);
        out.text(v->listed_unit);
        out.integer(v->visits);
    }
    return out.finish();
}

void decode_payload(std::string_view bytes, VisitAggregate& visits) {
    PayloadReader in(bytes);
    const std::size_t n = in.items();
    visits.counts.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        VisitCount v;
        v.unit = in.text();
        v.age = in.integer_in(0, kMaxAge, "age");
        v.sex = static_cast<Sex>(in.integer_in(0, 1, "sex"));
        v.profession = in.text();
        v.contact_type = in.text();
        v.fee_charged = in.integer_in(0, 1, "fee charged") == 1;
        v.listed_unit = in.text();
        v.visits = in.integer();
        visits.counts.push_back(std::move(v));
    }
    in.finish();
}

}  // namespace vardval
