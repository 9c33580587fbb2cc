#include "illustrative.hpp"

#include <algorithm>

#include "vardval/params.hpp"

namespace vardval {
namespace {

// Every key of a params mapping, nested keys joined by dots ("variables.under5").
void param_keys(const YAML::Node& params, const std::string& prefix,
                std::vector<std::string>& out) {
    for (const auto& kv : params) {
        out.push_back(prefix + kv.first.Scalar());
        if (kv.second.IsMap())
            param_keys(kv.second, prefix + kv.first.Scalar() + ".", out);
    }
}

}  // namespace

std::vector<std::string> read_illustrative(const YAML::Node& node, const YAML::Node& params,
                                           const std::string& file, const std::string& key_path,
                                           std::vector<Issue>& issues) {
    std::vector<std::string> known, keys;
    param_keys(params, "", known);
    if (!node.IsSequence()) {
        issues.push_back(issue_at(node, file, key_path,
                                  "illustrative is a list of the component's parameter keys, "
                                  "e.g. [" +
                                      (known.empty() ? std::string("price") : known.front()) +
                                      "]"));
        return keys;
    }
    for (std::size_t i = 0; i < node.size(); ++i) {
        const std::string key = node[i].IsScalar() ? node[i].Scalar() : "";
        if (std::find(known.begin(), known.end(), key) == known.end())
            issues.push_back(issue_at(node[i], file, key_path + "[" + std::to_string(i) + "]",
                                      "unknown parameter '" + key + "'" + did_you_mean(key, known) +
                                          "; parameters of this component: " + join(known)));
        else
            keys.push_back(key);
    }
    return keys;
}

}  // namespace vardval
