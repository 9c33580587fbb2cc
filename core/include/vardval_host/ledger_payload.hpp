#pragma once
// A stored run's ledger as one text payload instead of one database row per line: every
// field of every line (the derivation trace, shown only by `explain`, aside), lossless. Each
// field is written relative to the previous line of the same component ("=" when equal; an
// explanation as the part that differs from that line's), so a ledger of thousands of lines
// of the same few sentences stays small and is written in one statement.
#include <string>
#include <vector>

#include "vardval_host/engine.hpp"
#include "vardval_host/storage.hpp"

namespace vardval {

// A decoded run ledger: its components and, per unit in register order, its lines.
struct LedgerStatement {
    std::string unit;
    std::int64_t listed = 0;
    std::vector<LedgerLine> lines;
};
struct DecodedLedger {
    std::vector<std::pair<std::string, std::string>> components;  // id, type
    std::vector<LedgerStatement> units;
};

std::string encode_ledger(const RunResult& run);
// Rows of the ledger_lines table of schemas before 6, which kept only these fields: kept as
// a payload of their own form, read back by stored_lines().
std::string encode_stored_lines(const std::vector<StoredLine>& lines);

// Throws std::runtime_error for a damaged payload, or one of stored lines only (a run stored
// before schema 6, which has its outputs as printed instead).
DecodedLedger decode_ledger(const std::string& payload);
// The lines as text, from either form.
std::vector<StoredLine> stored_lines(const std::string& payload);

}  // namespace vardval
