#pragma once
// Age structure and churn that Swedish regions share: the age bands, how the oldest
// thin out, the sex ratio by age, death and moving-out rates. What differs between
// regions (the band shares, births, moves in) is in each region's RegionSpec.
#include <array>

namespace gen {

constexpr int kMaxAge = 104;  // ages 0..104; anyone reaching 105 dies first
constexpr int kBands = 21;    // 0-4, 5-9, ..., 95-99, 100+

constexpr int band_of(int age) {
    return age >= 100 ? 20 : age / 5;
}

// From 85 on, each band's persons thin out year by year (per 100 within the band),
// faster the older: bands 85-89, 90-94, 95-99 and 100-104.
constexpr int kFirstOldBand = 17;
inline constexpr std::array<std::array<int, 5>, 4> kOldAgeShape = {{
    {24, 22, 20, 18, 16},
    {28, 23, 19, 16, 14},
    {30, 24, 19, 15, 12},
    {36, 26, 18, 12, 8},
}};

// Women per 1000 persons by age: more women among the oldest.
constexpr int female_per_mille(int age) {
    if (age < 50)
        return 485;
    if (age < 65)
        return 492;
    if (age < 75)
        return 505;
    if (age < 80)
        return 530;
    if (age < 85)
        return 570;
    if (age < 90)
        return 630;
    if (age < 95)
        return 700;
    return 780;
}

struct AgeRate {
    int age;
    int per_100k;
};

// Annual death probability, interpolated linearly between these ages.
// clang-format off
inline constexpr std::array<AgeRate, 16> kDeathRate = {{
    {0, 200},   {1, 15},    {10, 10},    {20, 40},    {30, 60},    {40, 110},
    {50, 250},  {60, 650},  {70, 1500},  {75, 2600},  {80, 4600},  {85, 8500},
    {90, 16000}, {95, 28000}, {100, 42000}, {104, 55000}}};
// clang-format on

// Annual probability (per 100 000) of moving out of the region: young adults move most.
constexpr int move_out_per_100k(int age) {
    if (age < 15)
        return 2500;
    if (age < 20)
        return 3500;
    if (age < 25)
        return 8000;
    if (age < 30)
        return 6500;
    if (age < 35)
        return 4500;
    if (age < 45)
        return 2500;
    if (age < 65)
        return 1500;
    return 700;
}

}  // namespace gen
