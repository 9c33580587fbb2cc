// Entry point of the budget plugin library.
#include "split.hpp"

namespace {
const vardval::PluginInfo kInfo{vardval::ABI_VERSION, "budget", "1.0.0",
                                &vardval::budget::register_types};
}
VARDVAL_PLUGIN(kInfo)
