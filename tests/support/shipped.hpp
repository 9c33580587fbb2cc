#pragma once
// What tests of the shipped product share: the built plugins (loaded once per test binary),
// the shipped regions folder, and validation issues as one text for a failure message.
#include <string>
#include <vector>

#include "vardval/issue.hpp"
#include "vardval_host/plugin_host.hpp"

namespace vardval::test {

inline PluginHost& host() {
    static PluginHost h;
    static bool loaded = [] {
        h.load_directory(VARDVAL_PLUGIN_DIR);
        return true;
    }();
    (void)loaded;
    return h;
}

inline const std::string kRegions = std::string(VARDVAL_SOURCE_DIR) + "/regions/";

inline std::string issues_text(const std::vector<Issue>& issues) {
    std::string s;
    for (const Issue& i : issues)
        s += i.to_string() + "\n";
    return s;
}

}  // namespace vardval::test
