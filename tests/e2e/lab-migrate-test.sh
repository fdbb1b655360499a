#!/bin/bash
# Adopting and migrating gateways that were set up by hand, on the lab's real sshd and charon:
#  1. both gateways run a tunnel from a swanctl config an admin wrote; it is imported over SSH
#     and pushed back: nothing on either gateway changes (checksums and times), the tunnel keeps
#     carrying traffic. With its ESP proposal changed in the profile, the push takes it over:
#     exactly its connection and secret sections of the admin's file are commented out, every
#     other byte stays, and it comes up with the new proposal;
#  2. both gateways hold the seed how-to's racoon-tool files (a tunnel between them and one to
#     an office elsewhere); imported over SSH, the tunnel between them is moved to strongSwan on
#     both. With B's charon stopped the push fails and both gateways keep their files byte for
#     byte; with it running the tunnel comes up and passes ping, exactly that tunnel's lines are
#     commented out (the office's stay, every other byte stays), and psk.txt stays 0600;
#  3. the rehearsal: a lab built from the migrated profile (`lab up --from`) takes its push.
# racoon itself cannot run here (no PF_KEY in this kernel, no racoon in Debian 12): the lab shows
# the files and strongSwan's side, not racoon-tool letting go of a live tunnel.
. "$(dirname "$0")/../integration/lib.sh"
need_root
need_tool swanctl strongswan-swanctl
LAB="$IPSECWIZ_SOURCE_DIR/lab/lab.sh"
export IPSECWIZ_LAB_DIR="$WORK/lab"
trap '"$IPSECWIZ" lab down >/dev/null 2>&1; "$LAB" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"$LAB" down >/dev/null 2>&1 || true
"$LAB" up > "$WORK/up.log" 2>&1 || fail "lab up: $(cat "$WORK/up.log")"
P=$("$LAB" profile)
field() { python3 -c "import json,sys; p=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$P" "$1"; }
A=$(field "p['gatewayA']['ssh']['host']")
B=$(field "p['gatewayB']['ssh']['host']")
A_PUB=$(field "p['gatewayA']['publicAddress'].split('/')[0]")
B_PUB=$(field "p['gatewayB']['publicAddress'].split('/')[0]")
NET_A=$(field "p['networkA']")
NET_B=$(field "p['networkB']")
A_IN=$(field "p['gatewayA']['internalAddress']")
B_IN=$(field "p['gatewayB']['internalAddress']")
KEYFILE="$IPSECWIZ_LAB_DIR/admin_ed25519"
mkdir -p "$WORK/home/.ssh"
cp "$IPSECWIZ_LAB_DIR/known_hosts" "$WORK/home/.ssh/known_hosts"
export HOME="$WORK/home"
umask 077
step() { echo "==> [${SECONDS}s] $*"; }
on() { local gw=$1; shift; "$LAB" exec "$gw" -- "$@"; }
ping_through() { # CHILD: the tunnel carries traffic between the gateways' inside addresses
	for try in 1 2 3 4 5 6; do
		on gateway-a ping -c 2 -i 0.3 -W 2 -I "$A_IN" "$B_IN" > "$WORK/ping.log" 2>&1 && return 0
		# This kernel has no ESP: charon's userspace ESP (kernel-libipsec) does not start a
		# tunnel on traffic, so it is started as an admin would.
		[ "$try" = 1 ] && on gateway-a swanctl --initiate --child "$1" --timeout 15 >> "$WORK/ping.log" 2>&1
		sleep 1
	done
	return 1
}
state() { # every file and link under the IPsec folders of gateway $1, with checksum, size, time and mode
	on "$1" sh -c 'find /etc/swanctl /etc/ipsec-wizard /etc/racoon -xdev \( -type f -o -type l \) -printf "%p %l %s %T@ %m\n" 2>/dev/null | sort
		find /etc/swanctl /etc/ipsec-wizard /etc/racoon -xdev -type f -exec sha256sum {} + 2>/dev/null | sort'
}

# --- 1. A tunnel an admin wrote in swanctl, imported and pushed back: no change -------------------
step "both gateways get a swanctl tunnel written by hand"
hand_key=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
hand() { # GATEWAY LOCAL_PUB REMOTE_PUB LOCAL_NET REMOTE_NET
	on "$1" sh -c "umask 077; cat > /etc/swanctl/conf.d/site-to-site.conf" <<X
# written by the admin
connections {
    hand {
        local_addrs = $2
        remote_addrs = $3
        proposals = aes256gcm16-prfsha256-curve25519
        local {
            auth = psk
            id = $2
        }
        remote {
            auth = psk
            id = $3
        }
        children {
            hand {
                local_ts = $4
                remote_ts = $5
                esp_proposals = aes256gcm16-curve25519
                start_action = trap
            }
        }
    }
}
secrets {
    ike-hand {
        id-local = $2
        id-remote = $3
        secret = 0x$hand_key
    }
}
X
	on "$1" swanctl --load-all > "$WORK/load.log" 2>&1 || fail "$1 does not load the admin's config: $(cat "$WORK/load.log")"
}
hand gateway-a "$A_PUB" "$B_PUB" "$NET_A" "$NET_B"
hand gateway-b "$B_PUB" "$A_PUB" "$NET_B" "$NET_A"
ping_through hand || fail "the admin's own tunnel does not carry traffic: $(cat "$WORK/ping.log")"
echo "ok: the admin's swanctl tunnel passes ping"

step "import both gateways over SSH"
"$IPSECWIZ" import --from-gateway "root@$A" --from-gateway "root@$B" --identity "$KEYFILE" -o "$WORK/hand.json" --include-psk \
	> "$WORK/import1.log" 2>&1 || fail "import: $(cat "$WORK/import1.log")"
grep -q -F "$hand_key" "$WORK/import1.log" && fail "the import printed the key"
python3 - "$WORK/hand.json" <<'PY' || fail "the imported profile: $(cat "$WORK/import1.log")"
import json, sys
p = json.load(open(sys.argv[1]))
managed = [s for s in p["sites"] if s["gateway"].get("managed", True)]
assert len(managed) == 2, p["sites"]
assert all(s["gateway"]["importedFrom"] == "swanctl" for s in managed), managed
assert [t["name"] for t in p["tunnels"]] == ["hand"], p["tunnels"]
PY
state gateway-a > "$WORK/a.before"; state gateway-b > "$WORK/b.before"

step "push the imported profile back"
"$IPSECWIZ" push "$WORK/hand.json" --yes --identity "$KEYFILE" > "$WORK/push1.log" 2>&1 || fail "push of the imported profile: $(tail -n 30 "$WORK/push1.log")"
[ "$(grep -c "left as it is" "$WORK/push1.log")" = 2 ] || fail "the push does not say both gateways are left as they are: $(cat "$WORK/push1.log")"
grep -q -F "$hand_key" "$WORK/push1.log" && fail "the push printed the key"
state gateway-a > "$WORK/a.after"; state gateway-b > "$WORK/b.after"
diff "$WORK/a.before" "$WORK/a.after" > "$WORK/a.diff" || fail "the push changed gateway A: $(cat "$WORK/a.diff")"
diff "$WORK/b.before" "$WORK/b.after" > "$WORK/b.diff" || fail "the push changed gateway B: $(cat "$WORK/b.diff")"
ping_through hand || fail "the tunnel does not carry traffic after the push: $(cat "$WORK/ping.log")"
echo "ok: pushed back with no change ($(wc -l < "$WORK/a.before") + $(wc -l < "$WORK/b.before") lines of state compared); the tunnel still passes ping"

# --- 1b. The same tunnel with a setting changed in the profile: taken over from the admin's file ---
step "the imported tunnel gets another ESP proposal and is pushed: it moves into the program's files"
for gw in a b; do on "gateway-$gw" sha256sum /etc/swanctl/conf.d/site-to-site.conf > "$WORK/hand-$gw.sum"; done
python3 - "$WORK/hand.json" "$WORK/hand2.json" <<'PY' || fail "cannot change the imported profile"
import json, os, sys
p = json.load(open(sys.argv[1]))
t = p["tunnels"][0]
esp = t.get("esp") or p["esp"]
assert esp["encryption"] == "aes256gcm16", esp
esp["encryption"] = "aes128gcm16"
fd = os.open(sys.argv[2], os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
os.write(fd, json.dumps(p, indent=4).encode())
os.close(fd)
PY
"$IPSECWIZ" push "$WORK/hand2.json" --yes --identity "$KEYFILE" > "$WORK/push1b.log" 2>&1 || fail "the take-over push: $(tail -n 30 "$WORK/push1b.log")"
grep -q -F "$hand_key" "$WORK/push1b.log" && fail "the take-over push printed the key"
[ "$(grep -c "taking over from swanctl" "$WORK/push1b.log")" -ge 2 ] || fail "the push does not say what it took over: $(cat "$WORK/push1b.log")"
for gw in a b; do
	on "gateway-$gw" cat /etc/swanctl/conf.d/site-to-site.conf > "$WORK/hand-$gw.conf"
	[ "$(on "gateway-$gw" stat -c %a /etc/swanctl/conf.d/site-to-site.conf)" = 600 ] || fail "gateway $gw's site-to-site.conf lost its mode"
	python3 - "$WORK/hand-$gw.conf" "$WORK/hand-$gw.sum" <<'PY' || fail "gateway $gw's site-to-site.conf after the take-over: $(cat "$WORK/hand-$gw.conf" | sed 's/secret = .*/secret = (masked)/')"
import hashlib, sys
text = open(sys.argv[1]).read()
want = open(sys.argv[2]).read().split()[0]
out, taken = [], []
for line in text.splitlines(keepends=True):
    if line.startswith("# ipsec-wizard: tunnel ") or line.startswith('# starting with "#| "'):
        continue
    if line.startswith("#| "):
        taken.append(line[3:].strip())
    out.append(line[3:] if line.startswith("#| ") else line)
assert hashlib.sha256("".join(out).encode()).hexdigest() == want, "some other byte of site-to-site.conf changed"
# the connection brace to brace (21 lines) and the secret (5), nothing else
assert taken[0] == "hand {" and taken[21] == "ike-hand {" and len(taken) == 26, taken[:3]
assert "connections {" in text.splitlines() and "secrets {" in text.splitlines(), "the admin's outer sections were touched"
PY
done
on gateway-a swanctl --terminate --ike hand --timeout 5 > /dev/null 2>&1 || true
ping_through hand || fail "the taken-over tunnel does not pass ping: $(cat "$WORK/ping.log")"
on gateway-a swanctl --list-sas --ike hand > "$WORK/sas1b.log" 2>&1
grep -q 'ESP:AES_GCM_16-128' "$WORK/sas1b.log" || fail "the tunnel does not run the profile's new ESP proposal: $(cat "$WORK/sas1b.log")"
on gateway-a swanctl --list-conns > "$WORK/conns1b.log" 2>&1
[ "$(grep -c '^hand: ' "$WORK/conns1b.log")" = 1 ] || fail "A does not have exactly one connection hand: $(cat "$WORK/conns1b.log")"
echo "ok: the changed tunnel moved into the program's files; exactly its lines of site-to-site.conf are commented out, every other byte stays; it passes ping with ESP:AES_GCM_16-128"
"$IPSECWIZ" push "$WORK/hand2.json" --yes --identity "$KEYFILE" > "$WORK/push1c.log" 2>&1 || fail "the push after the take-over: $(tail -n 30 "$WORK/push1c.log")"
grep -q "taking over" "$WORK/push1c.log" && fail "the push after the take-over took something over again: $(cat "$WORK/push1c.log")"
[ "$(grep -c "left as it is" "$WORK/push1c.log")" = 2 ] || fail "the push after the take-over changed something: $(cat "$WORK/push1c.log")"
echo "ok: pushed again, nothing changes"

# --- 2. racoon-tool files, migrated to strongSwan on both gateways --------------------------------
step "the swanctl tunnel removed; the seed how-to's racoon-tool files on both gateways"
"$IPSECWIZ" remove "$WORK/hand2.json" --tunnel hand --yes --identity "$KEYFILE" > "$WORK/remove1.log" 2>&1 || fail "remove: $(tail -n 30 "$WORK/remove1.log")"
for gw in gateway-a gateway-b; do
	on "$gw" sh -c 'rm -f /etc/swanctl/conf.d/site-to-site.conf && swanctl --load-all >/dev/null 2>&1; swanctl --terminate --ike hand --timeout 5 >/dev/null 2>&1; true'
	on "$gw" swanctl --list-conns 2>&1 | grep -q '^hand: ' && fail "$gw still has the connection hand after remove"
done
racoon_key=$(head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n')
office_key=OfficeKeyTypedByHand42
tool() { # GATEWAY LOCAL_PUB REMOTE_PUB LOCAL_NET REMOTE_NET
	on "$1" sh -c "mkdir -p /etc/racoon && cat > /etc/racoon/racoon-tool.conf && chmod 644 /etc/racoon/racoon-tool.conf" <<X
# /etc/racoon/racoon-tool.conf, as the 2004 how-to has it

global:
	log: notify

peer(%default):
	verify_identifier: on
	encryption_algorithm[0]: aes
	hash_algorithm[0]: sha1
	dh_group[0]: modp2048

connection(%default):
	src_ip: $2
	encryption_algorithm: aes
	authentication_algorithm: hmac_sha1
	pfs_group: modp2048

peer($3):
	peers_identifier: address

connection(tunnel):
	src_range: $4
	dst_range: $5
	dst_ip: $3
	admin_status: enabled

# The office: someone else's peer, which stays on racoon-tool.
peer(203.0.113.77):
	peers_identifier: address

connection(office):
	src_range: $4
	dst_range: 172.16.9.0/24
	dst_ip: 203.0.113.77
	admin_status: enabled
X
	printf '# Entry for the other gateway\n%s\t0x%s\n203.0.113.77\t%s\n' "$3" "$racoon_key" "$office_key" |
		on "$1" sh -c "umask 077; cat > /etc/racoon/psk.txt"
}
tool gateway-a "$A_PUB" "$B_PUB" "$NET_A" "$NET_B"
tool gateway-b "$B_PUB" "$A_PUB" "$NET_B" "$NET_A"
for gw in a b; do
	on "gateway-$gw" sh -c 'sha256sum /etc/racoon/racoon-tool.conf /etc/racoon/psk.txt' > "$WORK/racoon-$gw.sum"
done

step "import both over SSH as racoon-tool; move the tunnel between them to strongSwan"
"$IPSECWIZ" import --from-gateway "root@$A" --from-gateway "root@$B" --format racoon-tool --identity "$KEYFILE" -o "$WORK/tool.json" --include-psk \
	> "$WORK/import2.log" 2>&1 || fail "import of racoon-tool: $(cat "$WORK/import2.log")"
grep -q -F -e "$racoon_key" -e "$office_key" "$WORK/import2.log" && fail "the import printed a key"
python3 - "$WORK/tool.json" "$WORK/migrate.json" "$racoon_key" <<'PY' || fail "the imported racoon-tool profile: $(cat "$WORK/import2.log")"
import json, os, sys
p = json.load(open(sys.argv[1]))
managed = [s for s in p["sites"] if s["gateway"].get("managed", True)]
assert len(managed) == 2, p["sites"]
assert all(s["gateway"]["importedFrom"] == "racoon-tool" and s["gateway"]["flavour"] == "racoon-tool" for s in managed), managed
names = {s["name"] for s in managed}
between = [t for t in p["tunnels"] if set(t["sites"]) == names]
assert len(between) == 1, p["tunnels"]
assert between[0]["psk"] == "0x" + sys.argv[3], "the tunnel's key is not the one in psk.txt"
# The admin moves this one tunnel; the office (someone else's peer) stays out of the profile.
p["tunnels"] = between
p["sites"] = managed
for s in managed:
    s["gateway"]["flavour"] = "strongswan"
fd = os.open(sys.argv[2], os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
os.write(fd, json.dumps(p, indent=4).encode())
os.close(fd)
PY
"$IPSECWIZ" validate "$WORK/migrate.json" > "$WORK/validate.log" 2>&1 || fail "the migrated profile is not valid: $(cat "$WORK/validate.log")"

step "with B's charon stopped the migration fails, and both gateways keep every byte"
state gateway-a > "$WORK/a.before"; state gateway-b > "$WORK/b.before"
kill "$(cat "$IPSECWIZ_LAB_DIR/gateway-b/charon.pid")" || fail "cannot stop B's charon"
sleep 0.5
status=0
"$IPSECWIZ" push "$WORK/migrate.json" --yes --identity "$KEYFILE" --confirm-timeout 20 > "$WORK/push2.log" 2>&1 || status=$?
[ "$status" != 0 ] || fail "the push went through with B's charon stopped: $(tail -n 20 "$WORK/push2.log")"
state gateway-a > "$WORK/a.after"; state gateway-b > "$WORK/b.after"
# The push's own bookkeeping (/etc/ipsec-wizard: its lock and transaction folder) aside, nothing changed.
for gw in a b; do
	grep -v ' /etc/ipsec-wizard/' "$WORK/$gw.before" | grep -v '^/etc/ipsec-wizard/' > "$WORK/$gw.b"
	grep -v ' /etc/ipsec-wizard/' "$WORK/$gw.after" | grep -v '^/etc/ipsec-wizard/' > "$WORK/$gw.a"
	diff "$WORK/$gw.b" "$WORK/$gw.a" > "$WORK/$gw.diff" || fail "the failed migration left gateway $gw changed: $(cat "$WORK/$gw.diff")"
	on "gateway-$gw" sh -c 'sha256sum /etc/racoon/racoon-tool.conf /etc/racoon/psk.txt' | cmp -s - "$WORK/racoon-$gw.sum" ||
		fail "gateway $gw's racoon-tool files are not what they were"
done
echo "ok: the failed migration left both gateways' files as they were: $(grep -m1 'ipsec-wizard: error' "$WORK/push2.log" | cut -c1-240)"
on gateway-b env -u STRONGSWAN_CONF sh -c "rm -f /run/charon.vici /run/charon.pid; setsid /usr/lib/ipsec/charon </dev/null >>'$IPSECWIZ_LAB_DIR/gateway-b/charon.log' 2>&1 & echo \$! > '$IPSECWIZ_LAB_DIR/gateway-b/charon.pid'" ||
	fail "cannot start B's charon again"
for _ in $(seq 50); do on gateway-b swanctl --stats >/dev/null 2>&1 && break; sleep 0.1; done

step "the migration, with both charons running"
"$IPSECWIZ" push "$WORK/migrate.json" --yes --identity "$KEYFILE" > "$WORK/push3.log" 2>&1 || fail "the migration push: $(tail -n 30 "$WORK/push3.log")"
grep -q -F -e "$racoon_key" -e "$office_key" "$WORK/push3.log" && fail "the push printed a key"
[ "$(grep -c "taking over from racoon-tool" "$WORK/push3.log")" -ge 4 ] || fail "the push does not say what it took over: $(cat "$WORK/push3.log")"
ping_through tunnel || fail "the migrated tunnel does not pass ping: $(cat "$WORK/ping.log")"
on gateway-a swanctl --list-sas > "$WORK/sas.log" 2>&1
grep -q 'ESTABLISHED' "$WORK/sas.log" || fail "no IKE SA on A after the migration: $(cat "$WORK/sas.log")"
echo "ok: migrated to strongSwan on both gateways; the tunnel passes ping"

for gw in a b; do
	on "gateway-$gw" cat /etc/racoon/racoon-tool.conf > "$WORK/tool-$gw.conf"
	on "gateway-$gw" cat /etc/racoon/psk.txt > "$WORK/psk-$gw.txt"
	[ "$(on "gateway-$gw" stat -c %a /etc/racoon/psk.txt)" = 600 ] || fail "gateway $gw's psk.txt is not 0600 after the migration"
	[ "$(on "gateway-$gw" stat -c %a /etc/racoon/racoon-tool.conf)" = 644 ] || fail "gateway $gw's racoon-tool.conf lost its mode"
	python3 - "$WORK/tool-$gw.conf" "$WORK/psk-$gw.txt" "$WORK/racoon-$gw.sum" <<'PY' || fail "gateway $gw's racoon-tool files after the migration"
import hashlib, sys
def restored(text):
    out = []
    for line in text.splitlines(keepends=True):
        if line.startswith("# ipsec-wizard: tunnel ") or line.startswith('# starting with "#| "'):
            continue
        out.append(line[3:] if line.startswith("#| ") else line)
    return "".join(out)
conf, psk = open(sys.argv[1]).read(), open(sys.argv[2]).read()
sums = dict(reversed(l.split()) for l in open(sys.argv[3]))
taken = [l[3:].strip() for l in conf.splitlines() if l.startswith("#| ")]
assert taken[0].startswith("peer(") and taken[2] == "connection(tunnel):" and len(taken) == 7, taken
assert "peer(203.0.113.77):" in conf.splitlines() and "connection(office):" in conf.splitlines(), "the office's sections were touched"
assert "connection(%default):" in conf.splitlines() and "peer(%default):" in conf.splitlines(), "a %default section was touched"
for path, text in (("/etc/racoon/racoon-tool.conf", conf), ("/etc/racoon/psk.txt", psk)):
    assert hashlib.sha256(restored(text).encode()).hexdigest() == sums[path], path + ": some other byte changed"
assert [l for l in psk.splitlines() if l.startswith("#| ")][0].split()[2].startswith("0x"), "the tunnel's key line is not the one taken"
assert "203.0.113.77\tOfficeKeyTypedByHand42" in psk.splitlines(), "the office's key was touched"
print("taken:", taken)
PY
done
echo "ok: exactly the tunnel's racoon-tool lines are commented out on both gateways; the office's and every other byte stay"

step "pushed again: the gateways already run it"
"$IPSECWIZ" push "$WORK/migrate.json" --yes --identity "$KEYFILE" > "$WORK/push4.log" 2>&1 || fail "the second push: $(tail -n 30 "$WORK/push4.log")"
# The tunnel's racoon-tool lines are gone, so nothing of racoon-tool's is left to take over; the
# program's own files are what the profile says.
[ "$(grep -c "unchanged (already up to date)" "$WORK/push4.log")" = 2 ] || fail "the second push does not find the gateways as the profile says: $(cat "$WORK/push4.log")"
grep -q "taking over" "$WORK/push4.log" && fail "the second push took something over again: $(cat "$WORK/push4.log")"
echo "ok: a second push changes nothing"

# --- 3. The rehearsal the README recommends: the lab built from the migrated profile, pushed first
step "the rehearsal: lab up --from the migrated profile, then the push there"
"$LAB" down > /dev/null 2>&1 || fail "lab down"
"$IPSECWIZ" lab up --from "$WORK/migrate.json" > "$WORK/up2.log" 2>&1 || fail "lab up --from the migrated profile: $(tail -n 20 "$WORK/up2.log")"
LP="$IPSECWIZ_LAB_DIR/lab-profile.json"
# New gateways on the same management addresses: new host keys (the push refuses the old ones).
cp "$IPSECWIZ_LAB_DIR/known_hosts" "$HOME/.ssh/known_hosts"
"$IPSECWIZ" push "$LP" --yes > "$WORK/push5.log" 2>&1 || fail "the rehearsal's push: $(tail -n 30 "$WORK/push5.log")"
grep -q -F -e "$racoon_key" "$WORK/push5.log" && fail "the rehearsal's push printed the key"
[ "$(grep -c "nothing to take over" "$WORK/push5.log")" = 2 ] || fail "the rehearsal does not say the lab has no racoon-tool files: $(cat "$WORK/push5.log")"
grep -q "tunnel test tunnel" "$WORK/push5.log" || fail "the rehearsal's push tested no tunnel: $(cat "$WORK/push5.log")"
site_a=$(python3 -c "import json,sys; print([s['name'] for s in json.load(open(sys.argv[1]))['sites']][0])" "$WORK/migrate.json")
"$IPSECWIZ" lab exec "gw-$site_a" -- ping -c 2 -i 0.3 -W 2 -I "$A_IN" "$B_IN" > "$WORK/ping.log" 2>&1 || fail "the rehearsal's tunnel does not pass ping: $(cat "$WORK/ping.log")"
echo "ok: the migrated profile rehearsed in a lab built from it: pushed, the tunnel passes ping"
