#pragma once
// Progress lines for large runs: one per million persons.
#include <cstdint>
#include <iostream>
#include <string_view>

namespace gen {

class Progress {
  public:
    explicit Progress(std::uint64_t total) : total_(total) {}
    void tick(std::uint64_t done, std::string_view what) const {
        if (total_ >= 2'000'000 && done % 1'000'000 == 0) {
            std::cerr << "  " << what << ": " << done << " of " << total_ << " persons\n";
        }
    }

  private:
    std::uint64_t total_;
};

}  // namespace gen
