#include "LabPlan.h"

#include "Cidr.h"
#include "Psk.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QSet>

#include <optional>

namespace ipsecwiz {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::Lab", text);
}

// What the lab keeps for itself: its management links, and the router's link-local end.
const Cidr ManagementRange(QHostAddress(QStringLiteral("10.99.0.0")), 16);
const Cidr LinkLocalRange(QHostAddress(QStringLiteral("169.254.0.0")), 16);

// Without a prefix, a gateway's address is taken to sit in a /24 (for the NAT router beside it,
// and for the addresses a dynamic gateway moves to).
constexpr int AssumedPrefix = 24;

QString ip(quint32 a)
{
    return QHostAddress(a).toString();
}

QString cidr(quint32 a, int prefix)
{
    return ip(a) + QLatin1Char('/') + QString::number(prefix);
}

quint32 maskOf(int prefix)
{
    return prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
}

struct V4
{
    quint32 address = 0;
    int prefix = 32;
    bool hasPrefix = false;

    [[nodiscard]] quint32 network() const { return address & maskOf(prefix); }
    [[nodiscard]] quint32 broadcast() const { return network() | ~maskOf(prefix); }
};

// An IPv4 address or network of the profile, refused with its field when the lab cannot use it.
Result<V4> readV4(const QString& field, const QString& text, bool allowPrefix)
{
    auto parsed = Cidr::parse(text, true);
    if (!parsed)
        return Error{field, tr("The lab cannot read “%1”: %2").arg(shown(text), parsed.error().message)};
    const Cidr& c = parsed.value();
    if (c.isIPv6())
        return Error{field, tr("The lab builds IPv4 only; “%1” is IPv6.").arg(shown(text))};
    const bool hasPrefix = text.contains(QLatin1Char('/'));
    if (hasPrefix && !allowPrefix)
        return Error{field, tr("The lab expects an address without a prefix here, not “%1”.").arg(shown(text))};
    if (c.overlaps(ManagementRange))
        return Error{field, tr("%1 lies in %2, which the lab keeps for its management links.").arg(shown(text), ManagementRange.toString())};
    if (c.overlaps(LinkLocalRange))
        return Error{field, tr("%1 lies in %2, which the lab uses for its internet router.").arg(shown(text), LinkLocalRange.toString())};
    return V4{c.address().toIPv4Address(), c.prefix(), hasPrefix};
}

// The first usable address of NET's prefix that is not one of TAKEN.
std::optional<quint32> firstFree(const V4& net, const QSet<quint32>& taken)
{
    for (quint32 a = net.network() + 1; a < net.broadcast(); ++a)
        if (!taken.contains(a))
            return a;
    return std::nullopt;
}

// Site names become node names: lower case, [a-z0-9-], at most 10 characters, unique.
QStringList shortNames(const QList<Site>& sites)
{
    QStringList names;
    QSet<QString> used;
    for (qsizetype i = 0; i < sites.size(); ++i) {
        QString base;
        for (QChar c : sites.at(i).name.toLower())
            base += (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ? c : QLatin1Char('-');
        base = base.left(10);
        while (base.endsWith(QLatin1Char('-')))
            base.chop(1);
        if (base.isEmpty())
            base = QStringLiteral("site");
        QString name = base;
        for (int n = 2; used.contains(name); ++n)
            name = base.left(10 - 1 - int(QString::number(n).size())) + QLatin1Char('-') + QString::number(n);
        used.insert(name);
        names.append(name);
    }
    return names;
}

} // namespace

QString labNodeKindId(LabNodeKind kind)
{
    switch (kind) {
    case LabNodeKind::Router: return QStringLiteral("router");
    case LabNodeKind::Gateway: return QStringLiteral("gateway");
    case LabNodeKind::UnmanagedGateway: return QStringLiteral("unmanaged-gateway");
    case LabNodeKind::Nat: return QStringLiteral("nat");
    case LabNodeKind::Host: return QStringLiteral("host");
    }
    return {};
}

const LabNode* LabPlan::node(const QString& nodeName) const
{
    for (const LabNode& n : nodes)
        if (n.name == nodeName)
            return &n;
    return nullptr;
}

QStringList LabPlan::nodesOf(const QString& site, LabNodeKind kind) const
{
    QStringList out;
    for (const LabNode& n : nodes)
        if (n.site == site && n.kind == kind)
            out.append(n.name);
    return out;
}

const LabMgmt* LabPlan::mgmtOf(const QString& nodeName) const
{
    for (const LabMgmt& m : mgmt)
        if (m.node == nodeName)
            return &m;
    return nullptr;
}

QString LabPlan::toText() const
{
    QStringList lines{QStringLiteral("# IPsec Wizard lab plan (ipsec-wizard lab up --from; lab/lab.sh carries it out)"),
                      QStringLiteral("format 1"), QStringLiteral("name ") + name};
    for (const LabNode& n : nodes)
        lines.append(QStringList{QStringLiteral("node"), n.name, labNodeKindId(n.kind), n.site.isEmpty() ? QStringLiteral("-") : n.site}.join(QLatin1Char(' ')));
    for (const LabLink& l : links)
        lines.append(QStringList{QStringLiteral("link"), l.nodeA, l.ifA, l.addressA, l.nodeB, l.ifB, l.addressB}.join(QLatin1Char(' ')));
    for (const LabRoute& r : routes) {
        QStringList w{QStringLiteral("route"), r.node, r.destination, QStringLiteral("via"), r.via.isEmpty() ? QStringLiteral("-") : r.via,
                      QStringLiteral("dev"), r.dev};
        if (r.onlink)
            w.append(QStringLiteral("onlink"));
        lines.append(w.join(QLatin1Char(' ')));
    }
    for (const QString& n : forwarding)
        lines.append(QStringLiteral("forward ") + n);
    for (const LabNat& n : nats)
        lines.append(QStringList{QStringLiteral("nat"), n.node, n.outside, n.target}.join(QLatin1Char(' ')));
    for (const LabMgmt& m : mgmt)
        lines.append(QStringList{QStringLiteral("mgmt"), m.node, m.hostIf, m.hostAddress, m.gatewayAddress}.join(QLatin1Char(' ')));
    for (const QString& n : isolated)
        lines.append(QStringLiteral("isolate ") + n + QStringLiteral(" mgmt0"));
    for (const LabRenumber& r : renumbers)
        lines.append((QStringList{QStringLiteral("renumber"), r.site, r.node, r.ifname, r.routerIf} + r.addresses).join(QLatin1Char(' ')));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

namespace Lab {

Result<LabPlan> plan(const NetworkProfile& network)
{
    if (network.sites.isEmpty())
        return Error{QStringLiteral("sites"), tr("The profile has no sites; the lab needs at least one.")};
    if (network.sites.size() > MaxSites)
        return Error{QStringLiteral("sites"), tr("The lab builds at most %1 sites; this profile has %2.").arg(MaxSites).arg(network.sites.size())};

    LabPlan plan;
    plan.name = network.name;
    plan.nodes.append(LabNode{RouterNode, LabNodeKind::Router, {}});
    plan.forwarding.append(RouterNode);
    const QString routerEnd = RouterAddress + QStringLiteral("/32");
    const QStringList shorts = shortNames(network.sites);
    QHash<quint32, QString> outside; // the addresses on the lab's internet, and whose they are
    struct Dynamic
    {
        int site;
        V4 local;
        QString routerIf;
    };
    QList<Dynamic> dynamics;

    for (int i = 0; i < int(network.sites.size()); ++i) {
        const Site& site = network.sites.at(i);
        const SiteGateway& g = site.gateway;
        const QString gw = QStringLiteral("gw-") + shorts.at(i);
        plan.nodes.append(LabNode{gw, g.managed ? LabNodeKind::Gateway : LabNodeKind::UnmanagedGateway, site.name});
        plan.forwarding.append(gw);

        // Inside: a host per network; the gateway has internalAddress in its network, .1 (or the
        // first free address) in the others.
        auto internal = readV4(Network::sitePath(i, QStringLiteral("gateway.internalAddress")), g.internalAddress, false);
        if (!internal)
            return internal.error();
        if (site.networks.isEmpty())
            return Error{Network::sitePath(i, QStringLiteral("networks")), tr("The site has no network; the lab puts a host in each.")};
        QList<V4> nets;
        bool internalInside = false;
        for (int j = 0; j < int(site.networks.size()); ++j) {
            const QString field = Network::sitePath(i, QStringLiteral("networks[%1]").arg(j));
            auto net = readV4(field, site.networks.at(j), true);
            if (!net)
                return net.error();
            if (net.value().prefix > 30)
                return Error{field, tr("%1 is too small for the lab, which puts the gateway and a host in it (at most /30).").arg(shown(site.networks.at(j)))};
            const V4& n = net.value();
            internalInside = internalInside || (internal.value().address & maskOf(n.prefix)) == n.network();
            nets.append(n);
        }
        if (!internalInside)
            return Error{Network::sitePath(i, QStringLiteral("gateway.internalAddress")),
                         tr("%1 is in none of the site's networks; the lab puts it on the network it belongs to.").arg(shown(g.internalAddress))};
        bool internalPlaced = false;
        for (int j = 0; j < int(nets.size()); ++j) {
            const V4& n = nets.at(j);
            quint32 gwAddr = 0;
            if (!internalPlaced && (internal.value().address & maskOf(n.prefix)) == n.network()) {
                gwAddr = internal.value().address;
                internalPlaced = true;
            } else {
                gwAddr = *firstFree(n, {});
            }
            const quint32 ten = n.network() + 10;
            const quint32 hostAddr = ten < n.broadcast() && ten != gwAddr ? ten : *firstFree(n, {gwAddr});
            const QString host = QStringLiteral("host-") + shorts.at(i) + (j == 0 ? QString() : QStringLiteral("-%1").arg(j + 1));
            plan.nodes.append(LabNode{host, LabNodeKind::Host, site.name});
            plan.links.append(LabLink{gw, QStringLiteral("lan%1").arg(j), cidr(gwAddr, n.prefix), host, QStringLiteral("eth0"), cidr(hostAddr, n.prefix)});
            plan.routes.append(LabRoute{host, QStringLiteral("default"), ip(gwAddr), QStringLiteral("eth0"), false});
        }

        // Outside: the gateway (or its NAT router) on a point-to-point link to the router.
        const QString localField = Network::sitePath(i, QStringLiteral("gateway.localAddress"));
        auto local = readV4(localField, g.localAddress, true);
        if (!local)
            return local.error();
        const QString routerIf = QStringLiteral("wan%1").arg(i);
        QString outsideField = localField;
        quint32 outsideAddr = local.value().address;
        QString outsideNode = gw;
        if (g.reach == Reachability::Nat) {
            outsideField = Network::sitePath(i, QStringLiteral("gateway.publicAddress"));
            auto pub = readV4(outsideField, g.publicAddress, false);
            if (!pub)
                return pub.error();
            V4 inside = local.value();
            if (!inside.hasPrefix)
                inside.prefix = AssumedPrefix;
            if (inside.prefix > 30)
                return Error{localField, tr("Behind NAT, %1 needs a prefix of at most /30, so that the NAT router has an address beside it.")
                                             .arg(shown(g.localAddress))};
            const quint32 routerInside = *firstFree(inside, {inside.address});
            outsideNode = QStringLiteral("nat-") + shorts.at(i);
            outsideAddr = pub.value().address;
            plan.nodes.append(LabNode{outsideNode, LabNodeKind::Nat, site.name});
            plan.forwarding.append(outsideNode);
            plan.links.append(LabLink{outsideNode, QStringLiteral("lan0"), cidr(routerInside, inside.prefix), gw, QStringLiteral("wan0"),
                                      cidr(inside.address, inside.prefix)});
            plan.routes.append(LabRoute{gw, QStringLiteral("default"), ip(routerInside), QStringLiteral("wan0"), false});
            plan.nats.append(LabNat{outsideNode, QStringLiteral("wan0"), ip(inside.address)});
        } else if (g.reach == Reachability::Dynamic) {
            dynamics.append(Dynamic{i, local.value(), routerIf});
        }
        // /32 on the outside whatever the profile's prefix: the peers are behind the router, not
        // on the same wire, even when their addresses share a prefix.
        if (outside.contains(outsideAddr))
            return Error{outsideField, tr("%1 is also %2; every gateway needs an address of its own on the lab's internet.")
                                           .arg(ip(outsideAddr), outside.value(outsideAddr))};
        outside.insert(outsideAddr, outsideField);
        plan.links.append(LabLink{RouterNode, routerIf, routerEnd, outsideNode, QStringLiteral("wan0"), cidr(outsideAddr, 32)});
        plan.routes.append(LabRoute{outsideNode, QStringLiteral("default"), RouterAddress, QStringLiteral("wan0"), true});
        plan.routes.append(LabRoute{RouterNode, cidr(outsideAddr, 32), {}, routerIf, false});

        if (g.managed) {
            const int n = int(plan.mgmt.size()) + 1;
            plan.mgmt.append(LabMgmt{gw, QStringLiteral("ipsecwiz-mgmt%1").arg(n), QStringLiteral("10.99.%1.1/30").arg(n),
                                     QStringLiteral("10.99.%1.2/30").arg(n)});
            plan.isolated.append(gw);
        }
    }

    // A dynamic gateway moves to the next addresses of its prefix that no other gateway has.
    for (const Dynamic& d : dynamics) {
        V4 range = d.local;
        if (!range.hasPrefix)
            range.prefix = AssumedPrefix;
        const QString field = Network::sitePath(d.site, QStringLiteral("gateway.localAddress"));
        if (range.prefix > 29)
            return Error{field, tr("A dynamic gateway needs room to move: %1 has a prefix longer than /29.").arg(shown(network.sites.at(d.site).gateway.localAddress))};
        QStringList addresses{ip(d.local.address)};
        const quint32 size = range.broadcast() - range.network();
        for (quint32 step = 1; step < size && addresses.size() < 4; ++step) {
            const quint32 a = range.network() + (d.local.address - range.network() + step) % size;
            if (a != range.network() && !outside.contains(a))
                addresses.append(ip(a));
        }
        plan.renumbers.append(LabRenumber{network.sites.at(d.site).name, QStringLiteral("gw-") + shorts.at(d.site), QStringLiteral("wan0"), d.routerIf, addresses});
    }
    return plan;
}

Result<NetworkProfile> labProfile(const NetworkProfile& network, const LabPlan& plan, const QString& labDir)
{
    NetworkProfile n = network;
    for (int i = 0; i < int(n.sites.size()); ++i) {
        Site& site = n.sites[i];
        if (!site.gateway.managed)
            continue;
        const LabMgmt* m = plan.mgmtOf(plan.nodesOf(site.name, LabNodeKind::Gateway).value(0));
        if (!m)
            return Error{Network::sitePath(i, QStringLiteral("gateway.managed")), tr("The lab plan has no management link for this gateway.")};
        site.gateway.ssh.host = m->gatewayAddress.section(QLatin1Char('/'), 0, 0);
        site.gateway.ssh.port = 22;
        site.gateway.ssh.user = QStringLiteral("root");
        site.gateway.ssh.identityFile = labDir + QStringLiteral("/admin_ed25519");
    }
    n.knownHostsFile = labDir + QStringLiteral("/known_hosts");
    if (auto fresh = Network::giveFreshKeys(n); !fresh)
        return fresh.error();
    return n;
}

} // namespace Lab

} // namespace ipsecwiz
