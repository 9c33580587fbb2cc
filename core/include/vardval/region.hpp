#pragma once
// The payees of a region, from regions/<region>/region.yaml.
#include <map>
#include <string>
#include <vector>

#include "vardval/vocabulary.hpp"

namespace vardval {

enum class Ownership { region_run, private_ };
const char* to_string(Ownership o);

// What a payee is. A model names the kinds it pays (`payees:`), so one region file can hold
// primary-care units and psychiatric clinics and each model sees only the units it pays.
inline const std::vector<std::string> kUnitKinds = {
    "vardcentral",          // primary-care unit (vårdcentral) in the region's vårdval
    "psychiatry-clinic",    // specialised psychiatry outpatient clinic
    "psychiatry-provider",  // a provider in a (hypothetical) psychiatry vårdval
};

struct Unit {
    std::string id;
    std::string name;
    Ownership ownership = Ownership::region_run;
    std::string kind = "vardcentral";               // one of kUnitKinds
    std::map<std::string, std::string> attributes;  // e.g. catchment population, SÄBO places
};

struct Region {
    std::string id;
    std::string name;
    std::string file;
    std::vector<Unit> units;  // in register order, which is the order of every report
    // Psychiatric episodes: a contact more than this many days after the person's previous
    // contact at the unit starts a new episode (a contact exactly this many days after
    // continues it). Applied when contacts are imported, since persons are not kept.
    int episode_gap_days = 90;
    // The names its data and models may use, by vocabulary; a vocabulary absent here is not
    // declared, and data or a model that needs it is refused.
    std::map<Vocabulary, Terms> vocabularies;

    const Unit* find(const std::string& unit_id) const;
    // The declared names of a vocabulary, or nullptr when region.yaml does not declare it.
    const Terms* vocabulary(Vocabulary v) const;
};

}  // namespace vardval
