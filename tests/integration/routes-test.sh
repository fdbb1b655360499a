#!/bin/bash
# routes.sh without a default router in the profile, run for real in a gateway namespace of this
# test's own: it takes the next hop the gateway itself uses for the peer (ip route get) and says
# what it found; it follows an on-link peer directly; with no route to the peer it stops with a
# message and exit 1. (The profile's public addresses are on different subnets and name no
# router: once an error in the wizard, now the most common real case.)
. "$(dirname "$0")/lib.sh"
need_root
need_tool ip iproute2

ns=iwzrt-$$
g=$ns-gw
r=$ns-isp
cleanup() { ip netns del "$g" 2>/dev/null || true; ip netns del "$r" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
ip netns add "$g"
ip netns add "$r"
ip link add iwzrt0 netns "$g" type veth peer name eth0 netns "$r"
ip -n "$g" link set iwzrt0 name eth0
ip -n "$g" addr add 203.0.113.1/24 dev eth0
ip -n "$r" addr add 203.0.113.254/24 dev eth0
ip -n "$g" link add lan0 type veth peer name lan1
ip -n "$g" link set lan1 up
ip -n "$g" addr add 192.168.1.1/24 dev lan0
for n in "$g" "$r"; do ip -n "$n" link set lo up; ip -n "$n" link set eth0 up; done
ip -n "$g" link set lan0 up
ip -n "$g" route add default via 203.0.113.254

# The seed's profile, gateway B on another ISP's subnet, no default router anywhere.
sed -e 's|"203.0.113.2/24"|"198.51.100.2/24"|' -e 's|"host": "203.0.113.2"|"host": "198.51.100.2"|' "$EXAMPLE" > "$WORK/isp.json"
"$IPSECWIZ" validate "$WORK/isp.json" > "$WORK/validate.log" 2>&1 || fail "the profile is refused: $(cat "$WORK/validate.log")"
echo 0x00112233445566778899aabbccddeeff > "$WORK/psk"
"$IPSECWIZ" generate "$WORK/isp.json" --side a --out "$WORK/out" --psk-file "$WORK/psk" > "$WORK/generate.log" 2>&1 \
	|| fail "generate: $(cat "$WORK/generate.log")"
routes="$WORK/out/gateway-a/etc/ipsec-wizard/seed/routes.sh"
grep -q 'ip route get 198.51.100.2' "$routes" || fail "routes.sh does not ask the gateway: $(cat "$routes")"

# Via the gateway's own default route.
ip netns exec "$g" sh "$routes" > "$WORK/routes1.log" 2>&1 || fail "routes.sh failed: $(cat "$WORK/routes1.log")"
grep -q "routes.sh: 198.51.100.2 is reached via 203.0.113.254 (dev eth0)" "$WORK/routes1.log" || fail "routes.sh did not say what it found: $(cat "$WORK/routes1.log")"
route=$(ip -n "$g" route show 192.168.2.0/24)
[ "$route" = "192.168.2.0/24 via 203.0.113.254 dev eth0 src 192.168.1.1 " ] || [ "$route" = "192.168.2.0/24 via 203.0.113.254 dev eth0 src 192.168.1.1" ] \
	|| fail "the route is “$route”"
ip netns exec "$g" sh "$routes" > "$WORK/routes2.log" 2>&1 || fail "routes.sh failed the second time: $(cat "$WORK/routes2.log")"
[ "$(ip -n "$g" route show 192.168.2.0/24 | wc -l)" = 1 ] || fail "a second run doubled the route"
echo "ok: via the gateway's own next hop, said, and a second run changes nothing"

# An on-link peer: straight to it.
ip -n "$g" addr add 198.51.100.1/24 dev eth0
ip netns exec "$g" sh "$routes" > "$WORK/routes3.log" 2>&1 || fail "routes.sh failed on-link: $(cat "$WORK/routes3.log")"
grep -q "routes.sh: 198.51.100.2 is on the link of dev eth0" "$WORK/routes3.log" || fail "on-link not said: $(cat "$WORK/routes3.log")"
ip -n "$g" route show 192.168.2.0/24 | grep -q "via 198.51.100.2 dev eth0" || fail "on-link: the route is “$(ip -n "$g" route show 192.168.2.0/24)”"
echo "ok: an on-link peer is the next hop itself"

# No route to the peer at all: a message and exit 1, no route set.
ip -n "$g" addr del 198.51.100.1/24 dev eth0
ip -n "$g" route del default
ip -n "$g" route del 192.168.2.0/24
rc=0
ip netns exec "$g" sh "$routes" > "$WORK/routes4.log" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "no route: exit $rc: $(cat "$WORK/routes4.log")"
grep -q "routes.sh: no route to the peer 198.51.100.2" "$WORK/routes4.log" || fail "no route: not said: $(cat "$WORK/routes4.log")"
[ -z "$(ip -n "$g" route show 192.168.2.0/24)" ] || fail "no route: a route was set anyway"
echo "routes: without a default router routes.sh follows the gateway's own route to the peer, says so, and stops when there is none"
