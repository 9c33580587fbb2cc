#pragma once
// The assumptions behind the synthetic Region Västmanland population and its monthly
// data: units, sizes, distances, age structure, churn, morbidity, contact and event
// rates, and the per-unit values. The calibration targets are the figures the
// Primärvårdsprogram (002) gives: unit sizes (§5.2), about 695 000 fee-charged visits a
// year (§5.4), doctor and nurse reception visits about 65 % of the visit pay (§8.4), the
// goal budgets behind the event counts (§5.4). The rest is plausible, not official.
// Integer tables where they feed per-person draws.
#include <array>
#include <cstdint>
#include <string_view>

#include "demography.hpp"
#include "region.hpp"

namespace gen::vm {

// Ids must match regions/vastmanland/region.yaml. Sizes (002 §5.2: 550 - 20 300 listed,
// 10 units under 8 000, 9 over 12 000) sum to 279 250. Distances to Västmanlands sjukhus
// Västerås: Västerås's own units 0-12 km, Hallstahammar, Kolbäck, Surahammar and Skultuna
// 15-30, Köping, Kungsör, Arboga, Sala and Ramnäs 30-50, Fagersta, Norberg and
// Skinnskatteberg 45-70; the digital unit lists people from all over, mostly in Västerås.
// Bäckby, Viksäng, Pettersberg and Hammarby are the large housing estates.
// Columns: id, size, distance centre and spread (0.1 km), age tilt, area, CNI index,
// fixed, neighbours.
// clang-format off
inline constexpr std::array<UnitSpec, 28> kUnits = {{
    {"arboga",           9000, 440,  50,  250, Area::kRural,  1.05, false, {"kungsor", "koping", ""}},
    {"backby",          13200,  45,  20, -200, Area::kEstate, 1.75, false, {"viksang", "skiljebo", "hammarby"}},
    {"fagersta",        11800, 580, 100,  250, Area::kRural,  1.20, false, {"norberg", "skinnskatteberg", ""}},
    {"hallstahammar",   11400, 200,  40,  150, Area::kSuburb, 1.05, false, {"kolback", "surahammar", "vasterasdal"}},
    {"kolback",          7400, 250,  40,  100, Area::kSuburb, 0.85, false, {"hallstahammar", "koping", ""}},
    {"kungsor",          6900, 420,  50,  250, Area::kRural,  0.95, false, {"arboga", "koping", ""}},
    {"koping",          16000, 370,  50,  150, Area::kTown,   1.10, false, {"kopingsvik", "kolback", "arboga"}},
    {"norberg",          5900, 600,  90,  300, Area::kRural,  1.05, false, {"fagersta", "sala", ""}},
    {"sala",            15200, 380,  60,  200, Area::kTown,   0.95, false, {"sala-vasby", "norberg", ""}},
    {"skinnskatteberg",  2100, 520,  70,  300, Area::kRural,  1.00, false, {"fagersta", "ramnas", ""}},
    {"surahammar",       8200, 270,  30,  200, Area::kSuburb, 1.10, false, {"ramnas", "hallstahammar", ""}},
    {"viksang",         20300,  40,  20, -150, Area::kEstate, 1.45, false, {"backby", "pettersberg", "city"}},
    {"city",            17500,  15,  10, -250, Area::kTown,   1.05, false, {"oxbacken", "viksang", "herrgarden"}},
    {"skultuna",         4600, 180,  30,    0, Area::kSuburb, 0.75, false, {"onsta", "vallby", ""}},
    {"onsta",           14500,  60,  25, -100, Area::kSuburb, 0.85, false, {"vallby", "skultuna", "oxbacken"}},
    {"herrgarden",      13800,  35,  15,  -50, Area::kTown,   1.15, false, {"city", "pettersberg", "hammarby"}},
    {"oxbacken",        12600,  20,  10,   50, Area::kTown,   1.10, false, {"city", "skiljebo", "onsta"}},
    {"skiljebo",        11900,  25,  12,   50, Area::kTown,   0.95, false, {"oxbacken", "backby", "vallby"}},
    {"vallby",          11000,  35,  15,  100, Area::kSuburb, 0.95, false, {"onsta", "skiljebo", "backby"}},
    {"hammarby",        12100,  40,  15, -150, Area::kEstate, 1.60, false, {"pettersberg", "herrgarden", "angsgarden"}},
    {"pettersberg",     10600,  25,  10, -150, Area::kEstate, 1.55, false, {"hammarby", "viksang", "herrgarden"}},
    {"angsgarden",      10000,  50,  20,  100, Area::kSuburb, 0.80, false, {"hammarby", "ekeby", ""}},
    {"vasterasdal",      9600,  70,  30,   50, Area::kSuburb, 0.78, false, {"viksang", "hallstahammar", ""}},
    {"ramnas",           3700, 350,  40,  250, Area::kRural,  0.85, false, {"surahammar", "skinnskatteberg", ""}},
    {"sala-vasby",       6400, 390,  60,  200, Area::kTown,   0.90, false, {"sala", "norberg", ""}},
    {"kopingsvik",       5200, 380,  50,  150, Area::kTown,   0.95, false, {"koping", "kungsor", ""}},
    {"ekeby",            7800,  80,  30,    0, Area::kSuburb, 0.85, false, {"angsgarden", "city", ""}},
    {"digital",           550, 120, 110, -600, Area::kTown,   0.80, false, {"city", "viksang", "oxbacken"}},
}};
// clang-format on

constexpr int kFullScalePersons = 279250;

// The unit without premises: its listed's contacts there are by phone or video, their
// visits in person are made at another unit.
constexpr std::string_view kDigitalUnit = "digital";

// Share of the population per 5-year band, per 100 000: Västmanland's (about 7 % aged
// 0-5, 11 % 65-74 and 10 % 75 and over).
inline constexpr std::array<int, kBands> kBandShare = {5800, 6100, 6200, 5800, 5900, 6700, 6600,
                                                       6200, 6000, 6400, 6600, 6300, 5700, 5400,
                                                       5600, 4700, 2900, 1600, 700,  200,  30};

constexpr int kBirthsPer100k = 1100;
constexpr int kMoveInsPer100k = 4800;
constexpr int kUnitChangesPer100k = 2500;  // many units within reach in Västerås
constexpr int kNeighbourChoicePerMille = 750;

// Västerås's units (within 12 km of the hospital) share one town.
inline constexpr RegionSpec kRegion = {.units = kUnits,
                                       .band_share = kBandShare,
                                       .full_scale_persons = kFullScalePersons,
                                       .births_per_100k = kBirthsPer100k,
                                       .move_ins_per_100k = kMoveInsPer100k,
                                       .unit_changes_per_100k = kUnitChangesPer100k,
                                       .neighbour_choice_per_mille = kNeighbourChoicePerMille,
                                       .town_radius_tenths = 120,
                                       .exact_unit_sizes = true,
                                       .id_prefix = 'V'};

// ---- Morbidity (ACG) ----------------------------------------------------------------------

// ACG weights in classes (hundredths, inclusive ranges); a person's class depends on age
// and on a lasting personal level, the weight within the class is drawn every year.
constexpr int kAcgClasses = 7;
inline constexpr std::array<std::array<int, 2>, kAcgClasses> kAcgRange = {
    {{0, 9}, {10, 29}, {30, 59}, {60, 119}, {120, 249}, {250, 499}, {500, 1500}}};

// Per 1000 persons of each age group (0-17, 18-44, 45-64, 65-79, 80+) in each class:
// many with small weights, a few very sick; a region-wide mean of about 1.0.
constexpr int kAcgAgeGroups = 5;
constexpr int acg_age_group(int age) {
    return age < 18 ? 0 : age < 45 ? 1 : age < 65 ? 2 : age < 80 ? 3 : 4;
}
// clang-format off
inline constexpr std::array<std::array<int, kAcgClasses>, kAcgAgeGroups> kAcgClassMix = {{
    {190, 350, 250, 135, 55, 17, 3},
    {230, 300, 225, 135, 75, 29, 6},
    {110, 210, 230, 205, 145, 75, 25},
    {35, 110, 185, 240, 235, 135, 60},
    {15, 55, 125, 230, 285, 200, 90},
}};
// clang-format on
// Each row is a distribution over the classes: the weight draw relies on it.
constexpr bool every_row_sums_to_1000() {
    for (const auto& row : kAcgClassMix) {
        int sum = 0;
        for (int n : row)
            sum += n;
        if (sum != 1000)
            return false;
    }
    return true;
}
static_assert(every_row_sums_to_1000());
constexpr int kAcgYearToYearSpread = 120;  // per mille of the personal level, either way

// ---- Contacts -----------------------------------------------------------------------------

// Relative contacts a month by age band (per mille): children under 5 and the old most.
// clang-format off
inline constexpr std::array<int, kBands> kContactProfile = {
    1100, 500, 400, 550, 650, 700, 720, 730, 750, 800,      // 0-4 .. 45-49
    880, 980, 1100, 1280, 1500, 1780, 2000, 2200, 2150, 2050, 1950};  // 50-54 .. 100+
// clang-format on

// The persons' need of care beyond their age: contacts scale with 0.2 + 0.8 × the ACG
// weight relative to the age group's mean (mean 1, so the age profile is kept).
constexpr double kNeedFloor = 0.2;

// About 695 000 fee-charged visits a year at full scale (the visit-pay ceiling, 002 §5.4).
constexpr double kFeeChargedVisitsPerYear = 695000;
constexpr int kVisitorsPer1000 = 10;   // contacts by patients not listed in the region
constexpr int kOwnUnitPerMille = 920;  // the rest are at another unit, mostly a nearby one

constexpr int kProfessions = 8;
inline constexpr std::array<std::string_view, kProfessions> kProfession = {
    "doctor",     "nurse",          "physiotherapist",
    "counsellor", "psychologist",   "occupational_therapist",
    "dietitian",  "psychotherapist"};
enum Profession {
    kDoctor,
    kNurse,
    kPhysio,
    kCounsellor,
    kPsychologist,
    kOccupational,
    kDietitian,
    kPsychotherapist
};

constexpr int kContactTypes = 4;
inline constexpr std::array<std::string_view, kContactTypes> kContactType = {"visit", "home_visit",
                                                                             "phone", "digital"};
enum ContactType { kVisit, kHomeVisit, kPhone, kDigital };

// Life stages with their own mixes: 0-19, 20-64, 65-79, 80+.
constexpr int kStages = 4;
constexpr int stage_of_age(int age) {
    return age < 20 ? 0 : age < 65 ? 1 : age < 80 ? 2 : 3;
}

// Per 1000 contacts, in kProfession order.
// clang-format off
inline constexpr std::array<std::array<int, kProfessions>, kStages> kProfessionMix = {{
    {380, 330, 90, 70, 80, 10, 20, 20},    // children: psychologists and counsellors
    {410, 290, 130, 45, 40, 20, 25, 40},   // adults: physiotherapy, psychotherapy
    {410, 360, 120, 15, 10, 45, 25, 15},   // seniors
    {370, 450, 80, 10, 5, 70, 10, 5},      // 80+: district nurses, occupational therapy
}};
// clang-format on

// Per 1000 contacts: visit, home visit, phone, digital.
inline constexpr std::array<std::array<int, kContactTypes>, kStages> kContactMix = {{
    {600, 0, 260, 140},
    {560, 10, 290, 140},
    {600, 40, 300, 60},
    {500, 170, 300, 30},
}};

// Patient fees (002): none under 20 or from 85, nor for phone and video contacts.
constexpr int kFeeFromAge = 20;
constexpr int kFeeFreeFromAge = 85;

// Illustrative visit prices (kr) for the summary's share of the visit pay: doctor, nurse,
// any other profession; a home visit pays double.
constexpr int kDoctorPriceKr = 165;
constexpr int kNursePriceKr = 100;
constexpr int kOtherPriceKr = 150;

// Patients from other regions: a contact each, mostly acute and in person.
inline constexpr std::array<int, kProfessions> kVisitorProfessionMix = {600, 300, 100, 0,
                                                                        0,   0,   0,   0};
inline constexpr std::array<int, kContactTypes> kVisitorContactMix = {850, 0, 150, 0};

// ---- Events -------------------------------------------------------------------------------

// Who can have an event, by the age reached during the event's year (as the platform
// reads it), and which share of the kind's events the group gets, per mille.
struct EventGroup {
    int min_age;
    int max_age;
    int per_mille;
};

struct EventKind {
    std::string_view name;
    int per_month;                     // events a month at full scale
    std::array<EventGroup, 3> groups;  // per_mille 0 = unused
};

// Full-scale events a month: health talks (2.2 mkr at 1 000 kr a year, mostly the year
// the person turns 50), AV003 (1.2 mkr at 2 180 kr), memory investigations (more than
// the 3 mkr pot pays at 1 500 kr, so it is scaled down), SIP, digital CBT.
// clang-format off
inline constexpr std::array<EventKind, 16> kEventKinds = {{
    {"health_talk_50",            185, {{{50, 50, 700}, {51, 51, 200}, {52, 52, 100}}}},
    {"av003",                      46, {{{18, 104, 1000}, {}, {}}}},
    {"memory_investigation",      190, {{{65, 74, 200}, {75, 104, 800}, {}}}},
    {"sip",                       120, {{{0, 17, 100}, {18, 74, 300}, {75, 104, 600}}}},
    {"dcbt_started_depression",    20, {{{18, 74, 1000}, {}, {}}}},
    {"dcbt_started_anxiety",       18, {{{18, 74, 1000}, {}, {}}}},
    {"dcbt_started_sleep",          9, {{{18, 74, 1000}, {}, {}}}},
    {"dcbt_started_stress",         7, {{{18, 74, 1000}, {}, {}}}},
    {"dcbt_started_pain",           3, {{{18, 74, 1000}, {}, {}}}},
    {"dcbt_started_self_esteem",    3, {{{18, 74, 1000}, {}, {}}}},
    {"dcbt_completed_depression",  12, {{{18, 74, 1000}, {}, {}}}},
    {"dcbt_completed_anxiety",     11, {{{18, 74, 1000}, {}, {}}}},
    {"dcbt_completed_sleep",        5, {{{18, 74, 1000}, {}, {}}}},
    {"dcbt_completed_stress",       4, {{{18, 74, 1000}, {}, {}}}},
    {"dcbt_completed_pain",         2, {{{18, 74, 1000}, {}, {}}}},
    {"dcbt_completed_self_esteem",  1, {{{18, 74, 1000}, {}, {}}}},
}};
// clang-format on
constexpr std::size_t kSipKind = 3;
// SIP pays at most one per patient and month: about 10 % of the patients have two.
constexpr int kSipTwicePerMille = 100;

// ---- Unit values --------------------------------------------------------------------------

// Continuity indexes (thousandths) drift from a first year; each year a quarter of the
// units improve by 20 % or more, the others move back towards the usual level.
constexpr int kContinuityFirstYear = 2015;
constexpr int kContinuityMin = 250;
constexpr int kContinuityMax = 800;
constexpr int kContinuityUsual = 400;
constexpr int kContinuityImprovers = 7;  // of 28 units each year

// Share of patients with a named regular doctor: 10 units above 55 %.
constexpr int kNamedDoctorHigh = 10;
constexpr int kNamedDoctorThreshold = 550;

// Units whose plan or report is not (yet) approved, each month.
constexpr int kActionPlansMissing = 2;
constexpr int kResultReportsMissing = 3;

// Costs per listed person and year (kr): general drugs by the age profile below, X-ray
// and clinical physiology varying ±40 % between units, online-doctor visits ±25 %.
constexpr int kDrugKrPerListed = 2000;
constexpr int kXrayKrPerListed = 250;
constexpr int kClinPhysKrPerListed = 60;
constexpr int kOnlineDoctorKrPerListed = 70;
// X-ray outside the region on the patient's own referral (egenvårdsremiss), ±50 %: 2.5 kr per
// listed and year, so that the units' full cost is about 700 tkr at full scale and sharing it
// 50/50 costs the region the "ca 350 tkr" of 002 §8.4.8.
constexpr int kXrayOutOfRegionTenthsKrPerListed = 25;
// Drug cost relative to the mean by age band (per mille), shaped like JH's drug weights
// (0.23 at 25-29 to about 3.2 for the oldest).
// clang-format off
inline constexpr std::array<int, kBands> kDrugProfile = {
    400, 300, 350, 450, 300, 250, 300, 380, 480, 620,
    800, 1000, 1250, 1550, 1850, 2150, 2450, 2700, 2800, 2900, 3000};
// clang-format on
constexpr int kPatientFeeKr = 200;  // per fee-charged visit, before free-card holders

}  // namespace gen::vm
