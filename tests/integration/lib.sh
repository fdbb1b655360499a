# Shared by the integration and e2e scripts: loud failures, a visible skip without root.
# shellcheck shell=bash
set -euo pipefail

fail() { echo "FAIL: $*" >&2; exit 1; }
need_root() {
	if [ "$(id -u)" -ne 0 ]; then
		echo "SKIPPED: $(basename "$0") needs root (network namespaces, a private charon); run ./test.sh as root" >&2
		exit 77
	fi
}
need_tool() { # TOOL PACKAGE
	command -v "$1" >/dev/null || fail "$1 is missing: apt-get install $2 (./test.sh installs it)"
}
: "${IPSECWIZ:?IPSECWIZ must name the ipsec-wizard binary}"
: "${IPSECWIZ_SOURCE_DIR:?IPSECWIZ_SOURCE_DIR must name the source tree}"
FIXTURES="$IPSECWIZ_SOURCE_DIR/tests/fixtures/profiles"
EXAMPLE="$IPSECWIZ_SOURCE_DIR/resources/examples/seed-topology.json"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
