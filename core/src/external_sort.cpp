#include "vardval_host/external_sort.hpp"

#include <stdexcept>
#include <string>

namespace vardval {

SpillRun::SpillRun(const void* data, std::size_t bytes, const char* purpose)
    : file_(std::tmpfile()) {
    if (file_ == nullptr)
        throw std::runtime_error(std::string("cannot create a temporary file for ") + purpose);
    if (std::fwrite(data, 1, bytes, file_) != bytes) {
        std::fclose(file_);
        throw std::runtime_error(std::string("cannot write a temporary file for ") + purpose +
                                 " (disk full?)");
    }
}

SpillRun::~SpillRun() {
    if (file_ != nullptr)
        std::fclose(file_);
}

SpillRun::SpillRun(SpillRun&& other) noexcept : file_(other.file_), rewound_(other.rewound_) {
    other.file_ = nullptr;
}

std::size_t SpillRun::read(void* out, std::size_t size, std::size_t records) {
    if (!rewound_) {
        std::rewind(file_);
        rewound_ = true;
    }
    const std::size_t got = std::fread(out, size, records, file_);
    if (got < records && std::ferror(file_))
        throw std::runtime_error("cannot read back a temporary file of an external sort");
    return got;
}

}  // namespace vardval
