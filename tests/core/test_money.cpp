#include <catch2/catch.hpp>

#include <random>
#include <stdexcept>

#include "vardval/ledger.hpp"
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
        std::vector<Rational> weights;
        std::vector<Decimal> raw_weights;  // for the test's own integer check below
        Int128 total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            raw_weights.push_back(
                Decimal::from_raw(static_cast<std::int64_t>(rng() % 30'000'000'000ULL)));
            weights.push_back(raw_weights.back());
            total += raw_weights.back().raw();
        }
        if (total == 0)
            continue;
        const std::vector<Ore> parts = distribute_largest_remainder(pot, weights);
        Ore sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            sum += parts[i];
            // Each part is within one öre of its exact share.
            const Int128 exact_times_total = static_cast<Int128>(pot) * raw_weights[i].raw();
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

TEST_CASE("rationals are exact, in lowest terms, and print exactly") {
    const Rational third = Rational::of(1, 3);
    CHECK((third + third + third) == Rational::from_int(1));
    CHECK(Rational::of(4, -6) == Rational::of(-2, 3));
    CHECK(Rational::of(4, -6).numerator() == -2);
    CHECK(Rational::of(4, -6).denominator() == 3);
    // 82 000 / 12 öre a month = 20 500/3: shown 6 833.333333, printed as the fraction.
    const Rational rate = Rational::from_int(82000) / Rational::from_int(12);
    CHECK(rate.to_string() == "20500/3");
    CHECK(rate.to_decimal().to_string() == "6833.333333");
    // A terminating fraction prints as a decimal: 127 200 / 12 = 10 600; 1/8 = 0.125.
    CHECK((Rational::from_int(127200) / Rational::from_int(12)).to_string() == "10600");
    CHECK(Rational::of(1, 8).to_string() == "0.125");
    CHECK(Rational::of(-3, 40).to_string() == "-0.075");
    CHECK(Rational(*Decimal::parse("2453.5")).to_string() == "2453.5");
    CHECK(Rational::of(-7, 2) < Rational::of(-3, 1));
}

TEST_CASE("rationals round half away from zero and floor") {
    CHECK(Rational::of(5, 2).round() == 3);
    CHECK(Rational::of(-5, 2).round() == -3);
    CHECK(Rational::of(7, 3).round() == 2);
    CHECK(Rational::of(-7, 3).floor() == -3);
    CHECK(Rational::of(7, 3).floor() == 2);
    // An index of 2/3 rounded to six decimals (0.666667) pays 21 öre too much at 9 500
    // listed: 9 500 × 2/3 × 20 500/3 = 43 277 777.78 → 43 277 778 öre exactly, while
    // 6 333.3365 (9 500 × 0.666667) × 6 833.333333 = 43 277 799.41 → 43 277 799 öre.
    const Rational exact = Rational::from_int(9500) * Rational::of(2, 3) * Rational::of(20500, 3);
    CHECK(exact.round() == 43'277'778);
    CHECK(amount_ore(*Decimal::parse("6333.3365"), *Decimal::parse("6833.333333")) == 43'277'799);
}

TEST_CASE("rationals never wrap; an amount that does not fit 64 bits is refused") {
    // 2^100 squared is exact (arbitrary precision), and so is its sum with 2^-100 ...
    const Rational big = Rational::of(Int128(1) << 100);
    const Rational tiny = Rational::from_int(1) / big;
    CHECK((big * big * tiny * tiny) == Rational::from_int(1));
    // ... but as öre it does not fit: refused, not wrapped.
    CHECK_THROWS_AS(big.round(), std::overflow_error);
    CHECK_THROWS_AS(big.floor(), std::overflow_error);
    CHECK_THROWS_AS(big.to_decimal(), std::overflow_error);
    CHECK_THROWS_AS(Rational::of(1, 0), std::domain_error);
    CHECK_THROWS_AS(Rational::from_int(1) / Rational(), std::domain_error);
    // A sum over many bands with distinct denominators (1/2 + 1/3 + ... + 1/60) stays exact
    // where 128 bits would overflow: the common denominator is lcm(2..60), about 9·10^24, and
    // the products of such sums go far past 2^127.
    Rational sum;
    for (int d = 2; d <= 60; ++d)
        sum += Rational::of(1, d);
    const Rational squared = sum * sum * sum * sum;
    CHECK((squared / (sum * sum * sum)) == sum);
    CHECK_THROWS_AS(round_div(Int128(1) << 100, 1), std::overflow_error);  // not wrapped
}

TEST_CASE("largest remainder on exact weights gives the öre to the exact largest remainder") {
    // 100 öre over 1/3 and 2/3: 33.33 and 66.67 → 33 and 66, the last öre to the second.
    const auto parts = distribute_largest_remainder(100, {Rational::of(1, 3), Rational::of(2, 3)});
    CHECK(parts == std::vector<Ore>{33, 67});
    CHECK(shares_of({Rational::from_int(1), Rational::from_int(3)}) ==
          std::vector<Rational>{Rational::of(1, 4), Rational::of(3, 4)});
    const auto negative =
        distribute_largest_remainder(-100, {Rational::of(1, 3), Rational::of(2, 3)});
    CHECK(negative == std::vector<Ore>{-33, -67});
}

TEST_CASE("a ledger line rechecks by its rounding rule") {
    LedgerLine line;
    line.set_basis(Rational::of(200, 3));
    line.set_rate(Rational::of(20500, 3));
    line.amount_ore = 455556;  // 4 100 000 / 9 = 455 555.56
    CHECK(recheck(line, 2).empty());
    line.amount_ore = 455555;
    CHECK(recheck(line, 2) != "");
    LedgerLine pot;
    pot.rounding = Rounding::largest_remainder;
    pot.pot_ore = 100;
    pot.share = Rational::of(2, 3);
    pot.amount_ore = 67;  // 66.67 floored or one more: 66 or 67
    CHECK(recheck(pot, 2).empty());
    pot.amount_ore = 68;
    CHECK(recheck(pot, 2) != "");
    LedgerLine month;
    month.rounding = Rounding::monthly_share;
    month.basis = Decimal::from_int(1);
    month.set_rate(Rational::of(1000, 12));  // 1 000 öre a year
    month.annual_ore = 1000;
    month.amount_ore = 83;  // round(1 000 × 2 / 12) − round(1 000 / 12) = 167 − 83 = 84 in Feb
    CHECK(recheck(month, 1).empty());
    CHECK(recheck(month, 2) != "");
}

TEST_CASE("rationals give the same result on the 64-bit fast path and beyond it") {
    // INT64_MAX = 9 223 372 036 854 775 807 = 7² · 73 · 127 · 337 · 92 737 · 649 657.
    const Rational max = Rational::from_int(INT64_MAX);
    // max² needs 126 bits: computed exactly, then back to 64 bits by division.
    CHECK((max * max) / max == max);
    CHECK((max * max).numerator() == Rational::Integer(INT64_MAX) * INT64_MAX);
    // (max + max) − max crosses 64 bits on the way and comes back.
    CHECK((max + max) - max == max);
    // 1/max + 1/max = 2/max, in lowest terms (max is odd).
    const Rational inverse = Rational::from_int(1) / max;
    CHECK((inverse + inverse).numerator() == 2);
    CHECK((inverse + inverse).denominator() == INT64_MAX);
    // INT64_MIN / 2 and a negative denominator normalise the same way as small values.
    CHECK(Rational::of(INT64_MIN, -2) == Rational::from_int(-(INT64_MIN / 2)));
    CHECK(Rational::of(6, 4) - Rational::of(1, 4) == Rational::of(5, 4));
}

TEST_CASE("a decimal as written, exactly, with any number of decimals") {
    CHECK(Rational::parse_decimal("12.5") == Rational::of(25, 2));
    // Ten decimals: 6.8435754190 = 68 435 754 190 / 10^10, and leading zeros are decimal.
    CHECK(Rational::parse_decimal("6.8435754190") == Rational::of(684357541900LL, 100000000000LL));
    CHECK(Rational::parse_decimal("0.0800") == Rational::of(2, 25));
    CHECK(Rational::parse_decimal("007") == Rational::of(7));
    CHECK(Rational::parse_decimal("-0.25") == Rational::of(-1, 4));
    CHECK(Rational::parse_decimal("0") == Rational());
    CHECK_FALSE(Rational::parse_decimal("12."));
    CHECK_FALSE(Rational::parse_decimal("1,5"));
    CHECK_FALSE(Rational::parse_decimal("a1"));
    CHECK_FALSE(Rational::parse_decimal(""));
}

TEST_CASE("a fraction or decimal with leading zeros is read as decimal, never octal") {
    // Found by fuzzing the cni import: "1/08" reached the integer parser as octal "08".
    CHECK(Rational::parse("1/08") == Rational::of(1, 8));
    CHECK(Rational::parse("-007/010") == Rational::of(-7, 10));
    CHECK(Rational::parse("0/5") == Rational());
    CHECK_FALSE(Rational::parse_decimal("1/08"));
    CHECK(Rational::parse_decimal("-00.50") == Rational::of(-1, 2));
}
