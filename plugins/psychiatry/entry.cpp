// Entry point of the psychiatry plugin library.
#include "psychiatry.hpp"

namespace {
const vardval::PluginInfo kInfo{vardval::ABI_VERSION, "psychiatry", "1.0.0",
                                &vardval::psychiatry::register_types};
}
VARDVAL_PLUGIN(kInfo)
