#!/bin/bash
# `ipsec-wizard lab up --from` the example hub-and-spoke network (hq; branch1 behind NAT, branch2
# dynamic, branch3 with two networks): every managed gateway gets its generated files, every
# tunnel comes up and carries traffic between the branch hosts and hq's host, the spokes do not
# reach each other, branch1's tunnel runs through its NAT router, branch2 survives a new address,
# nothing in the lab reaches the calling namespace beyond a gateway's own management peer, and
# `lab down` leaves no trace.
. "$(dirname "$0")/../integration/lib.sh"
need_root
need_tool nft nftables
need_tool swanctl strongswan-swanctl
need_tool ip iproute2
export IPSECWIZ_LAB_DIR="$WORK/lab"
EXAMPLE_NET="$IPSECWIZ_SOURCE_DIR/resources/examples/hub-and-spoke.json"
lab() { "$IPSECWIZ" lab "$@"; }
in_node() { "$IPSECWIZ" lab exec "$@"; }
trap '"$IPSECWIZ" lab down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
step() { echo "==> [${SECONDS}s] $*"; }
# Output is taken whole before grep looks at it: with pipefail, grep -q leaving early would make
# the writer's SIGPIPE a failure.
has() { # PATTERN COMMAND...: COMMAND's output matches PATTERN
	local pattern=$1 out
	shift
	out=$("$@" 2>&1) || true
	grep -q -- "$pattern" <<<"$out"
}

step "lab up --from hub-and-spoke.json"
lab up --from "$EXAMPLE_NET" >"$WORK/lab-up.log" 2>&1 || fail "lab up --from: $(tail -n 30 "$WORK/lab-up.log")"
P=$IPSECWIZ_LAB_DIR/lab-profile.json
[ "$(stat -c %a "$P")" = 600 ] || fail "the lab profile is not 0600"
[ "$(lab profile)" = "$P" ] || fail "lab profile prints $(lab profile), not $P"
grep -q '"version": 2' "$P" || fail "the lab profile is not format version 2"
# The keys, kept in a 0600 file and matched with grep -f, so they stand on no command line here.
umask 077
grep -o '"psk": "0x[0-9a-f]*"' "$P" | sed 's/.*"0x\([0-9a-f]*\)"/\1/' >"$WORK/psk-pattern"
[ "$(sort -u "$WORK/psk-pattern" | wc -l)" = 3 ] || fail "the lab profile does not hold three different keys (one per tunnel)"
grep -q -F -f "$WORK/psk-pattern" "$WORK/lab-up.log" && fail "lab up printed a key"
want="inet gw-hq host-hq gw-branch1 host-branch1 nat-branch1 gw-branch2 host-branch2 gw-branch3 host-branch3 host-branch3-2"
got=$(ip netns list | awk '{print $1}' | grep '^ipsecwiz-' | sed 's/^ipsecwiz-//' | sort | tr '\n' ' ')
[ "$got" = "$(tr ' ' '\n' <<<"$want" | sort | tr '\n' ' ')" ] || fail "namespaces: $got; expected $want"
lab status >"$WORK/status.out" 2>&1 || fail "lab status says the lab is not up: $(cat "$WORK/status.out")"
lab status --json >"$WORK/status.json" || fail "lab status --json"
grep -q '"name": "nat-branch1", "namespace": "ipsecwiz-nat-branch1", "addresses": \["172.16.1.1/24", "198.51.100.10/32"\], "kind": "nat"' "$WORK/status.json" ||
	fail "status --json does not show the NAT router: $(cat "$WORK/status.json")"
for n in 1 2 3 4; do
	grep -q "\"host\": \"10.99.$n.2\"" "$WORK/status.json" || fail "status --json shows no gateway on 10.99.$n.2"
done
echo "ok: 11 namespaces with the profile's addresses; the lab profile is 0600 with a key per tunnel, none printed"

step "the lab's safety rule: nothing reaches the calling namespace but a gateway's own management peer"
calling=$(ip -4 -o addr show scope global | awk '$2 !~ /^ipsecwiz-/ {sub(/\/.*/, "", $4); print $4; exit}')
in_node gw-hq -- ping -c1 -W1 10.99.1.1 >/dev/null || fail "gw-hq cannot reach its own management peer (the check below would prove nothing)"
for node in gw-hq gw-branch2 host-hq host-branch1 nat-branch1 inet; do
	for target in 1.1.1.1 10.99.3.1 ${calling:+"$calling"}; do
		[ "$node:$target" = gw-branch2:10.99.3.1 ] && continue # its own management peer
		if in_node "$node" -- ping -c1 -W1 "$target" >/dev/null 2>&1; then fail "$node reaches $target"; fi
	done
done
in_node host-hq -- ping -c1 -W1 10.99.1.1 >/dev/null 2>&1 && fail "host-hq reaches the calling namespace through its gateway's management link"
for node in inet nat-branch1 host-hq; do
	has 'mgmt\|10\.99\.' in_node "$node" -- ip route && fail "$node has a route towards the calling namespace: $(in_node "$node" -- ip route)"
done
[ -z "$(ip route show default dev ipsecwiz-mgmt1 2>/dev/null)" ] || fail "the calling namespace routes by default into the lab"
echo "ok: no node reaches 1.1.1.1, another management peer or the calling namespace's ${calling:-(no global)} address"

step "before any tunnel: branch1's host cannot reach hq's"
in_node host-branch1 -- ping -c1 -W1 10.0.0.10 >/dev/null 2>&1 && fail "host-branch1 reaches host-hq without a tunnel"

step "generate every managed gateway and install its files"
"$IPSECWIZ" generate "$P" --all --out "$WORK/gen" >"$WORK/generate.log" 2>&1 || fail "generate --all: $(cat "$WORK/generate.log")"
grep -q -F -f "$WORK/psk-pattern" "$WORK/generate.log" && fail "generate printed a key"
for site in hq branch1 branch2 branch3; do # hq first: the spokes start their tunnels when loaded
	n=0
	for f in "$WORK/gen/$site"/etc/swanctl/conf.d/*.conf; do
		[ -f "$f" ] || continue
		name=$(basename "$f")
		in_node "gw-$site" -- sh -c "umask 077 && cat > /etc/swanctl/conf.d/$name" <"$f" || fail "cannot install $name on gw-$site"
		[ "$(in_node "gw-$site" -- stat -c %a "/etc/swanctl/conf.d/$name")" = 600 ] || fail "gw-$site: $name is not 0600"
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || fail "nothing generated for $site"
	in_node "gw-$site" -- swanctl --load-all >"$WORK/load-$site.log" 2>&1 || fail "gw-$site: swanctl --load-all: $(cat "$WORK/load-$site.log")"
done
echo "ok: 3 files on gw-hq, one on each branch, all 0600, loaded"

sa_up() { # TUNNEL: hq's CHILD_SA of TUNNEL is installed
	has "$1: #.*INSTALLED" in_node gw-hq -- swanctl --list-sas --ike "$1"
}
bring_up() { # TUNNEL SPOKE: wait for the spoke's own start, else initiate from the spoke

	for _ in $(seq 30); do sa_up "$1" && return 0; sleep 0.2; done
	in_node "gw-$2" -- swanctl --initiate --child "$1" --timeout 15 >>"$WORK/initiate-$1.log" 2>&1 || true
	sa_up "$1" || fail "$1 does not come up: $(in_node gw-hq -- swanctl --list-sas 2>&1 | tail -n 20)"
}
step "every tunnel comes up"
for spoke in branch1 branch2 branch3; do bring_up "hq-$spoke" "$spoke"; done
echo "ok: hq-branch1, hq-branch2, hq-branch3 ESTABLISHED and INSTALLED"

step "each branch host and hq's host reach each other; the spokes do not reach each other"
ping_ok() { in_node "$1" -- ping -c 3 -W 2 "$2" >/dev/null 2>&1 || fail "$1 cannot reach $2 through the tunnel"; }
ping_ok host-branch1 10.0.0.10
ping_ok host-hq 10.1.0.10
ping_ok host-branch2 10.0.0.10
ping_ok host-hq 10.2.0.10
ping_ok host-branch3 10.0.0.10
ping_ok host-branch3-2 10.0.0.10
ping_ok host-hq 10.3.0.10
ping_ok host-hq 10.30.0.10
for pair in host-branch1:10.2.0.10 host-branch1:10.3.0.10 host-branch2:10.1.0.10 host-branch3:10.2.0.10 host-branch3-2:10.1.0.10; do
	in_node "${pair%%:*}" -- ping -c1 -W1 "${pair#*:}" >/dev/null 2>&1 && fail "spoke to spoke: ${pair%%:*} reaches ${pair#*:} (spokeToSpoke is false)"
done
echo "ok: 8 pings through the tunnels; 5 spoke-to-spoke pings fail"

step "branch1 is behind its NAT router: UDP encapsulation, hq sees the public address"
in_node gw-hq -- swanctl --list-sas --ike hq-branch1 >"$WORK/sa-hq-branch1.out"
grep -q "remote .*@ 198\.51\.100\.10\[4500\]" "$WORK/sa-hq-branch1.out" || fail "hq does not see branch1 at 198.51.100.10:4500: $(cat "$WORK/sa-hq-branch1.out")"
grep -q "INSTALLED, TUNNEL-in-UDP" "$WORK/sa-hq-branch1.out" || fail "hq-branch1 is not UDP-encapsulated: $(cat "$WORK/sa-hq-branch1.out")"
in_node gw-branch1 -- swanctl --list-sas --ike hq-branch1 >"$WORK/sa-branch1.out"
grep -q "local .*@ 172\.16\.1\.2\[4500\]" "$WORK/sa-branch1.out" || fail "branch1 does not use its inside address 172.16.1.2: $(cat "$WORK/sa-branch1.out")"
# A real NAT, not kernel-libipsec's faked one: charon on branch1 finds itself behind NAT.
grep -q "local host is behind NAT" "$IPSECWIZ_LAB_DIR/gw-branch1/charon.log" || fail "charon on branch1 did not detect the NAT"
has 'oifname "wan0" masquerade' in_node nat-branch1 -- nft list table ip ipsecwiz_lab_nat || fail "nat-branch1 has no masquerade rule"
echo "ok: hq sees 198.51.100.10[4500], branch1 172.16.1.2[4500]; TUNNEL-in-UDP; charon on branch1: behind NAT"

step "branch2 gets a new address, and its tunnel comes back"
lab renumber branch2 >"$WORK/renumber.log" 2>&1 || fail "lab renumber branch2: $(cat "$WORK/renumber.log")"
grep -q "branch2 (gw-branch2) moved from 192.0.2.50 to 192.0.2.51" "$WORK/renumber.log" || fail "renumber says: $(cat "$WORK/renumber.log")"
has ' 192\.0\.2\.51/32' in_node gw-branch2 -- ip -4 -o addr show dev wan0 || fail "gw-branch2 does not have 192.0.2.51"
has ' 192\.0\.2\.50/' in_node gw-branch2 -- ip -4 -o addr show dev wan0 && fail "gw-branch2 still has 192.0.2.50"
# Re-initiated from branch2, the dynamic end (hq accepts it from anywhere: remote_addrs = %any).
in_node gw-branch2 -- swanctl --terminate --ike hq-branch2 --timeout 5 >>"$WORK/renumber.log" 2>&1 || true
in_node gw-branch2 -- swanctl --initiate --child hq-branch2 --timeout 15 >>"$WORK/renumber.log" 2>&1 || fail "branch2 cannot initiate from its new address: $(tail -n 20 "$WORK/renumber.log")"
ok=0
for _ in $(seq 50); do
	if has "remote .*@ 192\.0\.2\.51\[4500\]" in_node gw-hq -- swanctl --list-sas --ike hq-branch2; then ok=1; break; fi
	sleep 0.2
done
[ "$ok" = 1 ] || fail "hq has no SA with branch2 at 192.0.2.51: $(in_node gw-hq -- swanctl --list-sas --ike hq-branch2)"
ping_ok host-branch2 10.0.0.10
ping_ok host-hq 10.2.0.10
echo "ok: branch2 moved to 192.0.2.51; hq-branch2 re-established from there and carries traffic"

step "no key in any log"
grep -rq -F -f "$WORK/psk-pattern" "$IPSECWIZ_LAB_DIR"/gw-*/*.log "$WORK"/*.log && fail "a key is in a log"

step "lab down leaves nothing behind"
lab down >"$WORK/lab-down.log" 2>&1 || fail "lab down: $(cat "$WORK/lab-down.log")"
left=$( (ip netns list | grep ipsecwiz-; ip -br link | grep ipsecwiz-; ls -d /etc/netns/ipsecwiz-* 2>/dev/null) || true)
[ -z "$left" ] || fail "lab down left: $left"
[ ! -e "$IPSECWIZ_LAB_DIR" ] || fail "lab down left $IPSECWIZ_LAB_DIR: $(ls -A "$IPSECWIZ_LAB_DIR")"
echo "ok: no ipsecwiz- namespace, link or /etc/netns folder, and no state folder"
echo "PASS: lab from a profile"
