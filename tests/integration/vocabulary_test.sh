#!/usr/bin/env bash
# Declared vocabularies and missing data, as a user meets them (issue 9, items 4, 5, 12): a
# profession, contact type, event or measure the region does not declare is refused by the
# import (exit 3, file:line, did you mean, nothing stored) and by validation (exit 2,
# file:line); a run needing a figure the month's data lacks is refused (exit 3) instead of
# paying zero. Usage: vocabulary_test.sh path/to/vardval SOURCE_DIR
set -euo pipefail
vardval=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# Västmanland with its samples, and one more declared measure for the goal tests below.
mkdir -p "$work/regions"
cp -r "$src/regions/vastmanland" "$work/regions/"
echo '  goals_met: {description: "1 when the unit met its goals, else 0", unit: 1/0, min: 0, max: 1}' \
  >> "$work/regions/vastmanland/region.yaml"
v() { "$vardval" --db "sqlite3://db=$work/test.db" --regions "$work/regions" "$@"; }
# expect CODE CMD...: runs CMD, stderr to $work/err.txt, fails unless it exits CODE.
expect() {
  local want=$1; shift
  set +e; "$@" > "$work/out.txt" 2> "$work/err.txt"; local code=$?; set -e
  [ "$code" = "$want" ] || fail "$* exited $code, not $want: $(cat "$work/err.txt")"
}
has() { grep -qF -- "$1" "$work/err.txt" || fail "'$1' not in: $(cat "$work/err.txt")"; }

# Item 4: VM 2021's visits with a Doctor and a wizard. Before, they were counted under names
# no price matched and the month paid 37 005 kr less with exit 0.
sample="$work/regions/vastmanland/sample"
awk -F, 'BEGIN { OFS = "," } NR == 3 { $6 = "Doctor" } NR == 5 { $7 = "wizard" } { print }' \
  "$sample/visits-2021-01.csv" > "$work/visits.csv"
expect 3 v import --region vastmanland --kind visits --period 2021-01 "$work/visits.csv"
has "visits.csv:3: unknown profession: 'Doctor' is not in the professions declared in"
has "(did you mean 'doctor'?)"
has "visits.csv:5: unknown contact type: 'wizard' is not in the contact_types declared in"
has "nothing imported"
v datasets --region vastmanland | grep -q visits && fail "rejected visits stored"

# Unknown event names.
awk -F, 'BEGIN { OFS = "," } NR == 3 { $4 = "spi" } NR == 4 { $4 = "health_talk" } { print }' \
  "$sample/events-2021-01.csv" > "$work/events.csv"
expect 3 v import --region vastmanland --kind events --period 2021-01 "$work/events.csv"
has "events.csv:3: unknown event: 'spi' is not in the events declared in"
has "did you mean 'sip'"
has "events.csv:4: unknown event: 'health_talk'"
v datasets --region vastmanland | grep -q events && fail "rejected events stored"

# Item 5: an unknown measure in unit values (before: accepted, the unit paid as if 0).
sed '2s/^\([^,]*\),[^,]*,/\1,patient_fes_kr,/' "$sample/unit-values-2021-01.csv" > "$work/values.csv"
expect 3 v import --region vastmanland --kind unit-values --period 2021-01 "$work/values.csv"
has "values.csv:2: unknown measure: 'patient_fes_kr'"
has "did you mean 'patient_fees_kr'"

# A model reading a measure the region does not declare: invalid (exit 2), at its line.
cat > "$work/undeclared.yaml" <<'YAML'
region: vastmanland
year: 2021
components:
  - id: fees
    type: fees.patient
    params: {mode: folded_into_capitation, measure: patient_fes_kr}
YAML
expect 2 v validate --model "$work/undeclared.yaml"
has "undeclared.yaml:6:"
has "'patient_fes_kr' is not in the measures declared in"

# A goal pot whose measure no unit reports: refused, naming kind, month and the import
# (before: 0 to everyone, exit 0). The sample for 2021-01 is imported by the run (--sample).
goal_model() {
  cat > "$work/goal.yaml" <<YAML
region: vastmanland
year: 2021
components:
  - id: goals
    type: goal.approved
    params: {measure: goals_met, budget_year: 2400000, pot_shared: per_unit$1}
YAML
}
goal_model ""
v validate --model "$work/goal.yaml" > /dev/null
expect 3 v run --sample --model "$work/goal.yaml" --period 2021-01
has "component 'goals': goal.approved: no unit reports 'goals_met' in unit-values 2021-01"
has "vardval import --kind unit-values --period 2021-01 FILE"

# One unit alone reports it: refused by default, naming the unit ...
{ cat "$sample/unit-values-2021-01.csv"; echo "arboga,goals_met,1"; } > "$work/goals.csv"
v import --region vastmanland --kind unit-values --period 2021-01 "$work/goals.csv" 2> /dev/null
expect 3 v run --sample --model "$work/goal.yaml" --period 2021-01
has "unit backby has no 'goals_met' in unit-values 2021-01"
has "or set missing_value: zero"
# ... and paid when the model says a missing value is 0: arboga, the only unit meeting its
# goals, gets January's whole pot, 2 400 000 / 12 = 200 000 kr = 20 000 000 öre.
goal_model ", missing_value: zero"
v run --sample --model "$work/goal.yaml" --period 2021-01 --format json --no-store > "$work/run.json"
python3 - "$work/run.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
paid = {u["unit"]: u["total_ore"] for u in r["units"] if u["total_ore"]}
assert paid == {"arboga": 20000000}, paid
PY
echo "vocabulary CLI test passed"
