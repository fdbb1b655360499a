#!/bin/bash
# Fleet rollout through Ansible: `lab up --from` the example hub-and-spoke network (4 gateways:
# hq; branch1 behind NAT, branch2 dynamic, branch3 with two networks), `ipsec-wizard ansible` its
# profile, and Debian's ansible-playbook against the lab's real sshds:
#   1. the project keeps the keys in group_vars/all/psk.yml (0600) only;
#   2. one run brings every tunnel up (the hosts ping through them), and each gateway then holds
#      byte for byte what `generate --all` writes;
#   3. a second run reports changed=0 on every host;
#   4. --check --diff of a changed profile shows exactly the lines `generate` changed (keys masked)
#      and touches nothing; the real run then installs them;
#   5. the keys' file written through ansible-vault works with --vault-password-file;
#   6. a fault (branch2's charon stopped, so it cannot load the change) leaves every host on its
#      previous files and every other host's daemon on its previous connections.
# No key appears in anything ansible-playbook printed.
. "$(dirname "$0")/../integration/lib.sh"
need_root
need_tool ansible-playbook ansible-core
need_tool swanctl strongswan-swanctl
export IPSECWIZ_LAB_DIR="$WORK/lab"
EXAMPLE_NET="$IPSECWIZ_SOURCE_DIR/resources/examples/hub-and-spoke.json"
in_node() { "$IPSECWIZ" lab exec "$@"; }
trap '"$IPSECWIZ" lab down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"$IPSECWIZ" lab down >/dev/null 2>&1 || true
"$IPSECWIZ" lab up --from "$EXAMPLE_NET" > "$WORK/lab-up.log" 2>&1 || fail "lab up --from: $(tail -n 30 "$WORK/lab-up.log")"
umask 077
P=$WORK/net.json
cp "$IPSECWIZ_LAB_DIR/lab-profile.json" "$P"
cp "$IPSECWIZ_LAB_DIR/known_hosts" "$WORK/known_hosts"
SITES="hq branch1 branch2 branch3"
PROJ=$WORK/fleet
export ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 ANSIBLE_LOCAL_TEMP=$WORK/ansible-tmp

pings() {
	local pair
	for pair in host-branch1:10.0.0.10 host-hq:10.1.0.10 host-branch2:10.0.0.10 host-hq:10.2.0.10 host-branch3:10.0.0.10 \
		host-branch3-2:10.0.0.10 host-hq:10.3.0.10 host-hq:10.30.0.10; do
		in_node "${pair%%:*}" -- ping -c 2 -W 2 "${pair#*:}" > /dev/null 2>&1 || { echo "no answer: $pair" >&2; return 1; }
	done
}
pings_eventually() { local _; for _ in $(seq 15); do pings 2>/dev/null && return 0; sleep 1; done; pings; }
# Every file the program writes on each gateway, with its checksum and mode.
gateway_files() {
	local site
	for site in $SITES; do
		echo "== $site"
		in_node "gw-$site" -- sh -c 'cd /etc && find swanctl/conf.d ipsec-wizard -type f ! -path "ipsec-wizard/.ansible/*" ! -name ".push.lock*" -print0 2>/dev/null | sort -z | xargs -0 -r stat -c "%a %n" ; cd /etc && find swanctl/conf.d ipsec-wizard -type f ! -path "ipsec-wizard/.ansible/*" ! -name ".push.lock*" -print0 2>/dev/null | sort -z | xargs -0 -r sha256sum'
	done
}
# What `generate --all` writes, in the same form.
generated_files() { # PROFILE
	rm -rf "$WORK/gen"
	"$IPSECWIZ" generate "$1" --all -o "$WORK/gen" > "$WORK/gen.out" 2>&1 || fail "generate: $(cat "$WORK/gen.out")"
	local site
	for site in $SITES; do
		echo "== $site"
		(cd "$WORK/gen/$site/etc" && find swanctl/conf.d ipsec-wizard -type f -print0 | sort -z | xargs -0 -r stat -c "%a %n"
		 cd "$WORK/gen/$site/etc" && find swanctl/conf.d ipsec-wizard -type f -print0 | sort -z | xargs -0 -r sha256sum)
	done
}
set_lifetime() { # SECONDS: every tunnel's ESP lifetime in the profile
	python3 -c 'import json,sys; p=sys.argv[1]; d=json.load(open(p)); d["esp"]["lifetime"]=int(sys.argv[2]); json.dump(d, open(p,"w"), indent=2)' "$P" "$1"
}
export_project() { # [OPTIONS]
	"$IPSECWIZ" ansible "$P" -o "$PROJ" "$@" > "$WORK/export.out" 2>&1 || fail "ansible export: $(cat "$WORK/export.out")"
}
playbook() { # LOG [OPTIONS]: runs the project's playbook; its exit status is the function's
	local log=$1
	shift
	(cd "$PROJ" && ansible-playbook site.yml "$@") > "$WORK/$log" 2>&1
}
recap_changed() { # LOG HOST: the changed= count of HOST in the recap
	sed -n "s/^$2 *: .*changed=\([0-9]*\).*/\1/p" "$WORK/$1"
}

# 1. The project.
export_project
[ "$(stat -c %a "$PROJ/group_vars/all/psk.yml")" = 600 ] || fail "psk.yml is not 0600"
for f in inventory.yml site.yml ansible.cfg README.md files/fleet.sh; do [ -f "$PROJ/$f" ] || fail "the project has no $f"; done
KEYS=$(grep -o '0x[0-9a-f]\{32,\}' "$P" | sort -u)
[ "$(echo "$KEYS" | wc -l)" = 3 ] || fail "expected the lab profile's 3 keys"
for k in $KEYS; do
	grep -q "$k" "$PROJ/group_vars/all/psk.yml" || fail "a key is missing from psk.yml"
	! grep -rlq --exclude=psk.yml "$k" "$PROJ" || fail "a key is in a project file other than psk.yml: $(grep -rl --exclude=psk.yml "$k" "$PROJ")"
done
grep -q '^    hubs:' "$PROJ/inventory.yml" && grep -q '^    spokes:' "$PROJ/inventory.yml" || fail "no groups per role: $(cat "$PROJ/inventory.yml")"
echo "ok: the project (keys in psk.yml only, 0600; groups hubs and spokes)"

# 2. One run brings every tunnel up; the gateways hold what generate writes.
start=$SECONDS
playbook run1.log || fail "the first run: $(tail -n 40 "$WORK/run1.log")"
echo "the first run took $((SECONDS - start)) s"
pings_eventually || fail "after the first run, not every host reaches what it should"
[ "$(gateway_files)" = "$(generated_files "$P")" ] || fail "the gateways' files differ from generate's: $(diff <(gateway_files) <(generated_files "$P"))"
for site in $SITES; do
	in_node "gw-$site" -- sh -c 'cat "$(ls -1dt /etc/ipsec-wizard/.ansible/runs/*/ | head -n 1)state"' | grep -qx confirmed || fail "$site's timer was not confirmed"
done
echo "ok: every tunnel up (8 pings through them); every gateway holds generate's files byte for byte; each timer confirmed"

# 3. Again: nothing changes.
playbook run2.log || fail "the second run: $(tail -n 30 "$WORK/run2.log")"
for site in $SITES; do
	[ "$(recap_changed run2.log "$site")" = 0 ] || fail "the second run changed $site: $(tail -n 8 "$WORK/run2.log")"
done
echo "ok: the second run reports changed=0 on all four hosts"

# 4. A changed profile: --check --diff shows exactly what generate changes, keys masked.
before=$(gateway_files)
generated_files "$P" > /dev/null
mv "$WORK/gen" "$WORK/gen-old"
set_lifetime 2700
generated_files "$P" > "$WORK/gen-new.sums"
mv "$WORK/gen" "$WORK/gen-new"
expected=$( (cd "$WORK" && diff -r -u gen-old gen-new || :) | sed -E 's/0x[0-9a-f]{32,}/(key)/g' | { grep -E '^[-+] ' || :; } | sort)
[ -n "$expected" ] || fail "the changed profile changes nothing"
export_project
playbook check.log --check --diff || fail "--check --diff: $(tail -n 30 "$WORK/check.log")"
shown=$({ grep -E '^ *"[-+] ' "$WORK/check.log" || :; } | sed -E 's/^ *"(.*)",?$/\1/' | sort)
[ "$shown" = "$expected" ] || fail "--check --diff shows other lines than generate changed:
$(diff <(echo "$expected") <(echo "$shown"))"
[ "$(gateway_files)" = "$before" ] || fail "--check changed a gateway"
echo "ok: --check --diff shows exactly the $(echo "$expected" | wc -l) changed lines (keys masked) and changes nothing"
playbook run3.log || fail "the run of the change: $(tail -n 30 "$WORK/run3.log")"
[ "$(gateway_files)" = "$(cat "$WORK/gen-new.sums")" ] || fail "after the change the gateways differ from generate's"
in_node gw-hq -- swanctl --list-conns | grep -q 'rekeying every 2700s' || fail "hq's charon does not have the change"
pings_eventually || fail "after the change, not every host reaches what it should"
echo "ok: the change installed, loaded and the tunnels carry traffic"

# 5. The keys' file through ansible-vault.
printf 'lab-vault-password\n' > "$WORK/vault-pass"
export_project --vault-password-file "$WORK/vault-pass"
head -c 15 "$PROJ/group_vars/all/psk.yml" | grep -q '^\$ANSIBLE_VAULT;' || fail "psk.yml is not a vault"
[ "$(stat -c %a "$PROJ/group_vars/all/psk.yml")" = 600 ] || fail "the vault is not 0600"
for k in $KEYS; do ! grep -rq "$k" "$PROJ" || fail "a key is in the project in the clear"; done
playbook vault.log --vault-password-file "$WORK/vault-pass" || fail "the run with the vault: $(tail -n 30 "$WORK/vault.log")"
for site in $SITES; do
	[ "$(recap_changed vault.log "$site")" = 0 ] || fail "the run with the vault changed $site"
done
echo "ok: psk.yml written by ansible-vault (0600); the playbook reads it, changed=0"

# 6. A fault: branch2's charon cannot load the next change. Every host stays as it was.
export_project
before=$(gateway_files)
set_lifetime 1800
export_project
kill "$(cat "$IPSECWIZ_LAB_DIR/gw-branch2/charon.pid")" || fail "cannot stop branch2's charon"
if playbook fault.log; then fail "the run with branch2's charon stopped succeeded"; fi
grep -q 'Not confirmed: branch2' "$WORK/fault.log" || fail "the run does not name branch2: $(tail -n 30 "$WORK/fault.log")"
[ "$(gateway_files)" = "$before" ] || fail "after the fault a gateway is not on its previous files: $(diff <(echo "$before") <(gateway_files))"
for site in hq branch1 branch3; do
	in_node "gw-$site" -- swanctl --list-conns | grep -q 'rekeying every 2700s' || fail "$site's charon is not on its previous connections"
	in_node "gw-$site" -- swanctl --list-conns | grep -q 'rekeying every 1800s' && fail "$site's charon kept the change"
	in_node "gw-$site" -- sh -c 'cat "$(ls -1dt /etc/ipsec-wizard/.ansible/runs/*/ | head -n 1)state"' | grep -qx rolled-back || fail "$site's timer did not roll back"
done
for pair in host-branch1:10.0.0.10 host-branch3:10.0.0.10; do
	in_node "${pair%%:*}" -- ping -c 2 -W 2 "${pair#*:}" > /dev/null 2>&1 || fail "after the rollback $pair does not answer"
done
echo "ok: with branch2's charon stopped the run fails and names it; all four hosts are back on their files, the others' daemons on their connections"

for log in "$WORK"/*.log; do
	for k in $KEYS; do ! grep -q "$k" "$log" || fail "a key is in $(basename "$log")"; done
done
echo "ansible: one run brings the 4-site lab up, the second changes nothing, --check --diff shows the change, the vault works, a fault rolls every host back"
