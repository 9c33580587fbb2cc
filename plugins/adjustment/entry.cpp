// Entry point of the adjustment plugin library.
#include "vat.hpp"

namespace {
const vardval::PluginInfo kInfo{vardval::ABI_VERSION, "adjustment", "1.0.0",
                                &vardval::adjustment::register_types};
}
VARDVAL_PLUGIN(kInfo)
