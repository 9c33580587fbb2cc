#include "vardval/age_bands.hpp"

#include "vardval/params.hpp"

#include <algorithm>
#include <map>

namespace vardval {

std::string AgeBand::label() const {
    std::string s = std::to_string(from) + (to ? "-" + std::to_string(*to) : "+");
    if (sex)
        s += std::string(" ") + to_string(*sex);
    return s;
}

bool AgeBandTable::has_weights() const {
    return !bands_.empty() && std::all_of(bands_.begin(), bands_.end(),
                                          [](const AgeBand& b) { return b.weight.has_value(); });
}

bool AgeBandTable::by_sex() const {
    return !bands_.empty() && bands_.front().sex.has_value();
}

AgeBandTable::AgeBandTable(std::vector<AgeBand> bands) : bands_(std::move(bands)) {
    for (int s = 0; s < 2; ++s)
        for (int age = 0; age <= kMaxAge; ++age) {
            index_[s][age] = kNone;
            for (std::size_t i = 0; i < bands_.size() && i < kNone; ++i)
                if (bands_[i].contains(age) && bands_[i].applies_to(static_cast<Sex>(s))) {
                    index_[s][age] = static_cast<std::uint16_t>(i);
                    break;
                }
        }
}

std::size_t AgeBandTable::index_of(int age, Sex sex) const {
    const std::uint16_t i = age >= 0 && age <= kMaxAge ? index_[static_cast<int>(sex)][age] : kNone;
    if (i == kNone)
        throw std::logic_error("age " + std::to_string(age) +
                               " not covered by a validated band table");
    return i;
}

Decimal AgeBandTable::weighted(const UnitListing& listing) const {
    Decimal total;
    for (int s = 0; s < 2; ++s)
        for (int age = 0; age <= kMaxAge; ++age) {
            const std::int64_t n = listing.persons[s][age];
            if (n != 0)
                total += bands_[index_of(age, static_cast<Sex>(s))].weight->times(n);
        }
    return total;
}

namespace {

// A missing key gives an invalid node whose type queries throw: test IsDefined() first.
std::optional<int> age_value(const YAML::Node& n) {
    if (!n.IsDefined() || !n.IsScalar())
        return std::nullopt;
    const std::string& s = n.Scalar();
    if (s.empty() || s.size() > 3 || !std::all_of(s.begin(), s.end(), ::isdigit))
        return std::nullopt;
    const int v = std::stoi(s);
    return v <= kMaxAge ? std::optional<int>(v) : std::nullopt;
}

}  // namespace

void validate_age_bands(const YAML::Node& node, const std::string& file, const std::string& path,
                        std::vector<Issue>& issues) {
    const std::string shape =
        "each band is {from: AGE, to: AGE (omit on the last, open band), sex: F|M (optional), "
        "weight: NUMBER}";
    if (!node.IsSequence() || node.size() == 0) {
        issues.push_back(
            issue_at(node, file, path, "expected a non-empty list of age bands; " + shape));
        return;
    }
    struct Parsed {
        int from;
        std::optional<int> to;
        std::string sex;
        // A mark, not the node: assigning a YAML::Node (as sorting does) rebinds the
        // document's own node and would corrupt the model.
        YAML::Mark mark;
        std::string path;
    };
    std::map<std::string, std::vector<Parsed>> by_sex;
    std::size_t with_weight = 0;
    std::size_t with_sex = 0;
    const std::size_t before = issues.size();
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node band = node[i];
        const std::string band_path = path + "[" + std::to_string(i) + "]";
        if (!band.IsMap()) {
            issues.push_back(issue_at(band, file, band_path, "expected a mapping; " + shape));
            continue;
        }
        for (const auto& kv : band) {
            const std::string k = kv.first.Scalar();
            if (k != "from" && k != "to" && k != "sex" && k != "weight")
                issues.push_back(issue_at(kv.first, file, band_path + "." + k,
                                          "unknown key '" + k + "'" +
                                              did_you_mean(k, {"from", "to", "sex", "weight"}) +
                                              "; valid: from, to, sex, weight"));
        }
        auto from = age_value(band["from"]);
        if (!from) {
            const bool given = band["from"].IsDefined();
            issues.push_back(issue_at(given ? band["from"] : band, file, band_path + ".from",
                                      std::string(given ? "'from' must be" : "missing 'from':") +
                                          " an age 0-" + std::to_string(kMaxAge) + "; " + shape));
            continue;
        }
        std::optional<int> to;
        if (band["to"].IsDefined()) {
            to = age_value(band["to"]);
            if (!to || *to < *from) {
                issues.push_back(
                    issue_at(band["to"], file, band_path + ".to",
                             "'to' must be an age ≥ from (" + std::to_string(*from) + ")"));
                continue;
            }
        }
        std::string sex = "all";
        if (band["sex"].IsDefined()) {
            ++with_sex;
            sex = band["sex"].Scalar();
            if (sex != "F" && sex != "M") {
                issues.push_back(
                    issue_at(band["sex"], file, band_path + ".sex", "sex must be F or M"));
                continue;
            }
        }
        if (band["weight"].IsDefined()) {
            ++with_weight;
            auto w =
                band["weight"].IsScalar() ? Decimal::parse(band["weight"].Scalar()) : std::nullopt;
            if (!w || w->raw() < 0)
                issues.push_back(
                    issue_at(band["weight"], file, band_path + ".weight",
                             "weight must be a non-negative number with at most six decimals"));
        }
        by_sex[sex].push_back({*from, to, sex, band.Mark(), band_path});
    }
    if (issues.size() != before)
        return;
    if (with_sex != 0 && with_sex != node.size())
        issues.push_back(issue_at(
            node, file, path, "either every band has 'sex' or none does (split by sex or not)"));
    if (with_weight != 0 && with_weight != node.size())
        issues.push_back(
            issue_at(node, file, path, "either every band has a 'weight' or none does"));
    if (with_sex != 0 && by_sex.size() != 2)
        issues.push_back(issue_at(node, file, path, "bands split by sex must cover both F and M"));

    for (auto& [sex, bands] : by_sex) {
        std::stable_sort(bands.begin(), bands.end(),
                         [](const Parsed& a, const Parsed& b) { return a.from < b.from; });
        const std::string who = sex == "all" ? "" : " for sex " + sex;
        if (bands.front().from != 0)
            issues.push_back(issue_at(bands.front().mark, file, bands.front().path,
                                      "gap: ages 0-" + std::to_string(bands.front().from - 1) +
                                          " are not covered" + who +
                                          "; the first band must start at 0"));
        for (std::size_t i = 0; i + 1 < bands.size(); ++i) {
            const Parsed& a = bands[i];
            const Parsed& b = bands[i + 1];
            if (!a.to) {
                issues.push_back(issue_at(a.mark, file, a.path,
                                          "band " + std::to_string(a.from) +
                                              "+ is open-ended but is not the last band" + who));
                continue;
            }
            if (b.from <= *a.to)
                issues.push_back(issue_at(b.mark, file, b.path,
                                          "overlap: band starting at " + std::to_string(b.from) +
                                              " overlaps band " + std::to_string(a.from) + "-" +
                                              std::to_string(*a.to) + who));
            else if (b.from > *a.to + 1)
                issues.push_back(issue_at(b.mark, file, b.path,
                                          "gap: ages " + std::to_string(*a.to + 1) + "-" +
                                              std::to_string(b.from - 1) + " are not covered" +
                                              who + "; this band should start at " +
                                              std::to_string(*a.to + 1)));
        }
        if (bands.back().to)
            issues.push_back(
                issue_at(bands.back().mark, file, bands.back().path,
                         "the last band must be open-ended (omit 'to') so every age is "
                         "covered" +
                             who));
    }
}

AgeBandTable parse_age_bands(const YAML::Node& node) {
    std::vector<AgeBand> bands;
    for (const auto& n : node) {
        AgeBand b;
        b.from = std::stoi(n["from"].Scalar());
        if (n["to"].IsDefined())
            b.to = std::stoi(n["to"].Scalar());
        if (n["sex"].IsDefined())
            b.sex = n["sex"].Scalar() == "F" ? Sex::female : Sex::male;
        if (n["weight"].IsDefined())
            b.weight = *Decimal::parse(n["weight"].Scalar());
        bands.push_back(b);
    }
    return AgeBandTable(std::move(bands));
}

}  // namespace vardval
