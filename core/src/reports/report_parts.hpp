#pragma once
// What the run and compare reports share: the warnings every output starts with, unit
// groups, and the konsekvensanalys of one model against a reference.
#include <optional>
#include <string>
#include <vector>

#include "vardval/money.hpp"
#include "vardval/region.hpp"
#include "vardval_host/report_model.hpp"

namespace vardval::report {

Column column(const std::string& key, const std::string& sv, const std::string& en,
              ColumnKind kind);

// SAMPLE DATA and ILLUSTRATIVE parameters ("component.param"), as the first lines of a report.
std::vector<Text> honesty_warnings(bool sample_data, const std::vector<std::string>& illustrative);

// A unit's group for subtotals: its kind and ownership ("Vårdcentraler, privata").
Text unit_group(const Unit& unit);

// One unit as a model and its reference pay it; empty where one does not pay it.
struct PairRow {
    const Unit* unit = nullptr;
    std::int64_t listed = 0;
    std::optional<Ore> reference, model;
    Ore diff() const { return model.value_or(0) - reference.value_or(0); }
};
struct PairComponent {
    std::string label;
    Ore reference = 0, model = 0;
};
struct Pair {
    std::string key;  // "" for a pairwise compare, the model's name side by side
    Text title;       // "today → carve-out"
    Text reference_name, model_name;
    std::vector<PairRow> rows;  // in register order
    std::vector<PairComponent> components;
};

// The units table (sorted by difference, largest gain first, with kr per listed), the
// subtotals by unit group, the components, and a bar chart of the differences (kr and %).
void add_pair(Report& report, const Pair& pair, Lang lang);

// "Summa (25 enheter)", "Total (25 units)".
std::string units_total(std::size_t units, Lang lang);

}  // namespace vardval::report
