#!/usr/bin/env bash
# The unit statement (ersättningsbesked) as an office reader meets it: the HTML rendered in
# headless Chromium (no console messages, a non-blank screenshot, one A4 page, the bars and
# the total in the rendered DOM equal to `run --format json`) and the XLSX read back with
# openpyxl; the statement as text and csv-sv; the run's workbook total; and the
# konsekvensanalys of the twelve psychiatry models in Chromium against its JSON (issue 12).
# Chromium and openpyxl are test dependencies (scripts/install-deps.sh): a missing
# one fails the test, it is not skipped.
# Usage: html_report_test.sh path/to/vardval SOURCE_DIR
set -euo pipefail
vardval=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="sqlite3://db=$work/test.db"
fail() { echo "FAIL: $*" >&2; exit 1; }
chromium=/usr/bin/chromium
python=/usr/bin/python3
[ -x "$chromium" ] || fail "$chromium not installed (run scripts/install-deps.sh as root)"
"$python" -c "import openpyxl, PIL" 2>/dev/null \
    || fail "python3-openpyxl or python3-pil not installed (run scripts/install-deps.sh as root)"
# Headless Chromium, a throw-away profile, its log on stderr (console messages included).
render() {
  timeout 120 "$chromium" --headless --disable-gpu --no-sandbox --no-first-run \
      --user-data-dir="$work/profile" --enable-logging=stderr --v=0 "$@"
}

model=(--sample --region jamtland-harjedalen --year 2020)
unit=ostersund
"$vardval" --db "$db" run "${model[@]}" --period 2020-02 --format json --no-store \
    > "$work/run.json" 2> /dev/null
"$vardval" --db "$db" statement "${model[@]}" --period 2020-02 --unit $unit \
    --output "$work/statement.html" 2> /dev/null
grep -q '<html lang="sv">' "$work/statement.html" || fail "not a Swedish page"
# Self-contained: nothing to fetch, nothing to run.
if grep -Eq '<script|src=|href=|url\(' "$work/statement.html"; then fail "external resource or script"; fi

# 1. The rendered DOM: every bar and the total as the JSON has them.
render --dump-dom "file://$work/statement.html" > "$work/dom.html" 2> "$work/dom.log" \
    || fail "chromium --dump-dom failed: $(tail -5 "$work/dom.log")"
if grep -E ':CONSOLE|Uncaught' "$work/dom.log"; then fail "console messages while rendering"; fi
"$python" - "$work/dom.html" "$work/run.json" $unit <<'PY'
import json, sys
from html.parser import HTMLParser
dom, run, unit = sys.argv[1], json.load(open(sys.argv[2])), sys.argv[3]
class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.bars, self.total_row, self.in_total, self.totals, self.warning = [], False, False, {}, False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "rect" and "bar" in a.get("class", ""):
            self.bars.append((a["data-label"], int(a["data-value-ore"]), a["class"]))
        if tag == "tr":
            self.in_total = a.get("class") == "total"
        if tag == "td" and self.in_total and "data-ore" in a:
            self.totals.setdefault(a["data-column"], []).append(int(a["data-ore"]))
        if tag == "div" and a.get("class") == "warnings":
            self.warning = True
p = Page()
p.feed(open(dom).read())
u = next(x for x in run["units"] if x["unit"] == unit)
lines = [l["amount_ore"] for l in u["lines"]]
# One bar per ledger line, in payment order, with the line's amount; gains to the right.
assert [b[1] for b in p.bars] == lines, (p.bars, lines)
for label, ore, cls in p.bars:
    assert cls == "bar " + ("gain" if ore > 0 else "zero" if ore == 0 else "loss"), (label, cls)
# The statement's total (components table) and year to date (months table: only 2020-02
# was computed, 2020-01 has no listing) are the unit's JSON total.
assert p.totals["amount"] == [u["total_ore"], u["total_ore"]], (p.totals, u["total_ore"])
assert p.totals["year_to_date"] == [u["total_ore"]], p.totals
assert p.warning, "no SAMPLE DATA warning box"
assert "ILLUSTRATIVA PARAMETRAR" in open(dom).read(), "no ILLUSTRATIVE warning"
PY
grep -q '2020-01: inte beräknad (no listing' "$work/dom.html" || fail "2020-01 not named as not computed"

# 2. A screenshot that is not blank: the page has text, bars and table rules in several colours.
render --screenshot="$work/shot.png" --window-size=900,1200 "file://$work/statement.html" \
    2> "$work/shot.log" || fail "chromium --screenshot failed: $(tail -5 "$work/shot.log")"
"$python" - "$work/shot.png" <<'PY'
import sys
from PIL import Image
img = Image.open(sys.argv[1]).convert("RGB")
colours = img.getcolors(maxcolors=1 << 20)
assert colours is not None and len(colours) > 20, "blank or nearly blank screenshot"
ink = sum(n for n, c in colours if sum(c) < 600)  # clearly not white
assert ink > 0.01 * img.width * img.height, f"only {ink} pixels of ink"
# The gain bars' green (#2e7d32) is on the page.
assert any(c == (0x2e, 0x7d, 0x32) for n, c in colours), "no gain bar drawn"
PY

# 3. Printed to PDF, a typical unit's statement fits one A4 page.
render --print-to-pdf="$work/statement.pdf" --no-pdf-header-footer \
    "file://$work/statement.html" 2> "$work/pdf.log" \
    || fail "chromium --print-to-pdf failed: $(tail -5 "$work/pdf.log")"
pages=$("$python" -c "import re,sys; print(len(re.findall(rb'/Type\s*/Page[^s]', open(sys.argv[1],'rb').read())))" "$work/statement.pdf")
[ "$pages" = 1 ] || fail "statement prints on $pages pages, not one A4 page"

# 4. The same statement as a workbook: the total is a number equal to the JSON total / 100.
"$vardval" --db "$db" statement "${model[@]}" --period 2020-02 --unit $unit --format xlsx \
    --output "$work/statement.xlsx" 2> /dev/null
"$python" - "$work/statement.xlsx" "$work/run.json" $unit <<'PY'
import json, sys, openpyxl
from decimal import Decimal
wb = openpyxl.load_workbook(sys.argv[1])
u = next(x for x in json.load(open(sys.argv[2]))["units"] if x["unit"] == sys.argv[3])
assert wb.sheetnames == ["Sammanfattning", "Ersättning per komponent", "Så har beloppen räknats",
                        "Månader i år"], wb.sheetnames
ws = wb["Ersättning per komponent"]
assert ws.freeze_panes == "A2"
header = [c.value for c in ws[1]]
col = header.index("Belopp (kr)") + 1
total = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "Totalt")[col - 1]
assert total.data_type == "n" and '"kr"' in total.number_format, (total.value, total.number_format)
assert Decimal(str(total.value)) == Decimal(u["total_ore"]) / 100, (total.value, u["total_ore"])
assert wb["Sammanfattning"]["A3"].value.startswith("EXEMPELDATA"), wb["Sammanfattning"]["A3"].value
PY

# 4b. As text and as Swedish Excel CSV: the same report, the total the JSON's (sv-SE
# figures), and the illustrative parameters of 2020.yaml (drugs: bands, sparsity:
# amount_per_listed_year) named, as `run` names them.
"$vardval" --db "$db" statement "${model[@]}" --period 2020-02 --unit $unit --format table \
    > "$work/statement.txt" 2> /dev/null
"$vardval" --db "$db" statement "${model[@]}" --period 2020-02 --unit $unit --format csv-sv \
    > "$work/statement.csv" 2> /dev/null
"$python" - "$work/statement.txt" "$work/statement.csv" "$work/run.json" $unit <<'PY'
import json, re, sys
text, csv = open(sys.argv[1]).read(), open(sys.argv[2], encoding="utf-8-sig", newline="").read()
u = next(x for x in json.load(open(sys.argv[3]))["units"] if x["unit"] == sys.argv[4])
kr, ore = divmod(abs(u["total_ore"]), 100)
sign = "\u2212" if u["total_ore"] < 0 else ""
sv = sign + f"{kr:,}".replace(",", " ") + f",{ore:02d}"  # 219 389,99
assert re.search(r"^Totalt +.* " + re.escape(sv) + " +.* " + re.escape(sv) + "$", text, re.M), sv
plain = ("-" if sign else "") + f"{kr},{ore:02d}"  # 219389,99 for Excel
assert f"\r\nTotalt;;;;{plain};;{plain}\r\n" in csv, plain
for out in (text, csv):
    assert "ILLUSTRATIVA PARAMETRAR" in out and "drugs.bands, sparsity.amount_per_listed_year" in out
PY

# 5. October: the year to date is February's and October's runs, the only months of 2020
# with a listing; the seven months between are named (once), not counted as zero.
"$vardval" --db "$db" run "${model[@]}" --period 2020-10 --format json --no-store \
    > "$work/run10.json" 2> /dev/null
"$vardval" --db "$db" statement "${model[@]}" --period 2020-10 --unit $unit > "$work/oct.html"
"$python" - "$work/oct.html" "$work/run.json" "$work/run10.json" $unit <<'PY'
import json, re, sys
page = open(sys.argv[1]).read()
feb, oct_ = (next(u for u in json.load(open(f))["units"] if u["unit"] == sys.argv[4])
             for f in sys.argv[2:4])
ytd = re.search(r'<tr class="total">.*?data-column="year_to_date" data-ore="(-?\d+)"', page).group(1)
assert int(ytd) == feb["total_ore"] + oct_["total_ore"], (ytd, feb["total_ore"], oct_["total_ore"])
for months in ["2020-01", "2020-03..2020-09"]:
    assert f"<p>{months}: inte beräknad (no listing" in page, months
PY

# 5b. The run as a workbook (issue 12): the total cell of the units sheet is a number in kr,
# equal to the JSON total / 100 (2 380 491,55 kr on the sample, cli_test.sh derives it).
"$vardval" --db "$db" run "${model[@]}" --period 2020-02 --format xlsx --output "$work/run.xlsx" \
    --no-store 2> /dev/null
"$python" - "$work/run.xlsx" "$work/run.json" <<'PY'
import json, sys, openpyxl
from decimal import Decimal
wb = openpyxl.load_workbook(sys.argv[1])
run = json.load(open(sys.argv[2]))
ws = wb["Per enhet och komponent (kr)"]
header = [c.value for c in ws[1]]
row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "Summa (25 enheter)")
total = row[header.index("Summa")]
assert total.data_type == "n" and '"kr"' in total.number_format, (total.value, total.number_format)
assert Decimal(str(total.value)) == Decimal(run["total_ore"]) / 100 == Decimal("2380491.55"), total.value
PY

# 5c. The konsekvensanalys of the twelve psychiatry models (issue 12) rendered in headless
# Chromium: today is the reference, each model's units table and bars run from the largest
# gain down, and every amount is the JSON's. The psychiatry sample is January 2024's.
psy=(--sample --models "$src/regions/jamtland-harjedalen/psychiatry/" --period 2024-01 --no-store)
"$vardval" --db "$db" compare "${psy[@]}" --format json > "$work/psy.json" 2> /dev/null
"$vardval" --db "$db" compare "${psy[@]}" --format html --output "$work/psy.html" 2> /dev/null
render --dump-dom "file://$work/psy.html" > "$work/psy-dom.html" 2> "$work/psy.log" \
    || fail "chromium --dump-dom of the compare failed: $(tail -5 "$work/psy.log")"
if grep -E ':CONSOLE|Uncaught' "$work/psy.log"; then fail "console messages rendering the compare"; fi
"$python" - "$work/psy-dom.html" "$work/psy.json" <<'PY'
import json, sys
from html.parser import HTMLParser
dom, c = open(sys.argv[1]).read(), json.load(open(sys.argv[2]))
class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self.bars, self.table, self.row, self.chart, self.h1, self.title = {}, {}, None, None, None, False, ""
    def handle_starttag(self, tag, a):
        a = dict(a)
        if tag == "section":
            self.table = a.get("data-table")
            self.tables[self.table] = []
        elif tag == "figure":
            self.chart = (a["data-table"], a["data-value-column"])
            self.bars[self.chart] = []
        elif tag == "rect" and "bar" in a.get("class", ""):
            self.bars[self.chart].append((a["data-label"], a.get("data-value-ore", a.get("data-value"))))
        elif tag == "tr" and self.table:
            self.row = {"role": a.get("class")}
            self.tables[self.table].append(self.row)
        elif tag == "td":
            self.naming = len(self.row) == 1  # the row's first cell names it
            self.row[a["data-column"]] = a.get("data-ore", a.get("data-value"))
        elif tag == "h1":
            self.h1 = True
    def handle_data(self, d):
        if self.h1: self.title += d
        if self.row is not None and getattr(self, "naming", False):
            self.row["name"] = self.row.get("name", "") + d
    def handle_endtag(self, tag):
        if tag == "h1": self.h1 = False
        if tag == "td": self.naming = False
p = Page()
p.feed(dom)
models = [m["name"] for m in c["models"]]
assert len(models) == 12 and c["reference"] == "today" and "today" in models, (models, c["reference"])
assert p.title.endswith("12 modeller jämförda med today (kr)"), p.title
names = {u["name"]: u["amounts_ore"] for u in c["units"]}
for m in models:
    if m == "today":
        assert "units:today" not in p.tables  # the reference is not compared with itself
        continue
    rows = [r for r in p.tables["units:" + m] if r["role"] == "body"]
    assert sorted(r["name"] for r in rows) == sorted(names), m
    diffs = []
    for r in rows:
        amounts = names[r["name"]]
        ref, mine = amounts.get("today"), amounts.get(m)
        assert r.get("reference") == (str(ref) if ref is not None else None), (m, r)
        assert r.get("model") == (str(mine) if mine is not None else None), (m, r)
        assert int(r["diff"]) == (mine or 0) - (ref or 0), (m, r)
        diffs.append(int(r["diff"]))
    assert diffs == sorted(diffs, reverse=True), (m, diffs)  # largest gain first
    # The kr bars: the same units in the same order with the same differences.
    assert p.bars[("units:" + m, "diff")] == [(r["name"], r["diff"]) for r in rows], m
    total = next(r for r in p.tables["units:" + m] if r["role"] == "total")
    assert int(total["diff"]) == sum(diffs), m
# The models table: today first, named as the reference; each model's total the JSON's.
rows = [r for r in p.tables["models"] if r["role"] == "body"]
assert rows[0]["name"] == "today (referens)" and rows[0].get("diff") is None, rows[0]
totals = {m["name"]: m["total_ore"] for m in c["models"]}
assert [(r["name"].removesuffix(" (referens)"), int(r["total"])) for r in rows] == \
    [(m, totals[m]) for m in ["today"] + [m for m in models if m != "today"]], rows
for r in rows[1:]:
    assert int(r["diff"]) == int(r["total"]) - totals["today"], r
PY

# 6. English labels; and the errors a user meets first.
"$vardval" --db "$db" statement "${model[@]}" --period 2020-02 --unit $unit --lang en \
    > "$work/en.html"
grep -q '<th class="num" data-column="amount">Amount (kr)</th>' "$work/en.html" \
    || fail "--lang en: no English header"
set +e
"$vardval" --db "$db" statement "${model[@]}" --period 2020-02 --unit nowhere 2> "$work/err.txt"
[ $? = 1 ] || fail "unknown unit: exit $? not 1"
grep -q "unknown unit 'nowhere'" "$work/err.txt" || fail "unknown unit not named: $(cat "$work/err.txt")"
"$vardval" --db "$db" statement "${model[@]}" --period 2020-02 --unit $unit --format xlsx 2> "$work/err.txt"
[ $? = 1 ] || fail "xlsx without --output: not exit 1"
grep -q -- "--format xlsx needs --output FILE" "$work/err.txt" || fail "$(cat "$work/err.txt")"
"$vardval" --db "$db" statement "${model[@]}" --period 2020-02 --unit $unit --format xlsx \
    --output "$work/no/such/folder/s.xlsx" 2> "$work/err.txt"
[ $? = 6 ] || fail "unwritable xlsx: not exit 6"
grep -q "$work/no/such/folder/s.xlsx" "$work/err.txt" || fail "unwritable file not named"
set -e
echo "html_report_test: ok"
