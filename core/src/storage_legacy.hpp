#pragma once
// Up to schema 4 each dataset was rows in per-kind tables (listing_persons, visit_counts, ...).
// Migration 5 reads them once, here and nowhere else, so every dataset becomes one payload,
// and drops the tables.
#include <functional>
#include <string>

namespace soci {
class session;
}

namespace vardval {

// Calls `store(dataset id, payload bytes)` for every dataset in the per-kind tables, then
// drops those tables. StorageError on a dataset of a kind it does not know.
void convert_legacy_datasets(soci::session& sql,
                             const std::function<void(long long, const std::string&)>& store);

}  // namespace vardval
