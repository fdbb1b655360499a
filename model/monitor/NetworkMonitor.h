#pragma once

// The monitor of a network: every managed gateway polled (each a Snapshot, or the reason it could
// not be reached), and from those every tunnel's state. A tunnel's part of a gateway's snapshot is
// its IKE SA by name (swanctl) or its SAs by address (setkey, ip xfrm), with the outer address of a
// site behind NAT written as its public one, so that both ends' SAs pair up (correlate()). A
// tunnel one of whose gateways cannot be reached is Unknown, with the reason: never Down. A tunnel
// whose other end someone else runs is judged from our end alone.

#include "NetworkProfile.h"
#include "SecuritySnapshot.h"
#include "TunnelCorrelation.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ipsecwiz {

struct GatewayReading
{
    bool reached = false;
    QString reason;   // why not (reached false); a sentence without secrets
    Snapshot snapshot; // reached
    QString source;   // "swanctl", "xfrm", "setkey"
    qint64 roundTripMs = 0;
};

struct TunnelReading
{
    QString tunnel;
    QString siteA, siteB;
    TunnelState state = TunnelState::Unknown;
    QString reason;         // Unknown: which gateway could not be reached, and why
    bool oneSided = false;  // the other end is someone else's: judged from ours alone
    Correlation correlation; // both ends reached (oneSided: ours as "A", nothing on "B")
    std::optional<quint64> bytesAToB, bytesBToA;
};

namespace NetworkMonitor {

// SNAPSHOT of SITE's gateway reduced to TUNNEL, the site's own outer address written as its peers
// see it (behind NAT: the public address).
Snapshot tunnelPart(const NetworkProfile& network, const Tunnel& tunnel, const QString& site, const Snapshot& snapshot);

// Every tunnel of NETWORK from the gateways' readings (by site name; a managed site missing from
// READINGS counts as not reached). PREVIOUS: the last call's result, for one-sided counters.
QList<TunnelReading> tunnels(const NetworkProfile& network, const QHash<QString, GatewayReading>& readings,
                             const QList<TunnelReading>* previous = nullptr);

// "up", "partial" (shown as half-up), "down", "unknown" for every tunnel, and the gateways.
QJsonObject toJson(const NetworkProfile& network, const QHash<QString, GatewayReading>& readings, const QList<TunnelReading>& tunnels,
                   bool withSnapshots = true);

} // namespace NetworkMonitor

} // namespace ipsecwiz
