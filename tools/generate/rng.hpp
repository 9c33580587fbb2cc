#pragma once
// Deterministic random numbers for the synthetic-data generator.
//
// The output must be byte-identical on every machine, so nothing here uses the
// standard <random> distributions (their algorithms are implementation-defined).
// Every person gets independent streams seeded from (seed, person index, purpose):
// a person's data is then a pure function of those three, which lets the generator
// make several streaming passes over the population and see the same people each time.
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
// independent of how many draws the demography happened to need.
enum class Stream : std::uint64_t {
    kDemography = 1,
    kCniLatent = 2,
    kCniSelect = 3,
    kVisitsBase = 4,
    kVisitsAdjust = 5,
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

    // True with probability per_mille / 1000, in pure integer arithmetic.
    bool per_mille(std::uint64_t per_mille) { return below(1000) < per_mille; }

  private:
    std::uint64_t state_;
};

inline Rng person_rng(std::uint64_t seed, std::uint64_t person, Stream stream) {
    const std::uint64_t s = mix64(seed ^ 0x6A09E667F3BCC909ull);
    return Rng(mix64(s + mix64(person * 8 + static_cast<std::uint64_t>(stream))));
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
