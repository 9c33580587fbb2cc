// Measures listing import throughput: aggregates a listing CSV (e.g. one made with
// `vardval-bench-national-listing 10500000 1100`) as `vardval import` reads it, in chunks on
// every core, and prints rows per second and peak memory. Nothing is stored.
#include <sys/resource.h>

#include <chrono>
#include <iostream>

#include "vardval_host/import.hpp"
#include "vardval_host/model.hpp"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: vardval-bench-import REGION_YAML LISTING_CSV YYYY-MM\n";
        return 1;
    }
    try {
        const vardval::Region region = vardval::load_region(argv[1]);
        const auto month = vardval::Period::parse(argv[3]);
        if (!month)
            throw std::runtime_error("period must be YYYY-MM");
        vardval::ImportReport report;
        const auto start = std::chrono::steady_clock::now();
        const auto listing = vardval::aggregate_listing_file(argv[2], region, *month, report);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::cout << "rows read      " << report.rows_read << "\n"
                  << "rows used      " << report.rows_used << "\n"
                  << "rows rejected  " << report.rows_rejected << "\n"
                  << "units          " << listing.units.size() << "\n"
                  << "seconds        " << seconds << "\n"
                  << "rows/second    " << static_cast<long long>(report.rows_read / seconds) << "\n"
                  << "peak RSS (MiB) " << usage.ru_maxrss / 1024 << "\n";
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
