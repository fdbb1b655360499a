#!/bin/bash
# Installs what is missing, builds, runs every test; ends with ctest's summary.
set -euo pipefail
cd "$(dirname "$0")"
. packaging/debian-deps.sh
ipsecwiz_install_deps test

jobs=$(nproc)
[ -f build/dev/CMakeCache.txt ] || cmake --preset dev >/dev/null
cmake --build build/dev -j "$jobs"

echo "==> tests (unit, gui, integration, e2e)"
ctest --test-dir build/dev --output-on-failure -j "$jobs"
