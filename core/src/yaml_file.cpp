#include "vardval_host/yaml_file.hpp"

#include <filesystem>
#include <ios>
#include <map>
#include <set>
#include <utility>

#include "vardval/params.hpp"

namespace vardval {
namespace {

using Position = std::pair<int, int>;  // line, column (0-based, as yaml-cpp marks them)

Position position(const YAML::Mark& mark) {
    return {mark.line, mark.column};
}

// `visited` holds the collections already walked: an alias (*name) is the anchored node
// itself, so a node reached twice is checked once and a self-referencing alias ends.
void walk(const YAML::Node& node, const std::string& file, const std::string& path,
          std::set<Position>& visited, std::vector<Issue>& issues) {
    if (!node.IsDefined() || !(node.IsMap() || node.IsSequence()))
        return;
    if (!node.Mark().is_null() && !visited.insert(position(node.Mark())).second)
        return;
    if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i)
            walk(node[i], file, path + "[" + std::to_string(i) + "]", visited, issues);
        return;
    }
    std::map<std::string, YAML::Mark> first;  // key → where it was first given
    for (const auto& kv : node) {
        const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
        const std::string key_path = path.empty() ? key : path + "." + key;
        if (kv.first.IsScalar()) {
            const auto [it, is_new] = first.emplace(key, kv.first.Mark());
            if (!is_new)
                issues.push_back(issue_at(
                    kv.first.Mark(), file, key_path,
                    "duplicate key '" + key + "': also given at " + file + ":" +
                        std::to_string(it->second.line + 1) +
                        "; a key may appear once in a mapping (YAML would silently keep only "
                        "one of the values): remove one"));
        }
        walk(kv.second, file, key_path, visited, issues);
    }
}

// The absolute path, so a relative one says which folder it was taken from.
std::string tried(const std::string& path) {
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    return ec ? path : absolute.lexically_normal().string();
}

}  // namespace

void find_duplicate_keys(const YAML::Node& node, const std::string& file,
                         std::vector<Issue>& issues) {
    std::set<Position> visited;
    walk(node, file, "", visited, issues);
}

YAML::Node load_yaml_file(const std::string& path, const std::string& what) {
    // Without an error code a name the system refuses (e.g. longer than NAME_MAX, found by
    // fuzzing `extends:`) throws filesystem_error past the model's own errors; a folder (an
    // `extends:` naming one) throws a read error from inside the YAML parser.
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        const bool exists = !error && std::filesystem::exists(path, error);
        const bool folder = exists && std::filesystem::is_directory(path, error);
        throw IssueError(what + " not found",
                         {Issue{path, 0, 0, "",
                                error    ? error.message()
                                : folder ? "a folder, not a " + what +
                                               " file: give one file (`vardval validate --model "
                                               "FOLDER` checks every *.yaml in a folder)"
                                : exists ? "not a regular file"
                                         : "file does not exist (tried " + tried(path) + ")"}});
    }
    YAML::Node doc;
    try {
        doc = YAML::LoadFile(path);
    } catch (const YAML::Exception& e) {
        throw IssueError("invalid YAML",
                         {Issue{path, e.mark.line + 1, e.mark.column + 1, "", e.msg}});
    } catch (const std::ios_base::failure& e) {
        throw IssueError("unreadable " + what, {Issue{path, 0, 0, "", e.what()}});
    }
    std::vector<Issue> issues;
    find_duplicate_keys(doc, path, issues);
    if (!issues.empty())
        throw IssueError("invalid " + what, std::move(issues));
    return doc;
}

}  // namespace vardval
