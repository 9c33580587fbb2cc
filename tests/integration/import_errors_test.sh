#!/usr/bin/env bash
# Imports that cannot be trusted are refused as a user sees it: exit code, message naming the
# file and line (never a person id or birth date), and nothing stored.
# Usage: import_errors_test.sh path/to/vardval SOURCE_DIR
set -euo pipefail
vardval=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$work/regions/r"
cat > "$work/regions/r/region.yaml" <<'YAML'
region: r
name: Import test region
units:
  - {id: a, name: Unit A, ownership: region-run}
  - {id: b, name: Unit B, ownership: private}
YAML
v() { "$vardval" --db "sqlite3://db=$work/test.db" --regions "$work/regions" "$@"; }
# expect CODE FILE-FOR-STDERR ARGS...: runs vardval, fails unless it exits with CODE.
expect() {
  local want=$1 err=$2
  shift 2
  set +e
  v "$@" > "$work/out.txt" 2> "$err"
  local code=$?
  set -e
  [ "$code" = "$want" ] || fail "'$*' exited $code, expected $want: $(head -c 2000 "$err")"
}
has() { grep -qF -- "$2" "$1" || fail "'$2' not in: $(head -c 2000 "$1")"; }
stored() { v datasets --region r | grep -q "$1"; }

header="person_id,unit,birth_date,sex,distance_km"
printf '%s\nP100001,a,1980-03-04,F,12\nP100002,b,1975-06-07,M,40\n' "$header" > "$work/good.csv"
expect 0 "$work/err.txt" import --region r --kind listing --period 2020-02 "$work/good.csv"

# 1. a column named twice (today the last 'unit' won and everyone landed at b)
printf '%s,unit\nP1,a,1980-03-04,F,12,b\n' "$header" > "$work/dup.csv"
expect 3 "$work/err.txt" import --region r --kind listing --period 2020-03 "$work/dup.csv"
has "$work/err.txt" "dup.csv:1: column 'unit' is given twice, as column 2 and column 6"
has "$work/err.txt" "nothing was imported"
stored "listing *2020-03" && fail "a file with a repeated column was stored"

# 2. a header and no rows: refused; the month's earlier version stays the one in use
printf '%s\n\n' "$header" > "$work/empty.csv"
expect 3 "$work/err.txt" import --region r --kind listing --period 2020-02 --allow-rejects "$work/empty.csv"
has "$work/err.txt" "empty.csv: no data rows after the header line"
[ "$(v datasets --region r | grep -c 'listing')" = 1 ] || fail "header-only file stored: $(v datasets --region r)"

# 3. a read error is not the end of the file (/proc/self/mem fails to read with EIO) ...
expect 3 "$work/err.txt" import --region r --kind listing --period 2020-04 /proc/self/mem
has "$work/err.txt" "/proc/self/mem:1: read error"
# ... and a field over 64 KiB (1 MB here) or a line over 1 MiB refuses the file at its line
python3 - "$work" "$header" <<'PY'
import sys
work, header = sys.argv[1], sys.argv[2]
rows = [f"P{200000 + i},a,1980-03-04,F,12" for i in range(40)]
with open(f"{work}/longfield.csv", "w") as f:
    f.write("\n".join([header] + rows + ["P300000," + "x" * 1_000_000 + ",1980-03-04,F,12"] + rows[:3]) + "\n")
with open(f"{work}/longline.csv", "w") as f:
    f.write("\n".join([header] + rows + ["P300001" + ("," + "y" * 60_000) * 20] + rows[:3]) + "\n")
PY
expect 3 "$work/err.txt" import --region r --kind listing --period 2020-05 "$work/longfield.csv"
has "$work/err.txt" "longfield.csv:42: field 2 has 1000000 bytes; a field may be at most 64 KiB"
[ "$(wc -c < "$work/err.txt")" -lt 1000 ] || fail "a long field was echoed: $(wc -c < "$work/err.txt") bytes"
expect 3 "$work/err.txt" import --region r --kind listing --period 2020-05 "$work/longline.csv"
has "$work/err.txt" "longline.csv:42: line longer than 1048576 bytes"
stored "listing *2020-05" && fail "a truncated file was stored"

# 4. reject messages: file and line, values cut and escaped, no person ids or birth dates
{
  echo "$header"
  echo "P400001,a,2031-01-01,F,12"
  echo "P400002,a,1980-02-30,F,12"
  printf 'P400003,a\000b,1980-03-04,F,12\n'
  printf 'P400004,%s,1980-03-04,F,12\n' "$(head -c 60000 /dev/zero | tr '\0' u)"
  echo "P400005,a,1980-03-04,X,12"
} > "$work/rows.csv"
expect 3 "$work/err.txt" import --region r --kind listing --period 2020-06 "$work/rows.csv"
has "$work/err.txt" "rows.csv:2: invalid birth: birth_date is after 2020-06-01"
has "$work/err.txt" "rows.csv:3: invalid birth: birth_date is not a date"
has "$work/err.txt" "rows.csv:4: unknown unit: 'a\\x00b' is not a unit of r"
has "$work/err.txt" "rows.csv:5: unknown unit: 'uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu'…(60000 bytes)"
has "$work/err.txt" "rows.csv:6: invalid sex: 'X'"
[ "$(tr -d '\000' < "$work/err.txt" | wc -c)" = "$(wc -c < "$work/err.txt")" ] || fail "a NUL byte was printed"
for personal in P40000 2031-01-01 1980-02-30 1980-03-04; do
  grep -q -- "$personal" "$work/err.txt" && fail "personal data '$personal' in: $(cat "$work/err.txt")"
done
[ "$(wc -c < "$work/err.txt")" -lt 2000 ] || fail "messages too long: $(wc -c < "$work/err.txt") bytes"

# 5. plausibility: no one lives 2 000 km or more from their hospital in Sweden
printf '%s\nP500001,a,1980-03-04,F,2500\n' "$header" > "$work/far.csv"
expect 3 "$work/err.txt" import --region r --kind listing --period 2020-07 "$work/far.csv"
has "$work/err.txt" "far.csv:2: invalid distance: distance_km '2500'; valid: a number of km from 0 to 2000"

# 6. exit codes: a bad --period is a bad command line (1), a missing file missing data (3)
expect 1 "$work/err.txt" import --region r --kind listing --period 2020-13 "$work/good.csv"
has "$work/err.txt" "--period must be a month, YYYY-MM, for --kind listing; got '2020-13'"
expect 1 "$work/err.txt" import --region r --kind visits --period 2020-01..20 "$work/good.csv"
has "$work/err.txt" "--period must be a month, YYYY-MM, or a range"
expect 3 "$work/err.txt" import --region r --kind listing --period 2020-08 "$work/nowhere.csv"
has "$work/err.txt" "$work/nowhere.csv: no such file"
stored "2020-0[3-8]" && fail "something was stored: $(v datasets --region r)"

echo "import errors: all checks passed"
