#include "StrongSwanConnections.h"

#include <QCoreApplication>

namespace ipsecwiz::StrongSwan {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::Import", text);
}

QString uniqueName(const QString& wanted, const NetworkProfile& n)
{
    QString name = wanted;
    for (int i = 2; n.siteIndex(name) >= 0; ++i)
        name = wanted.left(28) + QLatin1Char('-') + QString::number(i);
    return name;
}

// The peer's name for a connection we did not write: "us-peer" or "peer-us" (the tunnel names
// the topologies make), else the connection's own name.
QString peerName(const Connection& c, const QString& us)
{
    if (!c.farSite.isEmpty())
        return c.farSite;
    if (c.name.startsWith(us + QLatin1Char('-')) && c.name.size() > us.size() + 1)
        return safeName(c.name.mid(us.size() + 1));
    if (c.name.endsWith(QLatin1Char('-') + us) && c.name.size() > us.size() + 1)
        return safeName(c.name.left(c.name.size() - us.size() - 1));
    return safeName(c.name);
}

} // namespace

QString normalId(const QString& id)
{
    QString s = id.trimmed().toLower();
    if (s.startsWith(QLatin1Char('@')) && !s.startsWith(QLatin1String("@#")))
        s.remove(0, s.startsWith(QLatin1String("@@")) ? 2 : 1);
    return s;
}

void assignSecrets(QList<Connection>& conns, QList<Secret>& secrets)
{
    for (Connection& c : conns) {
        if (!c.psk)
            continue;
        const QString local = normalId(c.localId.isEmpty() ? c.localAddr : c.localId);
        const QString remote = normalId(c.remoteId.isEmpty() ? c.remoteAddr : c.remoteId);
        int best = -1;
        int bestScore = -1;
        for (qsizetype i = 0; i < secrets.size(); ++i) {
            int score = 0;
            bool fits = true;
            for (const QString& id : std::as_const(secrets.at(i).ids)) {
                const QString n = normalId(id);
                if (n == QLatin1String("%any") || n == QLatin1String("%any6"))
                    continue;
                if (!remote.isEmpty() && n == remote)
                    score |= 2;
                else if (!local.isEmpty() && n == local)
                    score |= 1;
                else
                    fits = false;
            }
            if (fits && score > bestScore) {
                best = int(i);
                bestScore = score;
            }
        }
        if (best >= 0) {
            secrets[best].used = true;
            c.key = secrets.at(best).key;
            c.secret = best;
        }
    }
}

void collectOrigins(const QList<Connection>& connections, const QList<QList<ImportOrigin>>& secretLines, ImportResult& result)
{
    QHash<int, int> takers; // secret -> how many connections use it
    for (const Connection& c : connections)
        if (c.secret >= 0)
            ++takers[c.secret];
    for (const Connection& c : connections) {
        if (c.origins.isEmpty())
            continue;
        QList<ImportOrigin> own = c.origins;
        // A key another tunnel uses too stays where it is: that tunnel still needs it. A key of
        // this tunnel alone whose lines cannot be told apart leaves the tunnel without origins: the
        // old key beside the program's, for the same identities, would make charon pick either.
        if (c.secret >= 0 && takers.value(c.secret) == 1) {
            if (secretLines.value(c.secret).isEmpty())
                continue;
            own += secretLines.value(c.secret);
        }
        result.origins.insert(c.name, own);
    }
}

QString safeName(const QString& text)
{
    QString s;
    for (const QChar ch : text)
        if (ch.isLetterOrNumber() && ch.unicode() < 128)
            s += ch;
        else if (ch == QLatin1Char('-') || ch == QLatin1Char('_'))
            s += ch;
    s = s.left(32);
    return s.isEmpty() ? QStringLiteral("peer") : s;
}

NetworkProfile network(const QList<Connection>& connections, const ImportOptions& options, LineLedger& ledger)
{
    NetworkProfile n;
    Site us;
    us.name = options.siteName;
    us.gateway.managed = true;
    us.gateway.flavour = Flavour::StrongSwan;
    const QList<Connection>& conns = connections;
    // The gateway's own address and identity: the first connection's; another that says otherwise is noted.
    const Connection* defining = nullptr;
    for (const Connection& c : conns) {
        if (!defining) {
            defining = &c;
            continue;
        }
        if ((c.localAddr != defining->localAddr || c.localDynamic != defining->localDynamic) && c.localAddrNode)
            ledger.note(*c.localAddrNode, tr("Connection “%1” gives this gateway another address; the site keeps %2.").arg(shown(defining->name), shown(defining->localAddr.isEmpty() ? QStringLiteral("%any") : defining->localAddr)));
        if (normalId(c.localId) != normalId(defining->localId) && c.localIdNode)
            ledger.note(*c.localIdNode, tr("Connection “%1” gives this gateway another identity; the site keeps its.").arg(shown(defining->name)));
    }
    if (defining) {
        const QString addr = defining->localAddr;
        us.gateway.localAddress = addr;
        us.gateway.reach = defining->localDynamic ? Reachability::Dynamic : Reachability::Direct;
        us.gateway.identity = identity(defining->localId, addr).value_or(Identity{});
        // An address identity other than the interface's: the address the peers see, a NAT router's.
        if (!addr.isEmpty() && us.gateway.identity.kind == IdentityKind::Address && !us.gateway.identity.value.isEmpty()) {
            us.gateway.reach = Reachability::Nat;
            us.gateway.publicAddress = us.gateway.identity.value;
        }
    }
    for (const Connection& c : conns)
        for (const QString& net : c.localTs)
            if (!us.networks.contains(net))
                us.networks << net;
    n.sites << us;

    QHash<QString, QString> peerByKey; // remote address and identity → the peer's site name
    for (const Connection& c : conns) {
        const QString key = c.remoteAddr + QLatin1Char('\n') + normalId(c.remoteId);
        QString peer = peerByKey.value(key);
        if (peer.isEmpty()) {
            Site s;
            s.name = uniqueName(peerName(c, us.name), n);
            s.gateway.managed = false;
            s.gateway.flavour = Flavour::StrongSwan; // not known: what we would run there
            s.gateway.localAddress = c.remoteAddr;
            s.gateway.reach = c.remoteAddr.isEmpty() ? Reachability::Dynamic : Reachability::Direct;
            s.gateway.identity = identity(c.remoteId, c.remoteAddr).value_or(Identity{});
            n.sites << s;
            peer = s.name;
            peerByKey.insert(key, peer);
        }
        Site& s = n.sites[n.siteIndex(peer)];
        for (const QString& net : c.remoteTs)
            if (!s.networks.contains(net))
                s.networks << net;
        Tunnel t;
        t.name = c.name;
        t.siteA = us.name;
        t.siteB = peer;
        t.networksA = c.localTs;
        t.networksB = c.remoteTs;
        t.ike = c.ike;
        t.esp = c.esp;
        t.psk = c.key;
        n.tunnels << t;
        if (n.name.isEmpty() && !c.network.isEmpty())
            n.name = c.network;
    }
    // A tunnel that carries every network of a site says so by an empty list.
    for (Tunnel& t : n.tunnels) {
        if (t.networksA == n.site(t.siteA)->networks)
            t.networksA.clear();
        if (t.networksB == n.site(t.siteB)->networks)
            t.networksB.clear();
    }
    if (n.name.isEmpty())
        n.name = safeName(options.siteName);
    if (!n.tunnels.isEmpty()) {
        n.ike = n.tunnels.first().ike;
        n.esp = n.tunnels.first().esp;
    }
    if (n.tunnels.size() > 1) {
        n.topology.kind = TopologyKind::HubAndSpoke;
        n.topology.hub = us.name;
    }
    return n;
}

} // namespace ipsecwiz::StrongSwan
