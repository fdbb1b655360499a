#!/bin/bash
# Builds every libFuzzer target with clang under ASan + UBSan and runs each for SECONDS
# (default 30), seeded from the project's fixtures; `run.sh SECONDS TARGET…` runs only those. A crash stops the run with the input saved
# under build/fuzz/crashes/TARGET/: turn it into a fixture and a regression test.
# Prints, per target, the executions per second and the corpus size.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
command -v clang++ >/dev/null || { echo "FAIL: clang++ is missing: apt-get install clang libclang-rt-14-dev" >&2; exit 1; }
B=build/fuzz
if [ ! -f "$B/CMakeCache.txt" ]; then
	CC=clang CXX=clang++ cmake -S . -B "$B" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIPSECWIZ_FUZZ=ON -DIPSECWIZ_SANITIZE=ON \
		-DIPSECWIZ_BUILD_TESTS=OFF -DIPSECWIZ_BUILD_BENCH=OFF >/dev/null
fi
targets="$(sed -n 's/^foreach(target \(.*\))$/\1/p' tests/fuzz/CMakeLists.txt)
	$(sed -n 's/^foreach(format \(.*\))$/\1/p' tests/fuzz/CMakeLists.txt | tr ' ' '\n' | tr 'A-Z' 'a-z' | sed 's/^/fuzz_parse_/')"
# Only some targets: tests/fuzz/run.sh SECONDS TARGET…
if [ $# -gt 1 ]; then
	shift
	targets="$*"
fi
# shellcheck disable=SC2086
cmake --build "$B" --target $targets

seed() { # TARGET DIR: fill the starting corpus
	case "$1" in
	fuzz_profile_json) cp resources/examples/*.json tests/fixtures/profiles/*.json "$2"/ ;;
	fuzz_profile_fields)
		printf '\000seed' > "$2/name"; printf '\001192.168.1.0/24' > "$2/net"; printf '\022correct-horse' > "$2/psk" ;;
	fuzz_parse_setkeysad) cp tests/fixtures/monitor/setkey-D-*.txt "$2"/ ;;
	fuzz_setkey_summary) cp tests/fixtures/monitor/setkey-D-*.txt "$2"/ ;;
	fuzz_parse_setkeyspd) cp tests/fixtures/monitor/setkey-DP-*.txt "$2"/ ;;
	fuzz_parse_xfrmstate) cp tests/fixtures/monitor/*xfrm-state*.txt "$2"/ ;;
	fuzz_parse_xfrmpolicy) cp tests/fixtures/monitor/*xfrm-policy*.txt "$2"/ ;;
	fuzz_parse_swanctl) cp tests/fixtures/monitor/*swanctl*.txt "$2"/ ;;
	fuzz_import_swanctl) # strongSwan's scenarios; one split into files by NULs, with a key the report must mask
		cp tests/fixtures/import/swanctl/*.conf "$2"/
		printf 'include conf.d/*.conf\n\000connections {\n c {\n  remote_addrs = 198.51.100.2\n  local { auth = psk }\n  children { c { local_ts = 10.1.0.0/24 } }\n }\n}\ninclude 2.conf\n\000secrets { ike-c { secret = Fuzz0Canary0Secret0Value } }\ninclude 1.conf\n' > "$2/include-canary" ;;
	fuzz_import_ipsecconf) # each fixture's ipsec.conf, a NUL, its ipsec.secrets; and what the fuzzer found before
		cp tests/fixtures/import/fuzz/ipsecconf-* "$2"/
		local d
		for d in tests/fixtures/import/ipsec-conf/*/; do
			{ cat "$d/ipsec.conf"; printf '\000'; sed 's/PSK .*/PSK "Fuzz0Canary0Secret0Value"/' "$d/ipsec.secrets" 2>/dev/null || true; } > "$2/$(basename "$d")"
		done ;;
	fuzz_import_racoontool) # each racoon-tool.conf fixture, then (after two NULs) the seed's psk.txt
		local f
		for f in tests/fixtures/import/racoon-tool/*; do
			{ cat "$f"; printf '\000\000'; cat tests/fixtures/import/racoon-tool/seed-howto-psk.txt; } > "$2/$(basename "$f")"
		done ;;
	fuzz_import_racoon) # each racoon.conf fixture with a setkey fixture and psk.txt; the seed's files
		local f s
		s=(tests/fixtures/import/racoon/setkey/*)
		for f in tests/fixtures/import/racoon/*.txt; do
			{ cat "$f"; printf '\000\000'; cat tests/fixtures/import/racoon/seed/psk.txt; printf '\000'; cat "${s[$((RANDOM % ${#s[@]}))]}"; } > "$2/$(basename "$f")"
		done
		{ cat tests/fixtures/import/racoon/seed/racoon.conf; printf 'include "/etc/racoon/inc.conf";\n\000log notify;\n\000'
		  cat tests/fixtures/import/racoon/seed/psk.txt; printf '\000'; cat tests/fixtures/import/racoon/seed/ipsec-tools.conf; } > "$2/seed" ;;
	fuzz_ike_log) # the lab's real logs, A's and B's of one attempt joined by a NUL
		local f
		for f in tests/fixtures/logs/charon/*.a.log; do
			{ cat "$f"; printf '\000'; cat "${f%.a.log}.b.log" 2>/dev/null || true; } > "$2/$(basename "$f" .a.log)"
		done ;;
	esac
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
for t in $targets; do
	corpus="$B/corpus/$t"
	crashes="$B/crashes/$t"
	mkdir -p "$corpus" "$crashes"
	seed "$t" "$corpus" 2>/dev/null || true
	log="$B/$t.log"
	if "$B/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
		-artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" >"$log" 2>&1; then
		execs=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
		echo "fuzz: $t ok: ${seconds}s, ${execs:-?} exec/s, corpus $(find "$corpus" -type f | wc -l) inputs"
	else
		echo "FAIL: fuzz: $t found a problem; input saved in $crashes/:" >&2
		# -m, not | head: under pipefail a closed pipe would end the run before the other targets.
		grep -m 5 -E "ERROR|SUMMARY|runtime error" "$log" >&2 || true
		status=1
	fi
done
exit $status
