#pragma once
// The payees of a region, from regions/<region>/region.yaml.
#include <map>
#include <string>
#include <vector>

namespace vardval {

enum class Ownership { region_run, private_ };
const char* to_string(Ownership o);

struct Unit {
    std::string id;
    std::string name;
    Ownership ownership = Ownership::region_run;
    std::map<std::string, std::string> attributes;  // e.g. catchment population, SÄBO places
};

struct Region {
    std::string id;
    std::string name;
    std::string file;
    std::vector<Unit> units;  // in register order, which is the order of every report

    const Unit* find(const std::string& unit_id) const;
};

}  // namespace vardval
