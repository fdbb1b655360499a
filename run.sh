#!/bin/bash
# Installs what is missing, builds, starts IPsec Wizard (arguments go to the program).
set -euo pipefail
cd "$(dirname "$0")"
. packaging/debian-deps.sh
ipsecwiz_install_deps build

[ -f build/dev/CMakeCache.txt ] || cmake --preset dev >/dev/null
cmake --build build/dev -j "$(nproc)"

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ $# -eq 0 ]; then
	echo "run.sh: no display (DISPLAY is unset). Under a headless machine try: xvfb-run ./run.sh" >&2
fi
exec build/dev/bin/ipsec-wizard "$@"
