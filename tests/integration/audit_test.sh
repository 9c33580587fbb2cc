#!/usr/bin/env bash
# Paying from it: explicit data (no silent sample), dataset and run records, `runs list`,
# `runs show` (byte-identical reprints), `runs verify` (computing again from the stored
# model and the pinned dataset versions), retraction, pins, unit-values merge, and
# concurrent use of one SQLite file. Usage: audit_test.sh path/to/vardval SOURCE_DIR
set -euo pipefail
vardval=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="sqlite3://db=$work/audit.db"
jh=(--region jamtland-harjedalen --year 2020 --period 2020-02)
sample="$src/regions/jamtland-harjedalen/sample"
fail() { echo "FAIL: $*" >&2; exit 1; }
# Runs a command that may fail; its exit code in $code.
run_code() { set +e; "$@"; code=$?; set -e; }

# A fresh database: no silent import; exit 3 naming the import to run.
run_code "$vardval" --db "$db" run "${jh[@]}" 2> "$work/err.txt" > "$work/out.txt"
[ "$code" = 3 ] || fail "run on a fresh database exited $code"
grep -q "vardval import --region jamtland-harjedalen --kind listing --period 2020-02 FILE" "$work/err.txt" \
    || fail "the missing import is not named: $(cat "$work/err.txt")"
grep -q -- "--sample" "$work/err.txt" || fail "--sample not offered"
[ ! -s "$work/out.txt" ] || fail "a ledger was printed without data"
"$vardval" --db "$db" datasets --format json | python3 -c 'import json,sys; assert json.load(sys.stdin) == []' \
    || fail "the failed run imported something"

# With --sample it runs, says it is sample data, and names its run id and model hash.
"$vardval" --db "$db" run --sample "${jh[@]}" --format json > "$work/run1.json"
"$vardval" --db "$db" run "${jh[@]}" > "$work/run2.txt"
"$vardval" --db "$db" run "${jh[@]}" --format csv > "$work/run3.csv"
python3 - "$work/run1.json" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
assert r["run_id"] == 1, r["run_id"]
assert re.fullmatch(r"[0-9a-f]{64}", r["model_sha256"]), r["model_sha256"]
assert r["sample_data"] is True
PY
grep -q "^Körning #2, modellens sha256 [0-9a-f]\{64\}$" "$work/run2.txt" || fail "table names no run id"
# The warning is the table's second line, right under the title.
sed -n 2p "$work/run2.txt" | grep -q "^EXEMPELDATA" || fail "table does not say it is sample data"
head -2 "$work/run3.csv" | tail -1 | grep -c "^3,[0-9a-f]\{64\},1,2020-02," > /dev/null || fail "csv names no run id"

# runs show reprints byte for byte, in the format it was printed in.
"$vardval" --db "$db" runs show 1 --format json | cmp -s - "$work/run1.json" || fail "runs show 1 json differs"
"$vardval" --db "$db" runs show 2 | cmp -s - "$work/run2.txt" || fail "runs show 2 table differs"
"$vardval" --db "$db" runs show 3 --format csv | cmp -s - "$work/run3.csv" || fail "runs show 3 csv differs"
# Another format or language than was printed is rendered from the stored ledger, says so,
# and has the same figures: run 2's table in English, its total as in the Swedish one.
"$vardval" --db "$db" runs show 2 --lang en --output "$work/show2-en.txt" 2> "$work/err.txt"
grep -q "rendered from the stored ledger" "$work/err.txt" || fail "no ledger note: $(cat "$work/err.txt")"
total_sv=$(grep "^Summa (25 enheter)" "$work/run2.txt" | sed 's/.*  //' | tr -d ' ,')
total_en=$(grep "^Total (25 units)" "$work/show2-en.txt" | sed 's/.*  //' | tr -d ',.')
[ -n "$total_en" ] && [ "$total_en" = "$total_sv" ] || fail "English total $total_en differs from $total_sv"
# A workbook needs a file to go to: a usage error, nothing printed.
run_code "$vardval" --db "$db" runs show 2 --format xlsx 2> "$work/err.txt" > "$work/out.txt"
[ "$code" = 1 ] || fail "xlsx without --output exited $code"
grep -q "give --output FILE.xlsx" "$work/err.txt" || fail "xlsx without --output: $(cat "$work/err.txt")"
run_code "$vardval" --db "$db" runs show 99 2> /dev/null
[ "$code" = 3 ] || fail "runs show of an unknown run exited $code"

# Dataset records: file as given, its SHA-256, rows, user, version, sample flag.
"$vardval" --db "$db" datasets --region jamtland-harjedalen --kind listing --period 2020-02 --format json > "$work/ds.json"
python3 - "$work/ds.json" "$(sha256sum "$sample/listing-2020-02.csv" | cut -d' ' -f1)" "$(id -un)" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d) == 1, d
d = d[0]
assert d["source"].endswith("sample/listing-2020-02.csv"), d
assert d["source_sha256"] == sys.argv[2], d
assert d["imported_by"] == sys.argv[3], d
assert d["sample_data"] is True and d["retracted"] is None, d
assert d["rows_read"] == d["rows_used"] > 0 and d["rows_rejected"] == 0, d
assert d["vardval_version"] and d["imported_at"].endswith("Z"), d
PY

# The model hash covers region.yaml: a unit's ownership changed → another hash; the same
# files elsewhere → the same hash.
cp -r "$src/regions" "$work/regions"
"$vardval" --db "$db" --regions "$work/regions" run "${jh[@]}" --no-store --format json > "$work/copy.json"
sed -i 's/^\(  - {id: backe, .*ownership: \)region-run}/\1private}/' "$work/regions/jamtland-harjedalen/region.yaml"
grep -q "id: backe, .*ownership: private}" "$work/regions/jamtland-harjedalen/region.yaml" || fail "test edit failed"
"$vardval" --db "$db" --regions "$work/regions" run "${jh[@]}" --no-store --format json > "$work/private.json"
python3 - "$work/run1.json" "$work/copy.json" "$work/private.json" <<'PY'
import json, sys
a, b, c = (json.load(open(f)) for f in sys.argv[1:])
assert a["model_sha256"] == b["model_sha256"], "the same files give another hash"
assert b["run_id"] is None, "--no-store stored the run"
assert c["model_sha256"] != a["model_sha256"], "ownership change kept the hash"
PY

# A new listing version: 500 persons fewer. New runs read it; the older run still verifies
# against the version it read and reprints identically.
head -n -500 "$sample/listing-2020-02.csv" > "$work/listing-fewer.csv"
"$vardval" --db "$db" import --region jamtland-harjedalen --kind listing --period 2020-02 "$work/listing-fewer.csv" \
    2> /dev/null | grep -c "listing 2020-02 v2" > /dev/null || fail "no v2"
"$vardval" --db "$db" run "${jh[@]}" --format json > "$work/run4.json"
python3 - "$work/run1.json" "$work/run4.json" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
assert "listing 2020-02 v2" in b["datasets"] and b["run_id"] == 4, b["datasets"]
assert a["total_ore"] != b["total_ore"], "500 persons fewer paid the same"
PY
"$vardval" --db "$db" runs verify 1 > "$work/verify1.txt" || fail "verify of run 1 after a new version: $(cat "$work/verify1.txt")"
grep -q "^identical" "$work/verify1.txt" || fail "verify does not say identical"
"$vardval" --db "$db" runs show 1 --format json | cmp -s - "$work/run1.json" || fail "runs show 1 changed after a new version"

# Retraction: kept, no longer chosen; the run pinned to it still verifies; a pin reads it.
"$vardval" --db "$db" datasets retract --region jamtland-harjedalen --kind listing --period 2020-02 \
    --version 2 --reason "extract cut short" > /dev/null
"$vardval" --db "$db" datasets --region jamtland-harjedalen --kind listing | grep -c "RETRACTED .*: extract cut short" > /dev/null \
    || fail "retraction not listed"
"$vardval" --db "$db" run "${jh[@]}" --no-store --format json | grep -c '"listing 2020-02 v1"' > /dev/null || fail "retracted v2 chosen"
"$vardval" --db "$db" runs verify 4 > /dev/null || fail "run 4 (read the now retracted v2) does not verify"
"$vardval" --db "$db" run "${jh[@]}" --no-store --dataset listing:2020-02@2 --format json > "$work/pinned.json"
grep -v '"run_id"' "$work/pinned.json" | cmp -s - <(grep -v '"run_id"' "$work/run4.json") || fail "a pin to v2 differs from run 4"
run_code "$vardval" --db "$db" run "${jh[@]}" --no-store --dataset listing:2020-02@9 2> "$work/err.txt" > /dev/null
[ "$code" = 3 ] || fail "a pin to a missing version exited $code"
run_code "$vardval" --db "$db" run "${jh[@]}" --no-store --dataset listing-2020-02 2> /dev/null > /dev/null
[ "$code" = 1 ] || fail "a malformed pin exited $code"
run_code "$vardval" --db "$db" run "${jh[@]}" --no-store --dataset listing:2030-01@1 2> "$work/err.txt" > /dev/null
[ "$code" = 1 ] || fail "a pin the run does not read exited $code"
run_code "$vardval" --db "$db" datasets retract --region jamtland-harjedalen --kind listing \
    --period 2020-02 --version 2 --reason again 2> /dev/null > /dev/null
[ "$code" = 3 ] || fail "retracting twice exited $code"

# A stored ledger value changed behind vardval's back: verify exits 7 naming the unit.
python3 - "$work/audit.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
# The ledger payload (ledger_payload.hpp): "c" records name the components in order, a "u"
# record starts a unit, its "l" records are its lines: component index, unit, type, basis,
# basis unit, rate, amount, ... Add 100 öre to hallen's cni line.
lines = c.execute("SELECT payload FROM run_ledgers WHERE run_id = 1").fetchone()[0].split("\n")
cni = [l.split("\t")[1] for l in lines if l.startswith("c\t")].index("cni")
unit, n = None, 0
for i, line in enumerate(lines):
    f = line.split("\t")
    if f[0] == "u":
        unit = f[1]
    elif f[0] == "l" and unit == "hallen" and f[1] == str(cni):
        f[7] = str(int(f[7]) + 100)
        lines[i] = "\t".join(f)
        n += 1
assert n == 1, n
c.execute("UPDATE run_ledgers SET payload = ? WHERE run_id = 1", ("\n".join(lines),))
c.commit()
PY
run_code "$vardval" --db "$db" runs verify 1 > "$work/verify.txt"
[ "$code" = 7 ] || fail "verify of a changed ledger exited $code"
grep -q "^hallen: stored " "$work/verify.txt" || fail "the differing unit is not named: $(cat "$work/verify.txt")"
grep -q "^  cni: stored .*; recomputed " "$work/verify.txt" || fail "the differing line is not named"
[ "$(grep -c '^[a-z-]*: stored' "$work/verify.txt")" = 1 ] || fail "other units reported: $(cat "$work/verify.txt")"
"$vardval" --db "$db" runs verify 2 > /dev/null || fail "an untouched run does not verify"
# The stored model text changed (a price): it no longer has its hash, and computes differently.
python3 - "$work/audit.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
text = c.execute("SELECT model_text FROM runs WHERE id = 3").fetchone()[0]
assert "price_per_weight_year: 1272" in text
c.execute("UPDATE runs SET model_text = ? WHERE id = 3",
          (text.replace("price_per_weight_year: 1272", "price_per_weight_year: 1372"),))
c.commit()
PY
run_code "$vardval" --db "$db" runs verify 3 > "$work/verify.txt"
[ "$code" = 7 ] || fail "verify of a changed model text exited $code"
grep -q "does not have the stored hash" "$work/verify.txt" || fail "changed model text not named"
grep -q "^  drugs: stored " "$work/verify.txt" || fail "the drug lines do not differ: $(cat "$work/verify.txt")"

# runs list: every run with its record.
"$vardval" --db "$db" runs list --format json > "$work/list.json"
python3 - "$work/list.json" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))
assert [r["id"] for r in runs] == [1, 2, 3, 4], runs
for r in runs:
    for key in ("id", "created_at", "region", "year", "period", "model_sha256", "datasets",
                "vardval_version", "total_ore", "os_user", "plugins"):
        assert key in r, key
    assert r["region"] == "jamtland-harjedalen" and r["year"] == 2020 and r["period"] == "2020-02"
    assert all(set(d) == {"kind", "period", "version"} for d in r["datasets"]), r["datasets"]
assert {"kind": "listing", "period": "2020-02", "version": 2} in runs[3]["datasets"]
PY
"$vardval" --db "$db" runs list --region jamtland-harjedalen | grep -c "^#4 " > /dev/null || fail "runs list table"

# A compare is recorded: one run per model.
"$vardval" --db "$db" compare --region jamtland-harjedalen --base 2020 \
    --proposal-model "$src/regions/jamtland-harjedalen/scenarios/cni-up.yaml" --period 2020-02 > /dev/null 2>&1
"$vardval" --db "$db" runs list --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
assert [x["command"] for x in r[4:]] == ["compare", "compare"] and r[5]["compare_of"] == 5, r[4:]
assert r[4]["model_sha256"] != r[5]["model_sha256"]' || fail "compare not recorded"
"$vardval" --db "$db" runs verify 6 > /dev/null || fail "a compare's proposal does not verify"
# A compare's model keeps its record and ledger, no outputs: `runs show` renders it from the
# ledger and says so; the same lines as a run of that model, apart from the run id.
"$vardval" --db "$db" runs show 6 > "$work/show6.txt" || fail "runs show of a compare's model"
head -1 "$work/show6.txt" | grep -q "^Körning #6 återgiven ur sina sparade rader" || fail "no ledger note: $(head -1 "$work/show6.txt")"
"$vardval" --db "$db" runs show 6 --format json 2> "$work/err.txt" > "$work/show6.json"
grep -q "rendered from the stored ledger" "$work/err.txt" || fail "no ledger note on stderr for json"
"$vardval" --db "$db" run --model "$src/regions/jamtland-harjedalen/scenarios/cni-up.yaml" --period 2020-02 --no-store \
    --format json 2> /dev/null > "$work/cni-up.json"
diff <(grep -v '"run_id"' "$work/show6.json") <(grep -v '"run_id"' "$work/cni-up.json") > /dev/null \
    || fail "a compare's model rendered from its ledger differs from a run of it"
python3 - "$work/audit.db" <<'PY' || fail "the compare's output is not stored once, with its first run"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("SELECT run_id, format FROM run_outputs WHERE run_id IN (5, 6)").fetchall()
assert rows == [(5, "compare table")], rows
PY

# Unit values: --merge keeps the previous version's measures the file lacks; without it the
# import names the measures the new version no longer has. 25 units × 1 measure = 25 values.
uv="$sample/unit-values-2021-01.csv"
grep -v ",patient_fees_kr," "$uv" > "$work/uv-no-fees.csv"
"$vardval" --db "$db" import --region jamtland-harjedalen --kind unit-values --period 2021-01 "$uv" > /dev/null 2>&1
"$vardval" --db "$db" import --region jamtland-harjedalen --kind unit-values --period 2021-01 --merge \
    "$work/uv-no-fees.csv" 2> "$work/err.txt" > /dev/null
grep -q "kept 25 values of unit-values 2021-01 v1" "$work/err.txt" || fail "merge: $(cat "$work/err.txt")"
"$vardval" --db "$db" import --region jamtland-harjedalen --kind unit-values --period 2021-01 "$work/uv-no-fees.csv" \
    2> "$work/err.txt" > /dev/null
grep -q "unit-values 2021-01 v3 no longer has these measures of unit-values 2021-01 v2: patient_fees_kr" "$work/err.txt" \
    || fail "dropped measure not named: $(cat "$work/err.txt")"

# Concurrency on one fresh SQLite file: 8 processes creating the schema at once; 2
# concurrent imports of the same month give 2 versions; 8 concurrent runs all succeed with
# identical ledgers and are all listed.
cdb="sqlite3://db=$work/concurrent.db"
pids=()
for i in 1 2 3 4 5 6 7 8; do "$vardval" --db "$cdb" datasets > /dev/null & pids+=($!); done
for p in "${pids[@]}"; do wait "$p" || fail "concurrent schema creation failed"; done
pids=()
for i in 1 2; do
  "$vardval" --db "$cdb" import --region jamtland-harjedalen --kind listing --period 2020-02 \
      "$sample/listing-2020-02.csv" > "$work/imp$i.txt" 2> /dev/null & pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || fail "a concurrent import failed"; done
sort "$work/imp1.txt" "$work/imp2.txt" | tr '\n' ' ' | grep -c "listing 2020-02 v1 .*listing 2020-02 v2" > /dev/null \
    || fail "concurrent imports: $(cat "$work/imp1.txt" "$work/imp2.txt")"
"$vardval" --db "$cdb" run --sample "${jh[@]}" --no-store > /dev/null 2>&1  # the visits, once
pids=()
for i in 1 2 3 4 5 6 7 8; do
  "$vardval" --db "$cdb" run "${jh[@]}" --format json > "$work/c$i.json" 2> "$work/c$i.err" & pids+=($!)
done
for i in 1 2 3 4 5 6 7 8; do wait "${pids[$((i-1))]}" || fail "concurrent run $i failed: $(cat "$work/c$i.err")"; done
for i in 2 3 4 5 6 7 8; do
  diff <(grep -v '"run_id"' "$work/c1.json") <(grep -v '"run_id"' "$work/c$i.json") > /dev/null \
      || fail "concurrent run $i differs"
done
"$vardval" --db "$cdb" runs list --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
assert sorted(x["id"] for x in r) == list(range(1, 9)), r' || fail "8 runs not listed"
for i in 1 2 3 4 5 6 7 8; do
  id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["run_id"])' "$work/c$i.json")
  "$vardval" --db "$cdb" runs show "$id" --format json | cmp -s - "$work/c$i.json" || fail "run $id reprint differs"
done

echo "audit: all checks passed"
