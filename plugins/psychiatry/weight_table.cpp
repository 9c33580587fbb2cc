#include "weight_table.hpp"

#include <algorithm>

namespace vardval::psychiatry {
namespace {

constexpr const char* kAny = "*";

bool well_formed_side(const std::string& side) {
    if (side.empty() || side.find_first_of(" \t") != std::string::npos)
        return false;
    // "*" stands for a whole side only: "vis*" would silently match nothing.
    return side == kAny || side.find('*') == std::string::npos;
}

}  // namespace

ParamSpec weight_table_param(const std::string& key, const WeightKeys& keys,
                             const std::string& doc) {
    return param::map(key, param::number("weight").at_least(0))
        .require()
        .naming_pair(keys.first_names, keys.second_names, true)
        .describe(doc + "; keys " + keys.first + "/" + keys.second +
                  ", either side may be * (most specific wins: a/b, a/*, */b, */*; quote a key "
                  "that starts with *), e.g. " +
                  keys.example);
}

void check_weight_table(const Params& p, const std::string& key, const WeightKeys& keys,
                        std::vector<Issue>& issues) {
    const std::map<std::string, Decimal> weights = p.numbers(key);
    if (weights.empty())
        issues.push_back(p.issue(key, key + " needs at least one " + keys.first + "/" +
                                          keys.second + " key, e.g. " + keys.example));
    for (const auto& [text, weight] : weights) {
        const auto sides = WeightTable::split(text);
        if (!sides) {
            issues.push_back(
                p.issue(key, "'" + text + "' is not " + keys.first + "/" + keys.second +
                                 " (two names without spaces joined by one /, either of them * for "
                                 "any), e.g. " +
                                 keys.example));
            continue;
        }
        const auto& allowed = keys.first_values;
        if (!allowed.empty() && sides->first != kAny &&
            std::find(allowed.begin(), allowed.end(), sides->first) == allowed.end())
            issues.push_back(p.issue(key, "'" + text + "': " + keys.first + " '" + sides->first +
                                              "' is not one of " + join(allowed) + " or *" +
                                              did_you_mean(sides->first, allowed)));
    }
}

WeightTable::WeightTable(const std::map<std::string, Decimal>& weights) {
    for (const auto& [key, weight] : weights)
        weights_[*split(key)] = weight;
}

std::optional<WeightTable::Match> WeightTable::find(const std::string& a,
                                                    const std::string& b) const {
    for (const auto& [first, second] :
         {std::pair<std::string, std::string>{a, b}, {a, kAny}, {kAny, b}, {kAny, kAny}}) {
        auto it = weights_.find({first, second});
        if (it != weights_.end())
            return Match{first + "/" + second, it->second};
    }
    return std::nullopt;
}

std::optional<std::pair<std::string, std::string>> WeightTable::split(const std::string& key) {
    const std::size_t slash = key.find('/');
    if (slash == std::string::npos || key.find('/', slash + 1) != std::string::npos)
        return std::nullopt;
    std::pair<std::string, std::string> sides{key.substr(0, slash), key.substr(slash + 1)};
    if (!well_formed_side(sides.first) || !well_formed_side(sides.second))
        return std::nullopt;
    return sides;
}

}  // namespace vardval::psychiatry
