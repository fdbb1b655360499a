// The lab built from a profile: the plan of the example hub-and-spoke network (a NAT router in
// front of branch1, a dynamic branch2, two hosts for branch3's two networks), of a version 1
// two-site profile, and what the lab refuses, each by its field.

#include "LabPlan.h"
#include "NetworkProfile.h"
#include "TestSupport.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

// The two-gateway lab's own profile (lab.sh writes it), version 1.
NetworkProfile twoSites()
{
    const QByteArray json = R"({
        "format": "ipsec-wizard-profile", "version": 1, "name": "lab",
        "networkA": "10.1.0.0/24", "networkB": "10.2.0.0/24",
        "gatewayA": { "publicAddress": "198.51.100.1/24", "internalAddress": "10.1.0.1" },
        "gatewayB": { "publicAddress": "198.51.100.2/24", "internalAddress": "10.2.0.1" },
        "psk": "0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff" })";
    auto n = NetworkJson::fromJson(json);
    if (!n)
        qFatal("two sites: %s", qPrintable(n.error().toString()));
    return n.value();
}

} // namespace

class TestLabPlan : public QObject
{
    Q_OBJECT

private slots:
    void hubAndSpokePlan()
    {
        auto plan = Lab::plan(exampleNetwork());
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        const QString expected = QStringLiteral(
            "# IPsec Wizard lab plan (ipsec-wizard lab up --from; lab/lab.sh carries it out)\n"
            "format 1\n"
            "name corp\n"
            "node inet router -\n"
            "node gw-hq gateway hq\n"
            "node host-hq host hq\n"
            "node gw-branch1 gateway branch1\n"
            "node host-branch1 host branch1\n"
            "node nat-branch1 nat branch1\n"
            "node gw-branch2 gateway branch2\n"
            "node host-branch2 host branch2\n"
            "node gw-branch3 gateway branch3\n"
            "node host-branch3 host branch3\n"
            "node host-branch3-2 host branch3\n"
            "link gw-hq lan0 10.0.0.1/16 host-hq eth0 10.0.0.10/16\n"
            "link inet wan0 169.254.0.1/32 gw-hq wan0 203.0.113.1/32\n"
            "link gw-branch1 lan0 10.1.0.1/24 host-branch1 eth0 10.1.0.10/24\n"
            "link nat-branch1 lan0 172.16.1.1/24 gw-branch1 wan0 172.16.1.2/24\n"
            "link inet wan1 169.254.0.1/32 nat-branch1 wan0 198.51.100.10/32\n"
            "link gw-branch2 lan0 10.2.0.1/24 host-branch2 eth0 10.2.0.10/24\n"
            "link inet wan2 169.254.0.1/32 gw-branch2 wan0 192.0.2.50/32\n"
            "link gw-branch3 lan0 10.3.0.1/24 host-branch3 eth0 10.3.0.10/24\n"
            "link gw-branch3 lan1 10.30.0.1/24 host-branch3-2 eth0 10.30.0.10/24\n"
            "link inet wan3 169.254.0.1/32 gw-branch3 wan0 198.51.100.20/32\n"
            "route host-hq default via 10.0.0.1 dev eth0\n"
            "route gw-hq default via 169.254.0.1 dev wan0 onlink\n"
            "route inet 203.0.113.1/32 via - dev wan0\n"
            "route host-branch1 default via 10.1.0.1 dev eth0\n"
            "route gw-branch1 default via 172.16.1.1 dev wan0\n"
            "route nat-branch1 default via 169.254.0.1 dev wan0 onlink\n"
            "route inet 198.51.100.10/32 via - dev wan1\n"
            "route host-branch2 default via 10.2.0.1 dev eth0\n"
            "route gw-branch2 default via 169.254.0.1 dev wan0 onlink\n"
            "route inet 192.0.2.50/32 via - dev wan2\n"
            "route host-branch3 default via 10.3.0.1 dev eth0\n"
            "route host-branch3-2 default via 10.30.0.1 dev eth0\n"
            "route gw-branch3 default via 169.254.0.1 dev wan0 onlink\n"
            "route inet 198.51.100.20/32 via - dev wan3\n"
            "forward inet\n"
            "forward gw-hq\n"
            "forward gw-branch1\n"
            "forward nat-branch1\n"
            "forward gw-branch2\n"
            "forward gw-branch3\n"
            "nat nat-branch1 wan0 172.16.1.2\n"
            "mgmt gw-hq ipsecwiz-mgmt1 10.99.1.1/30 10.99.1.2/30\n"
            "mgmt gw-branch1 ipsecwiz-mgmt2 10.99.2.1/30 10.99.2.2/30\n"
            "mgmt gw-branch2 ipsecwiz-mgmt3 10.99.3.1/30 10.99.3.2/30\n"
            "mgmt gw-branch3 ipsecwiz-mgmt4 10.99.4.1/30 10.99.4.2/30\n"
            "isolate gw-hq mgmt0\n"
            "isolate gw-branch1 mgmt0\n"
            "isolate gw-branch2 mgmt0\n"
            "isolate gw-branch3 mgmt0\n"
            "renumber branch2 gw-branch2 wan0 wan2 192.0.2.50 192.0.2.51 192.0.2.52 192.0.2.53\n");
        if (plan.value().toText() != expected) {
            qWarning().noquote() << "got:\n" << plan.value().toText();
            QFAIL("the hub-and-spoke plan differs from the expected one (see above)");
        }
    }

    void hubAndSpokeProperties()
    {
        const LabPlan plan = Lab::plan(exampleNetwork()).value();
        // branch1 is behind NAT: its gateway sits inside, the NAT router has the public address.
        QCOMPARE(plan.nodesOf(QStringLiteral("branch1"), LabNodeKind::Nat), QStringList{QStringLiteral("nat-branch1")});
        QCOMPARE(plan.nats.size(), 1);
        QCOMPARE(plan.nats.at(0), (LabNat{QStringLiteral("nat-branch1"), QStringLiteral("wan0"), QStringLiteral("172.16.1.2")}));
        // Only the dynamic site renumbers, within its /24, never onto another gateway's address.
        QCOMPARE(plan.renumbers.size(), 1);
        QCOMPARE(plan.renumbers.at(0).site, QStringLiteral("branch2"));
        QCOMPARE(plan.renumbers.at(0).addresses.first(), QStringLiteral("192.0.2.50"));
        QCOMPARE(QSet<QString>(plan.renumbers.at(0).addresses.begin(), plan.renumbers.at(0).addresses.end()).size(), 4);
        // Two networks, two hosts.
        QCOMPARE(plan.nodesOf(QStringLiteral("branch3"), LabNodeKind::Host), (QStringList{QStringLiteral("host-branch3"), QStringLiteral("host-branch3-2")}));
        // Every management address is distinct, and only managed gateways have one.
        QSet<QString> mgmt;
        for (const LabMgmt& m : plan.mgmt) {
            QCOMPARE(plan.node(m.node)->kind, LabNodeKind::Gateway);
            mgmt.insert(m.hostAddress);
            mgmt.insert(m.gatewayAddress);
            mgmt.insert(m.hostIf);
            QVERIFY(m.hostIf.size() <= 15); // IFNAMSIZ - 1
        }
        QCOMPARE(mgmt.size(), 3 * 4);
        QCOMPARE(plan.isolated.size(), 4);
        // No route leads towards the calling namespace: none over a management link or to its
        // addresses, and only the router's link-local end is a next hop outside a site.
        for (const LabRoute& r : plan.routes) {
            QVERIFY2(r.dev != QLatin1String("mgmt0"), qPrintable(r.node));
            QVERIFY2(!r.via.startsWith(QLatin1String("10.99.")), qPrintable(r.node));
            QVERIFY2(!r.destination.startsWith(QLatin1String("10.99.")), qPrintable(r.node));
            if (r.node == Lab::RouterNode)
                QVERIFY2(r.destination != QLatin1String("default") && r.destination.endsWith(QLatin1String("/32")), qPrintable(r.destination));
        }
        // Interface names fit IFNAMSIZ.
        for (const LabLink& l : plan.links)
            QVERIFY(l.ifA.size() <= 15 && l.ifB.size() <= 15);
    }

    void twoSitePlan()
    {
        auto plan = Lab::plan(twoSites());
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        QStringList nodes;
        for (const LabNode& n : plan.value().nodes)
            nodes << n.name + QLatin1Char(':') + labNodeKindId(n.kind);
        QCOMPARE(nodes, (QStringList{QStringLiteral("inet:router"), QStringLiteral("gw-site-a:gateway"), QStringLiteral("host-site-a:host"),
                                     QStringLiteral("gw-site-b:gateway"), QStringLiteral("host-site-b:host")}));
        // The /24 of version 1's publicAddress is not kept on the outside: the peer is behind the
        // router, so both have /32 and reach each other through it.
        QCOMPARE(plan.value().links, (QList<LabLink>{
            {QStringLiteral("gw-site-a"), QStringLiteral("lan0"), QStringLiteral("10.1.0.1/24"), QStringLiteral("host-site-a"), QStringLiteral("eth0"), QStringLiteral("10.1.0.10/24")},
            {QStringLiteral("inet"), QStringLiteral("wan0"), QStringLiteral("169.254.0.1/32"), QStringLiteral("gw-site-a"), QStringLiteral("wan0"), QStringLiteral("198.51.100.1/32")},
            {QStringLiteral("gw-site-b"), QStringLiteral("lan0"), QStringLiteral("10.2.0.1/24"), QStringLiteral("host-site-b"), QStringLiteral("eth0"), QStringLiteral("10.2.0.10/24")},
            {QStringLiteral("inet"), QStringLiteral("wan1"), QStringLiteral("169.254.0.1/32"), QStringLiteral("gw-site-b"), QStringLiteral("wan0"), QStringLiteral("198.51.100.2/32")},
        }));
        // The management addresses are today's lab's.
        QCOMPARE(plan.value().mgmt, (QList<LabMgmt>{
            {QStringLiteral("gw-site-a"), QStringLiteral("ipsecwiz-mgmt1"), QStringLiteral("10.99.1.1/30"), QStringLiteral("10.99.1.2/30")},
            {QStringLiteral("gw-site-b"), QStringLiteral("ipsecwiz-mgmt2"), QStringLiteral("10.99.2.1/30"), QStringLiteral("10.99.2.2/30")},
        }));
        QVERIFY(plan.value().nats.isEmpty());
        QVERIFY(plan.value().renumbers.isEmpty());
    }

    void labProfile()
    {
        NetworkProfile input = exampleNetwork();
        input.tunnels[0].psk = fixedPsk();
        const LabPlan plan = Lab::plan(input).value();
        auto lab = Lab::labProfile(input, plan, QStringLiteral("/var/lib/lab"));
        QVERIFY(lab.ok());
        const NetworkProfile& n = lab.value();
        QCOMPARE(n.knownHostsFile, QStringLiteral("/var/lib/lab/known_hosts"));
        QCOMPARE(n.sites.at(1).gateway.ssh.host, QStringLiteral("10.99.2.2"));
        QCOMPARE(n.sites.at(1).gateway.ssh.port, 22); // the input said 2222
        QCOMPARE(n.sites.at(1).gateway.ssh.user, QStringLiteral("root"));
        QCOMPARE(n.sites.at(1).gateway.ssh.identityFile, QStringLiteral("/var/lib/lab/admin_ed25519"));
        QCOMPARE(n.sites.at(3).gateway.ssh.host, QStringLiteral("10.99.4.2"));
        // The input's key is kept; every other tunnel gets a fresh one of its own.
        QCOMPARE(*n.tunnels.at(0).psk, fixedPsk());
        QSet<QByteArray> keys;
        for (const Tunnel& t : n.tunnels) {
            QVERIFY(t.psk.has_value());
            QVERIFY(t.psk->startsWith("0x"));
            keys.insert(*t.psk);
        }
        QCOMPARE(keys.size(), int(n.tunnels.size()));
        // Nothing else changes.
        QCOMPARE(n.sites.at(1).gateway.localAddress, input.sites.at(1).gateway.localAddress);
        QCOMPARE(n.tunnels.size(), input.tunnels.size());
    }

    void unmanagedSite()
    {
        NetworkProfile n = exampleNetwork();
        n.sites[3].gateway.managed = false;
        const LabPlan plan = Lab::plan(n).value();
        QCOMPARE(plan.node(QStringLiteral("gw-branch3"))->kind, LabNodeKind::UnmanagedGateway);
        QVERIFY(!plan.mgmtOf(QStringLiteral("gw-branch3")));
        QCOMPARE(plan.mgmt.size(), 3);
        QVERIFY(!plan.isolated.contains(QStringLiteral("gw-branch3")));
    }

    void longAndClashingSiteNames()
    {
        NetworkProfile n = exampleNetwork();
        n.sites[1].name = QStringLiteral("Branch_Office_Number_One");
        n.sites[2].name = QStringLiteral("branch-office-number-two");
        const LabPlan plan = Lab::plan(n).value();
        QCOMPARE(plan.nodesOf(n.sites[1].name, LabNodeKind::Gateway), QStringList{QStringLiteral("gw-branch-off")});
        QCOMPARE(plan.nodesOf(n.sites[2].name, LabNodeKind::Gateway), QStringList{QStringLiteral("gw-branch-o-2")});
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("site");
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("expectedField");
        QTest::addColumn<QByteArray>("expectedText");
        auto row = [](const char* name, const char* site, const char* field, const char* value, const char* expectedField, const char* expectedText) {
            QTest::newRow(name) << QByteArray(site) << QByteArray(field) << QByteArray(value) << QByteArray(expectedField) << QByteArray(expectedText);
        };
        row("ipv6-refused", "hq", "localAddress", "2001:db8::1", "sites[0].gateway.localAddress", "IPv4 only");
        row("network-in-management-range", "branch3", "networks[1]", "10.99.3.0/24", "sites[3].networks[1]", "10.99.0.0/16");
        row("internal-in-management-range", "hq", "internalAddress", "10.99.0.1", "sites[0].gateway.internalAddress", "management");
        row("public-in-management-range", "branch1", "publicAddress", "10.99.200.1", "sites[1].gateway.publicAddress", "management");
        row("network-link-local", "hq", "networks[0]", "169.254.8.0/24", "sites[0].networks[0]", "169.254.0.0/16");
        row("network-too-small", "branch2", "networks[0]", "10.2.0.0/31", "sites[2].networks[0]", "too small");
        row("internal-outside-networks", "hq", "internalAddress", "10.5.0.1", "sites[0].gateway.internalAddress", "none of the site's networks");
        row("same-outside-address", "branch3", "localAddress", "203.0.113.1", "sites[3].gateway.localAddress", "sites[0].gateway.localAddress");
        row("nat-public-is-another-gateway", "branch1", "publicAddress", "198.51.100.20", "sites[3].gateway.localAddress", "sites[1].gateway.publicAddress");
        row("nat-inside-without-room", "branch1", "localAddress", "172.16.1.2/31", "sites[1].gateway.localAddress", "/30");
        row("dynamic-without-room", "branch2", "localAddress", "192.0.2.50/30", "sites[2].gateway.localAddress", "room to move");
    }

    void refusals()
    {
        QFETCH(QByteArray, site);
        QFETCH(QByteArray, field);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, expectedField);
        QFETCH(QByteArray, expectedText);
        NetworkProfile n = exampleNetwork();
        const int i = n.siteIndex(QString::fromUtf8(site));
        QVERIFY(i >= 0);
        SiteGateway& g = n.sites[i].gateway;
        const QString v = QString::fromUtf8(value);
        if (field == "localAddress")
            g.localAddress = v;
        else if (field == "publicAddress")
            g.publicAddress = v;
        else if (field == "internalAddress")
            g.internalAddress = v;
        else
            n.sites[i].networks[field.mid(9, 1).toInt()] = v;
        auto plan = Lab::plan(n);
        QVERIFY2(!plan.ok(), "the lab took it");
        QCOMPARE(plan.error().field, QString::fromUtf8(expectedField));
        QVERIFY2(plan.error().message.contains(QString::fromUtf8(expectedText)), qPrintable(plan.error().message));
    }

    void tooManySites()
    {
        NetworkProfile n;
        n.name = QStringLiteral("big");
        for (int i = 1; i <= Lab::MaxSites + 1; ++i) {
            Site s;
            s.name = QStringLiteral("s%1").arg(i);
            s.networks = {QStringLiteral("10.%1.0.0/24").arg(i)};
            s.gateway.localAddress = QStringLiteral("203.0.113.%1").arg(i);
            s.gateway.internalAddress = QStringLiteral("10.%1.0.1").arg(i);
            n.sites.append(s);
        }
        auto plan = Lab::plan(n);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().field, QStringLiteral("sites"));
        QVERIFY(plan.error().message.contains(QLatin1String("at most 60")));
        n.sites.removeLast();
        auto fits = Lab::plan(n);
        QVERIFY2(fits.ok(), qPrintable(fits.ok() ? QString() : fits.error().toString()));
        QCOMPARE(fits.value().mgmt.last().gatewayAddress, QStringLiteral("10.99.60.2/30"));
        QCOMPARE(fits.value().mgmt.last().hostIf, QStringLiteral("ipsecwiz-mgmt60"));
    }
};

QTEST_GUILESS_MAIN(TestLabPlan)
#include "TestLabPlan.moc"
