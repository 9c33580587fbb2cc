#include "vardval_host/compare.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>

#include "vardval_host/model_info.hpp"
#include "vardval_host/period_range.hpp"

namespace vardval {
namespace {

// Component ids of both runs: the base's in payment order, then those only the proposal has.
std::vector<std::string> component_ids(const RunResult& base, const RunResult& proposal) {
    std::vector<std::string> ids;
    for (const RunResult* run : {&base, &proposal})
        for (const auto& [id, type] : run->components)
            if (std::find(ids.begin(), ids.end(), id) == ids.end())
                ids.push_back(id);
    return ids;
}

std::map<std::string, Ore> by_component(const UnitStatement& s) {
    std::map<std::string, Ore> amounts;
    for (const LedgerLine& l : s.lines)
        amounts[l.component] += l.amount_ore;
    return amounts;
}

// Both runs are of `region` and the same month, or std::invalid_argument says which differs.
void check_comparable(const RunResult& first, const RunResult& run, const Region& region) {
    if (run.region != first.region)
        throw std::invalid_argument("cannot compare models of different regions: " + first.region +
                                    " and " + run.region);
    if (run.period_text() != first.period_text())
        throw std::invalid_argument("cannot compare different months: " + first.period_text() +
                                    " and " + run.period_text());
    if (region.id != run.region)
        throw std::invalid_argument("the runs are for region " + run.region +
                                    ", the register given is " + region.id + "'s");
}

// The run's statements by register position (null where the run does not pay the unit), so
// runs of models paying different units are paired by unit id, never by position.
// `register_index` is each unit id's position in the register.
std::vector<const UnitStatement*> by_register(const RunResult& run, const Region& region,
                                              const UnitIndex& register_index) {
    std::vector<const UnitStatement*> statements(region.units.size(), nullptr);
    for (const UnitStatement& st : run.units) {
        const auto at = register_index.find(st.unit->id);
        if (!at)
            throw std::invalid_argument("unit '" + st.unit->id + "' of " + run.model_file +
                                        " is not in the register of " + region.id);
        if (statements[*at])
            throw std::invalid_argument("unit '" + st.unit->id + "' is paid twice by " +
                                        run.model_file);
        statements[*at] = &st;
    }
    return statements;
}

}  // namespace

Comparison compare_runs(const RunResult& base, const RunResult& proposal, const Region& region) {
    check_comparable(base, proposal, region);
    Comparison c;
    c.base = &base;
    c.proposal = &proposal;
    const std::vector<std::string> ids = component_ids(base, proposal);
    for (const std::string& id : ids)
        c.components.push_back({id, 0, 0});
    const UnitIndex index(region);
    const std::vector<const UnitStatement*> before = by_register(base, region, index);
    const std::vector<const UnitStatement*> after = by_register(proposal, region, index);
    for (std::size_t k = 0; k < region.units.size(); ++k) {
        const UnitStatement* b = before[k];
        const UnitStatement* p = after[k];
        if (!b && !p)
            continue;
        UnitDiff d{&region.units[k],
                   (p ? p : b)->listed,
                   b ? b->total_ore : 0,
                   p ? p->total_ore : 0,
                   b != nullptr,
                   p != nullptr,
                   {}};
        const auto base_amounts = b ? by_component(*b) : std::map<std::string, Ore>{};
        const auto proposal_amounts = p ? by_component(*p) : std::map<std::string, Ore>{};
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const Ore old_ore = base_amounts.count(ids[i]) ? base_amounts.at(ids[i]) : 0;
            const Ore new_ore = proposal_amounts.count(ids[i]) ? proposal_amounts.at(ids[i]) : 0;
            d.components.push_back({ids[i], old_ore, new_ore});
            c.components[i].base_ore += old_ore;
            c.components[i].proposal_ore += new_ore;
        }
        c.total_base_ore += d.base_ore;
        c.total_proposal_ore += d.proposal_ore;
        c.units.push_back(std::move(d));
    }
    return c;
}

std::vector<std::string> model_column_names(const std::vector<std::string>& files) {
    namespace fs = std::filesystem;
    std::vector<fs::path> paths;
    for (const std::string& f : files)
        paths.push_back(fs::absolute(fs::path(f)).lexically_normal());
    std::vector<std::string> names;
    for (const fs::path& p : paths)
        names.push_back(p.stem().string());
    std::vector<std::string> unique = names;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (std::count(names.begin(), names.end(), names[i]) < 2)
            continue;
        // The directory the files sharing this stem have in common, component by component.
        const fs::path dir = paths[i].parent_path();
        std::vector<fs::path> common(dir.begin(), dir.end());
        for (std::size_t j = 0; j < paths.size(); ++j) {
            if (names[j] != names[i])
                continue;
            const fs::path other = paths[j].parent_path();
            std::size_t k = 0;
            for (auto it = other.begin();
                 it != other.end() && k < common.size() && *it == common[k]; ++it)
                ++k;
            common.resize(k);
        }
        fs::path base;
        for (const fs::path& part : common)
            base /= part;
        unique[i] =
            (dir.lexically_relative(base) / paths[i].stem()).lexically_normal().generic_string();
    }
    // The same file given twice: number the repeats.
    std::set<std::string> used;
    for (std::string& name : unique) {
        const std::string plain = name;
        for (int n = 2; !used.insert(name).second; ++n)
            name = plain + "#" + std::to_string(n);
    }
    return unique;
}

namespace {

// Each component's total over the run's units, labelled as the model labels it.
std::vector<SideBySideModel::Component> component_totals(const RunResult& run,
                                                         const std::vector<ComponentInfo>& info) {
    std::vector<SideBySideModel::Component> out;
    for (const auto& [id, type] : run.components)
        out.push_back({id, component_label(info, id), 0});
    for (const UnitStatement& s : run.units)
        for (const LedgerLine& l : s.lines)
            for (SideBySideModel::Component& c : out)
                if (c.id == l.component)
                    c.ore += l.amount_ore;
    return out;
}

bool same_file(const std::string& a, const std::string& b) {
    namespace fs = std::filesystem;
    std::error_code ec1, ec2;
    const fs::path pa = fs::weakly_canonical(fs::absolute(a), ec1);
    const fs::path pb = fs::weakly_canonical(fs::absolute(b), ec2);
    return !ec1 && !ec2 && pa == pb;
}

// The reference asked for (a column name or a file), else `today`, else the first.
std::size_t reference_index(const std::vector<SideBySideModel>& models,
                            const std::string& reference) {
    std::vector<std::string> names;
    for (const SideBySideModel& m : models)
        names.push_back(m.name);
    const std::string wanted = reference.empty() ? "today" : reference;
    for (std::size_t i = 0; i < models.size(); ++i)
        if (models[i].name == wanted || (!reference.empty() && same_file(models[i].file, wanted)))
            return i;
    if (reference.empty())
        return 0;
    throw std::invalid_argument("--reference '" + reference + "' is none of the compared models" +
                                did_you_mean(reference, names) + "; models: " + join(names));
}

}  // namespace

SideBySideBuilder::SideBySideBuilder(const Region& region, std::size_t expected_models)
    : region_(region), cells_(region.units.size()), listed_(region.units.size(), 0) {
    files_.reserve(expected_models);
    for (std::vector<std::optional<Ore>>& unit : cells_)
        unit.reserve(expected_models);
}

void SideBySideBuilder::add(const RunResult& run) {
    if (models_.empty()) {
        first_.region = run.region;
        first_.region_name = run.region_name;
        first_.period = run.period;
        first_.last_period = run.last_period;
        index_ = UnitIndex(region_);
    }
    check_comparable(first_, run, region_);
    const std::vector<const UnitStatement*> statements = by_register(run, region_, index_);
    Ore total = 0;
    for (std::size_t k = 0; k < statements.size(); ++k) {
        cells_[k].push_back(statements[k] ? std::optional<Ore>(statements[k]->total_ore)
                                          : std::nullopt);
        if (statements[k]) {
            total += statements[k]->total_ore;
            listed_[k] = statements[k]->listed;
        }
    }
    if (total != run.total_ore)  // the engine guarantees it; never show a wrong total
        throw std::runtime_error(run.model_file + ": unit totals " + std::to_string(total) +
                                 " öre do not add up to the run's total " +
                                 std::to_string(run.total_ore) + " öre");
    files_.push_back(run.model_file);
    const std::vector<ComponentInfo> info = model_components(run);
    models_.push_back({"", run.model_file, run.title, run.model_hash, run.run_id, run.month_run_ids,
                       run.total_ore, component_totals(run, info), illustrative_params(info)});
    sample_data_ = sample_data_ || run.sample_data;
}

SideBySide SideBySideBuilder::finish(const std::string& reference) {
    if (models_.size() < 2)
        throw std::invalid_argument("a side-by-side comparison needs two or more models; got " +
                                    std::to_string(models_.size()));
    SideBySide s;
    s.region = first_.region;
    s.region_name = first_.region_name;
    s.period = first_.period;
    s.last_period = first_.last_period;
    s.sample_data = sample_data_;
    const std::vector<std::string> names = model_column_names(files_);
    s.models = std::move(models_);
    for (std::size_t m = 0; m < s.models.size(); ++m)
        s.models[m].name = names[m];
    for (std::size_t k = 0; k < region_.units.size(); ++k)
        if (std::any_of(cells_[k].begin(), cells_[k].end(),
                        [](const std::optional<Ore>& c) { return c.has_value(); }))
            s.units.push_back({&region_.units[k], std::move(cells_[k]), listed_[k]});
    s.reference = reference_index(s.models, reference);

    std::vector<bool> grouped(s.models.size(), false);
    for (std::size_t i = 0; i < s.models.size(); ++i) {
        if (grouped[i])
            continue;
        std::vector<std::size_t> group{i};
        for (std::size_t j = i + 1; j < s.models.size(); ++j)
            if (!grouped[j] && s.models[j].total_ore == s.models[i].total_ore) {
                group.push_back(j);
                grouped[j] = true;
            }
        if (group.size() > 1)
            s.equal_totals.push_back(std::move(group));
    }
    return s;
}

SideBySide compare_side_by_side(const std::vector<RunResult>& runs, const Region& region,
                                const std::string& reference) {
    if (runs.size() < 2)
        throw std::invalid_argument("a side-by-side comparison needs two or more models; got " +
                                    std::to_string(runs.size()));
    SideBySideBuilder builder(region, runs.size());
    for (const RunResult& run : runs)
        builder.add(run);
    return builder.finish(reference);
}

}  // namespace vardval
