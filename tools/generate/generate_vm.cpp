// The Region Västmanland data set, per listing month: the listing (with CNI flags and
// distance to the hospital), ACG weights, the month's contacts, goal-related events and
// per-unit values; calibrated to the Primärvårdsprogram's unit sizes, visit volume and
// visit-pay mix (see vm_data.hpp).
//
// Two streaming passes over the population, which is never held in memory: the first
// counts what the calibration needs (CNI eligibility, expected fee-charged visits, who
// can have each event), the second generates everyone again and writes the files.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "civil_date.hpp"
#include "cni.hpp"
#include "csv_file.hpp"
#include "generators.hpp"
#include "listing.hpp"
#include "morbidity.hpp"
#include "population.hpp"
#include "progress.hpp"
#include "vm_contacts.hpp"
#include "vm_data.hpp"
#include "vm_events.hpp"
#include "vm_unit_values.hpp"

namespace gen {

using namespace vm;

namespace {

namespace fs = std::filesystem;

// What is measured in the written files, for the summary.
struct MonthTally {
    std::uint64_t listed = 0;
    std::uint64_t under6 = 0;
    std::uint64_t aged65to74 = 0;
    std::uint64_t aged75plus = 0;
    std::uint64_t women = 0;
    std::uint64_t acg_sum = 0;    // hundredths
    std::uint64_t acg_small = 0;  // 0.10-0.50
    std::uint64_t acg_large = 0;  // 5 and more
    std::uint64_t contacts = 0;
    std::uint64_t fee_charged = 0;
    std::uint64_t elsewhere = 0;  // listed persons' contacts at another unit
    std::uint64_t visitors = 0;
    std::uint64_t pay = 0;  // illustrative kr over the fee-charged contacts
    std::uint64_t reception_pay = 0;
    std::array<std::uint64_t, kEventKinds.size()> events{};
};

// One listing month: what pass 1 counts, the plan made from it and pass 2's output.
struct MonthRun {
    MonthRun(Month m, std::size_t units) : month(m), listed(units), values(m, units) {}

    Month month;
    std::vector<std::uint64_t> listed;  // per unit, pass 1
    EventPools pools;
    double expected_fee_charged = 0;  // at contact scale 1
    double contact_scale = 1;
    std::optional<EventSelector> events;
    VmUnitValues values;
    MonthTally tally;
};

// A month's person-level files.
struct Files {
    Files(const fs::path& dir, Month m)
        : listing(dir / ("listing-" + month_text(m) + ".csv")),
          acg(dir / ("acg-" + month_text(m) + ".csv")),
          visits(dir / ("visits-" + month_text(m) + ".csv")),
          events(dir / ("events-" + month_text(m) + ".csv")) {
        write_listing_header(listing);
        acg.header("person_id,unit,acg_weight");
        visits.header(
            "person_id,unit,visit_date,birth_date,sex,profession,contact_type,fee_charged,"
            "listed_unit");
        events.header("person_id,unit,event_date,event,birth_date");
    }
    CsvFile listing;
    CsvFile acg;
    CsvFile visits;
    CsvFile events;
};

std::uint64_t total(const std::vector<std::uint64_t>& v) {
    std::uint64_t n = 0;
    for (std::uint64_t x : v)
        n += x;
    return n;
}

// Pass 1.
CniCounts count_population(const PopulationModel& model, const Morbidity& morbidity,
                           const ContactModel& contacts, Day cni_day,
                           std::vector<MonthRun>& months) {
    CniCounts cni(kUnits.size());
    const Progress progress(model.total_persons());
    for (std::uint64_t i = 0; i < model.total_persons(); ++i) {
        const Person p = model.make_person(i);
        if (p.present(cni_day))
            cni.add(p.unit_at(cni_day), p.age_on(cni_day));
        for (MonthRun& run : months) {
            const Day day = run.month.first_day();
            if (!p.present(day))
                continue;
            ++run.listed[static_cast<std::size_t>(p.unit_at(day))];
            run.pools.add(p, run.month);
            const int age = p.age_on(day);
            const int acg = morbidity.weight(p, run.month.y, age);
            run.expected_fee_charged +=
                contacts.expected_fee_charged(p, run.month, morbidity.need_factor(acg, age));
        }
        progress.tick(i + 1, "counted");
    }
    return cni;
}

// The contact rate that gives the month its share of the year's fee-charged visits, the
// visitors' share aside; the events in proportion to the month's listed.
void plan_months(std::vector<MonthRun>& months, std::uint64_t seed) {
    for (MonthRun& run : months) {
        const double scale = static_cast<double>(total(run.listed)) / kFullScalePersons;
        const double target =
            kFeeChargedVisitsPerYear / 12 * scale * (1000 - kVisitorsPer1000) / 1000.0;
        run.contact_scale = run.expected_fee_charged > 0 ? target / run.expected_fee_charged : 0;
        run.events.emplace(run.pools, scale, seed, run.month);
    }
}

void tally_contact(MonthTally& t, const Contact& c) {
    ++t.contacts;
    if (!c.fee_charged)
        return;
    ++t.fee_charged;
    const auto pay = static_cast<std::uint64_t>(ContactModel::illustrative_pay(c));
    t.pay += pay;
    if (ContactModel::is_reception(c))
        t.reception_pay += pay;
}

void write_visit_row(CsvFile& f, const Contact& c, std::string_view listed_unit) {
    f.text(kUnits[c.unit].id).comma().date(c.date).comma().date(c.birth).comma().ch(c.sex);
    f.comma().text(kProfession[c.profession]).comma().text(kContactType[c.type]).comma();
    f.ch(c.fee_charged ? '1' : '0').comma().text(listed_unit);
    f.end_row();
}

// One listed person in one month: every file's rows and the tallies.
void write_month(Files& files, MonthRun& run, const PersonIds& ids, const Person& p,
                 const LatentFlags& latent, const Morbidity& morbidity,
                 const ContactModel& contact_model, std::vector<Contact>& contacts,
                 std::vector<Event>& events) {
    const Day day = run.month.first_day();
    const int age = p.age_on(day);
    const std::string_view unit = kUnits[static_cast<std::size_t>(p.unit_at(day))].id;
    MonthTally& t = run.tally;
    write_listing_row(files.listing, kRegion, ids, p, day, latent);
    run.values.add_listed(p);
    ++t.listed;
    t.under6 += age < 6;
    t.aged65to74 += age >= 65 && age < 75;
    t.aged75plus += age >= 75;
    t.women += p.sex == 'F';

    const int acg = morbidity.weight(p, run.month.y, age);
    ids.write(files.acg, p.index);
    files.acg.comma().text(unit).comma().fixed(static_cast<std::uint64_t>(acg), 2);
    files.acg.end_row();
    t.acg_sum += static_cast<std::uint64_t>(acg);
    t.acg_small += acg >= 10 && acg <= 50;
    t.acg_large += acg >= 500;

    contacts.clear();
    contact_model.contacts(p, run.month, morbidity.need_factor(acg, age), run.contact_scale,
                           contacts);
    std::stable_sort(contacts.begin(), contacts.end(),
                     [](const Contact& a, const Contact& b) { return a.date < b.date; });
    for (const Contact& c : contacts) {
        ids.write(files.visits, p.index);
        files.visits.comma();
        write_visit_row(files.visits, c, unit);
        run.values.add_contact(c);
        tally_contact(t, c);
        t.elsewhere += kUnits[c.unit].id != unit;
    }

    run.events->select(p, events);
    for (const Event& e : events) {
        ids.write(files.events, p.index);
        files.events.comma().text(unit).comma().date(e.date).comma();
        files.events.text(kEventKinds[e.kind].name).comma().date(p.birth);
        files.events.end_row();
        ++t.events[e.kind];
    }
}

// Patients from outside the region, about 1 % of the month's contacts, after the listed.
void write_visitors(CsvFile& f, MonthRun& run, const ContactModel& model,
                    const PersonIds& visitor_ids, std::uint64_t& next_visitor) {
    const auto count = static_cast<std::uint64_t>(std::llround(
        static_cast<double>(run.tally.contacts) * kVisitorsPer1000 / (1000 - kVisitorsPer1000)));
    for (std::uint64_t k = 0; k < count; ++k, ++next_visitor) {
        const Contact c = model.visitor(next_visitor, run.month);
        visitor_ids.write(f, next_visitor);
        f.comma();
        write_visit_row(f, c, "");
        run.values.add_contact(c);
        tally_contact(run.tally, c);
        ++run.tally.visitors;
    }
}

void close(CsvFile& f, std::string_view what) {
    f.close();
    std::cerr << "wrote " << f.path().string() << ": " << f.rows() << " " << what << "\n";
}

// ---- Summary ------------------------------------------------------------------------------

double percent(std::uint64_t part, std::uint64_t whole) {
    return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0;
}

void report_listed(const std::vector<MonthRun>& months) {
    std::fprintf(stderr, "listed per unit: ");
    for (const MonthRun& run : months)
        std::fprintf(stderr, "  %8s", month_text(run.month).c_str());
    std::fprintf(stderr, "\n");
    for (std::size_t u = 0; u < kUnits.size(); ++u) {
        std::fprintf(stderr, "  %-15s", std::string(kUnits[u].id).c_str());
        for (const MonthRun& run : months)
            std::fprintf(stderr, "  %8llu", static_cast<unsigned long long>(run.listed[u]));
        std::fprintf(stderr, "\n");
    }
}

void report_month(const MonthRun& run) {
    const MonthTally& t = run.tally;
    std::fprintf(
        stderr,
        "%s: %llu listed, aged 0-5 %.1f %%, 65-74 %.1f %%, 75+ %.1f %%, women %.1f %%; "
        "ACG mean %.3f, 0.10-0.50 %.1f %%, 5+ %.2f %%\n",
        month_text(run.month).c_str(), static_cast<unsigned long long>(t.listed),
        percent(t.under6, t.listed), percent(t.aged65to74, t.listed),
        percent(t.aged75plus, t.listed), percent(t.women, t.listed),
        t.listed > 0 ? static_cast<double>(t.acg_sum) / 100 / static_cast<double>(t.listed) : 0,
        percent(t.acg_small, t.listed), percent(t.acg_large, t.listed));
    std::fprintf(stderr,
                 "  contacts %llu (%.2f per listed), fee-charged %llu, at another unit %.1f %%, "
                 "not listed in the region %.1f %%; doctor and nurse reception visits %.1f %% of "
                 "the visit pay at %d/%d/%d kr\n",
                 static_cast<unsigned long long>(t.contacts),
                 t.listed > 0 ? static_cast<double>(t.contacts) / static_cast<double>(t.listed) : 0,
                 static_cast<unsigned long long>(t.fee_charged),
                 percent(t.elsewhere, t.contacts - t.visitors), percent(t.visitors, t.contacts),
                 percent(t.reception_pay, t.pay), kDoctorPriceKr, kNursePriceKr, kOtherPriceKr);
    std::fprintf(stderr, "  events:");
    for (std::size_t k = 0; k < kEventKinds.size(); ++k) {
        std::fprintf(stderr, " %s %llu", std::string(kEventKinds[k].name).c_str(),
                     static_cast<unsigned long long>(t.events[k]));
    }
    std::fprintf(stderr, "\n");
}

}  // namespace

void generate_vm(const Options& o) {
    const std::vector<Month> listing_months =
        o.listing_months.empty() ? std::vector<Month>{{2021, 1}, {2022, 1}} : o.listing_months;
    const Month cni_month = o.cni_month.value_or(listing_months.front());
    const Day cni_day = cni_month.first_day();
    const std::uint64_t persons = first_month_persons(o, kFullScalePersons);
    const Day base = std::min(listing_months.front().first_day(), cni_day);
    const Day end = std::max(listing_months.back().first_day(), cni_day);
    const PopulationModel model(kRegion, o.seed, persons, base, end);
    const Morbidity morbidity(o.seed);
    const ContactModel contact_model(model);
    fs::create_directories(o.out);
    std::cerr << "generating " << model.total_persons() << " persons (" << persons
              << " on the first day), seed " << o.seed << "\n";

    std::vector<MonthRun> months;
    for (Month m : listing_months)
        months.emplace_back(m, kUnits.size());
    const CniCounts cni_counts = count_population(model, morbidity, contact_model, cni_day, months);
    const CniPlan cni_plan = plan_cni(kRegion, cni_counts);
    plan_months(months, o.seed);

    std::vector<std::unique_ptr<Files>> files;
    for (const MonthRun& run : months)
        files.push_back(std::make_unique<Files>(o.out, run.month));
    CniAssigner assigner(cni_plan, cni_counts, o.seed, cni_day, base);
    CniTally cni_tally(kUnits.size());
    const PersonIds ids(kRegion.id_prefix, model.total_persons());
    const Progress progress(model.total_persons());
    std::vector<Contact> contacts;
    std::vector<Event> events;
    for (std::uint64_t i = 0; i < model.total_persons(); ++i) {
        const Person p = model.make_person(i);
        const LatentFlags latent = assigner.latent(p);
        if (p.present(cni_day))
            cni_tally.add(p.unit_at(cni_day), cni_flags(latent, p.age_on(cni_day)));
        for (std::size_t k = 0; k < months.size(); ++k) {
            if (p.present(months[k].month.first_day())) {
                write_month(*files[k], months[k], ids, p, latent, morbidity, contact_model,
                            contacts, events);
            }
        }
        progress.tick(i + 1, "written");
    }
    if (!assigner.all_quotas_used())
        throw std::logic_error("CNI quotas not used up");

    const PersonIds visitor_ids('X', model.total_persons());
    std::uint64_t next_visitor = 0;
    for (std::size_t k = 0; k < months.size(); ++k) {
        write_visitors(files[k]->visits, months[k], contact_model, visitor_ids, next_visitor);
        close(files[k]->listing, "persons");
        close(files[k]->acg, "persons");
        close(files[k]->visits, "contacts");
        close(files[k]->events, "events");
        if (!months[k].events->all_selected())
            throw std::logic_error("event quotas not used up");
        months[k].values.write(o.out, kRegion, o.seed, o.verbose);
    }

    cni_tally.report(kRegion, cni_month, cni_plan, o.verbose);
    report_listed(months);
    for (const MonthRun& run : months)
        report_month(run);
}

}  // namespace gen
