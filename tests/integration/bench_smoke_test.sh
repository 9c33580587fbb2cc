#!/usr/bin/env bash
# The national benchmark's generator (tools/bench/national_listing.cpp) at 1 000 persons: its
# rows have gen.c's shape, are the same under either header, and import cleanly with the
# shipped national region (every row used, none rejected); the run lists every person once.
# No timing is checked. Usage: bench_smoke_test.sh path/to/vardval path/to/generator SOURCE_DIR
set -euo pipefail
vardval=$1
generator=$2
src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$generator" 1000 1100 > "$work/listing.csv"
"$generator" 1000 1100 --peers-header > "$work/peers.csv"
"$generator" 1000 1100 | cmp -s - "$work/listing.csv" || fail "two runs differ"
head -n 1 "$work/listing.csv" | grep -qx 'person_id,unit,birth_year,sex,cni_old_alone,cni_foreign_born,cni_unemployed,cni_single_parent,cni_moved_in,cni_low_education,cni_under5,distance_km' ||
    fail "vardval header: $(head -n 1 "$work/listing.csv")"
head -n 1 "$work/peers.csv" | grep -q '^person_key,unit_id,birth_year,' || fail "peers header: $(head -n 1 "$work/peers.csv")"
cmp -s <(tail -n +2 "$work/listing.csv") <(tail -n +2 "$work/peers.csv") || fail "the two headers head different rows"
[ "$(wc -l < "$work/listing.csv")" = 1001 ] || fail "not 1 000 rows"
if "$generator" 10 10001 > /dev/null 2>&1; then fail "more than 10 000 units accepted (floor.c reads 4 digits)"; fi

# gen.c's shape, row by row: a 16-hex-digit key; U0000..U1099; age 2026 - birth_year in
# 0..99; sex F/M; flags 0/1, old_alone only above 65, unemployed only at 16-64, low_education
# only at 25-64, under5 exactly below 5; distance in 0.1 km steps from 5 km × the unit's last
# digit to 199.9 km above it (gen.c: (xr() % 2000) / 10.0 + (u % 10) * 5).
awk -F, 'NR > 1 {
    age = 2026 - $3; u = substr($2, 2) + 0; lo = (u % 10) * 5
    if ($1 !~ /^[0-9a-f]+$/ || length($1) != 16 || $2 !~ /^U[0-9][0-9][0-9][0-9]$/ || u > 1099 || age < 0 || age > 99 ||
        ($4 != "F" && $4 != "M") || NF != 12 || $12 !~ /^[0-9]+\.[0-9]$/ ||
        $12 + 0 < lo || $12 + 0 > lo + 199.9 || ($5 == 1 && age <= 65) ||
        ($7 == 1 && (age < 16 || age > 64)) || ($10 == 1 && (age < 25 || age > 64)) ||
        $11 != (age < 5 ? 1 : 0)) { print "line " NR ": " $0; bad = 1; exit }
    for (i = 5; i <= 11; i++) if ($i != 0 && $i != 1) { print "line " NR ": flag " i; bad = 1; exit }
    units[$2] = 1; young += (age < 50)
} END {
    n = 0; for (u in units) n++
    # 1 000 draws over 1 100 units hit about 1100 × (1 - e^(-1000/1100)) ≈ 657 of them;
    # ages are skewed young: P(a × b / 10 000 < 50) for a, b uniform in 0..999 is about 0.85.
    if (!bad && (n < 550 || n > 750)) { print "units used: " n; bad = 1 }
    if (!bad && (young < 780 || young > 920)) { print "persons under 50: " young; bad = 1 }
    exit bad
}' "$work/listing.csv" > "$work/shape.txt" || fail "shape: $(cat "$work/shape.txt")"

# Imports cleanly with the shipped national region and model.
mkdir -p "$work/regions/national"
cp "$src/tools/bench/national/region.yaml" "$src/tools/bench/national/2026.yaml" "$work/regions/national/"
v() { "$vardval" --db "sqlite3://db=$work/bench.db" --regions "$work/regions" "$@"; }
v import --region national --kind listing --period 2026-01 "$work/listing.csv" > /dev/null 2> "$work/import.txt" ||
    fail "import: $(cat "$work/import.txt")"
grep -qF "listing.csv: 1000 rows read, 1000 used, 0 rejected" "$work/import.txt" || fail "import: $(cat "$work/import.txt")"

# The run pays every unit of the region and lists each person once: per unit the persons
# listed (counted here from the CSV) and those beyond 30 km (the sparsity basis).
v run --region national --year 2026 --period 2026-01 --format json > "$work/run.json" 2> /dev/null
python3 - "$work/run.json" "$work/listing.csv" <<'PY'
import csv, json, sys
from collections import Counter
run = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2])))
listed = Counter(r["unit"] for r in rows)
far = Counter(r["unit"] for r in rows if float(r["distance_km"]) > 30)
assert len(run["units"]) == 1100, len(run["units"])
for u in run["units"]:
    assert u["listed"] == listed[u["unit"]], (u["unit"], u["listed"], listed[u["unit"]])
    sparsity = [l for l in u["lines"] if l["component"] == "sparsity"]
    assert len(sparsity) == 1 and sparsity[0]["basis"] == far[u["unit"]], (u["unit"], sparsity)
PY
echo "bench smoke: ok"
