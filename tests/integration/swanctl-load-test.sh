#!/bin/bash
# Every generated swanctl file is loaded by a real strongSwan charon (swanctl --load-all --file),
# one private charon per file; a deliberately broken file must be refused.
. "$(dirname "$0")/lib.sh"
need_root
need_tool swanctl strongswan-swanctl
[ -x /usr/lib/ipsec/charon ] || fail "charon is missing: apt-get install strongswan-charon libstrongswan-standard-plugins"
load="$(dirname "$0")/charon-load.sh"
export IPSECWIZ_CHARON_LOG_DIR="$WORK" # charon's logs stay with this test's, for secrets_not_in_logs

count=0
for profile in "$FIXTURES"/*.json; do
	name=$(basename "$profile" .json)
	"$IPSECWIZ" generate "$profile" --out "$WORK/$name" >/dev/null 2>"$WORK/$name.err" || { cat "$WORK/$name.err" >&2; fail "generate $name"; }
	for f in $(find "$WORK/$name" -path '*/etc/swanctl/conf.d/*.conf' | sort); do
		[ "$(stat -c %a "$f")" = 600 ] || fail "$f is not mode 0600"
		"$load" "$f" || fail "charon refused $f"
		count=$((count + 1))
	done
done
[ "$count" -ge 6 ] || fail "expected at least 6 swanctl files, loaded $count"

# A network of sites (format version 2): every managed gateway's file per tunnel, NAT, a dynamic
# peer (%any), FQDN and user@FQDN identities, two networks in one traffic selector.
"$IPSECWIZ" generate "$IPSECWIZ_SOURCE_DIR/resources/examples/hub-and-spoke.json" --all --out "$WORK/network" >/dev/null 2>"$WORK/network.err" \
	|| { cat "$WORK/network.err" >&2; fail "generate hub-and-spoke --all"; }
network=0
for f in $(find "$WORK/network" -path '*/etc/swanctl/conf.d/*.conf' | sort); do
	[ "$(stat -c %a "$f")" = 600 ] || fail "$f is not mode 0600"
	"$load" "$f" || fail "charon refused $f"
	network=$((network + 1))
done
[ "$network" = 6 ] || fail "expected 6 swanctl files for the hub and its three branches, loaded $network"
count=$((count + network))

# The same network with racoon on the hub: the dynamic branch (strongSwan) speaks IKEv1 in
# aggressive mode to racoon's anonymous remote (golden file of TestNetworkGenerator).
f="$IPSECWIZ_SOURCE_DIR/tests/golden/hub-and-spoke-racoon/branch2/etc/swanctl/conf.d/hq-branch2.conf"
grep -q 'aggressive = yes' "$f" || fail "$f has no aggressive = yes"
"$load" "$f" || fail "charon refused $f"
count=$((count + 1))

# The check itself must be able to fail.
f=$(find "$WORK/seed-strongswan" -name seed.conf | head -n 1)
sed 's/esp_proposals = .*/esp_proposals = aes128-notanalgorithm/' "$f" > "$WORK/broken.conf"
if "$load" "$WORK/broken.conf" 2>/dev/null; then fail "charon accepted a broken proposal"; fi
echo "charon loaded $count generated swanctl files; a broken one was refused"
