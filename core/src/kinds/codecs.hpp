#pragma once
// Each dataset kind's stored form: its aggregate encoded as one payload (payload.hpp) and
// decoded back, one file per kind. Encoding puts rows in a fixed order, so a dataset loads
// the same on every database; decoding validates (PayloadError on anything that does not
// make an aggregate of the kind). `ref` is not part of a payload: the datasets row has it.
#include <string>
#include <string_view>

#include "vardval/aggregates.hpp"

namespace vardval {

std::string encode_payload(const ListingAggregate& listing);
void decode_payload(std::string_view bytes, ListingAggregate& listing);

std::string encode_payload(const VisitAggregate& visits);
void decode_payload(std::string_view bytes, VisitAggregate& visits);

// unit-values and acg.
std::string encode_payload(const UnitValues& values);
void decode_payload(std::string_view bytes, UnitValues& values);

std::string encode_payload(const EventAggregate& events);
void decode_payload(std::string_view bytes, EventAggregate& events);

std::string encode_payload(const PsychiatryAggregate& psychiatry);
void decode_payload(std::string_view bytes, PsychiatryAggregate& psychiatry);

std::string encode_payload(const CniDelivery& cni);
void decode_payload(std::string_view bytes, CniDelivery& cni);

}  // namespace vardval
