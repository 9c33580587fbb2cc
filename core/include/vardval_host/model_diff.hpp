#pragma once
// What one resolved model changes against another, value by value (`vardval diff`).
#include <optional>
#include <string>
#include <vector>

#include "vardval_host/model.hpp"

namespace vardval {

class PluginHost;

struct ValueChange {
    std::string component;  // a component id, or "(model)" for the model's own payees
    std::string key;        // as ResolvedValue::key, or "(component)" when added or removed
    std::string kind;       // changed, added, removed
    std::optional<std::string> base, proposal;  // absent on the side that does not have it
    std::string unit;                           // "kr" for money
    std::string source;       // file:line that set the proposal's value (a removal: its file)
    std::string base_source;  // file:line that set the base's value
};

// Components in the base's order, then those only the proposal has; numbers compare by
// value (1400 equals 1400.0). Both models as read; their types, when loaded, add defaults.
std::vector<ValueChange> diff_models(const Model& base, const Model& proposal,
                                     const PluginHost& host);

}  // namespace vardval
