#include "vm_contacts.hpp"

#include <algorithm>

#include "draw_day.hpp"
#include "vm_data.hpp"

namespace gen {

using namespace vm;

namespace {

bool in_person(int type) {
    return type == kVisit || type == kHomeVisit;
}

bool fee_charged(int type, int age) {
    return in_person(type) && age >= kFeeFromAge && age < kFeeFreeFromAge;
}

// Expected share of a stage's contacts made in person.
double in_person_share(int stage) {
    const auto& mix = kContactMix[static_cast<std::size_t>(stage)];
    int total = 0;
    for (int n : mix)
        total += n;
    return static_cast<double>(mix[kVisit] + mix[kHomeVisit]) / total;
}

}  // namespace

ContactModel::ContactModel(const PopulationModel& model)
    : model_(model), digital_unit_(unit_index(model.region(), kDigitalUnit)) {
    for (std::size_t u = 0; u < model.region().units.size(); ++u) {
        const bool digital = static_cast<int>(u) == digital_unit_;
        visitor_units_.add(digital ? 0 : static_cast<std::uint64_t>(model.region().units[u].size));
    }
    for (int share : model.region().band_share)
        visitor_bands_.add(static_cast<std::uint64_t>(share));
}

Day ContactModel::last_day(const Person& p, Month month) const {
    return p.exit == kNever ? month.last_day() : std::min(month.last_day(), p.exit - 1);
}

// At scale 1: the age profile, the person's need and the part of the month lived.
double ContactModel::contacts_a_month(const Person& p, Month month, double need) const {
    const Day first = month.first_day();
    const int band = band_of(p.age_on(first));
    const double days = last_day(p, month) - first + 1;
    return kContactProfile[static_cast<std::size_t>(band)] / 1000.0 * need * days /
           days_in_month(month.y, month.m);
}

double ContactModel::expected_fee_charged(const Person& p, Month month, double need) const {
    const int age = p.age_on(month.first_day());
    if (age < kFeeFromAge || age >= kFeeFreeFromAge)
        return 0;
    return contacts_a_month(p, month, need) * in_person_share(stage_of_age(age));
}

void ContactModel::contacts(const Person& p, Month month, double need, double scale,
                            std::vector<Contact>& out) const {
    Rng rng = keyed_rng(model_.seed(), Stream::kContacts, p.index, month.key());
    const Day first = month.first_day();
    const Day last = last_day(p, month);
    const int own = p.unit_at(first);
    const int stage = stage_of_age(p.age_on(first));
    const int count = rng.count_with_mean(contacts_a_month(p, month, need) * scale);
    for (int i = 0; i < count; ++i) {
        Contact c;
        c.birth = p.birth;
        c.sex = p.sex;
        const auto s = static_cast<std::size_t>(stage);
        c.profession = static_cast<std::uint8_t>(draw_index(kProfessionMix[s], 0, rng));
        c.type = static_cast<std::uint8_t>(draw_index(kContactMix[s], 0, rng));
        // Psychological and dietary care are not given at home.
        if (c.type == kHomeVisit && c.profession != kDoctor && c.profession != kNurse &&
            c.profession != kPhysio && c.profession != kOccupational) {
            c.type = kVisit;
        }
        c.date = draw_day(first, last, c.type != kDigital, rng);
        c.unit = static_cast<std::uint8_t>(draw_unit(own, in_person(c.type), rng));
        c.fee_charged = fee_charged(c.type, age_at(p.birth, c.date));
        out.push_back(c);
    }
}

// Usually the listing unit; a digital unit's listed are seen in person elsewhere.
int ContactModel::draw_unit(int own, bool person, Rng& rng) const {
    if (own == digital_unit_) {
        if (!person)
            return own;
    } else if (rng.per_mille(kOwnUnitPerMille)) {
        return own;
    }
    int unit = model_.draw_other_unit(own, rng);
    while (unit == digital_unit_)
        unit = model_.draw_other_unit(own, rng);
    return unit;
}

Contact ContactModel::visitor(std::uint64_t n, Month month) const {
    Rng rng = keyed_rng(model_.seed(), Stream::kVisitors, n, month.key());
    Contact c;
    c.profession = static_cast<std::uint8_t>(draw_index(kVisitorProfessionMix, 0, rng));
    c.type = static_cast<std::uint8_t>(draw_index(kVisitorContactMix, 0, rng));
    c.date = draw_day(month.first_day(), month.last_day(), true, rng);
    c.unit = static_cast<std::uint8_t>(visitor_units_.draw(rng));
    const int band = visitor_bands_.draw(rng);
    const int age = std::min(band * 5 + static_cast<int>(rng.below(5)), kMaxAge);
    c.birth = add_years(c.date, -age) - static_cast<Day>(rng.below(365));
    c.sex = rng.per_mille(500) ? 'F' : 'M';
    c.fee_charged = fee_charged(c.type, age_at(c.birth, c.date));
    return c;
}

int ContactModel::illustrative_pay(const Contact& c) {
    const int price = c.profession == kDoctor  ? kDoctorPriceKr
                      : c.profession == kNurse ? kNursePriceKr
                                               : kOtherPriceKr;
    return c.type == kHomeVisit ? 2 * price : price;
}

bool ContactModel::is_reception(const Contact& c) {
    return c.type == kVisit && (c.profession == kDoctor || c.profession == kNurse);
}

}  // namespace gen
