#!/bin/bash
# The diagnosis fault matrix on the lab's two real gateways (issue 13): after a good push, each
# fault is injected by hand on a gateway as an admin or an accident would, then `diagnose --json`
# must give the right cause as its FIRST finding, with the right field and gateway ("side": B). Where the cause
# is in the logs of the attempt, the saved logs decoded offline (`diagnose --log A --log B`) must
# give the same first finding. The matrix (fault, first finding, field, time) is printed at the end.
#
# The data path's faults (ESP dropped one way, rp_filter with an asymmetric route, a masquerade
# rule on A catching the tunnel, an MTU black hole) leave the tunnel up: the diagnosis finds them by
# pinging B's inside address from A's and reading where the packets stop. For the masquerade and
# ip_forward, `diagnose --fix --yes` then makes the finding's own fix (the exemption rule,
# forwarding) through a commit-confirmed push, and the tunnel must work again; for rp_filter, whose
# fix alone cannot help while the route stays asymmetric, the push must roll B back.
. "$(dirname "$0")/../integration/lib.sh"
need_root
need_tool swanctl strongswan-swanctl
need_tool nft nftables
LAB="$IPSECWIZ_SOURCE_DIR/lab/lab.sh"
export IPSECWIZ_LAB_DIR="$WORK/lab"
trap '"$LAB" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"$LAB" down >/dev/null 2>&1 || true
"$LAB" up > "$WORK/up.log" 2>&1 || fail "lab up: $(cat "$WORK/up.log")"
P=$("$LAB" profile)
"$IPSECWIZ" push "$P" --yes > "$WORK/push.log" 2>&1 || fail "push: $(tail "$WORK/push.log")"
CONF=/etc/swanctl/conf.d/lab.conf
on() { local gw=$1; shift; "$LAB" exec "$gw" -- "$@"; }
on gateway-b cp "$CONF" /tmp/iwz-good.conf

charon_b_running() { on gateway-b swanctl --stats > /dev/null 2>&1; }
start_charon_b() {
	on gateway-b env -u STRONGSWAN_CONF sh -c "rm -f /run/charon.vici /run/charon.pid; setsid /usr/lib/ipsec/charon </dev/null >>'$IPSECWIZ_LAB_DIR/gateway-b/charon.log' 2>&1 & echo \$! > '$IPSECWIZ_LAB_DIR/gateway-b/charon.pid'" ||
		fail "cannot start B's charon"
	for _ in $(seq 50); do charon_b_running && return 0; sleep 0.1; done
	fail "B's charon does not answer after a start"
}
# Back to the state after the push, with the tunnel up.
good() {
	charon_b_running || start_charon_b
	on gateway-b sh -c "cp /tmp/iwz-good.conf $CONF && swanctl --load-all >/dev/null 2>&1; nft delete table inet iwzfault 2>/dev/null; sysctl -qw net.ipv4.ip_forward=1" || true
	on gateway-b sh -c "sysctl -qw net.ipv4.conf.all.rp_filter=0; sysctl -qw net.ipv4.conf.ipsec0.rp_filter=0 2>/dev/null; ip rule del priority 100 2>/dev/null; ip route flush table 100 2>/dev/null; ip link set wan0 mtu 1500" || true
	on gateway-a sh -c "nft delete table ip iwzfault 2>/dev/null; ip addr del 198.51.100.1/32 dev lo 2>/dev/null" || true
	for _ in $(seq 10); do
		"$IPSECWIZ" diagnose "$P" --no-initiate > "$WORK/g.out" 2>&1 && grep -q "is up on both gateways" "$WORK/g.out" && return 0
		on gateway-a swanctl --initiate --child lab --timeout 10 > /dev/null 2>&1 || true
		sleep 0.5
	done
	fail "the tunnel does not come up again: $(cat "$WORK/g.out")"
}
down() { # both ends forget the tunnel, so the next diagnosis starts it
	on gateway-a swanctl --terminate --ike lab --timeout 5 > /dev/null 2>&1 || true
	on gateway-b swanctl --terminate --ike lab --timeout 5 > /dev/null 2>&1 || true
}
b_conf() { # SED-EXPR on B's connection file
	on gateway-b sh -c "sed -i '$1' $CONF && swanctl --load-all >/dev/null 2>&1" || fail "cannot change B's connection"
}

printf '%s\n' "fault|first finding|field|side|live s|offline" > "$WORK/matrix"
# FAULT-NAME FIELD CAUSE-REGEX OFFLINE(yes|no) [--no-initiate]: diagnose, check its first finding,
# and for a cause in the logs decode the saved logs offline and compare.
expect() {
	local name=$1 field=$2 cause=$3 offline=$4 status=0 start end side=${SIDE:-gateway B}
	shift 4
	start=$(date +%s%N)
	"$IPSECWIZ" diagnose "$P" --json "$@" > "$WORK/d.json" 2> "$WORK/d.err" || status=$?
	end=$(date +%s%N)
	[ "$status" = 4 ] || fail "$name: diagnose exited $status, not 4: $(cat "$WORK/d.json" "$WORK/d.err")"
	grep -q '0x[0-9a-f]\{32\}' "$WORK/d.json" && fail "$name: a key is in diagnose's output"
	python3 - "$WORK/d.json" "$field" "$cause" "$WORK/logA" "$WORK/logB" "$side" > "$WORK/first" <<'PY' || fail "$name: $(cat "$WORK/first") in $(cat "$WORK/d.json")"
import json, re, sys
r = json.load(open(sys.argv[1]))
first = r["findings"][0]
# The finding must name the gateway the fault was made on (B, but for the masquerade on A).
if first["field"] != sys.argv[2] or not re.search(sys.argv[3], first["cause"]) or first.get("side") != sys.argv[6]:
    print("first finding is", first["field"], "/", first.get("side"), "/", first["cause"], "; wanted", sys.argv[2], "/", sys.argv[6], "/", sys.argv[3])
    sys.exit(1)
for path, lines in ((sys.argv[4], r["logA"]), (sys.argv[5], r["logB"])):
    with open(path, "w") as f:
        f.write("".join(l + "\n" for l in lines))
print(first["cause"])
PY
	local off=-
	if [ "$offline" = yes ]; then
		status=0
		"$IPSECWIZ" diagnose --log "$WORK/logA" --log "$WORK/logB" --json > "$WORK/o.json" 2>&1 || status=$?
		[ "$status" = 4 ] || fail "$name offline: exited $status: $(cat "$WORK/o.json")"
		python3 - "$WORK/d.json" "$WORK/o.json" <<'PY' || fail "$name: offline, the saved logs give another first finding: $(cat "$WORK/o.json")"
import json, sys
live, off = json.load(open(sys.argv[1]))["findings"][0], json.load(open(sys.argv[2]))["findings"][0]
# Offline there is no drift to tell which side changed a key or a proposal: field and cause
# compared, the gateways being "A" and "B" there (the logs do not say their names).
cause = live["cause"].replace("gateway A", "A").replace("gateway B", "B")
assert (live["field"], cause) == (off["field"], off["cause"]), (live, off)
PY
		off=same
	fi
	local ms=$(( (end - start) / 1000000 ))
	printf '%s|%s|%s|%s|%d.%01d|%s\n' "$name" "$(cut -c1-90 "$WORK/first")" "$field" "$side" $((ms / 1000)) $((ms % 1000 / 100)) "$off" >> "$WORK/matrix"
	echo "ok: $name: $(cat "$WORK/first")"
}

# FAULT GATEWAY [--no-initiate]: `diagnose --fix --yes` makes the first finding's change on its
# gateway through a commit-confirmed push, and the tunnel, diagnosed again, is up and carries
# traffic (or, with --no-initiate, is up with nothing left to report).
fixed() {
	local name=$1 gw=$2 status=0
	shift 2
	"$IPSECWIZ" diagnose "$P" --fix --yes "$@" > "$WORK/fix.out" 2>&1 || status=$?
	[ "$status" = 0 ] || fail "$name: diagnose --fix exited $status: $(cat "$WORK/fix.out")"
	grep -q "^The fix the program can make itself, on $gw" "$WORK/fix.out" || fail "$name: the fix is not said first: $(cat "$WORK/fix.out")"
	grep -q "^$gw: committed and confirmed" "$WORK/fix.out" || fail "$name: the push of the fix was not confirmed on $gw: $(cat "$WORK/fix.out")"
	if [ $# -eq 0 ]; then
		grep -q "through the tunnel: answered" "$WORK/fix.out" || fail "$name: no ping through the tunnel after the fix: $(cat "$WORK/fix.out")"
	else
		grep -q "is up on both gateways" "$WORK/fix.out" || fail "$name: the tunnel is not up after the fix: $(cat "$WORK/fix.out")"
	fi
	echo "ok: $name: diagnose --fix made the change on $gw, commit-confirmed, and the tunnel works: $(grep -A3 '^The fix the program' "$WORK/fix.out" | sed -n 2p)"
}

good
b_conf 's/secret = 0x\(..\)/secret = 0xff/'
down
expect "PSK edited on B" psk "pre-shared keys differ" yes

good
b_conf 's/esp_proposals = .*/esp_proposals = aes128-sha256-modp2048/'
down
expect "B's ESP proposal edited" esp.encryption "ESP proposals differ.*gateway A proposes AES_GCM_16_256, gateway B is configured for AES_CBC_128" yes

good
b_conf 's|remote_ts = .*|remote_ts = 10.9.0.0/24|'
down
expect "B's remote network edited" networks "networks differ" yes

good
b_conf '/remote {/,/}/s/id = .*/id = @someone-else.example/'
down
expect "B's identity edited" identity "identities differ" yes

good
down # first: B's drop would also keep A's delete from B, leaving B half-up
on gateway-b nft -f - <<'X' || fail "cannot drop IKE on B"
table inet iwzfault {
	chain input {
		type filter hook input priority -10; policy accept;
		udp dport { 500, 4500 } drop
	}
}
X
expect "udp/500 and 4500 dropped on B's input" publicAddress "No packet from gateway A arrives at gateway B" yes

# --- the data path: the tunnel is up and carries nothing (or not all of it) -----------------------
good
on gateway-b nft -f - <<'X' || fail "cannot drop ESP on B"
table inet iwzfault {
	chain input {
		type filter hook input priority -10; policy accept;
		udp dport 4500 @th,64,32 != 0 drop
	}
}
X
expect "ESP (in UDP) dropped on B's input, IKE passes" gateway "ESP from gateway A does not reach gateway B: gateway B's firewall drops it" no

good
on gateway-b sh -c 'sysctl -qw net.ipv4.conf.all.rp_filter=1 net.ipv4.conf.ipsec0.rp_filter=1 &&
	ip route add 10.1.0.0/24 via 198.51.100.1 dev wan0 table 100 && ip rule add to 10.1.0.0/24 table 100 priority 100' || fail "cannot make B's route asymmetric"
expect "rp_filter=1 with an asymmetric route on B" gateway "gateway B drops what comes out of the tunnel as spoofed: rp_filter is strict" no
# Loose rp_filter alone does not bring the answers back here: the asymmetric route sends them out
# of wan0, past the tunnel. The push's tunnel test fails, so B is rolled back: rp_filter strict again.
status=0
"$IPSECWIZ" diagnose "$P" --fix --yes > "$WORK/fix.out" 2>&1 || status=$?
[ "$status" = 3 ] || fail "rp_filter's fix with the route still asymmetric exited $status, not 3: $(cat "$WORK/fix.out")"
grep -q "^  net.ipv4.conf.ipsec0.rp_filter = 2$" "$WORK/fix.out" || fail "the rp_filter change is not said: $(cat "$WORK/fix.out")"
grep -q "^gateway B: rolled back" "$WORK/fix.out" || fail "B was not rolled back: $(cat "$WORK/fix.out")"
[ "$(on gateway-b cat /proc/sys/net/ipv4/conf/ipsec0/rp_filter)" = 1 ] || fail "B's rp_filter for ipsec0 is not back to 1 after the rollback"
[ "$(on gateway-b cat /proc/sys/net/ipv4/conf/all/rp_filter)" = 1 ] || fail "B's conf.all.rp_filter changed"
echo "ok: rp_filter's fix with the route still asymmetric: the tunnel test fails, and B is rolled back to rp_filter=1"

good
# The tunnel leaves A by charon's TUN device, which has no address, so a masquerade takes the first
# global address of the gateway; lo holding the WAN address makes that the WAN address, as on a
# gateway whose tunnel leaves by its WAN interface (the classic masquerade problem).
on gateway-a ip addr add 198.51.100.1/32 dev lo || fail "cannot give A's lo the WAN address"
on gateway-a nft -f - <<'X' || fail "cannot add the masquerade on A"
table ip iwzfault {
	chain post {
		type nat hook postrouting priority srcnat; policy accept;
		ip saddr 10.1.0.0/24 masquerade
	}
}
X
SIDE="gateway A" expect "a masquerade rule on A catching the tunnel" gateway "A NAT rule on gateway A catches the tunnel's traffic before IPsec" no
python3 -c "import json,sys; c=json.load(open(sys.argv[1]))['findings'][0]['change']; assert c['site']=='site-a' and c['changes'][0].startswith('nft insert rule ip iwzfault post ip saddr 10.1.0.0/24 ip daddr 10.2.0.0/24 accept'), c" "$WORK/d.json" ||
	fail "the masquerade finding offers no exemption the program makes itself: $(cat "$WORK/d.json")"
fixed "the masquerade on A" "gateway A"
made=$(on gateway-a nft list chain ip iwzfault post)
grep -B99 masquerade <<<"$made" | grep -q 'ip saddr 10.1.0.0/24 ip daddr 10.2.0.0/24 accept comment "ipsec-wizard: lab"' ||
	fail "the exemption is not above the masquerade on A: $made"

good
on gateway-b ip link set wan0 mtu 1200 || fail "cannot lower B's WAN MTU"
on gateway-a nft -f - <<'X' || fail "cannot drop fragmentation-needed on A"
table ip iwzfault {
	chain input {
		type filter hook input priority -10; policy accept;
		icmp type destination-unreachable icmp code frag-needed drop
	}
}
X
expect "B's WAN MTU lowered, ICMP fragmentation-needed dropped" gateway "An MTU black hole: packets of up to 11[0-9][0-9] bytes pass the tunnel" no

# --- the daemon and the connection ---------------------------------------------------------------
good
kill "$(cat "$IPSECWIZ_LAB_DIR/gateway-b/charon.pid")" || fail "cannot stop B's charon"
for _ in $(seq 20); do charon_b_running || break; sleep 0.1; done
expect "charon stopped on B" gateway "charon.*does not answer on gateway B" no

good
on gateway-b sh -c "rm -f $CONF && swanctl --load-all >/dev/null 2>&1"
expect "B's connection file removed" gateway "connection lab is not loaded on gateway B" no

good
on gateway-b sysctl -qw net.ipv4.ip_forward=0
expect "ip_forward off on B" gateway "gateway B does not forward IPv4" no --no-initiate
fixed "ip_forward off on B" "gateway B" --no-initiate
[ "$(on gateway-b cat /proc/sys/net/ipv4/ip_forward)" = 1 ] || fail "B does not forward after the fix"

good
kill -9 "$(cat "$IPSECWIZ_LAB_DIR/gateway-b/charon.pid")" || fail "cannot kill B's charon"
start_charon_b
on gateway-b swanctl --load-all > /dev/null 2>&1 || fail "B's charon, started again, does not load the config"
expect "B restarted (half-up)" gateway "half-up: gateway A holds its SAs, gateway B has none" no --no-initiate

echo
echo "diagnosis fault matrix (first finding of diagnose --json; offline: the saved logs through diagnose --log):"
python3 - "$WORK/matrix" <<'PY'
import sys
rows = [l.rstrip("\n").split("|") for l in open(sys.argv[1])]
widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
for r in rows:
    print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
PY
