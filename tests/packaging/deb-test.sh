#!/bin/bash
# The .deb, built from this source tree by its own `package` preset in a scratch build tree,
# then checked by Debian's tools: the control fields, the contents, lintian, desktop-file-validate,
# appstreamcli, man --warnings; and the manual page and the bash completion against `--help`.
# Needs no root: the package is only unpacked here (deb-install-test.sh installs it).
. "$(dirname "$0")/lib.sh"

for t in cmake:cmake ninja:ninja-build cpack:cmake dpkg-deb:dpkg dpkg-shlibdeps:dpkg-dev \
	dpkg-parsechangelog:dpkg-dev lintian:lintian desktop-file-validate:desktop-file-utils \
	appstreamcli:appstream man:man-db rsvg-convert:librsvg2-bin update-mime-database:shared-mime-info \
	file:file objdump:binutils; do
	need_tool "${t%%:*}" "${t#*:}"
done
[ -r /usr/share/bash-completion/bash_completion ] || fail "bash-completion is missing: apt-get install bash-completion"

[ "${IPSECWIZ_PACKAGING_FRESH:-0}" = 1 ] && rm -rf "$BUILD"
rm -rf "$ROOT" "$LOGS"
mkdir -p "$BUILD" "$LOGS"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
log_fail() { # LOG MESSAGE
	tail -n 40 "$1" >&2
	fail "$2 (the whole log: $1)"
}

# --- build -------------------------------------------------------------------------------------
step "configure $BUILD with the package preset"
cmake -S "$IPSECWIZ_SOURCE_DIR" --preset package -B "$BUILD" >"$LOGS/configure.log" 2>&1 ||
	log_fail "$LOGS/configure.log" "cmake --preset package"
step "build (the program and the packaging files only: the preset builds no tests)"
cmake --build "$BUILD" -j "$(nproc)" >"$LOGS/build.log" 2>&1 || log_fail "$LOGS/build.log" "the build"
step "cpack -G DEB"
rm -f "$BUILD"/*.deb
(cd "$BUILD" && cpack -G DEB) >"$LOGS/cpack.log" 2>&1 || log_fail "$LOGS/cpack.log" "cpack -G DEB"
[ -f "$DEB" ] || fail "cpack made no $(basename "$DEB"): $(ls "$BUILD"/*.deb 2>/dev/null)"
echo "$DEB ($(stat -c %s "$DEB") bytes)"

# --- control fields ----------------------------------------------------------------------------
step "control fields"
field() { dpkg-deb -f "$DEB" "$1"; }
[ "$(field Package)" = "$PKG" ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$IPSECWIZ_VERSION" ] || fail "Version: $(field Version), the project is $IPSECWIZ_VERSION"
[ "$(field Architecture)" = "$ARCH" ] || fail "Architecture: $(field Architecture)"
[ "$(field Section)" = net ] || fail "Section: $(field Section)"
[ "$(field Priority)" = optional ] || fail "Priority: $(field Priority)"
[[ $(field Maintainer) =~ ^[^\<]+\ \<[^@]+@[^\>]+\>$ ]] || fail "Maintainer: $(field Maintainer)"
[[ $(field Homepage) == https://* ]] || fail "Homepage: $(field Homepage)"
depends=$(field Depends)
for lib in libc6 libqt6core6 libqt6widgets6 libssh-4 libarchive13; do
	[[ $depends == *"$lib "* ]] || fail "Depends lacks $lib (shlibdeps): $depends"
done
[[ $(field Recommends) == *openssh-client* ]] || fail "Recommends: $(field Recommends)"
for p in strongswan-swanctl nftables ansible-core; do
	[[ $(field Suggests) == *"$p"* ]] || fail "Suggests lacks $p: $(field Suggests)"
done
[ "$(field Description | wc -l)" -ge 5 ] || fail "the description has no long part: $(field Description)"
field Description | sed 's/^/    /'

# --- contents ----------------------------------------------------------------------------------
step "contents"
dpkg-deb -x "$DEB" "$ROOT"
dpkg-deb -c "$DEB" >"$LOGS/contents.txt"
expected=(
	usr/bin/ipsec-wizard
	usr/libexec/ipsec-wizard/ipsec-wizard
	usr/share/applications/ipsec-wizard.desktop
	usr/share/mime/packages/ipsec-wizard.xml
	usr/share/metainfo/invalid.example.ipsec_wizard.metainfo.xml
	usr/share/man/man1/ipsec-wizard.1.gz
	usr/share/bash-completion/completions/ipsec-wizard
	usr/share/doc/ipsec-wizard/copyright
	usr/share/doc/ipsec-wizard/changelog.gz
	usr/share/ipsec-wizard/lab/lab.sh
	usr/share/ipsec-wizard/examples/seed-topology.json
	usr/share/ipsec-wizard/examples/hub-and-spoke.json
	usr/share/icons/hicolor/scalable/apps/ipsec-wizard.svg
)
for size in 16 22 24 32 48 64 128 256; do
	expected+=("usr/share/icons/hicolor/${size}x${size}/apps/ipsec-wizard.png")
done
for f in "${expected[@]}"; do
	[ -f "$ROOT/$f" ] || fail "the package lacks /$f"
done
# Nothing outside /usr, nothing a build leaves behind.
outside=$(cd "$ROOT" && find . -mindepth 1 -maxdepth 1 ! -name usr)
[ -z "$outside" ] || fail "the package installs outside /usr: $outside"
strays=$(cd "$ROOT" && find . \( -path ./usr/local -o -path ./usr/include -o -name '*.a' -o -name 'Test*' -o -name '*.cmake' \) -print)
[ -z "$strays" ] || fail "the package holds build leftovers: $strays"
for f in usr/bin/ipsec-wizard usr/libexec/ipsec-wizard/ipsec-wizard usr/share/ipsec-wizard/lab/lab.sh; do
	[ -x "$ROOT/$f" ] || fail "/$f is not executable"
done
for size in 16 22 24 32 48 64 128 256; do
	png="$ROOT/usr/share/icons/hicolor/${size}x${size}/apps/ipsec-wizard.png"
	[[ $(file -b "$png") == "PNG image data, $size x $size,"* ]] || fail "$png is not a ${size}x${size} PNG: $(file -b "$png")"
done
grep -q '<svg' "$ROOT/usr/share/icons/hicolor/scalable/apps/ipsec-wizard.svg" || fail "the scalable icon is not SVG"
# The translations are compiled in (":/i18n"), so there is no .qm file to ship.
if [ -n "$(find "$ROOT" -name '*.qm')" ]; then fail "loose .qm files in the package; app/main.cpp loads them from :/i18n"; fi

step "the packaged binary"
[ "$("$ROOT/usr/bin/ipsec-wizard" --version)" = "ipsec-wizard $IPSECWIZ_VERSION" ] ||
	fail "--version says '$("$ROOT/usr/bin/ipsec-wizard" --version)', not 'ipsec-wizard $IPSECWIZ_VERSION'"
"$ROOT/usr/bin/ipsec-wizard" --help >"$TMP/help.txt" || fail "--help failed"
for example in seed-topology hub-and-spoke; do
	"$ROOT/usr/bin/ipsec-wizard" validate "$ROOT/usr/share/ipsec-wizard/examples/$example.json" >/dev/null 2>&1 ||
		fail "the packaged binary does not validate the packaged example $example.json"
done
for f in usr/bin/ipsec-wizard usr/libexec/ipsec-wizard/ipsec-wizard; do
	if [[ $(file -b "$ROOT/$f") == *'not stripped'* ]]; then fail "/$f is not stripped"; fi
done
# The launcher on PATH links the C and C++ runtimes only (that is its point: it starts in a
# fraction of the program's time); the program links Qt.
needed=$(objdump -p "$ROOT/usr/bin/ipsec-wizard" | awk '$1 == "NEEDED" { print $2 }' | sort | tr '\n' ' ')
[[ $needed != *Qt* && $needed != *ssh* && $needed != *archive* ]] || fail "the launcher links more than the C++ runtime: $needed"
# Taken whole before grep looks at it: with pipefail, grep -q leaving early makes objdump's SIGPIPE a failure.
program_needed=$(objdump -p "$ROOT/usr/libexec/ipsec-wizard/ipsec-wizard" | awk '$1 == "NEEDED" { print $2 }')
grep -q 'libQt6Widgets' <<<"$program_needed" || fail "the program in libexec does not link Qt Widgets: $program_needed"
# The launcher prints the summary of a setkey dump itself: the same bytes as the program.
printf '192.0.2.1 192.0.2.2\n\tesp mode=tunnel spi=256(0x00000100) reqid=1(0x00000001)\n\tseq=0x00000000 replay=4 flags=0x00000000 state=mature\n\tsadb_seq=0 pid=1 refcnt=0\n' >"$TMP/setkey.txt"
[ "$(LC_ALL=C "$ROOT/usr/bin/ipsec-wizard" parse "$TMP/setkey.txt")" = "$(LC_ALL=C "$ROOT/usr/libexec/ipsec-wizard/ipsec-wizard" parse "$TMP/setkey.txt")" ] ||
	fail "the launcher's parse differs from the program's"


# --- lintian -----------------------------------------------------------------------------------
step "lintian"
# Tags the project accepts, each with its reason, are listed in packaging/README.md.
accepted=$(awk '/^## Accepted lintian tags/ { on = 1; next } /^## / { on = 0 } on && /^- `/ { gsub(/`/, "", $2); print $2 }' \
	"$IPSECWIZ_SOURCE_DIR/packaging/README.md" | sed 's/:$//')
rc=0
lintian --display-info --pedantic "$DEB" >"$LOGS/lintian.txt" 2>"$LOGS/lintian.stderr" || rc=$?
grep -v '^running with root privileges' "$LOGS/lintian.stderr" >&2 || true
[ "$rc" -le 1 ] || fail "lintian did not run (exit $rc)"
[ -s "$LOGS/lintian.txt" ] && sed 's/^/    /' "$LOGS/lintian.txt" || echo "    (no tags)"
if grep -q '^E: ' "$LOGS/lintian.txt"; then fail "lintian reports errors"; fi
while read -r level _ tag _; do
	[ "$level" = W: ] || continue
	grep -qxF "$tag" <<<"$accepted" || fail "lintian warning $tag is not accepted in packaging/README.md"
done <"$LOGS/lintian.txt"

# --- desktop entry, MIME type, AppStream -------------------------------------------------------
step "desktop-file-validate"
desktop=$ROOT/usr/share/applications/ipsec-wizard.desktop
desktop-file-validate "$desktop" >"$TMP/dfv.txt" 2>&1 || { cat "$TMP/dfv.txt" >&2; fail "desktop-file-validate"; }
sed 's/^/    /' "$TMP/dfv.txt"
if grep -qE '(error|warning):' "$TMP/dfv.txt"; then fail "desktop-file-validate warns"; fi
grep -qx 'Exec=ipsec-wizard %f' "$desktop" || fail "Exec is not 'ipsec-wizard %f'"
grep -qx 'Icon=ipsec-wizard' "$desktop" || fail "Icon is not ipsec-wizard"
grep -qx 'Categories=Network;Security;' "$desktop" || fail "Categories is not Network;Security;"
mime=$(sed -n 's/^MimeType=\([^;]*\);$/\1/p' "$desktop")
[ "$mime" = application/x-ipsec-wizard-profile ] || fail "MimeType: $mime"

step "the MIME type"
mkdir -p "$TMP/mime/packages"
cp "$ROOT/usr/share/mime/packages/ipsec-wizard.xml" "$TMP/mime/packages/"
XDG_DATA_HOME=$TMP update-mime-database "$TMP/mime" 2>"$TMP/umd.txt" || { cat "$TMP/umd.txt" >&2; fail "update-mime-database"; }
[ ! -s "$TMP/umd.txt" ] || { cat "$TMP/umd.txt" >&2; fail "update-mime-database warns"; }
grep -qx "[0-9]*:$mime:\*\.ipsecwiz\.json" "$TMP/mime/globs2" || fail "*.ipsecwiz.json is not $mime: $(cat "$TMP/mime/globs2")"
grep -qx "$mime application/json" "$TMP/mime/subclasses" || fail "$mime is not a subclass of application/json"

step "appstreamcli validate"
metainfo=$ROOT/usr/share/metainfo/invalid.example.ipsec_wizard.metainfo.xml
appstreamcli validate --no-net --explain "$metainfo" >"$TMP/as.txt" 2>&1 || { cat "$TMP/as.txt" >&2; fail "appstreamcli validate"; }
sed 's/^/    /' "$TMP/as.txt"
# The whole tree: the metainfo's launchable, the desktop entry and the icon agree.
appstreamcli validate-tree --no-net "$ROOT" >"$TMP/astree.txt" 2>&1 || { cat "$TMP/astree.txt" >&2; fail "appstreamcli validate-tree"; }
grep -q '<launchable type="desktop-id">ipsec-wizard.desktop</launchable>' "$metainfo" || fail "the metainfo's launchable is not ipsec-wizard.desktop"
grep -q "<mediatype>$mime</mediatype>" "$metainfo" || fail "the metainfo does not provide $mime"
newest=$(grep -o '<release version="[^"]*"' "$metainfo" | head -1 | cut -d'"' -f2)
[ "$newest" = "$IPSECWIZ_VERSION" ] || fail "the metainfo's newest release is $newest, the project is $IPSECWIZ_VERSION"
[ "$(grep -c '<caption>' "$metainfo")" = "$(grep -c '<screenshot[ >]' "$metainfo")" ] || fail "a screenshot has no caption"
# The screenshots are the documentation's (docs/make-screenshots.sh); where they are in the tree,
# the metainfo must name existing ones.
if compgen -G "$IPSECWIZ_SOURCE_DIR/docs/screenshots/*.png" >/dev/null; then
	while read -r shot; do
		[ -f "$IPSECWIZ_SOURCE_DIR/docs/screenshots/$shot" ] || fail "the metainfo shows docs/screenshots/$shot, which is not there"
	done < <(grep -o '<image>[^<]*</image>' "$metainfo" | sed 's|</image>$||; s|.*/||')
fi
zcat "$ROOT/usr/share/doc/ipsec-wizard/changelog.gz" >"$TMP/changelog"
[ "$(dpkg-parsechangelog -l "$TMP/changelog" -S Version)" = "$IPSECWIZ_VERSION" ] ||
	fail "packaging/changelog's newest entry is $(dpkg-parsechangelog -l "$TMP/changelog" -S Version), the project is $IPSECWIZ_VERSION"
[ "$(head -1 "$ROOT/usr/share/doc/ipsec-wizard/copyright")" = 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' ] ||
	fail "the copyright file is not machine-readable"

# --- manual page -------------------------------------------------------------------------------
step "man --warnings"
manpage=$ROOT/usr/share/man/man1/ipsec-wizard.1.gz
MANWIDTH=80 man --warnings -l "$manpage" >"$TMP/man.txt" 2>"$TMP/man-warnings.txt" || fail "man -l failed: $(cat "$TMP/man-warnings.txt")"
[ ! -s "$TMP/man-warnings.txt" ] || { cat "$TMP/man-warnings.txt" >&2; fail "man --warnings warns"; }
long=$(awk 'length > 80' "$TMP/man.txt")
[ -z "$long" ] || fail "lines wider than 80 columns: $long"
# man -l renders with the terminal's hyphen and quote glyphs; compare on plain ASCII.
sed -e 's/‐/-/g; s/−/-/g' "$TMP/man.txt" >"$TMP/man-ascii.txt"
for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" FILES EXAMPLES "SEE ALSO"; do
	grep -qx "$section" "$TMP/man-ascii.txt" || fail "the manual page has no $section section"
done
exits=$(sed -n '/^EXIT STATUS$/,/^[A-Z]/p' "$TMP/man-ascii.txt" | grep -oE '^ {7}[0-9] ' | tr -d ' ' | tr '\n' ' ')
[ "$exits" = "0 1 2 3 " ] || fail "EXIT STATUS lists '$exits', not 0 1 2 3"
files=$(sed -n '/^FILES$/,/^EXAMPLES$/p' "$TMP/man-ascii.txt")
# shellcheck disable=SC2088 # the page names the path with a tilde
for f in .ipsecwiz.json '~/.ssh/known_hosts' /etc/swanctl/conf.d /etc/racoon /etc/ipsec-wizard/NAME/ /var/lib/ipsec-wizard-lab; do
	grep -qF -- "$f" <<<"$files" || fail "FILES does not name $f"
done

# Every command and option `--help` shows is in the manual page and in the bash completion.
step "the manual page and the completion cover --help"
commands=$(sed -n '/^Commands:/,/^Options:/p' "$TMP/help.txt" | grep -oE '^  [a-z]+' | tr -d ' ' | sort -u)
options=$(grep -oE -- '(^|[ [])--?[a-z][a-z-]*' "$TMP/help.txt" | grep -oE -- '--?[a-z][a-z-]*' | sort -u)
lab_words=$(grep -E '^  lab ' "$TMP/help.txt" | sed 's/^  lab //' | tr -s '|[] ' '\n' | grep -E '^[a-z]+$' | sort -u)
if [ -z "$commands" ] || [ -z "$options" ] || [ -z "$lab_words" ]; then
	fail "cannot read the commands from --help: $(cat "$TMP/help.txt")"
fi
completion=$ROOT/usr/share/bash-completion/completions/ipsec-wizard
commands_section=$(sed -n '/^COMMANDS$/,/^OPTIONS$/p' "$TMP/man-ascii.txt")
for c in $commands; do
	grep -qE "^ {7}(lab )?$c\b" <<<"$commands_section" || fail "the manual page's COMMANDS does not describe '$c'"
	grep -qw -- "$c" "$completion" || fail "the bash completion does not know the command '$c'"
done
for w in $lab_words; do
	grep -qE "^ {7}lab .*\b$w\b" <<<"$commands_section" || fail "the manual page does not describe 'lab $w'"
	grep -qw -- "$w" "$completion" || fail "the bash completion does not know 'lab $w'"
done
for o in $options; do
	grep -qE -- "(^|[ ,|[])$o\b" "$TMP/man-ascii.txt" || fail "the manual page does not describe $o"
	case $o in -h | -v) continue ;; esac # the completion offers the long forms
	grep -qE -- "(^|[ '|])$o( |'|\$|\))" "$completion" || fail "the bash completion does not offer $o"
done
echo "    commands: $(tr '\n' ' ' <<<"$commands"); lab: $(tr '\n' ' ' <<<"$lab_words"); $(wc -l <<<"$options") options"

# --- bash completion ---------------------------------------------------------------------------
step "bash completion"
cat >"$TMP/complete.sh" <<'EOF'
. /usr/share/bash-completion/bash_completion
. "$1"
export IPSECWIZ_LAB_DIR=$3/no-lab # no lab up: the two-gateway lab's nodes
compopt() { :; } # only works inside a real completion
complete_line() { # LINE: prints the candidates, one line
	local line=$1
	COMP_LINE=$line COMP_POINT=${#line}
	read -ra COMP_WORDS <<<"$line"
	[[ $line == *' ' ]] && COMP_WORDS+=('')
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_ipsec_wizard ipsec-wizard "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	echo "${COMPREPLY[*]}"
}
cd "$2"
complete_line 'ipsec-wizard '
complete_line 'ipsec-wizard gen'
complete_line 'ipsec-wizard generate x.json --side '
complete_line 'ipsec-wizard generate x.json --side=b'
complete_line 'ipsec-wizard push x.json --dr'
complete_line 'ipsec-wizard lab '
complete_line 'ipsec-wizard lab exec '
complete_line 'ipsec-wizard validate '
complete_line 'ipsec-wizard monitor x.json --source '
complete_line 'ipsec-wizard parse --format=xfrm'
complete_line 'ipsec-wizard lab up '
# A lab built from a profile: the nodes and dynamic sites of its plan.
export IPSECWIZ_LAB_DIR=$3/lab
mkdir -p "$IPSECWIZ_LAB_DIR"
printf 'format 1\nnode inet router -\nnode gw-hq gateway hq\nnode gw-b2 gateway b2\nrenumber b2 gw-b2 wan0 wan1 192.0.2.50 192.0.2.51\n' >"$IPSECWIZ_LAB_DIR/lab-plan"
complete_line 'ipsec-wizard lab exec '
complete_line 'ipsec-wizard lab renumber '
EOF
bash "$TMP/complete.sh" "$completion" "$ROOT/usr/share/ipsec-wizard/examples" "$TMP" >"$TMP/completions.txt" 2>&1 ||
	{ cat "$TMP/completions.txt" >&2; fail "the completion script failed"; }
expect_line() { # N EXPECTED: the same words, in any order (file names come in the folder's order)
	local got
	got=$(sed -n "$1p" "$TMP/completions.txt")
	[ "$(tr ' ' '\n' <<<"$got" | sort)" = "$(tr ' ' '\n' <<<"$2" | sort)" ] ||
		fail "completion $1: expected '$2', got '$got' (all: $(cat "$TMP/completions.txt"))"
}
expect_line 1 'validate upgrade generate bundle draw ansible check diagnose import psk push remove monitor parse lab hub-and-spoke.json seed-topology.json'
expect_line 2 'generate'
expect_line 3 'a b both'
expect_line 4 'b both'
expect_line 5 '--dry-run'
expect_line 6 'up down status exec renumber profile --help'
expect_line 7 'host-a gateway-a gateway-b host-b'
expect_line 8 'hub-and-spoke.json seed-topology.json'
expect_line 9 'auto setkey xfrm swanctl'
expect_line 10 'xfrm-state xfrm-policy'
expect_line 11 '--from'
expect_line 12 'inet gw-hq gw-b2'
expect_line 13 'b2'

step "ok: $(basename "$DEB") built and checked in ${SECONDS}s"
