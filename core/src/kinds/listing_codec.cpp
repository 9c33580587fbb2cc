// A listing: per unit, the persons by sex and age, the CNI counts and the dense distance
// histogram. At national scale (1 100 units, ~2 500 distance buckets each) this is a few MB
// and decodes in milliseconds, where the same data as rows took seconds to load.
#include <limits>

#include "../payload.hpp"
#include "codecs.hpp"

namespace vardval {

std::string encode_payload(const ListingAggregate& listing) {
    PayloadWriter out;
    out.count(listing.units.size());
    for (const auto& [unit, counts] : listing.units) {
        out.text(unit);
        for (const auto& by_age : counts.persons)
            for (const std::int64_t n : by_age)
                out.integer(n);
        out.count(counts.cni.size());
        for (const auto& [variable, n] : counts.cni) {
            out.text(variable);
            out.integer(n);
        }
        const std::vector<std::int64_t>& buckets = counts.distance_decikm.persons();
        out.count(buckets.size());
        for (const std::int64_t n : buckets)
            out.integer(n);
    }
    return out.finish();
}

void decode_payload(std::string_view bytes, ListingAggregate& listing) {
    PayloadReader in(bytes);
    const std::size_t units = in.items();
    for (std::size_t u = 0; u < units; ++u) {
        const std::string& unit = in.text();
        auto [it, fresh] = listing.units.try_emplace(unit);
        if (!fresh)
            throw PayloadError("unit " + unit + " twice");
        UnitListing& counts = it->second;
        for (auto& by_age : counts.persons)
            for (std::int64_t& n : by_age)
                n = in.integer();
        const std::size_t variables = in.items();
        for (std::size_t v = 0; v < variables; ++v) {
            const std::string& variable = in.text();
            if (!counts.cni.try_emplace(variable, in.integer()).second)
                throw PayloadError("CNI variable " + variable + " twice in unit " + unit);
        }
        const std::size_t buckets = in.items();
        if (buckets > static_cast<std::size_t>(std::numeric_limits<int>::max()))
            throw PayloadError(std::to_string(buckets) + " distance buckets");
        std::vector<std::int64_t> persons(buckets);
        for (std::int64_t& n : persons)
            n = in.integer();
        counts.distance_decikm = DistanceHistogram(std::move(persons));
    }
    in.finish();
}

}  // namespace vardval
