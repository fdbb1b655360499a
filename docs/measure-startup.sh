#!/bin/bash
# Measures how long IPsec Wizard takes from launch to the first wizard page painted: the program
# started as a user starts it (no arguments: main window and wizard), on a private Xvfb display,
# with IPSECWIZ_STARTUP_TIMING=1, which prints the figure at the first paint of the Welcome page
# and quits. Runs it RUNS times and prints each run and the median.
#
#   docs/measure-startup.sh [BINARY] [RUNS]      (defaults: build/dev/bin/ipsec-wizard, 10)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
binary=${1:-$(dirname "$here")/build/dev/bin/ipsec-wizard}
runs=${2:-10}
[[ -x $binary ]] || { echo "measure-startup: $binary is not built" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "measure-startup: Xvfb is missing (apt-get install xvfb)" >&2; exit 2; }

scratch=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 1920x1200x24 -nolisten tcp 3>"$scratch/display" 2>"$scratch/xvfb.log" &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true; rm -rf "$scratch"' EXIT
for _ in $(seq 100); do
    [[ -s $scratch/display ]] && break
    sleep 0.05
done
[[ -s $scratch/display ]] || { echo "measure-startup: Xvfb did not start" >&2; exit 1; }

figures=()
for i in $(seq "$runs"); do
    line=$(env -u WAYLAND_DISPLAY DISPLAY=":$(cat "$scratch/display")" QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME="$scratch/config" \
        XDG_RUNTIME_DIR="$scratch" IPSECWIZ_STARTUP_TIMING=1 timeout 30 "$binary" 2>/dev/null | grep 'first wizard page')
    echo "run $i: $line"
    # "… painted N ms after main(), M ms after process start"
    figures+=("$(sed -E 's/.* ([0-9]+) ms after process start.*/\1/' <<<"$line")")
done
median=$(printf '%s\n' "${figures[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')
echo "median: first wizard page painted $median ms after process start (budget 500 ms)"
