# Shared by the integration and e2e scripts: loud failures, a visible skip without root, and the
# logs kept for the secrets_not_in_logs check (tests/secrets/).
# shellcheck shell=bash disable=SC2034 # FIXTURES, EXAMPLE are for the scripts that source this
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

# A script that re-executes itself (into a namespace: `exec unshare … "$0"`) is the same process
# and sources this file again: it keeps its WORK (else the first one is never removed) and its
# log folder, and does not start a second copy of its output.
if [ "${IPSECWIZ_LIB_PID:-}" = "$$" ] && [ -d "${IPSECWIZ_LIB_WORK:-}" ]; then
	WORK=$IPSECWIZ_LIB_WORK
	_ipsecwiz_reexec=1
else
	WORK=$(mktemp -d)
	export IPSECWIZ_LIB_PID=$$ IPSECWIZ_LIB_WORK=$WORK
	_ipsecwiz_reexec=0
fi

# --- kept logs -----------------------------------------------------------------------------
# With IPSECWIZ_TEST_LOG_DIR set (ctest sets it, see tests/CMakeLists.txt), everything the test
# prints and every log it made is kept in IPSECWIZ_TEST_LOG_DIR/TEST-NAME/ when it exits:
#   output.log       what the script printed (stdout and stderr, as ctest saw it)
#   work/…           every *.log, *.err, *.out and non-profile *.json below WORK (push/monitor
#                    output, sshd, the lab's charon/sshd logs when the lab lives in WORK)
#   lab/…            the same from IPSECWIZ_LAB_DIR when it lies outside WORK
#   lab-GATEWAY-run.log  the logs in a lab gateway's private /run (an sshd a test restarted)
#   manifest.txt     exit status, how many files were kept, whether a lab was seen
#   psk-sha256.txt   one "DIGITS SHA256" line per hex key found in the test's secret files (profiles,
#                    *psk* files, swanctl *.conf): keys made at run time (the lab's) can be looked
#                    for in every log without being written down anywhere
# Secret files themselves (profiles, psk files, swanctl secrets, passwords, SSH keys) are never copied.
_ipsecwiz_keep=
if [ -n "${IPSECWIZ_TEST_LOG_DIR:-}" ]; then
	_ipsecwiz_keep=$IPSECWIZ_TEST_LOG_DIR/${IPSECWIZ_TEST_NAME:-$(basename "$0" .sh)}
	if [ "$_ipsecwiz_reexec" = 0 ]; then
		rm -rf "$_ipsecwiz_keep"
		if mkdir -p "$_ipsecwiz_keep" 2>/dev/null; then
			exec > >(tee -a "$_ipsecwiz_keep/output.log") 2>&1
		else
			echo "WARNING: cannot write $_ipsecwiz_keep; this test's logs are not kept" >&2
			_ipsecwiz_keep=
		fi
	fi
fi

# Logs and command output only, chosen by name: *.log, *.err, *.out, and *.json that is neither a
# profile nor holds a "psk" (`monitor --json` output). The secret files (profiles, *.conf, psk, psk.txt, passwords,
# SSH keys) are none of these.
_ipsecwiz_copy_logs() { # FROM TO: the logs below FROM, with their relative paths, into TO
	local from=$1 to=$2 f
	[ -d "$from" ] || return 0
	while IFS= read -r -d '' f; do
		case $f in *.json) ! grep -qE '"ipsec-wizard-profile"|"psk"' "$from/$f" 2>/dev/null || continue ;; esac
		mkdir -p "$to/$(dirname "$f")"
		cp -p "$from/$f" "$to/$f" 2>/dev/null || true
	done < <(cd "$from" && find . -type f \( -name '*.log' -o -name '*.err' -o -name '*.out' -o -name '*.json' \) -printf '%P\0' 2>/dev/null)
}

_ipsecwiz_psk_digests() { # DIR…: "DIGITS SHA256" of every 0x hex key in the secret files below DIR
	local hex
	find "$@" -type f -size -1024k \( -name '*.json' -o -iname '*psk*' -o -name '*.conf' -o -iname '*secret*' \) \
		-exec grep -ohE '0[xX][0-9a-fA-F]{32,}' {} + 2>/dev/null | sort -u |
		while IFS= read -r hex; do
			hex=${hex:2}
			hex=${hex,,}
			printf '%s %s\n' "${#hex}" "$(printf '%s' "$hex" | sha256sum | cut -d' ' -f1)"
		done
}

_ipsecwiz_keep_logs_body() {
	local status=$1 lab=${IPSECWIZ_LAB_DIR:-} g
	_ipsecwiz_copy_logs "$WORK" "$_ipsecwiz_keep/work"
	if [ -n "$lab" ] && [ -d "$lab" ]; then
		case $(readlink -f "$lab")/ in
		"$(readlink -f "$WORK")"/*) ;; # copied with WORK
		*) _ipsecwiz_copy_logs "$lab" "$_ipsecwiz_keep/lab" ;;
		esac
		# A log a gateway writes into its private /run (an sshd restarted by a test) lives only
		# as long as the lab.
		# Every gateway the lab runs: gateway-a/b, or a lab built from a profile's gw-SITE.
		for g in $(cd "$lab" && ls -d gateway-? gw-* 2>/dev/null); do
			[ -f "$lab/$g/holder.pid" ] || continue
			timeout 10 env IPSECWIZ_LAB_DIR="$lab" "$IPSECWIZ_SOURCE_DIR/lab/lab.sh" exec "$g" -- \
				sh -c 'for f in /run/*.log; do [ -f "$f" ] && { echo "=== $f"; cat "$f"; }; done; true' \
				>"$_ipsecwiz_keep/lab-$g-run.log" 2>&1 || true
			[ -s "$_ipsecwiz_keep/lab-$g-run.log" ] || rm -f "$_ipsecwiz_keep/lab-$g-run.log"
		done
	fi
	{
		[ -z "$lab" ] || [ ! -d "$lab" ] || _ipsecwiz_psk_digests "$lab"
		_ipsecwiz_psk_digests "$WORK"
	} | sort -u >"$_ipsecwiz_keep/psk-sha256.txt"
	local kept
	kept=$(find "$_ipsecwiz_keep" -type f ! -name manifest.txt ! -name psk-sha256.txt | wc -l)
	{
		echo "status=$status"
		echo "kept=$kept"
		if [ -n "$lab" ] && [ -f "$lab/lab-profile.json" ]; then echo "lab=yes"; else echo "lab=no"; fi
	} >"$_ipsecwiz_keep/manifest.txt"
}

# An admin's own configuration for a lab gateway, which the program must never touch: a swanctl
# connection of theirs and an nftables table of theirs. plant_admin_config NODE (needs lab()).
plant_admin_config() {
	lab "$1" -- sh -c 'umask 077; cat > /etc/swanctl/conf.d/admin.conf' <<'CONF' || fail "cannot plant the admin's connection on $1"
connections {
    admin-branch {
        remote_addrs = 192.0.2.99
        local { auth = psk }
        remote { auth = psk }
        children { admin-branch { remote_ts = 172.31.0.0/24 } }
    }
}
CONF
	lab "$1" -- nft -f - <<'NFT' || fail "cannot plant the admin's nftables table on $1"
table inet admin {
	chain input {
		type filter hook input priority 10; policy accept;
		tcp dport 8080 counter accept comment "the admin's own rule"
	}
}
NFT
}

# Runs first in every EXIT trap (see trap below); never fails, so the rest of the trap runs.
ipsecwiz_keep_logs() { # EXIT-STATUS
	[ -n "$_ipsecwiz_keep" ] && [ -d "$_ipsecwiz_keep" ] || return 0
	_ipsecwiz_keep_logs_body "$1" || echo "WARNING: could not keep every log in $_ipsecwiz_keep" >&2
	return 0
}

# The scripts replace this file's EXIT trap with their own (lab down, kill sshd, rm -rf WORK), and
# `lab.sh down` deletes the lab's logs: so every EXIT trap set after this line first keeps the logs,
# while WORK and the lab still exist. (A new script cannot forget to.)
trap() {
	# shellcheck disable=SC2064 # $1 is the script's trap text, expanded when the trap runs
	if [ $# -eq 2 ] && [ "$2" = EXIT ] && [ "$1" != - ] && [ -n "$1" ]; then
		builtin trap "ipsecwiz_keep_logs \"\$?\"; $1" EXIT
	else
		# shellcheck disable=SC2064
		builtin trap "$@"
	fi
}
trap 'rm -rf "$WORK"' EXIT
