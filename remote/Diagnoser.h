#pragma once

// Diagnose one tunnel from its two gateways (strongSwan): over SSH with the push's host-key rules,
// each gateway's state (charon running, the connection loaded, its SAs); then, unless told not
// to and unless it is up already, the tunnel is started on gateway A while both gateways' charon
// logs of that attempt are read (swanctl --log), and IkeDiagnose decodes them into causes. Once it
// is up (and unless told not to act), A pings B's inside address: where the packets stop (the
// CHILD_SA's counters on both ends, NAT and firewall rules, rp_filter and the way back) or which
// size stops passing (DF pings) is what a tunnel that carries nothing is told by.
// Nothing is changed on a gateway but the attempt itself. Blocking: run it from a worker thread
// or the CLI.

#include "DriftChecker.h"
#include "IkeLog.h"
#include "NetworkProfile.h"
#include "PeerCheck.h"
#include "SshSession.h"

#include <optional>

namespace ipsecwiz {

struct DiagnoseGateway
{
    QString label;                  // "gateway A", a site's name
    QString site;                   // the site's name in the profile
    std::optional<SshOptions> ssh;  // none: someone else's gateway; its side is not read
    // What the profile generates for this gateway's end of the tunnel (its files only): what is
    // there is compared with it, and a difference is reported after the attempt's causes.
    std::optional<CheckTarget> expected;
    // The gateway's own address inside its site, and the tunnel's networks at this end: the data
    // path is probed by pinging from A's inside address to B's (empty: not probed).
    QString inside;
    QStringList networks;
    QString publicAddress; // where the peer sends to; empty when it changes
    // Someone else's gateway: the settings sheet its admin was given. What our end's log shows of
    // the attempt is held against it (PeerCheck), first among the causes.
    std::optional<PeerSheet> sheet;
};

struct DiagnoseReport
{
    bool up = false;                // both sides show the tunnel's CHILD_SA installed
    bool attempted = false;         // the tunnel was started for the diagnosis
    QList<IkeDiagnosis> findings;   // most likely first
    QStringList logA, logB;         // the attempt's log lines read (key material masked)
    // What the data path's probes found once the tunnel was up ("ping from 10.1.0.1 to 10.2.0.1:
    // answered", "DF packets of up to 1400 bytes pass"); empty when they did not run.
    QStringList probes;
};

namespace Diagnoser {

// A is the gateway that starts the tunnel, so it must be managed.
DiagnoseReport run(const QString& tunnel, const DiagnoseGateway& a, const DiagnoseGateway& b, bool initiate);

// The two ends of tunnel TUNNEL of NETWORK as run() takes them: A a managed end (the dynamic one
// where there is one: the other waits for it), each labelled (a pair's "gateway A"/"gateway B",
// else the site's name) with its SSH options from the profile, TWEAK applied (the CLI's and the
// GUI's questions). Fails for racoon, whose logs are not decoded yet.
Result<std::pair<DiagnoseGateway, DiagnoseGateway>> gatewaysOf(const NetworkProfile& network, int tunnel, const QString& profileDir,
                                                                const std::function<SshOptions(SshOptions)>& tweak = {});

// Each managed end's EXPECTED: what the profile generates for that gateway, the tunnel's own
// files only (DriftChecker::targetsFor), so the diagnosis reports drift after the attempt's
// causes. A profile that cannot be generated leaves them unset.
void expectProfile(std::pair<DiagnoseGateway, DiagnoseGateway>& ends, const NetworkProfile& n, int tunnel, const QString& profileDir);

} // namespace Diagnoser

} // namespace ipsecwiz
