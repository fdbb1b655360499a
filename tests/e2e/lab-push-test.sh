#!/bin/bash
# `ipsec-wizard push` against the lab's two real gateways (sshd + charon in namespaces):
# the tunnel comes up and carries traffic, a second push changes nothing, and every fault
# leaves both gateways on their previous configuration with the tunnel still working.
. "$(dirname "$0")/../integration/lib.sh"
need_root
LAB="$IPSECWIZ_SOURCE_DIR/lab/lab.sh"
export IPSECWIZ_LAB_DIR="$WORK/lab"
trap '"$LAB" down >/dev/null 2>&1 || true; [ -n "${KEEP_LOGS:-}" ] && cp "$WORK"/*.log "$KEEP_LOGS"/; rm -rf "$WORK"' EXIT
"$LAB" down >/dev/null 2>&1 || true
"$LAB" up > "$WORK/lab-up.log" 2>&1 || fail "lab up: $(cat "$WORK/lab-up.log")"
P=$("$LAB" profile)
lab() { "$LAB" exec "$@"; }
# The key, kept in a 0600 file and matched with grep -f, so it never stands on a command line here either.
umask 077
sed -n 's/.*"psk": "0x\([0-9a-f]*\)".*/\1/p' "$P" > "$WORK/psk-pattern"
[ -s "$WORK/psk-pattern" ] || fail "the lab profile holds no key"

ping_through() { lab host-a -- ping -c 2 -W 2 10.2.0.10 >/dev/null 2>&1; }
fingerprint() { for g in a b; do lab "gateway-$g" -- sha256sum /etc/swanctl/conf.d/lab.conf 2>/dev/null || echo "gateway-$g: none"; done; }
in_bytes() { lab gateway-b -- swanctl --list-sas | sed -n 's/^ *in  [0-9a-f]*, *\([0-9]*\) bytes.*/\1/p' | head -n 1; }
expect_fault() { # NAME EXPECTED-TEXT PUSH-ARGS…: exit 3, the message, both gateways as before, tunnel up
	local name=$1 text=$2
	shift 2
	local before rc=0
	before=$(fingerprint)
	"$IPSECWIZ" push "$@" --yes > "$WORK/$name.log" 2>&1 || rc=$?
	[ "$rc" = 3 ] || fail "$name: exit $rc, expected 3: $(tail -n 20 "$WORK/$name.log")"
	grep -q -- "$text" "$WORK/$name.log" || fail "$name: no '$text' in: $(tail -n 20 "$WORK/$name.log")"
	[ "$(fingerprint)" = "$before" ] || fail "$name: a gateway's configuration changed"
	ping_through || fail "$name: the tunnel no longer passes traffic"
	echo "ok: $name"
}

# --- before the push: no way from host A to host B
ping_through && fail "host A reaches host B before any push"

# --- the push, with /proc/*/cmdline sampled on the machine (the gateways share its pid space)
touch "$WORK/sampling"
(
	while [ -e "$WORK/sampling" ]; do
		# bash builtins only (no tr per process): a sample must be quick enough to see a push of a
		# second or two even on a loaded machine.
		for f in /proc/[0-9]*/cmdline; do mapfile -d '' a 2>/dev/null < "$f" && echo "${a[*]}"; done > "$WORK/cmdlines"
		grep -c -F -f "$WORK/psk-pattern" "$WORK/cmdlines" >> "$WORK/psk-hits" || true
		grep -c 'ipsec-wizard push' "$WORK/cmdlines" >> "$WORK/push-seen" || true
	done
) &
sampler=$!
"$IPSECWIZ" push "$P" --yes > "$WORK/push1.log" 2>&1 || fail "push: $(tail -n 30 "$WORK/push1.log")"
rm -f "$WORK/sampling"
wait "$sampler" || fail "the cmdline sampler failed"
grep -q "gateway A: committed and confirmed" "$WORK/push1.log" || fail "gateway A not confirmed: $(tail "$WORK/push1.log")"
grep -q "gateway B: committed and confirmed" "$WORK/push1.log" || fail "gateway B not confirmed"
grep -q "\[A\] route to the peer \([0-9.]*\): \1 dev " "$WORK/push1.log" || fail "the preflight did not report gateway A's route to its peer"
[ "$(awk '$1 > 0' "$WORK/push-seen" | wc -l)" -ge 2 ] || fail "the cmdline sampler did not see the push running"
[ "$(awk '$1 > 0' "$WORK/psk-hits" | wc -l)" -eq 0 ] || fail "the key appeared in a process's command line"
echo "ok: push; the key was in no command line ($(wc -l < "$WORK/push-seen") samples)"

# --- the tunnel carries host traffic, and the CHILD_SA counters show it
b1=$(in_bytes)
ping_through || fail "host A cannot reach host B after the push"
lab host-b -- ping -c 2 -W 2 10.1.0.10 >/dev/null || fail "host B cannot reach host A after the push"
b2=$(in_bytes)
[ -n "$b1" ] && [ -n "$b2" ] && [ "$b2" -gt "$b1" ] || fail "CHILD_SA byte counters did not grow ($b1 -> $b2)"
echo "ok: host A <-> host B through the tunnel (gateway B in-bytes $b1 -> $b2)"
for g in a b; do
	[ "$(lab "gateway-$g" -- stat -c %a /etc/swanctl/conf.d/lab.conf)" = 600 ] || fail "gateway $g: the secret file is not 0600"
done
grep -q -F -f "$WORK/psk-pattern" "$WORK/push1.log" && fail "the key is in the push output"
grep -rq -F -f "$WORK/psk-pattern" "$IPSECWIZ_LAB_DIR"/gateway-*/*.log && fail "the key is in a gateway log"
echo "ok: secret file 0600 on both gateways; the key is in no log"

# --- the same profile again: nothing changes
before=$(fingerprint)
"$IPSECWIZ" push "$P" --yes > "$WORK/push2.log" 2>&1 || fail "second push: $(tail "$WORK/push2.log")"
grep -q "gateway A: unchanged" "$WORK/push2.log" && grep -q "gateway B: unchanged" "$WORK/push2.log" || fail "second push changed something: $(tail "$WORK/push2.log")"
[ "$(fingerprint)" = "$before" ] || fail "second push changed a file"
echo "ok: a second push changes nothing"

# --- faults
profile_with() { # JQ-LESS EDIT: replace the knownHostsFile path in a copy of the profile
	sed "s|\"knownHostsFile\": \"[^\"]*\"|\"knownHostsFile\": \"$1\"|" "$P" > "$2"
}
newkey() { echo "0x$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')" > "$WORK/other-psk"; }
mkdir -p "$WORK/home"

: > "$WORK/empty_known_hosts"
profile_with "$WORK/empty_known_hosts" "$WORK/unknown.json"
HOME="$WORK/home" expect_fault unknown-host-key "can't be established" "$WORK/unknown.json"

ssh-keygen -q -t ed25519 -N '' -f "$WORK/impostor"
{ echo "10.99.1.2 $(cut -d' ' -f1,2 "$WORK/impostor.pub")"; grep '^10.99.2.2 ' "$IPSECWIZ_LAB_DIR/known_hosts"; } > "$WORK/changed_known_hosts"
profile_with "$WORK/changed_known_hosts" "$WORK/changed.json"
HOME="$WORK/home" expect_fault changed-host-key "REMOTE HOST IDENTIFICATION HAS CHANGED" "$WORK/changed.json"

ssh-keygen -q -t ed25519 -N '' -f "$WORK/stranger"
expect_fault wrong-credentials "Permission denied" "$P" --identity "$WORK/stranger"

# A non-root admin on gateway B who becomes root through sudo with a password (given on
# sudo's stdin, never on a command line); the user lives only in the gateway's own /etc.
lab gateway-b -- sh -c 'useradd -M -d /tmp -s /bin/sh admin && echo "admin:lab password" | chpasswd &&
	echo "admin ALL=(ALL) ALL" > /etc/sudoers.d/ipsecwiz-admin && chmod 0440 /etc/sudoers.d/ipsecwiz-admin' || fail "cannot add the sudo user"
printf 'lab password\n' > "$WORK/password"
printf 'not the password\n' > "$WORK/wrong-password"
sed '/"gatewayB"/,/}/ s/"user": "root"/"user": "admin"/' "$P" > "$WORK/sudo.json"
grep -q '"user": "admin"' "$WORK/sudo.json" || fail "could not make the sudo profile"
expect_fault wrong-password "Permission denied" "$WORK/sudo.json" --identity "$WORK/stranger" --password-file "$WORK/wrong-password"
newkey
"$IPSECWIZ" push "$WORK/sudo.json" --yes --psk-file "$WORK/other-psk" --password-file "$WORK/password" > "$WORK/sudo.log" 2>&1 \
	|| fail "push through sudo: $(tail -n 20 "$WORK/sudo.log")"
grep -q "\[B\] working as root through sudo" "$WORK/sudo.log" || fail "gateway B was not worked on through sudo"
grep -q "gateway B: committed and confirmed" "$WORK/sudo.log" || fail "push through sudo did not commit gateway B"
[ "$(lab gateway-b -- stat -c '%a %U' /etc/swanctl/conf.d/lab.conf)" = "600 root" ] || fail "through sudo the secret file is not 0600 root"
grep -q -F -f "$WORK/password" "$WORK/sudo.log" && fail "the sudo password is in the push output"
"$IPSECWIZ" push "$P" --yes > "$WORK/back.log" 2>&1 || fail "push back to the lab key: $(tail "$WORK/back.log")"
ping_through || fail "the tunnel does not pass traffic after the sudo pushes"
echo "ok: push through sudo with a password; wrong password refused"

# charon on gateway B refuses the configuration (a broken file beside ours makes --load-all fail)
newkey
lab gateway-b -- sh -c 'printf "connections {\n broken {\n  proposals = nonsense\n }\n}\n" > /etc/swanctl/conf.d/zz-broken.conf'
expect_fault charon-rejects "gateway B rolled back" "$P" --psk-file "$WORK/other-psk"
lab gateway-b -- rm -f /etc/swanctl/conf.d/zz-broken.conf

# gateway B's sshd killed in the middle of the push
newkey
before=$(fingerprint)
rc=0
"$IPSECWIZ" push "$P" --yes --psk-file "$WORK/other-psk" --confirm-timeout 10 > "$WORK/killed.log" 2>&1 &
pusher=$!
for _ in $(seq 100); do grep -q '\[B\] \(upload\|preflight\)' "$WORK/killed.log" && break; sleep 0.05; done
for pid in $(ip netns pids ipsecwiz-gateway-b); do [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = sshd ] && kill -9 "$pid"; done
wait "$pusher" || rc=$?
[ "$rc" = 3 ] || fail "sshd-killed: exit $rc, expected 3: $(tail -n 20 "$WORK/killed.log")"
lab gateway-b -- /usr/sbin/sshd -f /etc/ssh/sshd_config -E /run/sshd-restarted.log || fail "cannot restart gateway B's sshd"
sleep 11 # a gateway that had committed rolls back by itself once the confirm timeout passes
[ "$(fingerprint)" = "$before" ] || fail "sshd-killed: a gateway's configuration changed"
ping_through || fail "sshd-killed: the tunnel no longer passes traffic"
echo "ok: sshd-killed"

# firewall rules that cut the management link: the gateways roll back by themselves
cat > "$WORK/lockout.nft" <<'NFT'
table inet ipsec_wizard_lab {
	chain input {
		type filter hook input priority filter; policy accept;
		tcp dport 22 drop
	}
}
NFT
newkey
before=$(fingerprint)
rc=0
"$IPSECWIZ" push "$P" --yes --psk-file "$WORK/other-psk" --firewall "$WORK/lockout.nft" --confirm-timeout 8 --no-tunnel-test \
	> "$WORK/lockout.log" 2>&1 || rc=$?
[ "$rc" = 3 ] || fail "lockout: exit $rc, expected 3: $(tail -n 20 "$WORK/lockout.log")"
answered=no
for _ in $(seq 60); do
	if ssh -i "$IPSECWIZ_LAB_DIR/admin_ed25519" -o UserKnownHostsFile="$IPSECWIZ_LAB_DIR/known_hosts" -o StrictHostKeyChecking=yes \
		-o ConnectTimeout=1 -o BatchMode=yes root@10.99.2.2 true 2>/dev/null; then answered=yes; break; fi
	sleep 0.5
done
[ "$answered" = yes ] || fail "lockout: gateway B does not answer SSH again"
lab gateway-a -- nft list table inet ipsec_wizard_lab >/dev/null 2>&1 && fail "lockout: the blocking table is still on gateway A"
[ "$(fingerprint)" = "$before" ] || fail "lockout: a gateway's configuration changed"
ping_through || fail "lockout: the tunnel no longer passes traffic"
echo "ok: lockout (the gateways rolled back by themselves and answer SSH again)"

echo "lab push: tunnel up, repeat push unchanged, sudo works, 7 faults each left both gateways as they were"
