#include <catch2/catch.hpp>

#include <random>

#include "vardval/money.hpp"
#include "vardval/period.hpp"

using namespace vardval;

TEST_CASE("decimals parse exactly and reject what they cannot hold") {
    CHECK(Decimal::parse("2453")->raw() == 2'453'000'000);
    CHECK(Decimal::parse("-0.5")->raw() == -500'000);
    CHECK(Decimal::parse("0.000001")->raw() == 1);
    CHECK_FALSE(Decimal::parse("1.2345678"));  // seven decimals
    CHECK_FALSE(Decimal::parse("12a"));
    CHECK_FALSE(Decimal::parse("."));
    CHECK_FALSE(Decimal::parse(""));
    CHECK(Decimal::parse("1234.5")->to_string() == "1234.500000");
    CHECK(Decimal::parse("1234.5")->to_short_string() == "1234.5");
    CHECK(Decimal::parse("-0.25")->to_string() == "-0.250000");
}

TEST_CASE("a yearly price paid monthly is the price / 12 rounded to six decimals of an öre") {
    // 2 453 kr = 245 300 öre a year; 245 300 / 12 = 20 441.666666... öre a month.
    const Decimal rate = Decimal::parse("2453")->times(100).divided_by(12);
    CHECK(rate.to_string() == "20441.666667");
    CHECK(amount_ore(Decimal::from_int(1), rate) == 20442);
    CHECK(amount_ore(Decimal::from_int(3), rate) == 61325);  // 61 325.000001
}

TEST_CASE("line amounts round half away from zero") {
    CHECK(amount_ore(*Decimal::parse("0.5"), Decimal::from_int(1)) == 1);
    CHECK(amount_ore(*Decimal::parse("-0.5"), Decimal::from_int(1)) == -1);
    CHECK(amount_ore(*Decimal::parse("0.499999"), Decimal::from_int(1)) == 0);
    CHECK(amount_ore(*Decimal::parse("2.5"), *Decimal::parse("3")) == 8);  // 7.5 → 8
}

TEST_CASE("largest remainder gives the leftover öre to the largest fractions") {
    CHECK(distribute_largest_remainder(
              100, {Decimal::from_int(1), Decimal::from_int(1), Decimal::from_int(1)}) ==
          std::vector<Ore>{34, 33, 33});
    // 101 × (0.5, 0.25, 0.25) = 50.5, 25.25, 25.25 → 50, 25, 25 and one öre to the 0.5.
    CHECK(distribute_largest_remainder(
              101, {*Decimal::parse("0.5"), *Decimal::parse("0.25"), *Decimal::parse("0.25")}) ==
          std::vector<Ore>{51, 25, 25});
    CHECK(distribute_largest_remainder(-100, {Decimal::from_int(1), Decimal::from_int(2)}) ==
          std::vector<Ore>{-33, -67});
    CHECK(distribute_largest_remainder(100, {Decimal(), Decimal()}) == std::vector<Ore>{0, 0});
}

TEST_CASE("pots reconcile to the öre over many random inputs") {
    std::mt19937_64 rng(20200201);
    for (int round = 0; round < 5000; ++round) {
        const Ore pot = static_cast<Ore>(rng() % 2'000'000'000'000ULL) - 500'000'000'000LL;
        const std::size_t n = 1 + rng() % 40;
        std::vector<Decimal> weights;
        Int128 total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            weights.push_back(
                Decimal::from_raw(static_cast<std::int64_t>(rng() % 30'000'000'000ULL)));
            total += weights.back().raw();
        }
        if (total == 0)
            continue;
        const std::vector<Ore> parts = distribute_largest_remainder(pot, weights);
        Ore sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            sum += parts[i];
            // Each part is within one öre of its exact share.
            const Int128 exact_times_total = static_cast<Int128>(pot) * weights[i].raw();
            const Int128 diff = static_cast<Int128>(parts[i]) * total - exact_times_total;
            REQUIRE((diff < 0 ? -diff : diff) < total);
        }
        REQUIRE(sum == pot);
    }
}

TEST_CASE("an annual amount paid monthly sums to the annual amount") {
    for (Ore annual : {Ore{1000}, Ore{245300}, Ore{1'000'000'007}, Ore{-12345}, Ore{11}}) {
        Ore sum = 0;
        for (int m = 1; m <= 12; ++m)
            sum += monthly_share(annual, m);
        CHECK(sum == annual);
    }
    CHECK(monthly_share(1000, 1) == 83);
    CHECK(monthly_share(1000, 2) == 84);
}

TEST_CASE("kronor are shown the Swedish way") {
    CHECK(format_kr(245300) == "2 453,00");
    CHECK(format_kr(-5) == "-0,05");
    CHECK(format_kr(123456789012) == "1 234 567 890,12");
}

TEST_CASE("periods and dates") {
    CHECK(Period::parse("2020-02")->to_string() == "2020-02");
    CHECK_FALSE(Period::parse("2020-13"));
    CHECK(PeriodRange::parse("2018-11..2019-10")->contains(Period{2019, 1}));
    CHECK_FALSE(PeriodRange::parse("2019-10..2018-11"));
    CHECK_FALSE(Date::parse("2019-02-29"));
    CHECK(Date::parse("2020-02-29"));
    CHECK(age_on(*Date::parse("2010-02-02"), *Date::parse("2020-02-01")) == 9);
    CHECK(age_on(*Date::parse("2010-02-01"), *Date::parse("2020-02-01")) == 10);
}
