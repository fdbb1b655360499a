#!/bin/bash
# Every generated nftables ruleset passes `nft -c -f`, every iptables ruleset
# `iptables-restore --test --noflush` (ip6tables-restore for IPv6), run in a private network
# namespace so nothing on this machine is touched; broken rules must be refused.
. "$(dirname "$0")/lib.sh"
need_root
need_tool nft nftables
need_tool iptables-restore iptables
need_tool unshare util-linux

check() { # FILE: exit status of the right checker
	case "$1" in
	*.nft) unshare --net nft -c -f "$1" ;;
	*.iptables)
		if grep -q '^# Load with: ip6tables-restore' "$1"; then
			unshare --net ip6tables-restore --test --noflush < "$1"
		else
			unshare --net iptables-restore --test --noflush < "$1"
		fi ;;
	esac
}

count=0
for profile in "$EXAMPLE" "$FIXTURES"/*.json; do
	name=$(basename "$profile" .json)
	"$IPSECWIZ" generate "$profile" --out "$WORK/$name" --psk-file <(echo 0x00112233445566778899aabbccddeeff) >/dev/null 2>&1 \
		|| fail "generate $name"
	for f in $(find "$WORK/$name" -name 'firewall.*' | sort); do
		check "$f" || fail "rejected: $f"
		count=$((count + 1))
	done
done
[ "$count" -ge 16 ] || fail "expected at least 16 rulesets, checked $count"

# The checkers must be able to fail.
f=$(find "$WORK/seed-topology" -name firewall.nft | head -n 1)
sed 's/meta ipsec exists/meta ipsec exits/' "$f" > "$WORK/broken.nft"
if check "$WORK/broken.nft" 2>/dev/null; then fail "nft accepted a broken ruleset"; fi
f=$(find "$WORK/seed-topology" -name firewall.iptables | head -n 1)
sed 's/--pol ipsec/--pol ipsex/' "$f" > "$WORK/broken.iptables"
if check "$WORK/broken.iptables" 2>/dev/null; then fail "iptables-restore accepted a broken ruleset"; fi
echo "checked $count generated rulesets with nft -c and iptables-restore --test; broken ones were refused"
