// The monitor of a network from its gateways' readings: each tunnel's part of a snapshot (its IKE
// SA by name; kernel SAs by address, a dynamic peer's by elimination), NAT written as the public
// address so both ends pair up, Unknown (with the reason) when a managed end cannot be reached,
// and a tunnel to someone else's gateway judged from our end alone.

#include "NetworkMonitor.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {


const TunnelReading* find(const QList<TunnelReading>& list, const QString& name)
{
    for (const TunnelReading& r : list)
        if (r.tunnel == name)
            return &r;
    return nullptr;
}

} // namespace

class TestNetworkMonitor : public QObject
{
    Q_OBJECT

private slots:
    // hq 203.0.113.1; branch1 at 172.16.1.2 behind NAT 198.51.100.10; branch2 dynamic (192.0.2.50
    // now); branch3 198.51.100.20.
    void everyTunnelFromBothEnds()
    {
        const NetworkProfile n = hubAndSpoke();
        QHash<QString, GatewayReading> readings;
        readings.insert(QStringLiteral("hq"), reachedGateway({swanctlIkeSa(QStringLiteral("hq-branch1"), QStringLiteral("203.0.113.1"), QStringLiteral("198.51.100.10"), 0x1001, 0x2001),
                                                       swanctlIkeSa(QStringLiteral("hq-branch2"), QStringLiteral("203.0.113.1"), QStringLiteral("192.0.2.50"), 0x1002, 0x2002),
                                                       swanctlIkeSa(QStringLiteral("hq-branch3"), QStringLiteral("203.0.113.1"), QStringLiteral("198.51.100.20"), 0x1003, 0x2003)}));
        // branch1 sees itself at its private address; the NAT makes it 198.51.100.10 for hq.
        readings.insert(QStringLiteral("branch1"), reachedGateway({swanctlIkeSa(QStringLiteral("hq-branch1"), QStringLiteral("172.16.1.2"), QStringLiteral("203.0.113.1"), 0x2001, 0x1001, 40)}));
        readings.insert(QStringLiteral("branch2"), reachedGateway({swanctlIkeSa(QStringLiteral("hq-branch2"), QStringLiteral("192.0.2.50"), QStringLiteral("203.0.113.1"), 0x2002, 0x1002)}));
        readings.insert(QStringLiteral("branch3"), reachedGateway({}));
        const QList<TunnelReading> t = NetworkMonitor::tunnels(n, readings);
        QCOMPARE(t.size(), 3);
        QCOMPARE(find(t, QStringLiteral("hq-branch1"))->state, TunnelState::Up);
        QCOMPARE(find(t, QStringLiteral("hq-branch1"))->correlation.pairs.size(), 2);
        QCOMPARE(find(t, QStringLiteral("hq-branch1"))->bytesAToB, std::optional<quint64>(100)); // hq sent
        QCOMPARE(find(t, QStringLiteral("hq-branch1"))->bytesBToA, std::optional<quint64>(40));  // branch1 sent
        QCOMPARE(find(t, QStringLiteral("hq-branch2"))->state, TunnelState::Up);
        // branch3 lost its SAs (a crash): hq still has them: half-up, both of hq's SAs unpaired.
        const TunnelReading* b3 = find(t, QStringLiteral("hq-branch3"));
        QCOMPARE(b3->state, TunnelState::Partial);
        QCOMPARE(b3->correlation.onlyOnA.size(), 2);
        QVERIFY(b3->correlation.findings.first().startsWith(QStringLiteral("half-up")));
        // Another tunnel's SAs never count for this one.
        QCOMPARE(NetworkMonitor::tunnelPart(n, n.tunnels[0], QStringLiteral("hq"), readings[QStringLiteral("hq")].snapshot).ikeSas.size(), 1);
    }

    void anUnreachableGatewayMakesItsTunnelsUnknown()
    {
        const NetworkProfile n = hubAndSpoke();
        QHash<QString, GatewayReading> readings;
        readings.insert(QStringLiteral("hq"), reachedGateway({}));
        readings.insert(QStringLiteral("branch1"), reachedGateway({}));
        GatewayReading gone;
        gone.reason = QStringLiteral("Cannot connect: Connection refused");
        readings.insert(QStringLiteral("branch2"), gone);
        // branch3 not polled yet
        const QList<TunnelReading> t = NetworkMonitor::tunnels(n, readings);
        QCOMPARE(find(t, QStringLiteral("hq-branch1"))->state, TunnelState::Down);
        QCOMPARE(find(t, QStringLiteral("hq-branch2"))->state, TunnelState::Unknown);
        QCOMPARE(find(t, QStringLiteral("hq-branch2"))->reason, QStringLiteral("branch2: Cannot connect: Connection refused"));
        QCOMPARE(find(t, QStringLiteral("hq-branch3"))->state, TunnelState::Unknown);
        QCOMPARE(find(t, QStringLiteral("hq-branch3"))->reason, QStringLiteral("branch3: not polled yet"));
        const QJsonObject json = NetworkMonitor::toJson(n, readings, t);
        QCOMPARE(json[QStringLiteral("gateways")][QStringLiteral("branch2")][QStringLiteral("reached")].toBool(), false);
        QCOMPARE(json[QStringLiteral("gateways")][QStringLiteral("branch2")][QStringLiteral("reason")].toString(), gone.reason);
        QCOMPARE(json[QStringLiteral("tunnels")].toArray().at(1)[QStringLiteral("state")].toString(), QStringLiteral("unknown"));
        QVERIFY(!json[QStringLiteral("tunnels")].toArray().at(1).toObject().contains(QStringLiteral("correlation")));
    }

    void someoneElsesPeerIsJudgedFromOurEnd()
    {
        NetworkProfile n = hubAndSpoke();
        n.sites[3].gateway.managed = false; // branch3
        QHash<QString, GatewayReading> readings;
        readings.insert(QStringLiteral("hq"), reachedGateway({swanctlIkeSa(QStringLiteral("hq-branch3"), QStringLiteral("203.0.113.1"), QStringLiteral("198.51.100.20"), 0x1003, 0x2003)}));
        readings.insert(QStringLiteral("branch1"), reachedGateway({}));
        readings.insert(QStringLiteral("branch2"), reachedGateway({}));
        const QList<TunnelReading> tunnels = NetworkMonitor::tunnels(n, readings);
        const TunnelReading* b3 = find(tunnels, QStringLiteral("hq-branch3"));
        QVERIFY(b3->oneSided);
        QCOMPARE(b3->state, TunnelState::Up);
        QCOMPARE(b3->bytesAToB, std::optional<quint64>(100));
        QVERIFY(b3->correlation.findings.isEmpty()); // no "half-up": the other end is not ours to see
        readings[QStringLiteral("hq")] = reachedGateway({});
        QCOMPARE(find(NetworkMonitor::tunnels(n, readings), QStringLiteral("hq-branch3"))->state, TunnelState::Down);
    }

    // setkey / ip xfrm: SAs by address; the dynamic branch2's are those of no other peer.
    void kernelSasByAddress()
    {
        const NetworkProfile n = hubAndSpoke();
        Snapshot hq;
        hq.format = SnapshotFormat::XfrmState;
        const auto sa = [](const char* src, const char* dst, quint32 spi) {
            SecurityAssociation s;
            s.src = QString::fromLatin1(src);
            s.dst = QString::fromLatin1(dst);
            s.proto = SaProtocol::Esp;
            s.spi = spi;
            s.hasSpi = true;
            return s;
        };
        hq.sas = {sa("203.0.113.1", "198.51.100.10", 1), sa("198.51.100.10", "203.0.113.1", 2), sa("203.0.113.1", "192.0.2.77", 3),
                  sa("192.0.2.77", "203.0.113.1", 4), sa("203.0.113.1", "198.51.100.20", 5)};
        const Snapshot toB1 = NetworkMonitor::tunnelPart(n, n.tunnels[0], QStringLiteral("hq"), hq);
        QCOMPARE(toB1.sas.size(), 2);
        const Snapshot toB2 = NetworkMonitor::tunnelPart(n, n.tunnels[1], QStringLiteral("hq"), hq);
        QCOMPARE(toB2.sas.size(), 2);
        QCOMPARE(toB2.sas.first().dst, QStringLiteral("192.0.2.77"));
        // On branch1 its private address becomes the public one hq sees.
        Snapshot b1;
        b1.sas = {sa("172.16.1.2", "203.0.113.1", 2)};
        QCOMPARE(NetworkMonitor::tunnelPart(n, n.tunnels[0], QStringLiteral("branch1"), b1).sas.first().src, QStringLiteral("198.51.100.10"));
    }
};

QTEST_GUILESS_MAIN(TestNetworkMonitor)
#include "TestNetworkMonitor.moc"
