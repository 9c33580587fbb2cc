#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz/) with clang into build-fuzz/ and runs each for
# SECONDS (default 30): the model and region loaders, and every CSV import kind. Prints the
# executions per harness; fails on any crash, leak, timeout or sanitizer report.
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
launcher=()
command -v ccache > /dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-fuzz -DVARDVAL_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}" > /dev/null
cmake --build build-fuzz -j "$(nproc)" > build-fuzz/build.log 2>&1 || { tail -40 build-fuzz/build.log; exit 1; }

harnesses=(model listing visits unit-values events acg psychiatry cni)
failed=()
for name in "${harnesses[@]}"; do
    binary=build-fuzz/bin/fuzz_model
    [ "$name" = model ] || binary=build-fuzz/bin/fuzz_import_${name//-/_}
    # New inputs go to a corpus of its own under build-fuzz/; the shipped seeds stay as they are.
    corpus=build-fuzz/corpus/$name
    mkdir -p "$corpus" build-fuzz/findings
    log=build-fuzz/fuzz-$name.log
    if "$binary" "$corpus" "tests/fuzz/corpus/$name" -max_total_time="$seconds" -max_len=16384 \
           -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
           -artifact_prefix="build-fuzz/findings/$name-" > "$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        echo "fuzz $name: $runs executions in $seconds s, no findings"
    else
        echo "fuzz $name: FINDING (see $log and build-fuzz/findings/):" >&2
        grep -E "ERROR|SUMMARY|runtime error|Test unit written" "$log" | head -20 >&2
        failed+=("$name")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: findings in ${failed[*]}" >&2
    exit 1
fi
echo "fuzz: all harnesses ran ${seconds} s each without findings"
