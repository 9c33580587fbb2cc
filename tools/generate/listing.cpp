#include "listing.hpp"

#include <algorithm>

namespace gen {

PersonIds::PersonIds(char prefix, std::uint64_t total_persons) : prefix_(prefix), width_(1) {
    for (std::uint64_t n = total_persons; n >= 10; n /= 10)
        ++width_;
    width_ = std::max(7, width_);
}

void write_listing_header(CsvFile& f) {
    f.header(
        "person_id,unit,birth_date,sex,cni_over65_alone,cni_foreign_born,cni_unemployed,"
        "cni_single_parent,cni_moved_in,cni_low_education,cni_under5,distance_km");
}

void write_listing_row(CsvFile& f, const RegionSpec& region, const PersonIds& ids, const Person& p,
                       Day day, const LatentFlags& latent) {
    const int age = p.age_on(day);
    ids.write(f, p.index);
    f.comma().text(region.units[static_cast<std::size_t>(p.unit_at(day))].id).comma();
    f.date(p.birth).comma().ch(p.sex).comma();
    for (bool flag : cni_flags(latent, age))
        f.ch(flag ? '1' : '0').comma();
    f.tenths(p.distance_at(day));
    f.end_row();
}

}  // namespace gen
