#!/usr/bin/env bash
# CNI as the office gets it (issue 14 item 7): SCB's per-unit delivery (kind cni) imported and
# paid from; the same amounts as the per-person flags for the same population; refusals.
# Usage: cni_delivery_test.sh path/to/vardval path/to/vardval-cni-delivery SOURCE_DIR
set -euo pipefail
vardval=$1
delivery=$2
src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
v() { "$vardval" --db "sqlite3://db=$work/test.db" "$@"; }
jh="$src/regions/jamtland-harjedalen"

# The shipped deliveries are what SCB computes from the sample listings: the tool makes them
# byte for byte.
for f in "$jh"/sample/cni-*.csv "$src"/regions/vastmanland/sample/cni-*.csv; do
  listing=$(dirname "$f")/listing-${f##*/cni-}
  cmp -s <("$delivery" "$listing") "$f" || fail "$f is not the delivery of $listing"
done

# The JH 2020 month from SCB's delivery pays what it pays from the flags, line for line.
v run --sample --region jamtland-harjedalen --year 2020 --period 2020-02 --format json \
    > "$work/flags.json" 2> /dev/null
v run --sample --model "$jh/scenarios/cni-from-scb.yaml" --period 2020-02 --format json \
    > "$work/scb.json" 2> /dev/null
/usr/bin/python3 - "$work/flags.json" "$work/scb.json" <<'PY'
import json, sys
flags, scb = (json.load(open(f)) for f in sys.argv[1:3])
assert "cni 2020-02 v1" in scb["datasets"], scb["datasets"]
assert flags["total_ore"] == scb["total_ore"], (flags["total_ore"], scb["total_ore"])
cni_lines = 0
for a, b in zip(flags["units"], scb["units"]):
    assert a["unit"] == b["unit"] and a["total_ore"] == b["total_ore"], (a["unit"], b["unit"])
    for la, lb in zip(a["lines"], b["lines"]):
        assert (la["component"], la["amount_ore"]) == (lb["component"], lb["amount_ore"]), (la, lb)
        if la["component"] == "cni":
            cni_lines += 1
            assert la["amount_ore"] > 0 and "SCB's delivery cni 2020-02" in lb["explanation"], lb
assert cni_lines == 25, cni_lines
PY

# Swedish Excel's export of the same delivery (';', decimal comma, BOM) is the same dataset.
sed -e 's/,/;/g' -e 's/\([0-9]\)\.\([0-9]\)/\1,\2/g' -e '1s/^/\xEF\xBB\xBF/' \
    "$jh/sample/cni-2020-02.csv" > "$work/excel.csv"
v import --region jamtland-harjedalen --kind cni --period 2020-02 "$work/excel.csv" > "$work/import.txt" 2>&1
grep -q "';' between fields, decimal comma" "$work/import.txt" || fail "summary: $(cat "$work/import.txt")"
v run --model "$jh/scenarios/cni-from-scb.yaml" --period 2020-02 --dataset cni:2020-02@2 \
    --format json > "$work/excel.json" 2> /dev/null
/usr/bin/python3 -c 'import json,sys; a,b=(json.load(open(f)) for f in sys.argv[1:3]); assert a["total_ore"]==b["total_ore"] and "cni 2020-02 v2" in b["datasets"]' \
    "$work/scb.json" "$work/excel.json" || fail "the Excel copy pays differently"

# A share outside 0-100 is a rejected row naming line and column; nothing is stored.
sed '3s/^\([a-z]*\),\([0-9]*\),[0-9.]*/\1,\2,120/' "$jh/sample/cni-2020-02.csv" > "$work/bad.csv"
if v import --region jamtland-harjedalen --kind cni --period 2020-03 "$work/bad.csv" > "$work/bad.txt" 2>&1; then
  fail "a share of 120 % was imported"
fi
grep -q "bad.csv:3: invalid share: cni_over65_alone = '120'" "$work/bad.txt" || fail "reject: $(cat "$work/bad.txt")"

# A delivery without a unit that has listed this month is refused (exit 3), never paid zero.
grep -v "^are," "$jh/sample/cni-2020-02.csv" > "$work/no-are.csv"
v import --region jamtland-harjedalen --kind cni --period 2020-02 "$work/no-are.csv" > /dev/null
set +e
v run --model "$jh/scenarios/cni-from-scb.yaml" --period 2020-02 --no-store > /dev/null 2> "$work/err.txt"
code=$?
set -e
[ $code -eq 3 ] || fail "missing unit: exit $code: $(cat "$work/err.txt")"
grep -q "cni 2020-02 v3 has no row for unit are, which has [0-9]* listed" "$work/err.txt" \
    || fail "missing unit message: $(cat "$work/err.txt")"
echo "cni delivery: ok"
