#pragma once
// The fillers: what `run`, `runs show`, `compare` and `compare --models` say, as one
// report::Report that every human format renders (report_writers.hpp). Column labels are in
// both languages; the cells the filler writes as text (totals, unit kinds) are in `lang`.
#include "vardval_host/compare.hpp"
#include "vardval_host/engine.hpp"
#include "vardval_host/report_model.hpp"

namespace vardval::report {

// The month (or months) per unit and component with totals; and, as detail tables, the
// ledger lines (basis, rate, amount, explanation), the model's parameters and sources, and
// the provenance (run, model file and SHA-256, dataset versions, plugins).
Report run_report(const RunResult& run, Lang lang);
// A konsekvensanalys of a proposal against its base (the reference).
Report comparison_report(const Comparison& c, Lang lang);
// Two or more models, each against the reference.
Report side_by_side_report(const SideBySide& s, Lang lang);

}  // namespace vardval::report
