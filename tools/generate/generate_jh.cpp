// The Region Jämtland Härjedalen data set: monthly listings (who is listed where, with
// CNI flags and distance to the hospital), the primary-care contacts of the reference
// periods the age weights are derived from, and per-unit values for the 2021 model;
// calibrated to the region's published CNI and age-weight extremes. On request, psychiatric
// contacts, completions and staffing for given months (jh_psychiatry.hpp).
//
// The population is never held in memory: person i is regenerated from (seed, i) in
// each of up to three passes (count, generate visits, write), so a listing-only run
// of ten million persons needs no more memory than one of ten thousand.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "civil_date.hpp"
#include "cni.hpp"
#include "csv_file.hpp"
#include "generators.hpp"
#include "jh_data.hpp"
#include "jh_psychiatry.hpp"
#include "jh_unit_values.hpp"
#include "listing.hpp"
#include "population.hpp"
#include "progress.hpp"
#include "visits.hpp"

namespace gen {

using namespace jh;

namespace {

namespace fs = std::filesystem;

// From this month on the listings come with unit values (the 2020 model's costs and
// penalty, then each later model's data).
constexpr Month kFirstUnitValuesMonth{2020, 2};

std::string band_label(int band) {
    return band == kBands - 1 ? "100+"
                              : std::to_string(band * 5) + "-" + std::to_string(band * 5 + 4);
}

// The options with JH's defaults filled in: the listings the 2020 and 2021 models pay
// from and derive their age weights against (each reference period's last month).
struct JhSettings {
    std::vector<Month> listing_months = {{2019, 10}, {2020, 2}, {2020, 10}, {2021, 1}};
    std::vector<MonthRange> visits_periods = {{{2018, 11}, {2019, 10}}, {{2019, 11}, {2020, 10}}};
    // The month the 2019 cross-listing settlement (otrohetsersättning, 004 §3.2) is paid
    // from: its visits are also written to a file of their own, visits-YYYY-MM.csv.
    Month settlement_month{2019, 10};
    Month cni_month{2020, 2};
    std::vector<Month> psychiatry_months;  // none unless asked for
};

JhSettings settings_for(const Options& o) {
    JhSettings s;
    if (!o.listing_months.empty())
        s.listing_months = o.listing_months;
    if (!o.visits_periods.empty())
        s.visits_periods = o.visits_periods;
    if (o.no_visits)
        s.visits_periods.clear();
    s.psychiatry_months = o.psychiatry_months;
    if (o.cni_month)
        s.cni_month = *o.cni_month;
    return s;
}

// One reference period: its calendar and what each pass learns about it.
struct VisitsPeriod {
    explicit VisitsPeriod(MonthRange r) : range(r), calendar(r.first, r.last) {}

    MonthRange range;
    VisitCalendar calendar;
    VisitPopulation population;  // pass 1
    VisitPlan plan;              // after pass 1
    BandTotals base;             // pass 2
    BandTotals written;          // pass 3

    std::string file_name() const {
        return "visits-" + month_text(range.first) + ".." + month_text(range.last) + ".csv";
    }
};

// Dates fixed by the arguments.
struct Dates {
    std::vector<Day> listing;  // first day of each listing month, ascending
    Day cni;
    Day base;  // the earliest day of interest: the population is drawn as of this day
    Day end;   // the latest: newcomers arrive and persons leave up to this day
};

// The visits' listing months (and the psychiatry extracts' windows) count even with
// --listing-only, so that the listings are the same whether or not the rest is written.
Dates make_dates(const JhSettings& s) {
    Dates d{{}, s.cni_month.first_day(), 0, 0};
    for (Month m : s.listing_months)
        d.listing.push_back(m.first_day());
    d.base = std::min(d.listing.front(), d.cni);
    d.end = std::max(d.listing.back(), d.cni);
    for (const MonthRange& r : s.visits_periods) {
        d.base = std::min(d.base, r.last.first_day());
        d.end = std::max(d.end, r.last.first_day());
    }
    for (Month m : s.psychiatry_months) {
        d.base = std::min(d.base, JhPsychiatry::window_first(m));
        d.end = std::max(d.end, m.first_day());
    }
    return d;
}

// Pass 1: who is listed on the CNI month and on each period's listing month.
CniCounts count_population(const PopulationModel& model, const Dates& dates,
                           std::vector<VisitsPeriod>& periods) {
    CniCounts cni(kUnits.size());
    const Progress progress(model.total_persons());
    for (std::uint64_t i = 0; i < model.total_persons(); ++i) {
        const Person p = model.make_person(i);
        if (p.present(dates.cni))
            cni.add(p.unit_at(dates.cni), p.age_on(dates.cni));
        for (VisitsPeriod& period : periods) {
            if (period.calendar.in_listing(p)) {
                period.population.add(p.age_on(period.calendar.listing_day()),
                                      period.calendar.segments(p));
            }
        }
        progress.tick(i + 1, "counted");
    }
    return cni;
}

// Pass 2: what the uncorrected visits add up to per band.
void count_base_visits(const PopulationModel& model, std::vector<VisitsPeriod>& periods) {
    std::vector<VisitGenerator> generators;
    for (const VisitsPeriod& period : periods)
        generators.emplace_back(period.plan, period.population, BandTotals{}, model.seed());
    std::vector<Visit> visits;
    for (std::uint64_t i = 0; i < model.total_persons(); ++i) {
        const Person p = model.make_person(i);
        for (std::size_t k = 0; k < periods.size(); ++k) {
            if (!periods[k].calendar.in_listing(p))
                continue;
            visits.clear();
            generators[k].base_visits(p, periods[k].calendar.segments(p), visits);
            for (const Visit& v : visits)
                periods[k].base.add(v);
        }
    }
}

void write_visit_row(CsvFile& f, const PersonIds& ids, const Person& p, const Visit& v) {
    ids.write(f, p.index);
    f.comma().text(kUnits[v.unit].id).comma();
    f.date(v.date).comma().date(p.birth).comma().ch(p.sex).comma();
    f.text(kProfession[v.profession]).comma().text(kContactType[v.contact]).comma();
    f.text(kUnits[static_cast<std::size_t>(p.unit_at(v.date))].id);  // listed there that day
    f.end_row();
}

// A period's file and its generator, with the corrections planned after pass 2.
// When the period holds the settlement month, that month's visits go to a file of their own
// as well.
constexpr std::string_view kVisitsHeader =
    "person_id,unit,visit_date,birth_date,sex,profession,contact_type,listed_unit";

struct VisitsOutput {
    VisitsOutput(const fs::path& dir, VisitsPeriod& p, std::uint64_t seed, Month settlement)
        : period(p), file(dir / p.file_name()), generator(p.plan, p.population, p.base, seed) {
        file.header(kVisitsHeader);
        if (p.range.first <= settlement && settlement <= p.range.last) {
            month_file =
                std::make_unique<CsvFile>(dir / ("visits-" + month_text(settlement) + ".csv"));
            month_file->header(kVisitsHeader);
            month_first = settlement.first_day();
            month_last = settlement.last_day();
        }
    }
    void write(const PersonIds& ids, const Person& p, const Visit& v) {
        write_visit_row(file, ids, p, v);
        if (month_file && v.date >= month_first && v.date <= month_last)
            write_visit_row(*month_file, ids, p, v);
    }
    VisitsPeriod& period;
    CsvFile file;
    std::unique_ptr<CsvFile> month_file;
    Day month_first = 0;
    Day month_last = 0;
    VisitGenerator generator;
};

// Pass 3: generate everyone once more, apply the calibrated quotas and write the files.
CniTally write_files(const Options& o, const JhSettings& s, const PopulationModel& model,
                     const PersonIds& ids, const Dates& dates, const CniCounts& cni_counts,
                     const CniPlan& cni_plan, std::vector<VisitsPeriod>& periods,
                     std::vector<JhUnitValues>& unit_values, JhPsychiatry* psychiatry) {
    std::vector<std::unique_ptr<CsvFile>> listings;
    for (Month m : s.listing_months) {
        listings.push_back(
            std::make_unique<CsvFile>(o.out / ("listing-" + month_text(m) + ".csv")));
        write_listing_header(*listings.back());
    }
    std::vector<std::unique_ptr<VisitsOutput>> outputs;
    for (VisitsPeriod& period : periods)
        outputs.push_back(
            std::make_unique<VisitsOutput>(o.out, period, model.seed(), s.settlement_month));

    CniAssigner assigner(cni_plan, cni_counts, model.seed(), dates.cni, dates.base);
    const Progress progress(model.total_persons());
    CniTally written(kUnits.size());
    std::vector<Visit> visits;
    for (std::uint64_t i = 0; i < model.total_persons(); ++i) {
        const Person p = model.make_person(i);
        const LatentFlags latent = assigner.latent(p);
        for (std::size_t k = 0; k < dates.listing.size(); ++k) {
            if (p.present(dates.listing[k]))
                write_listing_row(*listings[k], kRegion, ids, p, dates.listing[k], latent);
        }
        for (JhUnitValues& values : unit_values) {
            if (p.present(values.month().first_day()))
                values.add_listed(p);
        }
        if (p.present(dates.cni))
            written.add(p.unit_at(dates.cni), cni_flags(latent, p.age_on(dates.cni)));
        for (auto& out : outputs) {
            const VisitCalendar& calendar = out->period.calendar;
            if (!calendar.in_listing(p))
                continue;
            const Segments segments = calendar.segments(p);
            visits.clear();
            out->generator.base_visits(p, segments, visits);
            out->generator.correct(p, segments, visits);
            std::stable_sort(visits.begin(), visits.end(),
                             [](const Visit& a, const Visit& b) { return a.date < b.date; });
            for (const Visit& v : visits) {
                out->write(ids, p, v);
                out->period.written.add(v);
            }
        }
        if (psychiatry != nullptr)
            psychiatry->add(p);
        progress.tick(i + 1, "written");
    }

    for (auto& f : listings) {
        f->close();
        std::cerr << "wrote " << f->path().string() << ": " << f->rows() << " persons\n";
    }
    for (auto& out : outputs) {
        out->file.close();
        std::cerr << "wrote " << out->file.path().string() << ": " << out->file.rows()
                  << " contacts\n";
        if (out->month_file) {
            out->month_file->close();
            std::cerr << "wrote " << out->month_file->path().string() << ": "
                      << out->month_file->rows() << " contacts\n";
        }
        if (!out->generator.all_corrections_made())
            throw std::logic_error("visit corrections not all made");
    }
    if (!assigner.all_quotas_used())
        throw std::logic_error("CNI quotas not used up");
    return written;
}

// ---- Summary ------------------------------------------------------------------------------

void report_visits(const Options& o, const VisitsPeriod& period) {
    const VisitPopulation& population = period.population;
    const BandTotals& w = period.written;
    const std::array<double, kBands> weight = derived_weights(population, w);
    int lo = -1;
    int hi = -1;
    for (int b = 0; b < kBands; ++b) {
        const auto i = static_cast<std::size_t>(b);
        if (population.listed[i] == 0)
            continue;
        if (lo < 0 || weight[i] < weight[static_cast<std::size_t>(lo)])
            lo = b;
        if (hi < 0 || weight[i] > weight[static_cast<std::size_t>(hi)])
            hi = b;
    }
    const std::string name = month_text(period.range.first) + ".." + month_text(period.range.last);
    if (lo < 0) {
        std::fprintf(stderr, "visits %s: nobody listed on the visits' listing month\n",
                     name.c_str());
        return;
    }
    const double rows = static_cast<double>(w.rows);
    const double listed = static_cast<double>(population.total_listed());
    std::fprintf(stderr,
                 "visits %s: %.2f contacts per listed person, doctor %.1f %%, phone prescription "
                 "%.1f %%; derived weights lowest %s %.4f, highest %s %.4f\n",
                 name.c_str(), listed > 0 ? rows / listed : 0,
                 rows > 0 ? 100 * w.doctor_rows / rows : 0,
                 rows > 0 ? 100 * w.prescription_rows / rows : 0, band_label(lo).c_str(),
                 weight[static_cast<std::size_t>(lo)], band_label(hi).c_str(),
                 weight[static_cast<std::size_t>(hi)]);
    for (std::size_t b = 0; b < static_cast<std::size_t>(kBands); ++b) {
        if (w.weighted[b] != period.plan.target_visits[b]) {
            throw std::logic_error("visits of band " + band_label(static_cast<int>(b)) +
                                   " missed their target");
        }
    }
    if (!o.verbose)
        return;
    for (int b = 0; b < kBands; ++b) {
        const auto i = static_cast<std::size_t>(b);
        std::fprintf(stderr,
                     "  %-6s listed %8llu  weighted visits %9llu  weight %.4f  (target %.4f)\n",
                     band_label(b).c_str(), static_cast<unsigned long long>(population.listed[i]),
                     static_cast<unsigned long long>(w.weighted[i]), weight[i],
                     period.plan.target_weight[i]);
    }
}

}  // namespace

void generate_jh(const Options& o) {
    const JhSettings s = settings_for(o);
    const std::uint64_t persons = first_month_persons(o, kFullScalePersons);
    const Dates dates = make_dates(s);
    const PopulationModel model(kRegion, o.seed, persons, dates.base, dates.end);
    fs::create_directories(o.out);
    std::cerr << "generating " << model.total_persons() << " persons (" << persons
              << " on the first month), seed " << o.seed << "\n";

    std::vector<VisitsPeriod> periods;
    std::vector<JhUnitValues> unit_values;
    if (!o.listing_only) {
        for (const MonthRange& r : s.visits_periods) {
            periods.emplace_back(r);
            if (std::find(s.listing_months.begin(), s.listing_months.end(), r.last) ==
                s.listing_months.end()) {
                std::cerr << "note: the visits are calibrated against the listing of "
                          << month_text(r.last) << ", which --listing-months does not write\n";
            }
        }
        for (Month m : s.listing_months) {
            if (m >= kFirstUnitValuesMonth)
                unit_values.emplace_back(m);
        }
    }

    const CniCounts cni_counts = count_population(model, dates, periods);
    const CniPlan cni_plan = plan_cni(kRegion, cni_counts);
    if (!periods.empty()) {
        for (VisitsPeriod& period : periods)
            period.plan = plan_visit_targets(period.population);
        count_base_visits(model, periods);
        for (VisitsPeriod& period : periods)
            plan_corrections(period.plan, period.base);
    }
    const PersonIds ids(kRegion.id_prefix, model.total_persons());
    std::unique_ptr<JhPsychiatry> psychiatry;
    if (!o.listing_only && !s.psychiatry_months.empty())
        psychiatry = std::make_unique<JhPsychiatry>(s.psychiatry_months, o.out, o.seed, ids);
    const CniTally written = write_files(o, s, model, ids, dates, cni_counts, cni_plan, periods,
                                         unit_values, psychiatry.get());
    if (psychiatry != nullptr)
        psychiatry->close(o.verbose);
    for (const JhUnitValues& values : unit_values) {
        const bool staffed = psychiatry != nullptr &&
                             std::find(s.psychiatry_months.begin(), s.psychiatry_months.end(),
                                       values.month()) != s.psychiatry_months.end();
        values.write(
            o.out, o.seed, o.verbose,
            staffed ? psychiatry->unit_values(values.month()) : std::vector<UnitValueRow>{});
    }
    if (psychiatry != nullptr) {
        for (Month m : s.psychiatry_months) {
            if (std::none_of(unit_values.begin(), unit_values.end(),
                             [&](const JhUnitValues& v) { return v.month() == m; })) {
                psychiatry->write_staffing(o.out, m);
            }
        }
    }
    written.report(kRegion, s.cni_month, cni_plan, o.verbose);
    for (const VisitsPeriod& period : periods)
        report_visits(o, period);
}

}  // namespace gen
