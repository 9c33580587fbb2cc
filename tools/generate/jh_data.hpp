#pragma once
// The assumptions behind the synthetic Region Jämtland Härjedalen population: units,
// sizes, distances, age structure, churn rates, CNI targets, visit mixes and the 2021
// unit values. All plausible rather than official figures; the calibration targets are
// the fixed points that the platform's sample results depend on. Integer tables where
// they feed per-person draws, so the per-person arithmetic never depends on
// floating-point details.
#include <array>
#include <cstdint>
#include <string_view>

#include "demography.hpp"
#include "region.hpp"

namespace gen::jh {

constexpr double kHallenIndex = 0.7878;  // lowest CNI index in JH 2020
constexpr double kJarpenIndex = 1.3146;  // highest CNI index in JH 2020

// Ids must match regions/jamtland-harjedalen/region.yaml. Sizes sum to 131 000.
// Columns: id, size, distance centre and spread (0.1 km), age tilt, area, CNI index,
// fixed, neighbours.
// clang-format off
inline constexpr std::array<UnitSpec, 25> kUnits = {{
    {"backe",        2000, 1400, 200,  350, Area::kRural,    1.02,         false, {"hoting", "stromsund", ""}},
    {"bispgarden",   2000, 1000, 150,  300, Area::kRural,    1.06,         false, {"hammarstrand", "bracke", ""}},
    {"bracke",       3500,  700, 150,  300, Area::kRural,    1.04,         false, {"bispgarden", "hammarstrand", "svenstavik"}},
    {"brunflo",      6500,  200, 100, -100, Area::kSuburb,   0.89,         false, {"ostersund", "odensala", "torvalla"}},
    {"froson",      10800,   80,  50, -100, Area::kSuburb,   0.87,         false, {"ostersund", "z-grand", "lugnvik"}},
    {"fjallhalsan",  2600, 1500, 250,  300, Area::kRural,    0.96,         false, {"sveg", "funasdalen", ""}},
    {"funasdalen",   2000, 2000, 200,  200, Area::kMountain, 0.88,         false, {"fjallhalsan", "sveg", ""}},
    {"gaddede",      1100, 2300, 250,  350, Area::kRural,    1.14,         false, {"stromsund", "backe", ""}},
    {"hallen",       1500,  500, 120,  300, Area::kRural,    kHallenIndex, true,  {"svenstavik", "jarpen", "froson"}},
    {"hammarstrand", 2800, 1000, 150,  350, Area::kRural,    1.10,         false, {"bispgarden", "bracke", ""}},
    {"hoting",       2300, 1500, 200,  350, Area::kRural,    1.06,         false, {"backe", "stromsund", ""}},
    {"jarpen",       3500,  600, 120,  100, Area::kRural,    kJarpenIndex, true,  {"are", "hallen", "krokom"}},
    {"krokom",       6000,  250, 120,  -50, Area::kSuburb,   0.90,         false, {"offerdal", "lugnvik", "froson"}},
    {"lit",          4000,  300, 100,  150, Area::kSuburb,   0.94,         false, {"krokom", "ostersund", "stromsund"}},
    {"lugnvik",      8000,   50,  35, -250, Area::kTown,     0.99,         false, {"ostersund", "krokom", "froson"}},
    {"odensala",    11000,   40,  30, -200, Area::kTown,     1.07,         false, {"ostersund", "z-grand", "torvalla"}},
    {"offerdal",     1800,  550, 150,  250, Area::kRural,    0.91,         false, {"krokom", "jarpen", ""}},
    {"ripan",        7500,   50,  35, -200, Area::kTown,     1.02,         false, {"ostersund", "odensala", "z-grand"}},
    {"stromsund",    5500, 1000, 200,  300, Area::kRural,    1.05,         false, {"hoting", "lit", "backe"}},
    {"svenstavik",   3200,  800, 180,  300, Area::kRural,    0.95,         false, {"hallen", "sveg", "bracke"}},
    {"sveg",         5000, 1900, 250,  350, Area::kRural,    0.99,         false, {"fjallhalsan", "svenstavik", ""}},
    {"torvalla",     9500,   60,  40, -300, Area::kTown,     1.09,         false, {"odensala", "brunflo", "ostersund"}},
    {"z-grand",      9000,   25,  20, -150, Area::kTown,     1.00,         false, {"ostersund", "ripan", "froson"}},
    {"are",          7400, 1000, 150, -150, Area::kMountain, 0.87,         false, {"jarpen", "hallen", ""}},
    {"ostersund",   12500,   30,  25, -100, Area::kTown,     1.12,         false, {"z-grand", "odensala", "ripan"}},
}};
// clang-format on

constexpr int kFullScalePersons = 131000;

// ---- Age structure ------------------------------------------------------------------------

// Share of the population per 5-year band, per 100 000: an older structure than
// Sweden's as a whole (about 24 % aged 65+), as in Jämtland's rural municipalities.
inline constexpr std::array<int, kBands> kBandShare = {5100, 5500, 5500, 5200, 5600, 6200, 5900,
                                                       5500, 5400, 6100, 6700, 6500, 6300, 6400,
                                                       6600, 4900, 3200, 1900, 900,  280,  40};

// ---- Churn (per 100 000 persons and year) -------------------------------------------------

constexpr int kBirthsPer100k = 1000;           // about 1 300 births a year at full scale
constexpr int kMoveInsPer100k = 4700;          // a little more than the moves out
constexpr int kUnitChangesPer100k = 1600;      // listed persons choosing another unit
constexpr int kNeighbourChoicePerMille = 850;  // a new unit is usually a nearby one

// Östersund's units (within 3.5 km of the hospital) share one town.
inline constexpr RegionSpec kRegion = {.units = kUnits,
                                       .band_share = kBandShare,
                                       .full_scale_persons = kFullScalePersons,
                                       .births_per_100k = kBirthsPer100k,
                                       .move_ins_per_100k = kMoveInsPer100k,
                                       .unit_changes_per_100k = kUnitChangesPer100k,
                                       .neighbour_choice_per_mille = kNeighbourChoicePerMille,
                                       .town_radius_tenths = 350,
                                       .exact_unit_sizes = false,
                                       .id_prefix = 'P'};

// ---- Visits -------------------------------------------------------------------------------

// Target derived age weights (JH's reference period 2018-11..2019-10). The two published
// extremes are fixed; the other bands are this U-shaped profile scaled by one factor so
// that the population-weighted mean weight is exactly 1, as it is by construction.
constexpr int kMinWeightBand = 2;   // 10-14
constexpr int kMaxWeightBand = 17;  // 85-89
constexpr double kMinWeight = 0.3327;
constexpr double kMaxWeight = 2.2132;
// clang-format off
inline constexpr std::array<double, kBands> kWeightProfile = {
    1.10, 0.48, kMinWeight, 0.50, 0.62, 0.68, 0.72, 0.73, 0.75, 0.80,        // 0-4 .. 45-49
    0.88, 0.98, 1.10, 1.28, 1.52, 1.80, 2.04, kMaxWeight, 2.10, 2.00, 1.92}; // 50-54 .. 100+
// clang-format on

// Weighted visits per listed person and year (about 3.5 contacts a year).
constexpr double kWeightedVisitsPerPerson = 4.6;

constexpr int kProfessions = 7;
inline constexpr std::array<std::string_view, kProfessions> kProfession = {
    "doctor",   "nurse", "physiotherapist", "psychologist", "counsellor", "occupational_therapist",
    "dietitian"};
enum Profession { kDoctor, kNurse, kPhysio, kPsychologist, kCounsellor, kOccupational, kDietitian };

constexpr int kContactTypes = 5;
inline constexpr std::array<std::string_view, kContactTypes> kContactType = {
    "visit", "home_visit", "phone", "digital", "phone_prescription"};
enum ContactType { kVisit, kHomeVisit, kPhone, kDigital, kPhonePrescription };

// Per 1000 contacts: prescription renewals by phone (weight 0 in the derivation).
constexpr int kPhonePrescriptionPerMille = 40;
constexpr int kPrescriptionByDoctorPerMille = 550;
// Per 1000 other contacts: doctors, the same at every age so that the mean weight of a
// contact (and with it the visit rate needed per band) does not depend on age.
constexpr int kDoctorPerMille = 380;
// Mean weighted visits of one contact: 0.96 × (0.38 × 2 + 0.62 × 1).
constexpr double kMeanContactWeight =
    (1000 - kPhonePrescriptionPerMille) / 1000.0 * (1000 + kDoctorPerMille) / 1000.0;

// Life stages with their own mix of other professions and contact types.
enum Stage { kChild, kAdult, kSenior, kOld };
constexpr Stage stage_of_band(int band) {
    if (band <= 3)
        return kChild;  // 0-19
    if (band <= 12)
        return kAdult;  // 20-64
    if (band <= 15)
        return kSenior;  // 65-79
    return kOld;         // 80+
}

// Per 1000 contacts, doctor first (kDoctorPerMille), in kProfession order.
inline constexpr std::array<std::array<int, kProfessions>, 4> kProfessionMix = {{
    {380, 360, 90, 70, 70, 10, 20},   // children: psychologists and counsellors
    {380, 300, 160, 50, 60, 20, 30},  // adults: physiotherapy
    {380, 380, 140, 15, 20, 40, 25},  // seniors
    {380, 450, 80, 5, 5, 70, 10},     // 80+: district nurses, occupational therapy
}};

// Per 1000 contacts other than prescription renewals: visit, home visit, phone, digital.
inline constexpr std::array<std::array<int, 4>, 4> kContactMix = {{
    {680, 0, 200, 120},
    {580, 10, 240, 170},
    {620, 30, 280, 70},
    {550, 150, 280, 20},
}};

constexpr int kOwnUnitPerMille = 900;  // the rest are seen at a nearby unit

// How much persons differ in their need of care: relative visit rate (per 100) and
// per 1000 persons. A quarter have almost no contacts in a year, a few very many.
inline constexpr std::array<int, 7> kFrailty = {0, 40, 80, 120, 180, 300, 480};
inline constexpr std::array<int, 7> kFrailtyPerMille = {250, 200, 180, 150, 110, 70, 40};

// ---- Unit values (2021 model) -------------------------------------------------------------

constexpr int kPatientFeeKr = 190;  // mean patient fee per primary-care visit
// Coverage (täckningsgrad): primary-care visits / all outpatient visits of the listed.
// JH's units spanned 55-85 %, mean 71 %, in 2016 (000).
constexpr int kMinCoveragePerMille = 550;
constexpr int kMaxCoveragePerMille = 850;
constexpr int kUnitsMissingOpeningHours = 2;  // the rest met the requirement every week
constexpr int kMaxWeeksUnmet = 3;

// ---- Cost responsibility (kostnadsansvar, 2020 model, 001 §6) -----------------------------
// The costs a unit bears for its listed, in kr per listed and year, each unit's figure
// drawn ±spread % around it. ILLUSTRATIVE except LOF/LOL: 21 mkr a year (003, the central
// budget that replaces the units' cost responsibility in 2021) over about 131 000 listed.
struct CostSpec {
    std::string_view measure;
    int kr_per_listed_year;
    int spread_percent;
};
inline constexpr std::array<CostSpec, 7> kCosts = {{
    {"drug_cost_kr", 1272, 10},              // about the drug compensation (1 272 kr a weight)
    {"lof_lol_cost_kr", 160, 40},            // 21 mkr / 131 000; depends on the local tariff staff
    {"foot_care_cost_kr", 40, 20},           // medicinsk fotvård
    {"municipal_services_cost_kr", 60, 25},  // tjänsteköp kommun
    {"lab_xray_cost_kr", 300, 15},           // lab and X-ray
    {"premises_cost_kr", 450, 20},           // hyra för lokaler
    {"patient_travel_cost_kr", 60, 20},  // sjukresor to and from the unit, ×(1 + distance/100 km)
}};

// ---- Care guarantee (2021 model, 001 §5.2, §9) --------------------------------------------
// Share of medical assessments within 3 days, in per mille: units spread around the
// national kömiljard's 85 % level.
constexpr int kMinCareGuaranteePerMille = 780;
constexpr int kMaxCareGuaranteePerMille = 950;

// ---- Variable pay (2023 model, 004 §3.1.2) ------------------------------------------------
// At the sample's 10 % scale, a month: asylum seekers' visits and health examinations per
// unit, and visits by patients from other regions (many at the mountain units in the ski
// season). All ILLUSTRATIVE: the source gives no volumes.
constexpr int kMaxAsylumVisits = 12;
constexpr int kMaxAsylumExaminations = 3;
constexpr int kMaxOutOfRegionVisits = 6;        // other units
constexpr int kMountainOutOfRegionVisits = 60;  // mountain units: 30-60
constexpr int kOutOfRegionPaymentKr = 1500;     // paid per visit by the patient's region

}  // namespace gen::jh
