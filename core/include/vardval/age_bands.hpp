#pragma once
// Age bands with weights: any scheme (JH's 5-year bands, Västmanland's 0-5/6-64/65-74/75+),
// optionally split by sex. A valid table covers every age from 0 exactly once per sex, the
// last band open-ended, so every listed person falls in exactly one band.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "vardval/aggregates.hpp"
#include "vardval/decimal.hpp"
#include "vardval/issue.hpp"

namespace vardval {

struct AgeBand {
    int from = 0;
    std::optional<int> to;  // inclusive; none = open-ended ("100+")
    std::optional<Sex> sex;
    std::optional<Decimal> weight;

    bool contains(int age) const { return age >= from && (!to || age <= *to); }
    bool applies_to(Sex s) const { return !sex || *sex == s; }
    std::string label() const;  // "10-14", "100+", "75+ F"
};

class AgeBandTable {
  public:
    AgeBandTable() : AgeBandTable(std::vector<AgeBand>{}) {}
    explicit AgeBandTable(std::vector<AgeBand> bands);

    const std::vector<AgeBand>& bands() const { return bands_; }
    bool has_weights() const;
    bool by_sex() const;
    std::size_t index_of(int age, Sex sex) const;  // a valid table always has one
    void set_weight(std::size_t index, Decimal weight) { bands_[index].weight = weight; }

    // Weighted persons: Σ persons(age, sex) × weight(band). Every band must have a weight.
    Decimal weighted(const UnitListing& listing) const;

  private:
    static constexpr std::uint16_t kNone = UINT16_MAX;
    std::vector<AgeBand> bands_;
    // Each age's band by sex, found once: asked for every age of every unit of every model.
    std::array<std::array<std::uint16_t, kMaxAge + 1>, 2> index_{};
};

// Structure, gaps, overlaps, open end; weights all present or all absent.
void validate_age_bands(const YAML::Node& node, const std::string& file, const std::string& path,
                        std::vector<Issue>& issues);
AgeBandTable parse_age_bands(const YAML::Node& node);  // node must have validated

}  // namespace vardval
