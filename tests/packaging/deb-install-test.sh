#!/bin/bash
# Installs the .deb that deb-test.sh built, the way an admin does (apt-get install ./….deb),
# checks that the program, its desktop entry, icon, MIME type, manual page and completion are
# where the desktop and the shell look, then `dpkg -r` and checks that nothing is left.
# A trap purges the package on any failure, so the machine ends as it was.
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" -ne 0 ]; then
	echo "SKIPPED: $(basename "$0") needs root (it installs and removes the package with apt-get and dpkg); run ./test.sh as root" >&2
	exit 77
fi
for t in dpkg:dpkg apt-get:apt man:man-db update-mime-database:shared-mime-info update-desktop-database:desktop-file-utils; do
	need_tool "${t%%:*}" "${t#*:}"
done
[ -r /usr/share/bash-completion/bash_completion ] || fail "bash-completion is missing: apt-get install bash-completion"
[ -f "$DEB" ] || fail "$DEB is missing: the packaging_deb test builds it (ctest runs it first)"

status() { dpkg-query -W -f='${db:Status-Status}' "$PKG" 2>/dev/null || true; }
if [ -n "$(status)" ] && [ "$(status)" != not-installed ]; then
	echo "SKIPPED: $PKG is already on this machine (status: $(status)); the test would replace it and then remove it" >&2
	exit 77
fi

MIME=application/x-ipsec-wizard-profile
TMP=$(mktemp -d)
cleanup() {
	local rc=$?
	if [ -n "$(status)" ] && [ "$(status)" != not-installed ]; then
		echo "cleanup: purging $PKG (status: $(status))" >&2
		dpkg --purge "$PKG" >&2 || true
	fi
	rm -rf "$TMP"
	exit "$rc"
}
trap cleanup EXIT
export DEBIAN_FRONTEND=noninteractive

# What must be the same before the install and after the removal: the names of the files where
# the package puts its files and where the triggers write their caches, and the installed packages.
watched=(/usr/bin /usr/libexec /usr/share/applications /usr/share/icons/hicolor /usr/share/mime /usr/share/metainfo
	/usr/share/man/man1 /usr/share/bash-completion/completions /usr/share/doc /usr/share/ipsec-wizard)
snapshot() { # FILE
	local d existing=()
	for d in "${watched[@]}"; do [ ! -e "$d" ] || existing+=("$d"); done
	find "${existing[@]}" | LC_ALL=C sort >"$1"
	printf 'absent: %s\n' "${watched[@]}" | while read -r _ d; do [ -e "$d" ] || echo "absent: $d"; done >>"$1"
	dpkg-query -W -f='${Package} ${Version} ${db:Status-Status}\n' | LC_ALL=C sort >"$1.packages"
}
snapshot "$TMP/before"

step "apt-get resolves the package from what is installed"
apt-get install -s --no-install-recommends "$DEB" >"$TMP/simulate.txt" 2>&1 || { cat "$TMP/simulate.txt" >&2; fail "apt-get cannot install $DEB"; }
others=$(grep -E '^(Inst|Remv|Conf)' "$TMP/simulate.txt" | grep -vE "^(Inst|Conf) $PKG " || true)
[ -z "$others" ] || fail "installing the package would change other packages (a dependency missing here?):
$others"

step "apt-get install $(basename "$DEB")"
apt-get install -y -q --no-install-recommends "$DEB" >"$TMP/install.txt" 2>&1 || { cat "$TMP/install.txt" >&2; fail "apt-get install"; }
grep -E '^(Setting up|Processing triggers)' "$TMP/install.txt" | sed 's/^/    /'
[ "$(status)" = installed ] || fail "after apt-get install the status is '$(status)'"
dpkg -L "$PKG" >"$TMP/files"

step "the program from PATH"
[ "$(env -i PATH=/usr/local/bin:/usr/bin:/bin sh -c 'command -v ipsec-wizard')" = /usr/bin/ipsec-wizard ] ||
	fail "ipsec-wizard is not /usr/bin/ipsec-wizard on PATH"
version=$(env -i PATH=/usr/bin:/bin ipsec-wizard --version) || fail "ipsec-wizard --version failed"
[ "$version" = "ipsec-wizard $IPSECWIZ_VERSION" ] || fail "--version says '$version'"
env -i PATH=/usr/bin:/bin ipsec-wizard validate /usr/share/ipsec-wizard/examples/seed-topology.json >/dev/null 2>&1 ||
	fail "the installed program does not validate the installed example"
# `lab` finds the installed lab script from the program in /usr/libexec/ipsec-wizard/ (no source tree needed).
lab_dir=$(mktemp -d)
out=$(env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin IPSECWIZ_LAB_DIR="$lab_dir" ipsec-wizard lab profile 2>&1 || true)
rmdir "$lab_dir" 2>/dev/null || true
[[ $out == *"$lab_dir/lab-profile.json"* ]] || fail "ipsec-wizard lab did not run the installed lab.sh: $out"

step "the desktop entry, the icon and the MIME type where desktops look"
[ -f /usr/share/applications/ipsec-wizard.desktop ] || fail "no /usr/share/applications/ipsec-wizard.desktop"
grep -q "^$MIME=.*ipsec-wizard.desktop" /usr/share/applications/mimeinfo.cache ||
	fail "the desktop-file-utils trigger did not register ipsec-wizard.desktop for $MIME in mimeinfo.cache"
[ -f /usr/share/icons/hicolor/scalable/apps/ipsec-wizard.svg ] || fail "no scalable hicolor icon"
for size in 16 22 24 32 48 64 128 256; do
	[ -f "/usr/share/icons/hicolor/${size}x${size}/apps/ipsec-wizard.png" ] || fail "no ${size}x${size} hicolor icon"
done
if [ -f /usr/share/icons/hicolor/icon-theme.cache ]; then
	grep -qa ipsec-wizard /usr/share/icons/hicolor/icon-theme.cache || fail "the hicolor icon cache does not know ipsec-wizard"
fi
grep -q ":$MIME:\*\.ipsecwiz\.json$" /usr/share/mime/globs2 || fail "the shared-mime-info trigger did not register *.ipsecwiz.json"
[ -f /usr/share/metainfo/invalid.example.ipsec_wizard.metainfo.xml ] || fail "no AppStream metainfo"

step "man ipsec-wizard, and the completion bash loads on demand"
if grep -rqs '^path-exclude=\?/usr/share/man/' /etc/dpkg/dpkg.cfg.d/; then
	echo "    (dpkg here excludes /usr/share/man, as slim container images do: man not checked)"
else
	[ "$(man -w ipsec-wizard)" = /usr/share/man/man1/ipsec-wizard.1.gz ] || fail "man -w ipsec-wizard: $(man -w ipsec-wizard 2>&1)"
	man_text=$(MANWIDTH=80 man ipsec-wizard 2>&1) || fail "man ipsec-wizard: $man_text"
	grep -q '^EXIT STATUS' <<<"$man_text" || fail "man ipsec-wizard does not render: $man_text"
fi
spec=$(bash -c '. /usr/share/bash-completion/bash_completion; _completion_loader ipsec-wizard; complete -p ipsec-wizard' 2>&1) || true
[[ $spec == *"-F _ipsec_wizard ipsec-wizard" ]] || fail "bash-completion does not load the completion on demand: $spec"

step "dpkg -r $PKG"
dpkg -r "$PKG" >"$TMP/remove.txt" 2>&1 || { cat "$TMP/remove.txt" >&2; fail "dpkg -r"; }
sed 's/^/    /' "$TMP/remove.txt"
# With no conffiles, dpkg forgets the package entirely (or keeps it as not-installed).
[ -z "$(status)" ] || [ "$(status)" = not-installed ] || fail "after dpkg -r the status is '$(status)' (files it keeps: $(dpkg -L "$PKG" 2>&1))"
left=$(while read -r f; do [ -d "$f" ] || [ ! -e "$f" ] || echo "$f"; done <"$TMP/files")
[ -z "$left" ] || fail "files left after dpkg -r: $left"
for d in /usr/share/ipsec-wizard /usr/share/doc/ipsec-wizard; do
	[ ! -e "$d" ] || fail "$d is left after dpkg -r"
done
! grep -q "$MIME" /usr/share/applications/mimeinfo.cache || fail "mimeinfo.cache still names $MIME"
! grep -q "$MIME" /usr/share/mime/globs2 || fail "the MIME database still knows $MIME"
snapshot "$TMP/after"
diff -u "$TMP/before" "$TMP/after" || fail "the machine's files differ after install and removal (above)"
diff -u "$TMP/before.packages" "$TMP/after.packages" || fail "the installed packages differ after install and removal (above)"

step "ok: installed, found, removed without a trace in ${SECONDS}s"
