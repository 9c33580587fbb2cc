// Entry point of the CNI plugin library.
#include "cni.hpp"

namespace {
const vardval::PluginInfo kInfo{vardval::ABI_VERSION, "cni", "1.0.0",
                                &vardval::cni::register_types};
}
VARDVAL_PLUGIN(kInfo)
