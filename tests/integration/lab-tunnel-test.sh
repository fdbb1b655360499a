#!/bin/bash
# The lab, end to end, with real parts: lab/lab.sh brings up two gateways (own sshd and strongSwan
# charon with userspace ESP) and two hosts; before any config host A cannot reach host B; the
# configs that `ipsec-wizard generate` makes from the lab profile are installed on both gateways
# and loaded with swanctl; then host A pings host B through the tunnel, the SAs are ESTABLISHED /
# INSTALLED with non-zero byte counters, SSH to both gateways works with the lab key and
# known_hosts (and fails without them); `lab.sh down` leaves no namespace, link or process.
#
#   IPSECWIZ=build/dev/bin/ipsec-wizard tests/integration/lab-tunnel-test.sh     (as root)
# Exit 0 pass, 1 fail, 77 skipped (not root).
set -euo pipefail

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $*"; }

if [ "$(id -u)" -ne 0 ]; then
	echo "SKIPPED: $(basename "$0") needs root (network namespaces, an sshd and a charon per gateway); run it (or ./test.sh) as root" >&2
	exit 77
fi

HERE=$(cd "$(dirname "$0")" && pwd)
SRC=${IPSECWIZ_SOURCE_DIR:-$(cd "$HERE/../.." && pwd)}
LAB="$SRC/lab/lab.sh"
IPSECWIZ=${IPSECWIZ:-$SRC/build/dev/bin/ipsec-wizard}
[ -x "$LAB" ] || fail "$LAB is missing or not executable"
[ -x "$IPSECWIZ" ] || fail "ipsec-wizard binary not found at $IPSECWIZ: set IPSECWIZ, or build it: cmake --build $SRC/build/dev --target ipsec-wizard"
command -v ping >/dev/null || fail "ping is missing: apt-get install iputils-ping"
command -v ssh >/dev/null || fail "ssh is missing: apt-get install openssh-client"

LAB_DIR=${IPSECWIZ_LAB_DIR:-/var/lib/ipsec-wizard-lab}
WORK=$(mktemp -d)
lab_down_done=0
cleanup() {
	local rc=$?
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 77 ]; then
		echo "=== the test failed (exit $rc); the lab as it was:" >&2
		"$LAB" status >&2 || true
		for g in gateway-a gateway-b; do
			for f in charon.log sshd.log holder.log; do
				[ -f "$LAB_DIR/$g/$f" ] && { echo "=== $g/$f (last 40 lines)" >&2; tail -n 40 "$LAB_DIR/$g/$f" >&2; }
			done
		done
	fi
	if [ "$lab_down_done" != 1 ]; then "$LAB" down >/dev/null 2>&1 || echo "WARNING: lab.sh down failed in cleanup" >&2; fi
	rm -rf "$WORK"
	exit "$rc"
}
trap cleanup EXIT

# byte counters of the INSTALLED CHILD_SAs: prints "IN OUT" per CHILD_SA
child_bytes() {
	awk '/INSTALLED/ { inst = 1; next }
	     inst && $1 == "in"  { gsub(",", "", $3); in_b = $3 }
	     inst && $1 == "out" { gsub(",", "", $3); print in_b, $3; inst = 0 }'
}

step "clean start: lab.sh down"
"$LAB" down || fail "lab.sh down (clean start) failed"

step "lab.sh up"
t0=$(date +%s%N)
"$LAB" up || fail "lab.sh up failed (a missing package is named above)"
t1=$(date +%s%N)
echo "lab up took $(((t1 - t0) / 1000000)) ms"

# Second up: reports, changes nothing (same holder processes, same keys, same profile).
fingerprint() {
	cat "$LAB_DIR"/gateway-?/holder.pid "$LAB_DIR"/gateway-?/charon.pid "$LAB_DIR"/gateway-?/sshd.pid
	cksum "$LAB_DIR/lab-profile.json" "$LAB_DIR/known_hosts" "$LAB_DIR/admin_ed25519.pub" \
		/etc/netns/ipsecwiz-gateway-?/ssh/ssh_host_ed25519_key.pub
}
before=$(fingerprint)
out=$("$LAB" up) || fail "second lab.sh up failed"
echo "$out" | grep -q "already up" || fail "second lab.sh up did not report that the lab is up: $out"
[ "$(fingerprint)" = "$before" ] || fail "second lab.sh up changed the lab"
echo "second lab.sh up: already up, nothing changed"

PROFILE=$("$LAB" profile) || fail "lab.sh profile failed"
[ -f "$PROFILE" ] || fail "lab profile $PROFILE does not exist"
"$IPSECWIZ" validate "$PROFILE" || fail "ipsec-wizard refuses the lab profile $PROFILE"
grep -q "\"knownHostsFile\": \"$LAB_DIR/known_hosts\"" "$PROFILE" || fail "lab profile does not name the lab's known_hosts"

step "before any config: host-a must not reach host-b"
if "$LAB" exec host-a -- ping -c1 -W1 10.2.0.10; then fail "host-a reached host-b before any IPsec config was loaded"; fi
"$LAB" exec host-a -- ping -c1 -W1 10.1.0.1 >/dev/null || fail "host-a cannot reach its own gateway 10.1.0.1"

step "SSH to both gateways with the lab key and known_hosts"
KEY="$LAB_DIR/admin_ed25519"
KH="$LAB_DIR/known_hosts"
: >"$WORK/empty_known_hosts"
for mgmt in 10.99.1.2 10.99.2.2; do
	ssh -F /dev/null -i "$KEY" -o IdentitiesOnly=yes -o BatchMode=yes -o ConnectTimeout=5 \
		-o UserKnownHostsFile="$KH" -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes \
		"root@$mgmt" true || fail "ssh root@$mgmt with $KEY and $KH failed"
	# The check must be able to fail: an unknown host key is refused.
	if ssh -F /dev/null -i "$KEY" -o IdentitiesOnly=yes -o BatchMode=yes -o ConnectTimeout=5 \
		-o UserKnownHostsFile="$WORK/empty_known_hosts" -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes \
		"root@$mgmt" true 2>/dev/null; then
		fail "ssh root@$mgmt succeeded with an empty known_hosts"
	fi
	echo "ssh root@$mgmt: ok with the lab known_hosts, refused with an empty one"
done

step "generate both gateways' configs from the lab profile"
"$IPSECWIZ" generate "$PROFILE" --out "$WORK/gen" || fail "ipsec-wizard generate $PROFILE failed"

step "install lab.conf on each gateway and load it"
for side in a b; do
	src="$WORK/gen/gateway-$side/etc/swanctl/conf.d/lab.conf"
	[ -f "$src" ] || fail "generate made no $src"
	install -m 0600 "$src" "/etc/netns/ipsecwiz-gateway-$side/swanctl/conf.d/lab.conf"
	mode=$("$LAB" exec "gateway-$side" -- stat -c %a /etc/swanctl/conf.d/lab.conf) ||
		fail "gateway-$side does not see /etc/swanctl/conf.d/lab.conf"
	[ "$mode" = 600 ] || fail "lab.conf on gateway-$side has mode $mode, not 600"
	out=$("$LAB" exec "gateway-$side" -- swanctl --load-all --noprompt 2>&1) || { echo "$out" >&2; fail "swanctl --load-all on gateway-$side failed"; }
	echo "$out" | grep -qE "^successfully loaded 1 connections, 0 unloaded$" || { echo "$out" >&2; fail "gateway-$side did not load the connection"; }
	echo "$out" | grep -qE "^loaded ike secret" || { echo "$out" >&2; fail "gateway-$side did not load the secret"; }
	echo "gateway-$side: connection and secret loaded"
done

step "host-a pings host-b through the tunnel"
# The generated config has start_action = trap: the first packet should make charon negotiate.
# charon's kernel-libipsec in strongSwan 5.9 raises no acquire for a trapped packet ("could not
# find an outbound IPsec SA for reqid {1}, dropping packet"), so when the trap does not bring the
# tunnel up, start it the way an admin would: swanctl --initiate on gateway-a.
ok=0
for _ in 1 2; do
	if "$LAB" exec host-a -- ping -c1 -W1 10.2.0.10 >/dev/null; then ok=1; break; fi
done
if [ "$ok" != 1 ]; then
	echo "NOTE: the trap policy did not start IKE (kernel-libipsec in strongSwan 5.9 has no acquires); initiating explicitly"
	"$LAB" exec gateway-a -- swanctl --initiate --child lab --timeout 20 >"$WORK/initiate.log" 2>&1 ||
		{ cat "$WORK/initiate.log" >&2; fail "swanctl --initiate --child lab on gateway-a failed"; }
fi
ok=0
for _ in 1 2 3 4 5 6; do
	if "$LAB" exec host-a -- ping -c1 -W1 10.2.0.10 >"$WORK/ping.out" 2>&1; then ok=1; break; fi
	sleep 0.5
done
cat "$WORK/ping.out"
[ "$ok" = 1 ] || fail "host-a cannot ping host-b with the tunnel configured"
"$LAB" exec host-a -- ping -c3 -i0.2 -W1 10.2.0.10 || fail "host-a lost host-b"
"$LAB" exec host-b -- ping -c2 -i0.2 -W1 10.1.0.10 >/dev/null || fail "host-b cannot ping host-a"

step "gateway-a: ESTABLISHED IKE SA, INSTALLED CHILD SA with traffic"
sas=$("$LAB" exec gateway-a -- swanctl --list-sas 2>&1) || { echo "$sas" >&2; fail "swanctl --list-sas on gateway-a failed"; }
echo "$sas"
echo "$sas" | grep -qE "^lab: #[0-9]+, ESTABLISHED, IKEv2" || fail "no ESTABLISHED IKEv2 SA named lab on gateway-a"
echo "$sas" | grep -qE "^  lab: #[0-9]+, reqid [0-9]+, INSTALLED, TUNNEL" || fail "no INSTALLED tunnel CHILD_SA lab on gateway-a"
echo "$sas" | grep -q "AES_GCM_16-256" || fail "the SAs do not use AES-GCM-256 as the profile asks"
counted=$(echo "$sas" | child_bytes | awk '$1 > 0 && $2 > 0' | wc -l)
[ "$counted" -ge 1 ] || fail "no INSTALLED CHILD_SA on gateway-a has non-zero in and out byte counters"
echo "gateway-a: $counted CHILD_SA(s) with traffic both ways"
sas_b=$("$LAB" exec gateway-b -- swanctl --list-sas 2>&1) || fail "swanctl --list-sas on gateway-b failed"
echo "$sas_b" | grep -qE "^lab: #[0-9]+, ESTABLISHED" || { echo "$sas_b" >&2; fail "no ESTABLISHED IKE SA on gateway-b"; }

step "lab.sh status --json"
json=$("$LAB" status --json) || fail "lab.sh status --json failed (exit $?)"
echo "$json"
[ "$(echo "$json" | grep -o '"name": "[a-z-]*"' | sort -u | wc -l)" = 4 ] || fail "status --json does not list 4 nodes"
for n in host-a gateway-a gateway-b host-b; do echo "$json" | grep -q "\"name\": \"$n\"" || fail "status --json lacks node $n"; done
echo "$json" | grep -q "\"profile\": \"$PROFILE\"" || fail "status --json does not name the profile"
echo "$json" | grep -q '"10.2.0.10/24"' || fail "status --json lacks host-b's address"
if command -v python3 >/dev/null && python3 -c 'import json' 2>/dev/null; then
	echo "$json" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d["nodes"]) == 4, d' ||
		fail "status --json is not valid JSON with 4 nodes"
fi

step "lab.sh down leaves nothing behind"
pids=$(cat "$LAB_DIR"/gateway-?/holder.pid "$LAB_DIR"/gateway-?/charon.pid "$LAB_DIR"/gateway-?/sshd.pid)
"$LAB" down || fail "lab.sh down failed"
lab_down_done=1
left=$(ip netns list | grep ipsecwiz || true)
[ -z "$left" ] || fail "namespaces left after lab.sh down: $left"
left=$(ip -o link show | grep ipsecwiz || true)
[ -z "$left" ] || fail "links left after lab.sh down: $left"
for p in $pids; do [ ! -d "/proc/$p" ] || fail "process $p ($(tr '\0' ' ' <"/proc/$p/cmdline")) survived lab.sh down"; done
for c in /proc/[0-9]*/cmdline; do
	if tr '\0' ' ' <"$c" 2>/dev/null | grep -qE "__holder|ipsecwiz-gateway|ipsec-wizard-lab"; then
		fail "a lab process survived lab.sh down: ${c%/cmdline}: $(tr '\0' ' ' <"$c")"
	fi
done
left=$(ls -d /etc/netns/ipsecwiz-* 2>/dev/null || true)
[ -z "$left" ] || fail "/etc/netns folders left after lab.sh down: $left"
[ ! -e "$LAB_DIR/lab-profile.json" ] || fail "lab state left in $LAB_DIR"
out=$("$LAB" down) || fail "second lab.sh down failed"
echo "$out" | grep -q "already down" || fail "second lab.sh down did not report that the lab is down: $out"

echo "PASS: lab up, no ping before, generated configs loaded, host-a pinged host-b through an IPsec tunnel, SSH with the lab key and known_hosts, lab down clean"
