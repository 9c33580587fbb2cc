// `vardval regions`: which regions an installation has and which contract years each models.
#include <algorithm>
#include <iostream>
#include <regex>

#include "commands.hpp"
#include "vardval/vocabulary.hpp"
#include "vardval_host/report.hpp"

namespace fs = std::filesystem;

namespace vardval::cli {
namespace {

struct RegionEntry {
    Region region;
    fs::path folder;
    std::vector<int> years;  // from the <year>.yaml model files, ascending
};

std::vector<int> contract_years(const fs::path& folder) {
    static const std::regex year_file(R"((\d{4})\.yaml)");
    std::vector<int> years;
    for (const fs::directory_entry& e : fs::directory_iterator(folder)) {
        std::smatch m;
        const std::string name = e.path().filename().string();
        if (e.is_regular_file() && std::regex_match(name, m, year_file))
            years.push_back(std::stoi(m[1]));
    }
    std::sort(years.begin(), years.end());
    return years;
}

// Every folder with a region.yaml, in name order; a region file that does not load stops
// the listing (IssueError, exit 2) rather than leaving the region out.
std::vector<RegionEntry> find_regions(const fs::path& regions_dir) {
    if (!fs::is_directory(regions_dir))
        throw DataMissing("regions folder " + regions_dir.string() +
                          ": no such folder (set regions: in the config, or pass --regions DIR)");
    std::vector<fs::path> folders;
    for (const fs::directory_entry& e : fs::directory_iterator(regions_dir))
        if (e.is_directory() && fs::is_regular_file(e.path() / "region.yaml"))
            folders.push_back(e.path());
    std::sort(folders.begin(), folders.end());
    std::vector<RegionEntry> entries;
    for (const fs::path& folder : folders)
        entries.push_back(RegionEntry{load_region((folder / "region.yaml").string()), folder,
                                      contract_years(folder)});
    return entries;
}

std::string years_text(const std::vector<int>& years, const char* separator) {
    std::vector<std::string> texts;
    for (int y : years)
        texts.push_back(std::to_string(y));
    return join(texts, separator);
}

}  // namespace

int regions(const Config& config, Format format) {
    const std::vector<RegionEntry> entries = find_regions(config.regions_dir);
    if (format == Format::json) {
        std::cout << "[";
        for (std::size_t i = 0; i < entries.size(); ++i)
            std::cout << (i ? "," : "") << "\n  {\"region\": " << json_string(entries[i].region.id)
                      << ", \"name\": " << json_string(entries[i].region.name) << ", \"years\": ["
                      << years_text(entries[i].years, ", ")
                      << "], \"units\": " << entries[i].region.units.size()
                      << ", \"folder\": " << json_string(entries[i].folder.string()) << "}";
        std::cout << (entries.empty() ? "" : "\n") << "]\n";
        return kOk;
    }
    std::size_t id_width = 6, name_width = 4;
    for (const RegionEntry& e : entries) {
        id_width = std::max(id_width, display_width(e.region.id));
        name_width = std::max(name_width, display_width(e.region.name));
    }
    std::cout << pad("region", id_width, false) << "  " << pad("name", name_width, false)
              << "  units  years\n";
    for (const RegionEntry& e : entries)
        std::cout << pad(e.region.id, id_width, false) << "  "
                  << pad(e.region.name, name_width, false) << "  "
                  << pad(std::to_string(e.region.units.size()), 5, true) << "  "
                  << years_text(e.years, ", ") << "\n";
    std::cout << entries.size() << " region(s) in " << config.regions_dir.string() << "\n";
    return kOk;
}

}  // namespace vardval::cli
