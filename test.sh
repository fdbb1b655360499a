#!/bin/bash
# Installs what is missing, builds, runs every test; ends with ctest's summary.
#   1. unit + gui tests under AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer
#   2. every libFuzzer target for a short time (IPSECWIZ_FUZZ_SECONDS, default 30)
#   3. every test (unit, gui, integration, e2e, packaging) on the dev build — its summary ends the run;
#      its last test, secrets_not_in_logs, greps every log of all three stages for the test keys
set -euo pipefail
cd "$(dirname "$0")"
. packaging/debian-deps.sh
ipsecwiz_install_deps test
jobs=$(nproc)
# secrets_not_in_logs requires every stage's logs written after this moment (tests/secrets/).
IPSECWIZ_SUITE_STARTED=$(date +%s)
export IPSECWIZ_SUITE_STARTED

echo "==> sanitizers: unit and gui tests under ASan + UBSan + LSan"
[ -f build/asan/CMakeCache.txt ] || cmake --preset asan >/dev/null
cmake --build build/asan -j "$jobs"
ctest --test-dir build/asan -L 'unit|gui' --output-on-failure -j "$jobs"

echo "==> fuzzing: each target for ${IPSECWIZ_FUZZ_SECONDS:-30} s"
tests/fuzz/run.sh "${IPSECWIZ_FUZZ_SECONDS:-30}"

echo "==> all tests (unit, gui, integration, e2e)"
[ -f build/dev/CMakeCache.txt ] || cmake --preset dev >/dev/null
cmake --build build/dev -j "$jobs"
ctest --test-dir build/dev --output-on-failure -j "$jobs"
