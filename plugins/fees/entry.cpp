// Entry point of the fees plugin library.
#include "patient.hpp"

namespace {
const vardval::PluginInfo kInfo{vardval::ABI_VERSION, "fees", "1.0.0",
                                &vardval::fees::register_types};
}
VARDVAL_PLUGIN(kInfo)
