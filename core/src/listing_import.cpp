// The listing kind: one row per listed person, aggregated per unit. The national listing is
// ten million rows, so the file is read in chunks on every core, each worker counting into
// its own per-unit tables, merged at the end; rows are parsed in place (no copy, no
// allocation per row). Rejected rows and duplicates are rare: only where they are is kept,
// and they are read again, in line order, for their reasons.
#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <optional>
#include <sstream>

#include "csv_chunks.hpp"
#include "import_rows.hpp"
#include "mapped_file.hpp"
#include "parallel.hpp"
#include "seen_filter.hpp"
#include "vardval_host/import.hpp"

namespace vardval {
namespace {

// Sweden is 1 570 km from end to end: no one lives further than that from a hospital of
// their region.
constexpr std::int64_t kMaxDistanceKm = 2'000;
constexpr std::size_t kMaxCniVariables = 16;

struct Columns {
    std::size_t count = 0;
    std::size_t person = 0, unit = 0, sex = 0, distance = 0;
    BirthColumns birth;
    std::vector<std::pair<std::string, std::size_t>> cni;  // variable, column
};

Columns find_columns(const CsvReader& csv) {
    Columns c;
    c.count = csv.header().size();
    c.person = require_column(csv, "person_id", "pseudonymous person key");
    c.unit = require_column(csv, "unit", "unit id from region.yaml");
    c.sex = require_column(csv, "sex", "F or M");
    c.distance = require_column(csv, "distance_km", "distance to hospital in km");
    c.birth = birth_columns(csv);
    for (std::size_t i = 0; i < csv.header().size(); ++i)
        if (csv.header()[i].rfind("cni_", 0) == 0)
            c.cni.emplace_back(csv.header()[i].substr(4), i);
    if (c.cni.size() > kMaxCniVariables)
        throw ImportError(csv.file() + ":1: more than " + std::to_string(kMaxCniVariables) +
                          " cni_ columns");
    return c;
}

// What one used row adds to its unit.
struct PersonRow {
    std::uint32_t unit = 0;
    int age = 0;
    int sex = 0;
    std::uint32_t cni = 0;  // bit v: the person has variable v
    int bucket = 0;         // distance in tenths of a km, rounded up
};

// Unit ids to their index in the region: open addressing over hashes, the ids side by side
// in one buffer, so finding a row's unit allocates nothing and stays in the cache.
class UnitIndex {
  public:
    explicit UnitIndex(const Region& region)
        : slots_(std::bit_ceil(region.units.size() * 2 + 2)), mask_(slots_.size() - 1) {
        for (const Unit& u : region.units)
            ids_ += u.id;
        std::size_t at = 0;
        for (std::size_t i = 0; i < region.units.size(); ++i) {
            const std::string_view id =
                std::string_view(ids_).substr(at, region.units[i].id.size());
            at += id.size();
            const std::uint64_t h = hash64(id);
            std::size_t s = h & mask_;
            while (slots_[s].index != kEmpty)
                s = (s + 1) & mask_;
            slots_[s] = {h, id, static_cast<std::uint32_t>(i)};
        }
    }
    UnitIndex(const UnitIndex&) = delete;  // the slots point into ids_
    UnitIndex& operator=(const UnitIndex&) = delete;

    std::optional<std::uint32_t> find(std::string_view id) const {
        const std::uint64_t h = hash64(id);
        for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
            const Slot& slot = slots_[s];
            if (slot.index == kEmpty)
                return std::nullopt;
            if (slot.hash == h && slot.id == id)
                return slot.index;
        }
    }

  private:
    static constexpr std::uint32_t kEmpty = UINT32_MAX;
    struct Slot {
        std::uint64_t hash = 0;
        std::string_view id;
        std::uint32_t index = kEmpty;
    };
    std::string ids_;
    std::vector<Slot> slots_;
    std::size_t mask_;
};

struct Rejection {
    std::string kind;
    std::string detail;
};

// Reads one row. Pure: a rejected row is read again for its reason (`why` is only filled
// then, so the parallel pass builds no message), a duplicate for what it added.
class RowReader {
  public:
    RowReader(const Columns& columns, const Region& region, Period month)
        : c_(columns), region_(region), census_{month.year, month.month, 1}, units_(region) {}

    bool read(const std::vector<std::string_view>& f, FieldSplitter::Result split, PersonRow& row,
              Rejection* why) const {
        auto reject = [&](const char* kind, auto&& detail) {
            if (why != nullptr)
                *why = {kind, detail()};
            return false;
        };
        if (split == FieldSplitter::Result::malformed)
            return reject("malformed row", [] { return "a quoted field is not closed"; });
        if (f.size() != c_.count)
            return reject("wrong number of fields",
                          [&] { return wrong_number_of_fields(c_.count, f.size()); });
        if (f[c_.person].empty())
            return reject("missing person_id", [] { return ""; });
        const auto unit = units_.find(f[c_.unit]);
        if (!unit)
            return reject("unknown unit", [&] { return unknown_unit(f[c_.unit], region_); });
        row.unit = *unit;
        std::string age_why;
        const auto age =
            parse_age(field_at(f, c_.birth.date), field_at(f, c_.birth.year), census_, age_why);
        if (!age)
            return reject("invalid birth", [&] { return age_why; });
        row.age = *age;
        const auto sex = parse_sex(f[c_.sex]);
        if (!sex)
            return reject("invalid sex", [&] { return invalid_sex_detail(f[c_.sex]); });
        row.sex = static_cast<int>(*sex);
        const auto km = Decimal::parse(f[c_.distance]);
        if (!km || km->raw() < 0 || *km > Decimal::from_int(kMaxDistanceKm))
            return reject("invalid distance", [&] {
                return "distance_km " + shown(f[c_.distance]) +
                       "; valid: a number of km from 0 to " + std::to_string(kMaxDistanceKm);
            });
        constexpr std::int64_t per_bucket = Decimal::kScale / 10;  // 0.1 km
        row.bucket = static_cast<int>((km->raw() + per_bucket - 1) / per_bucket);
        row.cni = 0;
        for (std::size_t v = 0; v < c_.cni.size(); ++v) {
            const std::string_view value = f[c_.cni[v].second];
            if (value.size() == 1 && value[0] == '1')
                row.cni |= 1U << v;
            else if (value.size() != 1 || value[0] != '0')
                return reject("invalid CNI flag", [&] {
                    return "cni_" + c_.cni[v].first + " = " + shown(value) + "; valid: 0 or 1";
                });
        }
        return true;
    }

  private:
    const Columns& c_;
    const Region& region_;
    Date census_;
    UnitIndex units_;
};

// Every unit's counts. A worker counts in 32 bits (no file has 4 billion persons at one
// unit and distance) to halve what stays in the cache; the totals are 64 bits.
template <typename Count>
struct Counts {
    std::vector<std::array<std::array<Count, kMaxAge + 1>, 2>> persons;  // [unit][sex][age]
    std::vector<std::array<Count, kMaxCniVariables>> cni;                // [unit][variable]
    std::vector<std::vector<Count>> distance;                            // [unit][bucket]

    explicit Counts(std::size_t units) : persons(units), cni(units), distance(units) {}

    // Makes the row's distance count exist and brings what add() touches into the cache.
    void prepare(const PersonRow& row) {
        auto& buckets = distance[row.unit];
        const auto b = static_cast<std::size_t>(row.bucket);
        if (b >= buckets.size())
            buckets.resize(b + 1);
        __builtin_prefetch(&persons[row.unit][row.sex][row.age], 1);
        __builtin_prefetch(&buckets[b], 1);
    }
    void add(const PersonRow& row, Count n) {
        persons[row.unit][row.sex][row.age] += n;
        distance[row.unit][static_cast<std::size_t>(row.bucket)] += n;
        for (std::uint32_t bits = row.cni; bits != 0; bits &= bits - 1)
            cni[row.unit][static_cast<std::size_t>(std::countr_zero(bits))] += n;
    }
    template <typename Other>
    void add(const Counts<Other>& o) {
        for (std::size_t u = 0; u < persons.size(); ++u) {
            for (int s = 0; s < 2; ++s)
                for (int a = 0; a <= kMaxAge; ++a)
                    persons[u][s][a] += o.persons[u][s][a];
            for (std::size_t v = 0; v < kMaxCniVariables; ++v)
                cni[u][v] += o.cni[u][v];
            if (o.distance[u].size() > distance[u].size())
                distance[u].resize(o.distance[u].size());
            for (std::size_t b = 0; b < o.distance[u].size(); ++b)
                distance[u][b] += o.distance[u][b];
        }
    }
};

struct Worker {
    explicit Worker(std::size_t units) : counts(units) {}
    Counts<std::uint32_t> counts;
    std::vector<std::string_view> fields;
    FieldSplitter splitter;
    std::vector<Fingerprint> maybe_seen;  // persons the filter may have seen before
};

// A worker's used rows, counted a few rows late: the counts and the filter word a row
// touches are scattered over tens of MiB, so they are prefetched when the row is queued and
// updated kDepth rows later, when they are in the cache.
class CountQueue {
  public:
    CountQueue(Worker& worker, SeenFilter& seen) : w_(worker), seen_(seen) {}
    ~CountQueue() {
        for (; size_ > 0; --size_)
            count(pending_[(next_ + kDepth - size_) % kDepth]);
    }
    void push(const PersonRow& row, const Fingerprint& person) {
        w_.counts.prepare(row);
        seen_.prefetch(person);
        if (size_ == kDepth)
            count(pending_[next_]);
        else
            ++size_;
        pending_[next_] = {row, person};
        next_ = (next_ + 1) % kDepth;
    }

  private:
    static constexpr std::size_t kDepth = 16;
    struct Pending {
        PersonRow row;
        Fingerprint person;
    };
    void count(const Pending& p) {
        w_.counts.add(p.row, 1);
        if (seen_.add(p.person))
            w_.maybe_seen.push_back(p.person);
    }
    Worker& w_;
    SeenFilter& seen_;
    std::array<Pending, kDepth> pending_{};
    std::size_t size_ = 0, next_ = 0;
};

// Where a line is: its index among the chunk's physical lines, its first byte.
struct LineAt {
    std::size_t index = 0;
    std::size_t offset = 0;
};

struct ChunkResult {
    std::size_t lines = 0;  // physical lines, blank ones included
    std::int64_t rows = 0;
    std::vector<LineAt> rejects;
    std::optional<std::pair<std::size_t, std::string>> fatal;  // line index, message
};

// A person id seen on more than one used row: where.
struct Sighting {
    Fingerprint person;
    std::int64_t line = 0;
    std::size_t offset = 0;
};

class ListingImport {
  public:
    ListingImport(const InputBytes& input, std::string file, const Region& region, Period month,
                  ImportReport& report, ChunkedRead read)
        : read_(read),
          input_(input),
          data_(input.bytes()),
          file_(std::move(file)),
          region_(region),
          month_(month),
          report_(report),
          seen_(read.duplicate_filter_bytes) {}

    ListingAggregate run(const ProgressFn& progress, const std::function<void()>& alongside) {
        read_header();
        const RowReader reader(columns_, region_, month_);
        chunks_ = cut_at_lines(data_, data_begin_, std::max<std::size_t>(read_.chunk_bytes, 1));
        results_.resize(chunks_.size());
        const std::size_t workers = std::min(read_.workers == 0 ? worker_count() : read_.workers,
                                             std::max<std::size_t>(chunks_.size(), 1));
        for (std::size_t w = 0; w < workers; ++w)
            workers_.emplace_back(region_.units.size());
        const std::size_t extra = alongside ? 1 : 0;
        std::atomic<std::uint64_t> bytes_done{0};
        std::atomic<std::int64_t> rows_done{0};
        run_parallel(chunks_.size() + extra, workers_.size(), [&](std::size_t task, std::size_t w) {
            if (task < extra)
                return alongside();
            const std::size_t c = task - extra;
            count_chunk(reader, c, workers_[w]);
            input_.release(chunks_[c].begin, chunks_[c].end);
            bytes_done += chunks_[c].end - chunks_[c].begin;
            rows_done += results_[c].rows;
            if (w == 0 && progress)
                progress(bytes_done, rows_done);
        });
        throw_first_fatal();
        Counts<std::int64_t> totals(region_.units.size());
        for (const Worker& w : workers_)
            totals.add(w.counts);
        report_rejects(reader);
        end_import(file_, report_);
        take_back_duplicates(reader, totals);
        return aggregate(totals);
    }

  private:
    // The header is the first line that is not blank; CsvReader reads it as it would.
    void read_header() {
        std::size_t end = 0, lines = 0;
        while (end < data_.size()) {
            const std::size_t nl = std::min(data_.find('\n', end), data_.size());
            ++lines;
            const std::string_view line = data_.substr(end, nl - end);
            end = std::min(nl + 1, data_.size());
            if (!line.empty() && line != "\r")
                break;
        }
        std::istringstream head{std::string(data_.substr(0, end))};
        const CsvReader csv(head, file_);
        begin_import(csv, report_);
        columns_ = find_columns(csv);
        data_begin_ = end;
        first_line_ = static_cast<std::int64_t>(lines) + 1;
    }

    void count_chunk(const RowReader& reader, std::size_t c, Worker& w) {
        ChunkResult& result = results_[c];
        CountQueue counts(w, seen_);
        std::size_t index = 0;
        result.lines = for_each_line(data_, chunks_[c], [&](std::string_view line, std::size_t at) {
            const std::size_t i = index++;
            if (line.size() > kMaxCsvLineBytes) {
                result.fatal = {i, line_too_long_message()};
                return false;
            }
            if (line.empty() || line == "\r")
                return true;
            ++result.rows;
            std::size_t too_long = 0;
            const auto split = w.splitter.split(line, w.fields, too_long);
            if (split == FieldSplitter::Result::field_too_long) {
                result.fatal = {i, field_too_long_message(too_long, w.fields[too_long].size())};
                return false;
            }
            PersonRow row;
            if (!reader.read(w.fields, split, row, nullptr)) {
                result.rejects.push_back({i, at});
                return true;
            }
            counts.push(row, fingerprint(w.fields[columns_.person]));
            return true;
        });
    }

    std::int64_t first_line_of(std::size_t chunk) const {
        std::int64_t line = first_line_;
        for (std::size_t c = 0; c < chunk; ++c)
            line += static_cast<std::int64_t>(results_[c].lines);
        return line;
    }

    // The file as a whole is refused at its first over-long line or field, as CsvReader does.
    void throw_first_fatal() const {
        for (std::size_t c = 0; c < results_.size(); ++c)
            if (results_[c].fatal)
                throw ImportError(file_ + ":" +
                                  std::to_string(first_line_of(c) + static_cast<std::int64_t>(
                                                                        results_[c].fatal->first)) +
                                  ": " + results_[c].fatal->second);
    }

    // The row at `offset`, read again.
    bool reread(const RowReader& reader, std::size_t offset, PersonRow& row, Rejection* why) {
        const std::size_t nl = std::min(data_.find('\n', offset), data_.size());
        std::size_t too_long = 0;
        Worker& w = workers_.front();
        const auto split = w.splitter.split(data_.substr(offset, nl - offset), w.fields, too_long);
        return reader.read(w.fields, split, row, why);
    }

    void report_rejects(const RowReader& reader) {
        std::int64_t line = first_line_;
        for (std::size_t c = 0; c < results_.size(); ++c) {
            report_.rows_read += results_[c].rows;
            for (const LineAt& r : results_[c].rejects) {
                PersonRow row;
                Rejection why;
                reread(reader, r.offset, row, &why);
                report_.reject(line + static_cast<std::int64_t>(r.index), why.kind, why.detail);
            }
            line += static_cast<std::int64_t>(results_[c].lines);
        }
        report_.rows_used = report_.rows_read - report_.rows_rejected;
    }

    // The filter named every person that may have been listed before; look again at those
    // alone, in line order: every listing after a person's first is rejected and what it
    // added is taken back.
    void take_back_duplicates(const RowReader& reader, Counts<std::int64_t>& totals) {
        std::vector<Fingerprint> maybe;
        for (const Worker& w : workers_)
            maybe.insert(maybe.end(), w.maybe_seen.begin(), w.maybe_seen.end());
        if (maybe.empty())
            return;
        const FingerprintSet candidates(std::move(maybe));
        std::vector<std::vector<Sighting>> found(chunks_.size());
        run_parallel(chunks_.size(), workers_.size(), [&](std::size_t c, std::size_t w) {
            find_sightings(c, candidates, workers_[w], found[c]);
            input_.release(chunks_[c].begin, chunks_[c].end);
        });
        std::vector<Sighting> all;
        for (const auto& f : found)
            all.insert(all.end(), f.begin(), f.end());
        std::stable_sort(all.begin(), all.end(),
                         [](const Sighting& a, const Sighting& b) { return a.person < b.person; });
        std::vector<std::pair<Sighting, std::int64_t>> repeats;  // sighting, first line
        for (std::size_t i = 1; i < all.size(); ++i) {
            std::size_t first = i - 1;
            while (i < all.size() && all[i].person == all[first].person)
                repeats.emplace_back(all[i++], all[first].line);
        }
        std::sort(repeats.begin(), repeats.end(),
                  [](const auto& a, const auto& b) { return a.first.line < b.first.line; });
        for (const auto& [repeat, first_line] : repeats) {
            PersonRow row;
            reread(reader, repeat.offset, row, nullptr);
            totals.add(row, -1);
            --report_.rows_used;
            report_.reject(repeat.line, "duplicate person",
                           "person_id already listed on line " + std::to_string(first_line));
        }
    }

    // The used rows of chunk `c` whose person is among `maybe`, in line order.
    void find_sightings(std::size_t c, const FingerprintSet& maybe, Worker& w,
                        std::vector<Sighting>& out) {
        const std::int64_t first = first_line_of(c);
        const std::vector<LineAt>& rejects = results_[c].rejects;
        std::size_t next_reject = 0, index = 0;
        for_each_line(data_, chunks_[c], [&](std::string_view line, std::size_t at) {
            const std::size_t i = index++;
            if (line.empty() || line == "\r")
                return true;
            if (next_reject < rejects.size() && rejects[next_reject].index == i) {
                ++next_reject;
                return true;
            }
            std::size_t too_long = 0;
            w.splitter.split(line, w.fields, too_long, columns_.person + 1);
            const Fingerprint person = fingerprint(w.fields[columns_.person]);
            if (maybe.contains(person))
                out.push_back({person, first + static_cast<std::int64_t>(i), at});
            return true;
        });
    }

    ListingAggregate aggregate(const Counts<std::int64_t>& totals) const {
        ListingAggregate result;
        result.ref.kind = "listing";
        result.ref.period = month_.to_string();
        for (std::size_t u = 0; u < region_.units.size(); ++u) {
            UnitListing listing;
            listing.persons = totals.persons[u];
            if (listing.listed() == 0)
                continue;
            for (std::size_t v = 0; v < columns_.cni.size(); ++v)
                listing.cni[columns_.cni[v].first] = totals.cni[u][v];
            const auto& buckets = totals.distance[u];
            for (std::size_t b = 0; b < buckets.size(); ++b)
                if (buckets[b] != 0)
                    listing.distance_decikm.add(static_cast<int>(b), buckets[b]);
            result.units[region_.units[u].id] = std::move(listing);
        }
        return result;
    }

    ChunkedRead read_;
    const InputBytes& input_;
    std::string_view data_;
    std::string file_;
    const Region& region_;
    Period month_;
    ImportReport& report_;
    Columns columns_;
    std::size_t data_begin_ = 0;
    std::int64_t first_line_ = 2;  // of the first line after the header
    std::vector<ByteRange> chunks_;
    std::vector<ChunkResult> results_;
    std::vector<Worker> workers_;
    SeenFilter seen_;
};

}  // namespace

ListingAggregate aggregate_listing_file(const std::filesystem::path& file, const Region& region,
                                        Period month, ImportReport& report,
                                        const ProgressFn& progress,
                                        const std::function<void()>& alongside) {
    const InputBytes input(file);
    return ListingImport(input, file.string(), region, month, report, {}).run(progress, alongside);
}

ListingAggregate aggregate_listing(std::istream& in, const std::string& file, const Region& region,
                                   Period month, ImportReport& report, const ProgressFn& progress,
                                   ChunkedRead read) {
    const InputBytes input(in, file);
    return ListingImport(input, file, region, month, report, read).run(progress, {});
}

}  // namespace vardval
