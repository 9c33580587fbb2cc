#!/usr/bin/env bash
# Configuring a new contract year with the CLI: new-year, diff, plugins TYPE, schema, and the
# validation of the usual mistakes. Usage: authoring_test.sh path/to/vardval SOURCE_DIR
set -euo pipefail
vardval=$(realpath "$1")
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="sqlite3://db=$work/test.db"
fail() { echo "FAIL: $*" >&2; exit 1; }
py=/usr/bin/python3   # Debian's, with python3-yaml and python3-jsonschema
cp -r "$src/regions" "$work/regions"
v() { "$vardval" --db "$db" --regions "$work/regions" "$@"; }
expect_exit() {  # CODE COMMAND...: runs it, stderr to $work/err.txt
  local code=$1; shift
  set +e; "$@" > "$work/out.txt" 2> "$work/err.txt"; local got=$?; set -e
  [ "$got" = "$code" ] || fail "exit $got, not $code: $* : $(cat "$work/err.txt")"
}

# --- new-year: a valid skeleton that changes nothing, never overwriting ---------------------
jh="$work/regions/jamtland-harjedalen"
v new-year --region jamtland-harjedalen --from 2021 --to 2022 > "$work/new.txt"
grep -q "wrote .*2022.yaml" "$work/new.txt" || fail "new-year output: $(cat "$work/new.txt")"
grep -q "vardval diff --region jamtland-harjedalen --base 2021 --proposal 2022" "$work/new.txt" \
    || fail "new-year does not say what to do next"
grep -q "^extends: 2021$" "$jh/2022.yaml" || fail "no extends"
grep -q "^year: 2022$" "$jh/2022.yaml" || fail "no year"
grep -q "^scale:$" "$jh/2022.yaml" || fail "no empty scale:"
# Current values as comments, with the line that set them (2021.yaml sets cni at 1 146 kr).
grep -q "#     average_per_listed_year: 1146   # kr, 2021.yaml:29" "$jh/2022.yaml" \
    || fail "cni value not shown: $(grep -n average "$jh/2022.yaml")"
v validate --region jamtland-harjedalen --year 2022 > /dev/null || fail "new-year output invalid"
v diff --region jamtland-harjedalen --base 2021 --proposal 2022 > "$work/d.txt"
grep -q "No changes" "$work/d.txt" || fail "diff of new-year output against its base: $(cat "$work/d.txt")"
v diff --region jamtland-harjedalen --base 2021 --proposal 2022 --format json > "$work/d.json"
$py -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["changes"] == [], d' "$work/d.json"
# From a year that moves and scales: its resolved values, and still no change.
v new-year --region vastmanland --from 2022 --to 2023 > /dev/null
grep -q "#     amount_per_listed_year: 157.08   # kr, 2021.yaml:65, scaled at 2022.yaml:104, scaled at 2022.yaml:112" \
    "$work/regions/vastmanland/2023.yaml" || fail "scaled value not shown"
v diff --region vastmanland --base 2022 --proposal 2023 --format json > "$work/d.json"
$py -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["changes"] == [], d' "$work/d.json"
cp "$jh/2022.yaml" "$work/kept.yaml"
expect_exit 1 v new-year --region jamtland-harjedalen --from 2021 --to 2022
grep -q "2022.yaml exists" "$work/err.txt" || fail "overwrite refusal: $(cat "$work/err.txt")"
cmp -s "$jh/2022.yaml" "$work/kept.yaml" || fail "new-year overwrote a file"
# Uncommenting one value (as an editor does) and changing it is one change, located.
sed -i 's/^  # - id: cni /  - id: cni /; s/^  #   params:$/    params:/' "$jh/2022.yaml"
awk '/^  - id: cni/{c=1} c && /^    params:$/{print; print "      average_per_listed_year: 1200"; c=0; next} {print}' \
    "$jh/2022.yaml" > "$work/e.yaml"
# Only the first "params:" after cni was uncommented; comment the others back.
$py - "$work/e.yaml" "$jh/2022.yaml" <<'PY'
import sys
lines = open(sys.argv[1]).read().split("\n")
out, in_cni = [], False
for l in lines:
    if l.startswith("  - id: cni"): in_cni = True
    elif l.startswith("  # - id:"): in_cni = False
    if l == "    params:" and not in_cni: l = "  #   params:"
    out.append(l)
open(sys.argv[2], "w").write("\n".join(out))
PY
v diff --region jamtland-harjedalen --base 2021 --proposal 2022 --format json > "$work/d.json"
$py - "$work/d.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["changes"]) == 1, d["changes"]
c = d["changes"][0]
assert (c["component"], c["key"], c["base"], c["proposal"], c["unit"]) == \
    ("cni", "params.average_per_listed_year", "1146", "1200", "kr"), c
assert "/2022.yaml:" in c["source"] and c["base_source"].endswith("2021.yaml:29"), c
PY

# --- diff: Västmanland 2022 against 2021, after moves and scaling ---------------------------
vm="$work/regions/vastmanland"
v diff --region vastmanland --base 2021 --proposal 2022 --format json > "$work/vm.json"
v diff --format json "$vm/2021.yaml" "$vm/2022.yaml" > "$work/vm2.json"
cmp -s "$work/vm.json" "$work/vm2.json" || fail "diff by files differs from diff by years"
$py - "$work/vm.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ch = {(c["component"], c["key"]): c for c in d["changes"]}
# distance: 110 kr × 1.4 (§8.4.4) × 1.02 (indexation) = 157.08 kr, set in 2021, scaled twice
c = ch[("distance", "params.amount_per_listed_year")]
assert (c["base"], c["proposal"], c["unit"]) == ("110", "157.08", "kr"), c
assert "2021.yaml:" in c["source"] and "scaled at" in c["source"] and "2022.yaml:104" in c["source"] \
    and "2022.yaml:112" in c["source"], c
# capitation pot: 570 000 000 + 2 500 000 + 2 500 000 + 3 000 000 + 1 200 000 + 1 260 000
# + 64 000 000 moved in = 644 460 000 kr
c = ch[("capitation", "params.budget_year")]
assert (c["base"], c["proposal"]) == ("570000000", "644460000"), c
assert c["source"].count("moved at") == 6, c
# removed components are shown as such, with where they were declared
c = ch[("av003", "(component)")]
assert c["change"] == "removed" and c["proposal"] is None and c["base"] == "goal.per_event", c
c = ch[("named_doctor", "(component)")]
assert c["change"] == "added" and c["proposal"] == "goal.threshold", c
PY
# a model paying other units says so: today.yaml pays clinics 2020.yaml does not
v diff --format json "$src/regions/jamtland-harjedalen/2020.yaml" "$jh/psychiatry/today.yaml" > "$work/p.json"
$py - "$work/p.json" <<'PY'
import json, sys
ch = {(c["component"], c["key"]): c for c in json.load(open(sys.argv[1]))["changes"]}
c = ch[("(model)", "payees")]
assert (c["base"], c["proposal"]) == ("vardcentral", "vardcentral, psychiatry-clinic, psychiatry-provider"), c
# listed_age becomes a pot: the price dropped (~) and a budget given, 321 000 000 kr
assert ch[("listed_age", "params.price_per_weight_year")]["change"] == "removed"
assert ch[("listed_age", "params.budget_year")]["proposal"] == "321000000"
PY
v diff --region vastmanland --base 2021 --proposal 2022 > "$work/vm.txt"
grep -q "^distance .*110 .*157.08 .*kr" "$work/vm.txt" || fail "diff table: $(cat "$work/vm.txt")"

# --- plugins TYPE: one type in full; its example validates pasted into a model --------------
v plugins --format json > "$work/plugins.json"
types=$($py -c 'import json,sys; print(" ".join(e["type"] for e in json.load(open(sys.argv[1]))))' "$work/plugins.json")
[ "$(echo $types | wc -w)" -ge 25 ] || fail "types: $types"
for t in $types; do
  case $t in psychiatry.*|budget.split) region=jamtland-harjedalen ;; *) region=vastmanland ;; esac
  v plugins "$t" --region $region > "$work/type.txt"
  grep -q "^Parameters:" "$work/type.txt" || fail "$t: no parameters"
  { printf 'region: %s\nyear: 2022\npayees: [vardcentral, psychiatry-clinic]\ncomponents:\n' $region
    sed -n '/^Example/,$p' "$work/type.txt" | tail -n +3 | sed 's/^  //'; } > "$work/example.yaml"
  v validate --model "$work/example.yaml" > /dev/null 2> "$work/err.txt" \
      || fail "$t: example does not validate: $(cat "$work/err.txt") in $(cat "$work/example.yaml")"
done
v plugins capitation.cni > "$work/cni.txt"
grep -q "unit: kr; at least 0" "$work/cni.txt" || fail "no unit/range for cni"
v plugins goal.threshold --region vastmanland --format json > "$work/goal.json"
$py - "$work/goal.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
assert t["type"] == "goal.threshold" and t["example"].startswith("- id: threshold\n"), t
p = {f["key"]: f for f in t["parameters"]}
assert p["budget_year"]["unit"] == "kr" and p["budget_year"]["min"] == 0, p["budget_year"]
assert p["budget_share"]["default"] == "1" and p["budget_share"]["max"] == 1, p["budget_share"]
PY
expect_exit 1 v plugins goal.threshold --format csv
expect_exit 1 v plugins capitation.cnj
grep -q "did you mean 'capitation.cni'" "$work/err.txt" || fail "no did-you-mean: $(cat "$work/err.txt")"

# --- schema: every shipped model validates; a broken one does not ---------------------------
v schema > "$work/schema.json"
$py - "$work/schema.json" "$src/regions" "$jh/2022.yaml" <<'PY'
import glob, json, sys, yaml, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
def as_json(path):
    return json.loads(json.dumps(yaml.safe_load(open(path)), default=str))
files = [f for f in glob.glob(sys.argv[2] + "/*/*.yaml") + glob.glob(sys.argv[2] + "/*/*/*.yaml")
         if not f.endswith("region.yaml")] + [sys.argv[3]]
assert len(files) >= 19, files
for f in files:
    errors = [e.message for e in v.iter_errors(as_json(f))]
    assert not errors, (f, errors[:3])
broken = as_json(sys.argv[2] + "/jamtland-harjedalen/2020.yaml")
broken["components"][1]["params"]["average_per_listd_year"] = broken["components"][1]["params"].pop("average_per_listed_year")
assert any("average_per_listd_year" in e.message for e in v.iter_errors(broken)), "misspelt key passed"
broken = as_json(sys.argv[2] + "/jamtland-harjedalen/2020.yaml")
broken["components"][0]["type"] = "capitation.age_weigted"
assert list(v.iter_errors(broken)), "unknown type passed"
PY

# --- validation: the usual mistakes -------------------------------------------------------
# All problems in one pass: an unknown top-level key and an unknown parameter together.
printf 'region: jamtland-harjedalen\nyear: 2020\ntitel: x\ncomponents:\n  - id: s\n    type: sparsity.distance\n    params: {threshold_km: 30, amount_per_listd_year: 600}\n' > "$work/one.yaml"
expect_exit 2 v validate --model "$work/one.yaml"
grep -q "one.yaml:3:1: titel: unknown key 'titel'" "$work/err.txt" || fail "structural: $(cat "$work/err.txt")"
grep -q "unknown parameter 'amount_per_listd_year'" "$work/err.txt" || fail "same pass: $(cat "$work/err.txt")"
# year: contradicting the file name
mkdir -p "$work/y" && sed 's/^year: 2021/year: 2020/' "$src/regions/jamtland-harjedalen/2021.yaml" \
    | sed 's/^extends: 2020/extends: ..\/regions\/jamtland-harjedalen\/2020.yaml/' > "$work/y/2021.yaml"
expect_exit 2 v validate --model "$work/y/2021.yaml"
grep -q "2021.yaml:5:7: year: year: 2020 contradicts the file name 2021.yaml" "$work/err.txt" \
    || fail "year vs name: $(cat "$work/err.txt")"
# extends: 2020 from outside the region folder names the path tried
mkdir -p "$work/outside" && cp "$src/regions/jamtland-harjedalen/2021.yaml" "$work/outside/"
expect_exit 2 v validate --model "$work/outside/2021.yaml"
grep -q "tried $work/outside/2020.yaml" "$work/err.txt" || fail "path tried: $(cat "$work/err.txt")"
(cd "$work/outside" && expect_exit 2 v validate --model 2021.yaml)
grep -q "tried $work/outside/2020.yaml" "$work/err.txt" || fail "relative: $(cat "$work/err.txt")"
# a folder: validate checks every model in it; run refuses clearly
v validate --model "$work/regions/jamtland-harjedalen/psychiatry" > "$work/out.txt"
grep -q "12 of 12 model files valid" "$work/out.txt" || fail "folder: $(cat "$work/out.txt")"
cp "$work/one.yaml" "$work/outside/"
expect_exit 2 v validate --model "$work/outside"
grep -q "0 of 2 model files valid" "$work/out.txt" || fail "folder with a bad file: $(cat "$work/out.txt")"
expect_exit 2 v run --model "$work/outside" --period 2020-02
grep -q "a folder, not a model file" "$work/err.txt" || fail "run --model DIR: $(cat "$work/err.txt")"
grep -q "basic_filebuf" "$work/err.txt" && fail "run --model DIR leaks a stream error"
# a model run on a month outside its year: a warning naming both; refused with --strict
v run --sample --no-store --region jamtland-harjedalen --year 2020 --period 2021-01 > /dev/null 2> "$work/err.txt"
grep -q "the model is for 2020 but the month computed, 2021-01, is in 2021" "$work/err.txt" \
    || fail "no warning: $(cat "$work/err.txt")"
expect_exit 2 v run --sample --no-store --strict --region jamtland-harjedalen --year 2020 --period 2021-01
grep -q "2021-01" "$work/err.txt" || fail "strict: $(cat "$work/err.txt")"
v run --sample --no-store --strict --region jamtland-harjedalen --year 2020 --period 2020-02 > /dev/null
echo "authoring: all passed"
