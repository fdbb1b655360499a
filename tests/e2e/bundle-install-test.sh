#!/bin/bash
# From profile to installed gateway files, the way an admin does it: `ipsec-wizard bundle`,
# unpack the .tar.gz with tar, run each install.sh into a scratch root, and check the result
# against `ipsec-wizard generate` and a real charon.
. "$(dirname "$0")/../integration/lib.sh"
need_root
need_tool tar tar
load="$(dirname "$0")/../integration/charon-load.sh"
export IPSECWIZ_CHARON_LOG_DIR="$WORK" # charon's logs stay with this test's, for secrets_not_in_logs
profile="$FIXTURES/seed-strongswan.json"
echo 0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef > "$WORK/psk"
chmod 600 "$WORK/psk"

"$IPSECWIZ" bundle "$profile" -o "$WORK/seed.tar.gz" --psk-file "$WORK/psk" >/dev/null || fail "bundle"
[ "$(stat -c %a "$WORK/seed.tar.gz")" = 600 ] || fail "the archive holds the key but is not mode 0600"
# (listed into a variable first: grep -q closing the pipe early would fail the pipeline)
listing=$(tar -tvzf "$WORK/seed.tar.gz")
grep -q '^-rw------- root/root .* gateway-a/etc/swanctl/conf.d/seed.conf$' <<<"$listing" \
	|| fail "the secret is not 0600 root:root inside the archive: $listing"

mkdir "$WORK/unpacked"
tar -xzf "$WORK/seed.tar.gz" -C "$WORK/unpacked"
"$IPSECWIZ" generate "$profile" --out "$WORK/generated" --psk-file "$WORK/psk" >/dev/null || fail "generate"

for side in a b; do
	root="$WORK/root-$side"
	mkdir "$root"
	sh "$WORK/unpacked/gateway-$side/install.sh" --root "$root" > "$WORK/install-$side.log" || fail "install.sh for $side: $(cat "$WORK/install-$side.log")"
	# Every file where it belongs, byte for byte what `generate` writes, with the same mode.
	(cd "$WORK/generated/gateway-$side" && find . -type f) | while read -r f; do
		cmp -s "$WORK/generated/gateway-$side/$f" "$root/$f" || fail "gateway $side: $f differs from generate's"
		[ "$(stat -c %a "$WORK/generated/gateway-$side/$f")" = "$(stat -c %a "$root/$f")" ] || fail "gateway $side: $f has the wrong mode"
	done
	"$load" "$root/etc/swanctl/conf.d/seed.conf" >/dev/null || fail "charon refused the installed file of gateway $side"
	# The key never shows up in what install.sh prints.
	grep -q "$(cat "$WORK/psk")" "$WORK/install-$side.log" && fail "install.sh printed the key"
done
echo "bundle unpacked with tar, installed into two scratch roots, matches generate, and charon loads it"
