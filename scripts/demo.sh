#!/usr/bin/env bash
# First command of the README: installs what is missing, builds, and pays Region Jämtland
# Härjedalen's units for February 2020 under the Hälsoval 2020 model, on the shipped
# sample, with the default SQLite database (vardval.db in the current directory). --sample
# imports the shipped synthetic sample for what is not imported yet; the output says so.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
build/bin/vardval run --sample --region jamtland-harjedalen --year 2020 --period 2020-02
