#pragma once
// One generator per region; main() picks one by --region.
#include "cli.hpp"

namespace gen {

void generate_jh(const Options& options);
void generate_vm(const Options& options);

}  // namespace gen
