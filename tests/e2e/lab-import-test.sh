#!/bin/bash
# `ipsec-wizard import --from-gateway` against a lab gateway over its real sshd: after a push,
# with a connection of the admin's own next to ours and two planted links (one to a file outside
# /etc, one to /dev/zero), the import finds both tunnels with their networks and key, refuses the
# two links by name without reading them, keeps the key out of its output (it goes to the
# profile only with --include-psk, 0600), changes nothing on the gateway (checksums and
# timestamps of /etc/swanctl and /etc/ipsec-wizard before and after), and refuses a gateway whose
# host key it does not know, as the push does.
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
A=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['gatewayA']['ssh']['host'])" "$P")
KEYFILE="$IPSECWIZ_LAB_DIR/admin_ed25519"
KNOWN="$IPSECWIZ_LAB_DIR/known_hosts"
[ -n "$A" ] && [ -f "$KEYFILE" ] && [ -f "$KNOWN" ] || fail "the lab profile has no SSH target for A"

# The admin's own connection, as one writes it by hand, and two links planted to leak or hang.
SECRET=$(mktemp /var/tmp/iwz-outside.XXXXXX)
trap '"$LAB" down >/dev/null 2>&1 || true; rm -rf "$WORK" "$SECRET"' EXIT
echo "TOPSECRET-outside-etc" > "$SECRET"
"$LAB" exec gateway-a -- sh -c "cat > /etc/swanctl/conf.d/office.conf <<'X'
connections {
    office {
        remote_addrs = 198.51.100.77
        local {
            auth = psk
        }
        remote {
            auth = psk
        }
        children {
            office {
                local_ts = 10.1.0.0/24
                remote_ts = 172.16.9.0/24
            }
        }
    }
}
secrets {
    ike-office {
        id = 198.51.100.77
        secret = OfficeKeyTypedByHand42
    }
}
X
ln -sf $SECRET /etc/swanctl/conf.d/zz-outside.conf && ln -sf /dev/zero /etc/swanctl/conf.d/zz-zero.conf" || fail "cannot write A's own config"
LABKEY=$("$LAB" exec gateway-a -- sh -c 'grep -ho "secret = [^ ]*" /etc/swanctl/conf.d/lab.conf' | sed 's/secret = //' | head -1)
[ -n "$LABKEY" ] || fail "no key in A's lab.conf"

state() { "$LAB" exec gateway-a -- sh -c 'find /etc/swanctl /etc/ipsec-wizard -xdev \( -type f -o -type l \) -printf "%p %l %s %T@ %m\n" | sort; find /etc/swanctl /etc/ipsec-wizard -xdev -type f -exec sha256sum {} + | sort'; }
state > "$WORK/before"

# An unknown host key: refused, as the push refuses it; nothing written.
mkdir -p "$WORK/home"
status=0
HOME="$WORK/home" "$IPSECWIZ" import --from-gateway "root@$A" --identity "$KEYFILE" -o "$WORK/refused.json" > "$WORK/u.out" 2> "$WORK/u.err" || status=$?
[ "$status" = 3 ] || fail "an unknown host key: exit $status: $(cat "$WORK/u.out" "$WORK/u.err")"
grep -q "authenticity of host" "$WORK/u.err" || fail "an unknown host key is not named: $(cat "$WORK/u.err")"
[ ! -e "$WORK/refused.json" ] || fail "a profile was written although the host key is unknown"
echo "ok: an unknown host key is refused, nothing written"

HOME="$WORK/home" timeout 60 "$IPSECWIZ" import --from-gateway "root@$A" --known-hosts "$KNOWN" --identity "$KEYFILE" --site a \
	-o "$WORK/a.json" --include-psk > "$WORK/i.out" 2> "$WORK/i.err" || fail "import: $(cat "$WORK/i.out" "$WORK/i.err")"
HOME="$WORK/home" timeout 60 "$IPSECWIZ" import --from-gateway "root@$A" --known-hosts "$KNOWN" --identity "$KEYFILE" --site a \
	--json > "$WORK/i.json" 2> "$WORK/ij.err" || fail "import --json: $(cat "$WORK/ij.err")"
python3 - "$WORK/a.json" "$WORK/i.json" "$LABKEY" <<'PY' || fail "the imported profile: $(cat "$WORK/i.out")"
import json, sys
profile = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
key = sys.argv[3]
tunnels = {t["name"]: t for t in profile["tunnels"]}
sites = {s["name"]: s for s in profile["sites"]}
assert sites["a"]["gateway"].get("managed", True), sites["a"]
lab = tunnels["lab"]
assert lab["psk"] == key, "the lab tunnel's key is not the one on the gateway"
nets = lambda t, side: t.get("networks", {}).get(t["sites"][side]) or sites[t["sites"][side]]["networks"]
assert "10.1.0.0/24" in sites["a"]["networks"], sites["a"]
assert any("office" == n for n in tunnels), tunnels.keys()
office = tunnels["office"]
assert office["psk"] == "OfficeKeyTypedByHand42"
peer = [s for s in office["sites"] if s != "a"][0]
assert sites[peer]["networks"] == ["172.16.9.0/24"], sites[peer]
assert sites[peer]["gateway"]["managed"] is False, sites[peer]
assert all("psk" not in t for t in report["network"]["tunnels"]), "a key in --json"
refused = [n for n in report["unused"] if "zz-outside.conf" in n["file"] + n["text"] + n["reason"] or "zz-zero.conf" in n["file"] + n["text"] + n["reason"]]
assert len(refused) >= 2, report["unused"]
print("tunnels:", sorted(tunnels), "refused:", [n["reason"] for n in refused])
PY
grep -q "zz-outside.conf" "$WORK/i.out" && grep -q "outside /etc" "$WORK/i.out" || fail "the link out of /etc is not named: $(cat "$WORK/i.out")"
grep -q "zz-zero.conf" "$WORK/i.out" || fail "the link to /dev/zero is not named: $(cat "$WORK/i.out")"
for f in "$WORK/i.out" "$WORK/i.err" "$WORK/i.json" "$WORK/a.json"; do
	grep -q "TOPSECRET" "$f" && fail "the file outside /etc was read: $f"
done
for f in "$WORK/i.out" "$WORK/i.err" "$WORK/i.json"; do
	grep -qF "$LABKEY" "$f" && fail "the key is in the import's output: $f"
	grep -q "OfficeKeyTypedByHand42" "$f" && fail "the admin's key is in the import's output: $f"
done
[ "$(stat -c %a "$WORK/a.json")" = 600 ] || fail "the profile with the keys is not 0600"
echo "ok: both tunnels imported with their networks and keys; the links out of /etc refused by name, not read; no key in the output"

state > "$WORK/after"
diff "$WORK/before" "$WORK/after" > "$WORK/state.diff" || fail "the import changed the gateway: $(cat "$WORK/state.diff")"
echo "ok: nothing on the gateway changed ($(wc -l < "$WORK/before") files and links compared)"
