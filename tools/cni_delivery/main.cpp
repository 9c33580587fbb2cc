// vardval-cni-delivery: what SCB delivers to a region for CNI, made from a listing with
// per-person cni_<variable> flags: per unit, the listed and the share of them with each
// variable in percent. Used to make the shipped samples' cni-YYYY-MM.csv files from their
// synthetic listings; a region never has the flags, it receives this file from SCB.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "vardval/decimal.hpp"
#include "vardval/rational.hpp"
#include "vardval_host/csv.hpp"

namespace {

constexpr int kDecimals = 10;  // of the percentage: enough that amounts equal the flags'

// count / listed as a percentage with kDecimals decimals, rounded half up ("12.5000000000").
std::string percent(std::int64_t count, std::int64_t listed) {
    vardval::Int128 scale = 100;
    for (int i = 0; i < kDecimals; ++i)
        scale *= 10;
    const vardval::Int128 scaled =
        (static_cast<vardval::Int128>(count) * scale * 2 + listed) / (2 * listed);
    vardval::Int128 unit = scale / 100;
    std::string fraction = std::to_string(static_cast<std::int64_t>(scaled % unit));
    fraction.insert(0, kDecimals - fraction.size(), '0');
    return std::to_string(static_cast<std::int64_t>(scaled / unit)) + "." + fraction;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: vardval-cni-delivery LISTING.csv > cni-YYYY-MM.csv\n";
        return 1;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "error: cannot open " << argv[1] << "\n";
        return 3;
    }
    try {
        vardval::CsvReader csv(in, argv[1]);
        std::size_t unit_col = csv.header().size();
        std::vector<std::pair<std::string, std::size_t>> variables;
        for (std::size_t i = 0; i < csv.header().size(); ++i) {
            if (csv.header()[i] == "unit")
                unit_col = i;
            else if (csv.header()[i].rfind("cni_", 0) == 0)
                variables.emplace_back(csv.header()[i], i);
        }
        if (unit_col == csv.header().size() || variables.empty())
            throw std::runtime_error(std::string(argv[1]) +
                                     ": needs a unit column and cni_<variable> columns");
        struct Counts {
            std::int64_t listed = 0;
            std::vector<std::int64_t> flagged;
        };
        std::map<std::string, Counts> units;
        std::vector<std::string> f;
        while (csv.next(f)) {
            Counts& c = units[f.at(unit_col)];
            c.flagged.resize(variables.size());
            ++c.listed;
            for (std::size_t v = 0; v < variables.size(); ++v)
                c.flagged[v] += f.at(variables[v].second) == "1";
        }
        std::cout << "unit,listed";
        for (const auto& [name, column] : variables)
            std::cout << "," << name;
        std::cout << "\n";
        for (const auto& [unit, c] : units) {
            std::cout << unit << "," << c.listed;
            for (std::int64_t n : c.flagged)
                std::cout << "," << percent(n, c.listed);
            std::cout << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 3;
    }
    return 0;
}
