#pragma once
// Parameter schemas that component types declare (like GDAL driver options): the host
// validates a model against them before anything is computed, rejecting unknown keys by
// name and saying what would be valid.
#include <optional>
#include <string>
#include <vector>

#include "vardval/vocabulary.hpp"

namespace vardval {

enum class ParamKind {
    number,  // decimal, at most six decimals
    integer,
    text,
    boolean,
    money,             // kronor in the model, e.g. 2453 or 2453.50; öre inside
    period,            // "YYYY-MM"
    period_range,      // "YYYY-MM..YYYY-MM"
    choice,            // one of `choices`
    list,              // elements described by `fields[0]`
    object,            // keys described by `fields`
    map,               // any keys; values described by `fields[0]`
    age_bands,         // list of {from, to, sex, weight}: contiguous from 0, last band open
    component_params,  // a part's parameters: the host validates them against the part's type
};
const char* to_string(ParamKind kind);

struct ParamSpec {
    std::string key;
    ParamKind kind = ParamKind::text;
    bool required = false;
    std::optional<std::string> default_value;  // as YAML text, e.g. "2"
    std::string doc;
    std::optional<double> min;
    std::optional<double> max;
    std::vector<std::string> choices;
    std::vector<ParamSpec> fields;
    std::vector<std::vector<std::string>> exactly_one_of;  // object: groups of keys
    // The region vocabularies a text value names (for a map: its keys), so the host checks
    // every model against region.yaml without knowing the type: one entry for a plain name,
    // two for a pair "first/second" such as doctor/visit. An empty side is not a region name
    // (the type checks it, e.g. an episode class). With `names_any`, "*" stands for a side.
    std::vector<std::optional<Vocabulary>> names;
    bool names_any = false;

    ParamSpec& require() {
        required = true;
        return *this;
    }
    ParamSpec& defaults_to(std::string value) {
        default_value = std::move(value);
        return *this;
    }
    ParamSpec& describe(std::string text) {
        doc = std::move(text);
        return *this;
    }
    ParamSpec& at_least(double v) {
        min = v;
        return *this;
    }
    ParamSpec& at_most(double v) {
        max = v;
        return *this;
    }
    ParamSpec& one_of(std::vector<std::string> keys) {
        exactly_one_of.push_back(std::move(keys));
        return *this;
    }
    ParamSpec& naming(Vocabulary v) {
        names = {v};
        return *this;
    }
    ParamSpec& naming_pair(std::optional<Vocabulary> first, std::optional<Vocabulary> second,
                           bool any) {
        names = {first, second};
        names_any = any;
        return *this;
    }
    const ParamSpec* field(const std::string& name) const;
    std::string summary() const;  // "price_per_weight_year: money (kr), ..." for help texts
};

namespace param {
ParamSpec number(std::string key);
ParamSpec integer(std::string key);
ParamSpec text(std::string key);
ParamSpec boolean(std::string key);
ParamSpec money(std::string key);
ParamSpec period(std::string key);
ParamSpec period_range(std::string key);
ParamSpec choice(std::string key, std::vector<std::string> choices);
ParamSpec list(std::string key, ParamSpec element);
ParamSpec object(std::string key, std::vector<ParamSpec> fields);
ParamSpec map(std::string key, ParamSpec value);
ParamSpec age_bands(std::string key);
ParamSpec component_params(std::string key);
}  // namespace param

}  // namespace vardval
