#pragma once
// The names data and models use (professions, contact types, events, measures, the
// psychiatry ones) are declared by the region (region.yaml), each with a description, not
// free text: an import refuses a name the region does not declare, and so does a model.
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "vardval/decimal.hpp"

namespace vardval {

enum class Vocabulary {
    profession,               // primary-care visits: doctor, nurse, ...
    contact_type,             // primary-care visits: visit, phone, ...
    event,                    // events: health_talk_50, sip, assessment_completed, ...
    measure,                  // unit values: continuity_doctor, drug_cost_kr, ...
    psychiatry_contact_type,  // psychiatric contacts: visit, digital, phone, group, ...
    psychiatry_profession,    // psychiatric contacts: doctor, psychologist, ...
    diagnosis_group,          // psychiatric contacts: depression, anxiety, ...
};
inline const std::vector<Vocabulary> kVocabularies = {Vocabulary::profession,
                                                      Vocabulary::contact_type,
                                                      Vocabulary::event,
                                                      Vocabulary::measure,
                                                      Vocabulary::psychiatry_contact_type,
                                                      Vocabulary::psychiatry_profession,
                                                      Vocabulary::diagnosis_group};

// The region.yaml key declaring it, e.g. "professions".
const char* yaml_key(Vocabulary v);
// One of its names in a sentence, e.g. "profession", "psychiatric contact type".
const char* noun(Vocabulary v);

// One declared name. Measures may also state their unit and the range a value must lie in
// (e.g. 0 to 1 for a share, at least 0 for a cost); an import refuses a value outside it.
struct Term {
    std::string description;
    std::string unit;  // e.g. "kr", "share", "weeks"; empty when not stated
    std::optional<Decimal> min;
    std::optional<Decimal> max;
    int line = 0;  // in region.yaml
};
using Terms = std::map<std::string, Term>;  // name → term

// A component needs data no unit reported for the month (a measure, an event, a dataset):
// the run is refused (exit 3) rather than paying zero. The message names the kind, the
// month and what to import.
class DataMissing : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
    ~DataMissing() override;  // defined in the core, so plugins and host share one type
};

}  // namespace vardval
