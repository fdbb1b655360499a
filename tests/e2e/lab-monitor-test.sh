#!/bin/bash
# `ipsec-wizard monitor` against the lab after a push: both gateways' CHILD SAs listed and every
# SA paired with its twin; byte counters rise between two polls while host A pings host B; and
# a non-root admin monitored through sudo; and when gateway B's charon dies (a crashed peer: A
# still holds its SAs) the monitor reports the tunnel half-up within two polls.
. "$(dirname "$0")/../integration/lib.sh"
need_root
LAB="$IPSECWIZ_SOURCE_DIR/lab/lab.sh"
export IPSECWIZ_LAB_DIR="$WORK/lab"
trap '"$LAB" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"$LAB" down >/dev/null 2>&1 || true
"$LAB" up > "$WORK/up.log" 2>&1 || fail "lab up: $(cat "$WORK/up.log")"
P=$("$LAB" profile)
"$IPSECWIZ" push "$P" --yes > "$WORK/push.log" 2>&1 || fail "push: $(tail "$WORK/push.log")"

monitor() { "$IPSECWIZ" monitor "$P" --once --json > "$WORK/m.json" 2> "$WORK/m.err" || fail "monitor: $(cat "$WORK/m.err")"; tr -d ' \n' < "$WORK/m.json"; }
field() { grep -o "\"$1\":[0-9]*" | head -n 1 | cut -d: -f2; }

# Both gateways start the tunnel when their config loads: for a moment an IKE SA collision can
# leave two (charon deletes the loser within seconds). Wait for it to settle.
for _ in $(seq 20); do
	m1=$(monitor)
	[ "$(grep -o '"children":\[{' <<<"$m1" | wc -l)" = 2 ] && grep -q '"onlyOnA":\[\],"onlyOnB":\[\]' <<<"$m1" && break
	sleep 0.5
done
grep -q '"correlation":{' <<<"$m1" || fail "no correlation in: $m1"
grep -q '"state":"up"' <<<"$m1" || fail "the tunnel is not reported up: $m1"
children=$(grep -o '"children":\[{' <<<"$m1" | wc -l)
[ "$children" = 2 ] || fail "expected a CHILD SA on each gateway, found $children"
pairs=$(grep -o '"direction":"[ab]-to-[ab]"' <<<"$m1" | sort | uniq -c | wc -l)
[ "$pairs" = 2 ] || fail "expected an SA pair each way, found $pairs: $m1"
grep -q '"onlyOnA":\[\],"onlyOnB":\[\]' <<<"$m1" || fail "an SA has no twin: $m1"
echo "ok: both CHILD SAs listed, every SA paired with its twin"

b1=$(grep -o '"bytesAToB":[0-9]*' <<<"$m1" | cut -d: -f2)
"$LAB" exec host-a -- ping -c 5 -i 0.2 -W 2 10.2.0.10 >/dev/null || fail "host A cannot ping host B"
m2=$(monitor)
b2=$(grep -o '"bytesAToB":[0-9]*' <<<"$m2" | cut -d: -f2)
[ -n "$b1" ] && [ -n "$b2" ] && [ "$b2" -gt "$b1" ] || fail "the A->B byte counter did not rise ($b1 -> $b2)"
echo "ok: A->B bytes rose from $b1 to $b2 while host A pinged host B"

# A non-root admin on gateway B who becomes root through sudo with a password (on sudo's stdin,
# never on a command line; the user lives only in the gateway's own /etc): the monitor still sees
# the CHILD SA.
"$LAB" exec gateway-b -- sh -c 'useradd -M -d /tmp -s /bin/sh admin && echo "admin:lab password" | chpasswd &&
	echo "admin ALL=(ALL) ALL" > /etc/sudoers.d/ipsecwiz-admin && chmod 0440 /etc/sudoers.d/ipsecwiz-admin' || fail "cannot add the sudo user"
sed '/"gatewayB"/,/}/ s/"user": "root"/"user": "admin"/' "$P" > "$WORK/sudo.json"
grep -q '"user": "admin"' "$WORK/sudo.json" || fail "could not make the sudo profile"
echo "lab password" > "$WORK/password"
chmod 600 "$WORK/password"
"$IPSECWIZ" monitor "$WORK/sudo.json" --once --json --gateway b --identity /nonexistent --password-file "$WORK/password" \
	> "$WORK/sudo-monitor.json" 2> "$WORK/sudo-monitor.err" || fail "monitor through sudo: $(cat "$WORK/sudo-monitor.err")"
grep -q '"state": "INSTALLED"\|"INSTALLED"' "$WORK/sudo-monitor.json" || fail "monitor through sudo shows no CHILD SA: $(cat "$WORK/sudo-monitor.json")"
grep -q -F -f "$WORK/password" "$WORK/sudo-monitor.json" "$WORK/sudo-monitor.err" && fail "the sudo password is in the monitor's output"
echo "ok: gateway B monitored as a non-root user through sudo with a password"

pid=$(cat "$IPSECWIZ_LAB_DIR/gateway-b/charon.pid")
kill -9 "$pid" || fail "cannot kill gateway B's charon"
half=no
for poll in 1 2; do
	m=$(monitor)
	if grep -q '"state":"partial"' <<<"$m" && grep -q 'half-up:gatewayAhas' <<<"$m"; then half=yes; break; fi
done
[ "$half" = yes ] || fail "after gateway B's charon died the monitor did not report half-up: $m"
echo "ok: half-up reported on poll $poll after gateway B's charon died"

raw=$("$IPSECWIZ" monitor "$P" --once --raw --gateway a) || fail "monitor --raw"
grep -q "ESTABLISHED" <<<"$raw" || fail "raw output of gateway A lacks the IKE SA: $raw"
echo "lab monitor: pairing, counters and half-up detection work against real charons"
