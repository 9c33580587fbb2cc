// Entry point of the cost plugin library.
#include "share.hpp"

namespace {
const vardval::PluginInfo kInfo{vardval::ABI_VERSION, "cost", "1.0.0",
                                &vardval::cost::register_types};
}
VARDVAL_PLUGIN(kInfo)
