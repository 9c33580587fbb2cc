#!/usr/bin/env bash
# A plugin folder as a user may find it: a truncated, non-ELF, missing, other-API or duplicate
# library listed for loading, or a folder or library others can write, ends every command that
# needs plugins with exit 4 and a message naming the file and the reason; a library the config
# does not list is never opened, only named in one warning. Then `compare` of two models that
# pay different units pairs them by unit id.
# Usage: plugin_errors_test.sh path/to/vardval SOURCE_DIR PLUGIN_DIR WRONG_API_FIXTURE
# Works as root and as a user: only mode bits are checked, never whether a write would succeed.
set -euo pipefail
umask 022  # so the copies below are writable by their owner only, whatever the caller's umask
vardval=$1
src=$2
plugins=$3
wrong_api=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="sqlite3://db=$work/test.db"
fail() { echo "FAIL: $*" >&2; exit 1; }

# expect CODE PATTERN COMMAND...: COMMAND exits with CODE and its stderr matches PATTERN (grep -E).
expect() {
  local code=$1 pattern=$2
  shift 2
  set +e
  "$@" > "$work/out.txt" 2> "$work/err.txt"
  local got=$?
  set -e
  [ "$got" = "$code" ] || fail "exit $got, not $code: $*; stderr: $(cat "$work/err.txt")"
  grep -Eq -- "$pattern" "$work/err.txt" || fail "no '$pattern' in stderr of $*: $(cat "$work/err.txt")"
}

# A fresh copy of the built plugin folder in $work/p.
fresh() { rm -rf "$work/p"; cp -r "$plugins" "$work/p"; }
validate() { "$vardval" --plugins "$work/p" validate --region jamtland-harjedalen --year 2020; }
run() {
  "$vardval" --db "$db" --plugins "$work/p" run --region jamtland-harjedalen --year 2020 \
    --period 2020-02 --no-store --sample
}
list() { "$vardval" --plugins "$work/p" plugins; }

fresh
validate > /dev/null
[ -z "$(validate 2>&1 >/dev/null)" ] || fail "a clean plugin folder gives a warning"

# A truncated library (what used to end in SIGBUS) and a text file: refused before dlopen.
fresh
head -c 4096 "$plugins/libvardval_cni.so" > "$work/p/libvardval_cni.so"
for cmd in validate run list; do
  expect 4 "error: 1 of the [0-9]+ plugin libraries listed for $work/p failed" $cmd
  grep -q "$work/p/libvardval_cni.so is truncated: its .* ends at byte [0-9]* but the file has 4096 bytes" \
    "$work/err.txt" || fail "truncation not explained: $(cat "$work/err.txt")"
done
echo "not a library" > "$work/p/libvardval_cni.so"
expect 4 "libvardval_cni.so is not an ELF shared library" run

# A listed library missing, one built for another plugin API, one without an entry point.
fresh
rm "$work/p/libvardval_cni.so"
expect 4 "plugin library libvardval_cni.so is listed but not in $work/p" validate
fresh
cp "$wrong_api" "$work/p/libvardval_cni.so"
expect 4 "libvardval_cni.so was built for plugin API version" run

# A folder or a library others could replace.
fresh
chmod o+w "$work/p"
expect 4 "plugin folder $work/p is writable by others \(mode 0757\).*chmod go-w" run
fresh
chmod g+w "$work/p/libvardval_fees.so"
expect 4 "plugin library $work/p/libvardval_fees.so is writable by its group \(mode 0775\)" validate

# Libraries nobody listed are never opened (even a truncated one), only named once.
fresh
cp "$wrong_api" "$work/p/libvardval_stray.so"
printf '\177ELF' > "$work/p/libvardval_truncated.so"
expect 0 "warning: plugin folder $work/p: ignoring libvardval_stray.so, libvardval_truncated.so \(not in plugin_libraries" run
grep -q "Summa (25 enheter)" "$work/out.txt" || fail "run with a stray library: $(cat "$work/out.txt")"
[ "$(grep -c ignoring "$work/err.txt")" = 1 ] || fail "more than one note: $(cat "$work/err.txt")"

# plugin_libraries in the installation config: an old copy of a plugin listed beside the new
# one registers its types twice, which stops the run whichever sorts first.
cp "$plugins/libvardval_cni.so" "$work/p/libvardval_a_old_cni.so"
{
  echo "regions: $src/regions"
  echo "plugins: $work/p"
  echo "plugin_libraries:"
  for f in "$plugins"/lib*.so; do echo "  - $(basename "$f")"; done
  echo "  - libvardval_a_old_cni.so"
} > "$work/vardval.yaml"
expect 4 "component type 'capitation.cni' is registered by both $work/p/libvardval_cni.so and $work/p/libvardval_a_old_cni.so" \
  "$vardval" --config "$work/vardval.yaml" validate --region jamtland-harjedalen --year 2020
grep -v a_old_cni "$work/vardval.yaml" > "$work/listed.yaml"
expect 0 "ignoring libvardval_a_old_cni.so, libvardval_stray.so, libvardval_truncated.so" \
  "$vardval" --config "$work/listed.yaml" validate --region jamtland-harjedalen --year 2020

# compare pairs units by id: 2020 pays the 25 vårdcentraler, the psychiatry pilot's today
# also its 5 psychiatry units. Either way round, totals and every unit are those that
# compare --models shows for the same two models.
jh="$src/regions/jamtland-harjedalen"
"$vardval" --db "$db" compare --region jamtland-harjedalen --period 2024-01 --format json --sample \
  --models "$jh/2020.yaml" "$jh/psychiatry/today.yaml" > "$work/models.json"
"$vardval" --db "$db" compare --region jamtland-harjedalen --period 2024-01 --format json --sample \
  --base-model "$jh/2020.yaml" --proposal-model "$jh/psychiatry/today.yaml" > "$work/up.json"
"$vardval" --db "$db" compare --region jamtland-harjedalen --period 2024-01 --format json --sample \
  --base-model "$jh/psychiatry/today.yaml" --proposal-model "$jh/2020.yaml" > "$work/down.json"
python3 - "$work/models.json" "$work/up.json" "$work/down.json" <<'PY'
import json, sys
s, up, down = (json.load(open(f)) for f in sys.argv[1:4])
amounts = {u["unit"]: u["amounts_ore"] for u in s["units"]}
totals = {m["name"]: m["total_ore"] for m in s["models"]}
assert len(amounts) == 30 and sum(a["2020"] is None for a in amounts.values()) == 5
for c, base, proposal in ((up, "2020", "today"), (down, "today", "2020")):
    assert c["total_base_ore"] == totals[base] and c["total_proposal_ore"] == totals[proposal], c
    assert [u["unit"] for u in c["units"]] == [u["unit"] for u in s["units"]]
    for u in c["units"]:
        a = amounts[u["unit"]]
        assert u["paid_by_base"] == (a[base] is not None), u
        assert u["paid_by_proposal"] == (a[proposal] is not None), u
        assert (u["base_ore"], u["proposal_ore"]) == (a[base] or 0, a[proposal] or 0), u
assert totals["today"] > totals["2020"]  # today also pays the psychiatric anslag
PY
