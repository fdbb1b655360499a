#include "NetworkProfile.h"

#include "Cidr.h"
#include "FileWriter.h"
#include "JsonReader.h"
#include "Psk.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>
#include <utility>

namespace ipsecwiz {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::Network", text);
}

const QString FormatName = QStringLiteral("ipsec-wizard-profile");

} // namespace

QString reachabilityId(Reachability r)
{
    switch (r) {
    case Reachability::Direct: return QStringLiteral("direct");
    case Reachability::Nat: return QStringLiteral("nat");
    case Reachability::Dynamic: return QStringLiteral("dynamic");
    }
    return {};
}

QString identityKindId(IdentityKind k)
{
    switch (k) {
    case IdentityKind::Address: return QStringLiteral("address");
    case IdentityKind::Fqdn: return QStringLiteral("fqdn");
    case IdentityKind::UserFqdn: return QStringLiteral("user-fqdn");
    case IdentityKind::KeyId: return QStringLiteral("key-id");
    }
    return {};
}

QString topologyId(TopologyKind k)
{
    switch (k) {
    case TopologyKind::Pair: return QStringLiteral("pair");
    case TopologyKind::HubAndSpoke: return QStringLiteral("hub-and-spoke");
    case TopologyKind::Mesh: return QStringLiteral("mesh");
    }
    return {};
}

QString SiteGateway::peerAddress() const
{
    switch (reach) {
    case Reachability::Direct: return localAddress;
    case Reachability::Nat: return publicAddress;
    case Reachability::Dynamic: return {};
    }
    return {};
}

QString SiteGateway::sshHost() const
{
    if (!ssh.host.isEmpty())
        return ssh.host;
    return hostPart(reach == Reachability::Nat ? publicAddress : localAddress);
}

bool NetworkProfile::hasImportedGateway() const
{
    return std::any_of(sites.cbegin(), sites.cend(), [](const Site& s) { return s.gateway.managed && !s.gateway.importedFrom.isEmpty(); });
}

int NetworkProfile::siteIndex(const QString& siteName) const
{
    for (qsizetype i = 0; i < sites.size(); ++i)
        if (sites.at(i).name == siteName)
            return int(i);
    return -1;
}

const Site* NetworkProfile::site(const QString& siteName) const
{
    const int i = siteIndex(siteName);
    return i < 0 ? nullptr : &sites.at(i);
}

int NetworkProfile::tunnelIndex(const QString& tunnelName) const
{
    for (qsizetype i = 0; i < tunnels.size(); ++i)
        if (tunnels.at(i).name == tunnelName)
            return int(i);
    return -1;
}

QStringList NetworkProfile::networksOf(const Tunnel& tunnel, Side side) const
{
    const QStringList& own = side == Side::A ? tunnel.networksA : tunnel.networksB;
    if (!own.isEmpty())
        return own;
    const Site* s = site(side == Side::A ? tunnel.siteA : tunnel.siteB);
    return s ? s->networks : QStringList();
}

namespace Network {

QString sitePath(int index, const QString& field)
{
    const QString base = QStringLiteral("sites[%1]").arg(index);
    return field.isEmpty() ? base : base + QLatin1Char('.') + field;
}

QString tunnelPath(const QString& name, const QString& field)
{
    const QString base = QStringLiteral("tunnels[\"%1\"]").arg(name);
    return field.isEmpty() ? base : base + QLatin1Char('.') + field;
}

QList<Tunnel> tunnelsFor(const QList<Site>& sites, const Topology& topology, const IkeProposal& ike, const EspProposal& esp)
{
    QList<Tunnel> out;
    auto join = [&](const Site& a, const Site& b) {
        Tunnel t;
        t.name = a.name + QLatin1Char('-') + b.name;
        t.siteA = a.name;
        t.siteB = b.name;
        t.ike = ike;
        t.esp = esp;
        out.append(t);
    };
    switch (topology.kind) {
    case TopologyKind::Pair:
        if (sites.size() >= 2)
            join(sites.at(0), sites.at(1));
        break;
    case TopologyKind::HubAndSpoke:
        for (const Site& hub : sites) {
            if (hub.name != topology.hub)
                continue;
            for (const Site& spoke : sites)
                if (spoke.name != hub.name)
                    join(hub, spoke);
        }
        break;
    case TopologyKind::Mesh:
        for (qsizetype i = 0; i < sites.size(); ++i)
            for (qsizetype j = i + 1; j < sites.size(); ++j)
                join(sites.at(i), sites.at(j));
        break;
    }
    return out;
}

void retemplate(NetworkProfile& network, bool templateChanged, const QStringList& removed)
{
    const QList<Tunnel> made = tunnelsFor(network.sites, network.topology, network.ike, network.esp);
    QList<Tunnel> out;
    QSet<QString> names;
    for (const Tunnel& t : made) {
        if (removed.contains(t.name))
            continue;
        const int old = network.tunnelIndex(t.name);
        out.append(old >= 0 && network.tunnels.at(old).siteA == t.siteA && network.tunnels.at(old).siteB == t.siteB ? network.tunnels.at(old) : t);
        names.insert(t.name);
    }
    // Tunnels the template did not make were added by hand: kept while their sites are there.
    for (const Tunnel& t : std::as_const(network.tunnels)) {
        if (names.contains(t.name) || removed.contains(t.name) || network.siteIndex(t.siteA) < 0 || network.siteIndex(t.siteB) < 0)
            continue;
        const bool templateName = t.name == t.siteA + QLatin1Char('-') + t.siteB;
        if (templateName && templateChanged) // the old template's own
            continue;
        out.append(t);
        names.insert(t.name);
    }
    network.tunnels = out;
}

QString firstHostOf(const QStringList& networks)
{
    if (networks.isEmpty())
        return {};
    const auto cidr = Cidr::parse(networks.first());
    if (!cidr || cidr.value().hasHostBits() || cidr.value().prefix() >= cidr.value().maxPrefix() - 1)
        return {};
    const QHostAddress base = cidr.value().network().address();
    if (base.protocol() == QAbstractSocket::IPv4Protocol)
        return QHostAddress(base.toIPv4Address() + 1).toString();
    Q_IPV6ADDR a = base.toIPv6Address();
    for (int i = 15; i >= 0 && ++a[i] == 0; --i) {
    }
    return QHostAddress(a).toString();
}

void setNetworks(Site& site, const QStringList& networks)
{
    QString& internal = site.gateway.internalAddress;
    if (internal.isEmpty() || internal == firstHostOf(site.networks))
        internal = firstHostOf(networks);
    site.networks = networks;
}

void setReach(Site& site, Reachability reach, const QString& publicAddress)
{
    SiteGateway& g = site.gateway;
    const bool followed = g.identity.kind == IdentityKind::Address && (g.identity.value.isEmpty() || g.identity.value == g.publicAddress);
    g.reach = reach;
    g.publicAddress = reach == Reachability::Nat ? publicAddress : QString();
    if (followed)
        g.identity.value = reach == Reachability::Nat ? publicAddress : QString();
}

void renameSite(NetworkProfile& network, int index, const QString& name)
{
    if (index < 0 || index >= network.sites.size())
        return;
    const QString old = network.sites.at(index).name;
    if (old == name)
        return;
    network.sites[index].name = name;
    for (Tunnel& t : network.tunnels) {
        const bool templateName = t.name == t.siteA + QLatin1Char('-') + t.siteB;
        if (t.siteA == old)
            t.siteA = name;
        if (t.siteB == old)
            t.siteB = name;
        if (templateName)
            t.name = t.siteA + QLatin1Char('-') + t.siteB;
    }
    if (network.topology.hub == old)
        network.topology.hub = name;
}

Result<QList<Site>> sitesFromCsv(const QString& text)
{
    static const QRegularExpression separator(QStringLiteral("[,;\\t]"));
    QList<Site> out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QStringList f = line.split(separator);
        for (QString& v : f)
            v = v.trimmed().remove(QLatin1Char('"'));
        if (out.isEmpty() && f.value(0).compare(QLatin1String("name"), Qt::CaseInsensitive) == 0)
            continue; // the spreadsheet's header
        const QString where = QStringLiteral("line %1").arg(i + 1);
        if (f.size() < 3)
            return Error{where, QStringLiteral("A site needs at least a name, its networks and its gateway's address, separated by commas.")};
        Site site;
        site.name = f.at(0);
        setNetworks(site, splitNetworks(f.at(1)));
        site.gateway.localAddress = f.at(2);
        const QString reach = f.value(3).toLower();
        if (reach.isEmpty() || reach == QLatin1String("direct"))
            setReach(site, Reachability::Direct, {});
        else if (reach == QLatin1String("nat"))
            setReach(site, Reachability::Nat, f.value(4));
        else if (reach == QLatin1String("dynamic"))
            setReach(site, Reachability::Dynamic, {});
        else
            return Error{where, QStringLiteral("The fourth field says how peers reach the gateway: direct, nat or dynamic, not “%1”.").arg(shown(f.value(3)))};
        if (!f.value(5).isEmpty()) {
            const auto flavour = flavourFromId(f.value(5).toLower());
            if (!flavour)
                return Error{where, QStringLiteral("The sixth field is the gateway's software: strongswan, racoon or racoon-tool, not “%1”.").arg(shown(f.value(5)))};
            site.gateway.flavour = *flavour;
        }
        const QString managed = f.value(6).toLower();
        if (managed.isEmpty() || managed == QLatin1String("yes") || managed == QLatin1String("true") || managed == QLatin1String("managed"))
            site.gateway.managed = true;
        else if (managed == QLatin1String("no") || managed == QLatin1String("false") || managed == QLatin1String("unmanaged"))
            site.gateway.managed = false;
        else
            return Error{where, QStringLiteral("The seventh field says whether this program manages the gateway: yes or no, not “%1”.").arg(shown(f.value(6)))};
        out.append(site);
    }
    if (out.isEmpty())
        return Error{QString(), QStringLiteral("No site in the pasted text: one site per line, “name,networks,gateway”.")};
    return out;
}

Identity identityFromText(const QString& text)
{
    if (text.isEmpty())
        return {};
    if (QHostAddress a; a.setAddress(text))
        return Identity{IdentityKind::Address, text};
    return Identity{text.contains(QLatin1Char('@')) ? IdentityKind::UserFqdn : IdentityKind::Fqdn, text};
}

namespace {

Site siteFromV1(const QString& name, const QString& network, const Gateway& gw)
{
    Site s;
    s.name = name;
    s.networks = {network};
    s.gateway.localAddress = gw.publicAddress;
    s.gateway.internalAddress = gw.internalAddress;
    s.gateway.defaultRouter = gw.defaultRouter;
    s.gateway.flavour = gw.flavour;
    s.gateway.identity = identityFromText(gw.identity);
    s.gateway.ssh = gw.ssh;
    return s;
}

} // namespace

NetworkProfile fromTunnelProfile(const TunnelProfile& p)
{
    NetworkProfile n;
    n.name = p.name;
    n.sites = {siteFromV1(QStringLiteral("site-a"), p.networkA, p.gatewayA), siteFromV1(QStringLiteral("site-b"), p.networkB, p.gatewayB)};
    n.topology.kind = TopologyKind::Pair;
    n.ike = p.ike;
    n.esp = p.esp;
    Tunnel t;
    t.name = p.name;
    t.siteA = n.sites.at(0).name;
    t.siteB = n.sites.at(1).name;
    t.ike = p.ike;
    t.esp = p.esp;
    t.psk = p.psk;
    n.tunnels = {t};
    n.knownHostsFile = p.knownHostsFile;
    return n;
}

QStringList splitNetworks(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

TunnelProfile pageView(const NetworkProfile& n, int tunnel)
{
    TunnelProfile p;
    if (tunnel < 0 || tunnel >= n.tunnels.size())
        return p;
    const Tunnel& t = n.tunnels.at(tunnel);
    p.name = t.name;
    p.ike = t.ike;
    p.esp = t.esp;
    p.psk = t.psk;
    p.knownHostsFile = n.knownHostsFile;
    for (Side side : {Side::A, Side::B}) {
        const Site* s = n.site(side == Side::A ? t.siteA : t.siteB);
        if (!s)
            continue;
        p.network(side) = s->networks.join(QStringLiteral(", "));
        Gateway& gw = p.gateway(side);
        gw.publicAddress = s->gateway.localAddress;
        gw.internalAddress = s->gateway.internalAddress;
        gw.defaultRouter = s->gateway.defaultRouter;
        gw.flavour = s->gateway.flavour;
        gw.identity = s->gateway.identity.value;
        gw.ssh = s->gateway.ssh;
    }
    return p;
}

void applyPageView(NetworkProfile& n, int tunnel, const TunnelProfile& p)
{
    if (tunnel < 0 || tunnel >= n.tunnels.size())
        return;
    Tunnel& t = n.tunnels[tunnel];
    const bool only = n.tunnels.size() == 1;
    t.name = p.name;
    t.ike = p.ike;
    t.esp = p.esp;
    t.psk = p.psk;
    n.knownHostsFile = p.knownHostsFile;
    if (only) {
        n.name = p.name;
        n.ike = p.ike;
        n.esp = p.esp;
    }
    for (Side side : {Side::A, Side::B}) {
        const int si = n.siteIndex(side == Side::A ? t.siteA : t.siteB);
        if (si < 0)
            continue;
        Site& s = n.sites[si];
        QStringList networks = splitNetworks(p.network(side));
        if (networks.isEmpty()) // an empty field, as version 1 has it: one network still to fill in
            networks = {QString()};
        if (networks.size() == s.networks.size()) {
            // One network edited in place: the tunnels that chose it by name follow.
            for (qsizetype k = 0; k < networks.size(); ++k) {
                if (networks.at(k) == s.networks.at(k))
                    continue;
                for (Tunnel& other : n.tunnels)
                    for (QStringList* own : {other.siteA == s.name ? &other.networksA : nullptr, other.siteB == s.name ? &other.networksB : nullptr})
                        if (own)
                            std::replace(own->begin(), own->end(), s.networks.at(k), networks.at(k));
            }
        }
        s.networks = networks;
        const Gateway& gw = p.gateway(side);
        s.gateway.localAddress = gw.publicAddress;
        s.gateway.internalAddress = gw.internalAddress;
        s.gateway.defaultRouter = gw.defaultRouter;
        s.gateway.flavour = gw.flavour;
        // The identity's kind stays what it was (a key id, an FQDN behind NAT) while only its value
        // changes; an emptied identity goes back to the address.
        if (gw.identity.isEmpty())
            s.gateway.identity = {};
        else if (s.gateway.identity.kind == IdentityKind::Address || s.gateway.identity.value.isEmpty())
            s.gateway.identity = identityFromText(gw.identity);
        else
            s.gateway.identity.value = gw.identity;
        s.gateway.ssh = gw.ssh;
    }
}

Result<TunnelProfile> toTunnelProfile(const NetworkProfile& n, const QString& tunnelName)
{
    const int ti = n.tunnelIndex(tunnelName);
    if (ti < 0)
        return Error{QStringLiteral("tunnels"), tr("There is no tunnel “%1”.").arg(shown(tunnelName))};
    const Tunnel& t = n.tunnels.at(ti);
    TunnelProfile p = pageView(n, ti);
    for (Side side : {Side::A, Side::B}) {
        const QString siteName = side == Side::A ? t.siteA : t.siteB;
        const int si = n.siteIndex(siteName);
        if (si < 0)
            return Error{tunnelPath(t.name, QStringLiteral("sites")), tr("There is no site “%1”.").arg(shown(siteName))};
        const Site& s = n.sites.at(si);
        const QStringList nets = n.networksOf(t, side);
        // What version 1 (and so today's generators) cannot describe yet, said plainly.
        if (!s.gateway.managed)
            return Error{sitePath(si, QStringLiteral("gateway.managed")),
                         tr("Site “%1” is managed by someone else; generating only our side of a tunnel comes with the version 2 generators.").arg(s.name)};
        if (s.gateway.reach != Reachability::Direct)
            return Error{sitePath(si, QStringLiteral("gateway")),
                         tr("Site “%1” is reached %2; tunnels through NAT or to a dynamic address come with the version 2 generators.")
                             .arg(s.name, s.gateway.reach == Reachability::Nat ? tr("through NAT") : tr("at a dynamic address"))};
        if (nets.size() != 1)
            return Error{tunnelPath(t.name, QStringLiteral("networks")),
                         tr("Tunnel “%1” carries %2 networks of site “%3”; several networks per site come with the version 2 generators.")
                             .arg(t.name)
                             .arg(nets.size())
                             .arg(s.name)};
        if (s.gateway.identity.kind == IdentityKind::KeyId)
            return Error{sitePath(si, QStringLiteral("gateway.identity")),
                         tr("Site “%1” has a key id identity; key ids come with the version 2 generators.").arg(s.name)};
        p.network(side) = nets.first(); // the tunnel's own choice, where the page view shows the site's
    }
    return p;
}

namespace {

// A network as a closed range of 128-bit numbers: overlap tests without building addresses, as
// a 50-site network is checked on every keystroke.
struct Range
{
    bool v6 = false;
    quint64 hi0 = 0, lo0 = 0, hi1 = 0, lo1 = 0; // first and last address

    [[nodiscard]] bool overlaps(const Range& o) const
    {
        const auto less = [](quint64 h1, quint64 l1, quint64 h2, quint64 l2) { return h1 < h2 || (h1 == h2 && l1 < l2); };
        return v6 == o.v6 && !less(hi1, lo1, o.hi0, o.lo0) && !less(o.hi1, o.lo1, hi0, lo0);
    }
};

Range rangeOf(const Cidr& c)
{
    Range r;
    r.v6 = c.isIPv6();
    const int host = c.maxPrefix() - c.prefix();
    if (!r.v6) {
        const quint64 start = c.network().address().toIPv4Address();
        r.lo0 = start;
        r.lo1 = start | ((host >= 32 ? 0xFFFFFFFFull : ((1ull << host) - 1)));
        return r;
    }
    const Q_IPV6ADDR a = c.network().address().toIPv6Address();
    for (int i = 0; i < 8; ++i) {
        r.hi0 = (r.hi0 << 8) | a[i];
        r.lo0 = (r.lo0 << 8) | a[i + 8];
    }
    const quint64 loMask = host >= 64 ? ~0ull : host == 0 ? 0 : ((1ull << host) - 1);
    const quint64 hiMask = host <= 64 ? 0 : host >= 128 ? ~0ull : ((1ull << (host - 64)) - 1);
    r.hi1 = r.hi0 | hiMask;
    r.lo1 = r.lo0 | loMask;
    return r;
}

struct ParsedNetwork
{
    int index = -1; // in the site's list
    Cidr cidr;
    Range range;
};

// Checks the network as a whole; each tunnel's own settings (addresses, proposals, key, SSH) are
// checked by version 1's validation on the tunnel as version 1 sees it, with its fields renamed.
class NetworkChecker
{
public:
    explicit NetworkChecker(const NetworkProfile& n) : m_n(n)
    {
        m_parsed.resize(n.sites.size());
        for (qsizetype i = 0; i < n.sites.size(); ++i) {
            m_index.insert(n.sites.at(i).name, int(i));
            const QStringList& nets = n.sites.at(i).networks;
            for (qsizetype k = 0; k < nets.size(); ++k)
                if (const auto c = Cidr::parse(nets.at(k)))
                    m_parsed[i].append(ParsedNetwork{int(k), c.value(), rangeOf(c.value())});
        }
    }

    QList<Finding> run()
    {
        static const QRegularExpression safeName(QStringLiteral("^[A-Za-z0-9_-]{1,32}\\z"));
        if (!safeName.match(m_n.name).hasMatch())
            error(QStringLiteral("name"), tr("The network's name must be 1 to 32 letters, digits, “-” or “_”."));
        if (m_n.sites.size() < 2)
            error(QStringLiteral("sites"), tr("A network needs at least two sites."));
        checkSites(safeName);
        checkTopology();
        if (m_n.tunnels.isEmpty() && m_n.sites.size() >= 2)
            error(QStringLiteral("tunnels"), tr("No tunnel joins any two sites."));
        QSet<QString> tunnelNames;
        QHash<QString, QString> pairs; // "siteA\nsiteB" (sorted) -> the first tunnel joining them
        for (const Tunnel& t : m_n.tunnels) {
            // Both ends' identities would be the same for two tunnels of one pair of sites: the
            // daemons run them in one IKE SA, where the second's networks are not found.
            const QString pair = t.siteA < t.siteB ? t.siteA + QLatin1Char('\n') + t.siteB : t.siteB + QLatin1Char('\n') + t.siteA;
            if (const auto first = pairs.constFind(pair); first != pairs.cend() && t.siteA != t.siteB)
                error(tunnelPath(t.name, QStringLiteral("sites")),
                      tr("Tunnels “%1” and “%2” both join sites “%3” and “%4”; the gateways would run them in one IKE SA and could not tell "
                         "them apart.")
                          .arg(first.value(), t.name, t.siteA, t.siteB),
                      tr("Carry all their networks in one tunnel."));
            else
                pairs.insert(pair, t.name);
            if (!safeName.match(t.name).hasMatch())
                error(tunnelPath(t.name, QStringLiteral("name")), tr("A tunnel's name must be 1 to 32 letters, digits, “-” or “_”."));
            else if (tunnelNames.contains(t.name))
                error(tunnelPath(t.name, QStringLiteral("name")), tr("Two tunnels are named “%1”; each needs its own name.").arg(t.name));
            tunnelNames.insert(t.name);
            checkTunnel(t);
        }
        checkRouting();
        checkRacoonLimits();
        return m_findings;
    }

private:
    void error(const QString& field, const QString& message, const QString& fix = {})
    {
        add(Finding{Severity::Error, field, message, fix});
    }

    void warning(const QString& field, const QString& message, const QString& fix = {})
    {
        add(Finding{Severity::Warning, field, message, fix});
    }

    void add(const Finding& f)
    {
        if (!m_findings.contains(f)) // a site shared by several tunnels is reported once
            m_findings.append(f);
    }

    void checkSites(const QRegularExpression& safeName)
    {
        QSet<QString> names;
        for (qsizetype i = 0; i < m_n.sites.size(); ++i) {
            const Site& s = m_n.sites.at(i);
            const int si = int(i);
            if (!safeName.match(s.name).hasMatch())
                error(sitePath(si, QStringLiteral("name")), tr("A site's name must be 1 to 32 letters, digits, “-” or “_”."));
            else if (names.contains(s.name))
                error(sitePath(si, QStringLiteral("name")), tr("Two sites are named “%1”; each needs its own name.").arg(s.name));
            names.insert(s.name);
            if (s.networks.isEmpty())
                error(sitePath(si, QStringLiteral("networks")), tr("Site “%1” has no network.").arg(shown(s.name)));
            QList<Cidr> own;
            for (qsizetype k = 0; k < s.networks.size(); ++k) {
                const QString f = sitePath(si, QStringLiteral("networks[%1]").arg(k));
                const auto net = Cidr::parse(s.networks.at(k));
                if (!net) {
                    error(f, net.error().message);
                    continue;
                }
                for (const Cidr& other : own)
                    if (net.value().overlaps(other))
                        error(f, tr("%1 overlaps %2, another network of site “%3”.").arg(net.value().toString(), other.toString(), s.name));
                own.append(net.value());
            }
            const SiteGateway& gw = s.gateway;
            const QString g = QStringLiteral("gateway.");
            QHostAddress internal;
            if (!internal.setAddress(gw.internalAddress.trimmed()))
                error(sitePath(si, g + QStringLiteral("internalAddress")),
                      tr("The internal address “%1” of site “%2” is not an address.").arg(shown(gw.internalAddress), s.name));
            else if (!own.isEmpty() && std::none_of(own.cbegin(), own.cend(), [&](const Cidr& c) { return c.contains(internal); }))
                error(sitePath(si, g + QStringLiteral("internalAddress")),
                      tr("The internal address %1 of site “%2” is in none of its networks; the gateway needs an address inside a "
                         "network it protects.")
                          .arg(internal.toString(), s.name));
            if (gw.reach == Reachability::Nat) {
                QHostAddress pub;
                if (!pub.setAddress(gw.publicAddress.section(QLatin1Char('/'), 0, 0).trimmed()))
                    error(sitePath(si, g + QStringLiteral("publicAddress")),
                          tr("Site “%1” is behind NAT but its public address “%2” is not an address.").arg(s.name, shown(gw.publicAddress)));
                else if (gw.publicAddress.trimmed() == gw.localAddress.section(QLatin1Char('/'), 0, 0).trimmed())
                    error(sitePath(si, g + QStringLiteral("publicAddress")),
                          tr("Site “%1” is behind NAT, so its public address differs from the address on its interface.").arg(s.name),
                          tr("Give the address the NAT router shows to the internet, or say the site is not behind NAT."));
            }
            // Behind NAT or on a changing address, the gateway's own address is not what its peers
            // see: an address identity would not match on the other end.
            if (gw.reach != Reachability::Direct && gw.identity.kind == IdentityKind::Address
                && (gw.reach == Reachability::Dynamic || gw.identity.value.isEmpty()))
                error(sitePath(si, g + QStringLiteral("identity")),
                      gw.reach == Reachability::Dynamic
                          ? tr("Site “%1” has a dynamic address, so its peers cannot identify it by address.").arg(s.name)
                          : tr("Site “%1” is behind NAT: its peers see %2, not the address on its interface, so an address identity "
                               "would not match.")
                                .arg(s.name, shown(gw.publicAddress)),
                      tr("Give it an FQDN or user@FQDN identity (e.g. %1.example.net)%2.")
                          .arg(s.name.toLower(), gw.reach == Reachability::Nat ? tr(", or the public address as its identity") : QString()));
            if (gw.identity.kind == IdentityKind::KeyId && isRacoon(gw.flavour))
                error(sitePath(si, g + QStringLiteral("identity")),
                      tr("racoon-tool and racoon name a key id by a file, not a value; site “%1” cannot use one there.").arg(s.name),
                      tr("Use an FQDN identity, or run strongSwan on site “%1”.").arg(s.name));
        }
    }

    // What racoon and racoon-tool cannot express on a gateway of ours. Their policies name both
    // tunnel ends, so their own address must be fixed; a peer with a changing address needs
    // racoon's one anonymous remote (racoon-tool has none it can use for that); and each names a
    // peer's phase 1 by its address, once.
    void checkRacoonLimits()
    {
        for (qsizetype si = 0; si < m_n.sites.size(); ++si) {
            const Site& s = m_n.sites.at(si);
            if (!s.gateway.managed || !isRacoon(s.gateway.flavour))
                continue;
            const QString flavour = flavourId(s.gateway.flavour);
            if (s.gateway.reach == Reachability::Dynamic) {
                error(sitePath(int(si), QStringLiteral("gateway.flavour")),
                      tr("%1 cannot run on site “%2”, whose address changes: its policies name the gateway's own address.").arg(flavour, s.name),
                      tr("Run strongSwan on site “%1”.").arg(s.name));
                continue;
            }
            QHash<QString, QString> peers; // peer address -> first tunnel to it
            QStringList dynamicPeers;
            for (const Tunnel& t : m_n.tunnels) {
                const QString far = t.siteA == s.name ? t.siteB : t.siteB == s.name ? t.siteA : QString();
                const Site* other = far.isEmpty() ? nullptr : m_n.site(far);
                if (!other)
                    continue;
                if (other->gateway.reach == Reachability::Dynamic) {
                    dynamicPeers << t.name;
                    if (s.gateway.flavour == Flavour::RacoonTool)
                        error(tunnelPath(t.name, QStringLiteral("sites")),
                              tr("racoon-tool on site “%1” cannot wait for site “%2”, whose address changes: racoon-tool needs the peer's "
                                 "address.")
                                  .arg(s.name, other->name),
                              tr("Run racoon (its anonymous remote takes one such peer) or strongSwan on site “%1”.").arg(s.name));
                    else if (dynamicPeers.size() == 2)
                        error(tunnelPath(t.name, QStringLiteral("sites")),
                              tr("racoon on site “%1” can wait for one peer with a changing address, and tunnels “%2” and “%3” both need it.")
                                  .arg(s.name, dynamicPeers.first(), t.name),
                              tr("Run strongSwan on site “%1”.").arg(s.name));
                    continue;
                }
                const QString address = other->gateway.peerAddress().section(QLatin1Char('/'), 0, 0).trimmed();
                if (const auto first = peers.constFind(address); first != peers.cend())
                    error(tunnelPath(t.name, QStringLiteral("sites")),
                          tr("%1 on site “%2” has one phase 1 per peer address, and tunnels “%3” and “%4” both go to %5.")
                              .arg(flavour, s.name, first.value(), t.name, address),
                          tr("Carry both tunnels' networks in one tunnel, or run strongSwan on site “%1”.").arg(s.name));
                else
                    peers.insert(address, t.name);
            }
        }
    }

    void checkTopology()
    {
        if (m_n.topology.kind == TopologyKind::HubAndSpoke && m_n.siteIndex(m_n.topology.hub) < 0)
            error(QStringLiteral("topology.hub"), tr("The hub “%1” is not one of the sites.").arg(shown(m_n.topology.hub)));
    }

    void checkTunnel(const Tunnel& t)
    {
        const int a = m_index.value(t.siteA, -1);
        const int b = m_index.value(t.siteB, -1);
        if (a < 0 || b < 0) {
            error(tunnelPath(t.name, QStringLiteral("sites")), tr("Tunnel “%1” joins “%2”, which is not a site.").arg(t.name, shown(a < 0 ? t.siteA : t.siteB)));
            return;
        }
        if (a == b) {
            error(tunnelPath(t.name, QStringLiteral("sites")), tr("Tunnel “%1” joins site “%2” to itself.").arg(t.name, t.siteA));
            return;
        }
        const SiteGateway& ga = m_n.sites.at(a).gateway;
        const SiteGateway& gb = m_n.sites.at(b).gateway;
        if (ga.reach == Reachability::Dynamic && gb.reach == Reachability::Dynamic)
            error(tunnelPath(t.name), tr("Both ends of tunnel “%1” have dynamic addresses: neither knows where to find the other, so nobody can start it.").arg(t.name),
                  tr("Give one of the sites a fixed (or NATed) address."));
        if (!ga.managed && !gb.managed)
            error(tunnelPath(t.name), tr("Neither end of tunnel “%1” is managed here, so there is nothing to configure.").arg(t.name));
        for (Side side : {Side::A, Side::B}) {
            const int si = side == Side::A ? a : b;
            const QStringList& own = side == Side::A ? t.networksA : t.networksB;
            for (qsizetype k = 0; k < own.size(); ++k)
                if (!m_n.sites.at(si).networks.contains(own.at(k)))
                    error(tunnelPath(t.name, QStringLiteral("networks.%1[%2]").arg(m_n.sites.at(si).name).arg(k)),
                          tr("%1 is not a network of site “%2”.").arg(shown(own.at(k)), m_n.sites.at(si).name));
        }
        // The two ends' networks must not overlap: a host could not tell local from remote. And a
        // tunnel carries one address family (IKE and the policies are of one family).
        bool familiesReported = false;
        for (const ParsedNetwork& na : carried(t, Side::A, a)) {
            for (const ParsedNetwork& nb : carried(t, Side::B, b)) {
                if (na.range.v6 != nb.range.v6 && !familiesReported) {
                    familiesReported = true;
                    error(sitePath(b, QStringLiteral("networks[%1]").arg(nb.index)),
                          tr("Tunnel “%1” would carry %2 on one side and %3 on the other; a tunnel carries networks of one address family.")
                              .arg(t.name, na.cidr.toString(), nb.cidr.toString()),
                          tr("Make a tunnel per family."));
                }
                if (na.range.overlaps(nb.range))
                    error(sitePath(b, QStringLiteral("networks[%1]").arg(nb.index)),
                          tr("%1 of site “%2” overlaps %3 of site “%4”, and tunnel “%5” joins them; hosts in the overlap could not tell local "
                             "from remote.")
                              .arg(nb.cidr.toString(), m_n.sites.at(b).name, na.cidr.toString(), m_n.sites.at(a).name, t.name),
                          tr("Renumber one site, or carry a smaller network."));
            }
        }
        checkAsVersion1(t, a, b);
    }

    // The tunnel's own settings, through version 1's validation: proposals, key, addresses, SSH.
    void checkAsVersion1(const Tunnel& t, int a, int b)
    {
        TunnelProfile p;
        p.name = t.name;
        p.ike = t.ike;
        p.esp = t.esp;
        p.psk = t.psk;
        const std::array<int, 2> index{a, b};
        for (Side side : {Side::A, Side::B}) {
            const Site& s = m_n.sites.at(index[size_t(side)]);
            const QStringList nets = m_n.networksOf(t, side);
            p.network(side) = nets.value(0);
            Gateway& gw = p.gateway(side);
            // As version 1 sees it: the address the peer sends to (a stand-in for a dynamic one).
            gw.publicAddress = s.gateway.reach == Reachability::Nat ? s.gateway.publicAddress : s.gateway.localAddress;
            gw.internalAddress = s.gateway.internalAddress;
            gw.defaultRouter = s.gateway.defaultRouter;
            gw.flavour = s.gateway.flavour;
            gw.identity = s.gateway.identity.kind == IdentityKind::KeyId ? QString() : s.gateway.identity.value;
            gw.ssh = s.gateway.ssh;
        }
        for (const Finding& f : ipsecwiz::validate(p)) {
            const QString top = f.field.section(QLatin1Char('.'), 0, 0);
            const QString rest = f.field.section(QLatin1Char('.'), 1);
            if (top == QLatin1String("networkA") || top == QLatin1String("networkB"))
                continue; // checked above, network by network
            if (top == QLatin1String("gatewayA") || top == QLatin1String("gatewayB")) {
                const Side side = top == QLatin1String("gatewayA") ? Side::A : Side::B;
                const int si = index[size_t(side)];
                const SiteGateway& gw = m_n.sites.at(si).gateway;
                // The default router is optional now: the route is found on the gateway.
                if (rest == QLatin1String("defaultRouter") && gw.defaultRouter.trimmed().isEmpty())
                    continue;
                // A dynamic site's stand-in address is not a real one to judge; the internal
                // address belongs to any of the site's networks, checked with the site.
                if ((rest == QLatin1String("publicAddress") && gw.reach == Reachability::Dynamic) || rest == QLatin1String("internalAddress"))
                    continue;
                // Version 1 writes racoon's identities as addresses only; version 2 names their kind.
                if (rest == QLatin1String("identity") && gw.identity.kind != IdentityKind::Address
                    && f.message.contains(QLatin1String("racoon")))
                    continue;
                QString leaf = rest;
                if (rest == QLatin1String("publicAddress"))
                    leaf = gw.reach == Reachability::Nat ? QStringLiteral("publicAddress") : QStringLiteral("localAddress");
                add(Finding{f.severity, sitePath(si, QStringLiteral("gateway.") + leaf), f.message, f.fix});
                continue;
            }
            add(Finding{f.severity, tunnelPath(t.name, f.field), f.message, f.fix});
        }
    }

    // The networks a tunnel carries on one side (its own list, else all of the site's), parsed.
    QList<ParsedNetwork> carried(const Tunnel& t, Side side, int site) const
    {
        const QStringList& own = side == Side::A ? t.networksA : t.networksB;
        if (own.isEmpty())
            return m_parsed.at(site);
        QList<ParsedNetwork> out;
        for (const ParsedNetwork& p : m_parsed.at(site))
            if (own.contains(m_n.sites.at(site).networks.at(p.index)))
                out.append(p);
        return out;
    }

    // A site routes between all the networks its tunnels reach: they must not overlap each other
    // nor its own (a hub with two spokes that both use 192.168.1.0/24 cannot tell them apart).
    void checkRouting()
    {
        QList<QList<std::pair<int, Side>>> bySite(m_n.sites.size()); // tunnel index, the far side
        for (qsizetype ti = 0; ti < m_n.tunnels.size(); ++ti) {
            const Tunnel& t = m_n.tunnels.at(ti);
            const int a = m_index.value(t.siteA, -1);
            const int b = m_index.value(t.siteB, -1);
            if (a < 0 || b < 0 || a == b)
                continue;
            bySite[a].append({int(ti), Side::B});
            bySite[b].append({int(ti), Side::A});
        }
        struct Reached
        {
            ParsedNetwork net;
            int owner;
        };
        for (qsizetype si = 0; si < m_n.sites.size(); ++si) {
            QList<Reached> reached;
            for (const ParsedNetwork& p : m_parsed.at(si))
                reached.append({p, int(si)});
            for (const auto& [ti, far] : bySite.at(si)) {
                const Tunnel& t = m_n.tunnels.at(ti);
                const int fi = m_index.value(far == Side::A ? t.siteA : t.siteB);
                const qsizetype before = reached.size();
                for (const ParsedNetwork& p : carried(t, far, fi)) {
                    for (qsizetype r = 0; r < before; ++r) {
                        const Reached& other = reached.at(r);
                        if (other.owner != fi && other.owner != int(si) && p.range.overlaps(other.net.range))
                            error(sitePath(fi, QStringLiteral("networks[%1]").arg(p.index)),
                                  tr("%1 of site “%2” overlaps %3 of site “%4”, and site “%5” reaches both through its tunnels.")
                                      .arg(p.cidr.toString(), m_n.sites.at(fi).name, other.net.cidr.toString(), m_n.sites.at(other.owner).name,
                                           m_n.sites.at(si).name),
                                  tr("Renumber one of them."));
                    }
                    reached.append({p, fi});
                }
            }
        }
    }

    const NetworkProfile& m_n;
    QHash<QString, int> m_index;             // site name → index
    QList<QList<ParsedNetwork>> m_parsed;    // per site, its networks that parse
    QList<Finding> m_findings;
};

} // namespace

Result<bool> giveFreshKeys(NetworkProfile& network)
{
    bool fresh = false;
    for (Tunnel& t : network.tunnels) {
        if (t.psk)
            continue;
        auto key = Psk::generate();
        if (!key)
            return key.error();
        t.psk = key.value();
        fresh = true;
    }
    return fresh;
}

QList<Finding> validate(const NetworkProfile& network)
{
    return NetworkChecker(network).run();
}

} // namespace Network

namespace NetworkJson {

namespace {

using json::Reader;

void readGateway(Reader r, SiteGateway& gw)
{
    gw.localAddress = r.string(QStringLiteral("localAddress"), {}, true);
    const bool nat = r.has(QStringLiteral("publicAddress"));
    gw.publicAddress = r.string(QStringLiteral("publicAddress"), {});
    const bool dynamic = r.boolean(QStringLiteral("dynamic"), false);
    if (nat && dynamic)
        r.fail(QStringLiteral("dynamic"), json::tr("a gateway behind NAT has a fixed public address; give publicAddress or dynamic, not both"));
    gw.reach = dynamic ? Reachability::Dynamic : nat ? Reachability::Nat : Reachability::Direct;
    gw.internalAddress = r.string(QStringLiteral("internalAddress"), {}, true);
    gw.defaultRouter = r.string(QStringLiteral("defaultRouter"), {});
    const QString flavour = r.string(QStringLiteral("flavour"), flavourId(gw.flavour));
    if (const auto f = flavourFromId(flavour))
        gw.flavour = *f;
    else
        r.fail(QStringLiteral("flavour"), json::tr("expected one of racoon-tool, racoon, strongswan, found “%1”").arg(shown(flavour)));
    if (r.has(QStringLiteral("identity"))) {
        Reader id = r.object(QStringLiteral("identity"));
        const QString kind = id.string(QStringLiteral("kind"), {}, true);
        bool known = false;
        for (IdentityKind k : {IdentityKind::Address, IdentityKind::Fqdn, IdentityKind::UserFqdn, IdentityKind::KeyId})
            if (kind == identityKindId(k)) {
                gw.identity.kind = k;
                known = true;
            }
        if (!known)
            id.fail(QStringLiteral("kind"), json::tr("expected one of address, fqdn, user-fqdn, key-id, found “%1”").arg(shown(kind)));
        gw.identity.value = id.string(QStringLiteral("value"), {}, gw.identity.kind != IdentityKind::Address);
        id.finish();
    }
    if (r.has(QStringLiteral("ssh")))
        json::readSsh(r.object(QStringLiteral("ssh")), gw.ssh);
    gw.managed = r.boolean(QStringLiteral("managed"), true);
    gw.importedFrom = r.string(QStringLiteral("importedFrom"), {});
    if (!gw.importedFrom.isEmpty()
        && !QStringList{QStringLiteral("racoon-tool"), QStringLiteral("racoon"), QStringLiteral("swanctl"), QStringLiteral("ipsec.conf")}.contains(gw.importedFrom))
        r.fail(QStringLiteral("importedFrom"),
               json::tr("expected one of racoon-tool, racoon, swanctl, ipsec.conf, found “%1”").arg(shown(gw.importedFrom)));
    r.finish();
}

QJsonObject gatewayJson(const SiteGateway& gw)
{
    QJsonObject o;
    o.insert(QStringLiteral("localAddress"), gw.localAddress);
    if (gw.reach == Reachability::Nat)
        o.insert(QStringLiteral("publicAddress"), gw.publicAddress);
    if (gw.reach == Reachability::Dynamic)
        o.insert(QStringLiteral("dynamic"), true);
    o.insert(QStringLiteral("internalAddress"), gw.internalAddress);
    if (!gw.defaultRouter.isEmpty())
        o.insert(QStringLiteral("defaultRouter"), gw.defaultRouter);
    o.insert(QStringLiteral("flavour"), flavourId(gw.flavour));
    if (gw.identity != Identity{}) {
        QJsonObject id;
        id.insert(QStringLiteral("kind"), identityKindId(gw.identity.kind));
        if (!gw.identity.value.isEmpty())
            id.insert(QStringLiteral("value"), gw.identity.value);
        o.insert(QStringLiteral("identity"), id);
    }
    o.insert(QStringLiteral("ssh"), json::sshJson(gw.ssh));
    if (!gw.managed)
        o.insert(QStringLiteral("managed"), false);
    if (!gw.importedFrom.isEmpty())
        o.insert(QStringLiteral("importedFrom"), gw.importedFrom);
    return o;
}

} // namespace

int versionOf(const QByteArray& bytes)
{
    const auto o = json::parseObject(bytes);
    if (!o || o.value().value(QStringLiteral("format")).toString() != FormatName)
        return 0;
    return o.value().value(QStringLiteral("version")).toInt(0);
}

Result<NetworkProfile> fromJson(const QByteArray& bytes)
{
    const int version = versionOf(bytes);
    if (version < NetworkProfile::FormatVersion) {
        // Version 1 (or not a profile at all: version 1's reader says what is wrong).
        auto v1 = ProfileJson::fromJson(bytes);
        if (!v1)
            return v1.error();
        return Network::fromTunnelProfile(v1.value());
    }
    if (version > NetworkProfile::FormatVersion)
        return Error{QStringLiteral("$.version"),
                     json::tr("This profile was written by a newer IPsec Wizard (format version %1); this one reads version %2. "
                              "Update IPsec Wizard to open it.")
                         .arg(version)
                         .arg(NetworkProfile::FormatVersion)};
    const auto object = json::parseObject(bytes);
    if (!object)
        return object.error();
    json::ErrorState state;
    Reader root(object.value(), QStringLiteral("$"), &state);
    root.string(QStringLiteral("format"), {}, true);
    root.integer(QStringLiteral("version"), 0, 0, 1000000);
    NetworkProfile n;
    n.name = root.string(QStringLiteral("name"), {}, true);
    if (root.has(QStringLiteral("ike")))
        json::readIke(root.object(QStringLiteral("ike")), n.ike);
    if (root.has(QStringLiteral("esp")))
        json::readEsp(root.object(QStringLiteral("esp")), n.esp);
    for (Reader s : root.objects(QStringLiteral("sites"))) {
        Site site;
        site.name = s.string(QStringLiteral("name"), {}, true);
        site.networks = s.strings(QStringLiteral("networks"), true);
        readGateway(s.object(QStringLiteral("gateway")), site.gateway);
        s.finish();
        n.sites.append(site);
    }
    if (root.has(QStringLiteral("topology"))) {
        Reader t = root.object(QStringLiteral("topology"));
        const QString kind = t.string(QStringLiteral("template"), {}, true);
        bool known = false;
        for (TopologyKind k : {TopologyKind::Pair, TopologyKind::HubAndSpoke, TopologyKind::Mesh})
            if (kind == topologyId(k)) {
                n.topology.kind = k;
                known = true;
            }
        if (!known)
            t.fail(QStringLiteral("template"), json::tr("expected one of pair, hub-and-spoke, mesh, found “%1”").arg(shown(kind)));
        n.topology.hub = t.string(QStringLiteral("hub"), {}, n.topology.kind == TopologyKind::HubAndSpoke);
        n.topology.spokeToSpoke = t.boolean(QStringLiteral("spokeToSpoke"), false);
        t.finish();
    }
    if (root.has(QStringLiteral("tunnels"))) {
        for (Reader t : root.objects(QStringLiteral("tunnels"))) {
            Tunnel tunnel;
            tunnel.name = t.string(QStringLiteral("name"), {}, true);
            const QStringList ends = t.strings(QStringLiteral("sites"), true);
            if (ends.size() != 2)
                t.fail(QStringLiteral("sites"), json::tr("expected the names of two sites, found %1").arg(ends.size()));
            tunnel.siteA = ends.value(0);
            tunnel.siteB = ends.value(1);
            if (t.has(QStringLiteral("networks"))) {
                Reader nets = t.object(QStringLiteral("networks"));
                tunnel.networksA = nets.strings(tunnel.siteA);
                tunnel.networksB = nets.strings(tunnel.siteB);
                nets.finish();
            }
            tunnel.ike = n.ike;
            tunnel.esp = n.esp;
            if (t.has(QStringLiteral("ike")))
                json::readIke(t.object(QStringLiteral("ike")), tunnel.ike);
            if (t.has(QStringLiteral("esp")))
                json::readEsp(t.object(QStringLiteral("esp")), tunnel.esp);
            if (t.has(QStringLiteral("psk")))
                tunnel.psk = t.string(QStringLiteral("psk"), {}).toUtf8();
            t.finish();
            n.tunnels.append(tunnel);
        }
    } else {
        n.tunnels = Network::tunnelsFor(n.sites, n.topology, n.ike, n.esp);
    }
    n.knownHostsFile = root.string(QStringLiteral("knownHostsFile"), {});
    root.finish();
    if (state.error)
        return *state.error;
    return n;
}

QByteArray toJson(const NetworkProfile& n, PskInFile psk)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), FormatName);
    o.insert(QStringLiteral("version"), NetworkProfile::FormatVersion);
    o.insert(QStringLiteral("name"), n.name);
    QJsonObject topology;
    topology.insert(QStringLiteral("template"), topologyId(n.topology.kind));
    if (n.topology.kind == TopologyKind::HubAndSpoke) {
        topology.insert(QStringLiteral("hub"), n.topology.hub);
        topology.insert(QStringLiteral("spokeToSpoke"), n.topology.spokeToSpoke);
    }
    o.insert(QStringLiteral("topology"), topology);
    o.insert(QStringLiteral("ike"), json::ikeJson(n.ike));
    o.insert(QStringLiteral("esp"), json::espJson(n.esp));
    QJsonArray sites;
    for (const Site& s : n.sites) {
        QJsonObject so;
        so.insert(QStringLiteral("name"), s.name);
        so.insert(QStringLiteral("networks"), QJsonArray::fromStringList(s.networks));
        so.insert(QStringLiteral("gateway"), gatewayJson(s.gateway));
        sites.append(so);
    }
    o.insert(QStringLiteral("sites"), sites);
    QJsonArray tunnels;
    for (const Tunnel& t : n.tunnels) {
        QJsonObject to;
        to.insert(QStringLiteral("name"), t.name);
        to.insert(QStringLiteral("sites"), QJsonArray{t.siteA, t.siteB});
        if (!t.networksA.isEmpty() || !t.networksB.isEmpty()) {
            QJsonObject nets;
            if (!t.networksA.isEmpty())
                nets.insert(t.siteA, QJsonArray::fromStringList(t.networksA));
            if (!t.networksB.isEmpty())
                nets.insert(t.siteB, QJsonArray::fromStringList(t.networksB));
            to.insert(QStringLiteral("networks"), nets);
        }
        // Only what differs from the network's defaults.
        if (t.ike != n.ike)
            to.insert(QStringLiteral("ike"), json::ikeJson(t.ike));
        if (t.esp != n.esp)
            to.insert(QStringLiteral("esp"), json::espJson(t.esp));
        json::insertPsk(to, t.psk, psk);
        tunnels.append(to);
    }
    o.insert(QStringLiteral("tunnels"), tunnels);
    if (!n.knownHostsFile.isEmpty())
        o.insert(QStringLiteral("knownHostsFile"), n.knownHostsFile);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<NetworkProfile> load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{path, json::tr("Cannot open the profile: %1.").arg(file.errorString())};
    return fromJson(file.read(json::MaxProfileBytes + 1));
}

Status save(const NetworkProfile& n, const QString& path, PskInFile psk)
{
    bool secret = false;
    for (const Tunnel& t : n.tunnels)
        secret = secret || (psk == PskInFile::Include && t.psk.has_value());
    return FileWriter::writeAtomically(path, toJson(n, psk), secret ? 0600 : 0644);
}

} // namespace NetworkJson

} // namespace ipsecwiz
