#!/usr/bin/env bash
# The same product on PostgreSQL (a shared installation): imports are atomic there too,
# versions grow, and a run gives byte-identical output to the SQLite default.
# Usage: postgresql_test.sh path/to/vardval SOURCE_DIR
set -euo pipefail
vardval=$1
src=$2
work=$(mktemp -d)
server=$("$src/scripts/start-test-postgres.sh")
name="vardval_test_$$"
socket_dir=$(sed -E 's/.*host=([^ ]+).*/\1/' <<< "$server")
port=$(sed -E 's/.*port=([0-9]+).*/\1/' <<< "$server")
psql_admin() { psql -q -h "$socket_dir" -p "$port" -U postgres -d postgres -c "$1" > /dev/null; }
cleanup() { psql_admin "DROP DATABASE IF EXISTS $name" || true; rm -rf "$work"; }
trap cleanup EXIT
psql_admin "CREATE DATABASE $name"
pg="postgresql://dbname=$name user=postgres host=$socket_dir port=$port"
fail() { echo "FAIL: $*" >&2; exit 1; }

sample="$src/regions/jamtland-harjedalen/sample/listing-2020-02.csv"
cp "$sample" "$work/bad.csv"
echo "Pbad,nowhere,2000-01-01,F,0,0,0,0,0,0,0,12.0" >> "$work/bad.csv"
set +e
"$vardval" --db "$pg" import --region jamtland-harjedalen --kind listing --period 2020-02 "$work/bad.csv" 2> /dev/null
code=$?
set -e
[ "$code" = 3 ] || fail "import with a reject exited $code"
"$vardval" --db "$pg" datasets --region jamtland-harjedalen | grep 2020-02 > /dev/null && fail "rejected import stored"

"$vardval" --db "$pg" import --region jamtland-harjedalen --kind listing --period 2020-02 "$sample" > /dev/null
"$vardval" --db "$pg" import --region jamtland-harjedalen --kind listing --period 2020-02 "$sample" > /dev/null
"$vardval" --db "$pg" datasets --region jamtland-harjedalen | grep -E "listing +2020-02 +v2" > /dev/null || fail "no v2"

"$vardval" --db "$pg" run --region jamtland-harjedalen --year 2020 --period 2020-02 --format json > "$work/pg.json" 2> /dev/null
"$vardval" --db "sqlite3://db=$work/s.db" run --region jamtland-harjedalen --year 2020 --period 2020-02 --format json \
    > "$work/sqlite.json" 2> /dev/null
# The dataset versions differ (v2 on PostgreSQL); everything else must be identical.
sed 's/listing 2020-02 v2/listing 2020-02 v1/' "$work/pg.json" | cmp -s - "$work/sqlite.json" || fail "PostgreSQL and SQLite runs differ"
echo "postgresql: all checks passed"
