#!/usr/bin/env bash
# Second command of the README: installs what is missing, builds, runs every test, and fuzzes
# every harness for 20 s.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure
# A short fuzz run of every harness (model loader, each CSV import kind), built with clang.
scripts/fuzz.sh 20
