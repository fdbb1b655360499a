# Sourced by run.sh and test.sh: installs the Debian 12 packages the project needs, and only
# those that are missing, so a second run costs one dpkg-query.
# shellcheck shell=bash

IPSECWIZ_BUILD_DEPS=(
	g++ cmake ninja-build pkg-config
	qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
	libssh-dev libarchive-dev libgl-dev libbenchmark-dev
	librsvg2-bin
)
# The local two-gateway lab (lab/lab.sh): the real sshd and charon the push talks to.
IPSECWIZ_LAB_DEPS=(
	openssh-server openssh-client
	strongswan-charon strongswan-swanctl libcharon-extra-plugins libstrongswan-standard-plugins
	nftables iproute2 iputils-ping procps util-linux sudo openssl
)
# The tests: the lab, and the tools that check output (see DESIGN.md "Real parts").
IPSECWIZ_TEST_DEPS=(
	"${IPSECWIZ_LAB_DEPS[@]}"
	iptables patch
	# the Ansible project's tests run Debian's ansible-playbook against the lab's gateways
	ansible-core
	xvfb xauth imagemagick fonts-dejavu-core
	clang libclang-rt-14-dev
	# the packaging tests: cpack's dpkg-shlibdeps, and the tools that check and install the .deb
	dpkg-dev lintian desktop-file-utils appstream man-db shared-mime-info bash-completion file
)

ipsecwiz_missing_packages() {
	local pkg missing=()
	for pkg in "$@"; do
		dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null | grep -qx installed || missing+=("$pkg")
	done
	echo "${missing[@]}"
}

# ipsecwiz_install_deps build|lab|test
ipsecwiz_install_deps() {
	local wanted=("${IPSECWIZ_BUILD_DEPS[@]}")
	[ "$1" = lab ] && wanted+=("${IPSECWIZ_LAB_DEPS[@]}")
	[ "$1" = test ] && wanted+=("${IPSECWIZ_TEST_DEPS[@]}")
	local missing
	missing=$(ipsecwiz_missing_packages "${wanted[@]}")
	[ -z "$missing" ] && return 0
	echo "==> installing Debian packages: $missing"
	local sudo=
	if [ "$(id -u)" -ne 0 ]; then
		command -v sudo >/dev/null || { echo "need root (or sudo) to install: $missing" >&2; return 1; }
		sudo=sudo
	fi
	# shellcheck disable=SC2086
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null &&
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
}
