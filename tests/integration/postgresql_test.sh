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
cleanup() {
  psql_admin "DROP DATABASE IF EXISTS $name" || true
  psql_admin "DROP DATABASE IF EXISTS ${name}_c" || true
  psql_admin "DROP DATABASE IF EXISTS ${name}_old" || true
  rm -rf "$work"
}
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

"$vardval" --db "$pg" run --sample --region jamtland-harjedalen --year 2020 --period 2020-02 --format json > "$work/pg.json" 2> /dev/null
"$vardval" --db "sqlite3://db=$work/s.db" run --sample --region jamtland-harjedalen --year 2020 --period 2020-02 --format json \
    > "$work/sqlite.json" 2> /dev/null
# The dataset versions differ (v2 on PostgreSQL); everything else must be identical.
sed 's/listing 2020-02 v2/listing 2020-02 v1/' "$work/pg.json" | cmp -s - "$work/sqlite.json" || fail "PostgreSQL and SQLite runs differ"
"$vardval" --db "$pg" runs show 1 --format json | cmp -s - "$work/pg.json" || fail "runs show differs on PostgreSQL"
"$vardval" --db "$pg" runs verify 1 > /dev/null || fail "runs verify fails on PostgreSQL"

# Concurrency on a fresh database: 8 processes create the schema at once, 2 concurrent
# imports of one month give 2 versions, 8 concurrent runs all succeed (ids from a
# sequence) with identical ledgers and are all listed.
psql_admin "CREATE DATABASE ${name}_c"
cpg="postgresql://dbname=${name}_c user=postgres host=$socket_dir port=$port"
pids=()
for i in 1 2 3 4 5 6 7 8; do "$vardval" --db "$cpg" datasets > /dev/null & pids+=($!); done
for p in "${pids[@]}"; do wait "$p" || fail "concurrent schema creation failed"; done
pids=()
for i in 1 2; do
  "$vardval" --db "$cpg" import --region jamtland-harjedalen --kind listing --period 2020-02 "$sample" \
      > "$work/imp$i.txt" 2> /dev/null & pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || fail "a concurrent import failed"; done
sort "$work/imp1.txt" "$work/imp2.txt" | tr '\n' ' ' | grep -q "listing 2020-02 v1 .*listing 2020-02 v2" \
    || fail "concurrent imports: $(cat "$work/imp1.txt" "$work/imp2.txt")"
"$vardval" --db "$cpg" run --sample --region jamtland-harjedalen --year 2020 --period 2020-02 --no-store > /dev/null 2>&1
pids=()
for i in 1 2 3 4 5 6 7 8; do
  "$vardval" --db "$cpg" run --region jamtland-harjedalen --year 2020 --period 2020-02 --format json \
      > "$work/c$i.json" 2> "$work/c$i.err" & pids+=($!)
done
for i in 1 2 3 4 5 6 7 8; do wait "${pids[$((i-1))]}" || fail "concurrent run $i failed: $(cat "$work/c$i.err")"; done
for i in 2 3 4 5 6 7 8; do
  diff <(grep -v '"run_id"' "$work/c1.json") <(grep -v '"run_id"' "$work/c$i.json") > /dev/null \
      || fail "concurrent run $i differs"
done
"$vardval" --db "$cpg" runs list --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
assert sorted(x["id"] for x in r) == list(range(1, 9)), r' || fail "8 runs not listed"

# A schema 3 database (one dataset, one run, ids by MAX(id) + 1 then; the tables a JH run
# reads or that migration 4 changes) is migrated in place:
# the sequences start after the existing ids.
psql_admin "CREATE DATABASE ${name}_old"
psql -q -h "$socket_dir" -p "$port" -U postgres -d "${name}_old" > /dev/null <<'SQL'
CREATE TABLE datasets (id BIGINT PRIMARY KEY, region TEXT NOT NULL, kind TEXT NOT NULL,
  period TEXT NOT NULL, version INTEGER NOT NULL, source TEXT NOT NULL, rows_read BIGINT NOT NULL,
  rows_used BIGINT NOT NULL, rows_rejected BIGINT NOT NULL, UNIQUE (region, kind, period, version));
CREATE TABLE runs (id BIGINT PRIMARY KEY, region TEXT NOT NULL, year INTEGER NOT NULL,
  period TEXT NOT NULL, model_file TEXT NOT NULL, model_hash TEXT NOT NULL, datasets TEXT NOT NULL,
  total_ore BIGINT NOT NULL);
CREATE TABLE ledger_lines (run_id BIGINT NOT NULL, unit TEXT NOT NULL, component TEXT NOT NULL,
  type TEXT NOT NULL, basis TEXT NOT NULL, rate_ore TEXT NOT NULL, amount_ore BIGINT NOT NULL,
  explanation TEXT NOT NULL);
CREATE TABLE visit_counts (dataset_id BIGINT NOT NULL, unit TEXT NOT NULL, age INTEGER NOT NULL,
  sex TEXT NOT NULL, profession TEXT NOT NULL, contact_type TEXT NOT NULL, visits BIGINT NOT NULL,
  fee_charged INTEGER NOT NULL DEFAULT 1, listed_unit TEXT NOT NULL DEFAULT '');
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (3);
INSERT INTO datasets VALUES (7, 'vastmanland', 'acg', '2021-01', 1, 'acg.csv', 1, 1, 0);
INSERT INTO runs VALUES (7, 'vastmanland', 2021, '2021-01', 'm.yaml', '0123456789abcdef', 'acg 2021-01 v1', 5);
SQL
opg="postgresql://dbname=${name}_old user=postgres host=$socket_dir port=$port"
"$vardval" --db "$opg" import --region jamtland-harjedalen --kind listing --period 2020-02 "$sample" > /dev/null 2>&1
"$vardval" --db "$opg" run --sample --region jamtland-harjedalen --year 2020 --period 2020-02 --format json \
    2> /dev/null | grep -c '"run_id": 8,' > /dev/null || fail "run ids do not continue after the migration"
"$vardval" --db "$opg" runs list --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
assert [x["id"] for x in r] == [7, 8] and r[0]["model_sha256"] == "0123456789abcdef", r' \
    || fail "old run not kept"
"$vardval" --db "$opg" datasets --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
old = [x for x in d if x["region"] == "vastmanland"]
new = [x for x in d if x["region"] != "vastmanland"]
assert len(old) == 1 and old[0]["source"] == "acg.csv" and old[0]["imported_by"] == "", old
assert len(new) == 4 and all(x["source_sha256"] for x in new), new  # listings 2019-10, 2020-02, visits, unit values 2020-02' || fail "datasets after the migration"

echo "postgresql: all checks passed"
