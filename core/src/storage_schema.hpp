#pragma once
// The one table every dataset version's payload lives in (storage_schema.cpp has the schema).
#include <string_view>

namespace soci {
class session;
}

namespace vardval {

// Stores a dataset's payload bytes as base64 text with the encoding they are in.
void insert_payload(soci::session& sql, long long dataset_id, std::string_view bytes);

}  // namespace vardval
