// The psychiatric-contact import: columns, row checks, duplicates, contact counts and
// episodes (see aggregate_psychiatry in import.hpp).
//
// Episodes need all of a person's contacts at a unit together, and an extract may come in
// any row order. So each accepted row becomes a fixed-size record keyed by a 128-bit hash of
// the person (never the id itself: the records may be spilled to temporary files), sorted by
// person, unit, date and line with an external sort (external_sort.hpp), and the sorted
// records are counted one person and unit at a time. Memory is one sort buffer (about 40 MiB)
// and a block per spilled run, whatever the number of rows, persons or open episodes, and
// the result cannot depend on the row order: the sort order is total and ties in date are
// broken by line, as the file order decides between contacts on the same day.
#include <algorithm>
#include <charconv>
#include <span>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "import_rows.hpp"
#include "vardval_host/csv.hpp"
#include "vardval_host/duplicate_detector.hpp"
#include "vardval_host/episodes.hpp"
#include "vardval_host/external_sort.hpp"
#include "vardval_host/import.hpp"
#include "vardval_host/vocabulary.hpp"

namespace vardval {
namespace {

// Psychiatric history older than this before the extract's last month is a mistyped year.
constexpr int kMaxHistoryYears = 10;
// Months from the oldest accepted contact to the extract's month, both included.
constexpr int kMonths = kMaxHistoryYears * 12 + 1;
// Records held in memory before a sorted run is spilled: 40 MiB of 40-byte records.
constexpr std::size_t kRecordsPerRun = 1 << 20;

// A lowercase identifier: contact types, professions, diagnosis groups.
bool is_identifier(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// A patient-reported outcome score: a whole number 0-100, or empty when not measured. False
// when the text is neither.
bool parse_score(const std::string& text, std::optional<int>& score) {
    score.reset();
    if (text.empty())
        return true;
    int value = 0;
    if (text.size() > 3 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    std::from_chars(text.data(), text.data() + text.size(), value);
    if (value > 100)
        return false;
    score = value;
    return true;
}

// One identifier column (contact_type, profession, diagnosis_group) and the names a row may
// give in it: the region's declared names that are identifiers, numbered, so that a record
// holds a small number and a valid name is found with one lookup.
struct IdentifierColumn {
    const char* name;
    std::size_t col;
    Vocabulary vocabulary;
    const Terms& terms;
    std::vector<std::string_view> names;  // into `terms`, whose keys stay put
    std::unordered_map<std::string_view, std::uint16_t> number;

    IdentifierColumn(const char* n, std::size_t c, Vocabulary v, const Terms& t)
        : name(n), col(c), vocabulary(v), terms(t) {
        if (terms.size() > 0xffff)
            throw ImportError(std::string("more than 65535 names declared for ") + name +
                              "; a contact holds a 16-bit number");
        for (const auto& [declared, term] : terms)
            if (is_identifier(declared)) {
                number.emplace(declared, static_cast<std::uint16_t>(names.size()));
                names.push_back(declared);
            }
    }

    // The name's number, or nothing with the row rejected (empty, not an identifier, or not
    // declared by the region).
    std::optional<std::uint16_t> read(const std::vector<std::string>& f, const Region& region,
                                      std::int64_t line, ImportReport& report) const {
        const std::string& text = f[col];
        if (const auto it = number.find(text); it != number.end())
            return it->second;
        if (text.empty())
            report.reject(line, "missing value", std::string(name) + " is empty");
        else if (!is_identifier(text))
            report.reject(line, "invalid identifier",
                          std::string(name) + " " + shown(text) +
                              "; valid: lowercase letters, digits, _ and -");
        else
            declared(region, vocabulary, terms, text, line, report);
        return std::nullopt;
    }
};

constexpr std::uint8_t kNoScore = 0xff;

// One accepted contact as the sort holds it: no person id, only its fingerprint.
struct ContactRecord {
    Fingerprint person;
    std::int64_t line;
    std::uint32_t date;  // year << 9 | month << 5 | day: compares like the date
    std::uint16_t unit;
    std::uint16_t contact_type;
    std::uint16_t profession;
    std::uint16_t diagnosis;
    std::uint8_t score;  // 0-100, kNoScore when not measured

    Date day() const {
        return {static_cast<int>(date >> 9), static_cast<int>((date >> 5) & 0xf),
                static_cast<int>(date & 0x1f)};
    }
    static std::uint32_t pack(Date d) {
        return static_cast<std::uint32_t>(d.year) << 9 | static_cast<std::uint32_t>(d.month) << 5 |
               static_cast<std::uint32_t>(d.day);
    }
    bool same_person_unit(const ContactRecord& o) const {
        return person == o.person && unit == o.unit;
    }
};

// Person, unit, date, then line: a person's contacts at a unit together, in episode order.
struct ByPersonUnitDate {
    bool operator()(const ContactRecord& a, const ContactRecord& b) const {
        return std::tie(a.person.high, a.person.low, a.unit, a.date, a.line) <
               std::tie(b.person.high, b.person.low, b.unit, b.date, b.line);
    }
};

// Packs small numbers into a 64-bit key, 16 bits each (the first in the high bits).
std::uint64_t pack16(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d) {
    return a << 48 | b << 32 | c << 16 | d;
}

// Counts per key of two packed words in one open-addressed table: a count per contact and per
// episode, so each is one probe in a flat array rather than a walk through hash nodes. A
// count is never 0 once its key is in, so 0 marks a free slot.
class Counter {
  public:
    struct Slot {
        std::uint64_t first = 0;
        std::uint64_t second = 0;
        std::int64_t n = 0;
    };

    void add(std::uint64_t first, std::uint64_t second) {
        if (2 * (used_ + 1) > slots_.size())
            grow();
        Slot& s = find(slots_, first, second);
        if (s.n == 0) {
            s.first = first;
            s.second = second;
            ++used_;
        }
        ++s.n;
    }
    // Calls `visit(first, second, n)` for every key.
    template <class Visit>
    void for_each(Visit&& visit) const {
        for (const Slot& s : slots_)
            if (s.n != 0)
                visit(s.first, s.second, s.n);
    }

  private:
    static Slot& find(std::vector<Slot>& slots, std::uint64_t first, std::uint64_t second) {
        // A splitmix64 finaliser: the keys are packed small numbers, whose bits need spreading.
        std::uint64_t h = first ^ (second * 0x9e3779b97f4a7c15ULL);
        h ^= h >> 30;
        h *= 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 27;
        h *= 0x94d049bb133111ebULL;
        h ^= h >> 31;
        const std::size_t mask = slots.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask)
            if (slots[i].n == 0 || (slots[i].first == first && slots[i].second == second))
                return slots[i];
    }
    void grow() {
        std::vector<Slot> bigger(std::max<std::size_t>(1024, 2 * slots_.size()));
        for (const Slot& s : slots_)
            if (s.n != 0)
                find(bigger, s.first, s.second) = s;
        slots_.swap(bigger);
    }

    std::vector<Slot> slots_;
    std::size_t used_ = 0;
};

// Counts the sorted contacts of one person at one unit at a time: duplicates rejected,
// contacts per month, episodes. Keys are numbers here and become names in result().
class PsychiatryTally {
  public:
    PsychiatryTally(const Region& region, Period month, const IdentifierColumn& diagnoses,
                    ImportReport& report)
        : region_(region),
          end_(last_day(month)),
          first_month_(month.year * 12 + month.month - kMonths),
          diagnoses_(diagnoses),
          report_(report) {}

    // Records in ByPersonUnitDate order.
    void add(const ContactRecord& r) {
        if (!group_.empty() && !group_.front().same_person_unit(r))
            count_group();
        group_.push_back(r);
    }

    PsychiatryAggregate result(const std::vector<std::string_view>& contact_types,
                               const std::vector<std::string_view>& professions);

  private:
    std::uint64_t month_number(Date d) const { return d.year * 12 + d.month - 1 - first_month_; }
    Period month_of(std::uint64_t number) const {
        const int m = first_month_ + static_cast<int>(number);
        return {m / 12, m % 12 + 1};
    }
    void count_group();

    const Region& region_;
    Date end_;
    int first_month_;  // year * 12 + month - 1 of the oldest month a contact may be in
    const IdentifierColumn& diagnoses_;
    ImportReport& report_;
    std::vector<ContactRecord> group_;    // one person at one unit
    std::vector<EpisodeContact> kept_;    // the group without duplicates
    std::vector<std::uint16_t> kept_dx_;  // their diagnosis numbers
    std::vector<Episode> episodes_;       // the group's episodes
    Counter contacts_;                    // (unit, type, profession, diagnosis), month → contacts
    Counter episode_counts_;  // (unit, diagnosis, opened, closed), contacts and score → episodes
};

void PsychiatryTally::count_group() {
    kept_.clear();
    kept_dx_.clear();
    std::size_t day_start = 0;  // the group's first record on the current day
    for (std::size_t i = 0; i < group_.size(); ++i) {
        const ContactRecord& r = group_[i];
        if (r.date != group_[day_start].date)
            day_start = i;
        // The earliest line with the same date, type and profession is the one kept.
        const auto first = std::find_if(
            group_.begin() + static_cast<std::ptrdiff_t>(day_start),
            group_.begin() + static_cast<std::ptrdiff_t>(i), [&](const ContactRecord& o) {
                return o.contact_type == r.contact_type && o.profession == r.profession;
            });
        if (first != group_.begin() + static_cast<std::ptrdiff_t>(i)) {
            --report_.rows_used;
            report_.reject(r.line, "duplicate contact",
                           "the same person, unit, date, contact_type and profession as line " +
                               std::to_string(first->line));
            continue;
        }
        const Date day = r.day();
        contacts_.add(pack16(r.unit, r.contact_type, r.profession, r.diagnosis), month_number(day));
        kept_.push_back({day, diagnoses_.names[r.diagnosis],
                         r.score == kNoScore ? std::nullopt : std::optional<int>(r.score)});
        kept_dx_.push_back(r.diagnosis);
    }
    episodes_.clear();
    build_episodes_in_order(kept_, region_.episode_gap_days, end_, episodes_);
    std::size_t first_contact = 0;
    for (const Episode& e : episodes_) {
        const std::uint64_t opened = month_number({e.opened.year, e.opened.month, 1});
        const std::uint64_t closed =
            e.closed ? month_number({e.closed->year, e.closed->month, 1}) + 1 : 0;
        const std::uint64_t score =
            e.score_change ? static_cast<std::uint64_t>(*e.score_change + 101) : 0;
        episode_counts_.add(pack16(group_.front().unit, kept_dx_[first_contact], opened, closed),
                            static_cast<std::uint64_t>(e.contacts) << 8 | score);
        first_contact += static_cast<std::size_t>(e.contacts);
    }
    group_.clear();
}

PsychiatryAggregate PsychiatryTally::result(const std::vector<std::string_view>& contact_types,
                                            const std::vector<std::string_view>& professions) {
    if (!group_.empty())
        count_group();
    PsychiatryAggregate result;
    result.episode_gap_days = region_.episode_gap_days;
    const auto field = [](std::uint64_t key, int n) { return (key >> (48 - 16 * n)) & 0xffff; };
    contacts_.for_each([&](std::uint64_t names, std::uint64_t month, std::int64_t n) {
        result.contacts.push_back({region_.units[field(names, 0)].id, month_of(month),
                                   std::string(contact_types[field(names, 1)]),
                                   std::string(professions[field(names, 2)]),
                                   std::string(diagnoses_.names[field(names, 3)]), n});
    });
    episode_counts_.for_each([&](std::uint64_t names, std::uint64_t size, std::int64_t n) {
        const std::uint64_t closed = field(names, 3);
        const std::uint64_t score = size & 0xff;
        result.episodes.push_back(
            {region_.units[field(names, 0)].id, std::string(diagnoses_.names[field(names, 1)]),
             static_cast<std::int64_t>(size >> 8), month_of(field(names, 2)),
             closed ? std::optional<Period>(month_of(closed - 1)) : std::nullopt,
             score ? std::optional<int>(static_cast<int>(score) - 101) : std::nullopt, n});
    });
    // In the order of the names, as the aggregate has always been stored.
    std::sort(result.contacts.begin(), result.contacts.end(), [](const auto& a, const auto& b) {
        return std::tie(a.unit, a.month, a.contact_type, a.profession, a.diagnosis_group) <
               std::tie(b.unit, b.month, b.contact_type, b.profession, b.diagnosis_group);
    });
    std::sort(result.episodes.begin(), result.episodes.end(), [](const auto& a, const auto& b) {
        return std::tie(a.unit, a.diagnosis_group, a.contacts, a.opened, a.closed, a.score_change) <
               std::tie(b.unit, b.diagnosis_group, b.contacts, b.opened, b.closed, b.score_change);
    });
    return result;
}

}  // namespace

PsychiatryAggregate aggregate_psychiatry(std::istream& in, const std::string& file,
                                         const Region& region, Period month, ImportReport& report,
                                         const ProgressFn& progress) {
    CsvReader csv(in, file);
    begin_import(csv, report);
    const std::size_t person_col = require_column(csv, "person_id", "pseudonymous person key");
    const std::size_t unit_col = require_column(csv, "unit", "unit id from region.yaml");
    const std::size_t date_col = require_column(csv, "contact_date", "YYYY-MM-DD");
    const std::size_t contact_col =
        require_column(csv, "contact_type", "e.g. visit, digital, phone, group, home_visit");
    const std::size_t profession_col =
        require_column(csv, "profession", "e.g. doctor, psychologist, counsellor, nurse");
    const std::size_t diagnosis_col =
        require_column(csv, "diagnosis_group", "e.g. depression, anxiety, adhd, psychosis");
    const auto score_col = csv.column("score");
    const UnitIndex units(region);
    if (region.units.size() > 0xffff)
        throw ImportError(region.file + ": more than 65535 units; a contact holds a 16-bit number");
    const Date end = last_day(month);
    const Date oldest{month.year - kMaxHistoryYears, month.month, 1};
    const std::string needed_by = "importing psychiatric contacts";
    const std::vector<IdentifierColumn> identifiers = {
        {"contact_type", contact_col, Vocabulary::psychiatry_contact_type,
         require_vocabulary(region, Vocabulary::psychiatry_contact_type, needed_by)},
        {"profession", profession_col, Vocabulary::psychiatry_profession,
         require_vocabulary(region, Vocabulary::psychiatry_profession, needed_by)},
        {"diagnosis_group", diagnosis_col, Vocabulary::diagnosis_group,
         require_vocabulary(region, Vocabulary::diagnosis_group, needed_by)}};

    ExternalSorter<ContactRecord, ByPersonUnitDate> sorter(kRecordsPerRun, "psychiatric contacts");
    std::vector<std::string> f;
    while (csv.next(f)) {
        ++report.rows_read;
        report_progress(csv, report.rows_read, progress);
        const std::int64_t line = csv.line();
        auto u = read_person_unit(csv, f, person_col, unit_col, units, region, report);
        if (!u)
            continue;
        const auto date = Date::parse(f[date_col]);
        if (!date) {
            report.reject(line, "invalid contact date",
                          shown(f[date_col]) + " is not a date (YYYY-MM-DD)");
            continue;
        }
        if (end < *date) {
            report.reject(line, "contact after the extract",
                          date_text(*date) + " is after " + month.to_string() +
                              ", the month the extract ends with");
            continue;
        }
        if (*date < oldest) {
            report.reject(line, "contact long before the extract",
                          date_text(*date) + " is more than " + std::to_string(kMaxHistoryYears) +
                              " years before " + month.to_string() +
                              ", the month the extract ends with");
            continue;
        }
        std::uint16_t number[3];
        bool identifiers_ok = true;
        for (std::size_t i = 0; i < identifiers.size() && identifiers_ok; ++i) {
            const auto n = identifiers[i].read(f, region, line, report);
            identifiers_ok = n.has_value();
            number[i] = n.value_or(0);
        }
        if (!identifiers_ok)
            continue;
        std::optional<int> score;
        if (score_col && !parse_score(f[*score_col], score)) {
            report.reject(line, "invalid score",
                          shown(f[*score_col]) +
                              "; valid: a whole number from 0 to 100, empty when not measured");
            continue;
        }
        // Counted as used now; a duplicate found once the person's contacts are together is
        // taken back then.
        ++report.rows_used;
        sorter.add({fingerprint(f[person_col]), line, ContactRecord::pack(*date),
                    static_cast<std::uint16_t>(*u), number[0], number[1], number[2],
                    score ? static_cast<std::uint8_t>(*score) : kNoScore});
    }
    end_import(csv, report);

    PsychiatryTally tally(region, month, identifiers[2], report);
    sorter.drain([&](const ContactRecord& r) { tally.add(r); });
    PsychiatryAggregate result = tally.result(identifiers[0].names, identifiers[1].names);
    result.ref.kind = "psychiatry";
    result.ref.period = month.to_string();
    return result;
}

}  // namespace vardval
