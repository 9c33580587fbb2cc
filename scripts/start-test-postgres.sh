#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests (unix socket only, no TCP), as the
# postgres user, and prints the SOCI connection string to use. Idempotent: a server
# already running from an earlier call is reused.
set -euo pipefail
dir=${VARDVAL_PG_DIR:-/tmp/vardval-test-pg}
port=54329
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
if [ ! -x "$bin/initdb" ]; then
    echo "start-test-postgres: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
    exit 1
fi
run_as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
if [ ! -f "$dir/data/PG_VERSION" ]; then
    run_as_postgres "'$bin/initdb' -D '$dir/data' -A trust -U postgres > '$dir/initdb.log' 2>&1"
fi
if ! run_as_postgres "'$bin/pg_ctl' -D '$dir/data' status" > /dev/null 2>&1; then
    run_as_postgres "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w \
        -o \"-k '$dir' -p $port -c listen_addresses=''\" start" > /dev/null
fi
echo "postgresql://dbname=postgres user=postgres host=$dir port=$port"
