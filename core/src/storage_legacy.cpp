#include "storage_legacy.hpp"

#include <soci/soci.h>

#include "kinds/codecs.hpp"
#include "vardval_host/storage.hpp"

namespace vardval {
namespace {

ListingAggregate listing(soci::session& sql, long long id) {
    ListingAggregate listing;
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT unit, age, sex, persons FROM listing_persons "
                            "WHERE dataset_id = :d",
             soci::use(id));
        for (const soci::row& r : rows) {
            const int sex = r.get<std::string>(2) == "F" ? 0 : 1;
            const int age = r.get<int>(1);
            if (age < 0 || age > kMaxAge)
                throw StorageError("listing_persons of dataset " + std::to_string(id) +
                                   " holds age " + std::to_string(age));
            listing.units[r.get<std::string>(0)].persons[sex][age] = r.get<long long>(3);
        }
    }
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT unit, variable, persons FROM listing_cni WHERE dataset_id = :d",
             soci::use(id));
        for (const soci::row& r : rows)
            listing.units[r.get<std::string>(0)].cni[r.get<std::string>(1)] = r.get<long long>(2);
    }
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT unit, decikm, persons FROM listing_distance WHERE dataset_id = :d",
         soci::use(id));
    for (const soci::row& r : rows)
        listing.units[r.get<std::string>(0)].distance_decikm.add(r.get<int>(1),
                                                                 r.get<long long>(2));
    return listing;
}

VisitAggregate visits(soci::session& sql, long long id) {
    VisitAggregate visits;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT unit, age, sex, profession, contact_type, fee_charged, "
                        "listed_unit, visits FROM visit_counts WHERE dataset_id = :d",
         soci::use(id));
    for (const soci::row& r : rows)
        visits.counts.push_back({r.get<std::string>(0), r.get<int>(1),
                                 r.get<std::string>(2) == "F" ? Sex::female : Sex::male,
                                 r.get<std::string>(3), r.get<std::string>(4), r.get<long long>(7),
                                 r.get<int>(5) != 0, r.get<std::string>(6)});
    return visits;
}

UnitValues unit_values(soci::session& sql, long long id) {
    UnitValues values;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT unit, measure, value FROM unit_values WHERE dataset_id = :d",
         soci::use(id));
    for (const soci::row& r : rows) {
        const auto value = Decimal::parse(r.get<std::string>(2));
        if (!value)
            throw StorageError("unit_values of dataset " + std::to_string(id) + " holds '" +
                               r.get<std::string>(2) + "', not a decimal");
        values.values[r.get<std::string>(0)][r.get<std::string>(1)] = *value;
    }
    return values;
}

EventAggregate events(soci::session& sql, long long id) {
    EventAggregate events;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT unit, event, age, per_person, persons FROM event_counts "
                        "WHERE dataset_id = :d",
         soci::use(id));
    for (const soci::row& r : rows)
        events.counts.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<int>(2),
                                 r.get<long long>(3), r.get<long long>(4)});
    return events;
}

Period period(const std::string& text, long long id) {
    const auto p = Period::parse(text);
    if (!p)
        throw StorageError("psychiatry dataset " + std::to_string(id) + " holds month '" + text +
                           "', not YYYY-MM");
    return *p;
}

PsychiatryAggregate psychiatry(soci::session& sql, long long id) {
    PsychiatryAggregate psychiatry;
    sql << "SELECT episode_gap_days FROM psychiatry_datasets WHERE dataset_id = :d",
        soci::into(psychiatry.episode_gap_days), soci::use(id);
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT unit, month, contact_type, profession, diagnosis_group, "
                            "contacts FROM psychiatry_contacts WHERE dataset_id = :d",
             soci::use(id));
        for (const soci::row& r : rows)
            psychiatry.contacts.push_back({r.get<std::string>(0), period(r.get<std::string>(1), id),
                                           r.get<std::string>(2), r.get<std::string>(3),
                                           r.get<std::string>(4), r.get<long long>(5)});
    }
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT unit, diagnosis_group, contacts, opened, closed, score_change, "
                        "episodes FROM psychiatry_episodes WHERE dataset_id = :d",
         soci::use(id));
    for (const soci::row& r : rows) {
        EpisodeCount e{r.get<std::string>(0), r.get<std::string>(1),
                       r.get<long long>(2),   period(r.get<std::string>(3), id),
                       std::nullopt,          std::nullopt,
                       r.get<long long>(6)};
        if (r.get_indicator(4) == soci::i_ok)
            e.closed = period(r.get<std::string>(4), id);
        if (r.get_indicator(5) == soci::i_ok)
            e.score_change = r.get<int>(5);
        psychiatry.episodes.push_back(std::move(e));
    }
    return psychiatry;
}

std::string payload(soci::session& sql, long long id, const std::string& kind) {
    if (kind == "listing")
        return encode_payload(listing(sql, id));
    if (kind == "visits")
        return encode_payload(visits(sql, id));
    if (kind == "unit-values" || kind == "acg")
        return encode_payload(unit_values(sql, id));
    if (kind == "events")
        return encode_payload(events(sql, id));
    if (kind == "psychiatry")
        return encode_payload(psychiatry(sql, id));
    throw StorageError("dataset " + std::to_string(id) + " is of kind '" + kind +
                       "', unknown to this vardval: cannot convert it");
}

}  // namespace

void convert_legacy_datasets(soci::session& sql,
                             const std::function<void(long long, const std::string&)>& store) {
    std::vector<std::pair<long long, std::string>> datasets;
    {
        soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, kind FROM datasets ORDER BY id");
        for (const soci::row& r : rows)
            datasets.emplace_back(r.get<long long>(0), r.get<std::string>(1));
    }
    for (const auto& [id, kind] : datasets)
        store(id, payload(sql, id, kind));
    for (const char* table :
         {"listing_persons", "listing_cni", "listing_distance", "visit_counts", "unit_values",
          "event_counts", "psychiatry_datasets", "psychiatry_contacts", "psychiatry_episodes"})
        sql << std::string("DROP TABLE IF EXISTS ") + table;
}

}  // namespace vardval
