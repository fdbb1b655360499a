#pragma once

// What the racoon-tool and racoon importer tests share: fixtures in a MemorySource, the check
// that a report names only real lines of the input and never a key, and the random valid
// profiles of the round trip (generated with NetworkGenerator, imported back).

#include "Importer.h"
#include "NetworkGenerator.h"
#include "TestConfig.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

namespace ipsecwiz::test {

// QVERIFY2 builds its message even when the check passes.
template<typename T>
QString errorText(const Result<T>& r)
{
    return r.ok() ? QString() : r.error().toString();
}

inline QByteArray importFixture(const QString& name)
{
    QFile f(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/import/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

// Every note points at a line of the input that is neither blank nor a comment, quotes it (a
// key masked), and no note shows any of KEYS.
inline QString reportProblem(const ImportResult& r, const ImportSource& source, const QList<QByteArray>& keys)
{
    for (const ImportNote& n : r.unused) {
        for (const QByteArray& k : keys)
            if (!k.isEmpty() && (n.text.contains(QString::fromUtf8(k)) || n.reason.contains(QString::fromUtf8(k))))
                return QStringLiteral("a key in %1").arg(n.toString());
        if (n.reason.isEmpty())
            return QStringLiteral("no reason: %1").arg(n.toString());
        if (n.line == 0)
            continue;
        const auto data = source.read(n.file);
        if (!data)
            return QStringLiteral("a note about a file not read: %1").arg(n.toString());
        const QList<QByteArray> lines = data.value().split('\n');
        if (n.line > lines.size())
            return QStringLiteral("no such line: %1").arg(n.toString());
        const QString line = QString::fromUtf8(lines.at(n.line - 1)).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            return QStringLiteral("a note about a blank or comment line: %1").arg(n.toString());
        if (!n.text.contains(QStringLiteral("(key)")) && n.text != shown(line.left(200)) && n.text != shown(line.left(200)) + QStringLiteral("…"))
            return QStringLiteral("the note does not quote its line: %1 (line: %2)").arg(n.toString(), line);
    }
    return {};
}

// The notes as "FILE:LINE" strings, for comparing with the lines a test expects to be unused.
inline QStringList unusedLines(const ImportResult& r)
{
    QStringList out;
    for (const ImportNote& n : r.unused)
        out << QStringLiteral("%1:%2").arg(n.file).arg(n.line);
    if (qEnvironmentVariableIsSet("IPSECWIZ_SHOW_NOTES"))
        for (const ImportNote& n : r.unused)
            qInfo("%s", qPrintable(n.toString()));
    return out;
}

// Random valid profiles whose managed gateways run FLAVOUR (racoon-tool or racoon): 2 to 4
// sites, some unmanaged (strongSwan), one of them perhaps with a changing address (racoon only,
// which can wait for one such peer), some behind NAT; 1 to 3 networks a site, tunnels carrying all
// or some of them; IKEv1 proposals racoon can do; identities of every kind racoon takes; keys.
class RandomNetworks
{
public:
    RandomNetworks(quint32 seed, Flavour flavour) : m_rng(seed), m_flavour(flavour) {}

    NetworkProfile next()
    {
        NetworkProfile n;
        n.name = QStringLiteral("net%1").arg(m_rng.bounded(1000));
        const bool v6 = m_rng.bounded(5) == 0;
        const int sites = 2 + int(m_rng.bounded(3));
        // Never the first site: it is managed.
        const int dynamicSite = m_flavour == Flavour::Racoon && m_rng.bounded(4) == 0 ? 1 + int(m_rng.bounded(quint32(sites - 1))) : -1;
        for (int i = 0; i < sites; ++i) {
            Site s;
            s.name = pick({QStringLiteral("hq"), QStringLiteral("Branch"), QStringLiteral("site"), QStringLiteral("dc_x")}) + QString::number(i);
            const int nets = 1 + int(m_rng.bounded(3));
            for (int k = 0; k < nets; ++k)
                s.networks << (v6 ? QStringLiteral("fd00:%1:%2::/64").arg(i + 1).arg(k) : QStringLiteral("10.%1.%2.0/24").arg(i + 1).arg(k * 16));
            SiteGateway& gw = s.gateway;
            gw.internalAddress = v6 ? QStringLiteral("fd00:%1:0::1").arg(i + 1) : QStringLiteral("10.%1.0.1").arg(i + 1);
            gw.localAddress = v6 ? QStringLiteral("2001:db8::%1").arg(i + 10) : QStringLiteral("198.51.100.%1").arg(i + 10);
            if (m_rng.bounded(2) == 0)
                gw.localAddress += v6 ? QStringLiteral("/64") : QStringLiteral("/24");
            gw.managed = i == 0 || m_rng.bounded(3) != 0;
            gw.flavour = gw.managed ? m_flavour : Flavour::StrongSwan;
            const int idKind = int(m_rng.bounded(4));
            if (i == dynamicSite) {
                gw.reach = Reachability::Dynamic;
                gw.managed = false;
                gw.flavour = Flavour::StrongSwan;
                gw.localAddress = v6 ? QStringLiteral("2001:db8:1::%1").arg(i + 10) : QStringLiteral("192.0.2.%1").arg(i + 10);
            } else if (m_rng.bounded(5) == 0) {
                gw.reach = Reachability::Nat;
                gw.publicAddress = v6 ? QStringLiteral("2001:db8:2::%1").arg(i + 10) : QStringLiteral("203.0.113.%1").arg(i + 10);
            }
            if (idKind == 1 || (gw.reach != Reachability::Direct && idKind != 2))
                gw.identity = {IdentityKind::Fqdn, s.name.toLower() + QStringLiteral(".example.net")};
            else if (idKind == 2)
                gw.identity = {IdentityKind::UserFqdn, QStringLiteral("gw@") + s.name.toLower() + QStringLiteral(".example.org")};
            else if (idKind == 3)
                gw.identity = {IdentityKind::Address, hostPart(gw.reach == Reachability::Nat ? gw.publicAddress : gw.localAddress)};
            n.sites << s;
        }
        for (int a = 0; a < sites; ++a) {
            for (int b = a + 1; b < sites; ++b) {
                const SiteGateway& ga = n.sites.at(a).gateway;
                const SiteGateway& gb = n.sites.at(b).gateway;
                if ((!ga.managed && !gb.managed) || (a > 0 && m_rng.bounded(3) == 0))
                    continue;
                if (ga.reach == Reachability::Dynamic && gb.reach == Reachability::Dynamic)
                    continue;
                Tunnel t;
                t.name = QStringLiteral("t%1-%2_%3").arg(a).arg(b).arg(m_rng.bounded(100));
                t.siteA = n.sites.at(a).name;
                t.siteB = n.sites.at(b).name;
                t.networksA = someOf(n.sites.at(a).networks);
                t.networksB = someOf(n.sites.at(b).networks);
                t.ike = ike();
                t.esp = esp(t.ike.lifetime);
                t.psk = psk();
                n.tunnels << t;
            }
        }
        n.ike = n.tunnels.isEmpty() ? IkeProposal{} : n.tunnels.constFirst().ike;
        n.esp = n.tunnels.isEmpty() ? EspProposal{} : n.tunnels.constFirst().esp;
        n.topology.kind = TopologyKind::Mesh;
        return n;
    }

private:
    QString pick(const QStringList& from) { return from.at(qsizetype(m_rng.bounded(quint32(from.size())))); }

    QStringList someOf(const QStringList& nets)
    {
        if (m_rng.bounded(2) == 0)
            return {};
        QStringList out;
        for (const QString& n : nets)
            if (m_rng.bounded(2) == 0)
                out << n;
        return out.isEmpty() ? QStringList{nets.constLast()} : out;
    }

    IkeProposal ike()
    {
        IkeProposal p;
        p.version = 1;
        p.encryption = pick(m_flavour == Flavour::RacoonTool ? QStringList{QStringLiteral("aes128"), QStringLiteral("3des")}
                                                              : QStringList{QStringLiteral("aes128"), QStringLiteral("aes192"), QStringLiteral("aes256"),
                                                                            QStringLiteral("3des")});
        p.integrity = pick({QStringLiteral("sha1"), QStringLiteral("sha256"), QStringLiteral("sha384"), QStringLiteral("sha512")});
        p.prf = p.integrity;
        p.dhGroup = pick({QStringLiteral("modp1024"), QStringLiteral("modp1536"), QStringLiteral("modp2048"), QStringLiteral("modp3072"),
                          QStringLiteral("modp4096")});
        p.lifetime = 3600 * (1 + int(m_rng.bounded(24)));
        return p;
    }

    EspProposal esp(int ikeLifetime)
    {
        EspProposal p;
        p.encryption = pick(m_flavour == Flavour::RacoonTool ? QStringList{QStringLiteral("aes128"), QStringLiteral("3des")}
                                                              : QStringList{QStringLiteral("aes128"), QStringLiteral("aes192"), QStringLiteral("aes256"),
                                                                            QStringLiteral("3des")});
        p.integrity = pick({QStringLiteral("sha1"), QStringLiteral("sha256"), QStringLiteral("sha384"), QStringLiteral("sha512")});
        p.pfsGroup = pick({QStringLiteral("none"), QStringLiteral("modp1024"), QStringLiteral("modp2048"), QStringLiteral("modp4096")});
        p.lifetime = 60 * (1 + int(m_rng.bounded(quint32(ikeLifetime / 60))));
        return p;
    }

    QByteArray psk()
    {
        static const QByteArray hex("0123456789abcdef");
        static const QByteArray safe("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!%&()*+,-./:<>?@[]^_|~");
        QByteArray k;
        if (m_rng.bounded(2) == 0) {
            k = "0x";
            for (int i = 0; i < 64; ++i)
                k += hex.at(qsizetype(m_rng.bounded(16)));
        } else {
            for (int i = 0; i < 20 + int(m_rng.bounded(20)); ++i)
                k += safe.at(qsizetype(m_rng.bounded(quint32(safe.size()))));
        }
        return k;
    }

    QRandomGenerator m_rng;
    Flavour m_flavour;
};

// The files of one gateway in a MemorySource rooted at /etc, as on the gateway.
inline MemorySource gatewaySource(const GatewayConfig& cfg)
{
    QHash<QString, QByteArray> files;
    for (const GeneratedFile& f : cfg.files)
        if (f.path.startsWith(QLatin1String("/etc/")))
            files.insert(f.path.mid(5), files.value(f.path.mid(5)) + f.content);
    return MemorySource(files);
}

// The identity as racoon writes it: an address identity without a value is the address peers
// reach the gateway at.
inline QString effectiveId(const SiteGateway& gw)
{
    if (gw.identity.kind == IdentityKind::Address && gw.identity.value.isEmpty())
        return hostPart(gw.peerAddress().isEmpty() ? gw.localAddress : gw.peerAddress());
    return gw.identity.value;
}

// One round trip: SITE's files back into a profile. An empty string when all that one gateway's
// files carry came back, else what differs.
inline QString roundTripProblem(const NetworkProfile& n, const QString& site, ImportFormat format)
{
    const auto cfg = Generate::gateway(n, site);
    if (!cfg)
        return QStringLiteral("generate: ") + cfg.error().toString();
    const MemorySource source = gatewaySource(cfg.value());
    ImportOptions options;
    options.siteName = site;
    const auto r = importConfig(format, source, options);
    if (!r)
        return QStringLiteral("import: ") + r.error().toString();
    const ImportResult& got = r.value();
    if (!got.unused.isEmpty()) {
        QStringList notes;
        for (const ImportNote& note : got.unused)
            notes << note.toString();
        return QStringLiteral("unused notes for our own output:\n") + notes.join(QLatin1Char('\n'));
    }
    const Site& orig = *n.site(site);
    if (got.network.sites.isEmpty())
        return QStringLiteral("no site");
    const Site& us = got.network.sites.constFirst();
    if (got.network.name != n.name)
        return QStringLiteral("network name %1").arg(got.network.name);
    if (us.name != site || !us.gateway.managed || us.gateway.flavour != orig.gateway.flavour)
        return QStringLiteral("site name, managed or flavour: %1").arg(us.name);
    // racoon writes the address on the interface without its prefix: the prefix does not come back.
    // A racoon gateway whose only peer has a changing address names its own address nowhere but
    // in an address identity: then it comes back from there, else it cannot.
    if (hostPart(us.gateway.localAddress) != hostPart(orig.gateway.localAddress)
        && !(us.gateway.localAddress.isEmpty() && orig.gateway.identity.kind != IdentityKind::Address))
        return QStringLiteral("localAddress %1, expected %2").arg(us.gateway.localAddress, orig.gateway.localAddress);
    // Behind NAT, the files show the identity but not the public address: the importer reads the
    // site as reached directly, so the identity is compared as racoon writes it.
    SiteGateway usAsImported = us.gateway;
    if (usAsImported.localAddress.isEmpty())
        usAsImported.localAddress = orig.gateway.localAddress;
    if (us.gateway.identity.kind != orig.gateway.identity.kind || effectiveId(usAsImported) != effectiveId(orig.gateway))
        return QStringLiteral("identity %1 %2, expected %3 %4")
            .arg(identityKindId(us.gateway.identity.kind), effectiveId(usAsImported), identityKindId(orig.gateway.identity.kind), effectiveId(orig.gateway));
    QStringList ownNets;
    int touching = 0;
    for (const Tunnel& t : n.tunnels) {
        if (t.siteA != site && t.siteB != site)
            continue;
        ++touching;
        const Side side = t.siteA == site ? Side::A : Side::B;
        for (const QString& net : n.networksOf(t, side))
            if (!ownNets.contains(net))
                ownNets << net;
        const int ti = got.network.tunnelIndex(t.name);
        if (ti < 0)
            return QStringLiteral("no tunnel named %1").arg(t.name);
        const Tunnel& it = got.network.tunnels.at(ti);
        const Site* peer = got.network.site(it.siteA == site ? it.siteB : it.siteA);
        const Site& far = *n.site(side == Side::A ? t.siteB : t.siteA);
        if (!peer || peer->gateway.managed)
            return QStringLiteral("tunnel %1: no unmanaged peer site").arg(t.name);
        // The comments at the top of our files name the far site and the network.
        if (peer->name != (side == Side::A ? t.siteB : t.siteA))
            return QStringLiteral("tunnel %1: peer site %2").arg(t.name, peer->name);
        if ((far.gateway.reach == Reachability::Dynamic) != (peer->gateway.reach == Reachability::Dynamic))
            return QStringLiteral("tunnel %1: the peer's reachability").arg(t.name);
        if (hostPart(peer->gateway.peerAddress()) != hostPart(far.gateway.peerAddress()))
            return QStringLiteral("tunnel %1: peer address %2, expected %3").arg(t.name, peer->gateway.peerAddress(), far.gateway.peerAddress());
        if (peer->gateway.identity.kind != far.gateway.identity.kind || effectiveId(peer->gateway) != effectiveId(far.gateway))
            return QStringLiteral("tunnel %1: peer identity %2").arg(t.name, effectiveId(peer->gateway));
        const Side itUs = it.siteA == site ? Side::A : Side::B;
        if (got.network.networksOf(it, itUs) != n.networksOf(t, side))
            return QStringLiteral("tunnel %1: local networks %2, expected %3")
                .arg(t.name, got.network.networksOf(it, itUs).join(QLatin1Char(' ')), n.networksOf(t, side).join(QLatin1Char(' ')));
        if (got.network.networksOf(it, otherSide(itUs)) != n.networksOf(t, otherSide(side)))
            return QStringLiteral("tunnel %1: remote networks %2, expected %3")
                .arg(t.name, got.network.networksOf(it, otherSide(itUs)).join(QLatin1Char(' ')), n.networksOf(t, otherSide(side)).join(QLatin1Char(' ')));
        if (it.ike != t.ike)
            return QStringLiteral("tunnel %1: IKE %2 %3 %4 %5 %6").arg(t.name, it.ike.encryption, it.ike.integrity, it.ike.dhGroup).arg(it.ike.lifetime).arg(it.ike.version);
        if (it.esp != t.esp)
            return QStringLiteral("tunnel %1: ESP %2 %3 %4 %5").arg(t.name, it.esp.encryption, it.esp.integrity, it.esp.pfsGroup).arg(it.esp.lifetime);
        if (it.psk != t.psk)
            return QStringLiteral("tunnel %1: the key differs").arg(t.name);
    }
    if (got.network.tunnels.size() != touching)
        return QStringLiteral("%1 tunnels, expected %2").arg(got.network.tunnels.size()).arg(touching);
    // The site's networks no tunnel carries are in none of its files.
    QStringList gotNets = us.networks;
    gotNets.sort();
    ownNets.sort();
    if (gotNets != ownNets)
        return QStringLiteral("site networks %1, expected %2").arg(gotNets.join(QLatin1Char(' ')), ownNets.join(QLatin1Char(' ')));
    return {};
}

} // namespace ipsecwiz::test
