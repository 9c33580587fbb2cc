#!/usr/bin/env bash
# Swedish Excel's CSV as a user imports it: the summary states separator, decimal mark,
# encoding and byte order mark; a file mixing them exits 3 naming the line, storing nothing.
# Usage: import_dialects_test.sh path/to/vardval SOURCE_DIR
set -euo pipefail
vardval=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$work/regions/r"
cat > "$work/regions/r/region.yaml" <<'YAML'
region: r
name: Dialect test region
units:
  - {id: a, name: Unit A, ownership: region-run}
  - {id: b, name: Unit B, ownership: private}
YAML
v() { "$vardval" --db "sqlite3://db=$work/test.db" --regions "$work/regions" "$@"; }
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
import() { expect "$1" "$work/err.txt" import --region r --kind listing --period "$2" "$3"; }

# Excel's "CSV UTF-8": byte order mark, ';', decimal comma, CRLF.
printf '\xef\xbb\xbfperson_id;unit;birth_date;sex;distance_km\r\nP1;a;1980-03-04;F;12,5\r\nP2;b;1975-06-07;M;40\r\n' \
  > "$work/utf8.csv"
import 0 2020-01 "$work/utf8.csv"
has "$work/err.txt" "utf8.csv: ';' between fields, decimal comma, UTF-8 (ASCII only) with byte order mark"

# Excel's "CSV (semikolonavgränsad)" on Swedish Windows: Windows-1252 (0xD6 is Ö).
printf 'person_id;unit;birth_date;sex;distance_km\r\nP\xd6;a;1980-03-04;F;1,5\r\n' > "$work/cp1252.csv"
import 0 2020-02 "$work/cp1252.csv"
has "$work/err.txt" "cp1252.csv: ';' between fields, decimal comma, converted from Windows-1252"

# The machine format is said too.
printf 'person_id,unit,birth_date,sex,distance_km\nP1,a,1980-03-04,F,2.5\n' > "$work/plain.csv"
import 0 2020-03 "$work/plain.csv"
has "$work/err.txt" "plain.csv: ',' between fields, decimal point, UTF-8 (ASCII only)"

# Refusals: exit 3, the line named, nothing stored.
printf 'person_id;unit;birth_date;sex;distance_km\nP1;a;1980-03-04;F;1,5\nP2;a;1980-03-04;F;1.5\n' \
  > "$work/marks.csv"
import 3 2020-04 "$work/marks.csv"
has "$work/err.txt" "marks.csv:3: column 'distance_km' has '1.5' with a decimal point, but line 2"
printf 'person_id;unit;birth_date;sex;distance_km\nP1;a;1980-03-04;F;1\nP2,a,1980-03-04,F,1\n' \
  > "$work/switch.csv"
import 3 2020-04 "$work/switch.csv"
has "$work/err.txt" "switch.csv:3: fields are separated by ',' on this line, but by ';'"
printf 'person_id;unit;birth_date;sex;distance_km\nP1;a;1980-03-04;F;1\nP\x81;a;1980-03-04;F;1\n' \
  > "$work/bad.csv"
import 3 2020-04 "$work/bad.csv"
has "$work/err.txt" "bad.csv:3: not UTF-8"
if v datasets --region r | grep -q "2020-04"; then fail "a refused file was stored"; fi
echo "import dialects: ok"
