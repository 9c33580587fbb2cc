#include "vardval_host/datasets.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <tuple>

#include <spdlog/spdlog.h>

#include "vardval_host/provenance.hpp"

namespace vardval {
namespace {

// With every row rejected there is nothing to store, even with rejects allowed: an empty
// dataset would hide the month's earlier version.
bool store_allowed(const ImportReport& report, const ImportRequest& request) {
    return report.rows_rejected == 0 || (request.allow_rejects && report.rows_used > 0);
}

// What the previous unit-values version has that the new file does not: kept with --merge,
// else named, so a measure is never dropped unnoticed.
void compare_with_previous(Database& db, const std::string& region, UnitValues& values, bool merge,
                           ImportOutcome& outcome) {
    auto previous = db.load_unit_values(region, values.ref.kind, *Period::parse(values.ref.period));
    if (!previous)
        return;
    outcome.previous = previous->ref;
    std::set<std::string> dropped;
    for (const auto& [unit, by_measure] : previous->values)
        for (const auto& [measure, value] : by_measure) {
            auto& now = values.values[unit];
            if (now.count(measure) != 0)
                continue;
            if (merge) {
                now.emplace(measure, value);
                ++outcome.merged_values;
            } else {
                dropped.insert(measure);
            }
        }
    // A unit the new file does not name at all should not appear as an empty entry.
    for (auto it = values.values.begin(); it != values.values.end();)
        it = it->second.empty() ? values.values.erase(it) : std::next(it);
    for (const std::string& measure : dropped) {
        bool still_given = false;
        for (const auto& [unit, by_measure] : values.values)
            still_given = still_given || by_measure.count(measure) != 0;
        if (!still_given)
            outcome.dropped_measures.push_back(measure);
    }
}

}  // namespace

ImportOutcome import_dataset(Database& db, const Region& region, const ImportRequest& request) {
    ImportOutcome outcome;
    outcome.report.rejects_out = request.rejects_out;
    const std::string file = request.file.string();
    if (request.kind == "listing") {
        auto month = Period::parse(request.period);
        if (!month)
            throw ImportError("a listing's period is a month, YYYY-MM; got '" + request.period +
                              "'");
        DatasetOrigin origin{"", request.sample};
        ListingAggregate listing = aggregate_listing_file(
            request.file, region, *month, outcome.report, request.progress, &origin.source_sha256);
        if (store_allowed(outcome.report, request))
            outcome.stored = db.store_listing(region.id, listing, outcome.report, origin);
        return outcome;
    }
    // The other kinds are read as a stream (the listing maps its file itself).
    std::ifstream in(request.file);
    if (!in)
        throw ImportError("cannot open " + request.file.string());
    const DatasetOrigin origin{sha256_file(request.file), request.sample};
    if (request.kind == "visits") {
        auto range = PeriodRange::parse(request.period);
        if (!range)
            throw ImportError(
                "a visits period is a month, YYYY-MM, or a month range, "
                "YYYY-MM..YYYY-MM; got '" +
                request.period + "'");
        VisitAggregate visits =
            aggregate_visits(in, file, region, *range, outcome.report, request.progress);
        if (store_allowed(outcome.report, request))
            outcome.stored = db.store_visits(region.id, visits, outcome.report, origin);
    } else {
        // The other kinds are per month.
        auto month = Period::parse(request.period);
        if (!month && is_dataset_kind(request.kind))
            throw ImportError(request.kind + " are for a month, YYYY-MM; got '" + request.period +
                              "'");
        if (request.kind == "unit-values") {
            UnitValues values = aggregate_unit_values(in, file, region, *month, outcome.report);
            if (store_allowed(outcome.report, request)) {
                compare_with_previous(db, region.id, values, request.merge, outcome);
                outcome.stored = db.store_unit_values(region.id, values, outcome.report, origin);
            }
        } else if (request.kind == "acg") {
            UnitValues points =
                aggregate_acg(in, file, region, *month, outcome.report, request.progress);
            if (store_allowed(outcome.report, request))
                outcome.stored = db.store_unit_values(region.id, points, outcome.report, origin);
        } else if (request.kind == "events") {
            EventAggregate events = aggregate_events(in, file, region, *month, outcome.report);
            if (store_allowed(outcome.report, request))
                outcome.stored = db.store_events(region.id, events, outcome.report, origin);
        } else if (request.kind == "cni") {
            CniDelivery cni = aggregate_cni(in, file, region, *month, outcome.report);
            if (store_allowed(outcome.report, request))
                outcome.stored = db.store_cni(region.id, cni, outcome.report, origin);
        } else if (request.kind == "psychiatry") {
            PsychiatryAggregate psychiatry =
                aggregate_psychiatry(in, file, region, *month, outcome.report, request.progress);
            if (store_allowed(outcome.report, request))
                outcome.stored = db.store_psychiatry(region.id, psychiatry, outcome.report, origin);
        } else {
            throw ImportError("unknown dataset kind '" + request.kind +
                              "'; valid kinds: " + join(kDatasetKinds));
        }
    }
    return outcome;
}

bool is_dataset_kind(const std::string& kind) {
    return std::find(kDatasetKinds.begin(), kDatasetKinds.end(), kind) != kDatasetKinds.end();
}

std::pair<std::pair<std::string, std::string>, int> parse_pin(const std::string& text) {
    const std::size_t colon = text.find(':'), at = text.rfind('@');
    const auto invalid = [&] {
        return std::invalid_argument(
            "--dataset must be KIND:PERIOD@VERSION, e.g. "
            "listing:2020-02@1 (kinds: " +
            join(kDatasetKinds) + "); got '" + text + "'");
    };
    if (colon == std::string::npos || at == std::string::npos || at < colon)
        throw invalid();
    const std::string kind = text.substr(0, colon), period = text.substr(colon + 1, at - colon - 1),
                      version = text.substr(at + 1);
    if (!is_dataset_kind(kind) || period.empty() || version.empty() ||
        version.find_first_not_of("0123456789") != std::string::npos || version.size() > 9)
        throw invalid();
    return {{kind, period}, std::stoi(version)};
}

DatabaseDataSource::DatabaseDataSource(Database& db, const Region& region,
                                       std::filesystem::path sample_dir, DatasetPins pins,
                                       bool import_samples)
    : db_(db),
      region_(region),
      sample_dir_(std::move(sample_dir)),
      pins_(std::move(pins)),
      import_samples_(import_samples) {}

bool DatabaseDataSource::import_sample(const std::string& kind, const std::string& period) {
    const std::filesystem::path file = sample_dir_ / (kind + "-" + period + ".csv");
    if (!import_samples_ || !std::filesystem::exists(file))
        return false;
    spdlog::warn("no {} {} for {} in the database: importing the shipped synthetic sample {}", kind,
                 period, region_.id, file.string());
    ImportRequest request;
    request.kind = kind;
    request.period = period;
    request.file = file;
    request.sample = true;
    ImportOutcome outcome = import_dataset(db_, region_, request);
    if (!outcome.stored)
        throw DataMissing("the shipped sample " + file.string() + " has " +
                          std::to_string(outcome.report.rows_rejected) +
                          " rejected rows; nothing imported");
    return true;
}

// A pinned version, else the latest not retracted, else (asked to) the shipped sample;
// the same for every kind.
template <typename Key, typename Aggregate, typename Load>
const Aggregate& DatabaseDataSource::fetch(std::map<Key, Aggregate>& cache, const Key& key,
                                           const std::string& kind, Load load) {
    if (auto it = cache.find(key); it != cache.end())
        return it->second;
    const std::string period = key.to_string();
    std::optional<int> pinned;
    if (auto pin = pins_.find({kind, period}); pin != pins_.end())
        pinned = pin->second;
    std::optional<Aggregate> loaded = load(pinned);
    if (!loaded && pinned)
        throw DataMissing("there is no " + kind + " " + period + " v" + std::to_string(*pinned) +
                          " for " + region_.id + " (see `vardval datasets --region " + region_.id +
                          " --kind " + kind + "`)");
    if (!loaded && import_sample(kind, period))
        loaded = load(pinned);
    if (!loaded) {
        const bool sample = std::filesystem::exists(sample_dir_ / (kind + "-" + period + ".csv"));
        throw DataMissing("no " + kind + " for " + region_.id + " " + period +
                          " in the database; import it with `vardval import --region " +
                          region_.id + " --kind " + kind + " --period " + period + " FILE`" +
                          (sample ? " (or pass --sample to use the shipped synthetic sample, "
                                    "never for payment)"
                                  : ""));
    }
    if (auto info = db_.find_dataset(region_.id, kind, period, loaded->ref.version);
        info && info->origin.sample)
        served_sample_ = true;
    return cache.emplace(key, std::move(*loaded)).first->second;
}

const ListingAggregate& DatabaseDataSource::listing(Period month) {
    return fetch(listings_, month, "listing",
                 [&](std::optional<int> v) { return db_.load_listing(region_.id, month, v); });
}

const VisitAggregate& DatabaseDataSource::visits(PeriodRange range) {
    return fetch(visits_, range, "visits",
                 [&](std::optional<int> v) { return db_.load_visits(region_.id, range, v); });
}

const UnitValues& DatabaseDataSource::unit_values(Period month) {
    return fetch(unit_values_, month, "unit-values", [&](std::optional<int> v) {
        return db_.load_unit_values(region_.id, "unit-values", month, v);
    });
}

const EventAggregate& DatabaseDataSource::events(Period month) {
    return fetch(events_, month, "events",
                 [&](std::optional<int> v) { return db_.load_events(region_.id, month, v); });
}

const PsychiatryAggregate& DatabaseDataSource::psychiatry(Period month) {
    const bool cached = psychiatry_.count(month) != 0;
    const PsychiatryAggregate& psychiatry =
        fetch(psychiatry_, month, "psychiatry",
              [&](std::optional<int> v) { return db_.load_psychiatry(region_.id, month, v); });
    // Episodes are built on import: a dataset from before the region changed its rule keeps
    // the old rule until it is imported again.
    if (!cached && psychiatry.episode_gap_days != region_.episode_gap_days)
        spdlog::warn(
            "{} for {} has episodes built with a gap of {} days, but {} now says {}; "
            "import it again to apply the new rule",
            psychiatry.ref.to_string(), region_.id, psychiatry.episode_gap_days, region_.file,
            region_.episode_gap_days);
    return psychiatry;
}

const UnitValues& DatabaseDataSource::acg(Period month) {
    return fetch(acg_, month, "acg", [&](std::optional<int> v) {
        return db_.load_unit_values(region_.id, "acg", month, v);
    });
}

const CniDelivery& DatabaseDataSource::cni(Period month) {
    return fetch(cni_, month, "cni",
                 [&](std::optional<int> v) { return db_.load_cni(region_.id, month, v); });
}

std::vector<DatasetRef> DatabaseDataSource::used() const {
    std::vector<DatasetRef> out;
    for (const auto& [p, l] : listings_)
        out.push_back(l.ref);
    for (const auto& [r, v] : visits_)
        out.push_back(v.ref);
    for (const auto& [m, v] : unit_values_)
        out.push_back(v.ref);
    for (const auto& [m, e] : events_)
        out.push_back(e.ref);
    for (const auto& [m, a] : acg_)
        out.push_back(a.ref);
    for (const auto& [m, p] : psychiatry_)
        out.push_back(p.ref);
    for (const auto& [m, c] : cni_)
        out.push_back(c.ref);
    // In the order the run record stores them (by kind, then period), so a run and its
    // record rendered from the database list the same datasets the same way.
    std::sort(out.begin(), out.end(), [](const DatasetRef& a, const DatasetRef& b) {
        return std::tie(a.kind, a.period) < std::tie(b.kind, b.period);
    });
    return out;
}

}  // namespace vardval
