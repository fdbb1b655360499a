#include "ImportMerge.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace ipsecwiz {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::Import", text);
}

// The identity as the far end checks it: "KIND VALUE", an address identity without a value being
// the address the peers reach the gateway at; empty when not known.
QString effectiveId(const SiteGateway& gw)
{
    QString value = gw.identity.value.trimmed();
    if (gw.identity.kind == IdentityKind::Address && value.isEmpty())
        value = hostPart(gw.peerAddress().isEmpty() ? gw.localAddress : gw.peerAddress());
    if (value.isEmpty())
        return {};
    return identityKindId(gw.identity.kind) + QLatin1Char(' ') + value.toLower();
}

QString shownId(const SiteGateway& gw)
{
    const QString id = effectiveId(gw);
    return id.isEmpty() ? tr("none") : id;
}

// The addresses a gateway's own files say it has: on its interface, and behind NAT.
QStringList ownAddresses(const SiteGateway& gw)
{
    QStringList out;
    for (const QString& a : {hostPart(gw.localAddress), hostPart(gw.publicAddress)})
        if (!a.isEmpty())
            out << a;
    return out;
}

QString uniqueName(const QString& wanted, const QStringList& taken)
{
    QString name = wanted;
    for (int i = 2; taken.contains(name); ++i)
        name = wanted.left(28) + QLatin1Char('-') + QString::number(i);
    return name;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QString netsText(const QStringList& nets)
{
    return nets.isEmpty() ? tr("none") : nets.join(QLatin1Char(' '));
}

// The import's own site: its first managed one (the importers put it first).
int ownSiteIndex(const NetworkProfile& n)
{
    for (qsizetype i = 0; i < n.sites.size(); ++i)
        if (n.sites.at(i).gateway.managed)
            return int(i);
    return n.sites.isEmpty() ? -1 : 0;
}

enum class MatchBy { None, Address, Identity, Name };

struct Peer
{
    int import = -1; // the import whose own site it is; -1: none
    MatchBy by = MatchBy::None;
    QString finalName;
};

// One import's view of one of its tunnels.
struct Half
{
    int import = 0;
    const Tunnel* tunnel = nullptr;
    QString peer; // the peer's name in its import
    int farImport = -1;
    QStringList local, remote; // the networks carried on the import's own end, on the far end
    bool used = false;
};

class Merger
{
public:
    explicit Merger(const QList<ImportResult>& imports) : m_in(imports) {}

    ImportResult run()
    {
        ownSites();
        matchPeers();
        learnAddresses();
        compareIdentities();
        mergeTunnels();
        finish();
        return std::move(m_out);
    }

private:
    const Site* own(int import) const
    {
        const int i = m_own.at(import);
        return i < 0 ? nullptr : &m_in.at(import).network.sites.at(i);
    }
    Site& merged(int import) { return m_out.network.sites[m_out.network.siteIndex(m_names.at(import))]; }
    QStringList siteNames() const
    {
        QStringList out;
        for (const Site& s : m_out.network.sites)
            out << s.name;
        return out;
    }

    void ownSites()
    {
        for (qsizetype k = 0; k < m_in.size(); ++k) {
            const NetworkProfile& n = m_in.at(k).network;
            m_own << ownSiteIndex(n);
            if (m_out.network.name.isEmpty())
                m_out.network.name = n.name;
            const Site* us = own(int(k));
            QString name;
            if (us) {
                Site s = *us;
                s.name = uniqueName(us->name, siteNames());
                sameGateway(s, int(k));
                m_out.network.sites << s;
                name = s.name;
            }
            m_names << name;
            // An import without a site of its own still has its notes (it holds no tunnel).
            const QString prefix = (name.isEmpty() ? tr("import %1").arg(k + 1) : name) + QStringLiteral(": ");
            for (ImportNote note : m_in.at(k).unused) {
                note.file = prefix + note.file;
                m_out.unused << note;
            }
            for (Finding f : m_in.at(k).findings) {
                f.message = prefix + f.message;
                m_out.findings << f;
            }
        }
    }

    // The same gateway's files imported twice (or two gateways that claim one address or identity)
    // make two sites that the peers cannot tell apart: a warning.
    void sameGateway(const Site& site, int import)
    {
        for (int k = 0; k < import; ++k) {
            const Site* other = own(k);
            if (!other || m_names.at(k).isEmpty())
                continue;
            const QString addr = hostPart(site.gateway.peerAddress());
            const QString id = effectiveId(site.gateway);
            const bool sameAddress = !addr.isEmpty() && ownAddresses(other->gateway).contains(addr);
            if (!sameAddress && (id.isEmpty() || id != effectiveId(other->gateway)))
                continue;
            m_out.findings << Finding{Severity::Warning, Network::sitePath(int(m_out.network.sites.size())),
                                      tr("Sites %1 and %2 have the same %3 (%4): the same gateway's files imported twice, or two gateways that their peers cannot tell apart.")
                                          .arg(m_names.at(k), site.name, sameAddress ? tr("address") : tr("identity"), sameAddress ? addr : id),
                                      tr("Import each gateway's files once; peers are matched to %1.").arg(m_names.at(k))};
            return;
        }
    }

    // Which import's own site PEER (of import FROM) is.
    std::pair<int, MatchBy> matchOf(const Site& peer, int from) const
    {
        const QString addr = hostPart(peer.gateway.peerAddress());
        const QString id = effectiveId(peer.gateway);
        for (int by = int(MatchBy::Address); by <= int(MatchBy::Name); ++by) {
            for (qsizetype k = 0; k < m_in.size(); ++k) {
                const Site* us = own(int(k));
                if (int(k) == from || !us)
                    continue;
                const bool fits = by == int(MatchBy::Address) ? !addr.isEmpty() && ownAddresses(us->gateway).contains(addr)
                                : by == int(MatchBy::Identity) ? !id.isEmpty() && id == effectiveId(us->gateway)
                                                               : peer.name == us->name;
                if (fits)
                    return {int(k), MatchBy(by)};
            }
        }
        return {-1, MatchBy::None};
    }

    void matchPeers()
    {
        QHash<QString, QString> unmatched; // address and identity → the merged site
        for (qsizetype k = 0; k < m_in.size(); ++k) {
            QHash<QString, Peer> peers;
            const NetworkProfile& n = m_in.at(k).network;
            for (qsizetype s = 0; s < n.sites.size(); ++s) {
                if (int(s) == m_own.at(k))
                    continue;
                const Site& site = n.sites.at(s);
                Peer p;
                std::tie(p.import, p.by) = matchOf(site, int(k));
                if (p.import >= 0) {
                    p.finalName = m_names.at(p.import);
                } else {
                    // A peer with neither address nor identity is like no other.
                    const QString addr = hostPart(site.gateway.peerAddress());
                    const QString id = effectiveId(site.gateway);
                    const QString key = addr.isEmpty() && id.isEmpty() ? QString() : addr + QLatin1Char('\n') + id;
                    p.finalName = key.isEmpty() ? QString() : unmatched.value(key);
                    if (p.finalName.isEmpty()) {
                        Site copy = site;
                        copy.name = uniqueName(site.name, siteNames());
                        copy.networks.clear(); // the networks its tunnels carry are added below
                        m_out.network.sites << copy;
                        p.finalName = copy.name;
                        if (!key.isEmpty())
                            unmatched.insert(key, p.finalName);
                    }
                }
                peers.insert(site.name, p);
            }
            m_peers << peers;
        }
    }

    QString tunnelsTo(int import, const QString& peer) const
    {
        QStringList names;
        for (const Tunnel& t : m_in.at(import).network.tunnels)
            if (t.siteA == peer || t.siteB == peer)
                names << QStringLiteral("“%1”").arg(t.name);
        return names.join(QStringLiteral(", "));
    }

    // What a site's own files cannot say about its address, its peers' can: the address (when its
    // files name none) and, for a peer that knows it by identity, the public address behind NAT.
    void learnAddresses()
    {
        QHash<int, std::pair<QString, QString>> learned; // import → the peer's import that told, and the address
        for (qsizetype k = 0; k < m_in.size(); ++k) {
            for (const Site& peer : m_in.at(k).network.sites) {
                const Peer p = m_peers.at(k).value(peer.name);
                if (p.import < 0)
                    continue;
                const QString expected = hostPart(peer.gateway.peerAddress());
                if (peer.gateway.reach == Reachability::Dynamic || expected.isEmpty())
                    continue; // it accepts the site from anywhere
                Site& site = merged(p.import);
                SiteGateway& gw = site.gateway;
                const QStringList known = ownAddresses(gw);
                if (known.contains(expected))
                    continue;
                if (gw.reach == Reachability::Dynamic) {
                    m_out.findings << Finding{Severity::Warning, Network::sitePath(m_out.network.siteIndex(site.name), QStringLiteral("gateway.reach")),
                                              tr("%1's files (tunnels %2) reach site %3 at %4; %3's own files give it a changing address.")
                                                  .arg(m_names.at(k), tunnelsTo(int(k), peer.name), site.name, expected),
                                              tr("The merged profile keeps %1's own: a changing address. Correct whichever gateway is wrong and import again.").arg(site.name)};
                } else if (known.isEmpty()) {
                    gw.localAddress = expected;
                    learned.insert(p.import, {m_names.at(k), expected});
                } else if (gw.reach == Reachability::Direct && p.by == MatchBy::Identity && !learned.contains(p.import)
                           && (gw.identity.kind != IdentityKind::Address || hostPart(gw.identity.value) == expected)) {
                    // Known by a name, or by the address the peers see: behind NAT at that address.
                    gw.reach = Reachability::Nat;
                    gw.publicAddress = expected;
                    learned.insert(p.import, {m_names.at(k), expected});
                } else {
                    const bool nat = gw.reach == Reachability::Nat;
                    QStringList have;
                    const QStringList own = ownAddresses(this->own(p.import)->gateway);
                    if (!own.isEmpty())
                        have << tr("%1's own files give its address as %2").arg(site.name, own.join(tr(" or ")));
                    if (learned.contains(p.import))
                        have << tr("%1's files reach it at %2").arg(learned.value(p.import).first, learned.value(p.import).second);
                    m_out.findings << Finding{Severity::Error,
                                              Network::sitePath(m_out.network.siteIndex(site.name), nat ? QStringLiteral("gateway.publicAddress") : QStringLiteral("gateway.localAddress")),
                                              tr("%1's files (tunnels %2) reach site %3 at %4; %5.")
                                                  .arg(m_names.at(k), tunnelsTo(int(k), peer.name), site.name, expected, have.join(QStringLiteral("; "))),
                                              tr("The merged profile keeps the address %1 had first (its own files', else the first import's that names one). Correct the peer address in %2's files, or %1's address, and import again.")
                                                  .arg(site.name, m_names.at(k))};
                }
            }
        }
    }

    void compareIdentities()
    {
        for (qsizetype k = 0; k < m_in.size(); ++k) {
            for (const Site& peer : m_in.at(k).network.sites) {
                const Peer p = m_peers.at(k).value(peer.name);
                if (p.import < 0)
                    continue;
                const QString expected = effectiveId(peer.gateway);
                Site& site = merged(p.import);
                if (expected.isEmpty() || expected == effectiveId(site.gateway))
                    continue;
                m_out.findings << Finding{Severity::Error, Network::sitePath(m_out.network.siteIndex(site.name), QStringLiteral("gateway.identity")),
                                          tr("%1's files (tunnels %2) expect site %3 to identify as %4; %3's own files give %5.")
                                              .arg(m_names.at(k), tunnelsTo(int(k), peer.name), site.name, expected, shownId(site.gateway)),
                                          tr("The merged profile keeps %1's own identity. Correct the peer identity in %2's files, or %1's identity, and import again.")
                                              .arg(site.name, m_names.at(k))};
            }
        }
    }

    QList<Half> halves() const
    {
        QList<Half> out;
        for (qsizetype k = 0; k < m_in.size(); ++k) {
            const NetworkProfile& n = m_in.at(k).network;
            const Site* us = own(int(k));
            for (const Tunnel& t : n.tunnels) {
                Half h;
                h.import = int(k);
                h.tunnel = &t;
                const Side side = us && t.siteB == us->name ? Side::B : Side::A;
                h.peer = side == Side::A ? t.siteB : t.siteA;
                h.farImport = m_peers.at(k).value(h.peer).import;
                h.local = n.networksOf(t, side);
                h.remote = n.networksOf(t, otherSide(side));
                out << h;
            }
        }
        return out;
    }

    // The half of import OTHER that is H's other half, or -1.
    static int partnerOf(const Half& h, const QList<Half>& all)
    {
        QList<int> candidates;
        int mine = 0;
        for (qsizetype i = 0; i < all.size(); ++i) {
            const Half& c = all.at(i);
            if (c.import == h.farImport && c.farImport == h.import && !c.used)
                candidates << int(i);
            if (c.import == h.import && c.farImport == h.farImport && !c.used)
                ++mine;
        }
        // The traffic selectors are what the gateways negotiate, the names only labels: the same
        // networks first (and of those, the same name), then the same name.
        const auto sameNetworks = [&](int i) { return sorted(all.at(i).local) == sorted(h.remote) && sorted(all.at(i).remote) == sorted(h.local); };
        const auto sameName = [&](int i) { return all.at(i).tunnel->name == h.tunnel->name; };
        for (int i : candidates)
            if (sameNetworks(i) && sameName(i))
                return i;
        for (int i : candidates)
            if (sameNetworks(i))
                return i;
        for (int i : candidates)
            if (sameName(i))
                return i;
        return candidates.size() == 1 && mine == 1 ? candidates.constFirst() : -1;
    }

    void conflict(Severity severity, const QString& tunnel, const QString& field, const QString& first, const QString& second,
                  const QString& a, const QString& b)
    {
        m_out.findings << Finding{severity, Network::tunnelPath(tunnel, field),
                                  tr("Tunnel “%1”: %2 is %3 in %4's files, %5 in %6's.").arg(tunnel, field, a, first, b, second),
                                  tr("The merged tunnel takes %1's (the first import's). Make both gateways agree and import again.").arg(first)};
    }

    void compare(const QString& name, const Half& h, const Half& o)
    {
        const QString first = m_names.at(h.import);
        const QString second = m_names.at(o.import);
        const IkeProposal& ia = h.tunnel->ike;
        const IkeProposal& ib = o.tunnel->ike;
        const auto number = [](int v) { return QString::number(v); };
        if (ia.version != ib.version)
            conflict(Severity::Error, name, QStringLiteral("ike.version"), first, second, number(ia.version), number(ib.version));
        if (ia.encryption != ib.encryption)
            conflict(Severity::Error, name, QStringLiteral("ike.encryption"), first, second, ia.encryption, ib.encryption);
        if (ia.integrity != ib.integrity)
            conflict(Severity::Error, name, QStringLiteral("ike.integrity"), first, second, ia.integrity, ib.integrity);
        if (ia.prf != ib.prf)
            conflict(Severity::Error, name, QStringLiteral("ike.prf"), first, second, ia.prf, ib.prf);
        if (ia.dhGroup != ib.dhGroup)
            conflict(Severity::Error, name, QStringLiteral("ike.dhGroup"), first, second, ia.dhGroup, ib.dhGroup);
        // Different lifetimes work (each end rekeys on its own), but are seldom meant.
        if (ia.lifetime != ib.lifetime)
            conflict(Severity::Warning, name, QStringLiteral("ike.lifetime"), first, second, number(ia.lifetime), number(ib.lifetime));
        const EspProposal& ea = h.tunnel->esp;
        const EspProposal& eb = o.tunnel->esp;
        if (ea.encryption != eb.encryption)
            conflict(Severity::Error, name, QStringLiteral("esp.encryption"), first, second, ea.encryption, eb.encryption);
        if (ea.integrity != eb.integrity)
            conflict(Severity::Error, name, QStringLiteral("esp.integrity"), first, second, ea.integrity, eb.integrity);
        if (ea.pfsGroup != eb.pfsGroup)
            conflict(Severity::Error, name, QStringLiteral("esp.pfsGroup"), first, second, ea.pfsGroup, eb.pfsGroup);
        if (ea.lifetime != eb.lifetime)
            conflict(Severity::Warning, name, QStringLiteral("esp.lifetime"), first, second, number(ea.lifetime), number(eb.lifetime));
        // The networks on each end: H's own end is siteA of the merged tunnel.
        if (sorted(h.local) != sorted(o.remote))
            m_out.findings << Finding{Severity::Error, Network::tunnelPath(name, QStringLiteral("networksA")),
                                      tr("Tunnel “%1”: on %2's end, %2's files carry %3, %4's files expect %5.")
                                          .arg(name, first, netsText(h.local), second, netsText(o.remote)),
                                      tr("The merged tunnel takes %1's (the first import's). Make both gateways agree and import again.").arg(first)};
        if (sorted(h.remote) != sorted(o.local))
            m_out.findings << Finding{Severity::Error, Network::tunnelPath(name, QStringLiteral("networksB")),
                                      tr("Tunnel “%1”: on %2's end, %2's files carry %3, %4's files expect %5.")
                                          .arg(name, second, netsText(o.local), first, netsText(h.remote)),
                                      tr("The merged tunnel takes %1's (the first import's). Make both gateways agree and import again.").arg(first)};
        // Never a key in a message.
        const auto& ka = h.tunnel->psk;
        const auto& kb = o.tunnel->psk;
        if (ka && kb && *ka != *kb) {
            m_out.findings << Finding{Severity::Error, Network::tunnelPath(name, QStringLiteral("psk")),
                                      tr("Tunnel “%1”: the keys differ between %2's files and %3's.").arg(name, first, second),
                                      tr("The merged tunnel takes %1's key (the first import's). Put one key on both gateways and import again.").arg(first)};
        } else if (ka.has_value() != kb.has_value()) {
            m_out.findings << Finding{Severity::Warning, Network::tunnelPath(name, QStringLiteral("psk")),
                                      tr("Tunnel “%1”: only %2's files hold a key for it, %3's none.").arg(name, ka ? first : second, ka ? second : first),
                                      tr("The merged tunnel takes the key there is. Check that the other gateway has it.")};
        }
    }

    QString tunnelName(const QString& wanted) const
    {
        QStringList taken;
        for (const Tunnel& t : m_out.network.tunnels)
            taken << t.name;
        return uniqueName(wanted, taken);
    }

    void mergeTunnels()
    {
        QList<Half> all = halves();
        for (qsizetype i = 0; i < all.size(); ++i) {
            Half& h = all[i];
            if (h.used)
                continue;
            Tunnel t = *h.tunnel;
            t.name = tunnelName(h.tunnel->name);
            t.siteA = m_names.at(h.import);
            t.siteB = m_peers.at(h.import).value(h.peer).finalName;
            t.networksA = h.local;
            t.networksB = h.remote;
            const int o = h.farImport >= 0 ? partnerOf(h, all) : -1;
            h.used = true;
            if (h.farImport >= 0) {
                if (o >= 0) {
                    all[o].used = true;
                    compare(t.name, h, all.at(o));
                    if (!t.psk)
                        t.psk = all.at(o).tunnel->psk;
                } else {
                    m_out.findings << Finding{Severity::Warning, Network::tunnelPath(t.name),
                                              tr("Tunnel “%1”: only %2's files have it; %3's files have no tunnel to %2 that matches it.")
                                                  .arg(t.name, t.siteA, t.siteB),
                                              tr("Add it on %1, or remove it from %2.").arg(t.siteB, t.siteA)};
                }
            }
            m_out.network.tunnels << t;
        }
    }

    void finish()
    {
        NetworkProfile& n = m_out.network;
        // A site carries every network a tunnel carries on it.
        for (const Tunnel& t : std::as_const(n.tunnels))
            for (const auto& [site, nets] : {std::pair{t.siteA, t.networksA}, std::pair{t.siteB, t.networksB}}) {
                const int i = n.siteIndex(site);
                if (i < 0)
                    continue; // an import whose tunnel names no site of it
                for (const QString& net : nets)
                    if (!n.sites.at(i).networks.contains(net))
                        n.sites[i].networks << net;
            }
        // A tunnel that carries every network of a site says so by an empty list, as the importers do.
        for (Tunnel& t : n.tunnels) {
            if (n.site(t.siteA) && t.networksA == n.site(t.siteA)->networks)
                t.networksA.clear();
            if (n.site(t.siteB) && t.networksB == n.site(t.siteB)->networks)
                t.networksB.clear();
        }
        if (!n.tunnels.isEmpty()) {
            n.ike = n.tunnels.constFirst().ike;
            n.esp = n.tunnels.constFirst().esp;
        }
        // A site on every tunnel is a hub; otherwise the tunnels are what they are (a mesh's template
        // makes no tunnel that is not there as long as no site is added).
        n.topology = Topology{};
        if (n.tunnels.size() > 1) {
            n.topology.kind = TopologyKind::Mesh;
            for (const Site& s : std::as_const(n.sites)) {
                const bool onEvery = std::all_of(n.tunnels.cbegin(), n.tunnels.cend(),
                                                 [&](const Tunnel& t) { return t.siteA == s.name || t.siteB == s.name; });
                if (onEvery) {
                    n.topology.kind = TopologyKind::HubAndSpoke;
                    n.topology.hub = s.name;
                    break;
                }
            }
        }
    }

    const QList<ImportResult>& m_in;
    QList<int> m_own;        // per import: its own site's index in its network, -1: none
    QStringList m_names;     // per import: its own site's name in the merged network
    QList<QHash<QString, Peer>> m_peers; // per import: its peers by their name there
    ImportResult m_out;
};

} // namespace

ImportResult mergeImports(const QList<ImportResult>& imports)
{
    return Merger(imports).run();
}

} // namespace ipsecwiz
