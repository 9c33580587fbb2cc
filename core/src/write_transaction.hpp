#pragma once
// A write transaction that holds the database's write lock from its first statement, so
// that reading the next id or version and inserting it cannot race another process:
// SQLite's BEGIN IMMEDIATE (waiting up to the busy timeout), PostgreSQL's BEGIN with a
// transaction-level advisory lock. Rolled back unless committed.
#include <soci/soci.h>

namespace vardval {

// Advisory lock keys (PostgreSQL), one per thing serialised.
inline constexpr long long kSchemaLock = 0x7661726476616c01;   // "vardval" 1: schema
inline constexpr long long kVersionLock = 0x7661726476616c02;  // dataset versions

class WriteTransaction {
  public:
    WriteTransaction(soci::session& sql, bool postgresql, long long lock = 0) : sql_(sql) {
        if (postgresql) {
            sql_ << "BEGIN";
            if (lock != 0)
                sql_ << "SELECT pg_advisory_xact_lock(" + std::to_string(lock) + ")";
        } else {
            sql_ << "BEGIN IMMEDIATE";
        }
    }
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    ~WriteTransaction() {
        if (!done_) {
            try {
                sql_ << "ROLLBACK";
            } catch (...) {
                // The connection is gone; the server rolls back for us.
            }
        }
    }
    void commit() {
        sql_ << "COMMIT";
        done_ = true;
    }

  private:
    soci::session& sql_;
    bool done_ = false;
};

}  // namespace vardval
