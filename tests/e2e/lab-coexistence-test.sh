#!/bin/bash
# Coexistence on the lab's two real gateways (sshd + charon), through the CLI: the gateways already
# hold the admin's own configuration (a swanctl connection, an nftables table, a racoon-tool.conf
# and psk.txt of theirs); the program pushes two tunnels between them, one push of the second is
# rolled back by fault injection (its tunnel test cannot pass), and the second is removed again.
# At every step the admin's bytes on both gateways are the same (sha256 of every file in /etc the
# program did not write, and the admin's table), and the first tunnel still carries traffic; after
# the removal its IKE still gets through the firewall both tunnels shared.
. "$(dirname "$0")/../integration/lib.sh"
need_root
LAB="$IPSECWIZ_SOURCE_DIR/lab/lab.sh"
export IPSECWIZ_LAB_DIR="$WORK/lab"
trap '"$LAB" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"$LAB" down >/dev/null 2>&1 || true
"$LAB" up > "$WORK/lab-up.log" 2>&1 || fail "lab up: $(cat "$WORK/lab-up.log")"
P=$("$LAB" profile)
lab() { "$LAB" exec "$@"; }
umask 077

# The second tunnel: the same two gateways, networks of its own, its own key, and identities of
# its own. (With the same identities, charon would run both tunnels' children in one IKE SA, and
# the responder would look for the second's networks in the first's connection: TS_UNACCEPTABLE.
# Tunnels between the same two sites of one profile are refused for that reason.)
P2=$WORK/lab2.json
sed -e 's/"name": "lab"/"name": "lab2"/' -e 's|10\.1\.0\.0/24|10.11.0.0/24|' -e 's|10\.2\.0\.0/24|10.12.0.0/24|' \
	-e 's|"10\.1\.0\.1"|"10.11.0.1"|' -e 's|"10\.2\.0\.1"|"10.12.0.1"|' \
	-e '0,/"flavour": "strongswan",$/s//"flavour": "strongswan", "identity": "a.lab2.example.net",/' \
	-e "s|\"psk\": \"0x[0-9a-f]*\"|\"psk\": \"0x$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')\"|" "$P" |
	sed -e 's/"flavour": "strongswan",$/"flavour": "strongswan", "identity": "b.lab2.example.net",/' > "$P2"
grep -q '"name": "lab2"' "$P2" && grep -q '10.12.0.0/24' "$P2" && grep -q 'a.lab2.example.net' "$P2" && grep -q 'b.lab2.example.net' "$P2" \
	|| fail "could not derive the second tunnel's profile"
"$IPSECWIZ" validate "$P2" > "$WORK/validate-lab2.log" 2>&1 || fail "the second tunnel's profile is invalid: $(cat "$WORK/validate-lab2.log")"
lab gateway-a -- ip addr add 10.11.0.1/24 dev lan0 || fail "cannot give gateway A an address in 10.11.0.0/24"
lab gateway-b -- ip addr add 10.12.0.1/24 dev lan0 || fail "cannot give gateway B an address in 10.12.0.0/24"

push() { # LOG PROFILE ARGS…: the push, its output in LOG
	local log=$1 profile=$2
	shift 2
	"$IPSECWIZ" push "$profile" --yes --apply-firewall "$@" > "$WORK/$log" 2>&1
}
first_tunnel_passes() { lab host-a -- ping -c 2 -W 2 10.2.0.10 >/dev/null 2>&1; }
second_tunnel_passes() { lab gateway-a -- ping -c 2 -W 2 -I 10.11.0.1 10.12.0.1 >/dev/null 2>&1; }

push push-lab.log "$P" || fail "the first tunnel's push: $(tail -n 20 "$WORK/push-lab.log")"
first_tunnel_passes || fail "the first tunnel does not pass traffic"

# The admin's own configuration, on both gateways.
for g in a b; do
	plant_admin_config "gateway-$g"
	lab "gateway-$g" -- sh -c 'mkdir -p /etc/racoon && printf "peer(192.0.2.77):\n\tpassive: off\n" > /etc/racoon/racoon-tool.conf &&
		printf "192.0.2.77\tadmins-own-key" > /etc/racoon/psk.txt && chmod 600 /etc/racoon/psk.txt' || fail "cannot plant the admin's racoon files"
	lab "gateway-$g" -- swanctl --load-all > "$WORK/admin-load-$g.log" 2>&1 || fail "charon refused the admin's connection on $g"
done
admins_bytes() { # everything in /etc the program did not write, and the admin's table, on both gateways
	for g in a b; do
		echo "== gateway-$g"
		lab "gateway-$g" -- sh -c 'cd /etc && find . -type f ! -path "./netns/*" ! -path "./ipsec-wizard/*" ! -path "./swanctl/conf.d/lab.conf*" \
			! -path "./swanctl/conf.d/lab2.conf*" -printf "%m %u %p\n" | sort &&
			find . -type f ! -path "./netns/*" ! -path "./ipsec-wizard/*" ! -path "./swanctl/conf.d/lab.conf*" ! -path "./swanctl/conf.d/lab2.conf*" -print0 |
			sort -z | xargs -0 sha256sum' 2>/dev/null
		lab "gateway-$g" -- nft list table inet admin | sed 's/packets [0-9]* bytes [0-9]*//'
	done
}
admins_bytes > "$WORK/admin-before.txt" || fail "cannot take the gateways' checksums"
[ "$(grep -c 'racoon/psk.txt\|swanctl/conf.d/admin.conf' "$WORK/admin-before.txt")" = 8 ] || fail "the checksums miss the admin's files"
same_admin_bytes() { # STEP
	admins_bytes > "$WORK/admin-$1.txt" || fail "$1: cannot take the checksums"
	diff -u "$WORK/admin-before.txt" "$WORK/admin-$1.txt" >&2 || fail "$1: the admin's bytes changed"
}

# 1. A second tunnel beside the first.
push push-lab2.log "$P2" || fail "the second tunnel's push: $(tail -n 20 "$WORK/push-lab2.log")"
second_tunnel_passes || fail "the second tunnel does not pass traffic"
first_tunnel_passes || fail "the first tunnel stopped after the second was pushed"
same_admin_bytes push
for g in a b; do
	lab "gateway-$g" -- nft list table inet ipsec_wizard_lab2 >/dev/null 2>&1 || fail "gateway-$g has no table of the second tunnel"
	lab "gateway-$g" -- swanctl --list-conns | grep -q '^admin-branch: ' || fail "gateway-$g lost the admin's connection"
done
echo "ok: two tunnels and the admin's configuration side by side"

# 2. A change of the second tunnel that cannot pass its tunnel test (B's end of it is gone): both
# gateways roll back to exactly the bytes they had.
ours() { for g in a b; do lab "gateway-$g" -- sh -c 'cat /etc/swanctl/conf.d/lab2.conf /etc/ipsec-wizard/lab2/* 2>/dev/null | sha256sum'; done; }
ours > "$WORK/ours-before.txt"
sed 's/"lifetime": 3600/"lifetime": 1800/' "$P2" > "$WORK/lab2-changed.json"
lab gateway-b -- ip addr del 10.12.0.1/24 dev lan0 || fail "cannot take B's end of the second tunnel away"
if push push-fault.log "$WORK/lab2-changed.json"; then fail "a push whose tunnel test cannot pass succeeded"; fi
grep -q "tunnel test failed" "$WORK/push-fault.log" || fail "the failed push does not say why: $(tail -n 5 "$WORK/push-fault.log")"
grep -q "gateway A: rolled back" "$WORK/push-fault.log" && grep -q "gateway B: rolled back" "$WORK/push-fault.log" \
	|| fail "not both rolled back: $(tail -n 5 "$WORK/push-fault.log")"
ours > "$WORK/ours-after.txt"
cmp -s "$WORK/ours-before.txt" "$WORK/ours-after.txt" || fail "the rollback did not restore the second tunnel's files byte for byte"
same_admin_bytes rollback
first_tunnel_passes || fail "the first tunnel stopped after the rollback"
lab gateway-b -- ip addr add 10.12.0.1/24 dev lan0 || fail "cannot give B its address back"
echo "ok: a failed change rolled back to the same bytes on both gateways"

# 3. Remove the second tunnel: its pieces go, the first tunnel and the admin's stay.
"$IPSECWIZ" remove "$P2" --tunnel lab2 --yes > "$WORK/remove.log" 2>&1 || fail "remove: $(tail -n 20 "$WORK/remove.log")"
for g in a b; do
	lab "gateway-$g" -- test ! -e /etc/swanctl/conf.d/lab2.conf || fail "gateway-$g still has lab2.conf"
	lab "gateway-$g" -- test -e /etc/swanctl/conf.d/lab.conf || fail "gateway-$g lost the first tunnel's file"
	! lab "gateway-$g" -- swanctl --list-conns | grep -q '^lab2: ' || fail "gateway-$g still has the second connection loaded"
	! lab "gateway-$g" -- nft list table inet ipsec_wizard_lab2 >/dev/null 2>&1 || fail "gateway-$g still has the second tunnel's table"
	lab "gateway-$g" -- nft list set inet ipsec_wizard ike_peers4 | grep -q '198\.51\.100\.' || fail "gateway-$g dropped the peer the first tunnel still needs"
	lab "gateway-$g" -- sh -c 'ls -d /etc/ipsec-wizard/backups/*.lab2.*' > /dev/null 2>&1 || fail "gateway-$g kept no backup of the removal"
done
same_admin_bytes remove
first_tunnel_passes || fail "the first tunnel stopped after the second was removed"
# Its IKE still passes the shared firewall: start it again from scratch.
lab gateway-a -- swanctl --terminate --ike lab --timeout 10 > /dev/null 2>&1 || true
lab gateway-a -- swanctl --initiate --child lab --timeout 20 > "$WORK/initiate.log" 2>&1 || fail "the first tunnel cannot start again: $(cat "$WORK/initiate.log")"
first_tunnel_passes || fail "the first tunnel does not pass traffic after starting again"
! second_tunnel_passes || fail "the removed tunnel still carries traffic"
echo "ok: the second tunnel removed; the first and the admin's configuration untouched"
