#include "authoring.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <spdlog/spdlog.h>
#include <yaml-cpp/yaml.h>

#include "commands.hpp"
#include "vardval_host/model_diff.hpp"
#include "vardval_host/model_schema.hpp"
#include "vardval_host/plugin_docs.hpp"
#include "vardval_host/plugin_host.hpp"

namespace fs = std::filesystem;

namespace vardval::cli {

int plugin_type(const Config& config, const std::string& type, const std::string& region_id,
                Format format) {
    PluginHost host;
    load_plugins(host, config);
    if (format == Format::csv)
        throw std::invalid_argument("plugins TYPE prints a table or json (csv lists all types)");
    const RegisteredType* t = host.find(type);
    if (t == nullptr)
        throw std::invalid_argument("unknown component type '" + type + "'" +
                                    did_you_mean(type, host.type_names()) +
                                    "; known types: " + join(host.type_names()));
    std::optional<Region> region;
    if (!region_id.empty())
        region = load_region((config.regions_dir / region_id / "region.yaml").string());
    write_plugin(std::cout, *t, region ? &*region : nullptr, &host, format);
    return kOk;
}

int schema(const Config& config) {
    PluginHost host;
    load_plugins(host, config);
    std::cout << model_json_schema(host);
    return kOk;
}

namespace {

void print_issues(const std::vector<Issue>& issues) {
    for (const Issue& i : issues)
        std::cerr << "error: " << i.to_string() << "\n";
}

// A YAML double-quoted string (JSON's escapes are YAML's).
std::string quoted(const std::string& text) {
    return json_string(text);
}

// Each line of `text` after `prefix`: "  #     " comments a parameter out so that an
// editor's "uncomment" gives it back at its place under `params:`.
std::string prefixed(const std::string& text, const std::string& prefix) {
    std::string out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        out += prefix + line + "\n";
    return out;
}

// Where a top-level parameter's value comes from: the line that set it, and any scaling or
// budget move since.
std::string key_source(const ComponentDecl& c, const YAML::Node& key) {
    const auto file = c.param_files.find(key.Scalar());
    std::string source =
        fs::path(file == c.param_files.end() ? c.file : file->second).filename().string() + ":" +
        std::to_string(key.Mark().line + 1);
    const auto changed = c.changed_at.find(key.Scalar());
    if (changed != c.changed_at.end())
        for (const std::string& at : changed->second)
            source += (key.Scalar() == "budget_year" ? ", moved at " : ", scaled at ") +
                      fs::path(at).filename().string();
    return source;
}

// One component as a commented block: its id, type and every parameter with its value.
std::string commented_component(const ComponentDecl& c, const PluginHost& host) {
    const RegisteredType* type = host.find(c.type);
    std::string out = "  # - id: " + c.id + "    # " + c.type +
                      (c.label.empty() ? "" : ", " + c.label) + ", " +
                      fs::path(c.file).filename().string() + ":" + std::to_string(c.line) + "\n";
    if (!c.params.IsMap() || c.params.size() == 0)
        return out;
    out += "  #   params:\n";
    for (const auto& kv : c.params) {
        YAML::Emitter emitter;
        emitter << YAML::BeginMap << YAML::Key << kv.first.Scalar() << YAML::Value;
        const bool short_value = kv.second.IsScalar() ||
                                 (kv.second.size() <= 12 && !kv.second.IsSequence()) ||
                                 (kv.second.IsSequence() && kv.second.size() <= 6);
        if (short_value)
            emitter << YAML::Flow;
        emitter << kv.second << YAML::EndMap;
        std::string text = emitter.c_str();
        const ParamSpec* spec = type ? type->type.params.field(kv.first.Scalar()) : nullptr;
        const std::string note =
            (spec && spec->kind == ParamKind::money ? "kr, " : "") + key_source(c, kv.first);
        const std::size_t first_end = text.find('\n');
        text.insert(first_end == std::string::npos ? text.size() : first_end, "   # " + note);
        out += prefixed(text, "  #     ");
    }
    return out;
}

// The first price of the model (a money parameter that is not a pot's budget), for a
// scaling example that names a real one.
std::string money_param(const Model& model, const PluginHost& host) {
    for (const ComponentDecl& c : model.components) {
        const RegisteredType* type = host.find(c.type);
        for (const auto& kv : c.params)
            if (type != nullptr) {
                const ParamSpec* spec = type->type.params.field(kv.first.Scalar());
                if (spec != nullptr && spec->kind == ParamKind::money && kv.second.IsScalar() &&
                    kv.first.Scalar() != "budget_year")
                    return c.id + "." + kv.first.Scalar();
            }
    }
    return "component.key";
}

std::string skeleton(const LoadedModel& base, const NewYearArgs& args, const PluginHost& host) {
    const std::string from = std::to_string(args.from), to = std::to_string(args.to);
    std::ostringstream out;
    out << "# " << base.region.name << ", contract year " << to << ", written as the changes to "
        << from << ".yaml (made by `vardval new-year`).\n"
        << "# It changes nothing yet: every component of " << from
        << " is listed below, commented out, with its\n"
        << "# value and the file:line that set it. Uncomment a component's `- id:` line, "
           "`params:` and\n"
        << "# only the keys that change (a key not given keeps its " << from
        << " value; `key: ~` drops it),\n"
        << "# and say in a comment where each new figure comes from. Then:\n"
        << "#   vardval validate --region " << args.region << " --year " << to << "\n"
        << "#   vardval diff --region " << args.region << " --base " << from << " --proposal " << to
        << "\n"
        << "region: " << args.region << "\n"
        << "year: " << to << "\n"
        << "title: " << quoted(base.region.name + " " + to + " (draft from " + from + ")") << "\n"
        << "# source: \"the decision or proposal this year comes from, e.g. 002 §8.4\"\n"
        << "extends: " << from << "\n"
        << "components:\n"
        << "  # A new component: `- id: NEW` with `type:` and all its params (vardval plugins "
           "TYPE\n"
        << "  # prints an example). Drop one: `- {id: ID, remove: true}`.\n";
    for (const ComponentDecl& c : base.model.components)
        out << commented_component(c, host);
    out << "scale:\n"
        << "  # Indexation (uppräkning) or a stated percentage, applied after this file's own "
           "values:\n"
        << "  # - reason: \"uppräkning " << to << ": the index and where it comes from\"\n"
        << "  #   factor: 1.02    # e.g. +2.0 %\n"
        << "  #   params: [" << money_param(base.model, host) << "]\n"
        << "moves:\n"
        << "  # An annual amount from one component to another (a pot's budget_year changes):\n"
        << "  # - {reason: \"why\", from: COMPONENT, to: COMPONENT, amount_year: 1000000}\n";
    return out.str();
}

}  // namespace

int new_year(const Config& config, const NewYearArgs& args) {
    if (args.to == args.from)
        throw std::invalid_argument("--to must be another year than --from (" +
                                    std::to_string(args.from) + ")");
    const ModelChoice base_choice{args.region, args.from, ""};
    const ModelChoice new_choice{args.region, args.to, ""};
    const fs::path target = new_choice.path(config);
    if (fs::exists(target))
        throw std::invalid_argument(target.string() +
                                    " exists: new-year never overwrites a model; edit it, or "
                                    "remove it to start again");
    PluginHost host;
    load_plugins(host, config);
    const LoadedModel base = load(base_choice, config);
    if (auto issues = validate_model(base.model, base.region, host); !issues.empty()) {
        print_issues(issues);
        std::cerr << base.model.file << " is not valid; fix it before writing " << target.string()
                  << "; nothing was written\n";
        return kInvalidModel;
    }
    {
        std::ofstream out(target);
        out << skeleton(base, args, host);
        if (!out)
            throw std::runtime_error("cannot write " + target.string());
    }
    // The skeleton must be valid as written; if it is not, that is a bug here, and a file
    // that does not validate is not left behind.
    const LoadedModel written = load(new_choice, config);
    if (auto issues = validate_model(written.model, written.region, host); !issues.empty()) {
        print_issues(issues);
        fs::remove(target);
        std::cerr << "the generated model did not validate; nothing was written\n";
        return kInternal;
    }
    const std::string r = args.region, from = std::to_string(args.from),
                      to = std::to_string(args.to);
    std::cout << "wrote " << target.string() << ": extends " << from << ".yaml with its "
              << written.model.components.size() << " components and changes nothing yet (valid).\n"
              << "Next:\n"
              << "  1. set title: and source: (the decision this year comes from)\n"
              << "  2. for each component that changes, uncomment its `- id:` and `params:` "
                 "lines and the keys that change, with the new values\n"
              << "  3. indexation: an entry under scale: (reason, factor, params); budget moves "
                 "under moves:\n"
              << "  4. vardval validate --region " << r << " --year " << to << "\n"
              << "  5. vardval diff --region " << r << " --base " << from << " --proposal " << to
              << "   (every changed value with the line that set it)\n"
              << "  6. vardval compare --region " << r << " --base " << from << " --proposal " << to
              << " --period " << to << "-01   (what each unit gains or loses)\n";
    return kOk;
}

namespace {

struct Side {
    Model model;
    std::string name;  // the file as given
};

Side load_side(const ModelChoice& choice, const Config& config) {
    Model model = load_model_of(choice, config);
    if (!model.issues.empty())
        throw IssueError("invalid model", std::move(model.issues));
    return Side{model, model.file};
}

std::string json_or_null(const std::optional<std::string>& s) {
    return s ? json_string(*s) : "null";
}

void write_diff_json(std::ostream& out, const Model& base, const Model& proposal,
                     const std::vector<ValueChange>& changes) {
    auto side = [](const Model& m) {
        return "{\"model\": " + json_string(m.file) + ", \"year\": " + std::to_string(m.year) +
               ", \"title\": " + json_string(m.title) + "}";
    };
    out << "{\"base\": " << side(base) << ",\n \"proposal\": " << side(proposal)
        << ",\n \"changes\": [";
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const ValueChange& c = changes[i];
        out << (i ? "," : "") << "\n  {\"component\": " << json_string(c.component)
            << ", \"key\": " << json_string(c.key) << ", \"change\": " << json_string(c.kind)
            << ", \"base\": " << json_or_null(c.base)
            << ", \"proposal\": " << json_or_null(c.proposal)
            << ", \"unit\": " << (c.unit.empty() ? "null" : json_string(c.unit))
            << ", \"source\": " << json_string(c.source) << ", \"base_source\": "
            << (c.base_source.empty() ? "null" : json_string(c.base_source)) << "}";
    }
    out << (changes.empty() ? "]}\n" : "\n ]}\n");
}

void write_diff_table(std::ostream& out, const Model& base, const Model& proposal,
                      const std::vector<ValueChange>& changes) {
    out << "Base:     " << base.file << " (" << base.year << ", " << base.title << ")\n"
        << "Proposal: " << proposal.file << " (" << proposal.year << ", " << proposal.title
        << ")\n";
    if (changes.empty()) {
        out << "No changes: the resolved models are the same, component by component and "
               "parameter by parameter.\n";
        return;
    }
    std::vector<std::vector<std::string>> rows{
        {"component", "key", "base", "proposal", "unit", "set at"}};
    std::set<std::string> components;
    for (const ValueChange& c : changes) {
        components.insert(c.component);
        rows.push_back({c.component, c.key, c.base.value_or(c.kind == "added" ? "(added)" : "–"),
                        c.proposal.value_or(c.kind == "removed" ? "(removed)" : "–"), c.unit,
                        c.kind == "removed"
                            ? "removed in " + c.source + " (was " + c.base_source + ")"
                            : c.source});
    }
    std::vector<std::size_t> width(rows[0].size(), 0);
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i)
            width[i] = std::max(width[i], std::min<std::size_t>(display_width(row[i]), 40));
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i)
            line += (i ? "  " : "") + (i + 1 < row.size() ? pad(row[i], width[i], false) : row[i]);
        out << line << "\n";
    }
    out << changes.size() << " change(s) in " << components.size() << " component(s)\n";
}

}  // namespace

int diff(const Config& config, DiffArgs args, Format format) {
    if (!args.files.empty()) {
        if (args.files.size() != 2)
            throw std::invalid_argument("diff takes two model files, base then proposal; got " +
                                        std::to_string(args.files.size()));
        args.base.model_file = args.files[0];
        args.proposal.model_file = args.files[1];
    }
    args.proposal.region = args.base.region;
    PluginHost host;
    load_plugins(host, config);
    const Side base = load_side(args.base, config);
    const Side proposal = load_side(args.proposal, config);
    const std::vector<ValueChange> changes = diff_models(base.model, proposal.model, host);
    if (format == Format::json)
        write_diff_json(std::cout, base.model, proposal.model, changes);
    else
        write_diff_table(std::cout, base.model, proposal.model, changes);
    return kOk;
}

int validate_path(const Config& config, const ModelChoice& choice, Format format) {
    if (choice.model_file.empty() || !fs::is_directory(choice.model_file))
        return validate(config, choice, format);
    if (format == Format::json)
        throw std::invalid_argument("--format json validates one model file; --model " +
                                    choice.model_file + " is a folder");
    std::vector<std::string> files;
    for (const fs::directory_entry& e : fs::directory_iterator(choice.model_file))
        if (e.is_regular_file() && e.path().extension() == ".yaml" &&
            e.path().filename() != "region.yaml")
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    if (files.empty())
        throw std::invalid_argument("--model " + choice.model_file +
                                    ": a folder without model files (*.yaml)");
    int worst = kOk;
    std::size_t invalid = 0;
    for (const std::string& file : files) {
        ModelChoice one = choice;
        one.model_file = file;
        int code = kOk;
        try {
            code = validate(config, one, Format::table);
        } catch (const IssueError& e) {
            print_issues(e.issues());
            std::cerr << file << ": " << e.what() << "\n";
            code = kInvalidModel;
        }
        invalid += code != kOk;
        worst = std::max(worst, code);
    }
    std::cout << choice.model_file << ": " << files.size() - invalid << " of " << files.size()
              << " model files valid\n";
    return worst;
}

void check_period_in_year(const Model& model, const PeriodRange& months, bool strict) {
    if (model.year == 0 || (model.year == months.first.year && model.year == months.last.year))
        return;
    const Period outside = months.first.year != model.year ? months.first : months.last;
    const std::string message = "the model is for " + std::to_string(model.year) +
                                " but the month computed, " + outside.to_string() + ", is in " +
                                std::to_string(outside.year);
    if (strict)
        throw IssueError("model year and month differ (--strict)",
                         {Issue{model.file, 0, 0, "year",
                                message + ": run it on a month of " + std::to_string(model.year) +
                                    ", or use the model of " + std::to_string(outside.year)}});
    spdlog::warn("{}: {} (refused with --strict)", model.file, message);
}

}  // namespace vardval::cli
