#pragma once
// Västmanland's primary-care contacts in a month: by the listed (at their own unit or,
// about 8 %, at another) and, about 1 %, by patients not listed in the region. A contact
// carries a patient fee when it is in person and the patient is 20 to 84.
//
// The contact rate is scaled per month so that the fee-charged visits come to about
// 695 000 a year at full scale: a first pass sums each listed person's expected
// fee-charged visits at scale 1 (expected_fee_charged), the second draws the contacts.
#include <cstdint>
#include <vector>

#include "civil_date.hpp"
#include "population.hpp"
#include "rng.hpp"

namespace gen {

struct Contact {
    Day date = 0;
    Day birth = 0;
    char sex = 'F';
    std::uint8_t unit = 0;
    std::uint8_t profession = 0;
    std::uint8_t type = 0;
    bool fee_charged = false;
};

class ContactModel {
  public:
    explicit ContactModel(const PopulationModel& model);

    // For a person listed on the month's first day, with ACG need factor `need`.
    double expected_fee_charged(const Person& p, Month month, double need) const;
    void contacts(const Person& p, Month month, double need, double scale,
                  std::vector<Contact>& out) const;

    // The contact of the n-th patient from outside the region this month.
    Contact visitor(std::uint64_t n, Month month) const;

    // The illustrative visit pay (kr) and whether it is a doctor's or nurse's reception
    // visit, the part the 2022 proposal moves into the capitation.
    static int illustrative_pay(const Contact& c);
    static bool is_reception(const Contact& c);

  private:
    Day last_day(const Person& p, Month month) const;
    double contacts_a_month(const Person& p, Month month, double need) const;
    int draw_unit(int own, bool in_person, Rng& rng) const;

    const PopulationModel& model_;
    int digital_unit_;
    WeightedTable visitor_units_;  // by size, no visits in person at the digital unit
    WeightedTable visitor_bands_;
};

}  // namespace gen
