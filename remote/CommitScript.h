#pragma once

// The gateway side of a push. pushCommand() is what one SSH channel runs as root: the preflight,
// then the files read from its standard input (pushInput()), then the commit script (script())
// started detached from the SSH session, which renames the uploaded *.ipsec-wizard-new files into
// place (keeping *.ipsec-wizard-bak), reloads and verifies, then waits for the wizard's
// confirmation over a fresh connection and rolls everything back by itself if none comes in time
// (Junos "commit confirmed", Debian's iptables-apply). A lost connection or a rule that cuts the
// management path therefore never leaves a gateway half-done or unreachable.

#include "Generator.h"
#include "IkeLog.h"
#include "Result.h"

#include <QByteArray>
#include <QString>

namespace ipsecwiz {

struct CommitPlan
{
    QString name;           // tunnel name: names the transaction folder
    GatewayConfig config;   // files (targets), reload and check commands
    QString remoteNet;      // for removing the route on rollback when there was none before
    QString peer;           // the peer's address: the preflight reports this gateway's route to it
    QStringList peers;      // a gateway of a network: every peer's (peer is then the first)
    QString verifyCommand;  // exits 0 when the new config is active
    bool applyFirewall = false;
    // A removal (its files are GeneratedFile::remove): the tunnel's nftables table goes too, and
    // its peer leaves the gateway-wide set unless another tunnel there still names it.
    bool removeFirewall = false;
    // The tunnels whose firewall.nft the push loads (applyFirewall) or whose table the removal
    // deletes (removeFirewall); empty: the one named NAME (a pair's tunnel).
    QStringList firewallTunnels;
    // A removal's element of the gateway-wide sets ("ike_peers4", "192.0.2.1"; a dynamic peer's
    // "ike_open4", "0.0.0.0/0"): it goes unless another tunnel's firewall.nft there names it.
    // Empty: PEER's in ike_peers4/ike_peers6.
    QString removeSet;
    QString removeElement;
    // A diagnosis's fix the admin agreed to (kernel values, nftables rules): made after the files,
    // kept on confirmation, undone exactly by a rollback. A push that carries one commits even
    // when every file is already current.
    GatewayChange change;
    int confirmTimeoutSec = 60;
    // Where the transaction lives; empty: transactionDir(name). Tests point it at a scratch folder.
    QString txnDir;
    // The gateway's push lock; empty: lockFile() of the real gateway. Tests point it elsewhere.
    QString lockFile;
};

namespace CommitScript {

// Where the transaction lives on the gateway: state, log, confirm/abort flags, the script.
QString transactionDir(const QString& name); // "/etc/ipsec-wizard/NAME/.transaction"
QString transactionDir(const CommitPlan& plan);

// One per gateway, not per tunnel (racoon tunnels share psk.txt): held with flock from the push's
// start until its commit is confirmed or rolled back. "/etc/ipsec-wizard/.push.lock"; beside it
// PATH.holder says which tunnel holds it since when.
QString lockFile(const CommitPlan& plan);

// States the script writes to TXN/state as "STATE TOKEN", in order: committing, committed,
// confirmed; or rolling-back, rolled-back (with the reason in TXN/reason). It acts only on the
// flags named after its own push's TOKEN: TXN/confirm.TOKEN and TXN/abort.TOKEN.
QByteArray script(const CommitPlan& plan, const QByteArray& token);

// The whole push on one channel (each SSH channel costs the gateway's sshd a PAM session):
// preflight → files from stdin → commit, in that order, printing one line per fact:
//   have|missing TOOL, writable|unwritable DIR, forward V, rp_filter A B, uid N   (the preflight)
//   route PEER LINE | noroute PEER WHY   what `ip route get PEER` says, for every peer
//   result need-root            not root: nothing was read or changed (run it again through sudo)
//   result preflight-failed     a "missing" or "unwritable" line says why; nothing was changed
//   result busy WHO             another push holds the gateway's lock (WHO: its tunnel, since
//                               when); nothing was changed
//   uploaded PATH               PATH is written with its final mode
//   result upload-failed WHY    nothing was changed; what was uploaded is removed again
//   current / current-not-loaded   every file already matches; the daemon has it / does not
//   result unchanged            nothing to do (the uploads are removed again)
//   commit                      the commit script is about to start; from here on only it undoes
//   result aborted              abortCommand() with the same token came first: nothing was changed
//   state committed | state rolled-back | state timeout, then for a rollback "reason …", "log …"
// TOKEN (random, per push) marks where the data starts on stdin, so a sudo password sudo did not
// need cannot be mistaken for data, and names the claim abortCommand() races for.
// No file content and no key is on this command line: they come through pushInput().
QString pushCommand(const CommitPlan& plan, const QByteArray& token);
QByteArray pushInput(const CommitPlan& plan, const QByteArray& token);

// Stops a push whose outcome the wizard does not know (cancelled, timed out, other gateway
// failed): either it claims the push first, so the commit can never start (prints "state
// not-started", removes the uploads), or the commit started and it asks it to roll back and waits
// (prints "state rolled-back", or "state confirmed" when too late, or "state timeout").
QString abortCommand(const CommitPlan& plan, const QByteArray& token, int timeoutMs);

// Confirms a committed gateway (run over a fresh connection) and waits until the script has taken
// it: prints "state confirmed", or "state rolled-back" / "state timeout" when it came too late.
QString confirmCommand(const CommitPlan& plan, const QByteArray& token, int timeoutMs);

QString verifyCommandFor(const GatewayConfig& config, const QString& name);

// A change the script can make and undo, and nothing else: /proc/sys/net/ipv4/ip_forward,
// /proc/sys/net/ipv6/conf/all/forwarding or /proc/sys/net/ipv4/conf/IF/rp_filter set to a
// number; a rule "FAMILY TABLE CHAIN …" of plain words, addresses and braces (no quote, no ";").
Status checkChange(const GatewayChange& change);

} // namespace CommitScript

} // namespace ipsecwiz
