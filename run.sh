#!/bin/bash
# Installs what is missing, builds, starts IPsec Wizard (arguments go to the program).
# As root it also brings up the local two-gateway lab and opens the wizard on its profile, so
# a push and a real tunnel can be tried with no hardware.
set -euo pipefail
cd "$(dirname "$0")"
. packaging/debian-deps.sh
if [ "$(id -u)" -eq 0 ]; then ipsecwiz_install_deps lab; else ipsecwiz_install_deps build; fi

[ -f build/dev/CMakeCache.txt ] || cmake --preset dev >/dev/null
cmake --build build/dev -j "$(nproc)"

args=("$@")
if [ $# -eq 0 ] && [ "$(id -u)" -eq 0 ]; then
	echo "==> bringing up the lab (lab/lab.sh up; 'build/dev/bin/ipsec-wizard lab down' removes it)"
	if lab/lab.sh up; then
		args=("$(lab/lab.sh profile)")
	else
		echo "run.sh: the lab did not come up; starting without it" >&2
	fi
fi
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ ${#args[@]} -le 1 ]; then
	echo "run.sh: no display (DISPLAY is unset). On a headless machine try: xvfb-run ./run.sh" >&2
fi
exec build/dev/bin/ipsec-wizard "${args[@]}"
