#!/usr/bin/env bash
# Importing psychiatric contacts (`--kind psychiatry`) as a user does: a file with bad rows
# is refused as a whole (exit 3, every reject named as file:line: reason, nothing stored); a
# good file imports and its episodes are built by the region's gap.
# Usage: psychiatry_import_test.sh path/to/vardval SOURCE_DIR
set -euo pipefail
vardval=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# A region of its own, so the test does not depend on a shipped region's units.
mkdir -p "$work/regions/pilot"
cat > "$work/regions/pilot/region.yaml" <<'YAML'
region: pilot
name: Psychiatry pilot (test)
episode_gap_days: 60
units:
  - {id: clinic-a,   name: Clinic A,   ownership: region-run, kind: psychiatry-clinic}
  - {id: provider-b, name: Provider B, ownership: private,    kind: psychiatry-provider}
psychiatry_contact_types: {visit: a visit, digital: video or chat, phone: a phone call}
psychiatry_professions: {doctor: läkare, psychologist: psykolog, nurse: sjuksköterska}
diagnosis_groups: {depression: depression, anxiety: anxiety, stress: stress}
YAML
v() { "$vardval" --db "sqlite3://db=$work/test.db" --regions "$work/regions" "$@"; }

header="person_id,unit,contact_date,contact_type,profession,diagnosis_group,score"
cat > "$work/bad.csv" <<CSV
$header
p1,clinic-a,2024-01-10,visit,doctor,depression,40
p2,nowhere,2024-01-10,visit,doctor,depression,
p3,clinic-a,2024-02-30,visit,doctor,depression,
p4,clinic-a,2024-04-01,visit,doctor,depression,
p5,clinic-a,2024-03-01,Visit,doctor,depression,
p6,clinic-a,2024-03-01,visit,doctor,depression,101
p1,clinic-a,2024-01-10,visit,doctor,anxiety,
CSV
set +e
v import --region pilot --kind psychiatry --period 2024-03 "$work/bad.csv" > "$work/out.txt" 2> "$work/err.txt"
code=$?
set -e
[ "$code" = 3 ] || fail "import with rejects exited $code: $(cat "$work/err.txt")"
for reject in "bad.csv:3: unknown unit: 'nowhere'" \
              "bad.csv:4: invalid contact date: '2024-02-30'" \
              "bad.csv:5: contact after the extract: 2024-04-01 is after 2024-03" \
              "bad.csv:6: invalid identifier: contact_type 'Visit'" \
              "bad.csv:7: invalid score: '101'" \
              "bad.csv:8: duplicate contact: the same person, unit, date, contact_type and profession as line 2"; do
  grep -qF "$reject" "$work/err.txt" || fail "reject not named: $reject in: $(cat "$work/err.txt")"
done
grep -q "7 rows read, 1 used, 6 rejected" "$work/err.txt" || fail "counts: $(cat "$work/err.txt")"
grep -q "nothing imported" "$work/err.txt" || fail "no 'nothing imported' in: $(cat "$work/err.txt")"
v datasets --region pilot | grep -q psychiatry && fail "rejected import stored"

# A good file: gap 60 days. p1 at clinic-a: 2024-01-10 and 2024-03-10 (60 days) are one
# episode, still open; p1 at provider-b is another, closed on 2024-01-20 + 60 = 2024-03-20;
# p2's 2023-11-01 episode closed on 2023-12-31.
cat > "$work/good.csv" <<CSV
unit,person_id,contact_date,contact_type,profession,diagnosis_group
clinic-a,p1,2024-01-10,visit,doctor,depression
clinic-a,p1,2024-03-10,digital,psychologist,depression
provider-b,p1,2024-01-20,visit,psychologist,anxiety
clinic-a,p2,2023-11-01,phone,nurse,stress
CSV
v import --region pilot --kind psychiatry --period 2024-03 "$work/good.csv" > "$work/out.txt" 2> "$work/err.txt" \
    || fail "good file not imported: $(cat "$work/err.txt")"
grep -q "imported pilot psychiatry 2024-03 v1" "$work/out.txt" || fail "no version: $(cat "$work/out.txt")"
v datasets --region pilot | grep -qE "psychiatry +2024-03 +v1 +4 +4 +0" || fail "datasets: $(v datasets --region pilot)"
# The stored payload, decoded independently of vardval (payload.hpp: varints, zig-zag for
# signed, a text table first; psychiatry_codec.cpp: gap, contacts, episodes).
python3 - "$work/test.db" <<'PY'
import base64, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
(encoding, text), = db.execute("SELECT encoding, payload FROM dataset_payloads").fetchall()
assert encoding == 1, encoding
b, pos = base64.b64decode(text), 0
def u():
    global pos
    v = shift = 0
    while True:
        c = b[pos]; pos += 1; v |= (c & 0x7f) << shift; shift += 7
        if c < 0x80:
            return v
def i():
    z = u()
    return (z >> 1) ^ -(z & 1)
texts = []
for _ in range(u()):
    n = u(); texts.append(b[pos:pos + n].decode()); pos += n
t = lambda: texts[u()]
period = lambda: "%04d-%02d" % (i(), i())
assert i() == 60  # the episode gap
for _ in range(u()):
    t(), period(), t(), t(), t(), i()
rows = []
for _ in range(u()):
    unit, group, contacts, opened = t(), t(), i(), period()
    closed = period() if i() else None
    score = i() if i() else None
    rows.append((unit, group, contacts, opened, closed, score, i()))
assert pos == len(b), (pos, len(b))
rows.sort(key=lambda r: (r[0], r[3]))
assert rows == [("clinic-a", "stress", 1, "2023-11", "2023-12", None, 1),
                ("clinic-a", "depression", 2, "2024-01", None, None, 1),
                ("provider-b", "anxiety", 1, "2024-01", "2024-03", None, 1)], rows
PY

# The period of a psychiatry extract is one month, the month it ends with; another period is
# a bad command line (exit 1).
set +e
v import --region pilot --kind psychiatry --period 2024-01..2024-03 "$work/good.csv" > /dev/null 2> "$work/err.txt"
code=$?
set -e
[ "$code" = 1 ] || fail "a month range exited $code"
grep -q "period must be a month, YYYY-MM, for --kind psychiatry" "$work/err.txt" || fail "period not explained: $(cat "$work/err.txt")"
echo "psychiatry_import: all checks passed"
