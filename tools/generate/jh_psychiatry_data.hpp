#pragma once
// The assumptions behind JH's synthetic psychiatric contacts. ILLUSTRATIVE figures: JH
// publishes none of them; they are plausible orders of magnitude, chosen so that at full
// scale (about 131 000 persons) a year holds about 60 000 contacts in specialised
// psychiatry (clinics and the two hypothetical providers) and about 30 000 first-line
// mental-health contacts at the hälsocentraler, and so that about 80 % of the episodes in
// an extract are a single contact (Halland reports 80 %, 004), fewer at the clinics
// (psychosis and ADHD episodes are long) and more in primary care. Integer tables, as in
// jh_data.hpp, so that the per-person draws never depend on floating-point details.
#include <array>
#include <cstdint>
#include <string_view>

namespace gen::jh {

// The psychiatric units of regions/jamtland-harjedalen/region.yaml (ILLUSTRATIVE register;
// kinds psychiatry-clinic and psychiatry-provider). They list nobody, so they are not in
// kUnits: a psychiatric contact's unit is either a hälsocentral (kUnits) or one of these.
struct PsychiatryUnitSpec {
    std::string_view id;
    bool provider;  // psychiatry-provider (else psychiatry-clinic)
};
inline constexpr std::array<PsychiatryUnitSpec, 5> kPsychiatryUnits = {{
    {"vuxenpsykiatri-ostersund", false},
    {"bup-ostersund", false},
    {"psykiatri-sveg", false},
    {"psykhalsa-norr", true},
    {"psykhalsa-soder", true},
}};
enum PsychiatryUnit { kVuxenpsykiatri, kBup, kPsykiatriSveg, kPsykhalsaNorr, kPsykhalsaSoder };

// Adults listed here are seen at the Sveg clinic; everyone else at Östersund's.
inline constexpr std::array<std::string_view, 4> kSvegCatchment = {"sveg", "fjallhalsan",
                                                                   "funasdalen", "svenstavik"};
// Adults listed here usually choose Psykisk hälsa Norr, the rest usually Söder.
inline constexpr std::array<std::string_view, 13> kNorthernUnits = {
    "backe",  "gaddede", "hoting", "stromsund", "krokom",  "offerdal", "lit",
    "jarpen", "are",     "hallen", "froson",    "lugnvik", "z-grand"};
constexpr int kNearProviderPerMille = 800;

constexpr int kBupUntilAge = 18;      // children and young people see BUP
constexpr int kProviderFromAge = 18;  // the providers treat adults
constexpr int kFirstLineFromAge = 6;  // first-line counselling at the hälsocentral
constexpr int kClinicFromAge = 6;

// The three services a person can get psychiatric care from.
enum Service { kFirstLine, kClinic, kProvider };
constexpr int kServices = 3;

// ---- Outputs' vocabulary --------------------------------------------------------------------

inline constexpr std::array<std::string_view, 4> kPsyContactType = {"visit", "digital", "phone",
                                                                    "group"};
enum PsyContactType { kPsyVisit, kPsyDigital, kPsyPhone, kPsyGroup };

inline constexpr std::array<std::string_view, 4> kPsyProfession = {"doctor", "psychologist",
                                                                   "counsellor", "nurse"};
enum PsyProfession { kPsyDoctor, kPsyPsychologist, kPsyCounsellor, kPsyNurse };

constexpr int kDiagnoses = 6;
inline constexpr std::array<std::string_view, kDiagnoses> kDiagnosisGroup = {
    "depression", "anxiety", "stress", "adhd", "psychosis", "other"};
enum Diagnosis { kDepression, kAnxiety, kStress, kAdhd, kPsychosis, kOther };

inline constexpr std::array<std::string_view, 2> kPsyEvent = {"assessment_completed",
                                                              "rehabilitation_completed"};

// ---- Who needs care ---------------------------------------------------------------------------

// A person's propensity for mental-health care (per 100 of the base rate) and its share
// (per 1000 persons): most never need it, a few need it again and again.
inline constexpr std::array<int, 5> kPropensity = {0, 100, 250, 600, 1500};
inline constexpr std::array<int, 5> kPropensityPerMille = {560, 250, 120, 55, 15};

// Each person's main diagnosis group (per 1000), by age on the extract's last month:
// under 18, 18-64, 65+. Most episodes are for it; the rest are drawn from the service's
// mix (the same table without psychosis outside the clinics).
inline constexpr std::array<std::array<int, kDiagnoses>, 3> kMainDiagnosis = {{
    {150, 280, 80, 300, 10, 180},
    {300, 270, 170, 90, 40, 130},
    {380, 250, 60, 10, 40, 260},
}};
constexpr int kMainDiagnosisPerMille = 650;

// Episodes starting a month, per million persons with propensity 100, before the factors
// below (calibrated on the volumes above at --scale 1: 30 000, 51 000 and 9 000 contacts a
// year at the hälsocentraler, clinics and providers).
inline constexpr std::array<int, kServices> kStartsPerMillion = {16800, 9500, 2600};

// Relative start rate (per 100) by age group: 0-5, 6-12, 13-17, 18-24, 25-34, 35-44, 45-54,
// 55-64, 65-74, 75-84, 85+.
constexpr int kAgeGroups = 11;
constexpr int age_group(int age) {
    constexpr std::array<int, kAgeGroups - 1> kFrom = {6, 13, 18, 25, 35, 45, 55, 65, 75, 85};
    int g = 0;
    while (g < kAgeGroups - 1 && age >= kFrom[static_cast<std::size_t>(g)])
        ++g;
    return g;
}
inline constexpr std::array<std::array<int, kAgeGroups>, kServices> kAgeFactor = {{
    {0, 50, 120, 170, 150, 130, 110, 90, 60, 45, 35},
    {0, 60, 160, 180, 150, 120, 100, 75, 45, 30, 20},
    {0, 0, 0, 160, 150, 130, 110, 80, 40, 15, 5},
}};
inline constexpr std::array<int, 2> kSexFactor = {125, 80};  // women, men

// Relative start rate (per 100) by the person's main diagnosis: psychosis is treated at
// the clinics, stress mostly in primary care, ADHD assessments by specialists.
inline constexpr std::array<std::array<int, kDiagnoses>, kServices> kDiagnosisFactor = {{
    {100, 110, 130, 60, 20, 100},
    {100, 80, 40, 150, 400, 100},
    {110, 110, 80, 120, 0, 80},
}};

// ---- What an episode looks like ---------------------------------------------------------------

// Per service and diagnosis group: the share of single-contact episodes (per 1000); a
// longer one has between min and max contacts, each min-max days after the previous (a
// weekend day moves to the Monday; kept under the 90-day episode gap of region.yaml). An
// ADHD episode opens with an assessment of 3-`phase_max` contacts a week or two apart.
// In an extract fewer episodes are single than drawn here: the long ones already running
// when it opens count too (calibrated: 92 % single at the hälsocentraler, 66 % at the
// clinics, 75 % at the providers, 80-81 % in all).
struct EpisodeShape {
    int single_per_mille;
    int min_contacts;
    int max_contacts;
    int min_days;
    int max_days;
    int phase_max;  // 0: no assessment phase
};
// clang-format off
inline constexpr std::array<std::array<EpisodeShape, kDiagnoses>, kServices> kEpisodeShape = {{
    {{  // first line: a consultation, or a short course of counselling
        {930,  4, 10,  7, 28, 0},  // depression
        {930,  4, 10,  7, 28, 0},  // anxiety
        {920,  3,  8,  7, 28, 0},  // stress
        {940,  2,  6, 14, 60, 0},  // adhd
        {920,  2,  5, 14, 60, 0},  // psychosis (not drawn: seen at the clinics)
        {940,  3,  8,  7, 35, 0},  // other
    }},
    {{  // clinics: treatment courses, ADHD assessments and follow-up, long psychosis care
        {800,  6, 24,  7, 35, 0},  // depression
        {800,  5, 20,  7, 35, 0},  // anxiety
        {850,  3, 12,  7, 35, 0},  // stress
        {550,  6, 20, 21, 70, 5},  // adhd
        {450, 12, 48, 10, 40, 0},  // psychosis
        {850,  4, 24,  7, 42, 0},  // other
    }},
    {{  // providers: psychotherapy courses, often digital
        {780,  5, 16,  7, 21, 0},  // depression
        {780,  5, 14,  7, 21, 0},  // anxiety
        {820,  4, 10,  7, 28, 0},  // stress
        {500,  6, 14, 21, 60, 5},  // adhd
        {800,  3,  8,  7, 35, 0},  // psychosis (not drawn)
        {850,  3, 10,  7, 35, 0},  // other
    }},
}};
// clang-format on
constexpr int kPhaseMinDays = 7;
constexpr int kPhaseMaxDays = 21;

// Per 1000 contacts, in kPsyProfession order (doctor, psychologist, counsellor, nurse).
// Each multi-contact episode has a main profession drawn from this mix; its other contacts
// are with it kMainProfessionPerMille of the time.
// clang-format off
inline constexpr std::array<std::array<std::array<int, 4>, kDiagnoses>, kServices>
    kPsyProfessionMix = {{
    {{{60, 380, 500, 60}, {40, 420, 480, 60}, {60, 300, 580, 60},
      {150, 500, 250, 100}, {300, 100, 200, 400}, {80, 300, 520, 100}}},
    {{{250, 300, 200, 250}, {200, 380, 220, 200}, {200, 300, 300, 200},
      {300, 400, 100, 200}, {350, 100, 150, 400}, {280, 250, 220, 250}}},
    {{{200, 550, 150, 100}, {150, 600, 150, 100}, {150, 500, 250, 100},
      {300, 500, 50, 150}, {300, 300, 100, 300}, {250, 450, 200, 100}}},
}};
// clang-format on
constexpr int kMainProfessionPerMille = 700;

// Per 1000 contacts, in kPsyContactType order (visit, digital, phone, group); an episode's
// first contact is never a group session.
inline constexpr std::array<std::array<int, 4>, kServices> kPsyContactMix = {{
    {600, 200, 170, 30},
    {640, 120, 170, 70},
    {480, 380, 90, 50},
}};

// ---- Outcome scores ---------------------------------------------------------------------------

// Per 1000 multi-contact episodes: those with a patient-reported outcome (0-100, higher
// is better) at their first and last contact. The providers of a value-based pilot
// measure most.
inline constexpr std::array<int, kServices> kScoredPerMille = {400, 450, 700};
// Per 1000 scored episodes and diagnosis group: improved (+10 to +40), unchanged (-5 to
// +5), worse (-10 to -30); no change of 6-9 points, so any threshold in that range
// classifies them the same way.
inline constexpr std::array<std::array<int, 3>, kDiagnoses> kOutcomeMix = {{
    {580, 280, 140},
    {600, 270, 130},
    {620, 270, 110},
    {480, 400, 120},
    {380, 420, 200},
    {520, 330, 150},
}};
constexpr int kMinBaseline = 15;
constexpr int kMaxBaseline = 70;
constexpr int kMaxPsychosisBaseline = 55;

// ---- Completions (events) -----------------------------------------------------------------------

// At the clinics and providers, per 1000 multi-contact episodes: ADHD episodes that are a
// neuropsychiatric assessment (completed at the phase's last contact) and other episodes
// that are a diagnostic assessment (completed at their third contact); treatment courses
// of at least kMinRehabilitationContacts contacts (not psychosis or ADHD care) that are
// completed as planned at their last contact rather than broken off.
constexpr int kAdhdAssessmentPerMille = 750;
constexpr int kOtherAssessmentPerMille = 120;
constexpr int kRehabilitationPerMille = 650;
constexpr int kMinRehabilitationContacts = 4;

// ---- Staffing (unit values) ---------------------------------------------------------------------

// Patient contacts a year per full-time psychologist and counsellor, per service: the
// staffing written for a month is the unit's contacts in the 12 months ending with it
// over these, ±10 % per unit (so, like every volume, at the output's scale).
inline constexpr std::array<int, kServices> kPsychologistContactsPerFte = {850, 650, 800};
inline constexpr std::array<int, kServices> kCounsellorContactsPerFte = {1000, 800, 900};

}  // namespace gen::jh
