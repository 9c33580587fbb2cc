#pragma once
#include <stdexcept>

namespace vardval {

// A problem with an imported file as a whole (a missing or repeated column, a read error, an
// over-long line, no data rows): nothing from it can be imported.
class ImportError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace vardval
