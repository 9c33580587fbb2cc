#include "vardval/aggregates.hpp"

#include <algorithm>
#include <stdexcept>

#include "vardval/region.hpp"

namespace vardval {

const char* to_string(Sex sex) {
    return sex == Sex::female ? "F" : "M";
}

std::int64_t UnitListing::listed() const {
    return persons_aged(0, kMaxAge);
}

std::int64_t UnitListing::persons_aged(int from, int to) const {
    std::int64_t n = 0;
    for (const auto& by_age : persons)
        for (int a = from; a <= to && a <= kMaxAge; ++a)
            n += by_age[a];
    return n;
}

DistanceHistogram::DistanceHistogram(std::vector<std::int64_t> persons)
    : persons_(std::move(persons)), from_(persons_.size()) {
    std::int64_t n = 0;
    for (std::size_t b = persons_.size(); b-- > 0;)
        from_[b] = n += persons_[b];
}

void DistanceHistogram::add(int bucket, std::int64_t persons) {
    if (bucket < 0)
        throw std::invalid_argument("distance bucket " + std::to_string(bucket) + " < 0");
    const auto b = static_cast<std::size_t>(bucket);
    if (b >= persons_.size())
        persons_.resize(b + 1);
    persons_[b] += persons;
    from_.clear();
}

std::int64_t DistanceHistogram::beyond(int bucket) const {
    const auto first = static_cast<std::size_t>(std::max(bucket + 1, 0));
    if (first >= persons_.size())
        return 0;
    if (!from_.empty())
        return from_[first];
    std::int64_t n = 0;
    for (std::size_t b = first; b < persons_.size(); ++b)
        n += persons_[b];
    return n;
}

std::int64_t UnitListing::listed_beyond(Decimal km) const {
    // Bucket b holds distances in ((b−1)/10, b/10]; "more than km" starts after km's bucket.
    const std::int64_t threshold_bucket = km.raw() / (Decimal::kScale / 10);
    return distance_decikm.beyond(
        static_cast<int>(std::min<std::int64_t>(threshold_bucket, 1 << 30)));
}

const UnitListing& ListingAggregate::unit(const std::string& id) const {
    static const UnitListing nobody;
    auto it = units.find(id);
    return it == units.end() ? nobody : it->second;
}

std::int64_t ListingAggregate::listed() const {
    std::int64_t n = 0;
    for (const auto& [id, unit] : units)
        n += unit.listed();
    return n;
}

std::int64_t ListingAggregate::cni_total(const std::string& variable) const {
    std::int64_t n = 0;
    for (const auto& [id, unit] : units) {
        auto it = unit.cni.find(variable);
        if (it != unit.cni.end())
            n += it->second;
    }
    return n;
}

bool UnitValues::has_measure(const std::string& measure) const {
    for (const auto& [unit, measures] : values)
        if (measures.count(measure))
            return true;
    return false;
}

namespace {

std::string import_hint(const DatasetRef& ref) {
    return "import a " + ref.kind + " file for " + ref.period +
           " that gives it (vardval import --kind " + ref.kind + " --period " + ref.period +
           " FILE)";
}

}  // namespace

void EventAggregate::require_event(const std::string& event, IfMissing if_missing,
                                   const std::string& who) const {
    if (if_missing == IfMissing::zero)
        return;
    for (const EventCount& c : counts)
        if (c.event == event)
            return;
    throw DataMissing(who + ": no unit reports event '" + event + "' in " + ref.kind + " " +
                      ref.period + "; " + import_hint(ref) +
                      ", or set missing_value: zero on the component if none happened");
}

void UnitValues::require_measure(const std::string& measure, const std::string& who) const {
    if (!has_measure(measure))
        throw DataMissing(who + ": no unit reports '" + measure + "' in " + ref.kind + " " +
                          ref.period + "; " + import_hint(ref));
}

Decimal UnitValues::value_at(const std::string& unit, const std::string& measure,
                             IfMissing if_missing, const std::string& who) const {
    require_measure(measure, who);
    if (const auto v = value(unit, measure))
        return *v;
    if (if_missing == IfMissing::zero)
        return Decimal();
    throw DataMissing(who + ": unit " + unit + " has no '" + measure + "' in " + ref.kind + " " +
                      ref.period + "; " + import_hint(ref) +
                      ", or set missing_value: zero on the component if a missing value means 0");
}

std::optional<Decimal> UnitValues::value(const std::string& unit,
                                         const std::string& measure) const {
    auto u = values.find(unit);
    if (u == values.end())
        return std::nullopt;
    auto m = u->second.find(measure);
    return m == u->second.end() ? std::nullopt : std::optional<Decimal>(m->second);
}

const char* to_string(Ownership o) {
    return o == Ownership::region_run ? "region-run" : "private";
}

const Unit* Region::find(const std::string& unit_id) const {
    for (const Unit& u : units)
        if (u.id == unit_id)
            return &u;
    return nullptr;
}

}  // namespace vardval
