#pragma once

// A network's rollout handed to Ansible, the engine a company's admins already run: a
// self-contained project (inventory, per-host files, a playbook, README) that installs on every
// managed gateway what `generate` writes for it, byte for byte, by the push's rules:
//  - whole files of our own are replaced; in a file the admin also writes only our marked block
//    changes (blockinfile with our own "# BEGIN ipsec-wizard NAME" markers);
//  - commit-confirmed across the fleet: on each host that will change, a timer (an async task)
//    takes the gateway's push lock, keeps a copy of every file the play may touch and, unless the
//    last play confirms it, puts them back and reloads. The last play confirms only when every
//    host's check passed; a host that failed rolls back at once, one that lost its management path
//    rolls itself back when the timer runs out.
// The keys are not in the per-host files: those that hold one are templates, and the keys live in
// group_vars/all/psk.yml (0600), ready for ansible-vault.

#include "NetworkProfile.h"
#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ipsecwiz::Ansible {

struct ProjectFile
{
    QString path; // relative to the project folder
    int mode = 0644;
    QByteArray content;
    bool secret = false; // holds a key: 0600 from the moment it exists

    friend bool operator==(const ProjectFile&, const ProjectFile&) = default;
};

struct Options
{
    QStringList sites;          // the managed sites to include; empty: every managed site
    QString profileDir;         // relative paths of the profile (SSH key, known_hosts) are resolved against it
    QString homeDir;            // the admin's ~/.ssh/known_hosts is trusted first, as the push does
    int confirmTimeoutSec = 120; // how long a changed host waits for the fleet's confirmation
};

// The keys' file; the CLI may hand it to ansible-vault before it reaches the disk.
inline constexpr char PskVarsPath[] = "group_vars/all/psk.yml";

// Every file of the project, in a fixed order. NETWORK must be valid and every tunnel that reaches
// an included site must have its key (Network::giveFreshKeys).
Result<QList<ProjectFile>> project(const NetworkProfile& network, const Options& options);

// The Jinja2 template that renders CONTENT with each of KEYS (tunnel name → key) replaced by the
// variable ipsecwiz_psk[TUNNEL]; every other byte is inside {% raw %} and comes out as it is.
QByteArray templateFor(const QByteArray& content, const QList<std::pair<QString, QByteArray>>& keys);

// Writes FILES under DIR (made if missing), each whole under its name with its final mode from
// the start. Files already there that are not in FILES stay.
Status write(const QList<ProjectFile>& files, const QString& dir);

// PLAIN encrypted by `ansible-vault encrypt` itself (never a hand-made vault format), the key read
// from PASSWORDFILE. The plaintext goes through a pipe, never to a file or a command line.
Result<QByteArray> vaultEncrypt(const QByteArray& plain, const QString& passwordFile);

// S as a YAML double-quoted scalar (JSON's escaping, which YAML reads the same).
QByteArray yamlString(const QString& s);

} // namespace ipsecwiz::Ansible
