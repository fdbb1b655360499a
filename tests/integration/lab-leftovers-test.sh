#!/bin/bash
# Runs before every lab test (the ipsecwiz_lab_clean fixture): a lab left on this machine by a run
# that was killed, or by an image taken while a lab was up, holds the fixed names every lab test
# needs, and each of them would fail on "already in use". `lab.sh down --all` removes it, and
# says so loudly. Then it shows that `down --all` finds a lab by its names alone: a namespace with
# a process in it, a link and an /etc/netns folder that no state folder describes.
. "$(dirname "$0")/lib.sh"
need_root
LAB="$IPSECWIZ_SOURCE_DIR/lab/lab.sh"
export IPSECWIZ_LAB_DIR="$WORK/no-lab" # no state here: whatever is found was left behind

out=$("$LAB" down --all 2>&1) || fail "lab.sh down --all: $out"
if grep -q "removing" <<<"$out"; then
	echo "WARNING: a lab was left on this machine by an earlier run; removed it:" >&2
	echo "$out" >&2
else
	echo "no lab was left on this machine"
fi

ns=ipsecwiz-leftover-test
trap 'ip netns del "$ns" 2>/dev/null || true; ip link del ipsecwiz-left 2>/dev/null || true; rm -rf "/etc/netns/$ns" "$WORK"' EXIT
ip netns add "$ns"
ip link add ipsecwiz-left type veth peer name eth0 netns "$ns"
ip addr add 10.99.1.1/30 dev ipsecwiz-left
mkdir -p "/etc/netns/$ns"
ip netns exec "$ns" sleep 600 &
sleeper=$!
for _ in $(seq 50); do [ -n "$(ip netns pids "$ns")" ] && break; sleep 0.02; done
[ -n "$(ip netns pids "$ns")" ] || fail "could not start a process in $ns"

out=$("$LAB" down --all 2>&1) || fail "lab.sh down --all did not remove the planted lab: $out"
for want in "namespace $ns" "link ipsecwiz-left" "folder /etc/netns/$ns"; do
	grep -qF "$want" <<<"$out" || fail "down --all did not name '$want': $out"
done
[ ! -e "/run/netns/$ns" ] || fail "the namespace $ns survived down --all"
! ip link show ipsecwiz-left >/dev/null 2>&1 || fail "the link ipsecwiz-left survived down --all"
[ ! -e "/etc/netns/$ns" ] || fail "/etc/netns/$ns survived down --all"
! ip -o addr show | grep -q " 10.99.1.1/" || fail "10.99.1.1 is still in use after down --all"
wait "$sleeper" 2>/dev/null || true
[ ! -d "/proc/$sleeper" ] || fail "the process in $ns survived down --all"
out=$("$LAB" down --all 2>&1) || fail "a second down --all failed: $out"
grep -q "nothing to remove" <<<"$out" || fail "a second down --all did not say there is nothing left: $out"
echo "PASS: down --all removed a lab no state folder describes (namespace, its process, link, /etc/netns folder)"
