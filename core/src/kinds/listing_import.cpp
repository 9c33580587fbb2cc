// The listing kind: one row per listed person, aggregated per unit. The national listing is
// ten million rows, so the file is read in chunks on every core, each worker counting into
// its own per-unit tables, merged at the end; rows are parsed in place (no copy, no
// allocation per row). Rejected rows and duplicates are rare: only where they are is kept,
// and they are read again, in line order, for their reasons.
//
// The file's format is found on its header (separator, byte order mark); each worker also
// notes whether a line has a byte above 0x7F and the first distance with each decimal mark,
// so that a file in Windows-1252 is converted (into memory: such files are small) and read
// again, and one with both decimal marks is refused, without a second pass over ASCII files.
#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <optional>
#include <sstream>

#include "csv_chunks.hpp"
#include "import_rows.hpp"
#include "listing_counts.hpp"
#include "listing_row.hpp"
#include "mapped_file.hpp"
#include "parallel.hpp"
#include "seen_filter.hpp"
#include "text_encoding.hpp"
#include "vardval_host/import.hpp"
#include "vardval_host/provenance.hpp"

namespace vardval {
namespace {

using namespace listing;

constexpr std::size_t kHashStep = std::size_t{8} << 20;
// Each worker keeps its own counts (about 12 MiB for 1 100 units): past a few cores, reading
// the file is the limit, so more workers would only cost memory.
constexpr std::size_t kMaxWorkers = 8;

// Where a line is: its index among the chunk's physical lines, its first byte.
struct LineAt {
    std::size_t index = 0;
    std::size_t offset = 0;
};

struct ChunkResult {
    std::size_t lines = 0;  // physical lines, blank ones included
    std::int64_t rows = 0;
    std::vector<LineAt> rejects;
    bool non_ascii = false;
    std::optional<LineAt> first_comma, first_point;  // distances with a decimal comma, point
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
    // `input`, when given, holds `data` and is told which bytes are done with.
    ListingImport(std::string_view data, const InputBytes* input, std::string file,
                  const Region& region, Period month, ImportReport& report, ChunkedRead read)
        : read_(read),
          input_(input),
          data_(data),
          file_(std::move(file)),
          region_(region),
          month_(month),
          report_(report),
          seen_(read.duplicate_filter_bytes) {}

    // Nothing when the file is Windows-1252: it is to be converted and read again.
    std::optional<ListingAggregate> run(const ProgressFn& progress, std::string* sha256) {
        read_header();
        const RowReader reader(columns_, region_, month_);
        chunks_ = cut_at_lines(data_, data_begin_, std::max<std::size_t>(read_.chunk_bytes, 1));
        results_.resize(chunks_.size());
        const std::size_t workers =
            std::min(read_.workers == 0 ? std::min(worker_count(), kMaxWorkers) : read_.workers,
                     std::max<std::size_t>(chunks_.size(), 1));
        for (std::size_t w = 0; w < workers; ++w)
            workers_.emplace_back(region_.units.size(), columns_.separator);
        const std::size_t extra = sha256 != nullptr ? 1 : 0;
        std::atomic<std::uint64_t> bytes_done{0};
        std::atomic<std::int64_t> rows_done{0};
        run_parallel(chunks_.size() + extra, workers_.size(), [&](std::size_t task, std::size_t w) {
            if (task < extra)
                return hash_bytes(*sha256);
            const std::size_t c = task - extra;
            count_chunk(reader, c, workers_[w]);
            release(chunks_[c]);
            bytes_done += chunks_[c].end - chunks_[c].begin;
            rows_done += results_[c].rows;
            if (w == 0 && progress)
                progress(bytes_done, rows_done);
        });
        if (!utf8())
            return std::nullopt;
        throw_first_fatal();
        check_decimal_marks();
        Counts<std::int64_t> totals(region_.units.size());
        for (const Worker& w : workers_)
            totals.add(w.counts);
        report_rejects(reader);
        end_import(file_, report_);
        take_back_duplicates(reader, totals);
        report_.format = format_;
        return aggregate(totals);
    }

  private:
    void release(ByteRange range) const {
        if (input_ != nullptr)
            input_->release(range.begin, range.end);
    }

    // True when the file is ASCII or UTF-8; false when it is Windows-1252 (refused when it is
    // neither, or both).
    bool utf8() {
        const bool non_ascii = format_.encoding != TextEncoding::ascii ||
                               std::any_of(results_.begin(), results_.end(),
                                           [](const auto& r) { return r.non_ascii; });
        if (!non_ascii)
            return true;
        decode_file(data_, file_, format_.encoding);
        return format_.encoding != TextEncoding::windows1252;
    }

    // The first distances with a decimal comma and a decimal point, in line order: both in one
    // file refuse it (only ';' files may have a comma; DecimalMarks says which lines).
    void check_decimal_marks() {
        DecimalMarks marks(file_);
        std::int64_t line = first_line_;
        for (std::size_t c = 0; c < results_.size(); ++c) {
            std::vector<LineAt> seen;
            for (const auto& at : {results_[c].first_comma, results_[c].first_point})
                if (at)
                    seen.push_back(*at);
            std::sort(seen.begin(), seen.end(),
                      [](const LineAt& a, const LineAt& b) { return a.index < b.index; });
            for (const LineAt& at : seen) {
                Worker& w = workers_.front();
                std::size_t too_long = 0;
                w.splitter.split(line_at(at.offset), w.fields, too_long);
                marks.note(w.fields[columns_.distance], line + static_cast<std::int64_t>(at.index),
                           "distance_km");
            }
            line += static_cast<std::int64_t>(results_[c].lines);
        }
        format_.decimal_mark = columns_.separator == ',' ? std::optional<char>('.') : marks.mark();
    }

    std::string_view line_at(std::size_t offset) const {
        const std::size_t nl = std::min(data_.find('\n', offset), data_.size());
        return data_.substr(offset, nl - offset);
    }

    // SHA-256 of the whole file, read in steps that leave memory behind them, as the chunks do.
    void hash_bytes(std::string& out) const {
        Sha256 h;
        for (std::size_t at = 0; at < data_.size(); at += kHashStep) {
            const std::size_t end = std::min(data_.size(), at + kHashStep);
            h.update(data_.substr(at, end - at));
            release({at, end});
        }
        out = h.hex();
    }

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
        format_ = csv.format();
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
            result.non_ascii = result.non_ascii || !is_ascii(line);
            std::size_t too_long = 0;
            const auto split = w.splitter.split(line, w.fields, too_long);
            if (split == FieldSplitter::Result::field_too_long) {
                result.fatal = {i, field_too_long_message(too_long, w.fields[too_long].size())};
                return false;
            }
            PersonRow row;
            const bool used = reader.read(w.fields, split, row, nullptr);
            if (row.mark != '\0') {
                auto& first = row.mark == ',' ? result.first_comma : result.first_point;
                if (!first)
                    first = LineAt{i, at};
            }
            if (!used) {
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
        std::size_t too_long = 0;
        Worker& w = workers_.front();
        const auto split = w.splitter.split(line_at(offset), w.fields, too_long);
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
                const std::int64_t at = line + static_cast<std::int64_t>(r.index);
                if (workers_.front().fields.size() != columns_.count)
                    if (const auto switched = switched_separator(
                            line_at(r.offset), columns_.separator, columns_.count, first_line_ - 1))
                        throw ImportError(file_ + ":" + std::to_string(at) + ": " + *switched);
                report_.reject(at, why.kind, why.detail);
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
            release(chunks_[c]);
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
            std::vector<std::int64_t> buckets = totals.distance[u];
            while (!buckets.empty() && buckets.back() == 0)  // a duplicate taken back
                buckets.pop_back();
            listing.distance_decikm = DistanceHistogram(std::move(buckets));
            result.units[region_.units[u].id] = std::move(listing);
        }
        return result;
    }

    ChunkedRead read_;
    const InputBytes* input_;
    std::string_view data_;
    std::string file_;
    const Region& region_;
    Period month_;
    ImportReport& report_;
    Columns columns_;
    CsvFormat format_;
    std::size_t data_begin_ = 0;
    std::int64_t first_line_ = 2;  // of the first line after the header
    std::vector<ByteRange> chunks_;
    std::vector<ChunkResult> results_;
    std::vector<Worker> workers_;
    SeenFilter seen_;
};

// A Windows-1252 file is converted into memory and read again (such files are small: they
// come from Excel, not from the national register).
ListingAggregate read_listing(const InputBytes& input, const std::string& file,
                              const Region& region, Period month, ImportReport& report,
                              const ProgressFn& progress, ChunkedRead read, std::string* sha256) {
    auto aggregate = ListingImport(input.bytes(), &input, file, region, month, report, read)
                         .run(progress, sha256);
    if (aggregate)
        return std::move(*aggregate);
    TextEncoding encoding = TextEncoding::ascii;
    const std::string converted = decode_file(input.bytes(), file, encoding);
    aggregate =
        ListingImport(converted, nullptr, file, region, month, report, read).run(progress, nullptr);
    report.format.encoding = TextEncoding::windows1252;
    return std::move(*aggregate);
}

}  // namespace

ListingAggregate aggregate_listing_file(const std::filesystem::path& file, const Region& region,
                                        Period month, ImportReport& report,
                                        const ProgressFn& progress, std::string* sha256) {
    const InputBytes input(file);
    return read_listing(input, file.string(), region, month, report, progress, {}, sha256);
}

ListingAggregate aggregate_listing(std::istream& in, const std::string& file, const Region& region,
                                   Period month, ImportReport& report, const ProgressFn& progress,
                                   ChunkedRead read) {
    const InputBytes input(in, file);
    return read_listing(input, file, region, month, report, progress, read, nullptr);
}

}  // namespace vardval
