#pragma once
// Fixed-point decimal with six decimals, used for bases (weighted listed), rates (öre per
// basis unit) and weights. Parsed from text so that a YAML figure like 2453.50 is exact;
// arithmetic never goes through floating point except where a value is *derived*
// (e.g. weights from visit statistics), and then it is rounded once, here.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vardval {

// 128-bit intermediates keep products of two six-decimal values exact.
__extension__ typedef __int128 Int128;

class Decimal {
  public:
    static constexpr std::int64_t kScale = 1'000'000;  // six decimals

    constexpr Decimal() = default;
    static constexpr Decimal from_raw(std::int64_t raw) { return Decimal(raw); }
    static constexpr Decimal from_int(std::int64_t v) { return Decimal(v * kScale); }
    // Rounds half away from zero to six decimals.
    static Decimal from_double(double v);
    // Exact: numerator / denominator rounded half away from zero to six decimals.
    static Decimal from_ratio(std::int64_t numerator, std::int64_t denominator);
    // "12", "-0.5", "2453.75"; at most six decimals. Nullopt on anything else.
    static std::optional<Decimal> parse(std::string_view text);

    constexpr std::int64_t raw() const { return raw_; }
    double to_double() const { return static_cast<double>(raw_) / kScale; }
    // Always six decimals: "1234.500000". Stable, for ledgers and hashes.
    std::string to_string() const;
    // Trailing zeros trimmed, at least `min_decimals`: "1234.5".
    std::string to_short_string(int min_decimals = 0) const;

    Decimal operator+(Decimal o) const { return Decimal(raw_ + o.raw_); }
    Decimal operator-(Decimal o) const { return Decimal(raw_ - o.raw_); }
    Decimal& operator+=(Decimal o) {
        raw_ += o.raw_;
        return *this;
    }
    // Product rounded half away from zero to six decimals.
    Decimal operator*(Decimal o) const;
    // Quotient rounded half away from zero to six decimals; divisor must be non-zero.
    Decimal divided_by(Decimal o) const;
    Decimal times(std::int64_t n) const { return Decimal(raw_ * n); }
    Decimal divided_by(std::int64_t n) const { return from_ratio(raw_, n * kScale); }
    bool is_zero() const { return raw_ == 0; }

    auto operator<=>(const Decimal&) const = default;

  private:
    constexpr explicit Decimal(std::int64_t raw) : raw_(raw) {}
    std::int64_t raw_ = 0;
};

// Rounds a / b half away from zero (b > 0 or < 0). The one integer rounding rule of the
// product; every money line states it.
std::int64_t round_div(Int128 a, Int128 b);

}  // namespace vardval
