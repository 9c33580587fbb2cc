// vardval-generate: deterministic synthetic data sets for the sample regions. Same
// arguments, same bytes, on any machine.
#include <exception>
#include <iostream>

#include "cli.hpp"
#include "generators.hpp"

int main(int argc, char** argv) {
    gen::Options options;
    try {
        options = gen::parse_args(argc, argv);
    } catch (const gen::UsageError& e) {
        std::cerr << "vardval-generate: " << e.what() << "\n(see vardval-generate --help)\n";
        return 2;
    }
    if (options.help) {
        std::cout << gen::kUsage;
        return 0;
    }
    try {
        switch (options.region) {
            case gen::RegionId::kJamtlandHarjedalen:
                gen::generate_jh(options);
                break;
            case gen::RegionId::kVastmanland:
                gen::generate_vm(options);
                break;
        }
    } catch (const std::exception& e) {
        std::cerr << "vardval-generate: error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
