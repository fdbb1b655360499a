#!/bin/bash
# One push to every gateway of a network: `lab up --from` the example hub-and-spoke network (hq;
# branch1 behind its NAT router, branch2 dynamic, branch3 with two networks), then
# `ipsec-wizard push` the lab's profile. Every tunnel comes up in that one push and carries
# traffic between hq's host and each branch's hosts; spoke to spoke does not (spokeToSpoke is
# off); branch1's tunnel is UDP-encapsulated. The push loads every tunnel's firewall rules: hq
# admits IKE from branch1's public address, branch3 and (branch2's changes) anywhere. Then a change pushed to all four gateways, during
# which gateway 3's (branch2's) sshd is killed once it has committed: every gateway is back on its
# previous files and nftables tables byte for byte, and the tunnels that worked before still pass ping. Last, one
# tunnel is removed from its two gateways with its table and its peer in hq's set, and the others
# keep passing traffic.
. "$(dirname "$0")/../integration/lib.sh"
need_root
need_tool nft nftables
need_tool swanctl strongswan-swanctl
export IPSECWIZ_LAB_DIR="$WORK/lab"
EXAMPLE_NET="$IPSECWIZ_SOURCE_DIR/resources/examples/hub-and-spoke.json"
in_node() { "$IPSECWIZ" lab exec "$@"; }
trap '"$IPSECWIZ" lab down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"$IPSECWIZ" lab down >/dev/null 2>&1 || true
"$IPSECWIZ" lab up --from "$EXAMPLE_NET" > "$WORK/lab-up.log" 2>&1 || fail "lab up --from: $(tail -n 30 "$WORK/lab-up.log")"
P=$IPSECWIZ_LAB_DIR/lab-profile.json
umask 077
SITES="hq branch1 branch2 branch3"

pings() { # every host of a branch and hq's host reach each other; spoke to spoke does not
	local pair
	for pair in host-branch1:10.0.0.10 host-hq:10.1.0.10 host-branch2:10.0.0.10 host-hq:10.2.0.10 host-branch3:10.0.0.10 \
		host-branch3-2:10.0.0.10 host-hq:10.3.0.10 host-hq:10.30.0.10; do
		in_node "${pair%%:*}" -- ping -c 3 -W 2 "${pair#*:}" > /dev/null 2>&1 || return 1
	done
	for pair in host-branch1:10.2.0.10 host-branch2:10.1.0.10 host-branch3:10.2.0.10; do
		if in_node "${pair%%:*}" -- ping -c 1 -W 1 "${pair#*:}" > /dev/null 2>&1; then echo "spoke to spoke: $pair answers" >&2; return 1; fi
	done
}
# The push lock and its holder note (which push, since when) change with every push; they are
# not configuration, so the rollback does not restore them.
files_of_every_gateway() {
	local site
	for site in $SITES; do
		echo "== $site"
		in_node "gw-$site" -- sh -c 'cd /etc && find swanctl ipsec-wizard -type f ! -path "*/.transaction/*" ! -path "ipsec-wizard/backups/*" ! -name ".push.lock*" -print0 2>/dev/null | sort -z | xargs -0 -r sha256sum'
		in_node "gw-$site" -- sh -c 'for t in $(nft list tables inet | sed -n "s/^table inet \(ipsec_wizard[a-z0-9_]*\)$/\1/p" | sort); do nft list table inet "$t"; done' |
			sed 's/packets [0-9]* bytes [0-9]*//'
	done
}

# 1. One push brings every tunnel up.
start=$SECONDS
"$IPSECWIZ" push "$P" --yes --apply-firewall > "$WORK/push.log" 2>&1 || fail "the network push: $(tail -n 30 "$WORK/push.log")"
echo "the push to four gateways took $((SECONDS - start)) s"
for site in $SITES; do
	grep -q "^$site: committed and confirmed" "$WORK/push.log" || fail "$site was not confirmed: $(tail -n 8 "$WORK/push.log")"
done
for t in hq-branch1 hq-branch2 hq-branch3; do
	grep -q "^$t: .* reaches " "$WORK/push.log" || fail "no tunnel test of $t in the push: $(tail -n 12 "$WORK/push.log")"
done
# The preflight says how each gateway reaches each of its peers (hq: branch1's public and branch3; not the dynamic branch2).
for peer in 198.51.100.10 198.51.100.20; do
	grep -q "\[hq\] route to the peer $peer: $peer via " "$WORK/push.log" || fail "hq's preflight does not report its route to $peer: $(grep 'route to the peer' "$WORK/push.log")"
done
grep -q "\[branch2\] route to the peer 203.0.113.1: " "$WORK/push.log" || fail "branch2's preflight does not report its route to hq"
# Every tunnel's table on hq, and the gateway-wide sets with each peer.
for t in hq_branch1 hq_branch2 hq_branch3; do
	in_node gw-hq -- nft list table inet "ipsec_wizard_$t" > /dev/null 2>&1 || fail "hq has no table ipsec_wizard_$t after --apply-firewall"
done
in_node gw-hq -- nft list set inet ipsec_wizard ike_peers4 > "$WORK/hq-peers.txt"
grep -q "198.51.100.10" "$WORK/hq-peers.txt" && grep -q "198.51.100.20" "$WORK/hq-peers.txt" || fail "hq's peer set: $(cat "$WORK/hq-peers.txt")"
in_node gw-hq -- nft list set inet ipsec_wizard ike_open4 | grep -q "0.0.0.0/0" || fail "hq does not admit the dynamic branch2 from anywhere"
ok=0
for _ in $(seq 10); do if pings; then ok=1; break; fi; sleep 1; done
[ "$ok" = 1 ] || fail "after the push, not every host reaches what it should (or a spoke reaches a spoke)"
in_node gw-hq -- swanctl --list-sas --ike hq-branch1 > "$WORK/sa-hq-branch1.out"
grep -q "INSTALLED, TUNNEL-in-UDP" "$WORK/sa-hq-branch1.out" || fail "hq-branch1 is not UDP-encapsulated: $(cat "$WORK/sa-hq-branch1.out")"
echo "ok: one push, four gateways confirmed; 8 pings through the tunnels, 3 spoke-to-spoke pings fail; branch1 in UDP"

# 2. The same again changes nothing.
"$IPSECWIZ" push "$P" --yes > "$WORK/push-again.log" 2>&1 || fail "the second push: $(tail -n 20 "$WORK/push-again.log")"
[ "$(grep -c ': unchanged (already up to date)$' "$WORK/push-again.log")" = 4 ] || fail "the same push again changed something: $(tail -n 8 "$WORK/push-again.log")"

# 2b. check: no drift after the push. A hand edit on branch1 and a connection unloaded on branch3
# are drift, shown as a diff of our lines only (keys masked) and "not loaded"; a push mends both.
"$IPSECWIZ" check "$P" > "$WORK/check.out" 2>&1 || fail "check after the push: $(cat "$WORK/check.out")"
[ "$(grep -c ': no drift' "$WORK/check.out")" = 4 ] || fail "check after the push: $(cat "$WORK/check.out")"
in_node gw-branch1 -- sed -i 's/rekey_time = 3600s/rekey_time = 1234s/' /etc/swanctl/conf.d/hq-branch1.conf
in_node gw-branch1 -- sh -c 'echo "# an admin note" >> /etc/ipsec-wizard/hq-branch1/firewall.nft'
in_node gw-branch3 -- sh -c 'mkdir -p /run/aside && mv /etc/swanctl/conf.d/hq-branch3.conf /run/aside/ && swanctl --load-conns >/dev/null && mv /run/aside/hq-branch3.conf /etc/swanctl/conf.d/'
status=0
"$IPSECWIZ" check "$P" > "$WORK/check-drift.out" 2>&1 || status=$?
[ "$status" = 4 ] || fail "check with drift exited $status, not 4: $(cat "$WORK/check-drift.out")"
grep -q '^branch1: drift$' "$WORK/check-drift.out" && grep -q '^branch3: drift$' "$WORK/check-drift.out" || fail "check: $(cat "$WORK/check-drift.out")"
grep -q '^hq: no drift' "$WORK/check-drift.out" && grep -q '^branch2: no drift' "$WORK/check-drift.out" || fail "check: $(cat "$WORK/check-drift.out")"
grep -qx '    -                rekey_time = 3600s' "$WORK/check-drift.out" && grep -qx '    +                rekey_time = 1234s' "$WORK/check-drift.out" \
	|| fail "the hand edit is not in the diff: $(cat "$WORK/check-drift.out")"
grep -qx '    +# an admin note' "$WORK/check-drift.out" || fail "the line added to our firewall file is not in the diff"
grep -qx '  connection hq-branch3 is not loaded' "$WORK/check-drift.out" || fail "branch3's unloaded connection: $(cat "$WORK/check-drift.out")"
grep -q '0x[0-9a-f]\{32\}' "$WORK/check-drift.out" && fail "a key is in check's output"
"$IPSECWIZ" check "$P" --json > "$WORK/check-drift.json" 2>&1 || :
python3 - "$WORK/check-drift.json" <<'EOF' || fail "check --json: $(cat "$WORK/check-drift.json")"
import json, sys
d = json.load(open(sys.argv[1]))
g = {x["gateway"]: x for x in d["gateways"]}
assert d["drift"] and d["keysCompared"]
assert [x["drift"] for x in (g["hq"], g["branch1"], g["branch2"], g["branch3"])] == [False, True, False, True]
assert g["branch3"]["notLoaded"] == ["hq-branch3"]
assert [f["state"] for f in g["branch1"]["files"]] == ["differs", "differs"]
EOF
"$IPSECWIZ" push "$P" --yes > "$WORK/push-mend.log" 2>&1 || fail "the push that mends: $(tail -n 20 "$WORK/push-mend.log")"
"$IPSECWIZ" check "$P" > "$WORK/check-mended.out" 2>&1 || fail "check after the mending push: $(cat "$WORK/check-mended.out")"
echo "ok: check: no drift after the push; a hand edit (a diff of our lines, no key) and an unloaded connection are drift (exit 4); a push mends both"

# 3. A change to all four; gateway 3 (branch2) loses its sshd once it has committed.
files_of_every_gateway > "$WORK/before.txt"
[ "$(grep -c 'swanctl/conf.d/hq-branch' "$WORK/before.txt")" = 6 ] || fail "the checksums miss a tunnel's file: $(cat "$WORK/before.txt")"
sed 's/"lifetime": 3600/"lifetime": 1800/' "$P" > "$WORK/changed.json"
cmp -s "$P" "$WORK/changed.json" && fail "the change changed nothing"
"$IPSECWIZ" push "$WORK/changed.json" --yes --apply-firewall > "$WORK/push-killed.log" 2>&1 &
push_pid=$!
killed=0
for _ in $(seq 300); do
	if grep -q '\[branch2\] gateway reports: committed' "$WORK/push-killed.log"; then
		kill "$(cat "$IPSECWIZ_LAB_DIR/gw-branch2/sshd.pid")" && killed=1
		break
	fi
	kill -0 "$push_pid" 2>/dev/null || break
	sleep 0.1
done
status=0
wait "$push_pid" || status=$?
[ "$killed" = 1 ] || fail "branch2 never reported its commit: $(tail -n 20 "$WORK/push-killed.log")"
[ "$status" = 3 ] || fail "the push with branch2's sshd gone exited $status, not 3: $(tail -n 20 "$WORK/push-killed.log")"
grep -q "branch2 could not be reached again to confirm" "$WORK/push-killed.log" || fail "the message does not name branch2: $(tail -n 3 "$WORK/push-killed.log")"
for site in $SITES; do
	grep -Eq "^$site: (rolled back to its previous configuration|failed before anything was changed)" "$WORK/push-killed.log" \
		|| fail "$site did not go back: $(tail -n 8 "$WORK/push-killed.log")"
done
for _ in $(seq 50); do
	files_of_every_gateway > "$WORK/after.txt"
	cmp -s "$WORK/before.txt" "$WORK/after.txt" && break
	sleep 0.2 # a gateway that could not be told rolls back by itself
done
diff -u "$WORK/before.txt" "$WORK/after.txt" >&2 || fail "not every gateway is back on its previous files"
ok=0
for _ in $(seq 15); do if pings; then ok=1; break; fi; sleep 1; done
[ "$ok" = 1 ] || fail "after the rollback, the tunnels that worked before do not all pass ping"
echo "ok: branch2's sshd killed mid-push: all four gateways back on their previous files, every tunnel still passes ping"

# 4. One tunnel of the network removed: its files leave hq and branch3, the other tunnels stay.
"$IPSECWIZ" remove "$P" --tunnel hq-branch3 --yes > "$WORK/remove.log" 2>&1 || fail "remove hq-branch3: $(tail -n 20 "$WORK/remove.log")"
for site in hq branch3; do
	in_node "gw-$site" -- test ! -e /etc/swanctl/conf.d/hq-branch3.conf || fail "gw-$site still has hq-branch3.conf"
	if in_node "gw-$site" -- swanctl --list-conns | grep -q '^hq-branch3: '; then fail "gw-$site still has hq-branch3 loaded"; fi
done
for t in hq-branch1 hq-branch2; do
	in_node gw-hq -- test -e "/etc/swanctl/conf.d/$t.conf" || fail "gw-hq lost $t.conf"
done
for site in hq branch3; do
	in_node "gw-$site" -- nft list table inet ipsec_wizard_hq_branch3 > /dev/null 2>&1 && fail "gw-$site still has the table of hq-branch3"
done
in_node gw-hq -- nft list set inet ipsec_wizard ike_peers4 > "$WORK/hq-peers-after.txt"
grep -q "198.51.100.20" "$WORK/hq-peers-after.txt" && fail "branch3 is still in hq's peer set: $(cat "$WORK/hq-peers-after.txt")"
grep -q "198.51.100.10" "$WORK/hq-peers-after.txt" || fail "the removal took branch1 out of hq's peer set too"
grep -q "^branch1: \|^branch2: " "$WORK/remove.log" && fail "the removal touched a gateway of another tunnel: $(tail -n 5 "$WORK/remove.log")"
in_node host-branch1 -- ping -c 3 -W 2 10.0.0.10 > /dev/null 2>&1 || fail "hq-branch1 stopped after hq-branch3 was removed"
in_node host-branch2 -- ping -c 3 -W 2 10.0.0.10 > /dev/null 2>&1 || fail "hq-branch2 stopped after hq-branch3 was removed"
if in_node host-branch3 -- ping -c 1 -W 1 10.0.0.10 > /dev/null 2>&1; then fail "branch3 still reaches hq after its tunnel was removed"; fi
echo "ok: hq-branch3 removed from hq and branch3; hq-branch1 and hq-branch2 still pass traffic"
