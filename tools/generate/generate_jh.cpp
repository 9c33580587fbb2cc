// vardval-generate: a deterministic synthetic data set for Region Jämtland Härjedalen:
// monthly listings (who is listed where, with CNI flags and distance to the hospital)
// and a year of primary-care contacts, calibrated to the region's published CNI and
// age-weight extremes. Same arguments, same bytes, on any machine.
//
// The population is never held in memory: person i is regenerated from (seed, i) in
// each of up to three passes (count, generate visits, write), so a listing-only run
// of ten million persons needs no more memory than one of ten thousand.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "civil_date.hpp"
#include "cni.hpp"
#include "csv_file.hpp"
#include "jh_data.hpp"
#include "population.hpp"
#include "visits.hpp"

namespace {

using namespace gen;
namespace fs = std::filesystem;

constexpr std::string_view kUsage = R"(Usage: vardval-generate --out DIR [options]

Writes a deterministic synthetic data set for Region Jämtland Härjedalen:
  DIR/listing-YYYY-MM.csv              one per listing month
  DIR/visits-YYYY-MM..YYYY-MM.csv      contacts in the visits period (unless --listing-only)

Options:
  --out DIR               output directory (created if missing)
  --scale X               population relative to the region's ~131 000 (default 0.1)
  --persons N             persons listed on the first month, overriding --scale
  --seed N                random seed (default 2020)
  --listing-months LIST   comma-separated YYYY-MM (default 2019-10,2020-02,2021-01)
  --visits-period A..B    YYYY-MM..YYYY-MM, at most 5 years (default 2018-11..2019-10)
  --cni-month YYYY-MM     month the CNI indexes are calibrated on (default 2020-02)
  --listing-only          write only the listings (streams; memory independent of size)
  --verbose               print the full calibration tables
  --help                  show this help

Calibration: on the CNI month Hallen has the lowest CNI index (0.7878) and Jarpen the
highest (1.3146); the age weights derived from the visits against the listing of the
period's last month have 10-14 lowest (0.3327) and 85-89 highest (2.2132).
)";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Options {
    fs::path out;
    double scale = 0.1;
    std::optional<std::uint64_t> persons;
    std::uint64_t seed = 2020;
    std::vector<Month> listing_months = {{2019, 10}, {2020, 2}, {2021, 1}};
    Month visits_first{2018, 11};
    Month visits_last{2019, 10};
    Month cni_month{2020, 2};
    bool listing_only = false;
    bool verbose = false;
    bool help = false;
};

// ---- Command line -------------------------------------------------------------------------

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

std::vector<Month> parse_month_list(std::string_view text) {
    std::vector<Month> months;
    while (true) {
        const std::size_t comma = text.find(',');
        months.push_back(parse_month_arg("--listing-months", text.substr(0, comma)));
        if (comma == std::string_view::npos)
            break;
        text.remove_prefix(comma + 1);
    }
    std::sort(months.begin(), months.end());
    if (std::adjacent_find(months.begin(), months.end()) != months.end()) {
        throw UsageError("--listing-months: a month is given twice");
    }
    return months;
}

void parse_period(std::string_view text, Options& options) {
    const std::size_t dots = text.find("..");
    if (dots == std::string_view::npos) {
        throw UsageError("--visits-period: expected YYYY-MM..YYYY-MM, got '" + std::string(text) +
                         "'");
    }
    options.visits_first = parse_month_arg("--visits-period", text.substr(0, dots));
    options.visits_last = parse_month_arg("--visits-period", text.substr(dots + 2));
    const int months = (options.visits_last.y - options.visits_first.y) * 12 +
                       options.visits_last.m - options.visits_first.m + 1;
    if (months < 1)
        throw UsageError("--visits-period: the period ends before it starts");
    if (months > 60)
        throw UsageError("--visits-period: at most 5 years");
}

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
            options.out = fs::path(std::string(value()));
            have_out = !options.out.empty();
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
            options.listing_months = parse_month_list(value());
        } else if (arg == "--visits-period") {
            parse_period(value(), options);
        } else if (arg == "--cni-month") {
            options.cni_month = parse_month_arg(arg, value());
        } else {
            throw UsageError("unknown argument '" + std::string(argv[i]) + "'");
        }
    }
    if (!options.help && !have_out)
        throw UsageError("--out DIR is required");
    return options;
}

std::string month_text(Month m) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", m.y, m.m);
    return text;
}

std::string band_label(int band) {
    return band == jh::kBands - 1 ? "100+"
                                  : std::to_string(band * 5) + "-" + std::to_string(band * 5 + 4);
}

// ---- The run ------------------------------------------------------------------------------

// Dates fixed by the arguments.
struct Dates {
    std::vector<Day> listing;  // first day of each listing month, ascending
    Day cni;
    VisitCalendar calendar;
    Day base;  // the earliest day of interest: the population is drawn as of this day
    Day end;   // the latest: newcomers arrive and persons leave up to this day
};

Dates make_dates(const Options& o) {
    Dates d{{}, o.cni_month.first_day(), VisitCalendar(o.visits_first, o.visits_last), 0, 0};
    for (Month m : o.listing_months)
        d.listing.push_back(m.first_day());
    // The visits' listing month counts even with --listing-only, so that the listings
    // are the same whether or not the visits are written.
    d.base = std::min({d.listing.front(), d.cni, d.calendar.listing_day()});
    d.end = std::max({d.listing.back(), d.cni, d.calendar.listing_day()});
    return d;
}

class Progress {
  public:
    explicit Progress(std::uint64_t total) : total_(total) {}
    void tick(std::uint64_t done, std::string_view what) const {
        if (total_ >= 2'000'000 && done % 1'000'000 == 0) {
            std::cerr << "  " << what << ": " << done << " of " << total_ << " persons\n";
        }
    }

  private:
    std::uint64_t total_;
};

struct Counts {
    CniCounts cni;
    VisitPopulation visits;
};

// Pass 1: who is listed on the CNI month and on the visits' listing month.
Counts count_population(const PopulationModel& model, const Dates& dates, bool with_visits) {
    Counts counts;
    const Progress progress(model.total_persons());
    for (std::uint64_t i = 0; i < model.total_persons(); ++i) {
        const Person p = model.make_person(i);
        if (p.present(dates.cni))
            counts.cni.add(p.unit_at(dates.cni), p.age_on(dates.cni));
        if (with_visits && dates.calendar.in_listing(p)) {
            counts.visits.add(p.age_on(dates.calendar.listing_day()), dates.calendar.segments(p));
        }
        progress.tick(i + 1, "counted");
    }
    return counts;
}

// Pass 2: what the uncorrected visits add up to per band.
BandTotals base_visit_totals(const PopulationModel& model, const Dates& dates,
                             const VisitPlan& plan, const VisitPopulation& population) {
    const VisitGenerator generator(plan, population, BandTotals{}, model.seed());
    BandTotals totals;
    std::vector<Visit> visits;
    for (std::uint64_t i = 0; i < model.total_persons(); ++i) {
        const Person p = model.make_person(i);
        if (!dates.calendar.in_listing(p))
            continue;
        visits.clear();
        generator.base_visits(p, dates.calendar.segments(p), visits);
        for (const Visit& v : visits)
            totals.add(v);
    }
    return totals;
}

// What pass 3 measured in the files it wrote, for the summary and the self-check.
struct Written {
    BandTotals visits;
    std::array<std::uint64_t, kUnitCount> cni_listed{};
    std::array<std::int64_t, kUnitCount> cni_weighted100{};  // hundredths: exact
};

void write_listing_row(CsvFile& f, const Person& p, Day day, const LatentFlags& latent,
                       int id_width) {
    const int age = p.age_on(day);
    f.ch('P').number(p.index + 1, id_width).comma();
    f.text(jh::kUnits[static_cast<std::size_t>(p.unit_at(day))].id).comma();
    f.date(p.birth).comma().ch(p.sex).comma();
    for (bool flag : cni_flags(latent, age))
        f.ch(flag ? '1' : '0').comma();
    f.tenths(p.distance_at(day));
    f.end_row();
}

void write_visit_row(CsvFile& f, const Person& p, const Visit& v, int id_width) {
    f.ch('P').number(p.index + 1, id_width).comma();
    f.text(jh::kUnits[v.unit].id).comma();
    f.date(v.date).comma().date(p.birth).comma().ch(p.sex).comma();
    f.text(jh::kProfession[v.profession]).comma().text(jh::kContactType[v.contact]);
    f.end_row();
}

int id_width(std::uint64_t total) {
    int digits = 1;
    for (std::uint64_t n = total; n >= 10; n /= 10)
        ++digits;
    return std::max(7, digits);
}

// Pass 3: generate everyone once more, apply the calibrated quotas and write the files.
Written write_files(const Options& o, const PopulationModel& model, const Dates& dates,
                    const Counts& counts, const CniPlan& cni_plan, const VisitPlan* visit_plan,
                    const BandTotals* base_totals) {
    std::vector<std::unique_ptr<CsvFile>> listings;
    for (Month m : o.listing_months) {
        listings.push_back(
            std::make_unique<CsvFile>(o.out / ("listing-" + month_text(m) + ".csv")));
        listings.back()->header(
            "person_id,unit,birth_date,sex,cni_over65_alone,cni_foreign_born,cni_unemployed,"
            "cni_single_parent,cni_moved_in,cni_low_education,cni_under5,distance_km");
    }
    std::unique_ptr<CsvFile> visits_file;
    std::optional<VisitGenerator> generator;
    if (visit_plan != nullptr) {
        const std::string name =
            "visits-" + month_text(o.visits_first) + ".." + month_text(o.visits_last) + ".csv";
        visits_file = std::make_unique<CsvFile>(o.out / name);
        visits_file->header("person_id,unit,visit_date,birth_date,sex,profession,contact_type");
        generator.emplace(*visit_plan, counts.visits, *base_totals, model.seed());
    }

    CniAssigner assigner(cni_plan, counts.cni, model.seed(), dates.cni, dates.base);
    const int width = id_width(model.total_persons());
    const Progress progress(model.total_persons());
    Written written;
    std::vector<Visit> visits;
    for (std::uint64_t i = 0; i < model.total_persons(); ++i) {
        const Person p = model.make_person(i);
        const LatentFlags latent = assigner.latent(p);
        for (std::size_t k = 0; k < dates.listing.size(); ++k) {
            if (p.present(dates.listing[k]))
                write_listing_row(*listings[k], p, dates.listing[k], latent, width);
        }
        if (p.present(dates.cni)) {
            const auto unit = static_cast<std::size_t>(p.unit_at(dates.cni));
            const auto flags = cni_flags(latent, p.age_on(dates.cni));
            ++written.cni_listed[unit];
            for (std::size_t v = 0; v < flags.size(); ++v) {
                const std::int64_t w =
                    v < jh::kCniWeight100.size() ? jh::kCniWeight100[v] : jh::kUnder5Weight100;
                if (flags[v])
                    written.cni_weighted100[unit] += w;
            }
        }
        if (generator && dates.calendar.in_listing(p)) {
            const Segments segments = dates.calendar.segments(p);
            visits.clear();
            generator->base_visits(p, segments, visits);
            generator->correct(p, segments, visits);
            std::stable_sort(visits.begin(), visits.end(),
                             [](const Visit& a, const Visit& b) { return a.date < b.date; });
            for (const Visit& v : visits) {
                write_visit_row(*visits_file, p, v, width);
                written.visits.add(v);
            }
        }
        progress.tick(i + 1, "written");
    }

    for (auto& f : listings) {
        f->close();
        std::cerr << "wrote " << f->path().string() << ": " << f->rows() << " persons\n";
    }
    if (visits_file) {
        visits_file->close();
        std::cerr << "wrote " << visits_file->path().string() << ": " << visits_file->rows()
                  << " contacts\n";
    }
    if (!assigner.all_quotas_used())
        throw std::logic_error("CNI quotas not used up");
    if (generator && !generator->all_corrections_made()) {
        throw std::logic_error("visit corrections not all made");
    }
    return written;
}

// ---- Summary ------------------------------------------------------------------------------

void report_cni(const Options& o, const CniPlan& plan, const Written& w) {
    double total = 0;
    double persons = 0;
    for (std::size_t u = 0; u < kUnitCount; ++u) {
        total += static_cast<double>(w.cni_weighted100[u]) / 100;
        persons += static_cast<double>(w.cni_listed[u]);
    }
    if (persons == 0 || total == 0) {
        std::fprintf(stderr, "CNI %s: no flagged persons, no indexes\n",
                     month_text(o.cni_month).c_str());
        return;
    }
    const double region = total / persons;
    std::array<double, kUnitCount> index{};
    std::size_t lo = 0;
    std::size_t hi = 0;
    for (std::size_t u = 0; u < kUnitCount; ++u) {
        if (w.cni_listed[u] == 0)
            continue;
        index[u] = static_cast<double>(w.cni_weighted100[u]) / 100 /
                   static_cast<double>(w.cni_listed[u]) / region;
        if (w.cni_listed[lo] == 0 || index[u] < index[lo])
            lo = u;
        if (w.cni_listed[hi] == 0 || index[u] > index[hi])
            hi = u;
    }
    std::fprintf(stderr, "CNI %s: region score %.4f; lowest %s %.4f, highest %s %.4f\n",
                 month_text(o.cni_month).c_str(), region, std::string(jh::kUnits[lo].id).c_str(),
                 index[lo], std::string(jh::kUnits[hi].id).c_str(), index[hi]);
    if (!o.verbose)
        return;
    for (std::size_t u = 0; u < kUnitCount; ++u) {
        std::fprintf(stderr, "  %-13s listed %8llu  index %.4f  (target %.4f)\n",
                     std::string(jh::kUnits[u].id).c_str(),
                     static_cast<unsigned long long>(w.cni_listed[u]), index[u],
                     plan.target_index[u]);
    }
}

void report_visits(const Options& o, const Counts& counts, const VisitPlan& plan,
                   const Written& w) {
    const std::array<double, jh::kBands> weight = derived_weights(counts.visits, w.visits);
    int lo = -1;
    int hi = -1;
    for (int b = 0; b < jh::kBands; ++b) {
        const auto i = static_cast<std::size_t>(b);
        if (counts.visits.listed[i] == 0)
            continue;
        if (lo < 0 || weight[i] < weight[static_cast<std::size_t>(lo)])
            lo = b;
        if (hi < 0 || weight[i] > weight[static_cast<std::size_t>(hi)])
            hi = b;
    }
    if (lo < 0) {
        std::fprintf(stderr, "visits: nobody listed on the visits' listing month\n");
        return;
    }
    const double rows = static_cast<double>(w.visits.rows);
    const double listed = static_cast<double>(counts.visits.total_listed());
    std::fprintf(stderr,
                 "visits: %.2f contacts per listed person, doctor %.1f %%, phone prescription "
                 "%.1f %%; derived weights lowest %s %.4f, highest %s %.4f\n",
                 listed > 0 ? rows / listed : 0, rows > 0 ? 100 * w.visits.doctor_rows / rows : 0,
                 rows > 0 ? 100 * w.visits.prescription_rows / rows : 0, band_label(lo).c_str(),
                 weight[static_cast<std::size_t>(lo)], band_label(hi).c_str(),
                 weight[static_cast<std::size_t>(hi)]);
    for (std::size_t b = 0; b < static_cast<std::size_t>(jh::kBands); ++b) {
        if (w.visits.weighted[b] != plan.target_visits[b]) {
            throw std::logic_error("visits of band " + band_label(static_cast<int>(b)) +
                                   " missed their target");
        }
    }
    if (!o.verbose)
        return;
    for (int b = 0; b < jh::kBands; ++b) {
        const auto i = static_cast<std::size_t>(b);
        std::fprintf(
            stderr, "  %-6s listed %8llu  weighted visits %9llu  weight %.4f  (target %.4f)\n",
            band_label(b).c_str(), static_cast<unsigned long long>(counts.visits.listed[i]),
            static_cast<unsigned long long>(w.visits.weighted[i]), weight[i],
            plan.target_weight[i]);
    }
}

void run(const Options& o) {
    const std::uint64_t persons =
        o.persons
            ? *o.persons
            : std::max<std::uint64_t>(
                  1, static_cast<std::uint64_t>(std::llround(jh::kFullScalePersons * o.scale)));
    const Dates dates = make_dates(o);
    const PopulationModel model(o.seed, persons, dates.base, dates.end);
    const bool with_visits = !o.listing_only;
    fs::create_directories(o.out);
    std::cerr << "generating " << model.total_persons() << " persons (" << persons
              << " on the first month), seed " << o.seed << "\n";

    if (with_visits && std::find(o.listing_months.begin(), o.listing_months.end(), o.visits_last) ==
                           o.listing_months.end()) {
        std::cerr << "note: the visits are calibrated against the listing of "
                  << month_text(o.visits_last) << ", which --listing-months does not write\n";
    }

    const Counts counts = count_population(model, dates, with_visits);
    const CniPlan cni_plan = plan_cni(counts.cni);
    std::optional<VisitPlan> visit_plan;
    BandTotals base_totals;
    if (with_visits) {
        visit_plan = plan_visit_targets(counts.visits);
        base_totals = base_visit_totals(model, dates, *visit_plan, counts.visits);
        plan_corrections(*visit_plan, base_totals);
    }
    const Written written = write_files(o, model, dates, counts, cni_plan,
                                        visit_plan ? &*visit_plan : nullptr, &base_totals);
    report_cni(o, cni_plan, written);
    if (visit_plan)
        report_visits(o, counts, *visit_plan, written);
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    try {
        options = parse_args(argc, argv);
    } catch (const UsageError& e) {
        std::cerr << "vardval-generate: " << e.what() << "\n(see vardval-generate --help)\n";
        return 2;
    }
    if (options.help) {
        std::cout << kUsage;
        return 0;
    }
    try {
        run(options);
    } catch (const std::exception& e) {
        std::cerr << "vardval-generate: error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
