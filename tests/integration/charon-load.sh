#!/bin/bash
# Loads swanctl files into a real strongSwan charon, one charon per call, started in a
# private network and mount namespace (its own /run, so it never meets another charon).
# Usage: charon-load.sh FILE...   Exit 0 when every file loads and its connection is listed.
set -euo pipefail

fail() { echo "charon-load: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root (unshare, a private /run for charon)"
CHARON=/usr/lib/ipsec/charon
[ -x "$CHARON" ] || fail "strongSwan charon is not installed ($CHARON missing): apt-get install strongswan-charon strongswan-swanctl libstrongswan-standard-plugins"
command -v swanctl >/dev/null || fail "swanctl is not installed: apt-get install strongswan-swanctl"
[ $# -ge 1 ] || fail "usage: charon-load.sh FILE..."

if [ "${IPSECWIZ_IN_NS:-}" != 1 ]; then
	exec env IPSECWIZ_IN_NS=1 unshare --mount --net --propagation private "$0" "$@"
fi

# Inside: a fresh /run and a strongswan.conf of our own.
mount -t tmpfs tmpfs /run
work=$(mktemp -d)
trap 'kill "$(cat /run/charon.pid 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT
cat > "$work/strongswan.conf" <<CONF
charon {
	load_modular = no
	load = random nonce aes sha1 sha2 md5 hmac kdf gmp openssl pem pkcs1 x509 pubkey kernel-netlink socket-default vici
	plugins {
		vici { socket = unix:///run/charon.vici }
	}
	install_routes = no
	filelog { stderr { default = 1 } }
}
swanctl { socket = unix:///run/charon.vici }
CONF
export STRONGSWAN_CONF="$work/strongswan.conf"
ip link set lo up
# The caller may keep the log (IPSECWIZ_CHARON_LOG_DIR: its WORK, whose logs lib.sh keeps for
# secrets_not_in_logs); else it goes with this call's scratch folder.
log="${IPSECWIZ_CHARON_LOG_DIR:-$work}/charon-load-$$.log"
"$CHARON" >"$log" 2>&1 &
for _ in $(seq 100); do [ -S /run/charon.vici ] && break; sleep 0.05; done
[ -S /run/charon.vici ] || { cat "$log" >&2; fail "charon did not start"; }

status=0
for f in "$@"; do
	if ! out=$(swanctl --load-all --noprompt --file "$f" 2>&1); then
		echo "charon-load: $f was refused:" >&2; echo "$out" | grep -vE "^plugin |^opening directory" >&2; status=1; continue
	fi
	# swanctl also chatters about optional plugins and x509 folders; only this line decides.
	if ! grep -qE "^successfully loaded [0-9]+ connections, 0 unloaded$" <<<"$out"; then
		echo "charon-load: $f was not loaded cleanly:" >&2; echo "$out" | grep -vE "^plugin |^opening directory" >&2; status=1; continue
	fi
	grep -qE "^loaded (ike|eap|xauth) secret" <<<"$out" || { echo "charon-load: $f: no secret loaded" >&2; echo "$out" >&2; status=1; continue; }
	conns=$(swanctl --list-conns 2>&1)
	for name in $(sed -n '/^connections {/,/^}/s/^    \([A-Za-z0-9_-]*\) {$/\1/p' "$f"); do
		grep -q "^$name: " <<<"$conns" || { echo "charon-load: $f: connection $name not listed" >&2; echo "$conns" >&2; status=1; }
	done
	echo "loaded $f"
done
exit $status
