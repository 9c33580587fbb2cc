#pragma once
// A buffered CSV writer with hand-rolled number formatting: fast enough to stream tens
// of millions of rows, and its output does not depend on the locale.
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "civil_date.hpp"

namespace gen {

class CsvFile {
  public:
    explicit CsvFile(std::filesystem::path path) : path_(std::move(path)) {
        file_ = std::fopen(path_.c_str(), "wb");
        if (file_ == nullptr)
            throw std::runtime_error("cannot write " + path_.string());
        buffer_.reserve(kBufferSize + 256);
    }
    CsvFile(const CsvFile&) = delete;
    CsvFile& operator=(const CsvFile&) = delete;
    ~CsvFile() {
        if (file_ != nullptr)
            std::fclose(file_);
    }

    const std::filesystem::path& path() const { return path_; }
    std::uint64_t rows() const { return rows_; }  // data rows, header excluded

    void header(std::string_view line) {
        buffer_.append(line);
        buffer_.push_back('\n');
    }

    CsvFile& text(std::string_view s) {
        buffer_.append(s);
        return *this;
    }
    CsvFile& ch(char c) {
        buffer_.push_back(c);
        return *this;
    }
    CsvFile& comma() { return ch(','); }

    // Unsigned number, zero-padded to `width` digits.
    CsvFile& number(std::uint64_t value, int width = 0) {
        char digits[24];
        const auto result = std::to_chars(digits, digits + sizeof digits, value);
        for (auto n = result.ptr - digits; n < width; ++n)
            buffer_.push_back('0');
        buffer_.append(digits, result.ptr);
        return *this;
    }

    CsvFile& date(Day day) {
        const Ymd c = civil_from_days(day);
        number(static_cast<std::uint64_t>(c.y), 4).ch('-');
        number(static_cast<std::uint64_t>(c.m), 2).ch('-');
        return number(static_cast<std::uint64_t>(c.d), 2);
    }

    // A non-negative quantity in units of 10^-decimals, printed with that many decimals.
    CsvFile& fixed(std::uint64_t value, int decimals) {
        std::uint64_t unit = 1;
        for (int i = 0; i < decimals; ++i)
            unit *= 10;
        number(value / unit);
        if (decimals > 0)
            ch('.').number(value % unit, decimals);
        return *this;
    }

    // A non-negative quantity in tenths, printed with one decimal.
    CsvFile& tenths(int value) { return fixed(static_cast<std::uint64_t>(value), 1); }

    void end_row() {
        buffer_.push_back('\n');
        ++rows_;
        if (buffer_.size() >= kBufferSize)
            flush();
    }

    // Flushes and closes; throws if anything could not be written.
    void close() {
        flush();
        const bool failed = std::fclose(file_) != 0;
        file_ = nullptr;
        if (failed)
            throw std::runtime_error("error writing " + path_.string());
    }

  private:
    static constexpr std::size_t kBufferSize = 1 << 20;

    void flush() {
        if (buffer_.empty())
            return;
        if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
            throw std::runtime_error("error writing " + path_.string());
        }
        buffer_.clear();
    }

    std::filesystem::path path_;
    std::FILE* file_ = nullptr;
    std::string buffer_;
    std::uint64_t rows_ = 0;
};

}  // namespace gen
