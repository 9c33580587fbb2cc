#pragma once
// Deterministic random numbers for the synthetic-data generator.
//
// The output must be byte-identical on every machine, so nothing here uses the
// standard <random> distributions (their algorithms are implementation-defined).
// Every person gets independent streams seeded from (seed, person index, purpose):
// a person's data is then a pure function of those three, which lets the generator
// make several streaming passes over the population and see the same people each time.
#include <array>
#include <cmath>
#include <cstdint>

namespace gen {

// SplitMix64's finaliser: a strong 64-bit mixer, used both to derive stream seeds
// and to turn the SplitMix counter into output.
constexpr std::uint64_t mix64(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// What a stream is used for; separate streams keep, for example, the visit draws
// independent of how many draws the demography happened to need. person_rng takes the
// first seven; keyed_rng any.
enum class Stream : std::uint64_t {
    kDemography = 1,
    kCniLatent = 2,
    kCniSelect = 3,
    kVisitsBase = 4,
    kVisitsAdjust = 5,
    kMorbidity = 8,    // a person's ACG weight in a year
    kContacts = 9,     // a listed person's contacts in a month
    kEvents = 10,      // a listed person's events in a month
    kVisitors = 11,    // contacts of patients from outside the region
    kUnitValues = 12,  // a unit's indicators and costs
    kUnitChoice = 13,  // which units get an outcome: a shuffle of all of them
    kPsychiatry = 14,  // a person's psychiatric episodes started in a month
    kStaffing = 15,    // a unit's psychologist and counsellor staffing
};

// SplitMix64 generator: tiny state, good quality for simulation, fully specified.
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        state_ += 0x9E3779B97F4A7C15ull;
        return mix64(state_);
    }

    // Uniform integer in [0, n), n > 0, without modulo bias (rejection sampling).
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t threshold = (0 - n) % n;
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold)
                return r % n;
        }
    }

    // Uniform integer in [lo, hi], lo <= hi.
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }

    // Uniform double in [0, 1) with 53 random bits: exact, so identical everywhere.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    bool chance(double p) { return uniform() < p; }

    // A whole number with mean `expected` (>= 0): its floor, plus one with the chance of
    // its fraction.
    int count_with_mean(double expected) {
        const double whole = std::floor(expected);
        return static_cast<int>(whole) + (uniform() < expected - whole ? 1 : 0);
    }

    // True with probability per_mille / 1000, in pure integer arithmetic.
    bool per_mille(std::uint64_t per_mille) { return below(1000) < per_mille; }

  private:
    std::uint64_t state_;
};

inline Rng person_rng(std::uint64_t seed, std::uint64_t person, Stream stream) {
    const std::uint64_t s = mix64(seed ^ 0x6A09E667F3BCC909ull);
    return Rng(mix64(s + mix64(person * 8 + static_cast<std::uint64_t>(stream))));
}

// A stream for a key and a salt: a person (or unit) in a given month or year, so that
// every month's draws are independent of the others' and of the other passes.
inline Rng keyed_rng(std::uint64_t seed, Stream stream, std::uint64_t key, std::uint64_t salt) {
    const std::uint64_t s = mix64(seed ^ 0xBB67AE8584CAA73Bull);
    return Rng(mix64(s + mix64(mix64(key) + salt * 64 + static_cast<std::uint64_t>(stream))));
}

// A keyed bijection of [0, n): a four-round Feistel network on the smallest even
// number of bits that holds n, walking the cycle until it lands below n (fewer than
// four steps on average). Shuffles a range without storing it.
inline std::uint64_t shuffled_index(std::uint64_t index, std::uint64_t n, std::uint64_t key) {
    int half = 1;
    while ((std::uint64_t{1} << (2 * half)) < n)
        ++half;
    const std::uint64_t mask = (std::uint64_t{1} << half) - 1;
    std::uint64_t x = index;
    do {
        std::uint64_t left = x >> half;
        std::uint64_t right = x & mask;
        for (std::uint64_t round = 0; round < 4; ++round) {
            const std::uint64_t next =
                left ^ (mix64(key + round * 0x3C6EF372FE94F82Bull + right) & mask);
            left = right;
            right = next;
        }
        x = left << half | right;
    } while (x >= n);
    return x;
}

// An index in [from, N) drawn with the given weights (per mille, or any integers).
template <std::size_t N>
int draw_index(const std::array<int, N>& weights, int from, Rng& rng) {
    int total = 0;
    for (std::size_t i = static_cast<std::size_t>(from); i < N; ++i)
        total += weights[i];
    auto r = static_cast<int>(rng.below(static_cast<std::uint64_t>(total)));
    for (std::size_t i = static_cast<std::size_t>(from); i < N; ++i) {
        if (r < weights[i])
            return static_cast<int>(i);
        r -= weights[i];
    }
    return static_cast<int>(N) - 1;
}

// Selection sampling (Knuth's Algorithm S): while walking a pool of known size in a
// fixed order, picks exactly `picks` of its members, each subset equally likely.
// This is how the generator hits exact calibration counts while streaming.
struct Quota {
    std::uint64_t pool = 0;   // members not yet seen
    std::uint64_t picks = 0;  // members still to pick

    bool draw(Rng& rng) {
        if (pool == 0)
            return false;
        const bool take = rng.below(pool) < picks;
        --pool;
        if (take)
            --picks;
        return take;
    }
};

}  // namespace gen
