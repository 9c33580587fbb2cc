#pragma once
// A problem found in a model or an input file, located precisely enough to fix it.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace vardval {

struct Issue {
    std::string file;
    int line = 0;      // 1-based; 0 when unknown
    int column = 0;    // 1-based; 0 when unknown
    std::string path;  // e.g. "components[2].params.bands[3].to"
    std::string message;

    std::string to_string() const;  // "file:line:col: path: message"
};

// Thrown with every issue found, so a user fixes them all in one go.
class IssueError : public std::runtime_error {
  public:
    IssueError(std::string what, std::vector<Issue> issues);
    const std::vector<Issue>& issues() const { return issues_; }

  private:
    std::vector<Issue> issues_;
};

}  // namespace vardval

namespace vardval {
// " (did you mean 'x'?)" when one candidate is close to `word` by edit distance, else "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);
// "a, b, c"
std::string join(const std::vector<std::string>& words, const std::string& separator = ", ");
}  // namespace vardval
