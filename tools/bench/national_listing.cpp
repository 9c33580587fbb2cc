// Writes a synthetic national listing for benchmarks: the rows of the performance peers'
// gen.c (../shared/peers/gen.c), so vardval and the peers can be timed on the very same file.
// Persons get a 16-hex-digit key, a unit U0000..U<units-1>, an age 0-99 skewed young (product of
// two uniform draws), a sex, the 7 CNI flags (some only possible at certain ages) and a distance in
// whole 0.1 km steps, 0-199.9 km plus 5 km per unit digit. Deterministic: the same arguments give
// the same bytes.
//
// usage: vardval-bench-national-listing PERSONS UNITS [--peers-header] > listing.csv
//   default header: vardval's listing columns (person_id,unit,...);
//   --peers-header: gen.c's (person_key,unit_id,...), read by floor.c, pandas and DuckDB.
//
// Output is formatted by hand into a large buffer: printf per row would take longer than
// the import it feeds.
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace {

// gen.c's xorshift64 generator and seed.
class XorShift {
  public:
    std::uint64_t next() {
        state_ ^= state_ << 13;
        state_ ^= state_ >> 7;
        state_ ^= state_ << 17;
        return state_;
    }

  private:
    std::uint64_t state_ = 88172645463325252ULL;
};

constexpr std::string_view kColumns =
    "birth_year,sex,cni_old_alone,cni_foreign_born,cni_unemployed,cni_single_parent,"
    "cni_moved_in,cni_low_education,cni_under5,distance_km\n";
constexpr int kYear = 2026;  // gen.c's ages are 2026 - birth_year

// Buffered writer to stdout; flushes when less than one row's worth of room is left.
class Output {
  public:
    ~Output() { flush(); }
    char* reserve() {
        if (used_ + kMaxRow > buffer_.size())
            flush();
        return buffer_.data() + used_;
    }
    void commit(char* end) { used_ = static_cast<std::size_t>(end - buffer_.data()); }
    void write(std::string_view text) {
        char* p = reserve();
        std::memcpy(p, text.data(), text.size());
        commit(p + text.size());
    }
    bool flush() {
        const bool ok = std::fwrite(buffer_.data(), 1, used_, stdout) == used_;
        used_ = 0;
        return ok && std::fflush(stdout) == 0;
    }

  private:
    static constexpr std::size_t kMaxRow = 256;
    std::array<char, 1 << 20> buffer_{};
    std::size_t used_ = 0;
};

char* put_hex16(char* p, std::uint64_t value) {
    static constexpr char digits[] = "0123456789abcdef";
    for (int i = 15; i >= 0; --i) {
        p[i] = digits[value & 0xF];
        value >>= 4;
    }
    return p + 16;
}

// At least `width` digits, zero-padded, like printf's %0*d for non-negative values.
char* put_padded(char* p, long value, int width) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    for (auto n = end - digits; n < width; ++n)
        *p++ = '0';
    std::memcpy(p, digits, static_cast<std::size_t>(end - digits));
    return p + (end - digits);
}

// One person. The draws come in the order gen.c compiled with gcc on x86-64 makes them (it
// evaluates printf's arguments right to left): unit, age, then distance, the flags from the
// last to the first (a flag guarded by an age draws only when the age allows it), sex and key.
// So the rows are byte for byte those of ../shared/peers/gen.c, which lets a peer's figures
// from a gen.c file be compared with these.
char* put_person(char* p, XorShift& rng, long units) {
    const long unit = static_cast<long>(rng.next() % static_cast<std::uint64_t>(units));
    const std::uint64_t a = rng.next() % 1000;
    const std::uint64_t b = rng.next() % 1000;
    const int age = static_cast<int>(a * b / 10000) % 105;
    // gen.c: (xr() % 2000) / 10.0 + (u % 10) * 5 printed with one decimal: whole tenths.
    const long tenths = static_cast<long>(rng.next() % 2000) + (unit % 10) * 50;
    std::array<bool, 7> cni{};
    cni[6] = age < 5;                                         // under5
    cni[5] = age >= 25 && age <= 64 && rng.next() % 9 == 0;   // low_education
    cni[4] = rng.next() % 10 == 0;                            // moved_in
    cni[3] = rng.next() % 20 == 0;                            // single_parent
    cni[2] = age >= 16 && age <= 64 && rng.next() % 15 == 0;  // unemployed
    cni[1] = rng.next() % 7 == 0;                             // foreign_born
    cni[0] = age > 65 && rng.next() % 4 == 0;                 // old_alone
    const char sex = (rng.next() & 1) != 0 ? 'F' : 'M';
    p = put_hex16(p, rng.next());
    *p++ = ',';
    *p++ = 'U';
    p = put_padded(p, unit, 4);
    *p++ = ',';
    p = put_padded(p, kYear - age, 4);
    *p++ = ',';
    *p++ = sex;
    *p++ = ',';
    for (const bool flag : cni) {
        *p++ = flag ? '1' : '0';
        *p++ = ',';
    }
    p = std::to_chars(p, p + 24, tenths / 10).ptr;
    *p++ = '.';
    *p++ = static_cast<char>('0' + tenths % 10);
    *p++ = '\n';
    return p;
}

bool parse_count(const char* text, long& out) {
    const std::string_view s(text);
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && out > 0;
}

}  // namespace

int main(int argc, char** argv) {
    long persons = 0;
    long units = 0;
    const bool peers_header = argc == 4 && std::string_view(argv[3]) == "--peers-header";
    if ((argc != 3 && !peers_header) || !parse_count(argv[1], persons) ||
        !parse_count(argv[2], units) || units > 10000) {
        std::fputs(
            "usage: vardval-bench-national-listing PERSONS UNITS [--peers-header]\n"
            "  PERSONS > 0, UNITS 1-10000 (U0000..U9999: floor.c reads 4 digits)\n",
            stderr);
        return 1;
    }
    Output out;
    out.write(peers_header ? "person_key,unit_id," : "person_id,unit,");
    out.write(kColumns);
    XorShift rng;
    for (long i = 0; i < persons; ++i)
        out.commit(put_person(out.reserve(), rng, units));
    if (!out.flush()) {
        std::fputs("vardval-bench-national-listing: write error\n", stderr);
        return 3;
    }
    return 0;
}
