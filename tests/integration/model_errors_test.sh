#!/usr/bin/env bash
# Model errors at the command line (issue 9): a key or component id given twice, a move
# between two components paid by rule, nested schema errors and a pot's parameters beside a
# price are each refused by `validate` and `run` with exit 2 and the file:line of the
# problem, instead of paying something else with exit 0.
# Usage: model_errors_test.sh path/to/vardval SOURCE_DIR
set -euo pipefail
vardval=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="sqlite3://db=$work/test.db"
base="$src/regions/jamtland-harjedalen/2020.yaml"
fail() { echo "FAIL: $*" >&2; exit 1; }

# refused NAME PATTERN COMMAND...: the command exits 2 with PATTERN (grep -E) on stderr.
refused() {
  local name=$1 pattern=$2
  shift 2
  local rc=0
  "$@" > "$work/out.txt" 2> "$work/err.txt" || rc=$?
  [ "$rc" = 2 ] || fail "$name: exit $rc, expected 2: $(cat "$work/err.txt")"
  grep -qE -- "$pattern" "$work/err.txt" || fail "$name: no /$pattern/ in: $(cat "$work/err.txt")"
  [ ! -s "$work/out.txt" ] || fail "$name: printed a result: $(head -3 "$work/out.txt")"
}

# model_refused NAME FILE PATTERN: refused by validate and by run.
model_refused() {
  refused "$1 (validate)" "$3" "$vardval" validate --model "$2"
  refused "$1 (run)" "$3" "$vardval" --db "$db" run --model "$2" --period 2020-02 --no-store --sample
}

# overlay NAME BODY: a model extending JH 2020 with BODY; prints its path.
overlay() {
  printf 'region: jamtland-harjedalen\nyear: 2020\nextends: %s\n%s' "$base" "$2" > "$work/$1.yaml"
  echo "$work/$1.yaml"
}

# The shipped model pays with exit 0 (so a refusal below is the change, not the setup).
"$vardval" validate --model "$base" > /dev/null

# 1. A key given twice: yaml-cpp keeps both and the loader used the second (9 999 kr).
sed 's/^      average_per_listed_year: 820$/&\n      average_per_listed_year: 9999/' "$base" > "$work/dup_key.yaml"
line=$(grep -n 'average_per_listed_year: 9999' "$work/dup_key.yaml" | cut -d: -f1)
model_refused "duplicate key" "$work/dup_key.yaml" \
  "dup_key.yaml:$line:7: .*duplicate key 'average_per_listed_year': also given at .*dup_key.yaml:$((line - 1))"
# ... in an overlay, and in region.yaml
f=$(overlay dup_overlay 'title: one
title: two
')
model_refused "duplicate key in an overlay" "$f" "dup_overlay.yaml:5:1: title: duplicate key 'title': also given at .*dup_overlay.yaml:4"
mkdir -p "$work/regions/jamtland-harjedalen"
cp "$base" "$work/regions/jamtland-harjedalen/2020.yaml"
{ cat "$src/regions/jamtland-harjedalen/region.yaml"; echo "name: Another name"; } > "$work/regions/jamtland-harjedalen/region.yaml"
line=$(wc -l < "$work/regions/jamtland-harjedalen/region.yaml")
refused "duplicate key in region.yaml" "region.yaml:$line:1: name: duplicate key 'name': also given at .*region.yaml:12" \
  "$vardval" --regions "$work/regions" validate --region jamtland-harjedalen --year 2020

# 2. A component id given twice in one file (the second replaced the first: CNI lost).
f=$(overlay dup_id 'components:
  - id: cni
    params: {average_per_listed_year: 900}
  - id: cni
    params: {average_per_listed_year: 1000}
')
model_refused "duplicate component id" "$f" "dup_id.yaml:7:9: components\[1\]\.id: duplicate component id 'cni': also declared at .*dup_id.yaml:5"
# ... while overriding an inherited id once is how a year is written
f=$(overlay override 'components:
  - id: cni
    params: {average_per_listed_year: 900}
')
"$vardval" validate --model "$f" > /dev/null || fail "overriding an inherited id refused"

# 3. A move between two components paid by rule (it changed nothing).
f=$(overlay move 'moves:
  - {reason: "CNI into sparsity", from: cni, to: sparsity, amount_year: 1000000}
')
model_refused "move between rule-paid components" "$f" "move.yaml:5:5: moves\[0\]: neither 'cni' nor 'sparsity' is a pot"

# 4. Nested schema errors: an age band without `from` (was exit 6 without a line), a map value.
f=$(overlay band 'components:
  - id: drugs
    params:
      bands: [{to: 4, weight: 1}, {from: 5, weight: 2}]
  - id: cni
    params: {variables: {under5: lots}}
')
model_refused "age band without from" "$f" "band.yaml:7:15: component 'drugs'\.params\.bands\[0\]\.from: missing 'from': an age 0-"
grep -q "band.yaml:9:.*component 'cni'.params.variables.under5: expected number" "$work/err.txt" || fail "map value: $(cat "$work/err.txt")"

# 5. A pot's parameter beside a price (was ignored: the full price was paid).
f=$(overlay share 'components:
  - id: sparsity
    params: {budget_share: 0.5}
')
model_refused "budget_share beside a price" "$f" "share.yaml:6:28: component 'sparsity'\.params\.budget_share: budget_share applies to a pot and needs budget_year"

# 6. The installation config is read the same way: a database given twice names both lines.
printf 'database: sqlite3://db=a.db\nlog_level: info\ndatabase: sqlite3://db=b.db\n' > "$work/config.yaml"
refused "config key twice" "config.yaml:3:1: database: duplicate key 'database': also given at .*config.yaml:1" \
  "$vardval" --config "$work/config.yaml" validate --model "$base"

echo "model errors: all refused with exit 2 and file:line"
