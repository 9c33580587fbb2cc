#include "jh_psychiatry.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "draw_day.hpp"
#include "jh_data.hpp"
#include "jh_psychiatry_data.hpp"
#include "rng.hpp"

namespace gen {

using namespace jh;

namespace {

// The episode rule of regions/jamtland-harjedalen/region.yaml (episode_gap_days).
constexpr Day kEpisodeGapDays = 90;
// The history starts this many months before the earliest extract.
constexpr int kHistoryLeadMonths = 24;

// A contact's unit: 0..24 the hälsocentraler (kUnits), then kPsychiatryUnits.
constexpr std::size_t kFirstPsychiatryUnit = kUnits.size();
constexpr std::size_t kAllUnits = kUnits.size() + kPsychiatryUnits.size();

std::string_view unit_id(std::size_t unit) {
    return unit < kFirstPsychiatryUnit ? kUnits[unit].id
                                       : kPsychiatryUnits[unit - kFirstPsychiatryUnit].id;
}

// The unit kind, as a service: hälsocentral, clinic or provider.
Service unit_service(std::size_t unit) {
    if (unit < kFirstPsychiatryUnit)
        return kFirstLine;
    return kPsychiatryUnits[unit - kFirstPsychiatryUnit].provider ? kProvider : kClinic;
}

constexpr std::array<std::string_view, kServices> kServiceLabel = {"hälsocentraler", "clinics",
                                                                   "providers"};

Month add_months(Month m, int months) {
    const int index = m.y * 12 + (m.m - 1) + months;  // years are 1900-2199
    return {index / 12, index % 12 + 1};
}

// YYYY-MM, as month_text, for computed months (whose range the compiler cannot see).
std::string label(Month m) {
    return std::to_string(m.y) + (m.m < 10 ? "-0" : "-") + std::to_string(m.m);
}

int months_between(Month a, Month b) {  // b - a
    return (b.y - a.y) * 12 + (b.m - a.m);
}

Month month_of(Day day) {
    const Ymd c = civil_from_days(day);
    return {c.y, c.m};
}

Day next_weekday(Day day) {
    while (is_weekend(day))
        ++day;
    return day;
}

// An index drawn from the first three weights only.
int draw_first3(const std::array<int, 4>& weights, Rng& rng) {
    const std::array<int, 3> first = {weights[0], weights[1], weights[2]};
    return draw_index(first, 0, rng);
}

double percent(std::uint64_t part, std::uint64_t whole) {
    return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0;
}

unsigned long long ull(std::uint64_t n) {
    return static_cast<unsigned long long>(n);
}

}  // namespace

struct JhPsychiatry::Contact {
    Day date = 0;
    std::uint8_t unit = 0;
    std::uint8_t type = 0;
    std::uint8_t profession = 0;
    std::uint8_t diagnosis = 0;
    std::int8_t score = -1;  // -1: not measured
    std::uint8_t event = 0;  // 0 none, else 1 + index in kPsyEvent
};

// One psychiatry month's files and what they hold.
struct JhPsychiatry::Extract {
    Extract(Month m, const std::filesystem::path& dir)
        : month(m),
          first(window_first(m)),
          last(m.last_day()),
          staff_first(add_months(m, -11).first_day()),
          contacts(dir / ("psychiatry-" + month_text(m) + ".csv")),
          events(dir / ("events-" + month_text(m) + ".csv")) {
        contacts.header(
            "person_id,unit,contact_date,contact_type,profession,diagnosis_group,score");
        events.header("person_id,unit,event_date,event,birth_date");
    }

    Month month;
    Day first;
    Day last;
    Day staff_first;  // the 12 months the staffing is derived from
    CsvFile contacts;
    CsvFile events;

    struct KindTotals {
        std::uint64_t contacts = 0;
        std::uint64_t year_contacts = 0;   // in the 12 months ending with the month
        std::uint64_t month_contacts = 0;  // in the month
        std::uint64_t episodes = 0;
        std::uint64_t single = 0;
        std::uint64_t persons = 0;  // with a contact of this kind
    };
    std::array<KindTotals, kServices> kinds{};
    std::array<std::uint64_t, 13> per_month{};
    std::array<std::uint64_t, 4> types{};
    std::array<std::array<std::uint64_t, 2>, kAllUnits>
        staff_contacts{};  // psychologist, counsellor
    std::array<std::uint64_t, kAllUnits> unit_contacts{};
    std::array<std::uint64_t, kAllUnits> unit_episodes{};
    std::array<std::uint64_t, kAllUnits> unit_single{};
    std::array<std::uint64_t, kPsyEvent.size()> event_count{};
    // Clinic episodes per diagnosis group: episodes and their contacts.
    std::array<std::uint64_t, kDiagnoses> clinic_episodes{};
    std::array<std::uint64_t, kDiagnoses> clinic_episode_contacts{};
    std::array<std::uint64_t, 3> outcomes{};  // improved, unchanged, worse
    std::uint64_t scored_contacts = 0;

    // An episode as the importer builds it from this file's rows.
    struct Open {
        bool open = false;
        Day last = 0;
        std::uint64_t contacts = 0;
        int first_score = -1;
        int last_score = -1;
        int scores = 0;
        std::uint8_t diagnosis = 0;
    };
    void close_episode(std::size_t unit, Open& e) {
        if (!e.open)
            return;
        const Service s = unit_service(unit);
        ++kinds[s].episodes;
        ++unit_episodes[unit];
        if (e.contacts == 1) {
            ++kinds[s].single;
            ++unit_single[unit];
        }
        if (s == kClinic) {
            ++clinic_episodes[e.diagnosis];
            clinic_episode_contacts[e.diagnosis] += e.contacts;
        }
        if (e.scores >= 2) {
            const int change = e.last_score - e.first_score;
            ++outcomes[change >= 10 ? 0 : change <= -10 ? 2 : 1];
        }
        e = Open{};
    }
};

namespace {

// One episode's contacts, from its first on `start`; returns the day of its last.
Day draw_episode(Service s, std::size_t unit, std::size_t diagnosis, Day start, Rng& r,
                 std::vector<JhPsychiatry::Contact>& out) {
    const EpisodeShape& shape = kEpisodeShape[s][diagnosis];
    const int n = r.per_mille(static_cast<std::uint64_t>(shape.single_per_mille))
                      ? 1
                      : static_cast<int>(r.between(shape.min_contacts, shape.max_contacts));
    const int phase = shape.phase_max > 0 && n > 1
                          ? std::min(n, static_cast<int>(r.between(3, shape.phase_max)))
                          : 0;
    const std::array<int, 4>& professions = kPsyProfessionMix[s][diagnosis];
    const int main_profession = draw_index(professions, 0, r);

    // Outcome scores at the first and last contact of some longer episodes.
    int baseline = -1;
    int follow_up = -1;
    if (n > 1 && r.per_mille(static_cast<std::uint64_t>(kScoredPerMille[s]))) {
        baseline = static_cast<int>(r.between(
            kMinBaseline, diagnosis == kPsychosis ? kMaxPsychosisBaseline : kMaxBaseline));
        const int outcome = draw_index(kOutcomeMix[diagnosis], 0, r);
        const auto change = outcome == 0   ? r.between(10, 40)
                            : outcome == 1 ? r.between(-5, 5)
                                           : r.between(-30, -10);
        follow_up = std::clamp(baseline + static_cast<int>(change), 0, 100);
    }

    // Completions at the clinics and providers.
    int assessment_at = -1;
    int rehabilitation_at = -1;
    if (s != kFirstLine && n > 1) {
        if (diagnosis == kAdhd) {
            if (r.per_mille(kAdhdAssessmentPerMille))
                assessment_at = phase - 1;
        } else if (n >= 3 && r.per_mille(kOtherAssessmentPerMille)) {
            assessment_at = 2;
        }
        if (diagnosis != kAdhd && diagnosis != kPsychosis && n >= kMinRehabilitationContacts &&
            r.per_mille(kRehabilitationPerMille)) {
            rehabilitation_at = n - 1;
        }
    }

    Day day = start;
    for (int k = 0; k < n; ++k) {
        if (k > 0) {
            const bool in_phase = k < phase;
            day = next_weekday(
                day + static_cast<Day>(in_phase ? r.between(kPhaseMinDays, kPhaseMaxDays)
                                                : r.between(shape.min_days, shape.max_days)));
        }
        JhPsychiatry::Contact c;
        c.date = day;
        c.unit = static_cast<std::uint8_t>(unit);
        c.diagnosis = static_cast<std::uint8_t>(diagnosis);
        c.type = static_cast<std::uint8_t>(k == 0 ? draw_first3(kPsyContactMix[s], r)
                                                  : draw_index(kPsyContactMix[s], 0, r));
        c.profession = static_cast<std::uint8_t>(n > 1 && r.per_mille(kMainProfessionPerMille)
                                                     ? main_profession
                                                     : draw_index(professions, 0, r));
        if (k == 0 && baseline >= 0)
            c.score = static_cast<std::int8_t>(baseline);
        if (k == n - 1 && follow_up >= 0)
            c.score = static_cast<std::int8_t>(follow_up);
        if (k == assessment_at)
            c.event = 1;
        else if (k == rehabilitation_at)
            c.event = 2;
        out.push_back(c);
    }
    return day;
}

}  // namespace

Day JhPsychiatry::window_first(Month month) {
    return add_months(month, -12).first_day();
}

JhPsychiatry::JhPsychiatry(const std::vector<Month>& months, const std::filesystem::path& dir,
                           std::uint64_t seed, const PersonIds& ids)
    : seed_(seed),
      ids_(ids),
      history_first_(add_months(months.front(), -12 - kHistoryLeadMonths)),
      history_last_(months.back()),
      sveg_catchment_(kUnits.size(), 0),
      northern_(kUnits.size(), 0) {
    for (Month m : months)
        extracts_.push_back(std::make_unique<Extract>(m, dir));
    const auto resolve = [](std::string_view id) {
        const int u = unit_index(kRegion, id);
        if (u < 0)
            throw std::logic_error("psychiatry tables name an unknown unit " + std::string(id));
        return static_cast<std::size_t>(u);
    };
    for (std::string_view id : kSvegCatchment)
        sveg_catchment_[resolve(id)] = 1;
    for (std::string_view id : kNorthernUnits)
        northern_[resolve(id)] = 1;
}

JhPsychiatry::~JhPsychiatry() = default;

// Every episode the person starts in the history's months, with all its contacts.
void JhPsychiatry::history(const Person& p, std::vector<Contact>& out) const {
    out.clear();
    Rng rng = keyed_rng(seed_, Stream::kPsychiatry, p.index, 0);
    const int propensity =
        kPropensity[static_cast<std::size_t>(draw_index(kPropensityPerMille, 0, rng))];
    if (propensity == 0)
        return;
    const int age_at_end = p.age_on(history_last_.first_day());
    const std::size_t age_class = age_at_end < 18 ? 0 : age_at_end < 65 ? 1 : 2;
    const auto main = static_cast<std::size_t>(draw_index(kMainDiagnosis[age_class], 0, rng));
    const std::size_t sex = p.sex == 'F' ? 0 : 1;

    std::array<Day, kAllUnits> busy_until;  // the last contact drawn at each unit
    busy_until.fill(kLongAgo / 2);
    for (Month m = history_first_; m <= history_last_; m = add_months(m, 1)) {
        for (std::size_t s = 0; s < kServices; ++s) {
            Rng r = keyed_rng(seed_, Stream::kPsychiatry, p.index, m.key() * 4 + s + 1);
            const Day start = draw_day(m.first_day(), m.last_day(), true, r);
            const std::uint64_t draw = r.below(1'000'000);
            if (!p.present(start))
                continue;
            const int age = p.age_on(start);
            const int min_age = s == kFirstLine ? kFirstLineFromAge
                                : s == kClinic  ? kClinicFromAge
                                                : kProviderFromAge;
            if (age < min_age)
                continue;
            // Per million: base × age × sex × propensity × diagnosis, the factors per 100.
            const std::uint64_t chance =
                static_cast<std::uint64_t>(kStartsPerMillion[s]) *
                static_cast<std::uint64_t>(
                    kAgeFactor[s][static_cast<std::size_t>(age_group(age))]) *
                static_cast<std::uint64_t>(kSexFactor[sex]) *
                static_cast<std::uint64_t>(propensity) *
                static_cast<std::uint64_t>(kDiagnosisFactor[s][main]) / 100'000'000;
            if (draw >= chance)
                continue;

            std::size_t unit = 0;
            const auto listed = static_cast<std::size_t>(p.unit_at(start));
            if (s == kFirstLine) {
                unit = listed;
            } else if (s == kClinic) {
                unit = kFirstPsychiatryUnit + (age < kBupUntilAge        ? kBup
                                               : sveg_catchment_[listed] ? kPsykiatriSveg
                                                                         : kVuxenpsykiatri);
            } else {
                const bool near = r.per_mille(kNearProviderPerMille);
                const bool north = northern_[listed] != 0;
                unit = kFirstPsychiatryUnit + (north == near ? kPsykhalsaNorr : kPsykhalsaSoder);
            }
            if (start <= busy_until[unit] + kEpisodeGapDays)
                continue;  // still in care there: the episode goes on

            // The episode's diagnosis group: mostly the person's main one.
            std::size_t diagnosis = main;
            if (!r.per_mille(kMainDiagnosisPerMille) || (s != kClinic && main == kPsychosis)) {
                std::array<int, kDiagnoses> mix = kMainDiagnosis[age_class];
                if (s != kClinic)
                    mix[kPsychosis] = 0;
                diagnosis = static_cast<std::size_t>(draw_index(mix, 0, r));
            }

            busy_until[unit] =
                draw_episode(static_cast<Service>(s), unit, diagnosis, start, r, out);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Contact& a, const Contact& b) {
        return a.date != b.date ? a.date < b.date : a.unit < b.unit;
    });
    for (std::size_t i = 1; i < out.size(); ++i) {
        if (out[i].date == out[i - 1].date && out[i].unit == out[i - 1].unit)
            throw std::logic_error("two psychiatric contacts on one day at one unit");
    }
}

void JhPsychiatry::add(const Person& p) {
    history(p, contacts_);
    if (contacts_.empty())
        return;
    for (auto& e : extracts_) {
        Extract& x = *e;
        std::array<Extract::Open, kAllUnits> open{};
        std::array<bool, kServices> seen{};
        for (const Contact& c : contacts_) {
            if (c.date < x.first || c.date > x.last || !p.present(c.date))
                continue;
            ids_.write(x.contacts, p.index);
            x.contacts.comma().text(unit_id(c.unit)).comma().date(c.date).comma();
            x.contacts.text(kPsyContactType[c.type]).comma().text(kPsyProfession[c.profession]);
            x.contacts.comma().text(kDiagnosisGroup[c.diagnosis]).comma();
            if (c.score >= 0) {
                x.contacts.number(static_cast<std::uint64_t>(c.score));
                ++x.scored_contacts;
            }
            x.contacts.end_row();

            const Service s = unit_service(c.unit);
            seen[s] = true;
            ++x.kinds[s].contacts;
            ++x.unit_contacts[c.unit];
            ++x.types[c.type];
            ++x.per_month[static_cast<std::size_t>(
                months_between(month_of(x.first), month_of(c.date)))];
            if (c.date >= x.staff_first) {
                ++x.kinds[s].year_contacts;
                if (c.profession == kPsyPsychologist)
                    ++x.staff_contacts[c.unit][0];
                if (c.profession == kPsyCounsellor)
                    ++x.staff_contacts[c.unit][1];
            }
            if (c.date >= x.month.first_day()) {
                ++x.kinds[s].month_contacts;
                if (c.event > 0) {
                    ids_.write(x.events, p.index);
                    x.events.comma().text(unit_id(c.unit)).comma().date(c.date).comma();
                    x.events.text(kPsyEvent[c.event - 1u]).comma().date(p.birth);
                    x.events.end_row();
                    ++x.event_count[c.event - 1u];
                }
            }

            Extract::Open& ep = open[c.unit];
            if (ep.open && c.date - ep.last > kEpisodeGapDays)
                x.close_episode(c.unit, ep);
            if (!ep.open) {
                ep.open = true;
                ep.diagnosis = c.diagnosis;
            }
            ep.last = c.date;
            ++ep.contacts;
            if (c.score >= 0) {
                if (ep.first_score < 0)
                    ep.first_score = c.score;
                ep.last_score = c.score;
                ++ep.scores;
            }
        }
        for (std::size_t u = 0; u < kAllUnits; ++u)
            x.close_episode(u, open[u]);
        for (std::size_t s = 0; s < kServices; ++s)
            x.kinds[s].persons += seen[s] ? 1 : 0;
    }
}

std::vector<UnitValueRow> JhPsychiatry::staffing(Month month) const {
    const auto it = std::find_if(extracts_.begin(), extracts_.end(),
                                 [&](const auto& x) { return x->month == month; });
    if (it == extracts_.end())
        throw std::logic_error("no psychiatry extract for " + month_text(month));
    const Extract& x = **it;
    std::vector<UnitValueRow> rows;
    for (std::size_t u = 0; u < kAllUnits; ++u) {
        const Service s = unit_service(u);
        Rng rng = keyed_rng(seed_, Stream::kStaffing, u, month.key());
        const std::array<std::uint64_t, 2> per_fte = {
            static_cast<std::uint64_t>(kPsychologistContactsPerFte[s]),
            static_cast<std::uint64_t>(kCounsellorContactsPerFte[s])};
        for (std::size_t k = 0; k < 2; ++k) {
            // Hundredths of a full-time post: contacts / contacts per post, ±10 %.
            const auto factor = static_cast<std::uint64_t>(rng.between(900, 1100));
            const std::uint64_t contacts = x.staff_contacts[u][k];
            std::uint64_t hundredths =
                (contacts * 100 * factor + per_fte[k] * 500) / (per_fte[k] * 1000);
            if (contacts > 0)
                hundredths = std::max<std::uint64_t>(hundredths, 1);
            rows.push_back(
                {unit_id(u), k == 0 ? "psychologist_fte" : "counsellor_fte", hundredths, 2});
        }
    }
    return rows;
}

std::vector<UnitValueRow> JhPsychiatry::unit_values(Month month) const {
    std::vector<UnitValueRow> rows = staffing(month);
    for (std::size_t u = 0; u < kAllUnits; ++u) {
        if (unit_service(u) == kFirstLine)
            continue;
        Rng rng = keyed_rng(seed_, Stream::kStaffing, kAllUnits + u, month.key());
        rows.push_back(
            {unit_id(u), "psychiatry_goals_met", rng.between(1, 100) <= 60 ? 1U : 0U, 0});
    }
    return rows;
}

void JhPsychiatry::write_staffing(const std::filesystem::path& dir, Month month) const {
    UnitValuesFile file(dir / ("unit-values-" + month_text(month) + ".csv"));
    for (const UnitValueRow& row : unit_values(month))
        file.add(row);
    file.close();
    std::fprintf(stderr, "wrote %s: %llu rows (staffing only)\n", file.path().string().c_str(),
                 ull(file.rows()));
}

void JhPsychiatry::close(bool verbose) {
    for (auto& e : extracts_) {
        Extract& x = *e;
        x.contacts.close();
        x.events.close();
        const std::string name = label(month_of(x.first)) + ".." + label(x.month);
        std::uint64_t episodes = 0;
        std::uint64_t single = 0;
        for (const auto& k : x.kinds) {
            episodes += k.episodes;
            single += k.single;
        }
        const std::uint64_t rows = x.contacts.rows();
        std::fprintf(stderr,
                     "wrote %s: %llu contacts (%s), %.1f %% digital, %.1f %% group, %llu with a "
                     "score\n",
                     x.contacts.path().string().c_str(), ull(rows), name.c_str(),
                     percent(x.types[kPsyDigital], rows), percent(x.types[kPsyGroup], rows),
                     ull(x.scored_contacts));
        std::fprintf(stderr, "wrote %s: %llu assessment_completed, %llu rehabilitation_completed\n",
                     x.events.path().string().c_str(), ull(x.event_count[0]),
                     ull(x.event_count[1]));
        std::fprintf(stderr, "psychiatry %s: %llu episodes (gap %d days), single-contact %.1f %%:",
                     name.c_str(), ull(episodes), kEpisodeGapDays, percent(single, episodes));
        for (std::size_t s = 0; s < kServices; ++s) {
            std::fprintf(stderr, "%s %s %.1f %% of %llu", s == 0 ? "" : ",",
                         std::string(kServiceLabel[s]).c_str(),
                         percent(x.kinds[s].single, x.kinds[s].episodes), ull(x.kinds[s].episodes));
        }
        std::fprintf(stderr, "\n  contacts in the 12 months to %s:", month_text(x.month).c_str());
        for (std::size_t s = 0; s < kServices; ++s) {
            std::fprintf(stderr, "%s %s %llu", s == 0 ? "" : ",",
                         std::string(kServiceLabel[s]).c_str(), ull(x.kinds[s].year_contacts));
        }
        std::fprintf(stderr, "; persons seen:");
        for (std::size_t s = 0; s < kServices; ++s) {
            std::fprintf(stderr, "%s %s %llu", s == 0 ? "" : ",",
                         std::string(kServiceLabel[s]).c_str(), ull(x.kinds[s].persons));
        }
        std::fprintf(stderr, "\n  contacts in %s:", month_text(x.month).c_str());
        std::uint64_t in_month = 0;
        for (std::size_t s = 0; s < kServices; ++s) {
            in_month += x.kinds[s].month_contacts;
            std::fprintf(stderr, "%s %s %llu", s == 0 ? "" : ",",
                         std::string(kServiceLabel[s]).c_str(), ull(x.kinds[s].month_contacts));
        }
        std::uint64_t lo = x.per_month[0];
        std::uint64_t hi = x.per_month[0];
        for (std::uint64_t n : x.per_month) {
            lo = std::min(lo, n);
            hi = std::max(hi, n);
        }
        std::fprintf(stderr, " (%llu; every month %llu-%llu)\n", ull(in_month), ull(lo), ull(hi));
        std::fprintf(stderr, "  contacts per clinic episode:");
        for (std::size_t d = 0; d < kDiagnoses; ++d) {
            std::fprintf(
                stderr, "%s %s %.1f", d == 0 ? "" : ",", std::string(kDiagnosisGroup[d]).c_str(),
                x.clinic_episodes[d] > 0 ? static_cast<double>(x.clinic_episode_contacts[d]) /
                                               static_cast<double>(x.clinic_episodes[d])
                                         : 0.0);
        }
        const std::uint64_t scored = x.outcomes[0] + x.outcomes[1] + x.outcomes[2];
        std::fprintf(stderr,
                     "\n  score change (last - first) in %llu episodes: improved (+10 or more) "
                     "%.1f %%, unchanged %.1f %%, worse (-10 or less) %.1f %%\n",
                     ull(scored), percent(x.outcomes[0], scored), percent(x.outcomes[1], scored),
                     percent(x.outcomes[2], scored));
        std::array<std::array<std::uint64_t, 2>, kServices> fte{};
        std::size_t u = 0;
        for (const UnitValueRow& row : staffing(x.month)) {
            fte[unit_service(u / 2)][u % 2] += row.value;
            ++u;
        }
        std::fprintf(stderr,
                     "  staffing %s (FTE, psychologist/counsellor):", month_text(x.month).c_str());
        for (std::size_t s = 0; s < kServices; ++s) {
            std::fprintf(
                stderr, "%s %s %.2f/%.2f", s == 0 ? "" : ",", std::string(kServiceLabel[s]).c_str(),
                static_cast<double>(fte[s][0]) / 100, static_cast<double>(fte[s][1]) / 100);
        }
        std::fprintf(stderr, "\n");
        if (!verbose)
            continue;
        for (std::size_t m = 0; m < x.per_month.size(); ++m) {
            std::fprintf(stderr, "  %s %6llu contacts\n",
                         label(add_months(month_of(x.first), static_cast<int>(m))).c_str(),
                         ull(x.per_month[m]));
        }
        for (std::size_t unit = 0; unit < kAllUnits; ++unit) {
            std::fprintf(stderr, "  %-24s contacts %6llu  episodes %6llu  single %5.1f %%\n",
                         std::string(unit_id(unit)).c_str(), ull(x.unit_contacts[unit]),
                         ull(x.unit_episodes[unit]),
                         percent(x.unit_single[unit], x.unit_episodes[unit]));
        }
    }
}

}  // namespace gen
