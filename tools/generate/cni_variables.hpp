#pragma once
// SCB's Care Need Index variables: their weights, who can have them, how common they
// typically are and how the mix differs by kind of area.
#include <array>
#include <cstdint>

#include "region.hpp"

namespace gen {

// The six flags the generator assigns (under5 follows from age alone), in CSV order.
constexpr int kCniFlags = 6;
enum CniFlag { kOver65Alone, kForeignBorn, kUnemployed, kSingleParent, kMovedIn, kLowEducation };

// SCB's CNI weights (as JH 2020 uses them), the six flags above and then under5.
inline constexpr std::array<double, kCniFlags> kCniWeight = {6.15, 5.72, 5.13, 4.19, 4.19, 3.97};
constexpr double kUnder5Weight = 3.23;
// The same in hundredths: whole numbers, so that sums of weights are exact and the
// calibration's choices cannot depend on how the compiler rounds floating point.
inline constexpr std::array<std::int64_t, kCniFlags> kCniWeight100 = {615, 572, 513, 419, 419, 397};
constexpr std::int64_t kUnder5Weight100 = 323;

// The ages at which a flag can apply (SCB's definitions).
constexpr bool cni_eligible(int flag, int age) {
    switch (flag) {
        case kOver65Alone:
            return age >= 65;
        case kForeignBorn:
            return true;
        case kUnemployed:
            return age >= 16 && age <= 64;
        case kSingleParent:
            return age >= 18 && age <= 64;
        case kMovedIn:
            return age >= 1;
        case kLowEducation:
            return age >= 25 && age <= 64;
        default:
            return false;
    }
}

// Typical share among the eligible: gives region-wide prevalences of roughly
// 10 % / 6 % / 4 % / 3 % / 8 % / 5 % of all listed persons.
inline constexpr std::array<double, kCniFlags> kCniBaseShare = {0.42,  0.06,  0.069,
                                                                0.055, 0.081, 0.106};

// What kind of deprivation an area has, relative to the base shares: towns have more
// foreign-born, movers and unemployment, the countryside more elderly living alone and
// low education, the mountain tourist areas many movers; the large housing estates of
// the 1960s and 70s far more foreign-born and unemployed than anywhere else.
constexpr std::array<double, kCniFlags> cni_mix(Area area) {
    switch (area) {
        case Area::kTown:
            return {0.95, 1.45, 1.2, 1.2, 1.25, 0.8};
        case Area::kSuburb:
            return {0.9, 0.8, 0.8, 1.0, 0.9, 1.0};
        case Area::kRural:
            return {1.1, 0.75, 1.05, 0.9, 0.75, 1.3};
        case Area::kMountain:
            return {0.85, 1.0, 0.9, 0.9, 1.4, 0.9};
        case Area::kEstate:
            return {0.7, 3.5, 2.2, 1.6, 1.2, 1.3};
    }
    return {1, 1, 1, 1, 1, 1};
}

constexpr double kCniMaxShare = 0.9;  // never flag (nearly) all the eligible

}  // namespace gen
