#include "vardval_host/csv.hpp"

namespace vardval {
namespace {

// Splits one physical line; false if a quoted field is still open at its end.
bool split(const std::string& line, std::vector<std::string>& fields) {
    fields.clear();
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else {
            field += c;
        }
    }
    fields.push_back(std::move(field));
    return !quoted;
}

}  // namespace

CsvReader::CsvReader(std::istream& in, std::string file) : in_(in), file_(std::move(file)) {
    if (next(header_)) {
        if (!header_.empty() && header_[0].rfind("\xEF\xBB\xBF", 0) == 0)
            header_[0].erase(0, 3);
        for (std::size_t i = 0; i < header_.size(); ++i)
            columns_[header_[i]] = i;
    }
}

std::optional<std::size_t> CsvReader::column(const std::string& name) const {
    auto it = columns_.find(name);
    return it == columns_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

bool CsvReader::next(std::vector<std::string>& fields) {
    while (std::getline(in_, buffer_)) {
        bytes_ += buffer_.size() + 1;
        line_ = next_line_++;
        if (!buffer_.empty() && buffer_.back() == '\r')
            buffer_.pop_back();
        if (buffer_.empty())
            continue;
        malformed_ = !split(buffer_, fields);
        return true;
    }
    return false;
}

}  // namespace vardval
