#!/usr/bin/env bash
# Every line of every shipped model on every shipped sample month can be recomputed from the
# ledger's own fields, exactly (README "Money"), by an independent computation with Python's
# fractions: per_line lines are round(basis_exact × rate_ore_exact); pot lines are within one
# öre of pot_ore × share, the shares of a pot sum to 1 and its lines to the pot; monthly
# shares are the month's part of round(basis × rate × 12). Usage: recheck_test.sh VARDVAL SRC
set -euo pipefail
vardval=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="sqlite3://db=$work/test.db"
fail() { echo "FAIL: $*" >&2; exit 1; }

checked=0
for region_dir in "$src"/regions/*/; do
  region=$(basename "$region_dir")
  # Import every sample file explicitly (regions/*/sample/README: <kind>-<period>.csv).
  months=()
  for file in "$region_dir"sample/*.csv; do
    name=$(basename "$file" .csv)
    case "$name" in
      unit-values-*) kind=unit-values; period=${name#unit-values-} ;;
      *) kind=${name%%-*}; period=${name#*-} ;;
    esac
    "$vardval" --db "$db" import --region "$region" --kind "$kind" --period "$period" "$file" \
      > /dev/null 2> "$work/import.txt" || fail "import $file: $(cat "$work/import.txt")"
    [ "$kind" = listing ] && months+=("$period")
  done
  for model in "$region_dir"*.yaml "$region_dir"scenarios/*.yaml "$region_dir"psychiatry/*.yaml; do
    [ -e "$model" ] || continue
    [ "$(basename "$model")" = region.yaml ] && continue
    ran=0
    for month in "${months[@]}"; do
      set +e
      "$vardval" --db "$db" run --region "$region" --model "$model" --period "$month" \
        --format json --no-store > "$work/run.json" 2> "$work/run.txt"
      code=$?
      set -e
      # A model needs its own data (reference visits, psychiatric contacts): a month the
      # sample lacks them for is exit 3 and skipped; every model must run on some month.
      [ "$code" = 3 ] && continue
      [ "$code" = 0 ] || fail "$model $month exited $code: $(cat "$work/run.txt")"
      python3 - "$work/run.json" "$model $month" <<'PY' || fail "$model $month does not recheck"
import json, sys
from fractions import Fraction as F
from collections import defaultdict

def rnd(x):  # half away from zero
    n = (abs(x) * 2 + 1) // 2
    return int(n if x >= 0 else -n)

def six(x):  # a shown figure: the exact one rounded half away from zero to six decimals
    return F(rnd(x * 10**6), 10**6)

r = json.load(open(sys.argv[1]), parse_float=F)
month = int(r["period"][5:7])
pots = defaultdict(list)
errors = []
for u in r["units"]:
    for l in u["lines"]:
        where = f'{u["unit"]} {l["component"]}'
        basis, rate = F(l["basis_exact"]), F(l["rate_ore_exact"])
        if F(l["basis"]) != six(basis) or F(l["rate_ore"]) != six(rate):
            errors.append(f"{where}: shown basis/rate are not the exact ones rounded")
        a = l["amount_ore"]
        if l["rounding"] == "per_line":
            if a != rnd(basis * rate):
                errors.append(f"{where}: {a} != round({basis} × {rate}) = {rnd(basis * rate)}")
        elif l["rounding"] == "largest_remainder":
            pot, share = l["pot_ore"], F(l["share"])
            if not abs(a - pot * share) < 1:
                errors.append(f"{where}: {a} not within 1 öre of {pot} × {share}")
            pots[l["component"]].append((pot, share, a, basis))
        elif l["rounding"] == "monthly_share":
            annual = rnd(basis * rate * 12)
            if l["annual_ore"] != annual:
                errors.append(f'{where}: annual {l["annual_ore"]} != {annual}')
            if a != rnd(F(annual * month, 12)) - rnd(F(annual * (month - 1), 12)):
                errors.append(f"{where}: {a} is not month {month}'s share of {annual}")
        else:
            errors.append(f'{where}: unknown rounding {l["rounding"]}')
for component, lines in pots.items():
    if len({p for p, _, _, _ in lines}) != 1:
        errors.append(f"{component}: lines state different pots")
    total_basis = sum(b for _, _, _, b in lines)
    if total_basis == 0:
        if any(a != 0 for _, _, a, _ in lines):
            errors.append(f"{component}: a pot without basis paid something")
        continue
    if sum(s for _, s, _, _ in lines) != 1:
        errors.append(f"{component}: shares do not sum to 1")
    if sum(a for _, _, a, _ in lines) != lines[0][0]:
        errors.append(f"{component}: lines do not sum to the pot")
    for _, s, _, b in lines:
        if s != b / total_basis:
            errors.append(f"{component}: a share is not basis / total basis")
if errors:
    print(sys.argv[2] + ":\n  " + "\n  ".join(errors[:20]), file=sys.stderr)
    sys.exit(1)
print(sum(len(u["lines"]) for u in r["units"]))
PY
      ran=$((ran + 1))
    done
    [ "$ran" -gt 0 ] || fail "$model ran on no sample month"
    checked=$((checked + ran))
  done
done
echo "rechecked $checked model-months"
