#pragma once
// Small builders for tests: a region, a listing by hand, a data source serving them, and
// validated parameters from a YAML snippet.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "vardval/plugin_api.hpp"
#include "vardval_host/component_params.hpp"
#include "vardval_host/import.hpp"

namespace vardval::test {

// An import's first rejects, one "line: reason" a line.
inline std::string reasons(const ImportReport& r) {
    std::string s;
    for (const Reject& j : r.first_rejects)
        s += std::to_string(j.line) + ": " + j.reason + "\n";
    return s;
}

// A file in the temporary folder, named after this process so parallel tests do not meet.
inline std::filesystem::path write_temp(const std::string& name, const std::string& text) {
    const std::filesystem::path p =
        std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "_" + name);
    std::ofstream(p, std::ios::binary) << text;
    return p;
}

inline Region make_region(const std::vector<std::string>& ids) {
    Region r;
    r.id = "test";
    r.name = "Test region";
    r.file = "region.yaml";
    for (const std::string& id : ids)
        r.units.push_back(Unit{id, "Unit " + id, Ownership::region_run, "vardcentral", {}});
    return r;
}

// Declares names in one of the region's vocabularies, as region.yaml would.
inline void declare(Region& r, Vocabulary v, const std::vector<std::string>& names) {
    for (const std::string& name : names)
        r.vocabularies[v][name] = Term{"test " + name, "", std::nullopt, std::nullopt, 1};
}

// The region with every vocabulary the core tests' data uses declared.
inline Region with_vocabularies(Region r) {
    declare(r, Vocabulary::profession, {"doctor", "nurse", "psychologist"});
    declare(r, Vocabulary::contact_type, {"visit", "phone", "digital", "home_visit"});
    declare(r, Vocabulary::event, {"sip", "health_talk_50", "av003"});
    declare(r, Vocabulary::measure, {"continuity_doctor", "drug_cost_kr", "plan_approved"});
    declare(r, Vocabulary::psychiatry_contact_type, {"visit", "digital", "phone", "group"});
    declare(r, Vocabulary::psychiatry_profession,
            {"doctor", "psychologist", "counsellor", "nurse"});
    declare(r, Vocabulary::diagnosis_group,
            {"depression", "anxiety", "stress", "adhd", "psychosis"});
    return r;
}

// Adds `n` persons of one age and sex to a unit, with the given CNI flags and distance.
inline void add_persons(ListingAggregate& l, const std::string& unit, int age, Sex sex,
                        std::int64_t n, const std::vector<std::string>& cni = {}, int decikm = 0) {
    UnitListing& u = l.units[unit];
    u.persons[static_cast<int>(sex)][age] += n;
    u.distance_decikm.add(decikm, n);
    for (const std::string& v : cni)
        u.cni[v] += n;
}

inline VisitCount visit_count(const std::string& unit, int age, Sex sex,
                              const std::string& profession, const std::string& contact_type,
                              std::int64_t visits, bool fee_charged = true,
                              const std::string& listed_unit = "") {
    return VisitCount{unit, age, sex, profession, contact_type, visits, fee_charged, listed_unit};
}

class FakeData : public DataSource {
  public:
    std::map<Period, ListingAggregate> listings;
    std::map<PeriodRange, VisitAggregate> visit_sets;
    std::map<Period, UnitValues> values;
    std::map<Period, EventAggregate> event_sets;
    std::map<Period, UnitValues> acg_points;
    std::map<Period, PsychiatryAggregate> psychiatry_sets;
    std::map<Period, CniDelivery> cni_sets;
    const UnitValues& unit_values(Period month) override {
        return find(values, month, "unit-values");
    }
    const EventAggregate& events(Period month) override {
        return find(event_sets, month, "events");
    }
    const UnitValues& acg(Period month) override { return find(acg_points, month, "acg"); }
    const CniDelivery& cni(Period month) override { return find(cni_sets, month, "cni"); }
    const PsychiatryAggregate& psychiatry(Period month) override {
        return find(psychiatry_sets, month, "psychiatry");
    }
    const ListingAggregate& listing(Period month) override {
        auto it = listings.find(month);
        if (it == listings.end())
            throw std::runtime_error("no listing " + month.to_string());
        return it->second;
    }
    const VisitAggregate& visits(PeriodRange range) override {
        auto it = visit_sets.find(range);
        if (it == visit_sets.end())
            throw std::runtime_error("no visits " + range.to_string());
        return it->second;
    }

  private:
    // Served with the reference a database would give it (unless the test set one), so
    // messages name kind and month.
    template <typename T>
    static const T& find(std::map<Period, T>& sets, Period month, const char* kind) {
        auto it = sets.find(month);
        if (it == sets.end())
            throw std::runtime_error(std::string("no ") + kind + " " + month.to_string());
        if (it->second.ref.kind.empty())
            it->second.ref = {kind, month.to_string(), 1};
        return it->second;
    }
};

// Parameters from YAML, validated as the host would; fails the test on any issue.
struct ValidParams {
    YAML::Node node;
    ComponentType type;
    Params params;
    ValidParams(ComponentType t, const std::string& yaml)
        : node(YAML::Load(yaml)),
          type(std::move(t)),
          params(node, type.params, "test.yaml", "params") {
        std::vector<Issue> issues;
        validate_component_params(type, node, "test.yaml", "params", issues);
        for (const Issue& i : issues)
            FAIL(i.to_string());
    }
    std::vector<LedgerLine> earlier;  // lines of components paid before this one
    std::vector<LedgerLine> run(const Region& region, Period period, DataSource& data) const {
        return type.create(params)->compute(RunContext{region, period, data, earlier});
    }
};

// Issues the host reports for a snippet (schema and cross-field checks).
inline std::vector<Issue> issues_for(const ComponentType& type, const std::string& yaml) {
    const YAML::Node node = YAML::Load(yaml);
    std::vector<Issue> issues;
    validate_component_params(type, node, "test.yaml", "params", issues);
    return issues;
}

inline bool any_issue_contains(const std::vector<Issue>& issues, const std::string& text) {
    for (const Issue& i : issues)
        if (i.to_string().find(text) != std::string::npos)
            return true;
    return false;
}

}  // namespace vardval::test
