#!/bin/bash
# Runs TestSshSession (or TestMonitorPoller: IPSECWIZ_TEST_BINARY) against a real OpenSSH sshd started for the test on 127.0.0.1 inside a
# private network namespace (nothing else on the machine can reach it, nor is touched).
. "$(dirname "$0")/lib.sh"
need_root
[ -x /usr/sbin/sshd ] || fail "sshd is missing: apt-get install openssh-server"
need_tool ssh-keygen openssh-client
need_tool ssh-agent openssh-client
need_tool openssl openssl
: "${IPSECWIZ_TEST_BINARY:?IPSECWIZ_TEST_BINARY must name the TestSshSession binary}"

if [ "${IPSECWIZ_IN_NS:-}" != 1 ]; then
	exec env IPSECWIZ_IN_NS=1 unshare --net --mount --propagation private "$0" "$@"
fi
ip link set lo up
D="$WORK/ssh"
mkdir -p "$D" /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$D/host_ed25519"
ssh-keygen -q -t ed25519 -N '' -f "$D/host_other"          # the "changed" key
ssh-keygen -q -t ed25519 -N '' -f "$D/client"               # the admin's key
ssh-keygen -q -t ed25519 -N 'secret passphrase' -f "$D/client_locked"
ssh-keygen -q -t ed25519 -N '' -f "$D/stranger"             # a key the server does not know
cat "$D/client.pub" "$D/client_locked.pub" > "$D/authorized_keys"
ssh-keygen -q -t ed25519 -N '' -f "$D/agent_key"            # only the ssh-agent holds this one
cat "$D/agent_key.pub" >> "$D/authorized_keys"
# A password user that exists only in this mount namespace's /etc/passwd and /etc/shadow.
cp /etc/passwd "$D/passwd"; cp /etc/shadow "$D/shadow"
echo "iwtest:x:4242:65534:IPsec Wizard test:/tmp:/bin/sh" >> "$D/passwd"
echo "iwtest:$(openssl passwd -6 'test pw'):19000:0:99999:7:::" >> "$D/shadow"
# The gateway's root gets an empty home: this machine's own ~/.bashrc (which may run pyenv,
# whose rehash lock can hang every login for a minute) is not part of what is tested.
mount -t tmpfs -o mode=0700 ipsecwiz-root /root
mount --bind "$D/passwd" /etc/passwd
mount --bind "$D/shadow" /etc/shadow
eval "$(ssh-agent -s)" >/dev/null
ssh-add -q "$D/agent_key" 2>/dev/null || fail "ssh-add failed"
agent_sock=$SSH_AUTH_SOCK
unset SSH_AUTH_SOCK
cat > "$D/sshd_config" <<CFG
Port 2222
ListenAddress 127.0.0.1
HostKey $D/host_ed25519
PidFile $D/sshd.pid
AuthorizedKeysFile $D/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication yes
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
Subsystem sftp internal-sftp
CFG
# A gateway's `setkey`, for the monitor's poller: a private tmpfs over /usr/local/sbin (first in
# sshd's PATH for root, and only in this mount namespace) holds a script that prints recorded
# output, floods, or hangs, as $D/setkey-mode says; every call is counted in $D/setkey-calls.
mount -t tmpfs -o mode=0755 ipsecwiz-test /usr/local/sbin
F="$IPSECWIZ_SOURCE_DIR/tests/fixtures/monitor"
cat > /usr/local/sbin/setkey <<SETKEY
#!/bin/sh
{ echo "\$*" >> "$D/setkey-calls"; } 2>/dev/null
case "\$(cat "$D/setkey-mode" 2>/dev/null)" in
flood) exec head -c 104857600 /dev/urandom ;;
hang) exec sleep 3600 ;;
esac
if [ "\$1" = -DP ]; then cat "$F/setkey-DP-linux-fwd-prio-per-socket.txt"; else cat "$F/setkey-D-linux-tunnel-ipcomp-dying-larval.txt"; fi
SETKEY
chmod 0755 /usr/local/sbin/setkey
# …and in /usr/local/bin for the password user, whose PATH has no sbin.
mount -t tmpfs -o mode=0755 ipsecwiz-test-bin /usr/local/bin
cp /usr/local/sbin/setkey /usr/local/bin/setkey
echo normal > "$D/setkey-mode"
/usr/sbin/sshd -f "$D/sshd_config" -E "$D/sshd.log" || fail "sshd did not start: $(cat "$D/sshd.log")"
trap 'kill "$(cat "$D/sshd.pid" 2>/dev/null)" 2>/dev/null || true; kill "$SSH_AGENT_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s "$D/sshd.pid" ] && break; sleep 0.1; done
IPSECWIZ_SSHD_CONFIG="$D/sshd_config" IPSECWIZ_SSH_AGENT_SOCK="$agent_sock" IPSECWIZ_SSH_DIR="$D" IPSECWIZ_SSH_PORT=2222 QT_QPA_PLATFORM=offscreen HOME="$WORK/home" SSH_AUTH_SOCK= "$IPSECWIZ_TEST_BINARY" "$@"
