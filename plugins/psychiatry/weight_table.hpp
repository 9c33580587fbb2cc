#pragma once
// A weight table keyed "a/b", e.g. contact_type/profession or class/diagnosis_group, where
// either side may be "*" for any value. The most specific key wins: "a/b", then "a/*", then
// "*/b", then "*/*". Something no key matches has no weight and is not paid.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "vardval/plugin_api.hpp"

namespace vardval::psychiatry {

// What the two sides of a key are, for the parameter's documentation and messages.
struct WeightKeys {
    std::string first;                      // e.g. "contact_type"
    std::string second;                     // e.g. "profession"
    std::vector<std::string> first_values;  // the values the first side may take; empty: any
    std::string example;                    // e.g. "{visit/doctor: 1.5, \"*/*\": 1}"
    // The region vocabulary each side names (checked against region.yaml by the host);
    // empty for a side the type fixes itself (an episode class).
    std::optional<Vocabulary> first_names;
    std::optional<Vocabulary> second_names;
};

// The map parameter `key` of numbers ≥ 0 keyed "a/b".
ParamSpec weight_table_param(const std::string& key, const WeightKeys& keys,
                             const std::string& doc);
// At least one key; every key "a/b" with both sides non-empty, without spaces, each either a
// value or "*"; the first side among `first_values` when they are given.
void check_weight_table(const Params& p, const std::string& key, const WeightKeys& keys,
                        std::vector<Issue>& issues);

class WeightTable {
  public:
    struct Match {
        std::string key;  // the key that matched, e.g. "visit/*"
        Decimal weight;
    };

    WeightTable() = default;
    // Keys already checked by check_weight_table.
    explicit WeightTable(const std::map<std::string, Decimal>& weights);

    std::optional<Match> find(const std::string& a, const std::string& b) const;

    // "visit/doctor" → {"visit", "doctor"}; nothing when the key is not well formed.
    static std::optional<std::pair<std::string, std::string>> split(const std::string& key);

  private:
    std::map<std::pair<std::string, std::string>, Decimal> weights_;
};

}  // namespace vardval::psychiatry
