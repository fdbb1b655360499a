#!/bin/bash
# Remakes docs/screenshots/*.png: every wizard page, the main window and the monitor (fed with
# polls recorded from the lab, tests/fixtures/monitor/lab-*), light and dark, on a
# private Xvfb display with a throw-away settings folder, so the pictures do not depend on the
# desktop or on what this machine's user opened before.
#
#   docs/make-screenshots.sh [BINARY] [OUT-DIR]
#
# BINARY defaults to build/dev/bin/ipsec-wizard (build it first: cmake --preset dev && cmake --build --preset dev);
# OUT-DIR to docs/screenshots. QT_SCALE_FACTOR=2 docs/make-screenshots.sh … checks 200 % scale.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
binary=${1:-$root/build/dev/bin/ipsec-wizard}
out=${2:-$here/screenshots}

if [[ ! -x $binary ]]; then
    echo "make-screenshots: $binary is not built; build first (cmake --preset dev && cmake --build --preset dev)" >&2
    exit 2
fi
command -v Xvfb >/dev/null || { echo "make-screenshots: Xvfb is missing (apt-get install xvfb)" >&2; exit 2; }

scratch=$(mktemp -d)
xvfb_pid=
cleanup() {
    [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

# A free display number; Xvfb writes it to the fd given with -displayfd once it is ready.
Xvfb -displayfd 3 -screen 0 2560x1600x24 -nolisten tcp 3>"$scratch/display" 2>"$scratch/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do
    [[ -s $scratch/display ]] && break
    sleep 0.05
done
[[ -s $scratch/display ]] || { echo "make-screenshots: Xvfb did not start:" >&2; cat "$scratch/xvfb.log" >&2; exit 1; }
display=:$(cat "$scratch/display")

mkdir -p "$out"
env -u WAYLAND_DISPLAY DISPLAY="$display" QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME="$scratch/config" XDG_RUNTIME_DIR="$scratch" \
    LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE= QT_QPA_PLATFORMTHEME= \
    IPSECWIZ_SCREENSHOT_MONITOR_POLLS="$root/tests/fixtures/monitor" IPSECWIZ_SCREENSHOT_LOGS="$root/tests/fixtures/logs/charon" \
    IPSECWIZ_SCREENSHOT_DIR="$out" "$binary"
echo "make-screenshots: PNGs in $out"
