#pragma once
// Import of person-level CSV extracts into per-unit aggregates. Persons are streamed and
// counted, never kept. Every row is used or rejected with file, line and reason; the
// caller stores the aggregate only if there were no rejects (or rejects were allowed).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "vardval/aggregates.hpp"
#include "vardval/region.hpp"
#include "vardval_host/csv.hpp"
#include "vardval_host/import_error.hpp"

namespace vardval {

struct Reject {
    std::int64_t line = 0;
    std::string reason;
};

struct ImportReport {
    std::string file;
    std::int64_t rows_read = 0;
    std::int64_t rows_used = 0;
    std::int64_t rows_rejected = 0;
    std::vector<Reject> first_rejects;                    // the first 100, for the terminal
    std::map<std::string, std::int64_t> rejects_by_kind;  // "unknown unit" → 12
    CsvFormat format;  // separator, decimal mark, encoding, byte order mark found

    void reject(std::int64_t line, const std::string& kind, const std::string& detail);
    std::ostream* rejects_out = nullptr;  // every reject as CSV (file,line,reason), if set
};

// Called now and then with bytes read so far; the CLI draws a progress line from it.
using ProgressFn = std::function<void(std::uint64_t bytes, std::int64_t rows)>;

// How a large file is read: in chunks of about `chunk_bytes`, on `workers` threads (0: one
// per core, at most 8), persons checked for duplicates with a filter of `duplicate_filter_bytes`
// (its false alarms are confirmed or cleared by a second look). The result is the same whatever
// they are; tests cut a small file into many chunks, or make the filter tiny, to show it.
struct ChunkedRead {
    std::size_t chunk_bytes = std::size_t{8} << 20;
    std::size_t workers = 0;
    std::size_t duplicate_filter_bytes = std::size_t{16} << 20;
};

// Listing: one row per listed person. Columns: person_id, unit, birth_date (YYYY-MM-DD) or
// birth_year, sex (F/M, K accepted for kvinna), distance_km, and any number of cni_<name>
// flags (0/1). Ages are completed years on the first day of `month`; with birth_year only,
// the age reached during that year. A person given twice is rejected after the first row.
ListingAggregate aggregate_listing(std::istream& in, const std::string& file, const Region& region,
                                   Period month, ImportReport& report,
                                   const ProgressFn& progress = {}, ChunkedRead read = {});
// The same from a file, read in chunks on every core (the national listing is ten million
// rows); memory depends on the number of units, not of persons. With `sha256`, one worker
// meanwhile computes the SHA-256 of exactly the bytes read.
ListingAggregate aggregate_listing_file(const std::filesystem::path& file, const Region& region,
                                        Period month, ImportReport& report,
                                        const ProgressFn& progress = {},
                                        std::string* sha256 = nullptr);

// Visits in a period: person_id, unit, visit_date, birth_date or birth_year, sex,
// profession, contact_type, and optionally fee_charged (1/0, default 1) and listed_unit (the
// unit the patient is listed at; empty when not listed in the region). A visit outside
// `range` is rejected.
VisitAggregate aggregate_visits(std::istream& in, const std::string& file, const Region& region,
                                PeriodRange range, ImportReport& report,
                                const ProgressFn& progress = {});

// Per-unit values for a month: unit, measure, value (a number with at most six decimals).
// A unit may give each measure once.
UnitValues aggregate_unit_values(std::istream& in, const std::string& file, const Region& region,
                                 Period month, ImportReport& report);

// Events in a month: person_id, unit, event_date, event (e.g. health_talk_50, sip), and
// birth_date or birth_year. Events are counted per person, unit and event in memory while
// the file is read (a month's events are thousands of rows); only the histogram is kept.
EventAggregate aggregate_events(std::istream& in, const std::string& file, const Region& region,
                                Period month, ImportReport& report);

// ACG weights for a month's listed: person_id, unit, acg_weight (0 to 100, at most six
// decimals), summed per unit. A person given twice is rejected like a double listing.
UnitValues aggregate_acg(std::istream& in, const std::string& file, const Region& region,
                         Period month, ImportReport& report, const ProgressFn& progress = {});

// Psychiatric contacts up to the end of `month` (earlier months are the history episodes are
// built from): person_id, unit, contact_date, contact_type, profession, diagnosis_group
// (lowercase identifiers: a-z, 0-9, _ and -), and optionally score (a patient-reported
// outcome, a whole number 0-100; empty when not measured). A contact after `month` is
// rejected, and so is a contact given twice (same person, unit, date, contact type and
// profession). Contacts are counted per unit, month, contact type, profession and diagnosis
// group. Rows may come in any order: they are sorted by a hash of the person (spilled to
// temporary files beyond a sort buffer, see psychiatry_import.cpp), then each person's
// contacts at a unit are cut into episodes by the region's gap (see episodes.hpp) and counted
// as a histogram.
// SCB's per-unit CNI delivery for a month, as exported to CSV from SCB's Excel file: unit,
// listed, and one cni_<variable> column per variable holding the share of the unit's listed
// with it, in percent (0 to 100, any number of decimals, kept exact). One row per unit.
CniDelivery aggregate_cni(std::istream& in, const std::string& file, const Region& region,
                          Period month, ImportReport& report);

PsychiatryAggregate aggregate_psychiatry(std::istream& in, const std::string& file,
                                         const Region& region, Period month, ImportReport& report,
                                         const ProgressFn& progress = {});

}  // namespace vardval
