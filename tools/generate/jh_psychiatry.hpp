#pragma once
// JH's psychiatric data for a month (--psychiatry-months): the psychiatric contacts of the
// 13 months ending with it (psychiatry-YYYY-MM.csv: the psychiatric clinics, the
// hypothetical psychiatry-vårdval providers and the hälsocentralers' first-line mental
// health), the assessments and rehabilitations completed at the clinics and providers in
// the month (events-YYYY-MM.csv) and each unit's psychologist and counsellor staffing
// (unit-values rows). ILLUSTRATIVE: see jh_psychiatry_data.hpp.
//
// A person's psychiatric history is a pure function of (seed, person, month): each month
// of the history may start an episode of care per service (first line, clinic, provider),
// whose contacts are all drawn when it starts. An episode never starts at a unit within
// the episode gap of the person's last contact there, so the episodes the importer builds
// (a contact more than 90 days after the previous one at the unit starts a new one) are
// the ones drawn, cut by the extract's window and by the person leaving the region. The
// history starts two years before the earliest extract, so that long episodes are already
// running when an extract opens.
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "civil_date.hpp"
#include "csv_file.hpp"
#include "listing.hpp"
#include "population.hpp"
#include "unit_values_file.hpp"

namespace gen {

class JhPsychiatry {
  public:
    // `months` ascending and distinct; the files go to `dir`.
    JhPsychiatry(const std::vector<Month>& months, const std::filesystem::path& dir,
                 std::uint64_t seed, const PersonIds& ids);
    JhPsychiatry(const JhPsychiatry&) = delete;
    JhPsychiatry& operator=(const JhPsychiatry&) = delete;
    ~JhPsychiatry();

    // The first day of the extract ending with `month`: 12 months before its first day.
    static Day window_first(Month month);

    // Call for every person of the population, in index order.
    void add(const Person& p);
    // Closes the files and prints what they hold.
    void close(bool verbose);

    // The month's staffing rows: psychologist_fte and counsellor_fte for every hälsocentral
    // and psychiatric unit (two decimals).
    std::vector<UnitValueRow> staffing(Month month) const;
    // The staffing, and for each psychiatric unit whether it met the year's goals
    // (psychiatry_goals_met 1/0, for goal-related pay; about 60 % do, ILLUSTRATIVE).
    std::vector<UnitValueRow> unit_values(Month month) const;
    // Writes DIR/unit-values-YYYY-MM.csv with only these values, for a psychiatry month
    // whose listing writes no unit values of its own.
    void write_staffing(const std::filesystem::path& dir, Month month) const;

    struct Extract;
    struct Contact;

  private:
    void history(const Person& p, std::vector<Contact>& out) const;

    std::uint64_t seed_;
    const PersonIds& ids_;
    Month history_first_;
    Month history_last_;
    std::vector<std::unique_ptr<Extract>> extracts_;
    std::vector<int> sveg_catchment_;  // per hälsocentral: its adults see the Sveg clinic
    std::vector<int> northern_;        // per hälsocentral: its adults prefer the north
    std::vector<Contact> contacts_;    // one person's, reused
};

}  // namespace gen
