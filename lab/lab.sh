#!/bin/bash
# IPsec Wizard lab: two IPsec gateways and two hosts in network namespaces on this machine, or
# every site of a profile (a plan that `ipsec-wizard lab up --from PROFILE` computes and writes).
#
#   lab.sh up              build the two-gateway lab (namespaces, links, sshd + charon per gateway, keys, profile)
#   lab.sh up --plan FILE --profile FILE
#                          build the lab FILE plans (see lab/README.md); the profile is installed as the lab's
#   lab.sh down            remove everything `up` created, and nothing else
#   lab.sh down --all      remove every lab on this machine, also one whose state folder is gone
#                          (a run that was killed): every ipsecwiz-* namespace with its processes,
#                          ipsecwiz-* link and /etc/netns/ipsecwiz-* folder
#   lab.sh status [--json] every node with its addresses, and the lab profile's path
#   lab.sh exec NODE -- COMMAND...   run COMMAND inside a node (host-a, gateway-a, gateway-b, host-b; or the plan's)
#   lab.sh renumber SITE   move a dynamic site's gateway to its next address (a lab from a plan)
#   lab.sh profile         print the path of the lab profile
#
# Needs root. State (keys, known_hosts, profile, logs, PIDs): /var/lib/ipsec-wizard-lab, or
# $IPSECWIZ_LAB_DIR. See lab/README.md for the topology.
set -euo pipefail

PREFIX=ipsecwiz-
LAB_DIR=${IPSECWIZ_LAB_DIR:-/var/lib/ipsec-wizard-lab}
ETC_NETNS=/etc/netns
SELF=$(readlink -f "${BASH_SOURCE[0]}")
NODES=(host-a gateway-a gateway-b host-b)
GATEWAYS=(gateway-a gateway-b)
MGMT_LINKS=("${PREFIX}mgmt-a" "${PREFIX}mgmt-b") # veths in the calling namespace
# Per node: its kind (host, gateway, unmanaged-gateway, nat, router) and, for a managed gateway,
# the two ends of its management link. The two-gateway lab's here; a plan's from load_plan.
declare -A KIND=([host-a]=host [gateway-a]=gateway [gateway-b]=gateway [host-b]=host)
declare -A MGMT_ADDR=([gateway-a]=10.99.1.2 [gateway-b]=10.99.2.2) # the gateway's end
declare -A MGMT_HOST=([gateway-a]=10.99.1.1 [gateway-b]=10.99.2.1) # the calling namespace's end
FROM_PLAN=0
PLAN_LINKS=() PLAN_ROUTES=() PLAN_FORWARD=() PLAN_NATS=() PLAN_MGMT=() PLAN_ISOLATE=() PLAN_RENUMBER=()
CHARON=/usr/lib/ipsec/charon
SSHD=/usr/sbin/sshd
PROFILE=$LAB_DIR/lab-profile.json
PLAN=$LAB_DIR/lab-plan # the plan of a lab built from a profile; absent for the two-gateway lab
KNOWN_HOSTS=$LAB_DIR/known_hosts
ADMIN_KEY=$LAB_DIR/admin_ed25519
MARKER=$LAB_DIR/.ipsecwiz-lab # written by `up`; says what `down` may remove

die() { echo "lab: $*" >&2; exit 1; }
note() { echo "lab: $*"; }

usage() {
	cat >&2 <<'EOF'
usage: lab.sh up [--plan FILE --profile FILE] | down [--all] | status [--json] | exec NODE -- COMMAND... | renumber SITE | profile
  NODE is one of host-a, gateway-a, gateway-b, host-b, or of the nodes of the plan the lab was built from.
EOF
	exit 2
}

# --- topology -----------------------------------------------------------------------------
ns_of() { echo "${PREFIX}$1"; }
is_gateway() { [ "${KIND[$1]:-}" = gateway ] || [ "${KIND[$1]:-}" = unmanaged-gateway ]; }
is_managed() { [ "${KIND[$1]:-}" = gateway ]; } # has sshd and a management link
side_of() { echo "${1: -1}"; }                      # gateway-a -> a
mgmt_host() { echo "${MGMT_HOST[$1]}"; } # calling namespace's end
mgmt_addr() { echo "${MGMT_ADDR[$1]}"; } # the gateway's end
wan_addr() { [ "$(side_of "$1")" = a ] && echo 198.51.100.1 || echo 198.51.100.2; }
lan_net() { [ "$(side_of "$1")" = a ] && echo 10.1.0 || echo 10.2.0; }
gw_dir() { echo "$LAB_DIR/$1"; }

# A plan is written by `ipsec-wizard lab up --from PROFILE` (model/lab/LabPlan.h documents the
# statements). Every word is checked before any is used: they end up as arguments of ip and nft,
# and as file names.
load_plan() { # FILE: replaces the two-gateway topology with the plan's
	local file=$1 n=0 line kw w
	[ -r "$file" ] || die "cannot read the plan $file"
	NODES=() GATEWAYS=() MGMT_LINKS=()
	KIND=() MGMT_ADDR=() MGMT_HOST=()
	PLAN_LINKS=() PLAN_ROUTES=() PLAN_FORWARD=() PLAN_NATS=() PLAN_MGMT=() PLAN_ISOLATE=() PLAN_RENUMBER=()
	local format=0
	while IFS= read -r line || [ -n "$line" ]; do
		n=$((n + 1))
		case $line in '' | '#'*) continue ;; esac
		# shellcheck disable=SC2086 # words, checked below
		set -- $line
		kw=$1
		for w in "$@"; do
			[[ $w =~ ^[A-Za-z0-9./:_-]+$ ]] || die "plan $file line $n: unexpected word \"$w\""
		done
		case $kw in
		format) [ "$2" = 1 ] || die "plan $file: format $2 is not one this lab.sh knows"; format=1 ;;
		name) ;;
		node)
			[ $# -eq 4 ] && [[ $2 =~ ^[a-z0-9-]{1,24}$ ]] || die "plan $file line $n: expected node NAME KIND SITE"
			case $3 in host | gateway | unmanaged-gateway | nat | router) ;; *) die "plan $file line $n: unknown kind $3" ;; esac
			[ -z "${KIND[$2]:-}" ] || die "plan $file line $n: node $2 twice"
			NODES+=("$2")
			KIND[$2]=$3
			case $3 in gateway | unmanaged-gateway) GATEWAYS+=("$2") ;; esac
			;;
		link) [ $# -eq 7 ] || die "plan $file line $n: expected link NODE IF ADDR NODE IF ADDR"; PLAN_LINKS+=("${*:2}") ;;
		route) [ $# -ge 7 ] && [ "$4" = via ] && [ "$6" = dev ] || die "plan $file line $n: expected route NODE DEST via ADDR|- dev IF [onlink]"; PLAN_ROUTES+=("${*:2}") ;;
		forward) [ $# -eq 2 ] || die "plan $file line $n: expected forward NODE"; PLAN_FORWARD+=("$2") ;;
		nat) [ $# -eq 4 ] || die "plan $file line $n: expected nat NODE IF TARGET"; PLAN_NATS+=("${*:2}") ;;
		mgmt)
			[ $# -eq 5 ] && [[ $3 =~ ^${PREFIX}mgmt[0-9]+$ ]] || die "plan $file line $n: expected mgmt NODE ${PREFIX}mgmtN HOST-ADDR GW-ADDR"
			PLAN_MGMT+=("${*:2}")
			MGMT_LINKS+=("$3")
			MGMT_HOST[$2]=${4%/*}
			MGMT_ADDR[$2]=${5%/*}
			;;
		isolate) [ $# -eq 3 ] || die "plan $file line $n: expected isolate NODE IF"; PLAN_ISOLATE+=("${*:2}") ;;
		renumber) [ $# -ge 7 ] || die "plan $file line $n: expected renumber SITE NODE IF ROUTER-IF ADDR ADDR..."; PLAN_RENUMBER+=("${*:2}") ;;
		*) die "plan $file line $n: unknown statement $kw" ;;
		esac
	done <"$file"
	[ "$format" = 1 ] || die "plan $file has no 'format 1' line"
	[ ${#NODES[@]} -gt 0 ] || die "plan $file has no nodes"
	# Every statement names nodes of the plan; a managed gateway has its management link.
	local l
	for l in "${PLAN_LINKS[@]}" "${PLAN_ROUTES[@]}" "${PLAN_FORWARD[@]}" "${PLAN_NATS[@]}" "${PLAN_MGMT[@]}" "${PLAN_ISOLATE[@]}"; do
		# shellcheck disable=SC2086
		set -- $l
		[ -n "${KIND[$1]:-}" ] || die "plan $file names an unknown node $1"
	done
	for l in "${PLAN_LINKS[@]}"; do
		# shellcheck disable=SC2086
		set -- $l
		[ -n "${KIND[$4]:-}" ] || die "plan $file names an unknown node $4"
	done
	for w in "${GATEWAYS[@]}"; do
		if is_managed "$w" && [ -z "${MGMT_ADDR[$w]:-}" ]; then die "plan $file: gateway $w has no management link"; fi
	done
	FROM_PLAN=1
}

# --- checks -------------------------------------------------------------------------------
need_root() {
	[ "$(id -u)" -eq 0 ] || die "must run as root (it creates network namespaces, veth links and starts sshd and charon); try: sudo $0 $*"
}

need_packages() { # [EXTRA-TOOL:PACKAGE...]
	local missing=() t
	# tool -> Debian package
	for t in "$@" ip:iproute2 ss:iproute2 nsenter:util-linux unshare:util-linux setsid:util-linux ssh-keygen:openssh-client \
		ssh:openssh-client swanctl:strongswan-swanctl mount:mount; do
		command -v "${t%%:*}" >/dev/null 2>&1 || missing+=("${t%%:*} (apt package ${t#*:})")
	done
	[ -x "$SSHD" ] || missing+=("$SSHD (apt package openssh-server)")
	[ -x "$CHARON" ] || missing+=("$CHARON (apt package strongswan-charon)")
	local p
	for p in kernel-libipsec:libcharon-extra-plugins openssl:libstrongswan-standard-plugins gcm:libstrongswan-standard-plugins \
		kdf:libstrongswan vici:strongswan-swanctl kernel-netlink:libstrongswan socket-default:libstrongswan; do
		[ -e "/usr/lib/ipsec/plugins/libstrongswan-${p%%:*}.so" ] ||
			missing+=("strongSwan plugin ${p%%:*} (apt package ${p#*:})")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		echo "lab: missing Debian packages:" >&2
		printf '  %s\n' "${missing[@]}" >&2
		die "install them with: apt-get install $(printf '%s\n' "${missing[@]}" | sed -n 's/.*(apt package \(.*\))/\1/p' | sort -u | tr '\n' ' ')"
	fi
	[ -c /dev/net/tun ] || die "/dev/net/tun is missing: the kernel needs TUN support for charon's kernel-libipsec (modprobe tun)"
}

# A JSON string literal for $1 (the lab only ever quotes paths and names).
json_str() {
	local s=$1
	s=${s//\\/\\\\}
	s=${s//\"/\\\"}
	case $s in *[[:cntrl:]]*) die "refusing a control character in \"$1\"" ;; esac
	printf '"%s"' "$s"
}

ns_exists() { [ -e "/run/netns/$1" ]; }

# `ip` inside namespace NS. Not `ip -n NS`: that, like `ip netns exec`, tries to bind every entry
# of /etc/netns/NS over /etc and warns about ipsec-wizard/, which has no counterpart in /etc.
# The management link reaches its gateway only: nothing is forwarded to or from the calling
# namespace through it, whatever a pushed configuration routes.
isolate_mgmt() { # NETNS IF
	nsenter --net="/run/netns/$1" nft -f - <<EOF
# IPsec Wizard lab: the management link reaches this gateway only; nothing is forwarded to or
# from the calling namespace.
table inet ipsecwiz_lab_mgmt {
	chain forward {
		type filter hook forward priority filter; policy accept;
		iifname "$2" drop
		oifname "$2" drop
	}
}
EOF
}
nip() {
	local ns=$1
	shift
	nsenter --net="/run/netns/$ns" ip "$@"
}

holder_pid() { # NODE -> PID of the process holding the gateway's mount namespace, or nothing
	local f pid
	f="$(gw_dir "$1")/holder.pid"
	[ -r "$f" ] || return 0
	pid=$(cat "$f")
	case $pid in '' | *[!0-9]*) return 0 ;; esac
	[ -d "/proc/$pid" ] || return 0
	# Must still be our holder: in the gateway's network namespace.
	[ "$(ip netns identify "$pid" 2>/dev/null)" = "$(ns_of "$1")" ] || return 0
	echo "$pid"
}

pid_alive() { # FILE [NODE]: the PID in FILE runs (not a zombie), in NODE's network namespace
	local pid state
	[ -r "$1" ] || return 1
	pid=$(cat "$1")
	case $pid in '' | *[!0-9]*) return 1 ;; esac
	state=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || return 1
	[ -n "$state" ] && [ "$state" != Z ] || return 1
	[ -z "${2:-}" ] || [ "$(ip netns identify "$pid" 2>/dev/null)" = "$(ns_of "$2")" ]
}

lab_is_up() {
	local n
	for n in "${NODES[@]}"; do ns_exists "$(ns_of "$n")" || return 1; done
	for n in "${GATEWAYS[@]}"; do
		[ -n "$(holder_pid "$n")" ] || return 1
		if is_managed "$n"; then pid_alive "$(gw_dir "$n")/sshd.pid" "$n" || return 1; fi
		pid_alive "$(gw_dir "$n")/charon.pid" "$n" || return 1
	done
	[ -f "$PROFILE" ] && [ -f "$KNOWN_HOSTS" ] && [ -f "$ADMIN_KEY" ]
}

lab_traces() { # prints what of the lab exists
	local n l
	for n in "${NODES[@]}"; do
		ns_exists "$(ns_of "$n")" && echo "namespace $(ns_of "$n")"
		[ -e "$ETC_NETNS/$(ns_of "$n")" ] && echo "folder $ETC_NETNS/$(ns_of "$n")"
	done
	for l in "${MGMT_LINKS[@]}"; do ip link show "$l" >/dev/null 2>&1 && echo "link $l"; done
	[ -e "$MARKER" ] && echo "state $LAB_DIR"
	return 0
}

# --- files --------------------------------------------------------------------------------
write_gateway_etc() { # NODE
	local node=$1 etc dir
	etc="$ETC_NETNS/$(ns_of "$node")"
	dir=$(gw_dir "$node")
	mkdir -p "$etc" "$dir"
	chmod 0755 "$etc"

	# /etc/ssh: sshd of this gateway only (a gateway nobody manages has none)
	if is_managed "$node"; then
		mkdir -m 0755 "$etc/ssh"
		ssh-keygen -q -t ed25519 -N '' -C "root@$node.ipsecwiz-lab" -f "$etc/ssh/ssh_host_ed25519_key" </dev/null
		install -m 0600 "$ADMIN_KEY.pub" "$etc/ssh/lab_authorized_keys"
		[ -f /etc/ssh/moduli ] && cp /etc/ssh/moduli "$etc/ssh/moduli"
		[ -f /etc/ssh/ssh_config ] && cp /etc/ssh/ssh_config "$etc/ssh/ssh_config"
		local sftp=internal-sftp
		[ -x /usr/lib/openssh/sftp-server ] && sftp=/usr/lib/openssh/sftp-server
		cat >"$etc/ssh/sshd_config" <<EOF
# sshd of IPsec Wizard lab $node (written by lab.sh; removed by lab.sh down)
Port 22
AddressFamily inet
ListenAddress $(mgmt_addr "$node")
HostKey /etc/ssh/ssh_host_ed25519_key
PidFile /run/sshd.pid
PermitRootLogin prohibit-password
PubkeyAuthentication yes
AuthorizedKeysFile /etc/ssh/lab_authorized_keys
# Passwords for the push tests' non-root sudo user (root itself logs in by key only).
PasswordAuthentication yes
KbdInteractiveAuthentication yes
UsePAM yes
X11Forwarding no
PrintMotd no
AcceptEnv LANG LC_*
Subsystem sftp $sftp
EOF
	fi

	# /etc/swanctl: empty conf.d, like a fresh strongswan-swanctl install
	mkdir -m 0755 "$etc/swanctl"
	local d
	for d in conf.d x509 x509ca x509aa x509ocsp x509crl x509ac pubkey pkcs12; do mkdir -m 0755 "$etc/swanctl/$d"; done
	for d in private rsa ecdsa bliss pkcs8; do mkdir -m 0700 "$etc/swanctl/$d"; done
	printf '# swanctl of IPsec Wizard lab %s\ninclude conf.d/*.conf\n' "$node" >"$etc/swanctl/swanctl.conf"

	# /etc/strongswan.conf: charon with userspace ESP (kernel-libipsec), as MACHINE-FACTS says
	cat >"$etc/strongswan.conf" <<EOF
# strongSwan of IPsec Wizard lab $node (written by lab.sh; removed by lab.sh down).
# This kernel has no ESP: kernel-libipsec does ESP in userspace over a TUN device (ipsec0) and
# forces UDP encapsulation (charon reports a "faked" NAT), so expect ESP-in-UDP on port 4500.
charon {
	load_modular = no
	load = kernel-libipsec kernel-netlink random nonce aes sha1 sha2 hmac gcm kdf gmp openssl pem pkcs1 pkcs8 x509 pubkey revocation constraints socket-default vici updown
	install_routes = yes
	routing_table = 220
	routing_table_prio = 220
	plugins {
		vici {
			socket = unix:///run/charon.vici
		}
	}
	filelog {
		stderr {
			default = 1
			ike_name = yes
			time_format = %F %T
		}
		# Also where the gateway's own admin reads it (its private /var/log): diagnose reads
		# there the attempts it did not start itself (a peer someone else runs).
		charonlog {
			path = /var/log/charon.log
			flush_line = yes
			default = 1
			ike_name = yes
			time_format = %F %T
		}
	}
}
swanctl {
	load = random nonce openssl pem pkcs1 pkcs8 x509 pubkey revocation constraints
	socket = unix:///run/charon.vici
}
EOF
	chmod 0644 "$etc/strongswan.conf"

	# /etc/ipsec-wizard: where a push puts routes.sh and the firewall rules
	mkdir -m 0755 "$etc/ipsec-wizard"
}

write_known_hosts() {
	local node tmp
	tmp=$(mktemp "$LAB_DIR/.known_hosts.XXXXXX")
	for node in "${GATEWAYS[@]}"; do
		is_managed "$node" || continue
		echo "$(mgmt_addr "$node") $(cut -d' ' -f1,2 "$ETC_NETNS/$(ns_of "$node")/ssh/ssh_host_ed25519_key.pub")" >>"$tmp"
	done
	chmod 0644 "$tmp"
	mv "$tmp" "$KNOWN_HOSTS"
}

write_profile() {
	local tmp psk
	# mktemp creates the file 0600: it holds the lab's pre-shared key from the first byte.
	tmp=$(mktemp "$LAB_DIR/.profile.XXXXXX")
	# A fixed key per lab, so pushing the same profile twice changes nothing.
	psk=0x$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
	cat >"$tmp" <<EOF
{
    "format": "ipsec-wizard-profile",
    "version": 1,
    "name": "lab",
    "networkA": "10.1.0.0/24",
    "networkB": "10.2.0.0/24",
    "gatewayA": {
        "publicAddress": "198.51.100.1/24",
        "internalAddress": "10.1.0.1",
        "flavour": "strongswan",
        "ssh": { "host": "$(mgmt_addr gateway-a)", "port": 22, "user": "root", "identityFile": $(json_str "$ADMIN_KEY") }
    },
    "gatewayB": {
        "publicAddress": "198.51.100.2/24",
        "internalAddress": "10.2.0.1",
        "flavour": "strongswan",
        "ssh": { "host": "$(mgmt_addr gateway-b)", "port": 22, "user": "root", "identityFile": $(json_str "$ADMIN_KEY") }
    },
    "ike": {
        "version": 2,
        "encryption": "aes256gcm16",
        "integrity": "none",
        "prf": "sha256",
        "dhGroup": "curve25519",
        "lifetime": 28800
    },
    "esp": {
        "encryption": "aes256gcm16",
        "integrity": "none",
        "pfsGroup": "curve25519",
        "lifetime": 3600
    },
    "knownHostsFile": $(json_str "$KNOWN_HOSTS"),
    "psk": "$psk"
}
EOF
	mv "$tmp" "$PROFILE"
}

# --- the gateway holder: one long-lived process per gateway --------------------------------
# Started as: nsenter --net=/run/netns/NS unshare --mount --propagation private lab.sh __holder NODE
# so it owns one mount namespace in which /run is a private tmpfs and /etc is this gateway's
# view; sshd and charon are its children, and `lab.sh exec` / SSH sessions join that namespace.
holder() {
	local node=$1 ns dir etcsrc entry name
	ns=$(ns_of "$node")
	dir=$(gw_dir "$node")
	echo $$ >"$dir/holder.pid"
	[ "$(ip netns identify $$)" = "$ns" ] || die "holder for $node is not in namespace $ns"

	# /sys for this network namespace (what `ip netns exec` does too)
	umount -l /sys 2>/dev/null || true
	mount -t sysfs "ipsecwiz-sys-$node" /sys
	mount -t tmpfs -o mode=0755,size=64m "ipsecwiz-run-$node" /run
	mkdir -m 0755 /run/sshd # sshd's privilege separation directory
	# root's home, empty as on a fresh gateway: this machine's ~/.bashrc (pyenv, cargo, …), which
	# bash runs for every command sshd starts, is not the gateway's, and would cost every SSH
	# channel its start-up time (measured: 270 ms per monitor poll instead of 15 ms).
	mount -t tmpfs -o mode=0700,size=16m "ipsecwiz-root-$node" /root
	# The gateway's own /var/log (charon.log, see strongswan.conf), not the machine's.
	mount -t tmpfs -o mode=0755,size=16m "ipsecwiz-log-$node" /var/log
	mkdir -p /run/ipsecwiz-etc/src /run/ipsecwiz-etc/upper /run/ipsecwiz-etc/work
	# /etc: the machine's /etc underneath a tmpfs overlay (so the gateway may write to its /etc
	# without touching the machine's), with every entry of /etc/netns/NS bound over it, like
	# `ip netns exec` does — but also for entries that have no counterpart in the machine's /etc
	# (ipsec-wizard/), which `ip netns exec` cannot bind.
	etcsrc=/run/ipsecwiz-etc/src
	mount --bind "$ETC_NETNS/$ns" "$etcsrc" # the real folder, taken before /etc is covered
	mount -t overlay "ipsecwiz-etc-$node" \
		-o "lowerdir=/etc,upperdir=/run/ipsecwiz-etc/upper,workdir=/run/ipsecwiz-etc/work" /etc
	for entry in "$etcsrc"/*; do
		name=${entry##*/}
		if [ -d "$entry" ]; then
			mkdir -p "/etc/$name"
		elif [ ! -e "/etc/$name" ]; then
			: >"/etc/$name"
		fi
		mount --bind "$entry" "/etc/$name"
	done

	unset STRONGSWAN_CONF
	if [ -f /etc/ssh/lab_authorized_keys ]; then # a managed gateway (see write_gateway_etc)
		"$SSHD" -D -f /etc/ssh/sshd_config -E "$dir/sshd.log" </dev/null >>"$dir/sshd.log" 2>&1 &
		echo $! >"$dir/sshd.pid"
	fi
	"$CHARON" </dev/null >>"$dir/charon.log" 2>&1 &
	echo $! >"$dir/charon.pid"
	exec sleep infinity
}

start_gateway() { # NODE
	local node=$1 dir
	dir=$(gw_dir "$node")
	: >"$dir/holder.log"
	# Not `ip netns exec`: the holder binds /etc/netns/NS itself (see holder), so iproute2's
	# bind attempt, which fails for ipsec-wizard/ and warns, is not wanted.
	setsid -f nsenter --net="/run/netns/$(ns_of "$node")" unshare --mount --propagation private -- \
		"$SELF" __holder "$node" </dev/null >>"$dir/holder.log" 2>&1
}

wait_gateway() { # NODE: until charon's vici socket and sshd answer; fails fast when one died
	local node=$1 dir pid hp deadline f
	dir=$(gw_dir "$node")
	deadline=$((SECONDS + 10))
	while [ "$SECONDS" -lt "$deadline" ]; do
		pid=$(holder_pid "$node")
		# The holder died: its process is gone. (Not "holder_pid says nothing": right after an
		# earlier lab went down, `ip netns identify` can briefly fail to name a live holder's
		# namespace; that is retried, not taken for death — seen as a failed up in fresh-clone runs.)
		hp=$(cat "$dir/holder.pid" 2>/dev/null || true)
		[ -n "$hp" ] && [ ! -d "/proc/$hp" ] && deadline=0
		local daemons=(charon)
		is_managed "$node" && daemons+=(sshd)
		for f in "${daemons[@]}"; do
			if [ -s "$dir/$f.pid" ] && ! pid_alive "$dir/$f.pid"; then
				deadline=0 # it started and died: no point in waiting
			fi
		done
		[ "$deadline" = 0 ] && break
		if [ -n "$pid" ] && pid_alive "$dir/charon.pid" && nsenter --target "$pid" --mount --net -- test -S /run/charon.vici; then
			is_managed "$node" || return 0
			if pid_alive "$dir/sshd.pid" &&
				[ -n "$(nsenter --net="/run/netns/$(ns_of "$node")" ss -Hltn src "$(mgmt_addr "$node")" sport = :22)" ]; then
				return 0
			fi
		fi
		sleep 0.05
	done
	echo "lab: $node did not come up (sshd or charon died, or did not answer within 10 s); its logs:" >&2
	tail -n 20 "$dir/holder.log" "$dir/sshd.log" "$dir/charon.log" >&2 2>/dev/null || true
	return 1
}

# --- up -----------------------------------------------------------------------------------
# What every `up` does first: from here on a failure removes what this `up` made, and the marker
# says which of the lab's folders it created (so `down` removes only those).
begin_up() {
	UP_DONE=0
	trap 'if [ "$UP_DONE" != 1 ]; then echo "lab: up failed; removing what it made" >&2; teardown; fi' EXIT
	local created_dir=0 created_netns=0
	[ -d "$LAB_DIR" ] || created_dir=1
	[ -d "$ETC_NETNS" ] || created_netns=1
	if [ "$created_dir" = 1 ]; then
		mkdir -p "$LAB_DIR"
		chmod 0700 "$LAB_DIR" # holds the admin's private key and the lab profile's keys
	fi
	printf 'created_dir=%s\ncreated_etc_netns=%s\n' "$created_dir" "$created_netns" >"$MARKER"
}

cmd_up() {
	need_root up
	need_packages
	[ ! -f "$PLAN" ] || die "the lab built from a profile is up ($PLAN); run '$0 down' first"
	if lab_is_up; then
		note "the lab is already up; nothing changed"
		print_where
		return 0
	fi
	local traces
	traces=$(lab_traces)
	if [ -n "$traces" ]; then
		echo "lab: the lab is partly up (a previous 'up' failed, or something died); found:" >&2
		echo "$traces" | sed 's/^/  /' >&2
		die "run '$0 down' first, then '$0 up'"
	fi
	# Refuse to overwrite what the lab did not make.
	local f
	for f in "$ADMIN_KEY" "$ADMIN_KEY.pub" "$KNOWN_HOSTS" "$PROFILE" "$(gw_dir gateway-a)" "$(gw_dir gateway-b)"; do
		[ ! -e "$f" ] || die "$f exists but the lab did not make it; move it away, or set IPSECWIZ_LAB_DIR to another folder"
	done
	# Refuse to take addresses this namespace already uses.
	local a
	for a in 10.99.1.1 10.99.2.1; do
		if ip -o addr show | grep -q " $a/"; then die "address $a is already in use in this namespace; the lab's management links need 10.99.1.0/30 and 10.99.2.0/30"; fi
	done

	begin_up
	mkdir -p "$ETC_NETNS"

	# Keys and per-gateway /etc
	ssh-keygen -q -t ed25519 -N '' -C "ipsecwiz-lab-admin" -f "$ADMIN_KEY" </dev/null
	local node
	for node in "${GATEWAYS[@]}"; do write_gateway_etc "$node"; done
	write_known_hosts
	write_profile

	# Namespaces and links
	for node in "${NODES[@]}"; do
		ip netns add "$(ns_of "$node")"
		nip "$(ns_of "$node")" link set lo up
	done
	local A B HA HB
	A=$(ns_of gateway-a) B=$(ns_of gateway-b) HA=$(ns_of host-a) HB=$(ns_of host-b)
	# LANs: gateway lan0 <-> host eth0
	nip "$A" link add lan0 type veth peer name eth0 netns "$HA"
	nip "$B" link add lan0 type veth peer name eth0 netns "$HB"
	# WAN: gateway-a wan0 <-> gateway-b wan0
	nip "$A" link add wan0 type veth peer name wan0 netns "$B"
	# management: calling namespace <-> gateway mgmt0
	ip link add "${PREFIX}mgmt-a" type veth peer name mgmt0 netns "$A"
	ip link add "${PREFIX}mgmt-b" type veth peer name mgmt0 netns "$B"

	for node in "${GATEWAYS[@]}"; do
		local ns s
		ns=$(ns_of "$node") s=$(side_of "$node")
		nip "$ns" addr add "$(lan_net "$node").1/24" dev lan0
		nip "$ns" addr add "$(wan_addr "$node")/24" dev wan0
		nip "$ns" addr add "$(mgmt_addr "$node")/30" dev mgmt0
		nip "$ns" link set lan0 up
		nip "$ns" link set wan0 up
		nip "$ns" link set mgmt0 up
		ip addr add "$(mgmt_host "$node")/30" dev "${PREFIX}mgmt-$s"
		ip link set "${PREFIX}mgmt-$s" up
		nsenter --net="/run/netns/$ns" sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'
		isolate_mgmt "$ns" mgmt0
	done
	for node in host-a host-b; do
		local ns net
		ns=$(ns_of "$node") net=$(lan_net "$node")
		nip "$ns" addr add "$net.10/24" dev eth0
		nip "$ns" link set eth0 up
		nip "$ns" route add default via "$net.1"
	done

	# sshd + charon per gateway, both at once
	for node in "${GATEWAYS[@]}"; do start_gateway "$node"; done
	for node in "${GATEWAYS[@]}"; do wait_gateway "$node"; done

	# Prove the key and known_hosts before telling anyone to use them.
	for node in "${GATEWAYS[@]}"; do
		if ! out=$(ssh_gateway "$node" true 2>&1); then
			echo "$out" >&2
			echo "lab: ssh to $node ($(mgmt_addr "$node")) with the lab key and known_hosts failed" >&2
			false
		fi
	done
	UP_DONE=1
	note "the lab is up"
	print_where
}

# --- up from a plan --------------------------------------------------------------------------
in_ns() { # NODE COMMAND...: in NODE's network namespace only (not a gateway's mount namespace)
	local ns
	ns=$(ns_of "$1")
	shift
	nsenter --net="/run/netns/$ns" "$@"
}

cmd_up_plan() { # PLAN-FILE PROFILE-FILE
	local plan=$1 profile=$2
	need_root up
	need_packages nft:nftables
	[ -r "$profile" ] || die "cannot read the profile $profile"
	if [ -f "$PLAN" ]; then
		if cmp -s "$plan" "$PLAN" && lab_is_up; then
			note "the lab of this plan is already up; nothing changed (its profile is kept)"
			print_where
			return 0
		fi
		die "another lab built from a profile is up, or part of one ($PLAN); run '$0 down' first"
	fi
	# The two-gateway lab, or what is left of it, must go first: both use some of the same names.
	local traces
	traces=$(lab_traces)
	[ -z "$traces" ] || die "the two-gateway lab is up or partly up ($(echo "$traces" | tr '\n' ' ')); run '$0 down' first"
	load_plan "$plan"
	traces=$(lab_traces)
	if [ -n "$traces" ]; then
		echo "lab: parts of this plan's lab exist already:" >&2
		echo "$traces" | sed 's/^/  /' >&2
		die "run '$0 down' first, then up again"
	fi
	local f node
	for f in "$ADMIN_KEY" "$ADMIN_KEY.pub" "$KNOWN_HOSTS" "$PROFILE" "$PLAN"; do
		[ ! -e "$f" ] || die "$f exists but the lab did not make it; move it away, or set IPSECWIZ_LAB_DIR to another folder"
	done
	for node in "${GATEWAYS[@]}"; do
		[ ! -e "$(gw_dir "$node")" ] || die "$(gw_dir "$node") exists but the lab did not make it; move it away, or set IPSECWIZ_LAB_DIR to another folder"
	done
	local a
	for node in "${GATEWAYS[@]}"; do
		is_managed "$node" || continue
		a=$(mgmt_host "$node")
		if ip -o addr show | grep -q " $a/"; then die "address $a is already in use in this namespace; the lab's management links need 10.99.0.0/16"; fi
	done

	begin_up
	# The plan first: it is what `down` removes, whatever happens after.
	cp "$plan" "$PLAN"
	chmod 0644 "$PLAN"
	mkdir -p "$ETC_NETNS"

	ssh-keygen -q -t ed25519 -N '' -C "ipsecwiz-lab-admin" -f "$ADMIN_KEY" </dev/null
	for node in "${GATEWAYS[@]}"; do write_gateway_etc "$node"; done
	write_known_hosts
	# The profile holds every tunnel's key: 0600 from its first byte.
	(umask 077 && cp "$profile" "$LAB_DIR/.profile.tmp" && chmod 0600 "$LAB_DIR/.profile.tmp" && mv "$LAB_DIR/.profile.tmp" "$PROFILE")

	for node in "${NODES[@]}"; do
		ip netns add "$(ns_of "$node")"
		nip "$(ns_of "$node")" link set lo up
	done
	local l
	for l in "${PLAN_LINKS[@]}"; do
		# shellcheck disable=SC2086
		set -- $l # NODE IF ADDR NODE IF ADDR
		nip "$(ns_of "$1")" link add "$2" type veth peer name "$5" netns "$(ns_of "$4")"
		nip "$(ns_of "$1")" addr add "$3" dev "$2"
		nip "$(ns_of "$4")" addr add "$6" dev "$5"
		nip "$(ns_of "$1")" link set "$2" up
		nip "$(ns_of "$4")" link set "$5" up
	done
	for l in "${PLAN_MGMT[@]}"; do
		# shellcheck disable=SC2086
		set -- $l # NODE HOST-IF HOST-ADDR GW-ADDR
		ip link add "$2" type veth peer name mgmt0 netns "$(ns_of "$1")"
		nip "$(ns_of "$1")" addr add "$4" dev mgmt0
		nip "$(ns_of "$1")" link set mgmt0 up
		ip addr add "$3" dev "$2"
		ip link set "$2" up
	done
	for node in "${PLAN_FORWARD[@]}"; do
		in_ns "$node" sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'
	done
	for l in "${PLAN_ROUTES[@]}"; do
		# shellcheck disable=SC2086
		set -- $l # NODE DEST via ADDR|- dev IF [onlink]
		local args=("$2")
		[ "$4" = - ] || args+=(via "$4")
		args+=(dev "$6")
		[ "${7:-}" != onlink ] || args+=(onlink)
		nip "$(ns_of "$1")" route add "${args[@]}"
	done
	for l in "${PLAN_NATS[@]}"; do
		# shellcheck disable=SC2086
		set -- $l # NODE OUTSIDE-IF TARGET
		in_ns "$1" nft -f - <<EOF
# NAT router of IPsec Wizard lab $1: its gateway ($3) leaves as this router's address, and
# IKE (and ESP in UDP) sent to this router reaches the gateway.
table ip ipsecwiz_lab_nat {
	chain pre {
		type nat hook prerouting priority dstnat;
		iifname "$2" udp dport { 500, 4500 } dnat to $3
	}
	chain post {
		type nat hook postrouting priority srcnat;
		oifname "$2" masquerade
	}
}
EOF
	done
	for l in "${PLAN_ISOLATE[@]}"; do
		# shellcheck disable=SC2086
		set -- $l # NODE IF
		isolate_mgmt "$(ns_of "$1")" "$2"
	done
	for l in "${PLAN_RENUMBER[@]}"; do
		# shellcheck disable=SC2086
		set -- $l # SITE NODE IF ROUTER-IF ADDR...
		echo "$5" >"$(gw_dir "$2")/address"
	done

	for node in "${GATEWAYS[@]}"; do start_gateway "$node"; done
	for node in "${GATEWAYS[@]}"; do wait_gateway "$node"; done
	for node in "${GATEWAYS[@]}"; do
		is_managed "$node" || continue
		if ! out=$(ssh_gateway "$node" true 2>&1); then
			echo "$out" >&2
			echo "lab: ssh to $node ($(mgmt_addr "$node")) with the lab key and known_hosts failed" >&2
			false
		fi
	done
	UP_DONE=1
	note "the lab is up (${#NODES[@]} nodes from the plan $PLAN)"
	print_where
}

# A dynamic site's gateway moves to the next of its plan's addresses; the router's route follows.
cmd_renumber() { # SITE|NODE
	need_root renumber
	[ "$FROM_PLAN" = 1 ] || die "the lab is not built from a profile; renumber works on its dynamic sites"
	local l found=''
	for l in "${PLAN_RENUMBER[@]}"; do
		# shellcheck disable=SC2086
		set -- $l
		if [ "$1" = "$SITE_ARG" ] || [ "$2" = "$SITE_ARG" ]; then found=$l; fi
	done
	if [ -z "$found" ]; then
		local sites=()
		for l in "${PLAN_RENUMBER[@]}"; do sites+=("${l%% *}"); done
		die "\"$SITE_ARG\" is no dynamic site of this lab; dynamic sites: ${sites[*]:-none}"
	fi
	# shellcheck disable=SC2086
	set -- $found
	local site=$1 node=$2 ifname=$3 routerif=$4
	shift 4
	local state cur next='' i
	state="$(gw_dir "$node")/address"
	cur=$(cat "$state" 2>/dev/null) || die "the lab is not up ($state is missing)"
	local addrs=("$@")
	for i in "${!addrs[@]}"; do
		[ "${addrs[$i]}" = "$cur" ] && next=${addrs[$(((i + 1) % ${#addrs[@]}))]}
	done
	[ -n "$next" ] || die "$node's address $cur is none of the plan's"
	local gwns rns
	gwns=$(ns_of "$node") rns=$(ns_of "$ROUTER_NODE")
	# The new address before the old one goes, so the default route through the link stays.
	nip "$gwns" addr add "$next/32" dev "$ifname"
	nip "$gwns" addr del "$cur/32" dev "$ifname"
	nip "$gwns" route replace default via "$ROUTER_ADDR" dev "$ifname" onlink
	nip "$rns" route del "$cur/32" dev "$routerif" 2>/dev/null || true
	nip "$rns" route replace "$next/32" dev "$routerif"
	echo "$next" >"$state"
	note "$site ($node) moved from $cur to $next"
}

ssh_gateway() { # NODE COMMAND...
	local node=$1
	shift
	ssh -F /dev/null -i "$ADMIN_KEY" -o IdentitiesOnly=yes -o BatchMode=yes -o ConnectTimeout=5 \
		-o UserKnownHostsFile="$KNOWN_HOSTS" -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes \
		"root@$(mgmt_addr "$node")" "$@"
}

print_where() {
	local node
	cat <<EOF
  profile:      $PROFILE
  known_hosts:  $KNOWN_HOSTS
  admin key:    $ADMIN_KEY (public: $ADMIN_KEY.pub)
EOF
	for node in "${GATEWAYS[@]}"; do
		is_managed "$node" || continue
		cat <<EOF
  $node:    ssh -i $ADMIN_KEY -o UserKnownHostsFile=$KNOWN_HOSTS root@$(mgmt_addr "$node")
               /etc is $ETC_NETNS/$(ns_of "$node")/ (host key ssh/ssh_host_ed25519_key, swanctl/conf.d/)
               logs $(gw_dir "$node")/{charon,sshd}.log
EOF
	done
}

# --- down ---------------------------------------------------------------------------------
kill_pids() { # SIGNAL PID...
	local sig=$1
	shift
	[ $# -gt 0 ] || return 0
	kill "-$sig" "$@" 2>/dev/null || true
}

stop_pids() { # PID...: TERM, up to 2 s to go, then KILL
	local p alive
	[ $# -gt 0 ] || return 0
	kill_pids TERM "$@"
	for _ in $(seq 40); do
		alive=()
		for p in "$@"; do [ -d "/proc/$p" ] && alive+=("$p"); done
		[ ${#alive[@]} -eq 0 ] && break
		sleep 0.05
	done
	for p in "$@"; do [ -d "/proc/$p" ] && kill -KILL "$p" 2>/dev/null || true; done
}

teardown() {
	local node ns pid mntns p pids=()
	# Every process in a lab namespace (network or a gateway's mount namespace) is the lab's.
	for node in "${NODES[@]}"; do
		ns=$(ns_of "$node")
		if is_gateway "$node"; then
			pid=$(holder_pid "$node")
			if [ -n "$pid" ]; then
				mntns=$(readlink "/proc/$pid/ns/mnt" 2>/dev/null || true)
				if [ -n "$mntns" ]; then
					for p in /proc/[0-9]*; do
						[ "$(readlink "$p/ns/mnt" 2>/dev/null)" = "$mntns" ] && pids+=("${p#/proc/}")
					done
				fi
			fi
		fi
		if ns_exists "$ns"; then
			while read -r p; do [ -n "$p" ] && pids+=("$p"); done < <(ip netns pids "$ns" 2>/dev/null || true)
		fi
	done
	stop_pids "${pids[@]}"
	for node in "${NODES[@]}"; do
		ns=$(ns_of "$node")
		ns_exists "$ns" && ip netns del "$ns"
		rm -rf "${ETC_NETNS:?}/$ns"
	done
	for p in "${MGMT_LINKS[@]}"; do
		ip link show "$p" >/dev/null 2>&1 && ip link del "$p" 2>/dev/null || true
	done
	if [ -f "$MARKER" ]; then
		local created_dir=0 created_etc_netns=0
		# shellcheck disable=SC1090
		. "$MARKER"
		if [ "$created_etc_netns" = 1 ] && [ -d "$ETC_NETNS" ]; then rmdir "$ETC_NETNS" 2>/dev/null || true; fi
		rm -f "$ADMIN_KEY" "$ADMIN_KEY.pub" "$KNOWN_HOSTS" "$PROFILE" "$PLAN" "$LAB_DIR"/.known_hosts.* "$LAB_DIR"/.profile.*
		for node in "${GATEWAYS[@]}"; do rm -rf "$(gw_dir "$node")"; done
		rm -f "$MARKER"
		if [ "$created_dir" = 1 ]; then rmdir "$LAB_DIR" 2>/dev/null || true; fi
	fi
}

cmd_down() {
	need_root down
	if [ -z "$(lab_traces)" ]; then
		note "the lab is already down; nothing to remove"
		return 0
	fi
	teardown
	local left
	left=$(lab_traces)
	[ -z "$left" ] || { echo "$left" >&2; die "could not remove all of the lab (see above)"; }
	note "the lab is down (namespaces, links, processes, $ETC_NETNS/${PREFIX}* and $LAB_DIR state removed)"
}

# The names are the lab's own (PREFIX), whichever state folder made them, so a lab whose folder
# is lost is found by its names. Another lab that is running goes too: that is what --all asks.
all_traces() {
	local f l
	for f in /run/netns/"$PREFIX"*; do [ -e "$f" ] && echo "namespace ${f##*/}"; done
	for f in "$ETC_NETNS"/"$PREFIX"*; do [ -e "$f" ] && echo "folder $f"; done
	while read -r l; do [ -n "$l" ] && echo "link $l"; done < <(ip -o link show | sed -n "s/^[0-9]*: \(${PREFIX}[^:@]*\)[:@].*/\1/p")
	return 0
}

cmd_down_all() {
	need_root down
	local found ns p pids=() l
	found=$(all_traces)
	[ -n "$found" ] || [ -e "$MARKER" ] || { note "no lab on this machine; nothing to remove"; return 0; }
	# This folder's own lab first: it also knows its gateways' mount namespaces and its state.
	[ ! -e "$MARKER" ] || teardown
	found=$(all_traces)
	if [ -n "$found" ]; then
		echo "lab: removing a lab that no state folder here describes:"
		echo "$found" | sed 's/^/  /'
	fi
	for ns in /run/netns/"$PREFIX"*; do
		[ -e "$ns" ] || continue
		while read -r p; do [ -n "$p" ] && pids+=("$p"); done < <(ip netns pids "${ns##*/}" 2>/dev/null || true)
	done
	stop_pids "${pids[@]}"
	for ns in /run/netns/"$PREFIX"*; do [ -e "$ns" ] && ip netns del "${ns##*/}"; done
	rm -rf "${ETC_NETNS:?}"/"$PREFIX"*
	while read -r l; do [ -n "$l" ] && ip link del "$l" 2>/dev/null || true; done < <(all_traces | sed -n 's/^link //p')
	found=$(all_traces)
	[ -z "$found" ] || { echo "$found" >&2; die "could not remove all of the lab (see above)"; }
	note "no lab is left on this machine"
}

# --- status -------------------------------------------------------------------------------
node_addresses() { # NODE -> one CIDR per line (global scope, not lo)
	local ns
	ns=$(ns_of "$1")
	ns_exists "$ns" || return 0
	nip "$ns" -o addr show scope global 2>/dev/null | awk '{print $4}'
}

cmd_status() {
	need_root status
	local json=0
	[ "${1:-}" = --json ] && json=1
	[ $# -le 1 ] || usage
	[ $# -eq 0 ] || [ "$json" = 1 ] || usage
	local up=false node
	lab_is_up && up=true
	if [ "$json" = 1 ]; then
		local first=1 a addrs
		printf '{\n  "up": %s,\n  "profile": %s,\n  "knownHosts": %s,\n  "adminKey": %s,\n  "nodes": [' \
			"$up" "$(json_str "$PROFILE")" "$(json_str "$KNOWN_HOSTS")" "$(json_str "$ADMIN_KEY")"
		for node in "${NODES[@]}"; do
			ns_exists "$(ns_of "$node")" || continue
			addrs=""
			while read -r a; do
				[ -n "$a" ] || continue
				addrs+="${addrs:+, }$(json_str "$a")"
			done < <(node_addresses "$node")
			[ $first = 1 ] || printf ','
			first=0
			printf '\n    {"name": %s, "namespace": %s, "addresses": [%s]' "$(json_str "$node")" "$(json_str "$(ns_of "$node")")" "$addrs"
			[ "$FROM_PLAN" = 0 ] || printf ', "kind": %s' "$(json_str "${KIND[$node]}")"
			if is_managed "$node"; then
				local sshd=false charon=false
				pid_alive "$(gw_dir "$node")/sshd.pid" "$node" && sshd=true
				pid_alive "$(gw_dir "$node")/charon.pid" "$node" && charon=true
				printf ', "ssh": {"host": %s, "port": 22, "user": "root"}, "sshd": %s, "charon": %s' \
					"$(json_str "$(mgmt_addr "$node")")" "$sshd" "$charon"
			fi
			printf '}'
		done
		printf '\n  ]\n}\n'
	else
		if [ "$up" = true ]; then
			echo "the lab is up"
		elif [ -z "$(lab_traces)" ]; then
			echo "the lab is down ('lab.sh up' starts it)"
		else
			echo "the lab is BROKEN: part of it is missing or died ('lab.sh down', then 'lab.sh up')"
		fi
		local w=10 # the two-gateway lab's names; a plan's may be longer
		for node in "${NODES[@]}"; do [ ${#node} -le "$w" ] || w=${#node}; done
		for node in "${NODES[@]}"; do
			if ! ns_exists "$(ns_of "$node")"; then
				printf '  %-*s (no namespace)\n' "$w" "$node"
				continue
			fi
			printf '  %-*s %-*s %s\n' "$w" "$node" $((w + 10)) "$(ns_of "$node")" "$(node_addresses "$node" | tr '\n' ' ')"
			if is_gateway "$node" && ! is_managed "$node"; then
				local s2=stopped
				pid_alive "$(gw_dir "$node")/charon.pid" "$node" && s2="running (pid $(cat "$(gw_dir "$node")/charon.pid"))"
				printf '  %-*s no sshd (not managed), charon %s\n' "$w" "" "$s2"
			elif is_gateway "$node"; then
				local s1=stopped s2=stopped
				pid_alive "$(gw_dir "$node")/sshd.pid" "$node" && s1="running (pid $(cat "$(gw_dir "$node")/sshd.pid"))"
				pid_alive "$(gw_dir "$node")/charon.pid" "$node" && s2="running (pid $(cat "$(gw_dir "$node")/charon.pid"))"
				printf '  %-*s sshd %s on %s:22, charon %s\n' "$w" "" "$s1" "$(mgmt_addr "$node")" "$s2"
			fi
		done
		echo "  profile:     $PROFILE"
		echo "  known_hosts: $KNOWN_HOSTS"
		echo "  admin key:   $ADMIN_KEY"
	fi
	[ "$up" = true ] || return 3
}

# --- exec / profile -----------------------------------------------------------------------
cmd_exec() {
	need_root exec
	[ $# -ge 1 ] || usage
	local node=$1
	shift
	case " ${NODES[*]} " in *" $node "*) ;; *) die "unknown node \"$node\"; expected one of: ${NODES[*]}" ;; esac
	[ "${1:-}" = -- ] && shift
	[ $# -ge 1 ] || usage
	ns_exists "$(ns_of "$node")" || die "the lab is not up ($(ns_of "$node") does not exist); run '$0 up'"
	if is_gateway "$node"; then
		local pid
		pid=$(holder_pid "$node")
		[ -n "$pid" ] || die "$node's holder process is gone; run '$0 down' then '$0 up'"
		unset STRONGSWAN_CONF # the gateway's /etc/strongswan.conf decides, as on a real gateway
		exec nsenter --target "$pid" --mount --net -- "$@"
	fi
	exec ip netns exec "$(ns_of "$node")" "$@"
}

cmd_profile() {
	[ -f "$PROFILE" ] || { echo "$PROFILE"; die "the lab is not up (no profile yet); run '$0 up'"; }
	echo "$PROFILE"
}

# --- main ---------------------------------------------------------------------------------
[ $# -ge 1 ] || usage
cmd=$1
shift
ROUTER_NODE=inet ROUTER_ADDR=169.254.0.1 # the plan's internet router (model/lab/LabPlan.h)
# A lab built from a plan keeps it in LAB_DIR: status, exec, renumber and down work on its nodes.
if [ "$cmd" != __holder ] && [ -f "$PLAN" ]; then load_plan "$PLAN"; fi
case $cmd in
up)
	if [ $# -eq 0 ]; then
		cmd_up
	elif [ $# -eq 4 ] && [ "$1" = --plan ] && [ "$3" = --profile ]; then
		cmd_up_plan "$2" "$4"
	else
		usage
	fi
	;;
renumber) [ $# -eq 1 ] || usage; SITE_ARG=$1; cmd_renumber ;;
down)
	if [ $# -eq 0 ]; then
		cmd_down
	elif [ $# -eq 1 ] && [ "$1" = --all ]; then
		cmd_down_all
	else
		usage
	fi
	;;
status) cmd_status "$@" ;;
exec) cmd_exec "$@" ;;
profile) [ $# -eq 0 ] || usage; cmd_profile ;;
__holder) holder "$1" ;;
-h | --help | help) usage ;;
*) usage ;;
esac
