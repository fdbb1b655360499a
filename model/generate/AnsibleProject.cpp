#include "AnsibleProject.h"

#include "FileWriter.h"
#include "MarkedBlock.h"
#include "NetworkGenerator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>

namespace ipsecwiz::Ansible {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::Ansible", text);
}

QByteArray modeText(int mode)
{
    return QByteArray::number(mode, 8).rightJustified(4, '0');
}

// The timer of one host's transaction, started by the playbook as an async task. It takes the
// gateway's push lock (the desktop's pushes and this never overlap), keeps a copy of every file
// the play may touch, says "armed", and waits for the last play's confirm (or an abort); without
// one in time it puts back what it kept, removes what was new, and reloads.
constexpr char FleetScript[] = R"SH(#!/bin/sh
# IPsec Wizard's commit-confirmed for one host of an Ansible run (written by `ipsec-wizard ansible`).
#   fleet.sh arm RUN TIMEOUT   hold the push lock, back up every planned file, say "armed", then
#                              wait for RUNS/RUN/confirm; on RUNS/RUN/abort or after TIMEOUT seconds,
#                              restore, reload and say "rolled-back"
# The plan (which files, which commands) is in the files beside this script.
set -u
BASE=/etc/ipsec-wizard/.ansible
LOCK=/etc/ipsec-wizard/.push.lock
[ "${1:-}" = arm ] && [ $# -eq 3 ] || { echo "usage: $0 arm RUN TIMEOUT" >&2; exit 2; }
RUN=$2 TIMEOUT=$3
case $RUN in *[!A-Za-z0-9-]*|'') echo "bad run name" >&2; exit 2;; esac
umask 077
T=$BASE/runs/$RUN
mkdir -p "$T/backup" || exit 1
log() { echo "$(date +%T) $*" >> "$T/log"; }
state() { echo "$1" > "$T/state.tmp" && mv -f "$T/state.tmp" "$T/state"; log "state $1"; }
commands() { # FILE: one command a line; each runs without the lock's descriptor
	[ -f "$1" ] || return 0
	while IFS= read -r c; do
		[ -n "$c" ] || continue
		log "run: $c"
		sh -c "$c" >> "$T/log" 2>&1 9>&- </dev/null || log "failed ($?): $c"
	done < "$1"
}
exec 9>> "$LOCK" || { state failed; exit 1; }
if ! flock -n 9; then
	state "busy $(cat "$LOCK.holder" 2>/dev/null)"
	exit 1
fi
echo "ansible run $RUN since $(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$LOCK.holder"
n=0
while IFS= read -r f; do
	n=$((n + 1))
	if [ -e "$f" ]; then
		cp -p "$f" "$T/backup/$n" || { state failed; exit 1; }
		printf '%s\t%s\n' "$n" "$f" >> "$T/had"
	else
		printf '%s\t%s\n' "$n" "$f" >> "$T/new"
	fi
done < "$BASE/plan.files"
# Older runs' copies are kept (the last five), like the push's backups.
ls -1dt "$BASE"/runs/*/ 2>/dev/null | tail -n +7 | while IFS= read -r old; do rm -rf "$old"; done
state armed
end=$(($(date +%s) + TIMEOUT))
while [ "$(date +%s)" -lt "$end" ]; do
	if [ -e "$T/confirm" ]; then state confirmed; exit 0; fi
	[ -e "$T/abort" ] && break
	sleep 0.2
done
state rolling-back
[ -e "$T/abort" ] && log "aborted by the play" || log "no confirmation within $TIMEOUT s"
commands "$BASE/plan.unload"
if [ -f "$T/had" ]; then
	while IFS="$(printf '\t')" read -r n f; do cp -p "$T/backup/$n" "$f" || log "cannot restore $f"; done < "$T/had"
fi
if [ -f "$T/new" ]; then
	while IFS="$(printf '\t')" read -r n f; do rm -f "$f"; done < "$T/new"
fi
commands "$BASE/plan.reload"
state rolled-back
)SH";

// The playbook. Two plays: the first changes each host under its timer and checks it; the second
// confirms every timer only when every host passed, and otherwise rolls all of them back.
constexpr char Playbook[] = R"YAML(# Install IPsec Wizard's configuration on every managed gateway, commit-confirmed across the fleet.
#   ansible-playbook site.yml                 # change, check, confirm (or roll every host back)
#   ansible-playbook site.yml --check --diff  # what would change, keys masked; nothing is touched
# See README.md. Written by `ipsec-wizard ansible`; the same files as `ipsec-wizard generate`.

- name: Install under a rollback timer, then check
  hosts: ipsec_gateways
  gather_facts: false
  tasks:
    - name: Name this run
      ansible.builtin.set_fact:
        ipsecwiz_run: "{{ now(utc=true, fmt='%Y%m%dT%H%M%SZ') }}-{{ 999999999 | random }}"
        ipsecwiz_ok: false

    # What would change, without the check-mode runs of the modules that count as changes: the
    # files as they are (checksum, mode) against what the templates render here.
    - name: Look at the files as they are
      ansible.builtin.stat:
        path: "{{ item.dest }}"
        get_checksum: true
        checksum_algorithm: sha1
      loop: "{{ ipsecwiz_files }}"
      loop_control: {label: "{{ item.dest }}"}
      register: ipsecwiz_now

    - name: Look at our blocks as they are
      ansible.builtin.shell:
        cmd: >-
          sed -n '/^# BEGIN ipsec-wizard {{ item.block }}$/,/^# END ipsec-wizard {{ item.block }}$/p' {{ item.dest | quote }} 2>/dev/null | sha1sum
      loop: "{{ ipsecwiz_files | selectattr('kind', 'equalto', 'block') | list }}"
      loop_control: {label: "{{ item.dest }}"}
      check_mode: false
      changed_when: false
      register: ipsecwiz_blocks_now

    - name: Decide
      ansible.builtin.set_fact:
        ipsecwiz_changing: >-
          {%- set ns = namespace(changing=false) -%}
          {%- for r in ipsecwiz_now.results -%}
            {%- set src = playbook_dir ~ '/files/' ~ r.item.src -%}
            {%- if r.item.kind == 'copy' -%}
              {%- set want = lookup('file', src, rstrip=false) | hash('sha1') -%}
            {%- elif r.item.kind == 'template' -%}
              {%- set want = lookup('template', src, trim_blocks=false) | hash('sha1') -%}
            {%- else -%}
              {%- set want = r.stat.checksum | default('') -%}
            {%- endif -%}
            {%- if not r.stat.exists or r.stat.checksum != want or (r.item.mode is defined and r.stat.mode != r.item.mode) -%}
              {%- set ns.changing = true -%}
            {%- endif -%}
          {%- endfor -%}
          {%- for r in ipsecwiz_blocks_now.results -%}
            {%- set block = '# BEGIN ipsec-wizard ' ~ r.item.block ~ '\n' ~ lookup('template', playbook_dir ~ '/files/' ~ r.item.src, trim_blocks=false) ~ '# END ipsec-wizard ' ~ r.item.block ~ '\n' -%}
            {%- if r.stdout.split(' ')[0] != block | hash('sha1') -%}
              {%- set ns.changing = true -%}
            {%- endif -%}
          {%- endfor -%}
          {{ ns.changing }}

    - name: Make the folders the files go to
      ansible.builtin.file:
        path: "{{ item }}"
        state: directory
      loop: "{{ (ipsecwiz_files | map(attribute='dest') | map('dirname') | list + [ipsecwiz_base]) | unique }}"

    - name: Show what changes in the files holding a key (the keys masked)
      when: ansible_diff_mode and ipsecwiz_changing | bool
      ansible.builtin.shell:
        cmd: >-
          now=$(mktemp) || exit 2;
          if [ {{ item.kind | quote }} = block ]; then
          sed -n '/^# BEGIN ipsec-wizard {{ item.block | default('') }}$/,/^# END ipsec-wizard {{ item.block | default('') }}$/p' {{ item.dest | quote }};
          else cat {{ item.dest | quote }}; fi 2>/dev/null | sed -E 's/0x[0-9a-fA-F]{32,}/(key)/g' > "$now";
          diff -u --label {{ (item.dest ~ ' (now)') | quote }} --label {{ (item.dest ~ ' (new)') | quote }} "$now" -;
          rc=$?; rm -f "$now"; [ $rc -le 1 ]
        stdin: "{{ ('# BEGIN ipsec-wizard ' ~ item.block | default('') ~ '\n') if item.kind == 'block' else '' }}{{ lookup('template', playbook_dir + '/files/' + item.src, trim_blocks=false, template_vars={'ipsecwiz_psk': ipsecwiz_psk_masked}) }}{{ ('# END ipsec-wizard ' ~ item.block | default('') ~ '\n') if item.kind == 'block' else '' }}"
        stdin_add_newline: false
      loop: "{{ ipsecwiz_files | selectattr('kind', 'in', ['template', 'block']) | list }}"
      loop_control: {label: "{{ item.dest }}"}
      check_mode: false
      changed_when: false
      register: ipsecwiz_masked_diff

    - name: The masked differences
      when: ansible_diff_mode and ipsecwiz_changing | bool
      ansible.builtin.debug:
        msg: "{{ ipsecwiz_masked_diff.results | map(attribute='stdout_lines', default=[]) | flatten }}"

    - name: Put the timer and this host's plan in place
      when: ipsecwiz_changing | bool and not ansible_check_mode
      ansible.builtin.copy:
        dest: "{{ ipsecwiz_base }}/{{ item.name }}"
        content: "{{ item.content }}"
        mode: "{{ item.mode }}"
      loop:
        - {name: fleet.sh, content: "{{ lookup('file', playbook_dir + '/files/fleet.sh', rstrip=false) }}", mode: "0700"}
        - {name: plan.files, content: "{{ (ipsecwiz_files | map(attribute='dest') | unique | join('\n')) ~ '\n' }}", mode: "0600"}
        - {name: plan.unload, content: "{{ (ipsecwiz_unload + ['']) | join('\n') }}", mode: "0600"}
        - {name: plan.reload, content: "{{ (ipsecwiz_reload + ['']) | join('\n') }}", mode: "0600"}
      loop_control: {label: "{{ item.name }}"}

    - name: Start the rollback timer (it takes the gateway's push lock)
      when: ipsecwiz_changing | bool and not ansible_check_mode
      ansible.builtin.command:
        argv: [/bin/sh, "{{ ipsecwiz_base }}/fleet.sh", arm, "{{ ipsecwiz_run }}", "{{ ipsecwiz_confirm_timeout }}"]
      async: "{{ ipsecwiz_confirm_timeout | int + 300 }}"
      poll: 0
      changed_when: false

    - name: Wait until the timer is armed
      when: ipsecwiz_changing | bool and not ansible_check_mode
      ansible.builtin.command: cat {{ ipsecwiz_base }}/runs/{{ ipsecwiz_run }}/state
      register: ipsecwiz_state
      until: ipsecwiz_state.stdout is match('armed|busy|failed')
      retries: 60
      delay: 1
      changed_when: false
      failed_when: ipsecwiz_state.stdout != 'armed'

    - name: Change, reload and check
      block:
        - name: Take out what the current files put in the kernel
          ansible.builtin.command: "{{ item }}"
          loop: "{{ ipsecwiz_unload }}"
          when: ipsecwiz_changing | bool and not ansible_check_mode
          failed_when: false

        - name: Files of our own
          ansible.builtin.copy:
            src: "{{ playbook_dir }}/files/{{ item.src }}"
            dest: "{{ item.dest }}"
            mode: "{{ item.mode }}"
          loop: "{{ ipsecwiz_files | selectattr('kind', 'equalto', 'copy') | list }}"
          loop_control: {label: "{{ item.dest }}"}

        - name: Files holding a key (0600)
          ansible.builtin.template:
            src: "{{ playbook_dir }}/files/{{ item.src }}"
            dest: "{{ item.dest }}"
            mode: "{{ item.mode }}"
            trim_blocks: false
          loop: "{{ ipsecwiz_files | selectattr('kind', 'equalto', 'template') | list }}"
          loop_control: {label: "{{ item.dest }}"}
          diff: false
          no_log: true

        - name: Our blocks in the admin's files (every other byte stays)
          ansible.builtin.blockinfile:
            path: "{{ item.dest }}"
            marker: "# {mark} ipsec-wizard {{ item.block }}"
            block: "{{ lookup('template', playbook_dir + '/files/' + item.src, trim_blocks=false) | regex_replace('\n$', '') }}"
            create: true
            mode: "{{ item.mode | default(omit) }}"
          loop: "{{ ipsecwiz_files | selectattr('kind', 'equalto', 'block') | list }}"
          loop_control: {label: "{{ item.dest }}"}
          diff: false
          no_log: true

        - name: Load the new configuration (the daemon checks it)
          ansible.builtin.command: "{{ item }}"
          loop: "{{ ipsecwiz_reload }}"
          when: ipsecwiz_changing | bool and not ansible_check_mode

        - name: Check that the daemon has every connection
          ansible.builtin.command: "{{ item }}"
          loop: "{{ ipsecwiz_check }}"
          register: ipsecwiz_checked
          when: ipsecwiz_changing | bool and not ansible_check_mode
          changed_when: false
          failed_when: >-
            ipsecwiz_checked.rc != 0 or
            (item == ipsecwiz_check[0] and ipsecwiz_connections | map('regex_replace', '$', ':') | reject('in', ipsecwiz_checked.stdout) | list | length > 0)

        - name: This host passed
          ansible.builtin.set_fact:
            ipsecwiz_ok: true
      rescue:
        - name: Roll this host back now
          when: ipsecwiz_changing | bool and not ansible_check_mode
          ansible.builtin.file:
            path: "{{ ipsecwiz_base }}/runs/{{ ipsecwiz_run }}/abort"
            state: touch
            mode: "0600"
          changed_when: false

        - name: Wait for the rollback
          when: ipsecwiz_changing | bool and not ansible_check_mode
          ansible.builtin.command: cat {{ ipsecwiz_base }}/runs/{{ ipsecwiz_run }}/state
          register: ipsecwiz_state
          until: ipsecwiz_state.stdout == 'rolled-back'
          retries: 60
          delay: 1
          changed_when: false

        - name: Say so
          ansible.builtin.fail:
            msg: "{{ inventory_hostname }}: the new configuration failed its check ({{ ansible_failed_result.msg | default('see above') }}); this host is back on its previous files."

- name: Confirm every host only when every host passed
  hosts: ipsec_gateways
  gather_facts: false
  vars:
    ipsecwiz_failed: "{{ ansible_play_hosts_all | reject('in', ansible_play_hosts_all | map('extract', hostvars) | selectattr('ipsecwiz_ok', 'defined') | selectattr('ipsecwiz_ok') | map(attribute='inventory_hostname') | list) | list }}"
  tasks:
    - name: Confirm (the timer ends and keeps the new files)
      when: ipsecwiz_changing | bool and not ansible_check_mode and ipsecwiz_failed | length == 0
      ansible.builtin.file:
        path: "{{ ipsecwiz_base }}/runs/{{ ipsecwiz_run }}/confirm"
        state: touch
        mode: "0600"
      changed_when: false

    - name: Or roll back, since another host failed
      when: ipsecwiz_changing | bool and not ansible_check_mode and ipsecwiz_failed | length > 0
      ansible.builtin.file:
        path: "{{ ipsecwiz_base }}/runs/{{ ipsecwiz_run }}/abort"
        state: touch
        mode: "0600"
      changed_when: false

    - name: Wait for the timer to end
      when: ipsecwiz_changing | bool and not ansible_check_mode
      ansible.builtin.command: cat {{ ipsecwiz_base }}/runs/{{ ipsecwiz_run }}/state
      register: ipsecwiz_state
      until: ipsecwiz_state.stdout in ['confirmed', 'rolled-back']
      retries: 60
      delay: 1
      changed_when: false

    # Each end reloaded on its own time, so a tunnel its starting end tried before the other end
    # had it is down until traffic comes; start the ones this end starts, now that both have them.
    - name: Start the tunnels this gateway starts
      when: ipsecwiz_changing | bool and not ansible_check_mode and ipsecwiz_failed | length == 0
      ansible.builtin.shell:
        cmd: >-
          swanctl --list-sas --ike {{ item | quote }} 2>/dev/null | grep -q INSTALLED && exit 0;
          swanctl --initiate --child {{ item | quote }} --timeout 20 >/dev/null 2>&1 && echo started
      loop: "{{ ipsecwiz_initiate }}"
      register: ipsecwiz_started
      changed_when: "'started' in ipsecwiz_started.stdout"
      failed_when: false

    - name: The fleet's result
      when: ipsecwiz_failed | length > 0
      ansible.builtin.fail:
        msg: "Not confirmed: {{ ipsecwiz_failed | join(', ') }} failed or could not be reached. Every host that had changed is back on its previous files (one that cannot be reached rolls back by itself within {{ ipsecwiz_confirm_timeout }} s)."
)YAML";

constexpr char Readme[] = R"MD(# The IPsec network "__NETWORK__" as an Ansible project

Written by `ipsec-wizard ansible`. It installs on every managed gateway exactly what
`ipsec-wizard generate` writes for it, by the same rules as the program's own push:

- files of our own are replaced whole; in a file the admin also writes (racoon's `psk.txt`,
  `racoon.conf`, `racoon-tool.conf`) only the block between `# BEGIN ipsec-wizard NAME` and
  `# END ipsec-wizard NAME` changes, and every other byte stays;
- **commit-confirmed across the fleet**: before a host changes, a timer on it (`files/fleet.sh`,
  started as an async task) takes the gateway's push lock (so the desktop program's push and
  this run never overlap), keeps a copy of every file the play may touch, and waits. Each host
  then gets its files, reloads (the daemon checks them: `swanctl --load-all`) and is checked
  (every connection loaded). Only when **every** host passed does the last play confirm the
  timers. A host that fails is rolled back at once, and then every other changed host too; a host
  that lost its management path rolls itself back when its timer runs out
  (__TIMEOUT__ s; `-e ipsecwiz_confirm_timeout=N` to change it).

Nothing here needs a collection from the internet: only `ansible.builtin` (Debian 12's `ansible-core`).

## Run it

```sh
cd THIS-FOLDER
ansible-playbook site.yml --check --diff   # what would change (keys masked); nothing is touched
ansible-playbook site.yml                  # change, check, confirm
ansible-playbook site.yml                  # again: changed=0
ansible-playbook site.yml --limit hubs     # one group (see inventory.yml)
```

`ansible.cfg` points at `inventory.yml`, checks host keys strictly, and uses the known-hosts
files the profile names. A gateway whose key is not known is not touched.

## The keys

The files that hold a pre-shared key are templates (`files/SITE/…/*.j2`); the keys are in
`group_vars/all/psk.yml`, mode 0600, and nowhere else in this folder. Encrypt it before it goes
anywhere:

```sh
ansible-vault encrypt group_vars/all/psk.yml
ansible-playbook site.yml --ask-vault-pass
```

(`ipsec-wizard ansible --vault-password-file FILE` writes it encrypted in the first place.)
The playbook never prints a key: the tasks that write them log nothing, and `--diff` shows the
files that hold one with the keys masked.

## What is where

| path | what |
|---|---|
| `inventory.yml` | every managed gateway and how to reach it; groups by the site's role |
| `host_vars/SITE.yml` | the site's files (where each goes, its mode, whole file or our block) and the commands that load and check them |
| `files/SITE/…` | the files themselves, byte for byte what `generate` writes (with a key: a template) |
| `files/fleet.sh` | the timer that rolls a host back unless the fleet confirms it |
| `group_vars/all/psk.yml` | the tunnels' keys |
| `site.yml` | the playbook |

On a gateway, each run's copies of the replaced files are kept in
`/etc/ipsec-wizard/.ansible/runs/RUN/` (the last five runs), with the timer's log.
)MD";

constexpr char AnsibleCfg[] = R"INI(# Written by `ipsec-wizard ansible`.
[defaults]
inventory = inventory.yml
host_key_checking = True
interpreter_python = auto_silent
retry_files_enabled = False

[ssh_connection]
pipelining = True
)INI";

// The role a site plays, as an inventory group name.
QString roleGroup(const NetworkProfile& network, const QString& site)
{
    switch (network.topology.kind) {
    case TopologyKind::HubAndSpoke: return site == network.topology.hub ? QStringLiteral("hubs") : QStringLiteral("spokes");
    case TopologyKind::Mesh: return QStringLiteral("mesh");
    case TopologyKind::Pair: return QStringLiteral("pair");
    }
    return QStringLiteral("pair");
}

QByteArray yamlList(const QStringList& items)
{
    if (items.isEmpty())
        return "[]";
    QByteArray out = "[";
    for (int i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + yamlString(items.at(i));
    return out + ']';
}

} // namespace

QByteArray yamlString(const QString& s)
{
    // A JSON document of one string, without its brackets: JSON's escapes are YAML's.
    const QByteArray json = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return json.mid(1, json.size() - 2);
}

QByteArray templateFor(const QByteArray& content, const QList<std::pair<QString, QByteArray>>& keys)
{
    QByteArray out = "{% raw %}";
    qsizetype from = 0;
    for (;;) {
        qsizetype best = -1;
        const std::pair<QString, QByteArray>* which = nullptr;
        for (const auto& key : keys) {
            if (key.second.isEmpty())
                continue;
            const qsizetype at = content.indexOf(key.second, from);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
                which = &key;
            }
        }
        if (!which)
            break;
        out += content.mid(from, best - from);
        out += "{% endraw %}{{ ipsecwiz_psk[" + yamlString(which->first) + "] }}{% raw %}";
        from = best + which->second.size();
    }
    out += content.mid(from);
    return out + "{% endraw %}";
}

Result<QList<ProjectFile>> project(const NetworkProfile& network, const Options& options)
{
    const QStringList sites = options.sites.isEmpty() ? Generate::managedSites(network) : options.sites;
    if (sites.isEmpty())
        return Error{QStringLiteral("--gateway"), tr("The network has no managed gateway: there is nothing for Ansible to do.")};
    auto generated = Generate::gateways(network, sites);
    if (!generated)
        return generated.error();

    QList<ProjectFile> out;
    const QDir profileDir(options.profileDir.isEmpty() ? QDir::currentPath() : options.profileDir);

    // The inventory: one group per role, all of them children of ipsec_gateways.
    QMap<QString, QStringList> groups;
    for (const QString& site : sites)
        groups[roleGroup(network, site)] << site;
    QStringList knownHosts;
    if (!options.homeDir.isEmpty())
        knownHosts << options.homeDir + QStringLiteral("/.ssh/known_hosts");
    if (!network.knownHostsFile.isEmpty())
        knownHosts << profileDir.absoluteFilePath(network.knownHostsFile);
    QByteArray inv = "# The managed gateways of the network " + yamlString(network.name) + ", written by `ipsec-wizard ansible`.\n";
    QStringList unmanaged;
    for (const Site& s : network.sites)
        if (!s.gateway.managed)
            unmanaged << s.name;
    if (!unmanaged.isEmpty())
        inv += "# Run by someone else, so not here: " + unmanaged.join(QStringLiteral(", ")).toUtf8() + " (see their settings sheets).\n";
    inv += "ipsec_gateways:\n  vars:\n";
    // The push's host-key rules: strict, the admin's own file first, then the profile's.
    QString sshArgs = QStringLiteral("-o StrictHostKeyChecking=yes");
    if (!knownHosts.isEmpty())
        sshArgs += QStringLiteral(" -o UserKnownHostsFile=\"%1\"").arg(knownHosts.join(QLatin1Char(' ')));
    inv += "    ansible_ssh_common_args: " + yamlString(sshArgs) + "\n";
    inv += "  children:\n";
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        inv += "    " + it.key().toUtf8() + ":\n      hosts:\n";
        for (const QString& name : it.value()) {
            const Site* site = network.site(name);
            const SiteGateway& gw = site->gateway;
            inv += "        " + yamlString(name) + ":\n";
            inv += "          ansible_host: " + yamlString(gw.sshHost()) + "\n";
            inv += "          ansible_port: " + QByteArray::number(gw.ssh.port) + "\n";
            inv += "          ansible_user: " + yamlString(gw.ssh.user) + "\n";
            if (gw.ssh.user != QLatin1String("root"))
                inv += "          ansible_become: true\n";
            if (!gw.ssh.identityFile.isEmpty())
                inv += "          ansible_ssh_private_key_file: " + yamlString(profileDir.absoluteFilePath(gw.ssh.identityFile)) + "\n";
        }
    }
    out << ProjectFile{QStringLiteral("ansible.cfg"), 0644, AnsibleCfg};
    out << ProjectFile{QStringLiteral("inventory.yml"), 0644, inv};
    out << ProjectFile{QStringLiteral("site.yml"), 0644, Playbook};
    out << ProjectFile{QStringLiteral("group_vars/all/fleet.yml"), 0644,
                       "# Where each host keeps its transactions, and how long a changed host waits for the fleet's\n"
                       "# confirmation before it rolls itself back (-e ipsecwiz_confirm_timeout=N for one run).\n"
                       "ipsecwiz_base: /etc/ipsec-wizard/.ansible\n"
                       "ipsecwiz_confirm_timeout: " + QByteArray::number(options.confirmTimeoutSec) + "\n"};
    out << ProjectFile{QStringLiteral("README.md"), 0644,
                       QByteArray(Readme).replace("__NETWORK__", network.name.toUtf8()).replace("__TIMEOUT__", QByteArray::number(options.confirmTimeoutSec))};
    out << ProjectFile{QStringLiteral("files/fleet.sh"), 0755, FleetScript};

    // The keys of every tunnel that reaches an included site.
    QList<std::pair<QString, QByteArray>> keys;
    for (const Tunnel& t : network.tunnels)
        if ((sites.contains(t.siteA) || sites.contains(t.siteB)) && t.psk)
            keys.push_back({t.name, *t.psk});

    for (const auto& [site, config] : generated.value()) {
        QByteArray vars = "# What site " + yamlString(site) + " of the network " + yamlString(network.name) + " gets (`ipsec-wizard generate --gateway " + site.toUtf8() + "`).\n";
        vars += "ipsecwiz_files:\n";
        for (const GeneratedFile& f : config.files) {
            if (f.remove)
                continue;
            const QString base = site + f.path;
            if (!f.block.isEmpty()) {
                // Our marked blocks, one entry each (the blocks of psk.txt come as one file whose
                // block names every tunnel); blockinfile writes the marker lines.
                for (const QString& name : f.block.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                    const QByteArray begin = MarkedBlock::beginLine(name) + '\n';
                    const qsizetype start = f.content.indexOf(begin);
                    const qsizetype end = f.content.indexOf(MarkedBlock::endLine(name) + '\n', start);
                    if (start < 0 || end < 0)
                        return Error{QStringLiteral("block"), tr("The block “%1” of %2 has no markers.").arg(name, f.path)};
                    const QByteArray body = f.content.mid(start + begin.size(), end - start - begin.size());
                    const QString src = base + QStringLiteral(".block-") + name + QStringLiteral(".j2");
                    vars += "  - {dest: " + yamlString(f.path) + ", src: " + yamlString(src) + ", kind: block";
                    if (f.secret)
                        vars += ", mode: \"0600\"";
                    vars += ", block: " + yamlString(name) + "}\n";
                    out << ProjectFile{QStringLiteral("files/") + src, f.secret ? 0600 : 0644, templateFor(body, keys)};
                }
                continue;
            }
            const bool secret = f.secret;
            const QString src = secret ? base + QStringLiteral(".j2") : base;
            vars += "  - {dest: " + yamlString(f.path) + ", src: " + yamlString(src) + ", kind: " + (secret ? "template" : "copy")
                    + ", mode: \"" + modeText(secret ? 0600 : f.mode) + "\"}\n";
            out << ProjectFile{QStringLiteral("files/") + src, secret ? 0600 : 0644, secret ? templateFor(f.content, keys) : f.content};
        }
        QStringList connections;
        QStringList initiate;
        if (config.flavour == Flavour::StrongSwan) {
            for (const Tunnel& t : network.tunnels) {
                if (t.siteA != site && t.siteB != site)
                    continue;
                connections << t.name;
                if (Generate::startsTunnel(network, t, site))
                    initiate << t.name;
            }
        }
        vars += "ipsecwiz_unload: " + yamlList(config.unloadCommands) + "\n";
        vars += "ipsecwiz_reload: " + yamlList(config.reloadCommands) + "\n";
        vars += "ipsecwiz_check: " + yamlList(config.checkCommands) + "\n";
        vars += "ipsecwiz_connections: " + yamlList(connections) + "\n";
        vars += "ipsecwiz_initiate: " + yamlList(initiate) + "\n";
        out << ProjectFile{QStringLiteral("host_vars/") + site + QStringLiteral(".yml"), 0644, vars};
    }

    QByteArray psk = "# The tunnels' pre-shared keys. Keep this file 0600 and encrypt it:\n"
                     "#   ansible-vault encrypt group_vars/all/psk.yml\n"
                     "ipsecwiz_psk:\n";
    QByteArray masked = "# What --diff shows in place of a key.\nipsecwiz_psk_masked:\n";
    for (const auto& [name, key] : keys) {
        psk += "  " + yamlString(name) + ": " + yamlString(QString::fromLatin1(key)) + "\n";
        masked += "  " + yamlString(name) + ": \"(key)\"\n";
    }
    if (keys.isEmpty()) {
        psk += "  {}\n";
        masked += "  {}\n";
    }
    out << ProjectFile{QStringLiteral("group_vars/all/masked.yml"), 0644, masked};
    out << ProjectFile{QString::fromLatin1(PskVarsPath), 0600, psk, true};
    return out;
}

Status write(const QList<ProjectFile>& files, const QString& dir)
{
    for (const ProjectFile& f : files) {
        const QString target = dir + QLatin1Char('/') + f.path;
        if (auto st = FileWriter::makeFolders(QFileInfo(target).path()); !st)
            return st;
        if (auto st = FileWriter::writeAtomically(target, f.content, f.mode, FileWriter::Sync::Later); !st)
            return st;
    }
    return FileWriter::syncFolder(dir);
}

Result<QByteArray> vaultEncrypt(const QByteArray& plain, const QString& passwordFile)
{
    const QString vault = QStandardPaths::findExecutable(QStringLiteral("ansible-vault"));
    if (vault.isEmpty())
        return Error{QStringLiteral("--vault-password-file"), tr("ansible-vault is not installed (Debian: apt-get install ansible-core).")};
    if (!QFileInfo(passwordFile).isReadable())
        return Error{QStringLiteral("--vault-password-file"), tr("%1 cannot be read.").arg(passwordFile)};
    QProcess p;
    p.start(vault, {QStringLiteral("encrypt"), QStringLiteral("--vault-password-file"), passwordFile, QStringLiteral("--output"), QStringLiteral("-")});
    if (!p.waitForStarted(10000))
        return Error{QStringLiteral("--vault-password-file"), tr("ansible-vault did not start: %1").arg(p.errorString())};
    p.write(plain);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        p.kill();
        // Its own message (about the password file, say); it never holds the plaintext.
        return Error{QStringLiteral("--vault-password-file"),
                     tr("ansible-vault failed: %1").arg(QString::fromLocal8Bit(p.readAllStandardError()).trimmed().left(400))};
    }
    const QByteArray out = p.readAllStandardOutput();
    if (!out.startsWith("$ANSIBLE_VAULT;"))
        return Error{QStringLiteral("--vault-password-file"), tr("ansible-vault wrote something that is not a vault.")};
    return out;
}

} // namespace ipsecwiz::Ansible
