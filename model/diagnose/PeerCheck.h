#pragma once

// A peer someone else runs has no log of ours and no SSH: all there is, is our own gateway's log
// of an attempt, and the settings sheet its admin was given (Generate::settingsSheet). compare()
// holds what the peer sent (its proposals, its identity, the networks it asked for, its key's MAC)
// or refused (NO_PROPOSAL_CHOSEN, TS_UNACCEPTABLE, AUTHENTICATION_FAILED) against the sheet, and
// names the sheet's line that the peer's configuration does not follow.

#include "IkeLog.h"
#include "Algorithms.h"

#include <QString>
#include <QStringList>

namespace ipsecwiz {

// The values of one settings sheet, the algorithms by profile id ("aes256gcm16", "none").
struct PeerSheet
{
    QString peer;        // the peer's site, as named in findings
    int ikeVersion = 2;
    QString identity;    // the peer's own IKE identity, as charon prints it ("198.51.100.2", "gw.example.org")
    QString ourIdentity; // ours, which the peer must expect
    QStringList networks;    // the peer's networks
    QStringList ourNetworks; // ours, which the peer must ask for
    QString ikeEncryption, ikeIntegrity, ikePrf, ikeDh;
    QString espEncryption, espIntegrity, espPfs;
};

namespace PeerCheck {

// How charon's log writes a profile algorithm in a proposal ("aes256gcm16" -> "AES_GCM_16_256",
// "sha256" integrity -> "HMAC_SHA2_256_128"); empty for "none" or an unknown id.
QString charonName(AlgorithmKind kind, const QString& id);

// What OURS (our gateway's events of the attempt, named OURNAME) shows of the peer, against SHEET:
// one finding per sheet line the peer does not follow, side = the peer. A peer that sent what its
// sheet says while our gateway refused it gets a finding that says so: our side is what differs.
QList<IkeDiagnosis> compare(const QList<IkeLogEvent>& ours, const PeerSheet& sheet, const QString& ourName);

// Of a gateway's log over some time (its journal, syslog or charon.log): the events of the newest
// attempt the peer started (a new IKE SA, or a CHILD_SA in one that stands: from its request on,
// by the IKE SA's unique id), so an older attempt of another fault is not taken for this one.
// Empty when the peer started none.
QList<IkeLogEvent> lastPeerAttempt(const QList<IkeLogEvent>& log);

} // namespace PeerCheck

} // namespace ipsecwiz
