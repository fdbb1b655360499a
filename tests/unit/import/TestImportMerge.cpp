// mergeImports: every managed gateway of a generated network imported with its own importer and
// merged gives the network back (as far as the importers recover it); one half broken (another key,
// ESP proposal, remote network or identity) gives exactly one finding naming the field and both
// values, never a key; a gateway imported alone keeps its peers unmanaged; and two hundred seeded
// random networks of strongSwan, racoon-tool and racoon gateways come back with every tunnel once.

#include "ImportMerge.h"
#include "RacoonImportSupport.h"
#include "TestSupport.h"

#include <QTest>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

using Edit = std::pair<QByteArray, QByteArray>; // every FIRST in the site's files becomes SECOND

ImportFormat formatOf(Flavour flavour)
{
    switch (flavour) {
    case Flavour::RacoonTool: return ImportFormat::RacoonTool;
    case Flavour::Racoon: return ImportFormat::Racoon;
    case Flavour::StrongSwan: break;
    }
    return ImportFormat::Swanctl;
}

// SITE's generated files, as on the gateway (a Debian swanctl.conf that includes conf.d), EDIT applied.
Result<ImportResult> importSite(const NetworkProfile& n, const QString& site, const GatewayConfig& cfg, const QList<Edit>& edits = {})
{
    QHash<QString, QByteArray> files;
    const Flavour flavour = n.site(site)->gateway.flavour;
    if (flavour == Flavour::StrongSwan)
        files.insert(QStringLiteral("swanctl/swanctl.conf"), "# Debian's swanctl.conf\ninclude conf.d/*.conf\n");
    for (const GeneratedFile& f : cfg.files)
        if (f.path.startsWith(QLatin1String("/etc/")))
            files.insert(f.path.mid(5), files.value(f.path.mid(5)) + f.content);
    for (QByteArray& content : files)
        for (const Edit& e : edits)
            content.replace(e.first, e.second);
    ImportOptions options;
    options.siteName = site;
    return importConfig(formatOf(flavour), MemorySource(files), options);
}

// Every managed gateway of N imported, in the profile's order; EDITS apply to site EDITED's files.
QList<ImportResult> importAll(const NetworkProfile& n, const QString& edited = {}, const QList<Edit>& edits = {}, QString* error = nullptr)
{
    QList<ImportResult> out;
    const auto made = Generate::gateways(n);
    if (!made) {
        if (error)
            *error = QStringLiteral("generate: ") + made.error().toString();
        return {};
    }
    for (const auto& [site, cfg] : made.value()) {
        const auto r = importSite(n, site, cfg, site == edited ? edits : QList<Edit>{});
        if (!r) {
            if (error)
                *error = QStringLiteral("import %1: %2").arg(site, r.error().toString());
            return {};
        }
        out << r.value();
    }
    return out;
}

QString findingsText(const QList<Finding>& findings)
{
    QStringList out;
    for (const Finding& f : findings)
        out << f.toString() + QStringLiteral(" | ") + f.fix;
    return out.join(QLatin1Char('\n'));
}

QString notesText(const QList<ImportNote>& notes)
{
    QStringList out;
    for (const ImportNote& n : notes)
        out << n.toString();
    return out.join(QLatin1Char('\n'));
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

// The networks SITE's tunnels carry on it: all a gateway's files say of a site's networks.
QStringList carried(const NetworkProfile& n, const QString& site)
{
    QStringList out;
    for (const Tunnel& t : n.tunnels)
        for (Side side : {Side::A, Side::B})
            if ((side == Side::A ? t.siteA : t.siteB) == site)
                for (const QString& net : n.networksOf(t, side))
                    if (!out.contains(net))
                        out << net;
    return sorted(out);
}

bool hasManagedPeer(const NetworkProfile& n, const QString& site)
{
    for (const Tunnel& t : n.tunnels)
        if (t.siteA == site || t.siteB == site)
            if (n.site(t.siteA == site ? t.siteB : t.siteA)->gateway.managed)
                return true;
    return false;
}

// What differs between ORIGINAL and the merge of its gateways' imports, in what the files carry:
// not a site's internal address, default router, SSH target, the prefix of its address, networks
// no tunnel carries, an unmanaged site's flavour, nor the public address of a site behind NAT that
// no managed gateway reaches. Empty when nothing differs; findings and notes are a difference.
QString mergeProblem(const NetworkProfile& original, const ImportResult& merged)
{
    const NetworkProfile& m = merged.network;
    if (!merged.findings.isEmpty())
        return QStringLiteral("findings:\n") + findingsText(merged.findings);
    if (!merged.unused.isEmpty())
        return QStringLiteral("notes:\n") + notesText(merged.unused);
    if (m.name != original.name)
        return QStringLiteral("network name %1").arg(m.name);
    int expectedSites = 0;
    for (const Site& o : original.sites) {
        const bool inFiles = o.gateway.managed || !carried(original, o.name).isEmpty();
        if (!inFiles) {
            if (m.site(o.name))
                return QStringLiteral("site %1 is in no file, but merged").arg(o.name);
            continue;
        }
        ++expectedSites;
        const Site* s = m.site(o.name);
        if (!s)
            return QStringLiteral("no site %1").arg(o.name);
        if (s->gateway.managed != o.gateway.managed)
            return QStringLiteral("site %1: managed %2").arg(o.name).arg(s->gateway.managed);
        if (sorted(s->networks) != carried(original, o.name))
            return QStringLiteral("site %1: networks %2, expected %3").arg(o.name, s->networks.join(QLatin1Char(' ')), carried(original, o.name).join(QLatin1Char(' ')));
        if ((s->gateway.reach == Reachability::Dynamic) != (o.gateway.reach == Reachability::Dynamic))
            return QStringLiteral("site %1: dynamic or not").arg(o.name);
        if (effectiveId(s->gateway) != effectiveId(o.gateway) || s->gateway.identity.kind != o.gateway.identity.kind)
            return QStringLiteral("site %1: identity %2 %3, expected %4").arg(o.name, identityKindId(s->gateway.identity.kind), effectiveId(s->gateway), effectiveId(o.gateway));
        if (!o.gateway.managed) {
            if (hostPart(s->gateway.peerAddress()) != hostPart(o.gateway.peerAddress()))
                return QStringLiteral("site %1: peer address %2").arg(o.name, s->gateway.peerAddress());
            continue;
        }
        if (s->gateway.flavour != o.gateway.flavour)
            return QStringLiteral("site %1: flavour %2").arg(o.name, flavourId(s->gateway.flavour));
        if (o.gateway.reach == Reachability::Dynamic)
            continue;
        // racoon names the address only in its policies: a gateway whose only peer is dynamic has none.
        if (!s->gateway.localAddress.isEmpty() && hostPart(s->gateway.localAddress) != hostPart(o.gateway.localAddress))
            return QStringLiteral("site %1: address %2, expected %3").arg(o.name, s->gateway.localAddress, o.gateway.localAddress);
        if (s->gateway.reach == Reachability::Nat || (o.gateway.reach == Reachability::Nat && hasManagedPeer(original, o.name))) {
            if (s->gateway.reach != o.gateway.reach || hostPart(s->gateway.publicAddress) != hostPart(o.gateway.publicAddress))
                return QStringLiteral("site %1: %2 at %3, expected %4 at %5")
                    .arg(o.name, reachabilityId(s->gateway.reach), s->gateway.publicAddress, reachabilityId(o.gateway.reach), o.gateway.publicAddress);
        }
    }
    if (m.sites.size() != expectedSites)
        return QStringLiteral("%1 sites, expected %2").arg(m.sites.size()).arg(expectedSites);
    if (m.tunnels.size() != original.tunnels.size())
        return QStringLiteral("%1 tunnels, expected %2").arg(m.tunnels.size()).arg(original.tunnels.size());
    for (const Tunnel& t : original.tunnels) {
        const int i = m.tunnelIndex(t.name);
        if (i < 0)
            return QStringLiteral("no tunnel %1").arg(t.name);
        const Tunnel& g = m.tunnels.at(i);
        const bool same = g.siteA == t.siteA && g.siteB == t.siteB;
        const bool swapped = g.siteA == t.siteB && g.siteB == t.siteA;
        if (!same && !swapped)
            return QStringLiteral("tunnel %1 joins %2 and %3").arg(t.name, g.siteA, g.siteB);
        for (Side side : {Side::A, Side::B}) {
            const QStringList got = sorted(m.networksOf(g, same ? side : otherSide(side)));
            if (got != sorted(original.networksOf(t, side)))
                return QStringLiteral("tunnel %1: networks %2 on side %3").arg(t.name, got.join(QLatin1Char(' ')), sideId(side));
        }
        if (g.ike != t.ike)
            return QStringLiteral("tunnel %1: IKE %2").arg(t.name, g.ike.encryption);
        if (g.esp != t.esp)
            return QStringLiteral("tunnel %1: ESP %2").arg(t.name, g.esp.encryption);
        if (g.psk != t.psk)
            return QStringLiteral("tunnel %1: the key differs").arg(t.name);
    }
    return {};
}

void setProposals(NetworkProfile& n, int ikeVersion, const QString& encryption)
{
    for (Tunnel& t : n.tunnels) {
        t.ike.version = ikeVersion;
        t.ike.encryption = t.esp.encryption = encryption;
        t.ike.integrity = t.ike.prf = t.esp.integrity = QStringLiteral("sha256");
        t.ike.dhGroup = t.esp.pfsGroup = QStringLiteral("modp2048");
    }
    n.ike = n.tunnels.constFirst().ike;
    n.esp = n.tunnels.constFirst().esp;
}

// hq (10.0.0.0/16) and branch (two networks), FQDN identities, one tunnel "hq-branch".
NetworkProfile pairNetwork(Flavour hq, Flavour branch)
{
    NetworkProfile n;
    n.name = QStringLiteral("pair");
    Site a;
    a.name = QStringLiteral("hq");
    a.networks = {QStringLiteral("10.0.0.0/16")};
    a.gateway.localAddress = QStringLiteral("203.0.113.1");
    a.gateway.internalAddress = QStringLiteral("10.0.0.1");
    a.gateway.flavour = hq;
    a.gateway.identity = {IdentityKind::Fqdn, QStringLiteral("hq.example.net")};
    Site b;
    b.name = QStringLiteral("branch");
    b.networks = {QStringLiteral("10.1.0.0/24"), QStringLiteral("10.11.0.0/24")};
    b.gateway.localAddress = QStringLiteral("198.51.100.10");
    b.gateway.internalAddress = QStringLiteral("10.1.0.1");
    b.gateway.flavour = branch;
    b.gateway.identity = {IdentityKind::Fqdn, QStringLiteral("branch.example.net")};
    n.sites = {a, b};
    n.tunnels = Network::tunnelsFor(n.sites, n.topology, n.ike, n.esp);
    n = withKeys(n);
    if (isRacoon(hq) || isRacoon(branch))
        setProposals(n, 1, QStringLiteral("aes128"));
    return n;
}

// The example hub and spokes: hq strongSwan, branch1 (behind NAT) racoon-tool, branch2 (dynamic)
// strongSwan, branch3 (an address identity, two networks) racoon; IKEv1 proposals all of them have.
NetworkProfile mixedHubAndSpoke()
{
    NetworkProfile n = hubAndSpoke();
    for (Site& s : n.sites)
        if (s.name == QLatin1String("branch1"))
            s.gateway.flavour = Flavour::RacoonTool;
        else if (s.name == QLatin1String("branch3"))
            s.gateway.flavour = Flavour::Racoon;
    setProposals(n, 1, QStringLiteral("aes128"));
    return n;
}

NetworkProfile namedNetwork(const QString& name)
{
    if (name == QLatin1String("pair-strongswan"))
        return pairNetwork(Flavour::StrongSwan, Flavour::StrongSwan);
    if (name == QLatin1String("pair-strongswan-racoon-tool"))
        return pairNetwork(Flavour::StrongSwan, Flavour::RacoonTool);
    if (name == QLatin1String("pair-racoon-strongswan"))
        return pairNetwork(Flavour::Racoon, Flavour::StrongSwan);
    if (name == QLatin1String("pair-racoon-tool-racoon"))
        return pairNetwork(Flavour::RacoonTool, Flavour::Racoon);
    if (name == QLatin1String("hub-strongswan"))
        return hubAndSpoke();
    if (name == QLatin1String("hub-racoon"))
        return hubAndSpokeRacoon();
    return mixedHubAndSpoke();
}

} // namespace

class TestImportMerge final : public QObject
{
    Q_OBJECT

private slots:
    void mergedEqualsTheOriginal_data()
    {
        QTest::addColumn<QString>("network");
        for (const char* name : {"pair-strongswan", "pair-strongswan-racoon-tool", "pair-racoon-strongswan", "pair-racoon-tool-racoon", "hub-strongswan",
                                 "hub-racoon", "hub-mixed"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void mergedEqualsTheOriginal()
    {
        QFETCH(QString, network);
        const NetworkProfile n = namedNetwork(network);
        QVERIFY2(!hasErrors(Network::validate(n)), qPrintable(findingsText(Network::validate(n))));
        QString error;
        QList<ImportResult> imports = importAll(n, {}, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(imports.size(), Generate::managedSites(n).size());
        const ImportResult merged = mergeImports(imports);
        const QString problem = mergeProblem(n, merged);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Valid but for what no gateway's files say: the internal address (the admin fills it in).
        QList<Finding> errors;
        for (const Finding& f : Network::validate(merged.network))
            if (f.severity == Severity::Error && !f.field.endsWith(QLatin1String(".gateway.internalAddress")))
                errors << f;
        QVERIFY2(errors.isEmpty(), qPrintable(findingsText(errors)));
        // The order of the imports says which half comes first, not what the network is.
        std::reverse(imports.begin(), imports.end());
        const QString reversed = mergeProblem(n, mergeImports(imports));
        QVERIFY2(reversed.isEmpty(), qPrintable(QStringLiteral("reversed: ") + reversed));
    }

    void oneBrokenHalfIsOneFinding_data()
    {
        QTest::addColumn<QString>("network");
        QTest::addColumn<QString>("site"); // whose files are broken
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QStringList>("values"); // both sides' values, in the message
        const QByteArray key = "0x" + QByteArray("1").repeated(64);
        const QByteArray otherKey = "0x" + QByteArray("9").repeated(64);
        const QString tunnel = QStringLiteral("hq-branch");
        const QString Branch = QStringLiteral("branch");
        QTest::newRow("strongswan-psk") << QStringLiteral("pair-strongswan") << Branch << key << otherKey << Network::tunnelPath(tunnel, QStringLiteral("psk"))
                                        << QStringList{QStringLiteral("the keys differ")};
        QTest::newRow("racoon-tool-psk") << QStringLiteral("pair-strongswan-racoon-tool") << Branch << key << otherKey
                                         << Network::tunnelPath(tunnel, QStringLiteral("psk")) << QStringList{QStringLiteral("the keys differ")};
        QTest::newRow("racoon-psk") << QStringLiteral("pair-racoon-tool-racoon") << Branch << key << otherKey << Network::tunnelPath(tunnel, QStringLiteral("psk"))
                                    << QStringList{QStringLiteral("the keys differ")};
        QTest::newRow("esp-proposal") << QStringLiteral("pair-strongswan") << Branch << QByteArray("esp_proposals = aes256gcm16-curve25519")
                                      << QByteArray("esp_proposals = aes128gcm16-curve25519") << Network::tunnelPath(tunnel, QStringLiteral("esp.encryption"))
                                      << QStringList{QStringLiteral("aes256gcm16 in hq's"), QStringLiteral("aes128gcm16 in branch's")};
        QTest::newRow("remote-network") << QStringLiteral("pair-strongswan") << Branch << QByteArray("remote_ts = 10.0.0.0/16") << QByteArray("remote_ts = 10.9.0.0/24")
                                        << Network::tunnelPath(tunnel, QStringLiteral("networksA"))
                                        << QStringList{QStringLiteral("carry 10.0.0.0/16"), QStringLiteral("expect 10.9.0.0/24")};
        QTest::newRow("peer-identity") << QStringLiteral("pair-strongswan") << Branch << QByteArray("@hq.example.net") << QByteArray("@other.example.net")
                                       << Network::sitePath(0, QStringLiteral("gateway.identity"))
                                       << QStringList{QStringLiteral("fqdn other.example.net"), QStringLiteral("fqdn hq.example.net")};
        QTest::newRow("racoon-peer-identity") << QStringLiteral("pair-racoon-strongswan") << Branch << QByteArray("@branch.example.net")
                                              << QByteArray("@other.example.net") << Network::sitePath(1, QStringLiteral("gateway.identity"))
                                              << QStringList{QStringLiteral("fqdn branch.example.net"), QStringLiteral("fqdn other.example.net")};
        // branch3 is known by its address: another address is no NAT, but a wrong address.
        QTest::newRow("peer-address") << QStringLiteral("hub-strongswan") << QStringLiteral("hq") << QByteArray("remote_addrs = 198.51.100.20")
                                      << QByteArray("remote_addrs = 198.51.100.99") << Network::sitePath(3, QStringLiteral("gateway.localAddress"))
                                      << QStringList{QStringLiteral("at 198.51.100.99"), QStringLiteral("address as 198.51.100.20"), QStringLiteral("“hq-branch3”")};
        QTest::newRow("racoon-ike-lifetime") << QStringLiteral("pair-racoon-tool-racoon") << Branch << QByteArray("lifetime time 14400 sec")
                                             << QByteArray("lifetime time 7200 sec") << Network::tunnelPath(tunnel, QStringLiteral("ike.lifetime"))
                                             << QStringList{QStringLiteral("14400 in hq's"), QStringLiteral("7200 in branch's")};
    }

    // The branch's files broken in one place; hq is imported first, so the merged tunnel keeps hq's.
    void oneBrokenHalfIsOneFinding()
    {
        QFETCH(QString, network);
        QFETCH(QString, site);
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, field);
        QFETCH(QStringList, values);
        const NetworkProfile n = namedNetwork(network);
        QString error;
        const QList<ImportResult> imports = importAll(n, site, {{from, to}}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const ImportResult merged = mergeImports(imports);
        const QString text = findingsText(merged.findings);
        QVERIFY2(merged.findings.size() == 1, qPrintable(text));
        const Finding& f = merged.findings.constFirst();
        QCOMPARE(f.field, field);
        QCOMPARE(f.severity, field.endsWith(QLatin1String("lifetime")) ? Severity::Warning : Severity::Error);
        for (const QString& v : values)
            QVERIFY2(f.message.contains(v), qPrintable(text));
        QVERIFY2(f.fix.contains(QStringLiteral("hq")), qPrintable(text));
        // No key in any finding or note, neither the right one nor the wrong one.
        const QString notes = notesText(merged.unused);
        for (const Tunnel& t : n.tunnels)
            for (const QByteArray& k : {*t.psk, to}) {
                if (!k.startsWith("0x"))
                    continue;
                for (const QString& shown : {QString::fromLatin1(k), QString::fromLatin1(k.mid(2))}) {
                    QVERIFY2(!text.contains(shown), qPrintable(text));
                    QVERIFY2(!notes.contains(shown), qPrintable(notes));
                }
            }
        // Everything else is as it was, with the first import's value (hq's) where they disagree.
        QCOMPARE(merged.network.tunnels.size(), n.tunnels.size());
        QCOMPARE(merged.network.sites.size(), n.sites.size());
        for (const Tunnel& t : n.tunnels) {
            const int i = merged.network.tunnelIndex(t.name);
            QVERIFY2(i >= 0, qPrintable(t.name));
            QCOMPARE(merged.network.tunnels.at(i).psk, t.psk);
            QCOMPARE(merged.network.tunnels.at(i).ike, t.ike);
            QCOMPARE(merged.network.tunnels.at(i).esp, t.esp);
        }
    }

    void aGatewayAloneKeepsItsPeersUnmanaged()
    {
        const NetworkProfile n = mixedHubAndSpoke();
        const auto cfg = Generate::gateway(n, QStringLiteral("hq"));
        QVERIFY2(cfg.ok(), qPrintable(errorText(cfg)));
        const auto r = importSite(n, QStringLiteral("hq"), cfg.value());
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        const ImportResult merged = mergeImports({r.value()});
        QVERIFY2(merged.findings.isEmpty(), qPrintable(findingsText(merged.findings)));
        QCOMPARE(merged.network.sites.size(), 4);
        QVERIFY(merged.network.site(QStringLiteral("hq"))->gateway.managed);
        for (const char* peer : {"branch1", "branch2", "branch3"}) {
            const Site* s = merged.network.site(QString::fromLatin1(peer));
            QVERIFY2(s && !s->gateway.managed, peer);
        }
        QCOMPARE(merged.network.tunnels.size(), 3);
        QCOMPARE(merged.network, r.value().network);
        // A spoke's peer hq is unmanaged until hq's files are merged too.
        const auto spoke = importSite(n, QStringLiteral("branch3"), Generate::gateway(n, QStringLiteral("branch3")).value());
        QVERIFY2(spoke.ok(), qPrintable(errorText(spoke)));
        const ImportResult two = mergeImports({spoke.value(), r.value()});
        QVERIFY2(two.findings.isEmpty(), qPrintable(findingsText(two.findings)));
        QCOMPARE(two.network.sites.size(), 4);
        QVERIFY(two.network.site(QStringLiteral("hq"))->gateway.managed);
        QVERIFY(two.network.site(QStringLiteral("branch3"))->gateway.managed);
        QVERIFY(!two.network.site(QStringLiteral("branch1"))->gateway.managed);
        QCOMPARE(two.network.tunnels.size(), 3);
    }

    // Two tunnels between hq and branch (validation refuses that for our own files, but a
    // hand-written pair of gateways may have it): one matched by its name, the other (named
    // otherwise in branch's files) by its networks; one only hq has is a warning.
    void severalTunnelsBetweenOnePair()
    {
        NetworkProfile n = pairNetwork(Flavour::StrongSwan, Flavour::StrongSwan);
        n.sites[0].networks << QStringLiteral("10.5.0.0/24");
        n.tunnels[0].networksA = {QStringLiteral("10.0.0.0/16")};
        n.tunnels[0].networksB = {QStringLiteral("10.1.0.0/24")};
        Tunnel voice = n.tunnels.constFirst();
        voice.name = QStringLiteral("voice");
        voice.networksA = {QStringLiteral("10.5.0.0/24")};
        voice.networksB = {QStringLiteral("10.11.0.0/24")};
        voice.psk = "0x" + QByteArray("2").repeated(64);
        n.tunnels << voice;
        // Each gateway's import as the importers make it: its own site first, the other unmanaged,
        // every tunnel from its own end.
        QList<ImportResult> imports;
        for (const QString& own : {QStringLiteral("hq"), QStringLiteral("branch")}) {
            ImportResult r;
            r.network = n;
            if (own == QLatin1String("branch"))
                std::swap(r.network.sites[0], r.network.sites[1]);
            r.network.sites[1].gateway.managed = false;
            for (Tunnel& t : r.network.tunnels)
                if (t.siteA != own) {
                    std::swap(t.siteA, t.siteB);
                    std::swap(t.networksA, t.networksB);
                }
            imports << r;
        }
        imports[1].network.tunnels[1].name = QStringLiteral("phone");
        ImportResult merged = mergeImports(imports);
        QVERIFY2(merged.findings.isEmpty(), qPrintable(findingsText(merged.findings)));
        QCOMPARE(merged.network.tunnels.size(), 2);
        QCOMPARE(merged.network.tunnels.at(0), n.tunnels.at(0));
        QCOMPARE(merged.network.tunnels.at(1), n.tunnels.at(1));
        // The same with the names swapped in branch's files: the networks decide.
        std::swap(imports[1].network.tunnels[0].name, imports[1].network.tunnels[1].name);
        merged = mergeImports(imports);
        QVERIFY2(merged.findings.isEmpty(), qPrintable(findingsText(merged.findings)));
        QCOMPARE(merged.network.tunnels.at(1), n.tunnels.at(1));
        // branch's files lose "voice" ("phone" there): hq's half stays, with a warning.
        std::swap(imports[1].network.tunnels[0].name, imports[1].network.tunnels[1].name);
        imports[1].network.tunnels.removeLast();
        merged = mergeImports(imports);
        QCOMPARE(merged.network.tunnels.size(), 2);
        QVERIFY2(merged.findings.size() == 1, qPrintable(findingsText(merged.findings)));
        QCOMPARE(merged.findings.constFirst().severity, Severity::Warning);
        QCOMPARE(merged.findings.constFirst().field, Network::tunnelPath(QStringLiteral("voice")));
        QVERIFY2(merged.findings.constFirst().message.contains(QStringLiteral("only hq's files")), qPrintable(findingsText(merged.findings)));
    }

    // c is behind NAT and known by its name: a's files teach the merge its public address, and
    // b's files, which reach it elsewhere, are a finding that names all three addresses.
    void aPublicAddressLearnedFromOnePeerAndContradictedByAnother()
    {
        NetworkProfile n;
        n.name = QStringLiteral("mesh");
        for (int i = 0; i < 3; ++i) {
            Site s;
            s.name = QString(QLatin1Char(char('a' + i)));
            s.networks = {QStringLiteral("10.%1.0.0/24").arg(i + 1)};
            s.gateway.localAddress = QStringLiteral("192.0.2.%1").arg(i + 1);
            s.gateway.internalAddress = QStringLiteral("10.%1.0.1").arg(i + 1);
            s.gateway.identity = {IdentityKind::Fqdn, s.name + QStringLiteral(".example.net")};
            n.sites << s;
        }
        Network::setReach(n.sites[2], Reachability::Nat, QStringLiteral("203.0.113.3"));
        n.topology.kind = TopologyKind::Mesh;
        n.tunnels = Network::tunnelsFor(n.sites, n.topology, n.ike, n.esp);
        n = withKeys(n);
        QVERIFY2(!hasErrors(Network::validate(n)), qPrintable(findingsText(Network::validate(n))));
        QString error;
        const QList<ImportResult> clean = importAll(n, {}, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const ImportResult merged = mergeImports(clean);
        QVERIFY2(mergeProblem(n, merged).isEmpty(), qPrintable(mergeProblem(n, merged)));
        QCOMPARE(merged.network.site(QStringLiteral("c"))->gateway.reach, Reachability::Nat);
        QCOMPARE(merged.network.site(QStringLiteral("c"))->gateway.publicAddress, QStringLiteral("203.0.113.3"));
        const QList<ImportResult> broken = importAll(n, QStringLiteral("b"), {{"remote_addrs = 203.0.113.3", "remote_addrs = 203.0.113.33"}}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const ImportResult m = mergeImports(broken);
        QVERIFY2(m.findings.size() == 1, qPrintable(findingsText(m.findings)));
        const Finding& f = m.findings.constFirst();
        QCOMPARE(f.field, Network::sitePath(2, QStringLiteral("gateway.publicAddress")));
        for (const char* part : {"b's files (tunnels “b-c”) reach site c at 203.0.113.33", "c's own files give its address as 192.0.2.3",
                                 "a's files reach it at 203.0.113.3"})
            QVERIFY2(f.message.contains(QString::fromUtf8(part)), qPrintable(findingsText(m.findings)));
    }

    void theSameGatewayTwiceIsAWarning()
    {
        const NetworkProfile n = pairNetwork(Flavour::StrongSwan, Flavour::StrongSwan);
        const auto cfg = Generate::gateway(n, QStringLiteral("hq"));
        QVERIFY2(cfg.ok(), qPrintable(errorText(cfg)));
        const auto r = importSite(n, QStringLiteral("hq"), cfg.value());
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        const ImportResult merged = mergeImports({r.value(), r.value()});
        QVERIFY2(merged.findings.size() == 1, qPrintable(findingsText(merged.findings)));
        QCOMPARE(merged.findings.constFirst().severity, Severity::Warning);
        QVERIFY2(merged.findings.constFirst().message.contains(QStringLiteral("hq and hq-2")), qPrintable(findingsText(merged.findings)));
        // The peer both know is one unmanaged site.
        QCOMPARE(merged.network.sites.size(), 3);
        QVERIFY(!merged.network.site(QStringLiteral("branch"))->gateway.managed);
        QCOMPARE(merged.network.tunnels.size(), 2);
    }

    // What no importer makes does not crash the merge: nothing, an import without sites, a tunnel
    // to a site its import does not have, two peers without address or identity.
    void oddInputIsMergedQuietly()
    {
        QCOMPARE(mergeImports({}).network.sites.size(), 0);
        ImportResult empty;
        empty.unused << ImportNote{QStringLiteral("racoon.conf"), 1, QStringLiteral("x"), QStringLiteral("why")};
        ImportResult odd;
        odd.network = pairNetwork(Flavour::StrongSwan, Flavour::StrongSwan);
        odd.network.sites[1].gateway.managed = false;
        odd.network.sites[1].gateway.localAddress.clear();
        odd.network.sites[1].gateway.reach = Reachability::Dynamic;
        odd.network.sites[1].gateway.identity = {};
        Tunnel stray = odd.network.tunnels.constFirst();
        stray.name = QStringLiteral("stray");
        stray.siteB = QStringLiteral("nowhere");
        odd.network.tunnels << stray;
        const ImportResult merged = mergeImports({empty, odd, odd});
        QCOMPARE(merged.unused.constFirst().file, QStringLiteral("import 1: racoon.conf"));
        QCOMPARE(merged.network.tunnels.size(), 4);
        QVERIFY(merged.network.siteIndex(QStringLiteral("branch-2")) >= 0); // not one site with the other import's
    }

    void notesAndFindingsAreKeptWithTheirSite()
    {
        ImportResult a;
        a.network = pairNetwork(Flavour::StrongSwan, Flavour::StrongSwan);
        a.network.sites[1].gateway.managed = false;
        a.unused << ImportNote{QStringLiteral("swanctl/swanctl.conf"), 3, QStringLiteral("pools { }"), QStringLiteral("Virtual IP pools")};
        a.findings << Finding{Severity::Warning, QStringLiteral("remote x"), QStringLiteral("contradicts itself"), {}};
        const ImportResult merged = mergeImports({a});
        QCOMPARE(merged.unused.size(), 1);
        QCOMPARE(merged.unused.constFirst().file, QStringLiteral("hq: swanctl/swanctl.conf"));
        QCOMPARE(merged.findings.size(), 1);
        QCOMPARE(merged.findings.constFirst().message, QStringLiteral("hq: contradicts itself"));
    }

    // Random valid networks (racoon-tool or racoon gateways, some of them switched to strongSwan,
    // some tunnels between two strongSwan gateways in IKEv2), each managed gateway imported with its
    // own importer: the merge, in either order, has every tunnel once. Then one field of one half
    // of a tunnel between two managed gateways is changed: exactly one finding, on that field.
    void randomNetworksComeBack()
    {
        int profiles = 0, gateways = 0, tunnels = 0, rejected = 0, swan = 0, nat = 0, both = 0, ikev2 = 0, broke = 0;
        for (quint32 seed = 1; profiles < 200; ++seed) {
            RandomNetworks random(seed, seed % 2 ? Flavour::RacoonTool : Flavour::Racoon);
            NetworkProfile n = random.next();
            QRandomGenerator rng(seed);
            for (Site& s : n.sites)
                if (s.gateway.managed && rng.bounded(3) == 0)
                    s.gateway.flavour = Flavour::StrongSwan;
            // Between two strongSwan gateways, IKEv2 with what racoon has not.
            for (Tunnel& t : n.tunnels)
                if (n.site(t.siteA)->gateway.flavour == Flavour::StrongSwan && n.site(t.siteB)->gateway.flavour == Flavour::StrongSwan
                    && rng.bounded(2) == 0) {
                    t.ike.version = 2;
                    t.ike.encryption = t.esp.encryption = QStringLiteral("aes256gcm16");
                    t.ike.integrity = t.esp.integrity = QStringLiteral("none");
                    t.ike.dhGroup = t.esp.pfsGroup = QStringLiteral("curve25519");
                    t.ike.prf = QStringLiteral("sha384");
                    ++ikev2;
                }
            if (hasErrors(Network::validate(n))) {
                ++rejected;
                QVERIFY2(rejected < 4000, "the random networks are mostly invalid");
                continue;
            }
            ++profiles;
            QString error;
            QList<ImportResult> imports = importAll(n, {}, {}, &error);
            QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(error)));
            gateways += int(imports.size());
            tunnels += int(n.tunnels.size());
            for (const Site& s : n.sites) {
                swan += s.gateway.managed && s.gateway.flavour == Flavour::StrongSwan;
                nat += s.gateway.managed && s.gateway.reach == Reachability::Nat && hasManagedPeer(n, s.name);
            }
            for (const Tunnel& t : n.tunnels)
                both += n.site(t.siteA)->gateway.managed && n.site(t.siteB)->gateway.managed;
            const QString problem = mergeProblem(n, mergeImports(imports));
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(problem)));
            QList<ImportResult> reversed = imports;
            std::reverse(reversed.begin(), reversed.end());
            const QString reversedProblem = mergeProblem(n, mergeImports(reversed));
            QVERIFY2(reversedProblem.isEmpty(), qPrintable(QStringLiteral("seed %1, reversed: %2").arg(seed).arg(reversedProblem)));
            // One field of one tunnel's later half changed: one finding, on that tunnel and field.
            const QStringList managed = Generate::managedSites(n);
            for (const Tunnel& t : n.tunnels) {
                const int a = int(managed.indexOf(t.siteA)), b = int(managed.indexOf(t.siteB));
                if (a < 0 || b < 0)
                    continue;
                Tunnel& half = imports[std::max(a, b)].network.tunnels[imports.at(std::max(a, b)).network.tunnelIndex(t.name)];
                const QString field = QStringList{QStringLiteral("psk"), QStringLiteral("esp.encryption"), QStringLiteral("ike.dhGroup"),
                                                  QStringLiteral("esp.lifetime")}.at(int(rng.bounded(4)));
                if (field == QLatin1String("psk"))
                    half.psk = QByteArray("Another0Key0For0The0Merge");
                else if (field == QLatin1String("esp.encryption"))
                    half.esp.encryption = QStringLiteral("chacha20poly1305");
                else if (field == QLatin1String("ike.dhGroup"))
                    half.ike.dhGroup = QStringLiteral("ecp521");
                else
                    half.esp.lifetime += 1;
                const ImportResult broken = mergeImports(imports);
                const QString where = QStringLiteral("seed %1, tunnel %2, %3: ").arg(seed).arg(t.name, field);
                QVERIFY2(broken.findings.size() == 1, qPrintable(where + findingsText(broken.findings)));
                QCOMPARE(broken.findings.constFirst().field, Network::tunnelPath(t.name, field));
                QVERIFY2(!findingsText(broken.findings).contains(QStringLiteral("Another0Key")), qPrintable(where));
                QVERIFY2(!findingsText(broken.findings).contains(QString::fromLatin1(*t.psk)), qPrintable(where));
                const Tunnel& kept = broken.network.tunnels.at(broken.network.tunnelIndex(t.name));
                QVERIFY2(kept.psk == t.psk && kept.esp == t.esp && kept.ike == t.ike, qPrintable(where + QStringLiteral("not the first import's")));
                ++broke;
                break;
            }
        }
        qInfo("merge: %d profiles (%d rejected), %d gateways (%d strongSwan, %d behind NAT seen by a managed peer), %d tunnels (%d of two "
              "managed halves, %d IKEv2), %d broken on purpose",
              profiles, rejected, gateways, swan, nat, tunnels, both, ikev2, broke);
        QVERIFY(swan > 50 && nat > 10 && both > 100 && ikev2 > 20 && broke > 100);
    }
};

QTEST_GUILESS_MAIN(TestImportMerge)
#include "TestImportMerge.moc"
