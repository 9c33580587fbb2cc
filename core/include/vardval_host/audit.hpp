#pragma once
// Verifying a stored run: computing it again from its stored resolved model and the dataset
// versions it read, with today's plugins, and naming every unit whose money differs.
#include <cstdint>
#include <string>
#include <vector>

#include "vardval_host/storage.hpp"

namespace vardval {

class PluginHost;

struct Verification {
    RunRecord record;
    bool model_intact = true;               // the stored model text still has the stored hash
    std::vector<DatasetRef> datasets_read;  // by the recomputation
    // One entry per unit (or "datasets") that differs: a summary, then the lines.
    std::vector<std::pair<std::string, std::vector<std::string>>> differences;
    Ore stored_total_ore = 0, recomputed_total_ore = 0;
    bool identical() const { return model_intact && differences.empty(); }
};

// Throws DataMissing when there is no such run, it predates stored model texts, or a dataset
// version it read is gone; IssueError when the stored model is invalid for today's plugins.
Verification verify_run(Database& db, const PluginHost& host, std::int64_t id);

// A stored run rebuilt from its record and ledger payload, for rendering (a compare's models
// have no outputs as printed). `run` points into `region`, restored from the stored model.
struct RebuiltRun {
    Region region;
    RunResult run;
};
// Throws DataMissing when there is no such run, or it predates stored models or ledger
// payloads (schema 6; such runs have their outputs as printed).
RebuiltRun rebuild_run(Database& db, std::int64_t id);

}  // namespace vardval
