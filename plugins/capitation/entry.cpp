// Entry point of the capitation plugin library.
#include "age_weighted.hpp"

namespace {
const vardval::PluginInfo kInfo{vardval::ABI_VERSION, "capitation", "1.0.0",
                                &vardval::capitation::register_types};
}
VARDVAL_PLUGIN(kInfo)
