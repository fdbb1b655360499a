// Profile format version 2: a network of sites and tunnels. The example hub-and-spoke network,
// JSON in and out, version 1 files read as a network of two sites and back, the templates, and
// validation across the whole network with each finding naming its field by path.

#include "Cidr.h"
#include "NetworkProfile.h"
#include "TestSupport.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

QByteArray readResource(const QString& name)
{
    QFile f(QStringLiteral(IPSECWIZ_SOURCE_DIR "/resources/examples/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Site directSite(const QString& name, int i)
{
    Site s;
    s.name = name;
    s.networks = {QStringLiteral("10.%1.0.0/24").arg(i)};
    s.gateway.localAddress = QStringLiteral("203.0.113.%1/24").arg(i);
    s.gateway.internalAddress = QStringLiteral("10.%1.0.1").arg(i);
    return s;
}

NetworkProfile mesh(int sites)
{
    NetworkProfile n;
    n.name = QStringLiteral("mesh");
    for (int i = 1; i <= sites; ++i)
        n.sites.append(directSite(QStringLiteral("s%1").arg(i), i));
    n.topology.kind = TopologyKind::Mesh;
    n.tunnels = Network::tunnelsFor(n.sites, n.topology, n.ike, n.esp);
    return n;
}

QStringList errorFields(const QList<Finding>& findings)
{
    QStringList out;
    for (const Finding& f : findings)
        if (f.severity == Severity::Error)
            out << f.field;
    return out;
}

} // namespace

class TestNetworkProfile : public QObject
{
    Q_OBJECT

private slots:
    // The sites table of the wizard: a site added to a hub-and-spoke network gets its tunnel; a
    // tunnel's own settings survive; a renamed site renames its tunnels and the hub; a tunnel
    // added by hand stays until one of its sites goes.
    void retemplateKeepsOwnSettings()
    {
        NetworkProfile n;
        n.topology = Topology{TopologyKind::HubAndSpoke, QStringLiteral("hq"), false};
        for (const char* name : {"hq", "b1", "b2"}) {
            Site s;
            s.name = QString::fromLatin1(name);
            n.sites << s;
        }
        Network::retemplate(n);
        QCOMPARE(n.tunnels.size(), 2);
        QCOMPARE(n.tunnels.at(1).name, QStringLiteral("hq-b2"));
        n.tunnels[1].esp.pfsGroup = QStringLiteral("modp2048");
        n.tunnels[1].psk = QByteArray("0x1234");
        Tunnel own;
        own.name = QStringLiteral("b1-to-b2");
        own.siteA = QStringLiteral("b1");
        own.siteB = QStringLiteral("b2");
        n.tunnels << own;

        Site b3;
        b3.name = QStringLiteral("b3");
        n.sites << b3;
        Network::retemplate(n);
        QStringList names;
        for (const Tunnel& t : std::as_const(n.tunnels))
            names << t.name;
        QCOMPARE(names, (QStringList{QStringLiteral("hq-b1"), QStringLiteral("hq-b2"), QStringLiteral("hq-b3"), QStringLiteral("b1-to-b2")}));
        QCOMPARE(n.tunnels.at(1).esp.pfsGroup, QStringLiteral("modp2048"));
        QCOMPARE(n.tunnels.at(1).psk, std::optional(QByteArray("0x1234")));

        Network::renameSite(n, 0, QStringLiteral("central"));
        Network::renameSite(n, 2, QStringLiteral("berlin"));
        QCOMPARE(n.topology.hub, QStringLiteral("central"));
        QCOMPARE(n.tunnels.at(1).name, QStringLiteral("central-berlin"));
        QCOMPARE(n.tunnels.at(1).psk, std::optional(QByteArray("0x1234")));
        QCOMPARE(n.tunnels.at(3).name, QStringLiteral("b1-to-b2")); // named by hand: kept
        QCOMPARE(n.tunnels.at(3).siteB, QStringLiteral("berlin"));
        Network::retemplate(n);
        QCOMPARE(n.tunnels.size(), 4);
        QCOMPARE(n.tunnels.at(1).esp.pfsGroup, QStringLiteral("modp2048"));

        n.sites.removeAt(2); // berlin goes, and with it both its tunnels
        Network::retemplate(n);
        names.clear();
        for (const Tunnel& t : std::as_const(n.tunnels))
            names << t.name;
        QCOMPARE(names, (QStringList{QStringLiteral("central-b1"), QStringLiteral("central-b3")}));

        // A tunnel of the template's form added by hand stays; one the admin removed stays away.
        Tunnel hand;
        hand.name = QStringLiteral("b1-b3");
        hand.siteA = QStringLiteral("b1");
        hand.siteB = QStringLiteral("b3");
        n.tunnels << hand;
        Network::retemplate(n, false, {QStringLiteral("central-b1")});
        names.clear();
        for (const Tunnel& t : std::as_const(n.tunnels))
            names << t.name;
        QCOMPARE(names, (QStringList{QStringLiteral("central-b3"), QStringLiteral("b1-b3")}));

        n.topology.kind = TopologyKind::Mesh;
        Network::retemplate(n, true);
        QCOMPARE(n.tunnels.size(), 3);
    }

    void internalAddressFollowsNetworks()
    {
        QCOMPARE(Network::firstHostOf({QStringLiteral("192.168.1.0/24")}), QStringLiteral("192.168.1.1"));
        QCOMPARE(Network::firstHostOf({QStringLiteral("fd00:1::/64")}), QStringLiteral("fd00:1::1"));
        QCOMPARE(Network::firstHostOf({QStringLiteral("10.0.0.7/24")}), QString()); // host bits: a mistake to show, not to guess from
        QCOMPARE(Network::firstHostOf({QStringLiteral("10.0.0.0/33")}), QString());
        QCOMPARE(Network::firstHostOf({}), QString());
        Site s;
        Network::setNetworks(s, {QStringLiteral("10.4.0.0/24")});
        QCOMPARE(s.gateway.internalAddress, QStringLiteral("10.4.0.1"));
        Network::setNetworks(s, {QStringLiteral("10.9.0.0/24"), QStringLiteral("10.4.0.0/24")});
        QCOMPARE(s.gateway.internalAddress, QStringLiteral("10.9.0.1"));
        s.gateway.internalAddress = QStringLiteral("10.9.0.254"); // typed by the admin: kept
        Network::setNetworks(s, {QStringLiteral("10.8.0.0/24")});
        QCOMPARE(s.gateway.internalAddress, QStringLiteral("10.9.0.254"));

        // Behind NAT the address identity is the public one; out of NAT the default again.
        Network::setReach(s, Reachability::Nat, QStringLiteral("203.0.113.5"));
        QCOMPARE(s.gateway.identity, (Identity{IdentityKind::Address, QStringLiteral("203.0.113.5")}));
        Network::setReach(s, Reachability::Nat, QStringLiteral("203.0.113.6"));
        QCOMPARE(s.gateway.identity.value, QStringLiteral("203.0.113.6"));
        Network::setReach(s, Reachability::Direct, {});
        QCOMPARE(s.gateway.identity, Identity{});
        QCOMPARE(s.gateway.publicAddress, QString());
        s.gateway.identity = Identity{IdentityKind::Fqdn, QStringLiteral("gw.example.net")};
        Network::setReach(s, Reachability::Nat, QStringLiteral("203.0.113.5"));
        QCOMPARE(s.gateway.identity.value, QStringLiteral("gw.example.net"));
    }

    void sitesFromCsv()
    {
        const auto sites = Network::sitesFromCsv(QStringLiteral("name,networks,gateway,reach,public,flavour,managed\n"
                                                                "b1, 10.1.0.0/24 10.1.1.0/24 ,198.51.100.1\n"
                                                                "\n"
                                                                "b2;10.2.0.0/24;192.168.0.2/24;nat;203.0.113.9;racoon-tool;no\n"
                                                                "b3\t10.3.0.0/24\t198.51.100.3\tdynamic\r\n"));
        QVERIFY2(sites.ok(), qPrintable(sites.ok() ? QString() : sites.error().toString()));
        QCOMPARE(sites.value().size(), 3);
        QCOMPARE(sites.value().at(0).networks, (QStringList{QStringLiteral("10.1.0.0/24"), QStringLiteral("10.1.1.0/24")}));
        QCOMPARE(sites.value().at(0).gateway.internalAddress, QStringLiteral("10.1.0.1")); // the first host of its first network
        QCOMPARE(sites.value().at(1).gateway.reach, Reachability::Nat);
        QCOMPARE(sites.value().at(1).gateway.publicAddress, QStringLiteral("203.0.113.9"));
        QCOMPARE(sites.value().at(1).gateway.identity, (Identity{IdentityKind::Address, QStringLiteral("203.0.113.9")}));
        QCOMPARE(sites.value().at(1).gateway.flavour, Flavour::RacoonTool);
        QVERIFY(!sites.value().at(1).gateway.managed);
        QCOMPARE(sites.value().at(2).gateway.reach, Reachability::Dynamic);
        QVERIFY(sites.value().at(2).gateway.managed);

        const auto bad = Network::sitesFromCsv(QStringLiteral("b1,10.1.0.0/24,198.51.100.1\nb2,10.2.0.0/24,198.51.100.2,sometimes\n"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("line 2"));
        QVERIFY(bad.error().message.contains(QStringLiteral("sometimes")));
        QCOMPARE(Network::sitesFromCsv(QStringLiteral("b1,10.1.0.0/24")).error().field, QStringLiteral("line 1"));
        QVERIFY(Network::sitesFromCsv(QStringLiteral("b1,10.1.0.0/24,1.2.3.4,direct,,bsd")).error().message.contains(QStringLiteral("bsd")));
        QVERIFY(!Network::sitesFromCsv(QStringLiteral("\n\n")).ok());
    }

    // The wizard's pages see one tunnel as version 1 does and write it back: unchanged, nothing
    // moves; a site's network renamed in place is renamed in the tunnels that chose it by name;
    // an identity's kind stays while its value changes; an empty field is one network to fill in.
    void aPageViewWrittenBackChangesOnlyWhatChanged()
    {
        NetworkProfile n = exampleNetwork();
        n.tunnels[2].networksB = {QStringLiteral("10.30.0.0/24")}; // hq-branch3 carries one of branch3's two
        const NetworkProfile before = n;
        for (int t = 0; t < int(n.tunnels.size()); ++t) {
            Network::applyPageView(n, t, Network::pageView(n, t));
            QCOMPARE(n, before);
        }
        TunnelProfile view = Network::pageView(n, 2);
        QCOMPARE(view.networkB, QStringLiteral("10.3.0.0/24, 10.30.0.0/24"));
        QCOMPARE(view.gatewayA.identity, QStringLiteral("hq.example.net"));
        view.networkB = QStringLiteral("10.3.0.0/24,10.31.0.0/24");
        view.gatewayA.identity = QStringLiteral("gw.example.net");
        view.esp.lifetime = 1800;
        Network::applyPageView(n, 2, view);
        QCOMPARE(n.sites.at(3).networks, (QStringList{QStringLiteral("10.3.0.0/24"), QStringLiteral("10.31.0.0/24")}));
        QCOMPARE(n.tunnels.at(2).networksB, QStringList{QStringLiteral("10.31.0.0/24")});
        QCOMPARE(n.sites.at(0).gateway.identity, (Identity{IdentityKind::Fqdn, QStringLiteral("gw.example.net")}));
        QCOMPARE(n.tunnels.at(2).esp.lifetime, 1800);
        QCOMPARE(n.tunnels.at(0), before.tunnels.at(0)); // the other tunnels and the network's defaults stay
        QCOMPARE(n.esp, before.esp);
        view.networkA.clear();
        Network::applyPageView(n, 2, view);
        QCOMPARE(n.sites.at(0).networks, QStringList{QString()});
        QCOMPARE(Network::splitNetworks(QStringLiteral(" 10.1.0.0/24 ,, 10.2.0.0/24\t10.3.0.0/24 ")),
                 (QStringList{QStringLiteral("10.1.0.0/24"), QStringLiteral("10.2.0.0/24"), QStringLiteral("10.3.0.0/24")}));
    }

    void exampleHubAndSpoke()
    {
        const NetworkProfile n = exampleNetwork();
        QCOMPARE(n.sites.size(), 4);
        QCOMPARE(n.topology.kind, TopologyKind::HubAndSpoke);
        QCOMPARE(n.sites.at(1).gateway.reach, Reachability::Nat);
        QCOMPARE(n.sites.at(1).gateway.peerAddress(), QStringLiteral("198.51.100.10"));
        QCOMPARE(n.sites.at(2).gateway.reach, Reachability::Dynamic);
        QCOMPARE(n.sites.at(3).networks.size(), 2);
        // The template made one tunnel from the hub to each branch.
        QStringList names;
        for (const Tunnel& t : n.tunnels)
            names << t.name;
        QCOMPARE(names, (QStringList{QStringLiteral("hq-branch1"), QStringLiteral("hq-branch2"), QStringLiteral("hq-branch3")}));
        QCOMPARE(n.networksOf(n.tunnels.at(2), Side::B), (QStringList{QStringLiteral("10.3.0.0/24"), QStringLiteral("10.30.0.0/24")}));
        QList<Finding> findings = Network::validate(n);
        QVERIFY2(errorFields(findings).isEmpty(), qPrintable(errorFields(findings).join(QLatin1Char(' '))));
        // The gateway's internal address may be in any of its site's networks.
        NetworkProfile second = n;
        second.sites[3].gateway.internalAddress = QStringLiteral("10.30.0.1");
        findings = Network::validate(second);
        QVERIFY2(errorFields(findings).isEmpty(), qPrintable(errorFields(findings).join(QLatin1Char(' '))));
    }

    void jsonRoundTrip()
    {
        NetworkProfile n = exampleNetwork();
        n.tunnels[0].psk = QByteArray("0x") + QByteArray(64, 'a');
        n.tunnels[1].esp.lifetime = 1800; // an override of the network's default
        n.tunnels[2].networksB = {QStringLiteral("10.30.0.0/24")};
        n.sites[3].gateway.managed = false;
        const QByteArray json = NetworkJson::toJson(n, PskInFile::Include);
        QVERIFY(json.contains("\"version\": 2"));
        auto back = NetworkJson::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        QCOMPARE(back.value(), n);
        // Without the key, nothing of it is written.
        QVERIFY(!NetworkJson::toJson(n, PskInFile::Omit).contains("aaaaaaaa"));
        QVERIFY(NetworkJson::toJson(n, PskInFile::Redact).contains(ProfileJson::redactedPlaceholder()));
    }

    // Version 1 files still load: a network of two sites and one tunnel, and back unchanged.
    void version1IsANetworkOfTwoSites()
    {
        TunnelProfile v1 = seedProfile();
        v1.psk = fixedPsk();
        v1.gatewayA.identity = QStringLiteral("gw-a.example.net");
        const QByteArray json = ProfileJson::toJson(v1, PskInFile::Include);
        QCOMPARE(NetworkJson::versionOf(json), 1);
        auto n = NetworkJson::fromJson(json);
        QVERIFY(n.ok());
        QCOMPARE(n.value().sites.size(), 2);
        QCOMPARE(n.value().tunnels.size(), 1);
        QCOMPARE(n.value().sites.at(0).gateway.identity.kind, IdentityKind::Fqdn);
        auto back = Network::toTunnelProfile(n.value(), v1.name);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        QCOMPARE(back.value(), v1);
        // Written as version 2 and read by version 1's reader: the same tunnel.
        const QByteArray v2 = NetworkJson::toJson(n.value(), PskInFile::Include);
        QCOMPARE(NetworkJson::versionOf(v2), 2);
        auto again = ProfileJson::fromJson(v2);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
        QCOMPARE(again.value(), v1);
    }

    // A network version 1 cannot describe is refused by its reader with what and where.
    void version1ReaderRefusesANetwork()
    {
        const auto r = ProfileJson::fromJson(readResource(QStringLiteral("hub-and-spoke.json")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, QStringLiteral("$.tunnels"));
        QVERIFY(r.error().message.contains(QStringLiteral("4 sites and 3 tunnels")));
        NetworkProfile n = exampleNetwork();
        const auto nat = Network::toTunnelProfile(n, QStringLiteral("hq-branch1"));
        QVERIFY(!nat.ok());
        QCOMPARE(nat.error().field, QStringLiteral("sites[1].gateway"));
        const auto two = Network::toTunnelProfile(n, QStringLiteral("hq-branch3"));
        QVERIFY(!two.ok());
        QCOMPARE(two.error().field, QStringLiteral("tunnels[\"hq-branch3\"].networks"));
    }

    void templates()
    {
        const NetworkProfile m = mesh(5);
        QCOMPARE(m.tunnels.size(), 10);
        QSet<QString> pairs;
        for (const Tunnel& t : m.tunnels) {
            QVERIFY(t.siteA != t.siteB);
            pairs.insert(t.siteA < t.siteB ? t.siteA + t.siteB : t.siteB + t.siteA);
        }
        QCOMPARE(pairs.size(), 10);
        QVERIFY2(errorFields(Network::validate(m)).isEmpty(), qPrintable(errorFields(Network::validate(m)).join(QLatin1Char(' '))));
        Topology pair;
        QCOMPARE(Network::tunnelsFor(m.sites, pair, m.ike, m.esp).size(), 1);
        Topology star{TopologyKind::HubAndSpoke, QStringLiteral("s3"), false};
        const QList<Tunnel> spokes = Network::tunnelsFor(m.sites, star, m.ike, m.esp);
        QCOMPARE(spokes.size(), 4);
        for (const Tunnel& t : spokes)
            QCOMPARE(t.siteA, QStringLiteral("s3"));
    }

    // Every tunnel of a mesh of five sites converts to a version 1 tunnel both of whose sides
    // generate, each the mirror of the other.
    void everyTunnelOfAMeshIsAMirror()
    {
        const NetworkProfile m = mesh(5);
        for (const Tunnel& t : m.tunnels) {
            auto p = Network::toTunnelProfile(m, t.name);
            QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().toString()));
            QCOMPARE(p.value().networkA, m.site(t.siteA)->networks.first());
            QCOMPARE(p.value().networkB, m.site(t.siteB)->networks.first());
            QCOMPARE(p.value().gatewayA.publicAddress, m.site(t.siteA)->gateway.localAddress);
            QCOMPARE(p.value().gatewayB.publicAddress, m.site(t.siteB)->gateway.localAddress);
        }
    }

    void networkFindings_data()
    {
        QTest::addColumn<QByteArray>("change");
        QTest::addColumn<QString>("field");
        QTest::newRow("overlap across a tunnel") << QByteArray("overlap") << QStringLiteral("sites[1].networks[0]");
        QTest::newRow("two spokes the hub cannot tell apart") << QByteArray("spokes") << QStringLiteral("sites[2].networks[0]");
        QTest::newRow("networks of one site overlap") << QByteArray("own") << QStringLiteral("sites[3].networks[1]");
        QTest::newRow("duplicate site name") << QByteArray("site-name") << QStringLiteral("sites[2].name");
        QTest::newRow("duplicate tunnel name") << QByteArray("tunnel-name") << QStringLiteral("tunnels[\"hq-branch1\"].name");
        QTest::newRow("both ends dynamic") << QByteArray("both-dynamic") << QStringLiteral("tunnels[\"hq-branch2\"]");
        QTest::newRow("dynamic with an address identity") << QByteArray("dynamic-address-id") << QStringLiteral("sites[2].gateway.identity");
        QTest::newRow("NAT with the interface address as identity") << QByteArray("nat-address-id") << QStringLiteral("sites[1].gateway.identity");
        QTest::newRow("NAT with the same public address") << QByteArray("nat-same") << QStringLiteral("sites[1].gateway.publicAddress");
        QTest::newRow("a tunnel's proposal") << QByteArray("esp") << QStringLiteral("tunnels[\"hq-branch1\"].esp.encryption");
        QTest::newRow("what racoon-tool cannot express") << QByteArray("racoon-tool-aes256") << QStringLiteral("tunnels[\"hq-branch3\"].esp.encryption");
        QTest::newRow("a key id on racoon") << QByteArray("racoon-keyid") << QStringLiteral("sites[3].gateway.identity");
        QTest::newRow("a network the site does not have") << QByteArray("foreign-network") << QStringLiteral("tunnels[\"hq-branch3\"].networks.branch3[0]");
        QTest::newRow("a site's SSH user") << QByteArray("ssh-user") << QStringLiteral("sites[0].gateway.ssh.user");
        QTest::newRow("hub is not a site") << QByteArray("hub") << QStringLiteral("topology.hub");
        QTest::newRow("internal address outside the site") << QByteArray("internal") << QStringLiteral("sites[3].gateway.internalAddress");
        QTest::newRow("nothing managed") << QByteArray("unmanaged") << QStringLiteral("tunnels[\"hq-branch3\"]");
        QTest::newRow("two tunnels between two sites") << QByteArray("same-pair") << QStringLiteral("tunnels[\"second\"].sites");
        QTest::newRow("racoon on a dynamic site") << QByteArray("racoon-dynamic") << QStringLiteral("sites[2].gateway.flavour");
        QTest::newRow("racoon-tool facing a dynamic peer") << QByteArray("racoon-tool-hub") << QStringLiteral("tunnels[\"hq-branch2\"].sites");
    }

    void networkFindings()
    {
        QFETCH(QByteArray, change);
        QFETCH(QString, field);
        NetworkProfile n = exampleNetwork();
        if (change == "overlap")
            n.sites[1].networks = {QStringLiteral("10.0.128.0/24")};
        else if (change == "spokes")
            n.sites[2].networks = n.sites[1].networks;
        else if (change == "own")
            n.sites[3].networks[1] = QStringLiteral("10.3.0.128/25");
        else if (change == "site-name")
            n.sites[2].name = n.sites[1].name;
        else if (change == "tunnel-name")
            n.tunnels[1].name = n.tunnels[0].name;
        else if (change == "both-dynamic")
            n.sites[0].gateway.reach = Reachability::Dynamic;
        else if (change == "dynamic-address-id")
            n.sites[2].gateway.identity = Identity{};
        else if (change == "nat-address-id")
            n.sites[1].gateway.identity = Identity{};
        else if (change == "nat-same")
            n.sites[1].gateway.publicAddress = QStringLiteral("172.16.1.2");
        else if (change == "esp")
            n.tunnels[0].esp.encryption = QStringLiteral("rot13");
        else if (change == "racoon-tool-aes256") {
            n.sites[3].gateway.flavour = Flavour::RacoonTool;
            n.tunnels[2].ike.version = 1;
            n.tunnels[2].ike.encryption = n.tunnels[2].esp.encryption = QStringLiteral("aes128");
            n.tunnels[2].ike.integrity = n.tunnels[2].esp.integrity = QStringLiteral("sha256");
            n.tunnels[2].ike.dhGroup = n.tunnels[2].esp.pfsGroup = QStringLiteral("modp2048");
            n.tunnels[2].esp.encryption = QStringLiteral("aes256");
        } else if (change == "racoon-keyid") {
            n.sites[3].gateway.flavour = Flavour::Racoon;
            n.sites[3].gateway.identity = Identity{IdentityKind::KeyId, QStringLiteral("branch3")};
        } else if (change == "foreign-network")
            n.tunnels[2].networksB = {QStringLiteral("10.99.0.0/24")};
        else if (change == "ssh-user")
            n.sites[0].gateway.ssh.user = QStringLiteral("x$(id)");
        else if (change == "internal")
            n.sites[3].gateway.internalAddress = QStringLiteral("10.4.0.1");
        else if (change == "hub")
            n.topology.hub = QStringLiteral("nowhere");
        else if (change == "same-pair") {
            Tunnel second = n.tunnels[2];
            second.name = QStringLiteral("second");
            second.networksB = {QStringLiteral("10.30.0.0/24")};
            n.tunnels[2].networksB = {QStringLiteral("10.3.0.0/24")};
            n.tunnels.append(second);
        } else if (change == "racoon-dynamic" || change == "racoon-tool-hub") {
            for (Tunnel& t : n.tunnels) {
                t.ike.version = 1;
                t.ike.encryption = t.esp.encryption = QStringLiteral("aes128");
                t.ike.integrity = t.ike.prf = t.esp.integrity = QStringLiteral("sha256");
                t.ike.dhGroup = t.esp.pfsGroup = QStringLiteral("modp2048");
            }
            n.sites[change == "racoon-dynamic" ? 2 : 0].gateway.flavour = change == "racoon-dynamic" ? Flavour::Racoon : Flavour::RacoonTool;
        }
        else if (change == "unmanaged")
            n.sites[0].gateway.managed = n.sites[3].gateway.managed = false;
        const QList<Finding> findings = Network::validate(n);
        QVERIFY2(errorFields(findings).contains(field), qPrintable(errorFields(findings).join(QLatin1Char(' '))));
        for (const Finding& f : findings)
            QVERIFY2(!f.message.isEmpty() && !f.field.startsWith(QLatin1String("gateway")) && !f.field.startsWith(QLatin1String("network")),
                     qPrintable(f.toString())); // never a version 1 field name
    }

    // Overlaps are found in IPv6 too, at every prefix length, and never across families.
    void ipv6Overlaps_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("overlap");
        QTest::newRow("/64 in /48") << QStringLiteral("2001:db8:1::/48") << QStringLiteral("2001:db8:1:5::/64") << true;
        QTest::newRow("neighbours /64") << QStringLiteral("2001:db8:1:5::/64") << QStringLiteral("2001:db8:1:6::/64") << false;
        QTest::newRow("/96 in /64") << QStringLiteral("2001:db8:1:5::/64") << QStringLiteral("2001:db8:1:5::a:0/112") << true;
        QTest::newRow("neighbours /112") << QStringLiteral("2001:db8:1:5::a:0/112") << QStringLiteral("2001:db8:1:5::b:0/112") << false;
        QTest::newRow("/0 holds all") << QStringLiteral("::/0") << QStringLiteral("2001:db8:9::/48") << true;
        QTest::newRow("IPv4 /0 holds all") << QStringLiteral("0.0.0.0/0") << QStringLiteral("10.9.0.0/16") << true;
        QTest::newRow("IPv4 neighbours /25") << QStringLiteral("10.9.0.0/25") << QStringLiteral("10.9.0.128/25") << false;
    }

    void ipv6Overlaps()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, overlap);
        NetworkProfile n = mesh(2);
        n.sites[0].networks = {a};
        n.sites[1].networks = {b};
        n.sites[0].gateway.internalAddress = Cidr::parse(a).value().network().address().toString();
        n.sites[1].gateway.internalAddress = Cidr::parse(b).value().network().address().toString();
        const QStringList fields = errorFields(Network::validate(n));
        QCOMPARE(fields.contains(QStringLiteral("sites[1].networks[0]")), overlap);
    }

    // The same numbers in two families are not an overlap; a tunnel of two families is refused.
    void oneFamilyPerTunnel()
    {
        NetworkProfile n = mesh(2);
        n.sites[0].networks = {QStringLiteral("0.0.0.0/0")};
        n.sites[0].gateway.internalAddress = QStringLiteral("10.1.0.1");
        n.sites[1].networks = {QStringLiteral("::/96")};
        n.sites[1].gateway.internalAddress = QStringLiteral("::1");
        const QList<Finding> findings = Network::validate(n);
        bool family = false;
        for (const Finding& f : findings) {
            QVERIFY2(!f.message.contains(QStringLiteral("overlaps")), qPrintable(f.toString()));
            family = family || (f.field == QStringLiteral("sites[1].networks[0]") && f.message.contains(QStringLiteral("one address family")));
        }
        QVERIFY(family);
    }

    void jsonErrorsNameThePath_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("field");
        QTest::newRow("typo") << QByteArray("\"publicAddress\": \"198.51.100.10\"") << QByteArray("\"publicAdress\": \"198.51.100.10\"")
                              << QStringLiteral("$.sites[1].gateway.publicAdress");
        QTest::newRow("missing") << QByteArray("\"localAddress\": \"192.0.2.50\",") << QByteArray()
                                 << QStringLiteral("$.sites[2].gateway.localAddress");
        QTest::newRow("NAT and dynamic") << QByteArray("\"dynamic\": true") << QByteArray("\"dynamic\": true, \"publicAddress\": \"192.0.2.9\"")
                                         << QStringLiteral("$.sites[2].gateway.dynamic");
        QTest::newRow("identity kind") << QByteArray("\"kind\": \"fqdn\", \"value\": \"hq") << QByteArray("\"kind\": \"dns\", \"value\": \"hq")
                                       << QStringLiteral("$.sites[0].gateway.identity.kind");
        QTest::newRow("template") << QByteArray("\"hub-and-spoke\"") << QByteArray("\"star\"") << QStringLiteral("$.topology.template");
        QTest::newRow("network not a string") << QByteArray("[\"10.0.0.0/16\"]") << QByteArray("[10]") << QStringLiteral("$.sites[0].networks[0]");
        QTest::newRow("newer") << QByteArray("\"version\": 2") << QByteArray("\"version\": 3") << QStringLiteral("$.version");
    }

    void jsonErrorsNameThePath()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, field);
        QByteArray json = readResource(QStringLiteral("hub-and-spoke.json"));
        QVERIFY(json.contains(from));
        json.replace(json.indexOf(from), from.size(), to);
        const auto r = NetworkJson::fromJson(json);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, field);
    }
};

QTEST_GUILESS_MAIN(TestNetworkProfile)
#include "TestNetworkProfile.moc"
