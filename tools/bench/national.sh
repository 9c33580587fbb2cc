#!/usr/bin/env bash
# The national job, measured (issue 11): generates a national listing with the project's own
# generator (10.5 M persons, 1 100 units, the shape of ../shared/peers/gen.c), then times with
# /usr/bin/time, REPS times each, and prints a Markdown table of medians: import (SQLite,
# PostgreSQL, and at SMALL_N persons for the "memory flat in persons" check), a run over the
# stored aggregates, a sweep of SWEEP_MODELS models with `compare --models`, an import of
# PSY_ROWS psychiatric contacts, and, when the peers are at hand, floor.c, DuckDB and pandas
# on the very same rows. Every figure is also appended to WORK_DIR/times-<date>.txt.
#
# usage: tools/bench/national.sh [BUILD_DIR [WORK_DIR]]
#   BUILD_DIR  a configured and built vardval build (default: build/ in the source tree)
#   WORK_DIR   data, databases and raw times (default: BUILD_DIR/bench-national); the
#              generated files are kept there and reused
# environment (defaults in brackets):
#   N [10500000] persons; SMALL_N [1000000]; REPS [3]; SWEEP_MODELS [1000]; PSY_ROWS [10000000]
#   STEPS [import small postgresql run sweep psychiatry peers]: the parts to measure
#   PEERS [../shared/peers next to the source tree, if there]: the peers folder; copied into
#         WORK_DIR before use; 'none' skips them
#   DUCKDB_NODE_MODULES: a node_modules folder with @duckdb/node-api (without it DuckDB is
#         skipped with a note); PYTHON [/usr/bin/python3]: a python3 with pandas
#   PG_DIR [/tmp/vardval-bench-pg], PG_PORT [54339]: the throw-away PostgreSQL server this
#         script starts (unix socket only) and stops again; PostgreSQL is skipped with a note
#         when no server binaries are installed
# Nothing here asserts a timing; the figures are for the README table (issue 11).
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
work=${2:-$build/bench-national}
mkdir -p "$work"
work=$(cd "$work" && pwd)
N=${N:-10500000}
SMALL_N=${SMALL_N:-1000000}
REPS=${REPS:-3}
SWEEP_MODELS=${SWEEP_MODELS:-1000}
PSY_ROWS=${PSY_ROWS:-10000000}
STEPS=" ${STEPS:-import small postgresql run sweep psychiatry peers} "
PYTHON=${PYTHON:-/usr/bin/python3}
units=1100
vardval=$build/bin/vardval
generator=$build/bin/vardval-bench-national-listing
times=$work/times-$(date +%Y%m%d-%H%M%S).txt
log=${times%.txt}.log
notes=()

die() { echo "national.sh: $*" >&2; exit 1; }
note() { notes+=("$*"); echo "note: $*" >&2; }
want() { [[ $STEPS == *" $1 "* ]]; }
[ -x "$vardval" ] || die "$vardval not found: build vardval first (cmake --build $build)"
[ -x "$generator" ] || die "$generator not found: cmake --build $build --target vardval-bench-national-listing"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install time)"

# timed TAG COMMAND...: runs COMMAND once, its messages going to the log; appends "TAG wall_s
# user_s sys_s peak_rss_kb" to the times file. Wall time is taken from the shell's
# microsecond clock (so a 30 ms run is not rounded to 10 ms), the rest from /usr/bin/time.
# A failing command stops the bench.
timed() {
    local tag=$1 start end
    shift
    echo "== $tag: $*" >> "$log"
    start=$EPOCHREALTIME
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "$@" 2>> "$log" ||
        die "$tag failed (exit $?): $*; its messages: $(tail -n 5 "$log")"
    end=$EPOCHREALTIME
    read -r _ user sys rss < <(tail -n 1 "$work/time.out")
    echo "$tag $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }') $user $sys $rss" >> "$times"
}

# median TAG FIELD: the median (lower middle for an even count) of one field of TAG's lines;
# FIELD 2 is wall seconds, 5 peak RSS in KB. Empty when TAG was not measured.
median() {
    awk -v tag="$1" -v f="$2" '$1 == tag { print $f }' "$times" | sort -g |
        awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}

# --- data, generated once and kept ---------------------------------------------------------
listing() { # listing N HEADER(vardval|peers): path of a cached generated listing
    local file=$work/listing-$1.csv flag=()
    if [ "$2" = peers ]; then file=$work/national-$1.csv; flag=(--peers-header); fi
    if [ ! -s "$file" ]; then
        echo "generating $file" >&2
        /usr/bin/time -f "generated $1 rows in %e s" "$generator" "$1" "$units" "${flag[@]}" > "$file.tmp"
        mv "$file.tmp" "$file"
    fi
    echo "$file"
}
regions=$work/regions
mkdir -p "$regions/national"
cp "$src/tools/bench/national/region.yaml" "$src/tools/bench/national/2026.yaml" "$regions/national/"
db_file=$work/national.db
# The listing import after `vardval --db DB`: "${import_listing[@]}" FILE.
import_listing=(--regions "$regions" import --region national --kind listing --period 2026-01)

# --- PostgreSQL: a throw-away server of our own, stopped on exit ----------------------------
pg_started=
pg_bin=
pg_dir=${PG_DIR:-/tmp/vardval-bench-pg}
pg_port=${PG_PORT:-54339}
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
pg_stop() { [ -z "$pg_started" ] || as_postgres "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m fast stop" > /dev/null || true; }
trap pg_stop EXIT
pg_start() {
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1)
    if [ ! -x "$pg_bin/initdb" ] || ! command -v psql > /dev/null; then
        note "PostgreSQL skipped: no server binaries or psql (apt-get install postgresql)"
        return 1
    fi
    mkdir -p "$pg_dir"
    [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
    [ -f "$pg_dir/data/PG_VERSION" ] ||
        as_postgres "'$pg_bin/initdb' -D '$pg_dir/data' -A trust -U postgres > '$pg_dir/initdb.log' 2>&1"
    if ! as_postgres "'$pg_bin/pg_ctl' -D '$pg_dir/data' status" > /dev/null 2>&1; then
        as_postgres "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -w \
            -o \"-k '$pg_dir' -p $pg_port -c listen_addresses=''\" start" > /dev/null
        pg_started=1
    fi
}
pg_sql() { PGOPTIONS='-c client_min_messages=warning' psql -q -h "$pg_dir" -p "$pg_port" -U postgres -d postgres -c "$1" > /dev/null; }

# --- peers: floor.c, DuckDB, pandas on the same rows -----------------------------------------
peers_dir=
setup_peers() {
    local from=${PEERS:-$src/../shared/peers}
    if [ "$from" = none ] || [ ! -f "$from/floor.c" ]; then
        note "peers skipped: no floor.c in ${from} (set PEERS to the peers folder)"
        return 1
    fi
    peers_dir=$work/peers
    rm -rf "$peers_dir"
    cp -r "$from" "$peers_dir"
    gcc -O2 -o "$peers_dir/floor" "$peers_dir/floor.c"
    if ! "$PYTHON" -c 'import pandas' 2> /dev/null; then
        note "pandas skipped: $PYTHON cannot import pandas (apt-get install python3-pandas)"
        peer_pandas=
    else
        peer_pandas=1
    fi
    if [ -n "${DUCKDB_NODE_MODULES:-}" ] && [ -d "$DUCKDB_NODE_MODULES/@duckdb/node-api" ] &&
        command -v node > /dev/null; then
        mkdir -p "$peers_dir/duck"
        cp "$peers_dir/peer_duckdb.mjs" "$peers_dir/duck/"
        ln -sfn "$(cd "$DUCKDB_NODE_MODULES" && pwd)" "$peers_dir/duck/node_modules"
        peer_duck=1
    else
        note "DuckDB skipped: set DUCKDB_NODE_MODULES to a node_modules with @duckdb/node-api"
        peer_duck=
    fi
}

# --- the measurements ------------------------------------------------------------------------
echo "vardval $(git -C "$src" rev-parse --short HEAD 2> /dev/null || echo '?'), N=$N, REPS=$REPS; times in $times, messages in $log" >&2
big=$(listing "$N" vardval)
want peers && setup_peers && peers_file=$(listing "$N" peers) || peers_dir=

# The national job, interleaved per repetition like ../shared/peers/national/run.sh so the
# peers meet the same machine load: import, run, then each peer.
if want import || want run || [ -n "$peers_dir" ]; then
    for rep in $(seq "$REPS"); do
        echo "repetition $rep of $REPS" >&2
        if want import || { want run && [ ! -f "$db_file" ]; }; then
            rm -f "$db_file"
            timed import "$vardval" --db "sqlite3://db=$db_file" "${import_listing[@]}" "$big" > /dev/null
        fi
        if want run; then
            timed run "$vardval" --db "sqlite3://db=$db_file" --regions "$regions" run \
                --region national --year 2026 --period 2026-01 --format csv > "$work/vardval-run.csv"
        fi
        if [ -n "$peers_dir" ]; then
            timed floor "$peers_dir/floor" "$peers_file" "$work/floor.csv"
            [ -z "$peer_duck" ] ||
                timed duckdb node "$peers_dir/duck/peer_duckdb.mjs" "$peers_file" "$work/duck.csv"
            [ -z "$peer_pandas" ] ||
                timed pandas "$PYTHON" "$peers_dir/peer_pandas.py" "$peers_file" "$work/pandas.csv"
        fi
    done
fi

# Memory flat in persons: the same import at SMALL_N persons.
if want small; then
    small=$(listing "$SMALL_N" vardval)
    for rep in $(seq "$REPS"); do
        rm -f "$work/small.db"
        timed import_small "$vardval" --db "sqlite3://db=$work/small.db" "${import_listing[@]}" "$small" > /dev/null
    done
fi

# PostgreSQL: the same file into a fresh database each time.
if want postgresql && pg_start; then
    pg="postgresql://dbname=vardval_bench user=postgres host=$pg_dir port=$pg_port"
    for rep in $(seq "$REPS"); do
        pg_sql "DROP DATABASE IF EXISTS vardval_bench"
        pg_sql "CREATE DATABASE vardval_bench"
        timed import_pg "$vardval" --db "$pg" "${import_listing[@]}" "$big" > /dev/null
    done
    pg_sql "DROP DATABASE IF EXISTS vardval_bench"
fi

# A scenario sweep: SWEEP_MODELS copies of the national model differing only in the CNI
# amount (820, 825, ... kr, as ../shared/peers/national/sweep.sh makes them), one compare.
if want sweep; then
    [ -f "$db_file" ] || timed import "$vardval" --db "sqlite3://db=$db_file" "${import_listing[@]}" "$big" > /dev/null
    models=$work/sweep-$SWEEP_MODELS
    if [ ! -f "$models/done" ]; then
        rm -rf "$models"
        mkdir -p "$models"
        for ((i = 0; i < SWEEP_MODELS; i++)); do
            amount=$((820 + i * 5))
            sed "s/average_per_listed_year: 820/average_per_listed_year: $amount/; s/^title: .*/title: CNI $amount kr/" \
                "$regions/national/2026.yaml" > "$models/cni-$(printf %04d "$i").yaml"
        done
        touch "$models/done"
    fi
    for rep in $(seq "$REPS"); do
        timed sweep "$vardval" --db "sqlite3://db=$db_file" --regions "$regions" compare \
            --region national --period 2026-01 --models "$models" --format csv > /dev/null
    done
fi

# Psychiatric contacts: PSY_ROWS rows from genpsy.c (a copy of the peers' generator) for
# Jämtland Härjedalen's units, the extract of 2024-01.
if want psychiatry; then
    psy=$work/psychiatry-$PSY_ROWS.csv
    if [ ! -s "$psy" ]; then
        cc -O2 -o "$work/genpsy" "$src/tools/bench/genpsy.c"
        echo "generating $psy" >&2
        "$work/genpsy" "$PSY_ROWS" > "$psy.tmp"
        mv "$psy.tmp" "$psy"
    fi
    for rep in $(seq "$REPS"); do
        rm -f "$work/psychiatry.db"
        timed psychiatry "$vardval" --db "sqlite3://db=$work/psychiatry.db" --regions "$src/regions" \
            import --region jamtland-harjedalen --kind psychiatry --period 2024-01 "$psy" > /dev/null
    done
fi

# --- the table -------------------------------------------------------------------------------
# row LABEL TAG ROWS TARGET: one line of medians; ROWS (for rows/s) may be empty. TARGET is
# the issue's target, printed for reading beside the figure, never checked.
rows_fmt() { awk -v n="$1" 'BEGIN { s = sprintf("%d", n); o = ""; while (length(s) > 3) { o = " " substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) } print s o }'; }
wall_fmt() { awk -v w="$1" 'BEGIN { if (w < 10) printf "%.0f ms", w * 1000; else printf "%.1f s", w }'; }
row() {
    local label=$1 tag=$2 rows=$3 target=$4 wall rss rate=""
    wall=$(median "$tag" 2)
    [ -n "$wall" ] || return 0
    rss=$(median "$tag" 5)
    [ -z "$rows" ] || rate="$(rows_fmt "$(awk -v n="$rows" -v w="$wall" 'BEGIN { print n / w }')") rows/s"
    printf '| %s | %s | %s | %s MiB | %s |\n' "$label" \
        "$(wall_fmt "$wall")" \
        "$rate" "$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')" "$target"
}
reps_note="median of $REPS, $(date +%Y-%m-%d), vardval $(git -C "$src" rev-parse --short HEAD 2> /dev/null || echo '?'), $(nproc) cores"
echo
echo "National job, $(rows_fmt "$N") persons, $(rows_fmt "$units") units ($reps_note)"
echo
echo "| | wall | throughput | peak RSS | target (issue 11) |"
echo "|---|---|---|---|---|"
row "vardval import, SQLite, $(rows_fmt "$N") persons" import "$N" "≤ 1.0× floor.c with the run; ≤ 150 MiB"
row "vardval import, SQLite, $(rows_fmt "$SMALL_N") persons" import_small "$SMALL_N" "RSS at $(rows_fmt "$N") within 10 % of this"
row "vardval import, PostgreSQL, $(rows_fmt "$N") persons" import_pg "$N" "≤ 1.3× SQLite"
row "vardval run over stored aggregates (process start included)" run "" "≤ 50 ms"
if [ -n "$(median import 2)" ] && [ -n "$(median run 2)" ]; then
    job=$(awk -v a="$(median import 2)" -v b="$(median run 2)" 'BEGIN { print a + b }')
    echo "job $job 0 0 0" >> "$times"
    echo "| vardval import + run (sum of the medians) | $(wall_fmt "$job") | | | ≤ 1.0× floor.c |"
fi
row "floor.c (one mmap'd pass, 1 thread)" floor "$N" ""
row "DuckDB ($(nproc) threads)" duckdb "$N" ""
row "pandas" pandas "$N" ""
if [ -n "$(median sweep 2)" ]; then
    row "vardval compare --models, $(rows_fmt "$SWEEP_MODELS") models" sweep "" "≤ 5 s for 1 000 models"
    awk -v w="$(median sweep 2)" -v m="$SWEEP_MODELS" 'BEGIN { printf "| … per model | %.1f ms | | | |\n", w * 1000 / m }'
fi
row "vardval import psychiatry, $(rows_fmt "$PSY_ROWS") contacts" psychiatry "$PSY_ROWS" "≤ 10 s, ≤ 200 MiB"
if [ -n "$(median floor 2)" ] && [ -n "${job:-}" ]; then
    echo
    awk -v j="$job" -v f="$(median floor 2)" -v d="$(median duckdb 2)" -v p="$(median pandas 2)" 'BEGIN {
        printf "vardval import + run takes %.2f× floor.c", j / f
        if (d != "") printf ", %.2f× DuckDB", j / d
        if (p != "") printf ", %.2f× pandas", j / p
        print "" }'
fi
# The same rows give the same money: each peer's per-unit amounts (kr, 2 decimals, rounded in
# floating point) against the run's (öre, exact); only amounts on half an öre may differ.
agree() { # agree PEER_NAME PEER_CSV
    [ -s "$work/vardval-run.csv" ] && [ -s "$2" ] || return 0
    python3 - "$work/vardval-run.csv" "$2" "$1" <<'PY'
import csv, sys
from fractions import Fraction
ours, exact = {}, {}
for r in csv.DictReader(open(sys.argv[1])):
    key = (r["unit"], r["component"])
    ours[key] = int(r["amount_ore"])
    exact[key] = Fraction(r["basis_exact"]) * Fraction(r["rate_ore_exact"])
rows = list(csv.reader(open(sys.argv[2])))
if rows and rows[0][0] in ("unit_id", ""):
    rows = rows[1:]
n, differ, off = 0, 0, []
for r in rows:
    for component, kr in zip(("capitation", "cni", "sparsity"), r[1:4]):
        n += 1
        key = (r[0], component)
        d = abs(round(float(kr) * 100) - ours[key])
        if d:
            differ += 1
            # rounding a half öre is the only admissible difference
            if d > 1 or exact[key].denominator != 2:
                off.append(key)
print(f"{sys.argv[3]}: {n - differ} of {n} per-unit amounts equal to the run's; "
      f"{differ - len(off)} differ by 1 öre on an exact half öre"
      + (f"; {len(off)} differ otherwise, e.g. {off[:3]}" if off else ""))
PY
}
if want run; then
    echo
    agree floor.c "$work/floor.csv"
    agree DuckDB "$work/duck.csv"
    agree pandas "$work/pandas.csv"
fi
for n in "${notes[@]}"; do echo "note: $n"; done
