#!/usr/bin/env bash
# The CLI as a user runs it: plugins, validate, run (json, twice: identical), explain, and
# the errors a user meets first. Usage: cli_test.sh path/to/vardval SOURCE_DIR
set -euo pipefail
vardval=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="sqlite3://db=$work/test.db"
fail() { echo "FAIL: $*" >&2; exit 1; }

# plugins: three types from three different library files
"$vardval" plugins --format json > "$work/plugins.json"
python3 - "$work/plugins.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
types = {e["type"]: e["library"] for e in p}
for t in ("capitation.age_weighted", "capitation.cni", "sparsity.distance"):
    assert t in types, t
assert len({types[t] for t in ("capitation.age_weighted", "capitation.cni", "sparsity.distance")}) == 3
assert all("parameters" in e for e in p)
PY

# validate: the shipped model is valid; a misspelt type names file, line and type
"$vardval" validate --region jamtland-harjedalen --year 2020 > /dev/null
sed 's/type: capitation.cni/type: capitation.cnx/' "$src/regions/jamtland-harjedalen/2020.yaml" > "$work/bad.yaml"
if "$vardval" validate --model "$work/bad.yaml" 2> "$work/err.txt"; then fail "misspelt type accepted"; fi
grep -q "$work/bad.yaml:[0-9]*: .*unknown component type 'capitation.cnx'" "$work/err.txt" || fail "no file:line in: $(cat "$work/err.txt")"

# run: reconciles, shows the published rates, identical when repeated
for period in 2020-02 2021-01; do
  "$vardval" --db "$db" run --sample --region jamtland-harjedalen --year 2020 --period $period --format json > "$work/run1.json"
  "$vardval" --db "$db" run --sample --region jamtland-harjedalen --year 2020 --period $period --format json > "$work/run2.json"
  # Each run is stored under its own id; everything else is identical.
  diff <(grep -v '"run_id"' "$work/run1.json") <(grep -v '"run_id"' "$work/run2.json") > /dev/null \
      || fail "run $period not identical when repeated"
  python3 - "$work/run1.json" "$period" <<'PY'
import json, sys
from decimal import Decimal, ROUND_HALF_UP
r = json.load(open(sys.argv[1]), parse_float=Decimal)
assert len(r["units"]) == 25
total = 0
for u in r["units"]:
    s = sum(l["amount_ore"] for l in u["lines"])
    assert s == u["total_ore"], u["unit"]
    total += s
    for l in u["lines"]:
        if l["rounding"] == "per_line":
            assert l["amount_ore"] == int((l["basis"] * l["rate_ore"]).quantize(Decimal(1), ROUND_HALF_UP)), l
        if l["component"] == "listed_age": assert l["rate_ore"] * 12 == Decimal("245300.000004")
        if l["component"] == "drugs": assert l["rate_ore"] * 12 == 127200
assert total == r["total_ore"]
assert r["illustrative"] == ["drugs.bands", "sparsity.amount_per_listed_year"], r["illustrative"]
idx = [l["basis"] / u["listed"] for u in r["units"] for l in u["lines"] if l["component"] == "cni" and u["listed"]]
# The published span is February 2020's; later months drift with the listing.
if sys.argv[2] == "2020-02":
  assert abs(min(idx) - Decimal("0.79")) < Decimal("0.01") and abs(max(idx) - Decimal("1.32")) < Decimal("0.01"), (min(idx), max(idx))
PY
done

# table and explain
"$vardval" --db "$db" run --sample --region jamtland-harjedalen --year 2020 --period 2020-02 > "$work/run.txt"
grep -Eq "^Summa \(25 enheter\) +13 126 .* 2 380 491,55$" "$work/run.txt" || fail "table: $(cat "$work/run.txt")"
"$vardval" --db "$db" run --sample --region jamtland-harjedalen --year 2020 --period 2020-02 --lang en > "$work/run-en.txt"
grep -Eq "^Total \(25 units\) +13,126 .* 2,380,491.55$" "$work/run-en.txt" || fail "table in English"
"$vardval" --db "$db" explain --sample --region jamtland-harjedalen --year 2020 --period 2020-02 --unit hallen > "$work/explain.txt"
grep -q "^CNI (Care Need Index) (capitation.cni): " "$work/explain.txt" || fail "explain"
# the unit's total is the table's Hallen row in sv-SE numbers: the listed-based parts
# 57 782,32 kr less Hallen's kostnadsansvar in unit-values-2020-02.csv (drug 14 921 + LOF/LOL
# 1 527 + foot care 515 + municipal 794 + lab/X-ray 3 692 + premises 5 382 + travel 973 =
# 27 804 kr; 0 weeks of unmet opening hours, no penalty): 57 782,32 − 27 804 = 29 978,32 kr
grep -Eq "^Hallens hälsocentral .* 29 978,32$" "$work/run.txt" || fail "Hallen row: $(grep Hallen "$work/run.txt")"
grep -qx "Summa: 29 978,32 kr (2 997 832 öre)" "$work/explain.txt" || fail "explain total: $(tail -1 "$work/explain.txt")"

# import: a bad row stops the import and is named; exit code 3
printf 'person_id,unit,birth_date,sex,distance_km\np1,backe,2000-01-01,F,10\np2,nowhere,2000-01-01,F,10\n' > "$work/l.csv"
set +e
"$vardval" --db "$db" import --region jamtland-harjedalen --kind listing --period 2030-01 "$work/l.csv" 2> "$work/imp.txt"
code=$?
set -e
[ "$code" = 3 ] || fail "import with a reject exited $code"
grep -q "l.csv:3: unknown unit" "$work/imp.txt" || fail "reject not named: $(cat "$work/imp.txt")"
"$vardval" --db "$db" datasets --region jamtland-harjedalen | grep -q 2030-01 && fail "rejected import stored"
# compare: a scenario that raises only CNI; unit differences sum to the total difference
"$vardval" --db "$db" compare --sample --region jamtland-harjedalen --base 2020 \
    --proposal-model "$src/regions/jamtland-harjedalen/scenarios/cni-up.yaml" --period 2020-02 --format json \
    > "$work/compare.json"
python3 - "$work/compare.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
assert len(c["units"]) == 25
assert sum(u["diff_ore"] for u in c["units"]) == c["total_diff_ore"] == c["total_proposal_ore"] - c["total_base_ore"]
for u in c["units"]:
    assert u["diff_ore"] == u["proposal_ore"] - u["base_ore"]
    assert sum(d["diff_ore"] for d in u["components"]) == u["diff_ore"]
moved = {d["component"]: d for d in c["components"] if d["diff_ore"] != 0}
assert list(moved) == ["cni"], moved
# 1 025 / 820 = 1.25: the CNI pot grows by a quarter (per-line rounding aside)
assert abs(moved["cni"]["proposal_ore"] / moved["cni"]["base_ore"] - 1.25) < 1e-4
PY
"$vardval" --db "$db" compare --sample --region jamtland-harjedalen --base 2020 \
    --proposal-model "$src/regions/jamtland-harjedalen/scenarios/cni-up.yaml" --period 2020-02 \
    | grep "^Per komponent" > /dev/null || fail "compare table"
# the private-unit VAT scenario: only private units gain, by 3 % + 1.5 % of their listed-based pay
"$vardval" --db "$db" compare --sample --region jamtland-harjedalen --base 2020 \
    --proposal-model "$src/regions/jamtland-harjedalen/scenarios/private-vat.yaml" --period 2020-02 --format json \
    > "$work/vat.json"
python3 - "$work/vat.json" "$src/regions/jamtland-harjedalen/region.yaml" <<'PY'
import json, re, sys
c = json.load(open(sys.argv[1]))
private = set(re.findall(r"id: ([\w-]+),.*ownership: private}", open(sys.argv[2]).read()))
assert len(private) == 7, private
listed_based = {"listed_age", "cni", "drugs", "sparsity"}  # not the costs and penalty
for u in c["units"]:
    if u["unit"] in private:
        base = sum(d["base_ore"] for d in u["components"] if d["component"] in listed_based)
        assert abs(u["diff_ore"] - 0.045 * base) <= 1, (u["unit"], u["diff_ore"], base)
    else:
        assert u["diff_ore"] == 0, u["unit"]
PY
# compare --models: three models side by side on the same data; totals are those of the
# pairwise comparisons above, each column sums to its total, the legend names file and title
jh="$src/regions/jamtland-harjedalen"
models=("$jh/2020.yaml" "$jh/scenarios/cni-up.yaml" "$jh/scenarios/private-vat.yaml")
"$vardval" --db "$db" compare --sample --region jamtland-harjedalen --period 2020-02 \
    --models "${models[@]}" --format json > "$work/models.json"
python3 - "$work/models.json" "$work/compare.json" "$work/vat.json" <<'PY'
import json, sys
s, cni, vat = (json.load(open(f)) for f in sys.argv[1:4])
assert [m["name"] for m in s["models"]] == ["2020", "cni-up", "private-vat"], s["models"]
assert s["period"] == "2020-02" and len(s["units"]) == 25
totals = {m["name"]: m["total_ore"] for m in s["models"]}
assert totals == {"2020": cni["total_base_ore"], "cni-up": cni["total_proposal_ore"],
                  "private-vat": vat["total_proposal_ore"]}, totals
for name, total in totals.items():
    assert sum(u["amounts_ore"][name] for u in s["units"]) == total, name
assert [u["unit"] for u in s["units"]] == [u["unit"] for u in cni["units"]]
assert s["groups_with_equal_totals"] == [], s["groups_with_equal_totals"]
PY
"$vardval" --db "$db" compare --sample --region jamtland-harjedalen --period 2020-02 \
    --models "${models[@]}" > "$work/models.txt"
# the totals per model against the reference (the first given: no model is named today),
# then each model's units sorted by difference, and the legend naming file and title
grep -q "jämförda med 2020 (kr)$" "$work/models.txt" || fail "compare --models reference"
grep -Eq "^2020 \(referens\) +[0-9 ]+,[0-9]{2} +– +–" "$work/models.txt" || fail "compare --models reference row"
grep -Eq "^private-vat +[0-9 ]+,[0-9]{2} +[0-9 ]+,[0-9]{2} +\+[0-9],[0-9] %" "$work/models.txt" || fail "compare --models totals"
grep -Eq "^Hallens hälsocentral +Vårdcentraler, regiondrivna +[0-9]+ +[0-9 ]+,[0-9]{2} +[0-9 ]+,[0-9]{2} " \
    "$work/models.txt" || fail "compare --models row"
grep -Eq "^Summa \(25 enheter\) " "$work/models.txt" || fail "compare --models total"
grep -q "^cni-up: .*scenarios/cni-up.yaml (körning #[0-9]*, modellens sha256 [0-9a-f]\{64\}): Hälsoval 2020, CNI +25 % (what-if)$" \
    "$work/models.txt" || fail "compare --models legend"
grep -q "^Inga två modeller har identiska summor.$" "$work/models.txt" || fail "compare --models groups"
# the same model twice: identical totals; csv has a column per model
"$vardval" --db "$db" compare --sample --region jamtland-harjedalen --period 2020-02 \
    --models "$jh/2020.yaml" "$jh/scenarios/cni-up.yaml" "$jh/2020.yaml" > "$work/twice.txt"
grep -q "^Identiska summor (budgetneutrala): 2020, 2020#2$" "$work/twice.txt" || fail "equal totals not grouped"
"$vardval" --db "$db" compare --sample --region jamtland-harjedalen --period 2020-02 \
    --models "${models[@]}" --format csv | head -1 | grep -qx "unit,name,2020,cni-up,private-vat" || fail "compare --models csv"
# the psychiatry pilot: every model of the folder side by side for 2024-01; the eight
# budget-neutral alternatives pay today's total to the öre, new money and grants do not
"$vardval" --db "$db" compare --sample --region jamtland-harjedalen --period 2024-01 \
    --models "$jh/psychiatry" > "$work/psychiatry.txt"
# today is the reference (not the first file, carve-out), in the title and in the JSON
grep -q "^Konsekvensanalys, .*: 12 modeller jämförda med today (kr)$" "$work/psychiatry.txt" || fail "psychiatry reference"
grep -Eq "^today \(referens\) " "$work/psychiatry.txt" || fail "psychiatry reference row"
# sample data and illustrative parameters are said in the first lines, not in a footnote
sed -n 2p "$work/psychiatry.txt" | grep -q "^EXEMPELDATA" || fail "psychiatry: no sample warning"
sed -n 3p "$work/psychiatry.txt" | grep -q "^ILLUSTRATIVA PARAMETRAR .*psychiatry.amounts_year" \
    || fail "psychiatry: no illustrative warning: $(sed -n 3p "$work/psychiatry.txt")"
grep -Eq "^Summa \(30 enheter\) " "$work/psychiatry.txt" || fail "psychiatry compare total"
grep -Eq "^Barn- och ungdomspsykiatrin \(BUP\) Östersund +Psykiatriska mottagningar" "$work/psychiatry.txt" || fail "psychiatry clinic row"
grep -qx "Identiska summor (budgetneutrala): carve-out, designated-units, kronoberg-halland-episode, \
mental-health-vardval, ostergotland-87-13, stockholm-70-30, today, value-based, vastra-gotaland-50-50" \
    "$work/psychiatry.txt" || fail "psychiatry budget-neutral totals: $(grep -i identiska "$work/psychiatry.txt")"
# the same in JSON names its reference as in models[]; --reference picks another by name,
# and a name that is none of them is a usage error that suggests the right one
"$vardval" --db "$db" compare --no-store --sample --region jamtland-harjedalen --period 2024-01 \
    --models "$jh/psychiatry" --format json > "$work/psychiatry.json"
"$vardval" --db "$db" compare --no-store --sample --region jamtland-harjedalen --period 2024-01 \
    --models "$jh/psychiatry" --reference carve-out > "$work/carve-out.txt"
head -1 "$work/carve-out.txt" | grep -q "jämförda med carve-out" || fail "--reference carve-out"
set +e
"$vardval" --db "$db" compare --no-store --sample --region jamtland-harjedalen --period 2024-01 \
    --models "$jh/psychiatry" --reference todya > /dev/null 2> "$work/err.txt"
code=$?
set -e
[ "$code" = 1 ] || fail "unknown --reference exited $code"
grep -q "did you mean 'today'" "$work/err.txt" || fail "unknown --reference: $(cat "$work/err.txt")"
# csv-sv: BOM, ';', decimal comma, amounts in kr; each model's units sorted by difference,
# largest gain first, and the figures are the JSON's to the öre
"$vardval" --db "$db" compare --no-store --sample --region jamtland-harjedalen --period 2024-01 \
    --models "$jh/psychiatry" --format csv-sv --output "$work/psychiatry.csv"
/usr/bin/python3 - "$work/psychiatry.json" "$work/psychiatry.csv" <<'PY'
import json, sys
from decimal import Decimal
j = json.load(open(sys.argv[1]))
assert j["reference"] == "today" and "today" in [m["name"] for m in j["models"]], j["reference"]
# today's amounts are marked illustrative in its file, the drug weights and sparsity amount
# in 2020.yaml, which it extends; the JSON says so in payment order
assert "psychiatry.amounts_year" in j["illustrative"], j["illustrative"]
assert next(m for m in j["models"] if m["name"] == "today")["illustrative"] == \
    ["listed_age.budget_year", "drugs.bands", "sparsity.amount_per_listed_year",
     "psychiatry.amounts_year"]
raw = open(sys.argv[2], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), raw[:10]
sections = raw[3:].decode("utf-8").split("\r\n\r\n")
def ore(text): return int(Decimal(text.replace(",", ".")) * 100)
amounts = {u["name"]: u["amounts_ore"] for u in j["units"]}
checked = 0
for section in sections:
    lines = section.split("\r\n")
    if not lines[0].endswith("jämfört med today: per enhet, störst vinst först"):
        continue
    model = lines[0].split(" jämfört med ")[0]
    header = lines[1].split(";")
    assert header[:3] == ["Enhet", "Typ", "Listade"] and header[3:5] == ["today", model], header
    rows = [l.split(";") for l in lines[2:-1]]
    diffs = [ore(r[5]) for r in rows]
    assert diffs == sorted(diffs, reverse=True), (model, diffs)
    for r in rows:
        a = amounts[r[0]]
        assert (ore(r[4]) if r[4] else None) == a[model], (model, r)
        assert ore(r[5]) == (a[model] or 0) - (a["today"] or 0), (model, r)
    total = lines[-1].split(";")
    assert total[0] == "Summa (%d enheter)" % len(rows), total
    assert ore(total[4]) == next(m["total_ore"] for m in j["models"] if m["name"] == model)
    checked += 1
assert checked == 11, checked
PY
# every psychiatry model validates
for model in "$jh"/psychiatry/*.yaml; do
    "$vardval" validate --region jamtland-harjedalen --model "$model" > /dev/null || fail "validate $model"
done
"$vardval" plugins --format csv > "$work/plugins.csv"
for type in psychiatry.appropriation psychiatry.visit psychiatry.episode psychiatry.value_based \
    psychiatry.completion budget.split; do
    grep -q "^$type," "$work/plugins.csv" || fail "plugins does not list $type"
done
# one model, or --models with --base: a usage error (exit 1) saying why
set +e
"$vardval" --db "$db" compare --sample --region jamtland-harjedalen --period 2020-02 --models "$jh/2020.yaml" 2> "$work/err.txt"
code=$?
set -e
[ "$code" = 1 ] || fail "compare --models with one model exited $code"
grep -q "two or more model files" "$work/err.txt" || fail "one model: $(cat "$work/err.txt")"
set +e
"$vardval" --db "$db" compare --sample --region jamtland-harjedalen --base 2020 --period 2020-02 \
    --models "${models[@]}" 2> "$work/err.txt"
code=$?
set -e
[ "$code" = 1 ] || fail "compare --models with --base exited $code"
grep -q "excludes" "$work/err.txt" || fail "--models with --base: $(cat "$work/err.txt")"
# Västmanland 2021 → 2022, the issue's own command: unit differences sum to the total
"$vardval" --db "$db" compare --sample --region vastmanland --base 2021 --proposal 2022 --period 2022-01 \
    --format json > "$work/vm.json"
python3 - "$work/vm.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
assert len(c["units"]) == 28
assert sum(u["diff_ore"] for u in c["units"]) == c["total_proposal_ore"] - c["total_base_ore"]
comp = {d["component"]: d for d in c["components"]}
left = comp["visit_pay"]["proposal_ore"] / comp["visit_pay"]["base_ore"]
assert 0.30 < left < 0.40, left
PY

# bad rows in every new file kind: file, line and reason; nothing imported
printf 'person_id,unit,event_date,event,birth_year\np1,arboga,2021-01-05,sip,1950\np2,nowhere,2021-01-05,sip,1950\n' > "$work/events.csv"
printf 'person_id,unit,acg_weight\np1,arboga,0.5\np2,arboga,lots\n' > "$work/acg.csv"
printf 'person_id,unit,visit_date,birth_year,sex,profession,contact_type,fee_charged,listed_unit\np1,arboga,2021-01-05,1950,F,doctor,visit,2,arboga\n' > "$work/visits.csv"
for kind in events acg visits; do
  if "$vardval" --db "$db" import --region vastmanland --kind $kind --period 2021-03 "$work/$kind.csv" 2> "$work/err.txt"; then
    fail "$kind with a bad row imported"
  fi
  grep -q "$work/$kind.csv:[23]" "$work/err.txt" || fail "$kind: no file:line in $(cat "$work/err.txt")"
  if "$vardval" --db "$db" datasets --region vastmanland | grep -Eq "^vastmanland +$kind +2021-03"; then
    fail "$kind: something was imported"
  fi
done

echo "cli: all checks passed"
