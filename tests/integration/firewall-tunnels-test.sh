#!/bin/bash
# Several tunnels' firewall rules on one gateway, with real packets: each tunnel's firewall.nft
# adds its peer to the gateway-wide sets, so IKE from every configured peer arrives and IKE from
# a stranger is dropped, with two and then three tunnels loaded; loading a file again doubles
# nothing; taking one tunnel out cuts only that tunnel; and the shared table comes back exactly as
# it was from its listing (what a rollback does). Gateway, peers and a stranger are network
# namespaces of this test's own (iwzfw-*), joined by veth pairs; nothing else is touched.
# Then the hub of a network (format version 2): its tunnels' files admit a peer behind NAT at its
# public address and, while a tunnel's peer has a changing address, IKE from anywhere; taking that
# tunnel out closes it again.
. "$(dirname "$0")/lib.sh"
need_root
need_tool nft nftables
need_tool ip iproute2

ns=iwzfw-$$
gw=$ns-gw
cleanup() { for n in gw p1 p2 p3 p4; do ip netns del "$ns-$n" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
ip netns add "$gw"
ip -n "$gw" link set lo up
for i in 1 2 3 4; do
	ip netns add "$ns-p$i"
	ip link add "iwzfw$i" netns "$gw" type veth peer name eth0 netns "$ns-p$i"
	ip -n "$gw" addr add "10.77.$i.1/24" dev "iwzfw$i"
	ip -n "$gw" link set "iwzfw$i" up
	ip -n "$ns-p$i" addr add "10.77.$i.2/24" dev eth0
	ip -n "$ns-p$i" link set eth0 up
done
gwnft() { ip netns exec "$gw" nft "$@"; }

# Three tunnels from the gateway (site A, 10.100.0.0/24) to peers 1, 2 and 3; peer 4 is a stranger.
echo 0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff > "$WORK/psk"
for i in 1 2 3; do
	sed -e "s/\"name\": \"seed\"/\"name\": \"t$i\"/" \
		-e "s|\"networkA\": \"[^\"]*\"|\"networkA\": \"10.100.0.0/24\"|" -e "s|\"networkB\": \"[^\"]*\"|\"networkB\": \"10.10$i.0.0/24\"|" \
		-e "s|\"203.0.113.1/24\"|\"10.77.$i.1/24\"|" -e "s|\"203.0.113.2/24\"|\"10.77.$i.2/24\"|" \
		-e "s|\"192.168.1.1\"|\"10.100.0.1\"|" -e "s|\"192.168.2.1\"|\"10.10$i.0.1\"|" \
		-e 's|"host": "203.0.113.[12]"|"host": ""|' -e 's/"racoon-tool"/"strongswan"/' \
		"$EXAMPLE" > "$WORK/t$i.json"
	"$IPSECWIZ" generate "$WORK/t$i.json" --side a --out "$WORK/t$i" --psk-file "$WORK/psk" > "$WORK/generate-t$i.log" 2>&1 \
		|| fail "generate t$i: $(cat "$WORK/generate-t$i.log")"
	[ -f "$WORK/t$i/gateway-a/etc/ipsec-wizard/t$i/firewall.nft" ] || fail "no firewall.nft for t$i"
done
rules() { echo "$WORK/t$1/gateway-a/etc/ipsec-wizard/t$1/firewall.nft"; }

# The witness: a chain after ours (a later priority) counts the IKE packets that got through.
gwnft -f - <<'NFT'
table inet witness {
	chain input {
		type filter hook input priority 10; policy accept;
		ip saddr 10.77.1.2 udp dport 500 counter
		ip saddr 10.77.2.2 udp dport 500 counter
		ip saddr 10.77.3.2 udp dport 500 counter
		ip saddr 10.77.4.2 udp dport 500 counter
	}
}
NFT
arrived() { gwnft list chain inet witness input | sed -n "s/.*ip saddr 10.77.$1.2 udp dport 500 counter packets \([0-9]*\).*/\1/p"; }
send_all() { for i in 1 2 3 4; do ip netns exec "$ns-p$i" bash -c "echo ike > /dev/udp/10.77.$i.1/500" || fail "peer $i could not send"; done; sleep 0.3; }
expect() { # STEP P1 P2 P3 P4: 1 when the packet must arrive, 0 when it must be dropped
	local step=$1 i want got
	shift
	declare -A before
	for i in 1 2 3 4; do before[$i]=$(arrived "$i"); done
	send_all
	for i in 1 2 3 4; do
		want=$1
		shift
		got=$(($(arrived "$i") - ${before[$i]}))
		[ "$got" = "$want" ] || fail "$step: IKE from peer $i: $got arrived, expected $want"
	done
	echo "ok: $step"
}

expect "no rules yet: everything arrives" 1 1 1 1
gwnft -f "$(rules 1)" || fail "nft refused t1"
gwnft -f "$(rules 2)" || fail "nft refused t2"
expect "two tunnels: peers 1 and 2 arrive, 3 and 4 are dropped" 1 1 0 0
gwnft list table inet ipsec_wizard > "$WORK/shared-two.nft"
gwnft -f "$(rules 3)" || fail "nft refused t3"
expect "three tunnels: peers 1, 2 and 3 arrive, the stranger is dropped" 1 1 1 0
gwnft -f "$(rules 1)" || fail "nft refused t1 again"
[ "$(gwnft list chain inet ipsec_wizard input | grep -c 'udp dport { 500, 4500 }')" = 5 ] || fail "loading t1 again doubled rules"
[ "$(gwnft list set inet ipsec_wizard ike_peers4 | grep -o '10\.77\.[0-9]\.2' | sort -u | wc -l)" = 3 ] || fail "the peer set is not the three peers"
expect "t1 loaded again: nothing doubled, nothing lost" 1 1 1 0
# A rollback of t3: the shared table back from its listing, exactly.
gwnft delete table inet ipsec_wizard
gwnft -f "$WORK/shared-two.nft" || fail "nft refused the shared table's own listing"
diff <(sed 's/packets [0-9]* bytes [0-9]*//' "$WORK/shared-two.nft") <(gwnft list table inet ipsec_wizard | sed 's/packets [0-9]* bytes [0-9]*//') \
	|| fail "the shared table did not come back as it was"
gwnft delete table inet ipsec_wizard_t3
expect "t3 rolled back: peers 1 and 2 still arrive" 1 1 0 0
# Taking tunnel 2 out cuts tunnel 2 only.
gwnft delete element inet ipsec_wizard ike_peers4 '{ 10.77.2.2 }'
gwnft delete table inet ipsec_wizard_t2
expect "t2 taken out: only peer 1 arrives" 1 0 0 0

# A network's hub: peer 1 reached directly (two networks), peer 2 behind NAT at its public
# address, peer 3 with a changing address. Fresh tables first.
gwnft delete table inet ipsec_wizard
gwnft delete table inet ipsec_wizard_t1
cat > "$WORK/net.json" <<'JSON'
{ "format": "ipsec-wizard-profile", "version": 2, "name": "fw",
  "topology": { "template": "hub-and-spoke", "hub": "hq" },
  "sites": [
    { "name": "hq", "networks": ["10.100.0.0/24"],
      "gateway": { "localAddress": "10.77.1.1", "internalAddress": "10.100.0.1", "identity": { "kind": "fqdn", "value": "hq.example.net" } } },
    { "name": "p1", "networks": ["10.101.0.0/24", "10.111.0.0/24"],
      "gateway": { "localAddress": "10.77.1.2", "internalAddress": "10.101.0.1" } },
    { "name": "p2", "networks": ["10.102.0.0/24"],
      "gateway": { "localAddress": "172.16.2.2", "publicAddress": "10.77.2.2", "internalAddress": "10.102.0.1",
                   "identity": { "kind": "fqdn", "value": "p2.example.net" } } },
    { "name": "p3", "networks": ["10.103.0.0/24"],
      "gateway": { "localAddress": "172.16.3.2", "dynamic": true, "internalAddress": "10.103.0.1",
                   "identity": { "kind": "fqdn", "value": "p3.example.net" } } }
  ] }
JSON
"$IPSECWIZ" generate "$WORK/net.json" --all --out "$WORK/net" > "$WORK/generate-net.log" 2>&1 || fail "generate the network: $(cat "$WORK/generate-net.log")"
hub() { echo "$WORK/net/hq/etc/ipsec-wizard/$1/firewall.nft"; }
for t in hq-p1 hq-p2; do gwnft -f "$(hub "$t")" || fail "nft refused $t"; done
gwnft list table inet ipsec_wizard_hq_p1 | grep -q '10.101.0.0/24, 10.111.0.0/24' || fail "hq-p1's forward rules do not name both of p1's networks"
expect "the hub with p1 and p2 (behind NAT): both arrive, p3 and the stranger are dropped" 1 1 0 0
gwnft -f "$(hub hq-p3)" || fail "nft refused hq-p3"
expect "with p3, whose address changes: IKE from anywhere arrives" 1 1 1 1
# Removing hq-p3 (what remove does): its table, and "anywhere" since no other tunnel names it.
grep -qsF 'add element inet ipsec_wizard ike_open4 { 0.0.0.0/0 }' "$(hub hq-p1)" "$(hub hq-p2)" && fail "another tunnel names anywhere"
gwnft delete table inet ipsec_wizard_hq_p3
gwnft delete element inet ipsec_wizard ike_open4 '{ 0.0.0.0/0 }'
expect "hq-p3 taken out: p1 and p2 arrive, the rest is dropped again" 1 1 0 0
echo "firewall tunnels: IKE from every configured peer arrives, from a stranger it is dropped, with 2 and 3 tunnels; reload, rollback and removal touch only their own"
