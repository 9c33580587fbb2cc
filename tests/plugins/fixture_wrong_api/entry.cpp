// A plugin that claims another plugin API version: the host must refuse it before calling
// anything in it.
#include <cstdlib>

#include "vardval/plugin_api.hpp"

namespace {
void register_nothing(vardval::Registrar&) {
    std::abort();
}  // must never be reached
const vardval::PluginInfo kInfo{vardval::ABI_VERSION + 1, "wrong_api", "0.0.1", &register_nothing};
}  // namespace
VARDVAL_PLUGIN(kInfo)
