#include "vardval/rational.hpp"

#include <algorithm>
#include <stdexcept>

namespace vardval {
namespace {

using Integer = Rational::Integer;
__extension__ typedef unsigned __int128 UInt128;

Integer to_integer(Int128 v) {
    if (v >= INT64_MIN && v <= INT64_MAX)
        return Integer(static_cast<std::int64_t>(v));
    // Through two 64-bit halves: the conversion does not depend on Boost's __int128 support.
    const bool negative = v < 0;
    const UInt128 magnitude =
        negative ? static_cast<UInt128>(0) - static_cast<UInt128>(v) : static_cast<UInt128>(v);
    Integer r = Integer(static_cast<std::uint64_t>(magnitude >> 64));
    r <<= 64;
    r += Integer(static_cast<std::uint64_t>(magnitude));
    return negative ? Integer(-r) : r;
}

std::int64_t to_int64(const Integer& v) {
    if (v > INT64_MAX || v < INT64_MIN)
        throw std::overflow_error("exact amount " + v.str() + " does not fit in 64 bits");
    return static_cast<std::int64_t>(v);
}

// n / d (d > 0) rounded half away from zero.
Integer round_half_away(const Integer& n, const Integer& d) {
    const Integer magnitude = (2 * abs(n) + d) / (2 * d);
    return n < 0 ? Integer(-magnitude) : magnitude;
}

UInt128 magnitude(Int128 v) {
    return v < 0 ? static_cast<UInt128>(0) - static_cast<UInt128>(v) : static_cast<UInt128>(v);
}

UInt128 gcd128(UInt128 a, UInt128 b) {
    while (b != 0) {
        const UInt128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

// Whether v fits in 64 bits, so the common case (small amounts and counts) reduces with
// machine gcd instead of arbitrary-precision arithmetic; the result is the same.
bool fits64(const Integer& v) {
    return v >= INT64_MIN && v <= INT64_MAX;
}

}  // namespace

Rational::Rational(Decimal d) : Rational(of(d.raw(), Decimal::kScale)) {}

Rational Rational::normalized(Integer numerator, Integer denominator) {
    if (denominator == 0)
        throw std::domain_error("division by zero");
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    if (fits64(numerator) && fits64(denominator)) {
        const auto n = static_cast<std::int64_t>(numerator);
        const auto d = static_cast<std::int64_t>(denominator);
        return of(n, d);
    }
    const Integer g = gcd(abs(numerator), denominator);
    Rational r;
    r.num_ = numerator / g;
    r.den_ = denominator / g;
    return r;
}

Rational Rational::of(Int128 numerator, Int128 denominator) {
    if (denominator == 0)
        throw std::domain_error("division by zero");
    const Int128 kMin = static_cast<Int128>(static_cast<UInt128>(1) << 127);
    if (numerator == kMin || denominator == kMin)  // its magnitude does not fit: exactly
        return normalized(to_integer(numerator), to_integer(denominator));
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    const auto g = static_cast<Int128>(gcd128(magnitude(numerator), magnitude(denominator)));
    Rational r;
    r.num_ = to_integer(numerator / g);
    r.den_ = to_integer(denominator / g);
    return r;
}

bool Rational::small(const Rational& o) const {
    return fits64(num_) && fits64(den_) && fits64(o.num_) && fits64(o.den_);
}

Rational Rational::operator+(const Rational& o) const {
    if (small(o)) {  // products of 64-bit values fit 128 bits; the sum is checked
        const auto a = static_cast<Int128>(static_cast<std::int64_t>(num_)) *
                       static_cast<std::int64_t>(o.den_);
        const auto b = static_cast<Int128>(static_cast<std::int64_t>(o.num_)) *
                       static_cast<std::int64_t>(den_);
        Int128 sum = 0;
        if (!__builtin_add_overflow(a, b, &sum))
            return of(sum, static_cast<Int128>(static_cast<std::int64_t>(den_)) *
                               static_cast<std::int64_t>(o.den_));
    }
    return normalized(num_ * o.den_ + o.num_ * den_, den_ * o.den_);
}

Rational Rational::operator-(const Rational& o) const {
    return *this + Rational::normalized(-o.num_, o.den_);
}

Rational Rational::operator*(const Rational& o) const {
    if (small(o))
        return of(static_cast<Int128>(static_cast<std::int64_t>(num_)) *
                      static_cast<std::int64_t>(o.num_),
                  static_cast<Int128>(static_cast<std::int64_t>(den_)) *
                      static_cast<std::int64_t>(o.den_));
    return normalized(num_ * o.num_, den_ * o.den_);
}

Rational Rational::operator/(const Rational& o) const {
    if (o.num_ == 0)
        throw std::domain_error("division by zero");
    return normalized(num_ * o.den_, den_ * o.num_);
}

std::int64_t Rational::round() const {
    return to_int64(round_half_away(num_, den_));
}

std::int64_t Rational::floor() const {
    Integer q = num_ / den_;  // truncates towards zero
    if (num_ < 0 && q * den_ != num_)
        --q;
    return to_int64(q);
}

Decimal Rational::to_decimal() const {
    return Decimal::from_raw(to_int64(round_half_away(num_ * Decimal::kScale, den_)));
}

std::string Rational::to_string() const {
    const std::string sign = num_ < 0 ? "-" : "";
    const Integer magnitude = abs(num_);
    // A fraction terminates when its denominator is 2^a·5^b; it then has max(a, b) decimals.
    Integer rest = den_;
    unsigned twos = 0;
    unsigned fives = 0;
    while (rest % 2 == 0) {
        rest /= 2;
        ++twos;
    }
    while (rest % 5 == 0) {
        rest /= 5;
        ++fives;
    }
    if (rest != 1)
        return sign + magnitude.str() + "/" + den_.str();
    const unsigned decimals = twos > fives ? twos : fives;
    std::string text = Integer(magnitude * Integer(pow(Integer(10), decimals) / den_)).str();
    if (decimals == 0)
        return sign + text;
    if (text.size() <= decimals)
        text.insert(0, decimals + 1 - text.size(), '0');
    text.insert(text.size() - decimals, ".");
    return sign + text;
}

std::string Rational::to_fraction() const {
    return den_ == 1 ? num_.str() : num_.str() + "/" + den_.str();
}

std::optional<Rational> Rational::parse(std::string_view fraction) {
    const auto integer = [](std::string_view t) -> std::optional<Integer> {
        const std::size_t digits = !t.empty() && t[0] == '-' ? 1 : 0;
        if (t.size() == digits ||
            t.find_first_not_of("0123456789", digits) != std::string_view::npos)
            return std::nullopt;
        // Without its leading zeros: the integer parser would read "0843" as octal.
        const std::size_t first = std::min(t.find_first_not_of('0', digits), t.size() - 1);
        return Integer(std::string(t.substr(0, digits)) + std::string(t.substr(first)));
    };
    const std::size_t slash = fraction.find('/');
    const auto n = integer(fraction.substr(0, slash));
    const auto d = slash == std::string_view::npos ? std::optional<Integer>(1)
                                                   : integer(fraction.substr(slash + 1));
    if (!n || !d || *d == 0)
        return std::nullopt;
    return normalized(*n, *d);
}

std::optional<Rational> Rational::parse_decimal(std::string_view text) {
    const std::size_t point = text.find('.');
    const std::string_view decimals =
        point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
    // A point needs digits after it; 40 decimals is more than any delivery states.
    if (point != std::string_view::npos && (decimals.empty() || decimals.size() > 40))
        return std::nullopt;
    if (text.find('/') != std::string_view::npos)
        return std::nullopt;  // a decimal, not a fraction
    const auto digits = parse(std::string(text.substr(0, point)) + std::string(decimals));
    if (!digits)
        return std::nullopt;
    return normalized(digits->num_, pow(Integer(10), static_cast<unsigned>(decimals.size())));
}

std::strong_ordering Rational::operator<=>(const Rational& o) const {
    const Integer left = num_ * o.den_;
    const Integer right = o.num_ * den_;
    return left < right   ? std::strong_ordering::less
           : left > right ? std::strong_ordering::greater
                          : std::strong_ordering::equal;
}

}  // namespace vardval
