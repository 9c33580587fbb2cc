#include "cli.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace gen {

const std::string_view kUsage = R"(Usage: vardval-generate --out DIR [--region REGION] [options]

Writes a deterministic synthetic data set (same arguments, same bytes) for a region.

--region jamtland-harjedalen (the default), about 131 000 persons:
  DIR/listing-YYYY-MM.csv              one per listing month (default 2019-10,2020-02,
                                       2020-10,2021-01)
  DIR/visits-YYYY-MM..YYYY-MM.csv      contacts in each visits period (default 2018-11..2019-10
                                       and 2019-11..2020-10, the 2020 and 2021 reference periods)
  DIR/unit-values-YYYY-MM.csv          per listing month from 2021-01 on: patient fees,
                                       primary-care and all outpatient visits, opening-hours
                                       weeks unmet; per psychiatry month: psychologist_fte and
                                       counsellor_fte of every hälsocentral and psychiatric
                                       unit (in the listing month's file when it has one)
  DIR/psychiatry-YYYY-MM.csv           per psychiatry month (none by default): psychiatric
                                       contacts from 12 months before it through its end, at
                                       the psychiatric clinics, the psychiatry providers and
                                       the hälsocentraler (first line), with diagnosis group
                                       and outcome scores (ILLUSTRATIVE volumes)
  DIR/events-YYYY-MM.csv               per psychiatry month: assessment_completed and
                                       rehabilitation_completed at the clinics and providers
  Calibration: on the CNI month (default 2020-02) Hallen has the lowest CNI index (0.7878)
  and Jarpen the highest (1.3146); the age weights derived from each period's visits
  against the listing of its last month have 10-14 lowest (0.3327), 85-89 highest (2.2132).
  Psychiatry (full scale, a year): about 60 000 specialised and 30 000 first-line
  contacts; about 80 % of the episodes (a contact more than 90 days after the previous
  one at the unit starts a new one) are a single contact, fewer at the clinics.
  The population is drawn over the span of all the months a run writes or calibrates
  on, so other months give other persons: to add psychiatry data to an existing data
  set without changing its files, write it in a run of its own, e.g. --listing-months
  2024-01 --cni-month 2024-01 --psychiatry-months 2024-01 --no-visits.

--region vastmanland, about 279 000 persons in 28 units; per listing month (default
2021-01,2022-01):
  DIR/listing-YYYY-MM.csv              the listed, with CNI flags and distance to the hospital
  DIR/acg-YYYY-MM.csv                  each listed person's ACG morbidity weight
  DIR/visits-YYYY-MM.csv               the month's contacts, with fee_charged and listed_unit
  DIR/events-YYYY-MM.csv               health talks, AV003, memory investigations, SIP, dCBT
  DIR/unit-values-YYYY-MM.csv          continuity, named doctor, approvals, costs, fees
  Calibration: each unit's listed count on the first month is its share of the scale;
  about 695 000 fee-charged visits a year at full scale, doctor and nurse reception
  visits about 65 % of the visit pay.

Options:
  --out DIR               output directory (created if missing)
  --region REGION         jamtland-harjedalen or vastmanland
  --scale X               population relative to the region's full size (default 0.1)
  --persons N             persons listed on the first month, overriding --scale
  --seed N                random seed (default 2020)
  --listing-months LIST   comma-separated YYYY-MM
  --visits-period A..B    YYYY-MM..YYYY-MM, at most 5 years; repeat for several periods
                          (jamtland-harjedalen only)
  --cni-month YYYY-MM     month the CNI indexes are calibrated on (vastmanland: default the
                          first listing month)
  --psychiatry-months LIST
                          comma-separated YYYY-MM: each month's psychiatric contacts,
                          completions and staffing (jamtland-harjedalen only)
  --no-visits             write no visits periods (jamtland-harjedalen only)
  --listing-only          write only the listings (streams; memory independent of size)
                          (jamtland-harjedalen only)
  --verbose               print the full calibration tables
  --help                  show this help
)";

namespace {

template <typename T>
T parse_number(std::string_view option, std::string_view text) {
    T value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty()) {
        throw UsageError(std::string(option) + ": not a valid number: '" + std::string(text) + "'");
    }
    return value;
}

Month parse_month_arg(std::string_view option, std::string_view text) {
    const std::optional<Month> month = parse_month(text);
    if (!month) {
        throw UsageError(std::string(option) + ": expected YYYY-MM, got '" + std::string(text) +
                         "'");
    }
    return *month;
}

std::vector<Month> parse_month_list(std::string_view option, std::string_view text) {
    std::vector<Month> months;
    while (true) {
        const std::size_t comma = text.find(',');
        months.push_back(parse_month_arg(option, text.substr(0, comma)));
        if (comma == std::string_view::npos)
            break;
        text.remove_prefix(comma + 1);
    }
    std::sort(months.begin(), months.end());
    if (std::adjacent_find(months.begin(), months.end()) != months.end()) {
        throw UsageError(std::string(option) + ": a month is given twice");
    }
    return months;
}

MonthRange parse_period(std::string_view text) {
    const std::size_t dots = text.find("..");
    if (dots == std::string_view::npos) {
        throw UsageError("--visits-period: expected YYYY-MM..YYYY-MM, got '" + std::string(text) +
                         "'");
    }
    const MonthRange range{parse_month_arg("--visits-period", text.substr(0, dots)),
                           parse_month_arg("--visits-period", text.substr(dots + 2))};
    const int months = (range.last.y - range.first.y) * 12 + range.last.m - range.first.m + 1;
    if (months < 1)
        throw UsageError("--visits-period: the period ends before it starts");
    if (months > 60)
        throw UsageError("--visits-period: at most 5 years");
    return range;
}

RegionId parse_region(std::string_view text) {
    if (text == "jamtland-harjedalen")
        return RegionId::kJamtlandHarjedalen;
    if (text == "vastmanland")
        return RegionId::kVastmanland;
    throw UsageError("--region: expected jamtland-harjedalen or vastmanland, got '" +
                     std::string(text) + "'");
}

}  // namespace

Options parse_args(int argc, char** argv) {
    Options options;
    bool have_out = false;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        std::optional<std::string_view> inline_value;
        if (const std::size_t eq = arg.find('=');
            arg.starts_with("--") && eq != std::string_view::npos) {
            inline_value = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        }
        const auto flag = [&](std::string_view name) {
            if (arg != name)
                return false;
            if (inline_value)
                throw UsageError(std::string(name) + " takes no value");
            return true;
        };
        const auto value = [&]() -> std::string_view {
            if (inline_value)
                return *inline_value;
            if (i + 1 >= argc)
                throw UsageError(std::string(arg) + " needs a value");
            return argv[++i];
        };
        if (flag("--help") || flag("-h")) {
            options.help = true;
        } else if (flag("--listing-only")) {
            options.listing_only = true;
        } else if (flag("--verbose")) {
            options.verbose = true;
        } else if (arg == "--out") {
            options.out = std::filesystem::path(std::string(value()));
            have_out = !options.out.empty();
        } else if (arg == "--region") {
            options.region = parse_region(value());
        } else if (arg == "--scale") {
            options.scale = parse_number<double>(arg, value());
            if (!(options.scale > 0 && options.scale <= 1000)) {
                throw UsageError("--scale: must be greater than 0 and at most 1000");
            }
        } else if (arg == "--persons") {
            options.persons = parse_number<std::uint64_t>(arg, value());
            if (*options.persons < 1 || *options.persons > 1'000'000'000) {
                throw UsageError("--persons: must be between 1 and 1000000000");
            }
        } else if (arg == "--seed") {
            options.seed = parse_number<std::uint64_t>(arg, value());
        } else if (arg == "--listing-months") {
            options.listing_months = parse_month_list(arg, value());
        } else if (arg == "--psychiatry-months") {
            options.psychiatry_months = parse_month_list(arg, value());
        } else if (flag("--no-visits")) {
            options.no_visits = true;
        } else if (arg == "--visits-period") {
            options.visits_periods.push_back(parse_period(value()));
        } else if (arg == "--cni-month") {
            options.cni_month = parse_month_arg(arg, value());
        } else {
            throw UsageError("unknown argument '" + std::string(argv[i]) + "'");
        }
    }
    if (options.help)
        return options;
    if (!have_out)
        throw UsageError("--out DIR is required");
    std::sort(options.visits_periods.begin(), options.visits_periods.end());
    if (std::adjacent_find(options.visits_periods.begin(), options.visits_periods.end()) !=
        options.visits_periods.end()) {
        throw UsageError("--visits-period: a period is given twice");
    }
    if (options.region == RegionId::kVastmanland && !options.visits_periods.empty()) {
        throw UsageError(
            "--visits-period: vastmanland writes one month of visits per listing "
            "month; set the months with --listing-months");
    }
    if (options.region == RegionId::kVastmanland && options.listing_only)
        throw UsageError("--listing-only: for jamtland-harjedalen only");
    if (options.region == RegionId::kVastmanland && !options.psychiatry_months.empty())
        throw UsageError("--psychiatry-months: for jamtland-harjedalen only");
    if (options.region == RegionId::kVastmanland && options.no_visits)
        throw UsageError("--no-visits: for jamtland-harjedalen only");
    if (options.no_visits && !options.visits_periods.empty())
        throw UsageError("--no-visits: but --visits-period is given");
    return options;
}

std::uint64_t first_month_persons(const Options& options, int full_scale_persons) {
    if (options.persons)
        return *options.persons;
    return std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(std::llround(full_scale_persons * options.scale)));
}

}  // namespace gen
