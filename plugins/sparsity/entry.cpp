// Entry point of the sparsity plugin library.
#include "distance.hpp"

namespace {
const vardval::PluginInfo kInfo{vardval::ABI_VERSION, "sparsity", "1.0.0",
                                &vardval::sparsity::register_types};
}
VARDVAL_PLUGIN(kInfo)
