#pragma once

// `ipsec-wizard check`: what is on a gateway against what the profile generates (Drift), read over
// SSH with the push's host-key rules, changing nothing there: the program's own files whole and
// only its marked blocks in the admin's files, and whether the daemon has every connection the
// profile names (strongSwan) or the kernel every tunnel policy (racoon, `setkey -DP`). Reading the files needs root (some are 0600). Blocking: run it from
// a worker thread or the CLI.

#include "Drift.h"
#include "NetworkProfile.h"
#include "SshSession.h"

namespace ipsecwiz {

struct CheckTarget
{
    QString label;            // a site's name, "gateway A"
    SshOptions ssh;
    GatewayConfig expected;   // what the profile generates for it
    QStringList connections;  // strongSwan connections the daemon must have loaded
    QList<Drift::Policy> policies; // racoon: the tunnel policies the kernel must hold (setkey -DP)
    QList<QByteArray> keys;   // the profile's keys, masked as "(key)" in diffs
};

struct GatewayCheck
{
    QString label;
    bool reached = false;
    QString reason;           // not reached: why (SSH, or the files could not be read)
    QList<FileDrift> files;
    QStringList notLoaded;    // connections the daemon does not have
    QStringList missingPolicies; // racoon: policies the kernel does not hold ("10.1.0.0/24 → 10.2.0.0/24 out")
    QString daemonError;      // the daemon did not answer (swanctl's first line)

    [[nodiscard]] bool drift() const;
};

namespace DriftChecker {

GatewayCheck run(const CheckTarget& target);
// The same on a session already open (the diagnosis reads drift on its own session).
GatewayCheck inspect(SshSession& session, const CheckTarget& target);

// What `check` compares on each of SITES (every managed site when empty) of NETWORK: the files
// the profile generates, the connections the daemon must have, the keys to mask, and the SSH
// target (NetworkDeployer::sshOptionsFor; callers add their host-key and password choices). A
// tunnel without a key is generated with a stand-in and named in KEYLESS; then no key is compared
// (both sides' keys read "(another key)"). An error names a site that is not managed.
Result<QList<CheckTarget>> targetsFor(NetworkProfile network, const QStringList& sites, const QString& profileDir, QStringList* keyless);

// The shell command that prints "PATH BASE64" for each readable file of PATHS, "PATH -" for one
// that is not there and "PATH !" for one that cannot be read.
QString readCommand(const QStringList& paths);

} // namespace DriftChecker

} // namespace ipsecwiz
