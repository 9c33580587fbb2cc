#pragma once
// What each unit gains or loses under a proposal (konsekvensanalys): two runs of the same
// region and month, side by side, in total and per component.
#include <ostream>
#include <string>
#include <vector>

#include "vardval_host/engine.hpp"
#include "vardval_host/report.hpp"

namespace vardval {

struct ComponentDiff {
    std::string component;
    Ore base_ore = 0;
    Ore proposal_ore = 0;
    Ore diff_ore() const { return proposal_ore - base_ore; }
};

struct UnitDiff {
    const Unit* unit = nullptr;
    std::int64_t listed = 0;
    Ore base_ore = 0;
    Ore proposal_ore = 0;
    std::vector<ComponentDiff> components;  // every component of either model
    Ore diff_ore() const { return proposal_ore - base_ore; }
};

struct Comparison {
    const RunResult* base = nullptr;
    const RunResult* proposal = nullptr;
    std::vector<ComponentDiff> components;  // region totals per component
    std::vector<UnitDiff> units;            // in register order
    Ore total_base_ore = 0;
    Ore total_proposal_ore = 0;
};

// Throws std::invalid_argument unless both runs are for the same region and month.
Comparison compare_runs(const RunResult& base, const RunResult& proposal);
void write_comparison(std::ostream& out, const Comparison& c, Format format);

}  // namespace vardval
