#pragma once
// The plugin API: the one header a component plugin includes. A plugin library exports
// one entry point returning a PluginInfo (as LLVM pass plugins do); the host checks
// `api_version` before touching anything else, then calls `register_types` with its
// registrar (as DuckDB extensions register through a loader). No static initialisers.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <boost/dll/alias.hpp>

#include "vardval/aggregates.hpp"
#include "vardval/issue.hpp"
#include "vardval/ledger.hpp"
#include "vardval/missing_value.hpp"
#include "vardval/params.hpp"
#include "vardval/period.hpp"
#include "vardval/region.hpp"
#include "vardval/schema.hpp"

namespace vardval {

// Bump whenever anything in this header or the types it includes changes layout or meaning.
// 5: declared vocabularies in Region and ParamSpec; exact basis, rate, pot and share in
// LedgerLine.
// 6: UnitListing::distance_decikm is a dense DistanceHistogram.
// 7: DistanceHistogram keeps running totals; AgeBandTable its band per age and sex.
// 8: DataSource::cni, SCB's per-unit CNI delivery.
inline constexpr int ABI_VERSION = 8;

// Datasets a component reads, fetched by the host from the database on first use.
class DataSource {
  public:
    virtual ~DataSource() = default;
    virtual const ListingAggregate& listing(Period month) = 0;
    virtual const VisitAggregate& visits(PeriodRange range) = 0;
    virtual const UnitValues& unit_values(Period month) = 0;
    virtual const EventAggregate& events(Period month) = 0;
    // ACG morbidity points summed per unit from per-person weights: measures "acg_points"
    // and "acg_persons".
    virtual const UnitValues& acg(Period month) = 0;
    // Psychiatric contacts and episodes from the extract that ends with `month`.
    virtual const PsychiatryAggregate& psychiatry(Period month) = 0;
    // SCB's per-unit CNI delivery for the month.
    virtual const CniDelivery& cni(Period month) = 0;
};

struct RunContext {
    const Region& region;
    Period period;  // the month being paid
    DataSource& data;
    // Lines of the components before this one in payment order, for components that pay a
    // share of others (VAT compensation for private units).
    const std::vector<LedgerLine>& earlier;
};

// A configured component: computes its ledger lines for one month, one per unit of the
// region (zero lines included, so every unit's statement is complete).
class Component {
  public:
    virtual ~Component() = default;
    virtual std::vector<LedgerLine> compute(const RunContext& ctx) const = 0;
};

// A part of a composite component: an ordinary component the host validates and runs in the
// composite's place as "<composite id>.<part id>", so each part keeps its own ledger lines.
struct ComponentPart {
    std::string id;
    std::string type;
    std::string label;
    YAML::Node params;  // a node of its own (not shared with the model); validated by the host
};

struct ComponentType {
    std::string name;                // dotted, equal to the model's `type:`, e.g. "capitation.cni"
    std::string summary;             // one line for `vardval plugins`
    ParamSpec params;                // an object spec
    std::vector<std::string> reads;  // datasets it reads, e.g. {"listing", "visits"}
    // Cross-field checks the schema cannot express; runs only on schema-valid params.
    std::function<void(const Params&, std::vector<Issue>&)> check;
    std::function<std::unique_ptr<Component>(const Params&)> create;
    // Set instead of `create` by a composite type (budget.split): the parts it stands for.
    std::function<std::vector<ComponentPart>(const Params&)> expand;
};

class Registrar {
  public:
    virtual ~Registrar() = default;
    virtual void add(ComponentType type) = 0;
};

struct PluginInfo {
    int api_version;  // must stay the first member: the host reads it before anything else
    const char* name;
    const char* version;
    void (*register_types)(Registrar&);
};

using PluginEntry = const PluginInfo*();

}  // namespace vardval

// Defines the exported entry point of a plugin library.
#define VARDVAL_PLUGIN(info)                                  \
    namespace {                                               \
    const ::vardval::PluginInfo* vardval_plugin_info_impl() { \
        return &(info);                                       \
    }                                                         \
    }                                                         \
    BOOST_DLL_ALIAS(vardval_plugin_info_impl, vardval_plugin_info)
