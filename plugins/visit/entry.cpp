// Entry point of the visit plugin library.
#include "visit.hpp"

namespace {
const vardval::PluginInfo kInfo{vardval::ABI_VERSION, "visit", "1.0.0",
                                &vardval::visit::register_types};
}
VARDVAL_PLUGIN(kInfo)
