#!/bin/bash
# From profile to installed gateway files, the way an admin does it: `ipsec-wizard bundle`,
# unpack the .tar.gz with tar, run each install.sh into a scratch root, and check the result
# against `ipsec-wizard generate` and a real charon. Then the racoon-tool example's install.sh
# against another user on the machine (nobody) who plants files and links where it writes.
. "$(dirname "$0")/../integration/lib.sh"
need_root
need_tool tar tar
need_tool dash dash
need_tool setpriv util-linux
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

# --- install.sh and another user ---------------------------------------------------------------
# The exploit that once worked: nobody makes (or can write) a folder on the way to where root
# installs, plants an empty 0666 file of theirs under the temporary name the old install.sh
# copied the key into, and a link under the one it copied routes.sh into. Each must fail safely.
"$IPSECWIZ" bundle "$EXAMPLE" -o "$WORK/racoon" --psk-file "$WORK/psk" >/dev/null || fail "bundle of the racoon-tool example"
"$IPSECWIZ" generate "$EXAMPLE" --out "$WORK/racoon-generated" --psk-file "$WORK/psk" >/dev/null || fail "generate the racoon-tool example"
install_sh="$WORK/racoon/gateway-a/install.sh"
generated="$WORK/racoon-generated/gateway-a"
[ -f "$generated/etc/racoon/psk.txt" ] && [ -f "$generated/etc/ipsec-wizard/seed/routes.sh" ] \
	|| fail "the racoon-tool example no longer makes psk.txt and routes.sh: $(cd "$generated" && find . -type f)"
key=$(sed 's/^0x//' "$WORK/psk")
as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"; }

# nobody needs a folder to work in: WORK is root's alone (0700).
scratch=$(mktemp -d)
chmod 1777 "$scratch"
trap 'rm -rf "$WORK" "$scratch"' EXIT

# A file only root may read or write, which the planted links point at.
victim="$WORK/root-only"
echo "root's own file" >"$victim"
chmod 600 "$victim"
victim_state() { echo "$(sha256sum <"$victim") $(stat -c '%a %U' "$victim")"; }
victim_before=$(victim_state)
victim_untouched() { # CASE
	[ "$(victim_state)" = "$victim_before" ] || fail "$1: the root-only file changed: $(victim_state), was $victim_before"
}

plant() { # DIR-OF-PSK DIR-OF-LINK, as nobody
	as_nobody sh -c 'touch "$1/psk.txt.ipsec-wizard-new" && chmod 666 "$1/psk.txt.ipsec-wizard-new" &&
		ln -s "$3" "$2/routes.sh.ipsec-wizard-new"' sh "$1" "$2" "$victim" || fail "nobody could not plant the files"
}

refused_safely() { # CASE ROOT FOLDER-NAMED PLANTED-PSK
	local case=$1 root=$2 folder=$3 planted=$4
	if dash "$install_sh" --root "$root" >"$WORK/$case.out" 2>"$WORK/$case.err"; then
		fail "$case: install.sh installed into a folder nobody can write: $(cat "$WORK/$case.out")"
	fi
	grep -qF "install.sh: $folder is owned by nobody" "$WORK/$case.err" \
		|| fail "$case: the refusal does not name $folder and its owner: $(cat "$WORK/$case.err")"
	victim_untouched "$case"
	[ "$(stat -c '%s %a %U' "$planted")" = "0 666 nobody" ] || fail "$case: the planted file changed: $(stat -c '%s %a %U' "$planted")"
	# Nothing was written: no key anywhere below the folder, for root or for nobody.
	if grep -rqF "$key" "$root"; then fail "$case: the key was written below $root"; fi
	if as_nobody grep -rsqF "$key" "$root"; then fail "$case: nobody can read the key below $root"; fi
	[ -z "$(find "$root" -type f ! -name '*.ipsec-wizard-new')" ] || fail "$case: files were written: $(find "$root" -type f)"
}

# a) nobody makes the whole folder.
a=$(as_nobody mktemp -d -p "$scratch") || fail "nobody cannot make a folder"
a=$(cd "$a" && pwd -P)
as_nobody mkdir -p "$a/etc/racoon" "$a/etc/ipsec-wizard/seed"
plant "$a/etc/racoon" "$a/etc/ipsec-wizard/seed"
refused_safely a "$a" "$a" "$a/etc/racoon/psk.txt.ipsec-wizard-new"
grep -qF "not by you; make a fresh folder with mktemp -d" "$WORK/a.err" || fail "a: no advice: $(cat "$WORK/a.err")"

# b) root makes the folder, but nobody owns a folder inside it.
b=$(mktemp -d -p "$scratch")
b=$(cd "$b" && pwd -P)
chmod 755 "$b"
mkdir -p "$b/etc/racoon"
chown nobody:nogroup "$b/etc/racoon"
plant "$b/etc/racoon" "$b/etc/racoon"
refused_safely b "$b" "$b/etc/racoon" "$b/etc/racoon/psk.txt.ipsec-wizard-new"
[ ! -e "$b/etc/ipsec-wizard" ] || fail "b: folders were made before the refusal"

# c) a fresh folder of root's with leftovers: links to the root-only file under the backup and the
# old temporary names, and older files that get backed up. Replaced, never written through.
c=$(mktemp -d)
trap 'rm -rf "$WORK" "$scratch" "$c"' EXIT
mkdir -p "$c/etc/racoon" "$c/etc/ipsec-wizard/seed"
for f in etc/racoon/psk.txt etc/ipsec-wizard/seed/routes.sh; do
	echo "old $f" >"$c/$f"
	chmod 640 "$c/$f"
	ln -s "$victim" "$c/$f.ipsec-wizard-bak"
	ln -s "$victim" "$c/$f.ipsec-wizard-new"
done
dash "$install_sh" --root "$c" >"$WORK/c.out" 2>&1 || fail "c: install.sh failed: $(cat "$WORK/c.out")"
victim_untouched c
# What it replaced is in a backup folder of its own (never through the planted names), as it was.
bk=$(ls -d "$c"/etc/ipsec-wizard/backups/*.seed.* 2>/dev/null | head -n 1)
[ -n "$bk" ] && [ -f "$bk/manifest" ] || fail "c: no backup folder with a manifest under etc/ipsec-wizard/backups"
for f in etc/racoon/psk.txt etc/ipsec-wizard/seed/routes.sh; do
	n=$(awk -F '\t' -v p="/$f" '$2 == p { print $1 }' "$bk/manifest")
	[ -n "$n" ] && [ -f "$bk/$n" ] && [ ! -L "$bk/$n" ] || fail "c: no plain backup of $f in $bk"
	[ "$(cat "$bk/$n")" = "old $f" ] || fail "c: the backup of $f does not hold the old $f"
	[ "$(stat -c %a "$bk/$n")" = 640 ] || fail "c: the backup of $f lost its mode"
	[ "$(readlink "$c/$f.ipsec-wizard-bak")" = "$victim" ] || fail "c: install.sh touched $f.ipsec-wizard-bak"
	[ "$(readlink "$c/$f.ipsec-wizard-new")" = "$victim" ] || fail "c: install.sh touched $f.ipsec-wizard-new"
done
# psk.txt is the admin's too: the old line stays, the tunnel's block follows it.
head -n 1 "$c/etc/racoon/psk.txt" | grep -qx "old etc/racoon/psk.txt" || fail "c: the admin's line of psk.txt is gone"
[ "$(stat -c '%a %U' "$c/etc/racoon/psk.txt")" = "600 root" ] || fail "c: psk.txt is $(stat -c '%a %U' "$c/etc/racoon/psk.txt")"

# d) what is installed, there and into a fresh folder, is what `generate` writes, with its modes.
d=$(mktemp -d)
trap 'rm -rf "$WORK" "$scratch" "$c" "$d"' EXIT
dash "$install_sh" --root "$d" >"$WORK/d.out" 2>&1 || fail "d: install.sh failed: $(cat "$WORK/d.out")"
for root in "$c" "$d"; do
	(cd "$generated" && find . -type f) | while read -r f; do
		# In c, psk.txt held the admin's line before the block: compare the block only.
		if [ "$root" = "$c" ] && [ "$f" = ./etc/racoon/psk.txt ]; then
			tail -n +2 "$root/$f" | cmp -s "$generated/$f" - || fail "$root: the block of $f differs from generate's"
		else
			cmp -s "$generated/$f" "$root/$f" || fail "$root: $f differs from generate's"
		fi
		[ "$(stat -c %a "$generated/$f")" = "$(stat -c %a "$root/$f")" ] || fail "$root: $f has the wrong mode"
	done
done
grep -qF "$key" "$WORK/c.out" "$WORK/d.out" && fail "install.sh printed the key"
echo "install.sh refused folders nobody owns, replaced planted links without following them, and installed what generate writes"
