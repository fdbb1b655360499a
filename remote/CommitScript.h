#pragma once

// The gateway side of a push: a shell script started detached from the SSH session that
// renames the uploaded *.ipsec-wizard-new files into place (keeping *.ipsec-wizard-bak),
// reloads and verifies, then waits for the wizard's confirmation over a fresh connection and
// rolls everything back by itself if none comes in time (Junos "commit confirmed", Debian's
// iptables-apply). A lost connection or a rule that cuts the management path therefore never
// leaves a gateway half-done or unreachable.

#include "Generator.h"

#include <QByteArray>
#include <QString>

namespace ipsecwiz {

struct CommitPlan
{
    QString name;           // tunnel name: names the transaction folder
    GatewayConfig config;   // files (targets), reload and check commands
    QString remoteNet;      // for removing the route on rollback when there was none before
    QString verifyCommand;  // exits 0 when the new config is active
    bool applyFirewall = false;
    int confirmTimeoutSec = 60;
};

namespace CommitScript {

// Where the transaction lives on the gateway: state, log, confirm/abort flags, the script.
QString transactionDir(const QString& name); // "/etc/ipsec-wizard/NAME/.transaction"

// States the script writes to TXN/state, in order: committing, committed, confirmed; or
// rolling-back, rolled-back (with the reason in TXN/reason).
QByteArray script(const CommitPlan& plan);

QString verifyCommandFor(const GatewayConfig& config, const QString& name);

} // namespace CommitScript

} // namespace ipsecwiz
