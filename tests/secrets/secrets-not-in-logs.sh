#!/bin/bash
# No pre-shared key in any log the test suite wrote. Runs last in the dev stage of ./test.sh
# (DEPENDS on every other test) and scans:
#   asan    build/asan/Testing/Temporary/LastTest*.log — ctest's log of the sanitizer stage
#   fuzz    build/fuzz/*.log — one per libFuzzer target (tests/fuzz/run.sh)
#   dev     ctest's log of the running dev stage (see below)
#   kept    test-logs/TEST/ — what each integration/e2e script printed and every log it made
#           (charon, sshd, push and monitor output, the lab's logs), kept by tests/integration/lib.sh
#   pkg     tests/packaging/work/logs/ of the dev build, when the packaging tests made it
#
# ctest's own log of the running dev stage is NOT complete at this point: ctest writes it to
# LastTest.log.tmp through a buffered stream and renames it when the run ends, so the newest
# outputs are still in ctest's buffer, and this test's own output comes later still. It is
# scanned for what it holds; what it misses is covered by the complete logs: the unit and gui
# tests' output is that of the same tests in the asan stage's complete log, and every script
# test's output is also in its kept output.log.
#
# The keys looked for:
#   known in advance — "psk" fields of tests/fixtures/profiles, resources/examples and every JSON
#       under tests/; every 0x hex string of 32+ digits in the tests' sources and scripts (not the
#       monitor fixtures: those are captured ESP keys, nor golden files: expected output); every
#       `psk = Q…Literal("…")` of 16+ characters in the tests' C++ sources. A hex key is looked for
#       as its digits without 0x, in any case (so with 0x, upper- and lower-case too); any other key
#       exactly.
#   made at run time — each kept test folder's psk-sha256.txt holds the SHA-256 of every hex key
#       in that test's secret files (the lab profile's key, swanctl secrets, psk files); every run
#       of hex digits in the logs is cut into windows of each key's length and hashed.
# Nothing here ever prints a key: a finding names the key's origin and a SHA-256 prefix.
#
# Run by ./test.sh (IPSECWIZ_SUITE_STARTED set): each stage must have left its logs, written
# after the suite started, and as many as it should. Run alone (ctest -L e2e): scans what exists;
# each test folder present (rewritten by every run of its test) must hold the logs it should.
set -euo pipefail

fail() { echo "FAIL: $*" >&2; exit 1; }
: "${IPSECWIZ_SOURCE_DIR:?IPSECWIZ_SOURCE_DIR must name the source tree}"
: "${IPSECWIZ_BUILD_DIR:?IPSECWIZ_BUILD_DIR must name the dev build tree}"
: "${IPSECWIZ_TEST_LOG_DIR:?IPSECWIZ_TEST_LOG_DIR must name the kept test logs folder}"
SRC=$IPSECWIZ_SOURCE_DIR
DEV=$IPSECWIZ_BUILD_DIR
KEPT=$IPSECWIZ_TEST_LOG_DIR
ASAN=${IPSECWIZ_ASAN_BUILD_DIR:-$SRC/build/asan} # where ./test.sh puts them
FUZZ=${IPSECWIZ_FUZZ_BUILD_DIR:-$SRC/build/fuzz}
STARTED=${IPSECWIZ_SUITE_STARTED:-}
case $STARTED in '' | *[!0-9]*) STARTED= ;; esac
TESTS=${IPSECWIZ_TESTS_FILE:-} # "NAME<TAB>LABELS<TAB>SCRIPT" per test (tests/secrets/CMakeLists.txt)
[ -n "$TESTS" ] && [ -f "$TESTS" ] || TESTS=

umask 077
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
problems=0
problem() { echo "FAIL: $*" >&2; problems=$((problems + 1)); }
fresh() { [ -z "$STARTED" ] || [ "$(stat -c %Y "$1")" -ge "$STARTED" ]; } # FILE: written in this suite run

# --- the keys --------------------------------------------------------------------------------
# $T/keys: one line per key, "KIND<TAB>ORIGIN<TAB>VALUE"; KIND hex (VALUE: lower-case digits) or text.
unescape() { # C++ STRING-LITERAL TEXT: the value for \\ \" and a final \n; nothing for other escapes
	local v=${1//\\\\/$'\001'}
	v=${v//\\\"/\"}
	v=${v%\\n}
	case $v in *\\*) return 0 ;; esac
	printf '%s' "${v//$'\001'/\\}"
}
add_key() { # ORIGIN VALUE
	local v=$2
	if [[ $v =~ ^0[xX][0-9a-fA-F]+$ ]]; then
		v=${v:2}
		[ "${#v}" -ge 32 ] && printf 'hex\t%s\t%s\n' "$1" "${v,,}" >>"$T/keys"
	elif [ "${#v}" -ge 16 ]; then
		printf 'text\t%s\t%s\n' "$1" "$v" >>"$T/keys"
	fi
	return 0
}
: >"$T/keys"
cd "$SRC"
while IFS= read -r -d '' f; do
	while IFS= read -r v; do add_key "$f" "$v"; done < <(sed -nE 's/.*"psk"[[:space:]]*:[[:space:]]*"([^"\\]*)".*/\1/p' "$f")
done < <(find tests/fixtures/profiles resources/examples tests -name '*.json' -type f -print0 | sort -zu)
while IFS= read -r -d '' f; do
	while IFS= read -r v; do add_key "$f" "$v"; done < <(grep -ohE '0[xX][0-9a-fA-F]{32,}' "$f" || true)
	case $f in *.cpp | *.h)
		while IFS= read -r v; do add_key "$f" "$(unescape "$v")"; done < <(
			sed -nE 's/(^|.*[^A-Za-z0-9_])psk[[:space:]]*=[[:space:]]*Q(ByteArray|String)Literal\("((\\.|[^"\\])*)"\).*/\3/p' "$f")
		;;
	esac
done < <(find tests lab -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.sh' -o -name '*.in' -o -name '*.json' \) \
	-not -path 'tests/fixtures/monitor/*' -not -path 'tests/golden/*' -print0 | sort -z)
cd - >/dev/null
# One line per key (the first file it was found in names it).
sort -t$'\t' -k3,3 -u "$T/keys" | sort >"$T/keys.u"
mv "$T/keys.u" "$T/keys"
known=$(wc -l <"$T/keys")
[ "$known" -ge 1 ] || fail "found no test key in the sources (tests/TestSupport.h holds one): the key search is broken"

# Keys made at run time, known by digest: "DIGITS<TAB>SHA256<TAB>ORIGIN".
: >"$T/digests"
if [ -d "$KEPT" ]; then
	for d in "$KEPT"/*/; do
		[ -f "$d/psk-sha256.txt" ] || continue
		awk -v o="test $(basename "$d") (made at run time)" 'NF == 2 && $1 ~ /^[0-9]+$/ && length($2) == 64 && $2 ~ /^[0-9a-f]+$/ { print $1 "\t" $2 "\t" o }' \
			"$d/psk-sha256.txt" >>"$T/digests"
	done
fi
# A run-time key that is also known in advance is found by the plain search already.
while IFS=$'\t' read -r kind _ v; do
	if [ "$kind" = hex ]; then printf '%s\n' "$(printf '%s' "$v" | sha256sum | cut -d' ' -f1)"; fi
done <"$T/keys" >"$T/known-digests"
awk -F'\t' 'NR == FNR { k[$1]; next } !($2 in k) && !seen[$2]++' "$T/known-digests" "$T/digests" >"$T/digests.u"
mv "$T/digests.u" "$T/digests"
made=$(wc -l <"$T/digests")

# --- the scan --------------------------------------------------------------------------------
# scan LIST KEYS DIGESTS: every key of KEYS and DIGESTS in every file named in LIST (one a line);
# prints one finding a line, "ORIGIN<TAB>SHA256<TAB>FILE<TAB>LINES", and nothing else.
scan() {
	local list=$1 keys=$2 digests=$3 kind origin value pat lines f n
	pat="$T/pattern" # the key in a 0600 file: never on a command line
	while IFS=$'\t' read -r kind origin value; do
		printf '%s\n' "$value" >"$pat"
		local opt=(-F)
		if [ "$kind" = hex ]; then opt=(-F -i); fi
		while IFS= read -r f; do
			lines=$(grep -n "${opt[@]}" -f "$pat" -- "$f" 2>/dev/null | cut -d: -f1 | head -n 5 | paste -sd, -) || true
			[ -z "$lines" ] || printf '%s\t%s\t%s\t%s\n' "$origin" "$(printf '%s' "$value" | sha256sum | cut -d' ' -f1)" "$f" "$lines"
		done <"$list"
	done <"$keys"
	rm -f "$pat"
	[ -s "$digests" ] || return 0
	# Every run of hex digits as long as a key, cut into windows of each key length, hashed.
	local lens min
	lens=$(cut -f1 "$digests" | sort -nu | paste -sd' ' -)
	min=${lens%% *}
	rm -rf "$T/w"
	mkdir "$T/w"
	while IFS= read -r f; do
		{ grep -oE "[0-9a-fA-F]{$min,}" -- "$f" 2>/dev/null || true; } | awk -v f="$f" -v lens="$lens" '
			BEGIN { n = split(lens, L, " ") }
			{ r = tolower($0); for (i = 1; i <= n; i++) for (s = 1; s + L[i] - 1 <= length(r); s++) print substr(r, s, L[i]) "\t" f }'
	done <"$list" | sort -u >"$T/w/windows"
	n=0
	cut -f1 "$T/w/windows" | sort -u | while IFS= read -r value; do
		n=$((n + 1))
		printf '%s' "$value" >"$T/w/$n"
		printf '%s\t%s\n' "$n" "$value" >>"$T/w/index"
	done
	[ -f "$T/w/index" ] || return 0
	# One sha256sum for all windows (a process per window would be slow on a long hex dump).
	(cd "$T/w" && cut -f1 index | xargs sha256sum) | awk '{ print $2 "\t" $1 }' >"$T/w/sums"
	awk -F'\t' '
		FILENAME == ARGV[1] { origin[$2] = $3; next }      # digests: DIGITS SHA ORIGIN
		FILENAME == ARGV[2] { sum[$1] = $2; next }         # sums: N SHA
		FILENAME == ARGV[3] { if (sum[$1] in origin) hit[$2] = sum[$1]; next } # index: N WINDOW
		($1 in hit) { print origin[hit[$1]] "\t" hit[$1] "\t" $2 }            # windows: WINDOW FILE
	' "$digests" "$T/w/sums" "$T/w/index" "$T/w/windows" | sort -u |
		while IFS=$'\t' read -r origin sum f; do
			awk -F'\t' -v s="$sum" '$2 == s { print $1 }' "$T/w/sums" | while IFS= read -r n; do
				lines=$(grep -n -i -F -f "$T/w/$n" -- "$f" 2>/dev/null | cut -d: -f1 | head -n 5 | paste -sd, -) || true
				printf '%s\t%s\t%s\t%s\n' "$origin" "$sum" "$f" "${lines:-?}"
			done
		done
	rm -rf "$T/w"
}

# --- negative control: the same scan must find keys planted in a scratch log -------------------
mkdir "$T/control"
first_hex=$(awk -F'\t' '$1 == "hex" { print $3; exit }' "$T/keys")
first_text=$(awk -F'\t' '$1 == "text" { print $3; exit }' "$T/keys")
planted=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
printf '64\t%s\tthe control key\n' "$(printf '%s' "$planted" | sha256sum | cut -d' ' -f1)" >"$T/control/digests"
{
	echo "control: a line before"
	[ -z "$first_hex" ] || echo "secret = ${first_hex^^} # the known hex key, upper-case, no 0x"
	[ -z "$first_text" ] || echo "key: $first_text"
	echo "run-time key inside a longer hex run: 0xab${planted^^}cd"
	echo "control: a line after"
} >"$T/control/planted.log"
echo "control: nothing secret here, 0x0123 deadbeef" >"$T/control/clean.log"
echo "$T/control/planted.log" >"$T/control/list"
scan "$T/control/list" "$T/keys" "$T/control/digests" >"$T/control/found"
caught() { # VALUE: the control scan found this key (by its SHA-256)
	grep -q "$(printf '\t%s\t' "$(printf '%s' "$1" | sha256sum | cut -d' ' -f1)")" "$T/control/found"
}
planted_n=1
caught "$planted" || fail "negative control: a run-time key planted in a scratch log was not found by its digest: the scan is broken"
if [ -n "$first_hex" ]; then
	planted_n=$((planted_n + 1))
	caught "$first_hex" || fail "negative control: a known hex key planted in a scratch log was not found: the scan is broken"
fi
if [ -n "$first_text" ]; then
	planted_n=$((planted_n + 1))
	caught "$first_text" || fail "negative control: a known text key planted in a scratch log was not found: the scan is broken"
fi
echo "$T/control/clean.log" >"$T/control/list"
scan "$T/control/list" "$T/keys" "$T/control/digests" >"$T/control/found"
[ ! -s "$T/control/found" ] || fail "negative control: the scan found a key in a scratch log that holds none"
echo "negative control: all $planted_n keys planted in a scratch log were found (known hex, known text, run-time by digest); none in a clean one"

# --- the logs --------------------------------------------------------------------------------
: >"$T/files"
add_files() { # STAGE FILE…: counted per stage
	local stage=$1 f
	shift
	for f in "$@"; do
		[ -f "$f" ] || continue
		printf '%s\n' "$f" >>"$T/files"
		printf '%s\n' "$stage" >>"$T/stages"
	done
}
: >"$T/stages"
count() { grep -cx "$1" "$T/stages" || true; }

# asan: ctest's complete log of the sanitizer stage
shopt -s nullglob
asan_logs=("$ASAN"/Testing/Temporary/LastTest*.log)
add_files asan "${asan_logs[@]}"
if [ -n "$STARTED" ]; then
	fresh_asan=()
	for f in "${asan_logs[@]}"; do fresh "$f" && fresh_asan+=("$f"); done
	if [ ${#fresh_asan[@]} -eq 0 ]; then
		problem "asan: the sanitizer stage ran, but $ASAN/Testing/Temporary/ holds no LastTest*.log written since"
	else
		# Complete: the output of every unit and gui test (what ./test.sh runs there), and its end.
		# (The tests are taken from this build's list: `ctest -N` in build/asan would rewrite
		# LastTest.log, the very log to scan.)
		[ -n "$TESTS" ] || problem "IPSECWIZ_TESTS_FILE names no file: cannot tell which tests the asan stage ran"
		grep -ohE '^[0-9]+/[0-9]+ Test: .*' "${fresh_asan[@]}" | sed -E 's/^[^:]*: //' | sort -u >"$T/asan-ran" || true
		want=0
		while IFS=$'\t' read -r name labels _; do
			[[ ,$labels, =~ ,(unit|gui), ]] || continue
			want=$((want + 1))
			grep -qxF "$name" "$T/asan-ran" || problem "asan: its ctest log holds no output of $name"
		done < <(cat ${TESTS:+"$TESTS"} /dev/null)
		[ "$want" -ge 1 ] || problem "asan: found no unit or gui test in ${TESTS:-the tests list}"
		grep -q '^End testing:' "${fresh_asan[@]}" || problem "asan: its ctest log is not complete (no 'End testing:')"
	fi
fi

# fuzz: one log per target (the targets as tests/fuzz/run.sh finds them)
targets="$(sed -n 's/^foreach(target \(.*\))$/\1/p' "$SRC/tests/fuzz/CMakeLists.txt")
	$(sed -n 's/^foreach(format \(.*\))$/\1/p' "$SRC/tests/fuzz/CMakeLists.txt" | tr ' ' '\n' | tr 'A-Z' 'a-z' | sed 's/^/fuzz_parse_/')"
add_files fuzz "$FUZZ"/*.log
if [ -n "$STARTED" ]; then
	ntargets=0
	for t in $targets; do
		ntargets=$((ntargets + 1))
		if [ ! -f "$FUZZ/$t.log" ]; then problem "fuzz: the fuzz stage ran, but $FUZZ/$t.log is missing"
		elif ! fresh "$FUZZ/$t.log"; then problem "fuzz: $FUZZ/$t.log is older than this suite run"
		fi
	done
	[ "$ntargets" -ge 1 ] || problem "fuzz: found no fuzz target in tests/fuzz/CMakeLists.txt"
fi

# dev: ctest's log of this run (incomplete, see above), and of the previous run if it is still there
dev_running=("$DEV"/Testing/Temporary/LastTest*.log.tmp)
add_files dev "${dev_running[@]}" "$DEV"/Testing/Temporary/LastTest*.log
if [ -n "$STARTED" ]; then
	[ ${#dev_running[@]} -ge 1 ] && [ -s "${dev_running[0]}" ] ||
		problem "dev: ctest's log of this run ($DEV/Testing/Temporary/LastTest*.log.tmp) is missing or empty"
fi

# kept: the integration/e2e scripts' output and logs, one folder per test
uses_lib() { # SCRIPT: it sources tests/integration/lib.sh, which keeps its logs
	local rel
	rel=$(sed -nE 's/^\. "\$\(dirname "\$0"\)\/([^"]*lib\.sh)"$/\1/p' "$1" | head -n 1)
	[ -n "$rel" ] && [ "$(readlink -f "$(dirname "$1")/$rel")" = "$(readlink -f "$SRC/tests/integration/lib.sh")" ]
}
expected_logs() { # TEST: logs a passing run of TEST leaves (besides output.log)
	case $1 in
	ssh_session) echo work/ssh/sshd.log ;;
	bundle_install) echo work/install-a.log work/install-b.log ;;
	lab_push) echo work/push1.log work/push2.log work/lab/gateway-a/charon.log work/lab/gateway-b/charon.log \
		work/lab/gateway-a/sshd.log work/lab/gateway-b/sshd.log ;;
	lab_monitor) echo work/push.log work/lab/gateway-a/charon.log work/lab/gateway-b/charon.log \
		work/lab/gateway-a/sshd.log work/lab/gateway-b/sshd.log ;;
	esac
}
check_folder() { # TEST DIR
	local name=$1 d=$2 status kept have lab e
	if [ ! -f "$d/manifest.txt" ]; then
		problem "kept/$name: no manifest.txt: the test did not get to keep its logs (killed, or lib.sh broken)"
		return
	fi
	status=$(sed -n 's/^status=//p' "$d/manifest.txt")
	kept=$(sed -n 's/^kept=//p' "$d/manifest.txt")
	lab=$(sed -n 's/^lab=//p' "$d/manifest.txt")
	have=$(find "$d" -type f ! -name manifest.txt ! -name psk-sha256.txt | wc -l)
	[ -s "$d/output.log" ] || problem "kept/$name: output.log is missing or empty"
	[ "$have" -ge "${kept:-1}" ] || problem "kept/$name: $have files, but the test kept ${kept:-?}"
	[ -z "$STARTED" ] || fresh "$d/manifest.txt" || problem "kept/$name: older than this suite run"
	if [ "$status" = 0 ]; then
		for e in $(expected_logs "$name"); do
			[ -f "$d/$e" ] || problem "kept/$name: passed, but its $e is missing"
		done
		if [ "$lab" = yes ] && [ -z "$(find "$d" \( -path '*/gateway-?/charon.log' -o -path '*/gw-*/charon.log' \))" ]; then
			problem "kept/$name: used a lab, but no gateway's charon.log was kept"
		fi
	fi
}
declare -A checked=()
if [ -n "$TESTS" ]; then
	while IFS=$'\t' read -r name _ script; do
		[ -n "$name" ] && [ -n "$script" ] && [ -f "$script" ] && uses_lib "$script" || continue
		if [ -d "$KEPT/$name" ]; then
			check_folder "$name" "$KEPT/$name"
			checked[$name]=1
		elif [ -n "$STARTED" ]; then
			problem "kept/$name: the dev stage ran it, but $KEPT/$name/ does not exist"
		fi
	done <"$TESTS"
elif [ -n "$STARTED" ]; then
	problem "IPSECWIZ_TESTS_FILE names no file: cannot tell which tests keep logs"
fi
for d in "$KEPT"/*/; do
	name=$(basename "$d")
	[ -n "${checked[$name]:-}" ] || check_folder "$name" "${d%/}"
done
while IFS= read -r -d '' f; do add_files kept "$f"; done < <(find "$KEPT" -type f ! -name psk-sha256.txt -print0 2>/dev/null | sort -z)
folders=0
for d in "$KEPT"/*/; do folders=$((folders + 1)); done

# pkg: the packaging tests' logs, when they ran in this build tree
while IFS= read -r -d '' f; do add_files pkg "$f"; done < <(find "$DEV/tests/packaging/work/logs" -type f -print0 2>/dev/null | sort -z)

total=$(wc -l <"$T/files")
[ "$total" -ge 1 ] || problem "found no log at all to scan"

# --- scan them ------------------------------------------------------------------------------
scan "$T/files" "$T/keys" "$T/digests" >"$T/found"
echo "scanned $total files: asan $(count asan), fuzz $(count fuzz), dev ctest log $(count dev)," \
	"kept $(count kept) in $folders test folders, packaging $(count pkg)"
echo "looked for $((known + made)) keys: $known known in advance (from the sources), $made made at run time (by SHA-256)"
if [ -n "$STARTED" ]; then echo "suite run: every stage's logs checked, written since $(date -d "@$STARTED" '+%F %T')"; fi
while IFS=$'\t' read -r origin sum f lines; do
	problem "a key from $origin (sha256 ${sum:0:12}…) is in $f, line(s) $lines"
done <"$T/found"
[ "$problems" -eq 0 ] || fail "$problems problem(s); see above"
echo "no key in any log"
