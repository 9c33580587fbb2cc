// Entry point of the goal plugin library.
#include "goals.hpp"

namespace {
const vardval::PluginInfo kInfo{vardval::ABI_VERSION, "goal", "1.0.0",
                                &vardval::goal::register_types};
}
VARDVAL_PLUGIN(kInfo)
