// libFuzzer harness for one CSV import kind, chosen when the harness is built
// (VARDVAL_FUZZ_KIND, with the period its seed corpus comes from). A refusal of the
// file (ImportError) or rejected rows are the expected answers to bad input; anything else
// escaping, a crash, a hang or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "vardval_host/import.hpp"
#include "vardval_host/model.hpp"

using namespace vardval;

namespace {

// Both shipped regions' units and vocabularies, so every seed's rows can reach past the unit
// and vocabulary checks.
const Region& region() {
    static const Region r = [] {
        Region both = load_region(VARDVAL_FUZZ_REGIONS "/jamtland-harjedalen/region.yaml");
        const Region other = load_region(VARDVAL_FUZZ_REGIONS "/vastmanland/region.yaml");
        both.units.insert(both.units.end(), other.units.begin(), other.units.end());
        for (const auto& [vocabulary, terms] : other.vocabularies)
            both.vocabularies[vocabulary].insert(terms.begin(), terms.end());
        return both;
    }();
    return r;
}

// The aggregate's totals must agree with the report: every row used or rejected.
void check(const ImportReport& report) {
    if (report.rows_used + report.rows_rejected != report.rows_read)
        __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    ImportReport report;
    const std::string_view kind = VARDVAL_FUZZ_KIND;
    const PeriodRange range = *PeriodRange::parse(VARDVAL_FUZZ_PERIOD);
    const Period month = range.last;
    try {
        if (kind == "listing")
            aggregate_listing(in, "fuzz.csv", region(), month, report);
        else if (kind == "visits")
            aggregate_visits(in, "fuzz.csv", region(), range, report);
        else if (kind == "unit-values")
            aggregate_unit_values(in, "fuzz.csv", region(), month, report);
        else if (kind == "events")
            aggregate_events(in, "fuzz.csv", region(), month, report);
        else if (kind == "acg")
            aggregate_acg(in, "fuzz.csv", region(), month, report);
        else if (kind == "cni")
            aggregate_cni(in, "fuzz.csv", region(), month, report);
        else
            aggregate_psychiatry(in, "fuzz.csv", region(), month, report);
    } catch (const ImportError&) {
        return 0;
    }
    check(report);
    return 0;
}
