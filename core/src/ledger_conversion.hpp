#pragma once
// Schema 6 keeps a run's ledger as one payload (ledger_payload.hpp); the rows earlier
// schemas kept in ledger_lines are moved into payloads of their own form when a database is
// migrated (and the table dropped), so old runs still list and verify.
namespace soci {
class session;
}

namespace vardval {

void convert_ledger_lines(soci::session& sql);

}  // namespace vardval
