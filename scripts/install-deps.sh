#!/usr/bin/env bash
# Installs the Debian bookworm packages vardval builds with, if any is missing. Run as root.
set -euo pipefail
packages=(cmake make g++ pkg-config python3
          libboost-dev libyaml-cpp-dev libspdlog-dev libfmt-dev libcli11-dev catch2
          libsoci-dev libsqlite3-dev libpq-dev libssl-dev libxxhash-dev postgresql
          python3-yaml python3-jsonschema  # tests: `vardval schema` checked against every shipped model
          libxlsxwriter-dev                        # XLSX output
          chromium python3-openpyxl python3-pil    # the office-format tests: render, read back
          clang libclang-rt-14-dev)  # the fuzz harnesses (scripts/fuzz.sh): libFuzzer, sanitizers
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all packages present"
    exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
