#!/usr/bin/env bash
# Whole years: `run` and `compare` over 2021-01..2021-12 on generated data (Jämtland
# Härjedalen, a listing and unit values for every month of 2021; 4 000 persons, so that
# every age band whose weight is derived has someone listed) equal the twelve monthly runs
# summed to the öre, per unit and component, and so does `compare --models` of the twelve
# psychiatry models over a quarter; every month is stored as its own run; missing months are
# all named (exit 3, nothing stored); bad ranges are exit 1.
# Usage: period_range_test.sh path/to/vardval path/to/vardval-generate SOURCE_DIR
set -euo pipefail
vardval=$1
generate=$2
src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="sqlite3://db=$work/test.db"
fail() { echo "FAIL: $*" >&2; exit 1; }
run_code() { set +e; "$@"; code=$?; set -e; }
v() { "$vardval" --db "$db" --regions "$src/regions" "$@"; }
jh=(--region jamtland-harjedalen)
months=(2021-01 2021-02 2021-03 2021-04 2021-05 2021-06 2021-07 2021-08 2021-09 2021-10 2021-11 2021-12)

# Data: every month of 2021, plus what the 2020 and 2021 models derive their age weights
# from (the visits of the reference periods and the listings of their last months).
"$generate" --out "$work/data" "${jh[@]}" --persons 4000 \
    --listing-months "2019-10,2020-10,$(IFS=,; echo "${months[*]}")" \
    --visits-period 2018-11..2019-10 --visits-period 2019-11..2020-10 --cni-month 2021-01 \
    > /dev/null 2>&1
for f in "$work"/data/*.csv; do
  name=$(basename "$f" .csv)
  kind=${name%-????-??*}
  v import "${jh[@]}" --kind "$kind" --period "${name#"$kind"-}" "$f" > /dev/null 2>&1 \
      || fail "import of $name"
done

# Twelve monthly runs of the 2021 model, stored: runs #1..#12.
for m in "${months[@]}"; do
  v run "${jh[@]}" --year 2021 --period "$m" --format json > "$work/month-$m.json" 2> /dev/null
done
# The same year in one command: runs #13..#24, one per month, and their sum.
v run "${jh[@]}" --year 2021 --period 2021-01..2021-12 --format json > "$work/year.json" \
    2> "$work/year.log"
/usr/bin/python3 - "$work/year.json" "$work"/month-*.json <<'PY'
import json, sys
from fractions import Fraction
year = json.load(open(sys.argv[1]))
months = [json.load(open(f)) for f in sys.argv[2:]]
assert len(months) == 12
assert year["period"] == "2021-01..2021-12", year["period"]
assert year["run_id"] is None, "the sum is not a run of its own"
assert year["month_run_ids"] == list(range(13, 25)), year["month_run_ids"]
# The total is the twelve monthly totals summed, to the öre.
assert year["total_ore"] == sum(m["total_ore"] for m in months), (year["total_ore"], sum(m["total_ore"] for m in months))
assert year["total_ore"] > 0
# Per unit and per unit × component likewise; listed is December's.
units = {u["unit"]: u for u in year["units"]}
assert [u["unit"] for u in year["units"]] == [u["unit"] for u in months[0]["units"]], "register order"
for u in months[0]["units"]:
    uid = u["unit"]
    y = units[uid]
    assert y["total_ore"] == sum(next(x for x in m["units"] if x["unit"] == uid)["total_ore"] for m in months), uid
    assert y["listed"] == next(x for x in months[11]["units"] if x["unit"] == uid)["listed"], uid
    for line in y["lines"]:
        per_month = [sum(l["amount_ore"] for x in m["units"] if x["unit"] == uid
                         for l in x["lines"] if l["component"] == line["component"]) for m in months]
        assert line["amount_ore"] == sum(per_month), (uid, line["component"])
        # A summed line checks like any other: round(basis × rate) = amount, exactly.
        assert line["rounding"] == "per_line" and line["basis_unit"] == "months"
        assert Fraction(line["basis_exact"]) == 12, line
        assert Fraction(line["basis_exact"]) * Fraction(line["rate_ore_exact"]) == line["amount_ore"], line
        # The explanation names every month, its run and its amount.
        assert line["explanation"].startswith("2021-01..2021-12: the sum of 12 months"), line["explanation"]
        assert "2021-03 (run #15) " in line["explanation"] and "2021-12 (run #24) " in line["explanation"], line["explanation"]
    assert sum(l["amount_ore"] for l in y["lines"]) == y["total_ore"], uid
# Every month's datasets: twelve listings and twelve unit-values files, the reference data.
for m in range(1, 13):
    assert f"listing 2021-{m:02d} v1" in year["datasets"], m
    assert f"unit-values 2021-{m:02d} v1" in year["datasets"], m
assert "visits 2019-11..2020-10 v1" in year["datasets"]
PY

# Each month of the range is its own stored run: reprinted as that month's run, and it
# verifies against its own data.
v runs show 15 --format json > "$work/show15.json"
/usr/bin/python3 - "$work/show15.json" "$work/month-2021-03.json" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
assert a["run_id"] == 15 and a["period"] == "2021-03", (a["run_id"], a["period"])
assert a["total_ore"] == b["total_ore"] and a["datasets"] == b["datasets"], "month 3 differs"
assert "listing 2021-02 v1" not in a["datasets"], "a month lists another month's data"
PY
v runs verify 15 > "$work/verify.txt" || fail "run 15 (2021-03 of the year) does not verify"
v runs verify 24 > /dev/null || fail "run 24 (2021-12 of the year) does not verify"

# Table and CSV say it is the year and name the runs.
v run "${jh[@]}" --year 2021 --period 2021-01..2021-12 --no-store > "$work/year.txt"
grep -q "utbetalning för 2021-01..2021-12 (kr)" "$work/year.txt" || fail "table header: $(head -2 "$work/year.txt")"
grep -q "Körningen är inte sparad" "$work/year.txt" || fail "--no-store: $(cat "$work/year.txt")"
v run "${jh[@]}" --year 2021 --period 2021-01..2021-12 --format csv > "$work/year.csv" 2> /dev/null
/usr/bin/python3 - "$work/year.csv" "$work/year.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))
year = json.load(open(sys.argv[2]))
assert {r["period"] for r in rows} == {"2021-01..2021-12"}
assert sum(int(r["amount_ore"]) for r in rows) == year["total_ore"]
PY
v run "${jh[@]}" --year 2021 --period 2021-01..2021-12 > "$work/year-stored.txt" 2> /dev/null
grep -q "Körningar #37, #38, .*, #48 (en per månad)" "$work/year-stored.txt" \
    || fail "stored table names no runs: $(sed -n 2p "$work/year-stored.txt")"

# compare over the year: each side the sum of its twelve months.
for m in "${months[@]}"; do
  v run "${jh[@]}" --year 2020 --period "$m" --no-store --format json > "$work/base-$m.json" 2> /dev/null
done
v compare "${jh[@]}" --base 2020 --proposal 2021 --period 2021-01..2021-12 --format json \
    > "$work/compare.json" 2> /dev/null
/usr/bin/python3 - "$work/compare.json" "$work/year.json" "$work"/base-*.json <<'PY'
import json, sys
c, year = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
bases = [json.load(open(f)) for f in sys.argv[3:]]
assert c["period"] == "2021-01..2021-12", c["period"]
assert c["total_base_ore"] == sum(b["total_ore"] for b in bases), "base is not its months summed"
assert c["total_proposal_ore"] == year["total_ore"], "proposal is not the 2021 year"
assert c["total_diff_ore"] == c["total_proposal_ore"] - c["total_base_ore"]
# 24 runs, base and proposal of each month in turn: #49..#72.
assert c["base"]["month_run_ids"] == list(range(49, 73, 2)), c["base"]
assert c["proposal"]["month_run_ids"] == list(range(50, 73, 2)), c["proposal"]
for u in c["units"]:
    base = sum(next(x for x in b["units"] if x["unit"] == u["unit"])["total_ore"] for b in bases)
    assert u["base_ore"] == base, u["unit"]
    assert u["proposal_ore"] == next(x for x in year["units"] if x["unit"] == u["unit"])["total_ore"], u["unit"]
    for d in u["components"]:
        assert d["base_ore"] == sum(l["amount_ore"] for b in bases for x in b["units"] if x["unit"] == u["unit"]
                                    for l in x["lines"] if l["component"] == d["component"]), (u["unit"], d)
PY
v runs verify 49 > /dev/null || fail "run 49 (base 2021-01 of the compare) does not verify"
v compare "${jh[@]}" --base 2020 --proposal 2021 --period 2021-01..2021-12 --no-store > "$work/compare.txt"
grep -q "^Konsekvensanalys, Region Jämtland Härjedalen, 2021-01\.\.2021-12: " "$work/compare.txt" || fail "compare table: $(head -1 "$work/compare.txt")"

# Missing months: two listings retracted; every missing month is named in one error, exit 3,
# and nothing is stored.
v runs list --format json > "$work/before.json"
for m in 2021-03 2021-07; do
  v datasets retract "${jh[@]}" --kind listing --period $m --version 1 --reason "test" > /dev/null
done
run_code v run "${jh[@]}" --year 2021 --period 2021-01..2021-12 > /dev/null 2> "$work/err.txt"
[ "$code" = 3 ] || fail "missing months exited $code"
grep -q "data missing for 2 of the 12 months of 2021-01..2021-12 (2021-03, 2021-07); nothing was computed or stored" \
    "$work/err.txt" || fail "missing months not named: $(cat "$work/err.txt")"
grep -q "^  2021-07: no listing for jamtland-harjedalen 2021-07 in the database; import it with" "$work/err.txt" \
    || fail "no import named for 2021-07: $(cat "$work/err.txt")"
run_code v compare "${jh[@]}" --base 2020 --proposal 2021 --period 2021-01..2021-12 > /dev/null 2> "$work/err.txt"
[ "$code" = 3 ] || fail "compare with missing months exited $code"
grep -q "(2021-03, 2021-07)" "$work/err.txt" || fail "compare: $(cat "$work/err.txt")"
v runs list --format json | cmp -s - "$work/before.json" || fail "a run was stored although months were missing"
# Pins reach into the range: the retracted versions, pinned, make the year whole again (and
# the same money as before); a pin for a month outside it is a mistake (exit 1).
v run "${jh[@]}" --year 2021 --period 2021-01..2021-12 --no-store --format json \
    --dataset listing:2021-03@1 --dataset listing:2021-07@1 > "$work/pinned.json" 2> /dev/null \
    || fail "pinned retracted months"
/usr/bin/python3 -c 'import json, sys; a, b = (json.load(open(f)) for f in sys.argv[1:]); assert a["total_ore"] == b["total_ore"]' \
    "$work/pinned.json" "$work/year.json" || fail "pinned year differs"
run_code v run "${jh[@]}" --year 2021 --period 2021-01..2021-02 --no-store --dataset listing:2021-03@1 \
    > /dev/null 2> "$work/err.txt"
[ "$code" = 1 ] || fail "a pin outside the range exited $code"
# The months that are there still run on their own.
v run "${jh[@]}" --year 2021 --period 2021-01..2021-02 --no-store > /dev/null 2>&1 || fail "2021-01..2021-02"

# compare --models over a quarter (the twelve psychiatry models, a database of their own):
# every model's column is its three months summed, per unit and in total.
pdb="sqlite3://db=$work/psychiatry.db"
vp() { "$vardval" --db "$pdb" --regions "$src/regions" "$@"; }
"$generate" --out "$work/psy" "${jh[@]}" --persons 4000 --listing-months 2019-10,2024-01,2024-02,2024-03 \
    --visits-period 2018-11..2019-10 --cni-month 2024-01 --psychiatry-months 2024-01,2024-02,2024-03 \
    > /dev/null 2>&1
for f in "$work"/psy/*.csv; do
  name=$(basename "$f" .csv)
  kind=${name%-????-??*}
  vp import "${jh[@]}" --kind "$kind" --period "${name#"$kind"-}" "$f" > /dev/null 2>&1 \
      || fail "import of psychiatry $name"
done
psychiatry=$src/regions/jamtland-harjedalen/psychiatry/
for m in 2024-01 2024-02 2024-03; do
  vp compare --models "$psychiatry" --period $m --no-store --format json > "$work/psy-$m.json" 2> /dev/null
done
vp compare --models "$psychiatry" --period 2024-01..2024-03 --format json > "$work/psy-q1.json" 2> /dev/null
/usr/bin/python3 - "$work/psy-q1.json" "$work"/psy-2024-0?.json <<'PY'
import json, sys
q, months = json.load(open(sys.argv[1])), [json.load(open(f)) for f in sys.argv[2:]]
assert q["period"] == "2024-01..2024-03", q["period"]
assert len(q["models"]) == 12
for i, m in enumerate(q["models"]):
    assert m["total_ore"] == sum(x["models"][i]["total_ore"] for x in months), m["name"]
    assert m["run_id"] is None and m["month_run_ids"] == [3 * i + 1, 3 * i + 2, 3 * i + 3], m
for u in q["units"]:
    for name, amount in u["amounts_ore"].items():
        per_month = [next(x for x in mm["units"] if x["unit"] == u["unit"])["amounts_ore"][name] for mm in months]
        assert amount == (None if None in per_month else sum(per_month)), (u["unit"], name)
assert any(m["total_ore"] != q["models"][0]["total_ore"] for m in q["models"]), "all models equal"
PY
vp runs verify 2 > /dev/null || fail "run 2 (carve-out, 2024-02) does not verify"

# Ranges that cannot be read: exit 1, saying what is valid.
for bad in 2021-12..2021-01 2021-01..2024-01 2021-01..2021-13 2021; do
  run_code v run "${jh[@]}" --year 2021 --period $bad > /dev/null 2> "$work/err.txt"
  [ "$code" = 1 ] || fail "--period $bad exited $code"
  grep -q "YYYY-MM..YYYY-MM" "$work/err.txt" || fail "--period $bad: $(cat "$work/err.txt")"
done
grep -q "'2021': not a month" "$work/err.txt" || fail "$(cat "$work/err.txt")"
echo "period range: ok"
