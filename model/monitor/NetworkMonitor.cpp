#include "NetworkMonitor.h"

#include "SnapshotJson.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ipsecwiz::NetworkMonitor {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::NetworkMonitor", text);
}

// Where a site's gateway sends from (the address on its interface), and where its peers see it.
QString localOf(const Site& site)
{
    return hostPart(site.gateway.localAddress);
}
QString seenOf(const Site& site)
{
    return site.gateway.reach == Reachability::Nat ? hostPart(site.gateway.publicAddress) : localOf(site);
}

const Correlation* previousOf(const QList<TunnelReading>* previous, const QString& tunnel)
{
    if (!previous)
        return nullptr;
    for (const TunnelReading& r : *previous)
        if (r.tunnel == tunnel)
            return &r.correlation;
    return nullptr;
}

} // namespace

Snapshot tunnelPart(const NetworkProfile& network, const Tunnel& tunnel, const QString& siteName, const Snapshot& snapshot)
{
    Snapshot out;
    out.format = snapshot.format;
    const Site* site = network.site(siteName);
    const Site* far = network.site(tunnel.siteA == siteName ? tunnel.siteB : tunnel.siteA);
    if (!site || !far)
        return out;
    const QString local = localOf(*site);
    const QString seen = seenOf(*site);
    const auto rewrite = [&](QString& address) {
        if (address == local)
            address = seen;
    };
    // swanctl names the IKE SA after the connection, which is the tunnel.
    for (const IkeSa& ike : snapshot.ikeSas) {
        if (ike.name != tunnel.name)
            continue;
        IkeSa copy = ike;
        rewrite(copy.localAddr);
        out.ikeSas.append(copy);
    }
    // Kernel SAs carry only addresses: those between this gateway and the tunnel's peer. A peer
    // whose address changes is any address no other tunnel of this site has for its peer.
    const QString peer = far->gateway.reach == Reachability::Dynamic ? QString() : seenOf(*far);
    QStringList otherPeers;
    if (peer.isEmpty()) {
        for (const Tunnel& t : network.tunnels) {
            if (t.name == tunnel.name || (t.siteA != siteName && t.siteB != siteName))
                continue;
            if (const Site* o = network.site(t.siteA == siteName ? t.siteB : t.siteA); o && o->gateway.reach != Reachability::Dynamic)
                otherPeers << seenOf(*o);
        }
    }
    for (const SecurityAssociation& sa : snapshot.sas) {
        const bool outbound = sa.src == local;
        const bool inbound = sa.dst == local;
        if (!outbound && !inbound)
            continue;
        const QString other = outbound ? sa.dst : sa.src;
        if (peer.isEmpty() ? otherPeers.contains(other) : other != peer)
            continue;
        SecurityAssociation copy = sa;
        rewrite(copy.src);
        rewrite(copy.dst);
        out.sas.append(copy);
    }
    return out;
}

QList<TunnelReading> tunnels(const NetworkProfile& network, const QHash<QString, GatewayReading>& readings, const QList<TunnelReading>* previous)
{
    QList<TunnelReading> out;
    for (const Tunnel& t : network.tunnels) {
        TunnelReading r;
        r.tunnel = t.name;
        r.siteA = t.siteA;
        r.siteB = t.siteB;
        const Site* a = network.site(t.siteA);
        const Site* b = network.site(t.siteB);
        if (!a || !b) {
            out.append(r);
            continue;
        }
        // Every managed end must have answered; otherwise nothing is known of the tunnel.
        QStringList unreached;
        for (const Site* s : {a, b}) {
            if (!s->gateway.managed)
                continue;
            const auto it = readings.constFind(s->name);
            if (it == readings.constEnd())
                unreached << tr("%1: not polled yet").arg(s->name);
            else if (!it->reached)
                unreached << tr("%1: %2").arg(s->name, it->reason);
        }
        if (!a->gateway.managed && !b->gateway.managed) {
            r.reason = tr("neither end is managed here");
        } else if (!unreached.isEmpty()) {
            r.reason = unreached.join(QStringLiteral("; "));
        } else if (a->gateway.managed && b->gateway.managed) {
            const Snapshot partA = tunnelPart(network, t, t.siteA, readings.value(t.siteA).snapshot);
            const Snapshot partB = tunnelPart(network, t, t.siteB, readings.value(t.siteB).snapshot);
            r.correlation = correlate(partA, partB, seenOf(*a), seenOf(*b), previousOf(previous, t.name));
            r.state = r.correlation.state;
            r.bytesAToB = r.correlation.bytesAToB;
            r.bytesBToA = r.correlation.bytesBToA;
        } else {
            // Our end only: up when it has an installed SA each way.
            r.oneSided = true;
            const bool oursIsA = a->gateway.managed;
            const Site* ours = oursIsA ? a : b;
            const QString me = seenOf(*ours);
            const QList<FlowSa> flows = flowsOf(tunnelPart(network, t, ours->name, readings.value(ours->name).snapshot));
            bool sends = false, receives = false;
            for (const FlowSa& f : flows) {
                if (!f.mature)
                    continue;
                std::optional<quint64>& sent = (f.src == me) == oursIsA ? r.bytesAToB : r.bytesBToA;
                if (f.bytes)
                    sent = sent.value_or(0) + *f.bytes;
                (f.src == me ? sends : receives) = true;
            }
            (oursIsA ? r.correlation.onlyOnA : r.correlation.onlyOnB) = flows;
            r.state = sends && receives ? TunnelState::Up : flows.isEmpty() ? TunnelState::Down : TunnelState::Partial;
            r.correlation.state = r.state;
        }
        out.append(r);
    }
    return out;
}

QJsonObject toJson(const NetworkProfile& network, const QHash<QString, GatewayReading>& readings, const QList<TunnelReading>& tunnels, bool withSnapshots)
{
    QJsonObject gateways;
    for (const Site& s : network.sites) {
        if (!s.gateway.managed)
            continue;
        QJsonObject g;
        const auto it = readings.constFind(s.name);
        g.insert(QStringLiteral("reached"), it != readings.constEnd() && it->reached);
        if (it == readings.constEnd()) {
            g.insert(QStringLiteral("reason"), tr("not polled yet"));
        } else if (!it->reached) {
            g.insert(QStringLiteral("reason"), it->reason);
        } else {
            g.insert(QStringLiteral("source"), it->source);
            g.insert(QStringLiteral("roundTripMs"), double(it->roundTripMs));
            if (withSnapshots)
                g.insert(QStringLiteral("snapshot"), SnapshotJson::toJson(it->snapshot));
        }
        gateways.insert(s.name, g);
    }
    QJsonArray list;
    for (const TunnelReading& r : tunnels) {
        QJsonObject t;
        t.insert(QStringLiteral("name"), r.tunnel);
        t.insert(QStringLiteral("siteA"), r.siteA);
        t.insert(QStringLiteral("siteB"), r.siteB);
        t.insert(QStringLiteral("state"), tunnelStateName(r.state));
        if (!r.reason.isEmpty())
            t.insert(QStringLiteral("reason"), r.reason);
        t.insert(QStringLiteral("oneSided"), r.oneSided);
        if (r.bytesAToB)
            t.insert(QStringLiteral("bytesAToB"), double(*r.bytesAToB));
        if (r.bytesBToA)
            t.insert(QStringLiteral("bytesBToA"), double(*r.bytesBToA));
        if (r.state != TunnelState::Unknown)
            t.insert(QStringLiteral("correlation"), ipsecwiz::toJson(r.correlation));
        list.append(t);
    }
    QJsonObject o;
    o.insert(QStringLiteral("network"), network.name);
    o.insert(QStringLiteral("gateways"), gateways);
    o.insert(QStringLiteral("tunnels"), list);
    return o;
}

} // namespace ipsecwiz::NetworkMonitor
