#!/bin/bash
# `ipsec-wizard monitor NETWORK` against the 4-site lab (`lab up --from` the example hub-and-spoke
# network, pushed): every managed gateway polled side by side, every tunnel's state from both of its
# ends (branch1's behind NAT, branch2's dynamic, branch3's with two networks), every SA paired.
# Then, while `--follow` runs: branch2's sshd is killed (with the session it serves), and branch2 turns "unknown" with the reason
# (its tunnel too: unknown, never "down") while hq, branch1 and branch3 go on updating; and
# branch3's charon crashes (SIGKILL: hq keeps its SAs), and hq-branch3 turns half-up.
. "$(dirname "$0")/../integration/lib.sh"
need_root
need_tool swanctl strongswan-swanctl
export IPSECWIZ_LAB_DIR="$WORK/lab"
EXAMPLE_NET="$IPSECWIZ_SOURCE_DIR/resources/examples/hub-and-spoke.json"
in_node() { "$IPSECWIZ" lab exec "$@"; }
FOLLOW=
trap '[ -n "$FOLLOW" ] && kill "$FOLLOW" 2>/dev/null; "$IPSECWIZ" lab down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"$IPSECWIZ" lab down >/dev/null 2>&1 || true
"$IPSECWIZ" lab up --from "$EXAMPLE_NET" > "$WORK/lab-up.log" 2>&1 || fail "lab up --from: $(tail -n 30 "$WORK/lab-up.log")"
P=$IPSECWIZ_LAB_DIR/lab-profile.json
"$IPSECWIZ" push "$P" --yes > "$WORK/push.log" 2>&1 || fail "the push: $(tail -n 20 "$WORK/push.log")"
for pair in host-branch1:10.0.0.10 host-branch2:10.0.0.10 host-branch3:10.0.0.10; do
	in_node "${pair%%:*}" -- ping -c 2 -W 2 "${pair#*:}" > /dev/null 2>&1 || fail "$pair does not answer after the push"
done

# A poll's gateways and tunnels as "site:reached" and "tunnel:state" words, from one JSON object;
# then per tunnel its SA pairs, unpaired SAs and reason; the poll's time.
cat > "$WORK/summary.py" <<'EOF'
import json, sys
d = json.loads(sys.stdin.readline())
print(" ".join(sorted("%s:%s" % (s, g["reached"]) for s, g in d["gateways"].items())))
print(" ".join("%s:%s" % (t["name"], t["state"]) for t in d["tunnels"]))
for t in d["tunnels"]:
    c = t.get("correlation", {})
    print(t["name"], len(c.get("pairs", [])), len(c.get("onlyOnA", [])) + len(c.get("onlyOnB", [])), t.get("reason", ""))
print(d["time"])
EOF
summary() { python3 "$WORK/summary.py"; }

# 1. One look: all four answer, every tunnel up with an SA pair each way and nothing unpaired.
ok=0
for _ in $(seq 20); do
	"$IPSECWIZ" monitor "$P" --json > "$WORK/once.json" 2> "$WORK/once.err" || fail "monitor: $(cat "$WORK/once.err")"
	s=$(tr -d '\n' < "$WORK/once.json" | summary)
	if [ "$(sed -n 1p <<<"$s")" = "branch1:True branch2:True branch3:True hq:True" ] &&
		[ "$(sed -n 2p <<<"$s")" = "hq-branch1:up hq-branch2:up hq-branch3:up" ] &&
		[ "$(sed -n 3,5p <<<"$s" | awk '$2 == 2 && $3 == 0' | wc -l)" = 3 ]; then
		ok=1
		break
	fi
	sleep 0.5
done
[ "$ok" = 1 ] || fail "not every gateway answered and every tunnel paired up: $s"
echo "ok: four gateways polled, three tunnels up, each with an SA pair each way (NAT, dynamic, two networks)"
"$IPSECWIZ" monitor "$P" > "$WORK/once.txt" 2>&1 || fail "the text view: $(cat "$WORK/once.txt")"
grep -Eq '^  hq-branch1 +up +hq ⇄ branch1$' "$WORK/once.txt" || fail "the text view: $(cat "$WORK/once.txt")"

# 2. --follow: branch2's sshd killed, then branch3's charon crashed.
"$IPSECWIZ" monitor "$P" --json --follow --interval 0.5 > "$WORK/follow.jsonl" 2> "$WORK/follow.err" &
FOLLOW=$!
lines() { wc -l < "$WORK/follow.jsonl"; }
wait_lines() { # N: until the follow has printed N polls
	local _
	for _ in $(seq 60); do [ "$(lines)" -ge "$1" ] && return 0; sleep 0.25; done
	fail "the monitor stopped at $(lines) polls: $(cat "$WORK/follow.err")"
}
wait_lines 2
# Every sshd of branch2's namespace: the listener and the monitor's session (sshd forks one per
# connection), as when the gateway's sshd goes away.
killed=0
for pid in $(ip netns pids ipsecwiz-gw-branch2); do
	[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = sshd ] && kill "$pid" 2>/dev/null && killed=$((killed + 1))
done
[ "$killed" -ge 2 ] || fail "expected branch2's sshd and the monitor's session, killed $killed"
n=$(lines)
wait_lines $((n + 4))
kill -9 "$(cat "$IPSECWIZ_LAB_DIR/gw-branch3/charon.pid")" || fail "cannot crash branch3's charon"
n=$(lines)
wait_lines $((n + 4))
kill "$FOLLOW"
wait "$FOLLOW" 2>/dev/null || true
FOLLOW=
tail -n 1 "$WORK/follow.jsonl" | summary > "$WORK/last.txt"
last=$(cat "$WORK/last.txt")
[ "$(sed -n 1p <<<"$last")" = "branch1:True branch2:False branch3:True hq:True" ] || fail "the gateways at the end: $last"
[ "$(sed -n 2p <<<"$last")" = "hq-branch1:up hq-branch2:unknown hq-branch3:partial" ] || fail "the tunnels at the end: $last"
grep -q '^hq-branch2 .*branch2: .*10.99.3.2.*' <<<"$last" || fail "hq-branch2 is unknown without the reason: $last"
# The others kept updating: every poll after the kill has a fresh time and round trips for them.
python3 - "$WORK/follow.jsonl" <<'EOF' || fail "the other gateways did not keep updating"
import json, sys
polls = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
after = [p for p in polls if not p["gateways"]["branch2"]["reached"]]
assert len(after) >= 4, len(after)
times = [p["time"] for p in after]
assert times == sorted(times) and len(set(times)) == len(times), times
for p in after:
    for site in ("hq", "branch1", "branch3"):
        assert p["gateways"][site]["reached"] and "roundTripMs" in p["gateways"][site], (site, p["gateways"][site])
    assert p["gateways"]["branch2"]["reason"], p["gateways"]["branch2"]
print(f"{len(polls)} polls, {len(after)} with branch2 unknown, hq, branch1 and branch3 answering in each")
EOF
echo "ok: branch2 unknown with its reason while the others kept updating; hq-branch3 half-up after branch3's charon crashed"

# check with branch2 unreachable and branch3's charon gone: exit 3, each said.
status=0
"$IPSECWIZ" check "$P" > "$WORK/check.out" 2>&1 || status=$?
[ "$status" = 3 ] || fail "check with branch2 unreachable exited $status, not 3: $(cat "$WORK/check.out")"
grep -q '^branch2: cannot be reached: ' "$WORK/check.out" || fail "check does not say branch2 cannot be reached: $(cat "$WORK/check.out")"
grep -q "^  the daemon does not answer: " "$WORK/check.out" || fail "check does not say branch3's charon does not answer: $(cat "$WORK/check.out")"
grep -q '^hq: no drift' "$WORK/check.out" || fail "check: $(cat "$WORK/check.out")"
echo "ok: check exits 3 with branch2 unreachable, and says branch3's charon does not answer"
