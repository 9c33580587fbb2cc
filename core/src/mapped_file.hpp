#pragma once
// A whole input file's bytes, for readers that cut it into chunks and read them in parallel:
// a regular file is mapped read-only (the page cache is shared, nothing is copied), anything
// else (a pipe, /proc) is read into memory with every read checked.
#include <filesystem>
#include <istream>
#include <string>
#include <string_view>

namespace vardval {

class InputBytes {
  public:
    // Throws ImportError "cannot open FILE" or "FILE:LINE: read error; ..." naming the line
    // the read stopped in.
    explicit InputBytes(const std::filesystem::path& file);
    // Reads the stream to its end; the same errors, named after `file`.
    InputBytes(std::istream& in, const std::string& file);
    ~InputBytes();
    InputBytes(const InputBytes&) = delete;
    InputBytes& operator=(const InputBytes&) = delete;

    std::string_view bytes() const { return bytes_; }
    // The bytes in [begin, end) are not needed for a while: a mapped file's pages leave this
    // process's memory (they stay in the page cache and come back when read again), so a
    // file read once in chunks never makes the process larger than a few chunks.
    void release(std::size_t begin, std::size_t end) const;

  private:
    void read_all(std::istream& in, const std::string& file);

    std::string_view bytes_;
    void* mapping_ = nullptr;
    std::size_t mapped_size_ = 0;
    std::string copy_;
};

}  // namespace vardval
