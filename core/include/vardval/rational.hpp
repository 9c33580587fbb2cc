#pragma once
// An exact fraction for amounts derived by division (a CNI index, weights from visit counts,
// a price derived from a pot over a planned volume, a yearly price / 12). Money is computed
// from these exactly and rounded once, at the end; a Decimal is only how a value is shown.
// Numerator and denominator are arbitrary-precision integers kept in lowest terms (a sum of
// weights over many age bands has a denominator far beyond 128 bits), so nothing wraps;
// turning a value into a 64-bit amount that does not fit throws std::overflow_error.
#include <boost/multiprecision/cpp_int.hpp>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vardval/decimal.hpp"

namespace vardval {

class Rational {
  public:
    using Integer = boost::multiprecision::cpp_int;

    constexpr Rational() = default;
    // Implicit: a Decimal is an exact fraction (raw / 10^6).
    Rational(Decimal d);  // NOLINT(google-explicit-constructor)
    static Rational of(Int128 numerator, Int128 denominator = 1);
    static Rational from_int(std::int64_t v) { return of(v); }

    const Integer& numerator() const { return num_; }
    const Integer& denominator() const { return den_; }
    bool is_zero() const { return num_ == 0; }

    Rational operator+(const Rational& o) const;
    Rational operator-(const Rational& o) const;
    Rational operator*(const Rational& o) const;
    // Divisor must be non-zero (std::domain_error otherwise).
    Rational operator/(const Rational& o) const;
    Rational& operator+=(const Rational& o) { return *this = *this + o; }

    // Half away from zero to a whole number: the product's one rounding rule.
    std::int64_t round() const;
    // Largest integer not above the value.
    std::int64_t floor() const;
    // Rounded half away from zero to six decimals, for display only.
    Decimal to_decimal() const;
    // Exact text: "1234.5", "-0.25", "7" when the decimal terminates, else "2/3".
    std::string to_string() const;
    // Lowest terms as "n" or "n/d": exact and cheap, for storage; parse() reads it back
    // (nullopt for anything else, or a zero denominator).
    std::string to_fraction() const;
    static std::optional<Rational> parse(std::string_view fraction);
    // A decimal as written, exactly, with any number of decimals: "12.3456789" (nullopt
    // for anything else). For figures delivered with more decimals than a Decimal keeps.
    static std::optional<Rational> parse_decimal(std::string_view text);

    bool operator==(const Rational& o) const { return num_ == o.num_ && den_ == o.den_; }
    std::strong_ordering operator<=>(const Rational& o) const;

  private:
    // Both operands' numerators and denominators fit 64 bits: computed in 128-bit integers.
    bool small(const Rational& o) const;
    static Rational normalized(Integer numerator, Integer denominator);
    Integer num_ = 0;
    Integer den_ = 1;  // always > 0
};

}  // namespace vardval
