#include "vardval_host/datasets.hpp"

#include <algorithm>
#include <fstream>

#include <spdlog/spdlog.h>

namespace vardval {
namespace {

// With every row rejected there is nothing to store, even with rejects allowed: an empty
// dataset would hide the month's earlier version.
bool store_allowed(const ImportReport& report, const ImportRequest& request) {
    return report.rows_rejected == 0 || (request.allow_rejects && report.rows_used > 0);
}

}  // namespace

ImportOutcome import_dataset(Database& db, const Region& region, const ImportRequest& request) {
    std::ifstream in(request.file);
    if (!in)
        throw ImportError("cannot open " + request.file.string());
    ImportOutcome outcome;
    outcome.report.rejects_out = request.rejects_out;
    const std::string file = request.file.string();
    if (request.kind == "listing") {
        auto month = Period::parse(request.period);
        if (!month)
            throw ImportError("a listing's period is a month, YYYY-MM; got '" + request.period +
                              "'");
        ListingAggregate listing =
            aggregate_listing(in, file, region, *month, outcome.report, request.progress);
        if (store_allowed(outcome.report, request))
            outcome.stored = db.store_listing(region.id, listing, outcome.report);
    } else if (request.kind == "visits") {
        auto range = PeriodRange::parse(request.period);
        if (!range)
            throw ImportError(
                "a visits period is a month, YYYY-MM, or a month range, "
                "YYYY-MM..YYYY-MM; got '" +
                request.period + "'");
        VisitAggregate visits =
            aggregate_visits(in, file, region, *range, outcome.report, request.progress);
        if (store_allowed(outcome.report, request))
            outcome.stored = db.store_visits(region.id, visits, outcome.report);
    } else {
        // The other kinds are per month.
        auto month = Period::parse(request.period);
        if (!month && is_dataset_kind(request.kind))
            throw ImportError(request.kind + " are for a month, YYYY-MM; got '" + request.period +
                              "'");
        if (request.kind == "unit-values") {
            UnitValues values = aggregate_unit_values(in, file, region, *month, outcome.report);
            if (store_allowed(outcome.report, request))
                outcome.stored = db.store_unit_values(region.id, values, outcome.report);
        } else if (request.kind == "acg") {
            UnitValues points =
                aggregate_acg(in, file, region, *month, outcome.report, request.progress);
            if (store_allowed(outcome.report, request))
                outcome.stored = db.store_unit_values(region.id, points, outcome.report);
        } else if (request.kind == "events") {
            EventAggregate events = aggregate_events(in, file, region, *month, outcome.report);
            if (store_allowed(outcome.report, request))
                outcome.stored = db.store_events(region.id, events, outcome.report);
        } else if (request.kind == "psychiatry") {
            PsychiatryAggregate psychiatry =
                aggregate_psychiatry(in, file, region, *month, outcome.report, request.progress);
            if (store_allowed(outcome.report, request))
                outcome.stored = db.store_psychiatry(region.id, psychiatry, outcome.report);
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

DatabaseDataSource::DatabaseDataSource(Database& db, const Region& region,
                                       std::filesystem::path sample_dir)
    : db_(db), region_(region), sample_dir_(std::move(sample_dir)) {}

bool DatabaseDataSource::import_sample(const std::string& kind, const std::string& period) {
    const std::filesystem::path file = sample_dir_ / (kind + "-" + period + ".csv");
    if (!std::filesystem::exists(file))
        return false;
    spdlog::info("no {} {} for {} in the database: importing the shipped sample {}", kind, period,
                 region_.id, file.string());
    ImportOutcome outcome =
        import_dataset(db_, region_, ImportRequest{kind, period, file, false, nullptr, {}});
    if (!outcome.stored)
        throw DataMissing("the shipped sample " + file.string() + " has " +
                          std::to_string(outcome.report.rows_rejected) +
                          " rejected rows; nothing imported");
    return true;
}

// From the cache, else the database, else the shipped sample; the same for every kind.
template <typename Key, typename Aggregate, typename Load>
const Aggregate& DatabaseDataSource::fetch(std::map<Key, Aggregate>& cache, const Key& key,
                                           const std::string& kind, Load load) {
    if (auto it = cache.find(key); it != cache.end())
        return it->second;
    const std::string period = key.to_string();
    std::optional<Aggregate> loaded = load();
    if (!loaded && import_sample(kind, period))
        loaded = load();
    if (!loaded)
        throw DataMissing("no " + kind + " for " + region_.id + " " + period +
                          " in the database and no shipped sample for it; import it with `vardval "
                          "import --region " +
                          region_.id + " --kind " + kind + " --period " + period + " FILE`");
    return cache.emplace(key, std::move(*loaded)).first->second;
}

const ListingAggregate& DatabaseDataSource::listing(Period month) {
    return fetch(listings_, month, "listing", [&] { return db_.load_listing(region_.id, month); });
}

const VisitAggregate& DatabaseDataSource::visits(PeriodRange range) {
    return fetch(visits_, range, "visits", [&] { return db_.load_visits(region_.id, range); });
}

const UnitValues& DatabaseDataSource::unit_values(Period month) {
    return fetch(unit_values_, month, "unit-values",
                 [&] { return db_.load_unit_values(region_.id, "unit-values", month); });
}

const EventAggregate& DatabaseDataSource::events(Period month) {
    return fetch(events_, month, "events", [&] { return db_.load_events(region_.id, month); });
}

const PsychiatryAggregate& DatabaseDataSource::psychiatry(Period month) {
    const bool cached = psychiatry_.count(month) != 0;
    const PsychiatryAggregate& psychiatry = fetch(
        psychiatry_, month, "psychiatry", [&] { return db_.load_psychiatry(region_.id, month); });
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
    return fetch(acg_, month, "acg",
                 [&] { return db_.load_unit_values(region_.id, "acg", month); });
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
    return out;
}

}  // namespace vardval
