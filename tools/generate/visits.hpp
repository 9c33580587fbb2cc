#pragma once
// Primary-care contacts in the reference period, calibrated so that the age weights the
// platform derives from them hit JH's published extremes (10-14 lowest at 0.3327, 85-89
// highest at 2.2132).
//
// The derivation: weighted visits per band (doctor 2, others 1, prescription renewals
// by phone 0; band by age at the visit) per listed person in that band (age on the first
// day of the period's last month), relative to the same ratio for everyone. So the
// generator fixes a target of weighted visits per band, T_b = w_b × N_b × K, and makes
// the file hit every T_b exactly, in three streaming passes:
//   1. count N_b, the person-days spent in each band and who can have visits in it;
//   2. generate each person's contacts at the rate that gives T_b on average, and sum
//      what came out per band;
//   3. generate the same contacts again and correct each band by exactly the difference:
//      add contacts to, or remove them from, persons chosen by selection sampling.
#include <array>
#include <cstdint>
#include <vector>

#include "civil_date.hpp"
#include "jh_data.hpp"
#include "population.hpp"
#include "rng.hpp"

namespace gen {

using BandArray = std::array<std::uint64_t, kBands>;

// Part of the visit window spent in one age band.
struct Segment {
    int band = 0;
    Day first = 0;
    Day last = 0;  // inclusive
    Day days() const { return last - first + 1; }
};

struct Segments {
    std::array<Segment, 4> items{};
    int count = 0;
    const Segment* begin() const { return items.data(); }
    const Segment* end() const { return items.data() + count; }
};

struct Visit {
    Day date = 0;
    std::uint8_t unit = 0;
    std::uint8_t profession = 0;
    std::uint8_t contact = 0;
    std::uint8_t band = 0;
};

int weighted_visits(const Visit& v);

// The reference period and whose contacts it holds.
class VisitCalendar {
  public:
    VisitCalendar(Month first, Month last);

    Day listing_day() const { return listing_day_; }  // the listing the weights use
    Day first_day() const { return first_day_; }
    Day last_day() const { return last_day_; }

    bool in_listing(const Person& p) const { return p.present(listing_day_); }
    // The days the person could have contacts, split by age band; empty if none.
    Segments segments(const Person& p) const;

  private:
    Day first_day_;
    Day last_day_;
    Day listing_day_;
};

// Pass 1: the listing's band sizes and the time spent in each band.
struct VisitPopulation {
    BandArray listed{};       // N_b: persons in the listing by age on the listing day
    BandArray person_days{};  // days in the period spent in each band
    BandArray persons{};      // persons with at least one day in each band

    void add(int age_on_listing_day, const Segments& segments);
    std::uint64_t total_listed() const;
};

// Weighted visits by band, and how many contacts of weight 1 and 2 make them up.
struct BandTotals {
    BandArray weighted{};
    BandArray single{};  // weight 1
    BandArray doctor{};  // weight 2
    std::uint64_t rows = 0;
    std::uint64_t doctor_rows = 0;
    std::uint64_t prescription_rows = 0;

    void add(const Visit& v);
};

struct VisitPlan {
    std::array<double, kBands> target_weight{};
    BandArray target_visits{};          // T_b
    std::array<double, kBands> rate{};  // weighted visits per person-year in band b
    double profile_scale = 1;

    // Corrections after pass 2, per band.
    BandArray add_single{};
    BandArray add_doctor{};
    BandArray remove_single{};
    BandArray remove_doctor{};
    BandArray demote_doctor{};  // doctor contacts made nurse contacts (-1 each)
};

VisitPlan plan_visit_targets(const VisitPopulation& population);
void plan_corrections(VisitPlan& plan, const BandTotals& base);

// The derived weight per band, as the platform computes it.
std::array<double, kBands> derived_weights(const VisitPopulation& population,
                                           const BandTotals& totals);

class VisitGenerator {
  public:
    // `base` is what pass 2 produced (empty for pass 2 itself: no corrections yet).
    VisitGenerator(const VisitPlan& plan, const VisitPopulation& population, const BandTotals& base,
                   std::uint64_t seed);

    // Pass 2 and 3: the person's contacts before correction (a pure function).
    void base_visits(const Person& p, const Segments& segments, std::vector<Visit>& out) const;
    // Pass 3: apply the corrections; call for every person with visits, in index order.
    void correct(const Person& p, const Segments& segments, std::vector<Visit>& visits);

    bool all_corrections_made() const;

  private:
    enum class Kind { kAny, kDoctor, kOther };
    Visit make_contact(const Person& p, const Segment& s, Kind kind, Rng& rng) const;
    int draw_unit(const Person& p, Day date, Rng& rng) const;

    const VisitPlan& plan_;
    std::uint64_t seed_;
    double frailty_mean_ = 1;
    std::vector<Neighbours> neighbours_;
    // Correction quotas, consumed in person order.
    std::array<Quota, kBands> remove_single_{};
    std::array<Quota, kBands> remove_doctor_{};  // picks = removed + demoted
    BandArray demote_left_{};
    std::array<Quota, kBands> extra_person_{};  // who gets one added contact more
    BandArray adds_per_person_{};
    std::array<Quota, kBands> added_doctor_{};  // which added contacts are doctors'
};

}  // namespace gen
