#!/bin/bash
# `ipsec-wizard diagnose PROFILE` against the lab's two real gateways: after a push it says the
# tunnel is up; then, with gateway B's configuration changed by hand, it starts the tunnel, reads
# both charon logs of that attempt and names the cause: different keys (field psk), then ESP
# proposals (the exact transforms); the same B as a peer someone else runs (unmanaged: A's log
# alone) is held against its settings sheet, live (B's refusal names the sheet's part) and from
# A's saved log of B's own attempt (B's transforms against the sheet's lines); with --no-initiate
# it only looks; forwarding turned off on A
# is named; with B's charon stopped it
# says so; with B's charon restarted under a live tunnel it says the tunnel is half-up; with B's
# sshd gone it says B cannot be reached. Exit 4 whenever it names a cause. A
# hand edit is also drift, named after the cause (and by `check`, which finds none after a push).
. "$(dirname "$0")/../integration/lib.sh"
need_root
need_tool swanctl strongswan-swanctl
LAB="$IPSECWIZ_SOURCE_DIR/lab/lab.sh"
export IPSECWIZ_LAB_DIR="$WORK/lab"
trap '"$LAB" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"$LAB" down >/dev/null 2>&1 || true
"$LAB" up > "$WORK/up.log" 2>&1 || fail "lab up: $(cat "$WORK/up.log")"
P=$("$LAB" profile)
"$IPSECWIZ" push "$P" --yes > "$WORK/push.log" 2>&1 || fail "push: $(tail "$WORK/push.log")"
CONF=/etc/swanctl/conf.d/lab.conf
diagnose() { # EXPECTED-STATUS ARGS…: runs diagnose, keeps its output in $WORK/d.out
	local want=$1 status=0
	shift
	"$IPSECWIZ" diagnose "$P" "$@" > "$WORK/d.out" 2> "$WORK/d.err" || status=$?
	[ "$status" = "$want" ] || fail "diagnose $* exited $status, not $want: $(cat "$WORK/d.out" "$WORK/d.err")"
}
b_conf() { # SED-EXPR: B's connection changed by hand, and both sides' SAs gone
	"$LAB" exec gateway-b -- sh -c "cp /tmp/iwz-lab.conf $CONF && sed -i '$1' $CONF && swanctl --load-all >/dev/null 2>&1" || fail "cannot change B"
	"$LAB" exec gateway-a -- swanctl --terminate --ike lab --timeout 5 > /dev/null 2>&1 || true
	"$LAB" exec gateway-b -- swanctl --terminate --ike lab --timeout 5 > /dev/null 2>&1 || true
}
"$LAB" exec gateway-b -- cp "$CONF" /tmp/iwz-lab.conf

ok=0
for _ in $(seq 10); do
	"$IPSECWIZ" diagnose "$P" --no-initiate > "$WORK/d.out" 2>&1 && grep -q "is up on both gateways" "$WORK/d.out" && ok=1 && break
	sleep 1
done
[ "$ok" = 1 ] || fail "after the push, diagnose does not see the tunnel up: $(cat "$WORK/d.out")"
echo "ok: after the push the tunnel is up"
"$IPSECWIZ" check "$P" > "$WORK/check.out" 2>&1 || fail "check of the pair after the push: $(cat "$WORK/check.out")"
[ "$(grep -c '^gateway [AB]: no drift' "$WORK/check.out")" = 2 ] || fail "check of the pair: $(cat "$WORK/check.out")"

b_conf 's/secret = 0x\(..\)/secret = 0xff/'
diagnose 4 --no-initiate
grep -q "it was not started (--no-initiate)" "$WORK/d.out" || fail "--no-initiate: $(cat "$WORK/d.out")"
diagnose 4
grep -q "^1. The pre-shared keys differ" "$WORK/d.out" || fail "the key: $(cat "$WORK/d.out")"
grep -q "field: psk" "$WORK/d.out" || fail "the key's field: $(cat "$WORK/d.out")"
grep -q "gateway B, line [0-9]*: tried 1 shared key" "$WORK/d.out" || fail "B's evidence: $(cat "$WORK/d.out")"
# The hand edit is drift too: said after the cause, with the key line masked, never the key.
grep -q "^2. $CONF on gateway B differs from what the profile generates" "$WORK/d.out" || fail "no drift after the cause: $(cat "$WORK/d.out")"
grep -q "gateway B: + *secret = (another key)" "$WORK/d.out" || fail "the drift's evidence: $(cat "$WORK/d.out")"
grep -q '0x[0-9a-f]\{32\}' "$WORK/d.out" && fail "a key is in diagnose's output"
status=0
"$IPSECWIZ" check "$P" --gateway b > "$WORK/check.out" 2>&1 || status=$?
[ "$status" = 4 ] && grep -q '^gateway B: drift$' "$WORK/check.out" || fail "check of B's edited key exited $status: $(cat "$WORK/check.out")"
echo "ok: B's key changed by hand: the keys differ, with both sides' lines; the edit is drift (diagnose, check), the key masked"

b_conf 's/esp_proposals = .*/esp_proposals = aes128-sha256-modp2048/'
diagnose 4 --json
grep -q '"field": "esp.encryption"' "$WORK/d.out" || fail "ESP proposals: $(cat "$WORK/d.out")"
grep -q 'esp.encryption: gateway A proposes AES_GCM_16_256, gateway B is configured for AES_CBC_128' "$WORK/d.out" || fail "the transforms: $(cat "$WORK/d.out")"
grep -q '"attempted": true' "$WORK/d.out" || fail "no attempt: $(cat "$WORK/d.out")"
echo "ok: B's ESP proposal changed: the transforms are named"

# The same B as a peer someone else runs: a version 2 copy of the profile with B unmanaged. Only
# A's log can be read; what it shows of B is held against B's settings sheet.
NET=$WORK/net.json
cp "$P" "$NET"
"$IPSECWIZ" upgrade "$NET" > "$WORK/upgrade.out" 2>&1 || fail "upgrade: $(cat "$WORK/upgrade.out")"
python3 - "$NET" <<'PY' || fail "cannot make B unmanaged"
import json, sys
p = sys.argv[1]
d = json.load(open(p))
b = [s for s in d["sites"] if s["gateway"]["localAddress"].startswith("198.51.100.2")]
assert len(b) == 1, d["sites"]
b[0]["gateway"]["managed"] = False
b[0]["gateway"].pop("ssh", None)
json.dump(d, open(p, "w"), indent=2)
PY
status=0
"$IPSECWIZ" diagnose "$NET" > "$WORK/d.out" 2> "$WORK/d.err" || status=$?
[ "$status" = 4 ] || fail "diagnose of the unmanaged peer exited $status: $(cat "$WORK/d.out" "$WORK/d.err")"
grep -q "^1. gateway B accepted none of gateway A's ESP proposals: its ESP (phase 2) settings are not its sheet's (Encryption AES-256-GCM (16-byte ICV) \[aes256gcm16\]" "$WORK/d.out" ||
	fail "the unmanaged peer's refusal: $(cat "$WORK/d.out")"
grep -q "field: esp$" "$WORK/d.out" || fail "the refusal's field: $(cat "$WORK/d.out")"
# B starts the tunnel: A's log (swanctl --log, saved) has B's proposal, held against the sheet offline.
"$LAB" exec gateway-a -- timeout 8 stdbuf -oL swanctl --log > "$WORK/a-peer.log" 2>&1 &
logger=$!
sleep 1
"$LAB" exec gateway-b -- swanctl --initiate --child lab --timeout 5 > /dev/null 2>&1 || true
wait "$logger" || true
grep -q "received proposals: ESP:AES_CBC_128" "$WORK/a-peer.log" || fail "A's log has no proposal of B: $(cat "$WORK/a-peer.log")"
status=0
"$IPSECWIZ" diagnose "$NET" --log "$WORK/a-peer.log" > "$WORK/d.out" 2> "$WORK/d.err" || status=$?
[ "$status" = 4 ] || fail "diagnose --log of the unmanaged peer exited $status: $(cat "$WORK/d.out" "$WORK/d.err")"
grep -q "^1. site-b does not follow its settings sheet: ESP (phase 2) › Encryption: the sheet says AES-256-GCM (16-byte ICV) \[aes256gcm16\], site-b proposed AES_CBC_128" "$WORK/d.out" ||
	fail "B's proposal against its sheet: $(cat "$WORK/d.out")"
grep -q "ESP (phase 2) › Integrity: the sheet says None (AEAD cipher) \[none\], site-b proposed HMAC_SHA2_256_128" "$WORK/d.out" ||
	fail "B's integrity against its sheet: $(cat "$WORK/d.out")"
grep -q "field: esp.encryption" "$WORK/d.out" || fail "the field: $(cat "$WORK/d.out")"
# The live diagnosis reads it too: A's own charon log (its /var/log/charon.log here; the journal or
# syslog elsewhere) holds B's last attempt, which our own attempt would not show.
status=0
"$IPSECWIZ" diagnose "$NET" --no-initiate > "$WORK/d.out" 2> "$WORK/d.err" || status=$?
[ "$status" = 4 ] || fail "diagnose --no-initiate of the unmanaged peer exited $status: $(cat "$WORK/d.out" "$WORK/d.err")"
grep -q "^1. gateway B does not follow its settings sheet: ESP (phase 2) › Encryption: the sheet says AES-256-GCM (16-byte ICV) \[aes256gcm16\], gateway B proposed AES_CBC_128" "$WORK/d.out" ||
	fail "B's last attempt, from A's charon log: $(cat "$WORK/d.out")"
grep -q "(charon's log, gateway B's last attempt)" "$WORK/d.out" || fail "the evidence does not say where it comes from: $(cat "$WORK/d.out")"
echo "ok: B as a peer someone else runs: its refusal names the sheet's ESP part; its own proposal, from A's log alone (saved, and read live from A's charon log), the sheet's lines"

# A gateway that does not forward: the tunnel may come up, nothing passes; said before anything else.
"$LAB" exec gateway-b -- cp /tmp/iwz-lab.conf "$CONF"
"$LAB" exec gateway-b -- swanctl --load-all > /dev/null 2>&1
"$LAB" exec gateway-a -- sysctl -qw net.ipv4.ip_forward=0 || fail "cannot turn forwarding off on A"
diagnose 4 --no-initiate
grep -q "gateway A does not forward IPv4" "$WORK/d.out" || fail "forwarding: $(cat "$WORK/d.out")"
"$LAB" exec gateway-a -- sysctl -qw net.ipv4.ip_forward=1
echo "ok: forwarding off on A: said"

# Half-up: the tunnel up, then B's charon killed and started again (it comes back without the
# SAs, A still holds them until dead peer detection): said first, with both sides' state, and
# nothing is started.
"$LAB" exec gateway-a -- swanctl --initiate --child lab --timeout 15 > /dev/null 2>&1 || true
ok=0
for _ in $(seq 10); do
	"$IPSECWIZ" diagnose "$P" --no-initiate > "$WORK/d.out" 2>&1 && grep -q "is up on both gateways" "$WORK/d.out" && ok=1 && break
	sleep 1
done
[ "$ok" = 1 ] || fail "the tunnel is not up again before the half-up case: $(cat "$WORK/d.out")"
kill -9 "$(cat "$IPSECWIZ_LAB_DIR/gateway-b/charon.pid")" || fail "cannot kill B's charon"
"$LAB" exec gateway-b -- env -u STRONGSWAN_CONF sh -c "rm -f /run/charon.vici /run/charon.pid; setsid /usr/lib/ipsec/charon </dev/null >>'$IPSECWIZ_LAB_DIR/gateway-b/charon.log' 2>&1 & echo \$! > '$IPSECWIZ_LAB_DIR/gateway-b/charon.pid'" ||
	fail "cannot start B's charon again"
for _ in $(seq 50); do "$LAB" exec gateway-b -- swanctl --stats > /dev/null 2>&1 && break; sleep 0.2; done
"$LAB" exec gateway-b -- swanctl --load-all > /dev/null 2>&1 || fail "B's charon, started again, does not load the config"
diagnose 4 --no-initiate
grep -q "^1. Tunnel lab is half-up: gateway A holds its SAs, gateway B has none" "$WORK/d.out" || fail "half-up: $(cat "$WORK/d.out")"
grep -q "gateway B: swanctl --list-sas shows no SA of lab" "$WORK/d.out" || fail "half-up's evidence: $(cat "$WORK/d.out")"
echo "ok: B's charon restarted under a live tunnel: half-up, said first"

# B's charon stopped: nothing to start, said as such.
kill "$(cat "$IPSECWIZ_LAB_DIR/gateway-b/charon.pid")" || fail "cannot stop B's charon"
for _ in $(seq 20); do "$LAB" exec gateway-b -- swanctl --stats > /dev/null 2>&1 || break; sleep 0.2; done
diagnose 4
grep -q "The IKE daemon (charon) does not answer on gateway B" "$WORK/d.out" || fail "B's charon: $(cat "$WORK/d.out")"
echo "ok: B's charon stopped: said"

kill "$(cat "$IPSECWIZ_LAB_DIR/gateway-b/sshd.pid")" || fail "cannot stop B's sshd"
diagnose 4
grep -q "gateway B cannot be reached over SSH" "$WORK/d.out" || fail "B's sshd: $(cat "$WORK/d.out")"
echo "ok: B's sshd gone: said"
echo "diagnose: up, keys, ESP proposals, a stopped charon and an unreachable gateway, each named"
