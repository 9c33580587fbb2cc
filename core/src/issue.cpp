#include "vardval/issue.hpp"

namespace vardval {

std::string Issue::to_string() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line > 0)
        out += ":" + std::to_string(line);
    if (column > 0)
        out += ":" + std::to_string(column);
    out += ": ";
    if (!path.empty())
        out += path + ": ";
    return out + message;
}

IssueError::IssueError(std::string what, std::vector<Issue> issues)
    : std::runtime_error(std::move(what)), issues_(std::move(issues)) {}

}  // namespace vardval

namespace vardval {
namespace {
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}
}  // namespace

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
    const std::string* best = nullptr;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const std::string& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = &c;
        }
    }
    return best ? " (did you mean '" + *best + "'?)" : "";
}

std::string join(const std::vector<std::string>& words, const std::string& separator) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i)
        out += (i ? separator : "") + words[i];
    return out;
}
}  // namespace vardval
