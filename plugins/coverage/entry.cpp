// Entry point of the coverage plugin library.
#include "coverage.hpp"

namespace {
const vardval::PluginInfo kInfo{vardval::ABI_VERSION, "coverage", "1.0.0",
                                &vardval::coverage::register_types};
}
VARDVAL_PLUGIN(kInfo)
