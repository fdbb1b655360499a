# Shared by the packaging tests: loud failures, where the scratch build and its .deb live.
# shellcheck shell=bash disable=SC2034 # the variables are for the scripts that source this
set -euo pipefail

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "==> [${SECONDS}s] $*"; }
need_tool() { # TOOL PACKAGE
	command -v "$1" >/dev/null || fail "$1 is missing: apt-get install $2 (./test.sh installs it)"
}
: "${IPSECWIZ_SOURCE_DIR:?IPSECWIZ_SOURCE_DIR must name the source tree}"
: "${IPSECWIZ_VERSION:?IPSECWIZ_VERSION must be the project version}"
: "${IPSECWIZ_PACKAGING_WORK:?IPSECWIZ_PACKAGING_WORK must name the packaging tests scratch folder}"
PKG=ipsec-wizard
# The scratch build tree (kept between runs so a second run only rebuilds what changed; remove
# it, or set IPSECWIZ_PACKAGING_FRESH=1, for a build from nothing), and the unpacked package.
BUILD=$IPSECWIZ_PACKAGING_WORK/build
ROOT=$IPSECWIZ_PACKAGING_WORK/root
LOGS=$IPSECWIZ_PACKAGING_WORK/logs
ARCH=$(dpkg --print-architecture)
DEB=$BUILD/${PKG}_${IPSECWIZ_VERSION}_${ARCH}.deb
