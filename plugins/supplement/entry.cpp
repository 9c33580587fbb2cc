// Entry point of the supplement plugin library.
#include "supplements.hpp"

namespace {
const vardval::PluginInfo kInfo{vardval::ABI_VERSION, "supplement", "1.0.0",
                                &vardval::supplement::register_types};
}
VARDVAL_PLUGIN(kInfo)
