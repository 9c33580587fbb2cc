#pragma once
// What every region's listing file shares: the person ids and the listing rows.
#include <cstdint>

#include "civil_date.hpp"
#include "cni.hpp"
#include "csv_file.hpp"
#include "population.hpp"
#include "region.hpp"

namespace gen {

// Person ids: the region's letter and the person's number, zero-padded to one width
// for the whole population (at least seven digits), so ids sort in arrival order.
class PersonIds {
  public:
    PersonIds(char prefix, std::uint64_t total_persons);
    void write(CsvFile& f, std::uint64_t index) const { f.ch(prefix_).number(index + 1, width_); }

  private:
    char prefix_;
    int width_;
};

void write_listing_header(CsvFile& f);

// One listed person on `day`: unit, birth, sex, the CNI flags at the day's age and the
// distance to the hospital.
void write_listing_row(CsvFile& f, const RegionSpec& region, const PersonIds& ids, const Person& p,
                       Day day, const LatentFlags& latent);

}  // namespace gen
