#pragma once
// Per-unit aggregates: the only form in which person-level extracts are kept. Any age-band
// scheme can be derived from single-year counts, so a model change never needs a
// re-import.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "vardval/decimal.hpp"
#include "vardval/period.hpp"
#include "vardval/rational.hpp"
#include "vardval/vocabulary.hpp"

namespace vardval {

inline constexpr int kMaxAge = 120;  // an age above this is rejected as impossible

enum class Sex : std::uint8_t { female = 0, male = 1 };
const char* to_string(Sex sex);

// Persons by distance to the hospital in tenths of a kilometre: bucket b holds persons living
// more than (b − 1)/10 and at most b/10 km away, so "more than 30 km" is exact. Dense (one
// count per bucket up to the farthest): a region's distances span a few thousand buckets,
// so its size depends on the region, never on the number of persons.
//
// Built whole (from the counts of every bucket) it also keeps the running totals from each
// bucket to the farthest, so beyond() is one look-up: a sparsity rule asks it for every unit
// of every model of a sweep. Built bucket by bucket with add(), beyond() sums instead.
class DistanceHistogram {
  public:
    DistanceHistogram() = default;
    // persons[b] is bucket b's count.
    explicit DistanceHistogram(std::vector<std::int64_t> persons);
    void add(int bucket, std::int64_t persons);  // bucket ≥ 0; persons may be negative
    std::int64_t beyond(int bucket) const;       // persons in the buckets after `bucket`
    // persons()[b] is bucket b's count; empty when no one is counted.
    const std::vector<std::int64_t>& persons() const { return persons_; }

  private:
    std::vector<std::int64_t> persons_;
    std::vector<std::int64_t> from_;  // from_[b]: persons in bucket b and after; empty after add()
};

struct UnitListing {
    std::array<std::array<std::int64_t, kMaxAge + 1>, 2> persons{};  // [sex][age]
    std::map<std::string, std::int64_t> cni;                         // variable → persons
    DistanceHistogram distance_decikm;

    std::int64_t listed() const;
    std::int64_t persons_aged(int from, int to) const;  // both sexes, inclusive
    std::int64_t listed_beyond(Decimal km) const;       // strictly more than km
};

struct DatasetRef {
    std::string kind;    // "listing", "visits", "unit-values", "events", "acg", "psychiatry", "cni"
    std::string period;  // "2020-02", "2018-11..2019-10"
    int version = 0;
    std::string to_string() const { return kind + " " + period + " v" + std::to_string(version); }
};

// One month's listing (census of who is listed where), aggregated per unit.
struct ListingAggregate {
    DatasetRef ref;
    std::map<std::string, UnitListing> units;  // unit id → aggregates

    // The unit's aggregates; an empty listing for a unit nobody is listed at, so components
    // need no special case for it.
    const UnitListing& unit(const std::string& id) const;
    std::int64_t listed() const;
    std::int64_t cni_total(const std::string& variable) const;
};

// Primary-care contacts in a period, counted by the patient's age at the contact.
struct VisitCount {
    std::string unit;  // treating unit
    int age = 0;
    Sex sex = Sex::female;
    std::string profession;    // doctor, nurse, ...
    std::string contact_type;  // visit, home_visit, phone, digital, phone_prescription
    std::int64_t visits = 0;
    bool fee_charged = true;  // a patient fee was taken (Västmanland pays only those visits)
    std::string listed_unit;  // where the patient is listed; empty if not listed in the region
};

struct VisitAggregate {
    DatasetRef ref;
    std::vector<VisitCount> counts;
};

// What a component does when the month's data lacks a figure it needs (a unit without a
// value the others report; an event kind nobody reports): refuse the run (the default) or
// take it as 0, as the model says (`missing_value`, see missing_value.hpp).
enum class IfMissing { error, zero };

// Registered events in one month (health talks, AV003 examinations, memory investigations,
// SIP, digital CBT programmes started or completed), per unit and event, as a histogram of
// how many events each person had: a per-patient limit is exact without keeping persons.
struct EventCount {
    std::string unit;
    std::string event;
    int age = 0;                  // the age the person reaches in the event's year
    std::int64_t per_person = 1;  // events this person had at this unit for this event
    std::int64_t persons = 0;     // persons who had exactly `per_person`
};

struct EventAggregate {
    DatasetRef ref;
    std::vector<EventCount> counts;

    // Throws DataMissing "<who>: no unit reports event '<event>' in events <month>; import ..."
    // unless `if_missing` is zero (none happened): a price on an event nobody reported
    // would pay zero without a word.
    void require_event(const std::string& event, IfMissing if_missing,
                       const std::string& who) const;
};

// SCB's per-unit CNI delivery (kind "cni"): SCB computes, from the region's listing, how
// many of each unit's listed have each socioeconomic variable; the office receives the
// shares per unit, never per-person flags. Shares are exact as given.
struct CniUnit {
    std::int64_t listed = 0;                  // the listed SCB counted
    std::map<std::string, Rational> shares;  // variable → fraction of listed (0.125 = 12,5 %)
};

struct CniDelivery {
    DatasetRef ref;
    std::map<std::string, CniUnit> units;  // unit id → its figures

    // The unit's figures, or nullptr when the delivery does not name it.
    const CniUnit* unit(const std::string& id) const {
        auto it = units.find(id);
        return it == units.end() ? nullptr : &it->second;
    }
};

// Per-unit figures for a month that come as such, not from persons: indicator values
// (continuity, share with a named regular doctor), costs in kr (drugs, X-ray), an approved
// plan (1/0), places, patient fees collected. One CSV row per unit and measure.
struct UnitValues {
    DatasetRef ref;
    std::map<std::string, std::map<std::string, Decimal>> values;  // unit → measure → value

    bool has_measure(const std::string& measure) const;
    // Throws DataMissing "<who>: no unit reports '<measure>' in <kind> <period>; import ..."
    // when no unit gives the measure: a component cannot pay on a figure nobody reported.
    void require_measure(const std::string& measure, const std::string& who) const;
    std::optional<Decimal> value(const std::string& unit, const std::string& measure) const;
    // The unit's value of a measure. A unit that does not report it is an error (DataMissing,
    // naming unit, measure and month) or 0, as `if_missing` says; the measure itself must be
    // reported by some unit either way (require_measure).
    Decimal value_at(const std::string& unit, const std::string& measure, IfMissing if_missing,
                     const std::string& who) const;
};

// Psychiatric contacts up to the end of a month, aggregated while the file is read: contacts
// per unit, month, contact type, profession and diagnosis group, and the episodes of care
// built from them by the region's episode rule (Region::episode_gap_days). Persons are not
// kept; an episode is one row of a histogram.
struct PsychiatricContactCount {
    std::string unit;
    Period month;
    std::string contact_type;     // visit, digital, phone, group, home_visit, ...
    std::string profession;       // doctor, psychologist, counsellor, nurse, ...
    std::string diagnosis_group;  // e.g. depression, anxiety, adhd, psychosis
    std::int64_t contacts = 0;
};

// Episodes with the same unit, diagnosis group, size, months and outcome. An episode is one
// person's run of contacts at one unit where each contact follows the previous within the
// gap; its diagnosis group is that of its first contact.
struct EpisodeCount {
    std::string unit;
    std::string diagnosis_group;
    std::int64_t contacts = 0;  // contacts in the episode (1 = a single-visit episode)
    Period opened;              // month of the first contact
    // Month the episode closed: the month of (last contact + gap days), the last day a
    // contact could still have continued it. Empty when that day is after the extract's end.
    std::optional<Period> closed;
    // Last minus first patient-reported outcome score (higher is better); empty unless the
    // episode has scores from at least two contacts.
    std::optional<int> score_change;
    std::int64_t episodes = 0;
};

struct PsychiatryAggregate {
    DatasetRef ref;
    int episode_gap_days = 0;  // the rule the episodes were built with
    std::vector<PsychiatricContactCount> contacts;
    std::vector<EpisodeCount> episodes;
};

}  // namespace vardval
