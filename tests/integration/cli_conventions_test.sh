#!/usr/bin/env bash
# The CLI conventions of issue 13: global options before or after the command, --version,
# an unknown command named with the valid ones, `regions`, JSON from datasets, validate and
# explain, the config file (missing, paths relative to it, log level), and the man page and
# bash completion written from the option definitions.
# Usage: cli_conventions_test.sh path/to/vardval SOURCE_DIR
set -euo pipefail
vardval=$1
src=$2
build=$(cd "$(dirname "$vardval")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="sqlite3://db=$work/test.db"
fail() { echo "FAIL: $*" >&2; exit 1; }
# refused CODE PATTERN CMD...: CMD exits CODE and its stderr matches PATTERN (grep -E).
refused() {
    local code=$1 pattern=$2 got=0
    shift 2
    "$@" > "$work/out.txt" 2> "$work/err.txt" || got=$?
    [ "$got" = "$code" ] || fail "exit $got, not $code: $* ($(cat "$work/err.txt"))"
    grep -Eq -- "$pattern" "$work/err.txt" || fail "'$pattern' not in: $(cat "$work/err.txt")"
}
jh=(--region jamtland-harjedalen --year 2020 --period 2020-02)

# 1. Global options before or after the command, also after a nested command's options.
"$vardval" --db "$db" --log-level warn run --sample "${jh[@]}" --format json --no-store > "$work/run.json"
"$vardval" run "${jh[@]}" --format json --no-store --db "$db" --log-level warn > "$work/run_after.json"
cmp -s "$work/run.json" "$work/run_after.json" || fail "run differs with the global options after it"
"$vardval" --db "$db" datasets --format json > "$work/before.json"
"$vardval" datasets --format json --db "$db" > "$work/after.json"
cmp -s "$work/before.json" "$work/after.json" || fail "datasets differs with --db after it"
# The sample run imported JH's four datasets (two listings, the reference visits and the
# unit values the cost lines and the penalty read) into $db, so both orders read that database.
[ "$(grep -c '"kind"' "$work/after.json")" = 4 ] || fail "datasets: $(cat "$work/after.json")"
"$vardval" runs list --region jamtland-harjedalen --db "$db" --format json > /dev/null
# --log-level after the command is applied: error hides the sample's import warnings.
rm -f "$work/quiet.db"
"$vardval" run --sample "${jh[@]}" --no-store --db "sqlite3://db=$work/quiet.db" --log-level error \
    > /dev/null 2> "$work/err.txt"
[ ! -s "$work/err.txt" ] || fail "--log-level error after run not applied: $(cat "$work/err.txt")"
"$vardval" run --sample "${jh[@]}" --no-store --db "sqlite3://db=$work/loud.db" > /dev/null 2> "$work/err.txt"
grep -q "^warning: no listing 2020-02" "$work/err.txt" || fail "default log level hides warnings"

# 2. --version: the project version (CMakeLists.txt), the plugin API version (plugin_api.hpp)
# and every shipped plugin library with its name and version.
project_version=$(sed -n 's/^project(vardval VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
api_version=$(sed -n 's/.*ABI_VERSION = \([0-9]*\);.*/\1/p' "$src/core/include/vardval/plugin_api.hpp")
"$vardval" --version > "$work/version.txt"
head -2 "$work/version.txt" | diff - <(printf 'vardval %s\nplugin API version %s\n' \
    "$project_version" "$api_version") || fail "--version: $(cat "$work/version.txt")"
for library in "$build"/lib/vardval/plugins/libvardval_*.so; do
    name=$(basename "$library" .so)
    grep -Eq "^  ${name#libvardval_} [0-9]+\.[0-9]+\.[0-9]+ \($name\.so\)$" "$work/version.txt" \
        || fail "--version does not list $name: $(cat "$work/version.txt")"
done

# 3. An unknown command names the valid ones (exit 1), also after a global option's value;
# no command at all says one is required. The valid ones are those --help lists (at least the
# commands of this test), so a command added later is named without editing this test.
# subcommands [COMMAND]: the commands under COMMAND that its --help lists, one a line.
subcommands() { "$vardval" "$@" --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z-]*\) .*/\1/p'; }
commands=$(subcommands | paste -sd, | sed 's/,/, /g')
for command in plugins validate regions import run explain compare datasets runs; do
    [[ ", $commands, " == *", $command, "* ]] || fail "--help does not list $command: $commands"
done
refused 1 "^unknown command 'foo'; commands: $commands" "$vardval" foo
refused 1 "^unknown command 'valdate' \(did you mean 'validate'\?\); commands: " \
    "$vardval" --db "$db" valdate --region x
refused 1 "^a command is required; commands: $commands" "$vardval" --db "$db"
refused 1 "not expected: --bogus" "$vardval" run "${jh[@]}" --bogus
"$vardval" run --help | grep -q -- "--period" || fail "run --help"

# 4. regions: every region folder with its name (region.yaml) and years (<year>.yaml).
"$vardval" regions --format json > "$work/regions.json"
python3 - "$work/regions.json" "$src/regions" <<'PY'
import json, os, re, sys
got = json.load(open(sys.argv[1]))
root = sys.argv[2]
want = []
for region in sorted(os.listdir(root)):
    text = open(os.path.join(root, region, "region.yaml"), encoding="utf-8").read()
    name = re.search(r"^name: (.*)$", text, re.M).group(1)
    years = sorted(int(f[:4]) for f in os.listdir(os.path.join(root, region)) if re.fullmatch(r"\d{4}\.yaml", f))
    want.append((region, name, years))
assert [(r["region"], r["name"], r["years"]) for r in got] == want, (got, want)
# The shipped regions as the README describes them.
assert want[0][2] == [2019, 2020, 2021, 2023] and want[1][2] == [2021, 2022], want
PY
"$vardval" regions | grep -Eq "^jamtland-harjedalen +Region Jämtland Härjedalen +[0-9]+ +2019, 2020, 2021, 2023$" \
    || fail "regions table: $(cat "$work/out.txt")"
# A regions folder of one's own, given after the command: one region, one year.
mkdir -p "$work/mine/jh"
cp "$src/regions/jamtland-harjedalen/region.yaml" "$src/regions/jamtland-harjedalen/2020.yaml" "$work/mine/jh/"
"$vardval" regions --regions "$work/mine" --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
assert [(x["region"], x["years"]) for x in r] == [("jamtland-harjedalen", [2020])], r'
refused 3 "regions folder $work/nowhere: no such folder" "$vardval" regions --regions "$work/nowhere"

# 5. JSON from validate (valid, and every problem with file, line, key and message; exit 2)
# and explain (one unit's lines, adding up to its total in the run above).
# JH 2020 has 12 components: listed_age, cni, drugs, sparsity, seven cost_* lines
# (kostnadsansvar) and the opening-hours penalty.
"$vardval" validate --region jamtland-harjedalen --year 2020 --format json > "$work/valid.json"
python3 -c '
import json, sys
v = json.load(open(sys.argv[1]))
assert v["valid"] is True and v["issues"] == [] and v["region"] == "jamtland-harjedalen", v
assert v["components"] == 12 and len(v["model_sha256"]) == 64, v' "$work/valid.json"
sed -e 's/type: capitation.cni/type: capitation.cnx/' "$src/regions/jamtland-harjedalen/2020.yaml" \
    > "$work/bad.yaml"
line=$(grep -n "type: capitation.cnx" "$work/bad.yaml" | cut -d: -f1)
code=0
"$vardval" validate --model "$work/bad.yaml" --format json > "$work/invalid.json" || code=$?
[ "$code" = 2 ] || fail "validate --format json of an invalid model exited $code"
python3 -c '
import json, sys
v = json.load(open(sys.argv[1]))
assert v["valid"] is False and len(v["issues"]) == 1, v
i = v["issues"][0]
assert (i["file"], i["line"], i["key"]) == (sys.argv[2], int(sys.argv[3]), "component '"'cni'"'.type"), i
assert i["message"].startswith("unknown component type '"'capitation.cnx'"'"), i' \
    "$work/invalid.json" "$work/bad.yaml" "$line"
# A model that does not even load (a structural error) is reported the same way.
printf 'region: jamtland-harjedalen\nyear: 2020\ncomponents: 7\n' > "$work/broken.yaml"
code=0
"$vardval" validate --model "$work/broken.yaml" --format json > "$work/broken.json" || code=$?
[ "$code" = 2 ] || fail "validate --format json of a broken model exited $code"
python3 -c '
import json, sys
v = json.load(open(sys.argv[1]))
assert v["valid"] is False and v["issues"] and all(i["file"] == sys.argv[2] for i in v["issues"]), v' \
    "$work/broken.json" "$work/broken.yaml"
"$vardval" explain --db "$db" "${jh[@]}" --unit hallen --format json > "$work/explain.json"
python3 - "$work/explain.json" "$work/run.json" <<'PY'
import json, sys
e, r = (json.load(open(f)) for f in sys.argv[1:3])
unit = next(u for u in r["units"] if u["unit"] == "hallen")
assert e["unit"] == "hallen" and e["period"] == "2020-02" and e["sample_data"] is True, e
assert e["total_ore"] == unit["total_ore"] == sum(l["amount_ore"] for l in e["lines"]), e["total_ore"]
assert [l["component"] for l in e["lines"]] == [l["component"] for l in unit["lines"]]
# The run's line fields, plus each line's derivation.
for mine, theirs in zip(e["lines"], unit["lines"]):
    assert {k: v for k, v in mine.items() if k != "trace"} == theirs, (mine, theirs)
    assert isinstance(mine["trace"], list)
assert any(l["trace"] for l in e["lines"])
PY
"$vardval" explain --db "$db" "${jh[@]}" --unit hallen | grep -q "^Summa: " || fail "explain table"
refused 1 "format: csv not in \{table,json\}" "$vardval" validate --region jamtland-harjedalen --year 2020 --format csv

# 6. The config file: one given must exist; paths in it are relative to its folder, not to
# the current directory; an unknown log level is refused, on the command line and in it.
refused 1 "^error: --config $work/none.yaml: no such file$" "$vardval" --config "$work/none.yaml" plugins
refused 1 "^error: --config $work/none.yaml: no such file$" "$vardval" regions --config "$work/none.yaml"
mkdir -p "$work/site/conf" "$work/site/regions" "$work/elsewhere"
ln -s "$src/regions/jamtland-harjedalen" "$work/site/regions/jamtland-harjedalen"
printf 'database: sqlite3://db=data/site.db\nregions: ../regions\nlog_level: error\n' \
    > "$work/site/conf/vardval.yaml"
mkdir -p "$work/site/conf/data"
(cd "$work/elsewhere" && "$vardval" --config ../site/conf/vardval.yaml run --sample "${jh[@]}" \
    > "$work/site.txt" 2> "$work/err.txt")
[ -f "$work/site/conf/data/site.db" ] || fail "the database is not beside the config"
[ -z "$(ls "$work/elsewhere")" ] || fail "something written to the current folder: $(ls "$work/elsewhere")"
[ ! -s "$work/err.txt" ] || fail "log_level: error in the config not applied: $(cat "$work/err.txt")"
grep -q "2 380 491,55" "$work/site.txt" || fail "run with the site config: $(tail -3 "$work/site.txt")"
(cd "$work/elsewhere" && "$vardval" --config ../site/conf/vardval.yaml regions --format json) \
    | grep -q '"region": "jamtland-harjedalen"' || fail "regions: not the config's folder"
[ "$(cd "$work/elsewhere" && "$vardval" --config ../site/conf/vardval.yaml regions --format json \
    | grep -c '"region"')" = 1 ] || fail "regions: the config's folder has one region"
refused 1 "--log-level: verbose not in \{trace,debug,info,warn,error\}" "$vardval" --log-level verbose plugins
refused 1 "--log-level: verbose not in \{trace,debug,info,warn,error\}" "$vardval" plugins --log-level verbose
printf 'log_level: verbose\n' > "$work/verbose.yaml"
refused 2 "verbose.yaml:1:1: log_level: unknown log level 'verbose'; valid: trace, debug, info, warn, error" \
    "$vardval" --config "$work/verbose.yaml" plugins

# 7. The man page and the bash completion are written from the same definitions: every
# command and every option of each appears; completion offers commands, options (a command's
# own and the global ones) and the values an option lists.
man="$build/share/man/man1/vardval.1"
completion="$build/share/bash-completion/completions/vardval"
[ -s "$man" ] && [ -s "$completion" ] || fail "man page or completion not built"
all_commands=()
for command in $(subcommands); do
    all_commands+=("$command")
    for nested in $(subcommands $command); do all_commands+=("$command $nested"); done
done
[ "${#all_commands[@]}" -ge 13 ] || fail "commands: ${all_commands[*]}"
for command in "${all_commands[@]}"; do
    # roff writes a command's hyphens as \- (new\-year), as it does an option's
    grep -q "^\.SS \"vardval $(sed 's/-/\\\\-/g' <<< "$command")\"$" "$man" || fail "man page lacks $command"
    help=$("$vardval" $command --help)
    for option in $(grep -Eo -- '--[a-z-]+' <<< "$help" | sort -u); do
        grep -q -- "$(sed 's/-/\\\\-/g' <<< "$option")" "$man" || fail "man page lacks $command $option"
    done
done
grep -q '^\\fB\\-\\-log\\-level\\fR' "$man" || fail "man page lacks --log-level"
if command -v groff > /dev/null; then
    groff -k -man -Tutf8 -ww -z "$man" 2> "$work/err.txt" || fail "groff: $(cat "$work/err.txt")"
    [ ! -s "$work/err.txt" ] || fail "groff warns: $(cat "$work/err.txt")"
fi
# complete WORD...: what the completion offers for the last word of `vardval WORD...`.
complete_words() {
    bash -c 'source "$1"; shift; COMP_WORDS=(vardval "$@"); COMP_CWORD=$#; _vardval
             printf "%s\n" "${COMPREPLY[@]}"' complete "$completion" "$@" | sort | tr '\n' ' '
}
[ "$(complete_words r)" = "$(subcommands | grep '^r' | sort | tr '\n' ' ')" ] || fail "complete r: $(complete_words r)"
[[ "$(complete_words r)" == *"regions run runs "* ]] || fail "complete r: $(complete_words r)"
[ "$(complete_words --db x ru)" = "$(subcommands | grep '^ru' | sort | tr '\n' ' ')" ] \
    || fail "complete after --db: $(complete_words --db x ru)"
[ "$(complete_words runs "")" = "list show verify " ] || fail "complete runs: $(complete_words runs "")"
[ "$(complete_words run --format "")" = "csv csv-sv html json table xlsx " ] || fail "run --format: $(complete_words run --format "")"
[ "$(complete_words datasets --format "")" = "json table " ] || fail "datasets --format"
[ "$(complete_words --log-level "")" = "debug error info trace warn " ] || fail "--log-level values"
offered=$(complete_words run --)
for option in --period --sample --no-store --db --config --log-level --help; do
    [[ " $offered" == *" $option "* ]] || fail "complete run --: $option not in $offered"
done
[[ " $(complete_words datasets retract --)" == *" --reason "* ]] || fail "complete datasets retract --"
[[ " $(complete_words run --)" != *" --generate "* ]] || fail "the hidden --generate is offered"

echo "cli conventions: ok"
