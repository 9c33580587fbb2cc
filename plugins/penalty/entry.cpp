// Entry point of the penalty plugin library.
#include "weekly.hpp"

namespace {
const vardval::PluginInfo kInfo{vardval::ABI_VERSION, "penalty", "1.0.0",
                                &vardval::penalty::register_types};
}
VARDVAL_PLUGIN(kInfo)
