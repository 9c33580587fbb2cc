#include "mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "vardval_host/import_error.hpp"

namespace vardval {

InputBytes::InputBytes(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw ImportError("cannot open " + file.string());
    struct stat st {};
    // /proc files and pipes report no size: read them like a stream.
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        void* p =
            ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            ::madvise(p, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
            mapping_ = p;
            mapped_size_ = static_cast<std::size_t>(st.st_size);
            bytes_ = std::string_view(static_cast<const char*>(p), mapped_size_);
        }
    }
    ::close(fd);
    if (mapping_ == nullptr) {
        std::ifstream in(file, std::ios::binary);
        if (!in)
            throw ImportError("cannot open " + file.string());
        read_all(in, file.string());
    }
}

InputBytes::InputBytes(std::istream& in, const std::string& file) {
    read_all(in, file);
}

InputBytes::~InputBytes() {
    if (mapping_ != nullptr)
        ::munmap(mapping_, mapped_size_);
}

void InputBytes::release(std::size_t begin, std::size_t end) const {
    if (mapping_ == nullptr)
        return;
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t first = (begin + page - 1) / page * page;  // whole pages inside only
    const std::size_t last = end == mapped_size_ ? end : end / page * page;
    if (first < last)
        ::madvise(static_cast<char*>(mapping_) + first, last - first, MADV_DONTNEED);
}

void InputBytes::read_all(std::istream& in, const std::string& file) {
    // Line by line, so that a read that fails names the line it failed in.
    std::string line;
    while (std::getline(in, line)) {
        copy_ += line;
        copy_ += '\n';
    }
    // A failed stream is a read error, never the end of the file: the rows after it would be
    // lost silently.
    if (in.bad() || !in.eof()) {
        const auto at = std::count(copy_.begin(), copy_.end(), '\n') + 1;
        throw ImportError(file + ":" + std::to_string(at) +
                          ": read error; the file cannot be read to its end");
    }
    bytes_ = copy_;
}

}  // namespace vardval
