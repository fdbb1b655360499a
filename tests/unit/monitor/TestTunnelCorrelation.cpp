// Pairing both gateways' SAs: twins by SPI, addresses and protocol; state up / partial / down;
// half-up, rekey leftovers and counters that rise on one side only.

#include "TunnelCorrelation.h"

#include <QTest>

using namespace ipsecwiz;

namespace {

const QString A = QStringLiteral("198.51.100.1");
const QString B = QStringLiteral("198.51.100.2");

SecurityAssociation sa(const QString& src, const QString& dst, quint32 spi, quint64 bytes, SaState state = SaState::Mature)
{
    SecurityAssociation s;
    s.src = src;
    s.dst = dst;
    s.proto = SaProtocol::Esp;
    s.protoText = QStringLiteral("esp");
    s.spi = spi;
    s.hasSpi = true;
    s.bytes = bytes;
    s.state = state;
    return s;
}

Snapshot snap(QList<SecurityAssociation> sas)
{
    Snapshot s;
    s.format = SnapshotFormat::SetkeySad;
    s.sas = std::move(sas);
    return s;
}

// swanctl view of one CHILD SA: the out SPI is what the peer receives with.
Snapshot swanctl(const QString& local, const QString& remote, quint32 in, quint32 out, quint64 bytesIn, quint64 bytesOut)
{
    ChildSa c;
    c.name = QStringLiteral("lab");
    c.state = QStringLiteral("INSTALLED");
    c.protocol = QStringLiteral("ESP");
    c.spiIn = in;
    c.spiOut = out;
    c.bytesIn = bytesIn;
    c.bytesOut = bytesOut;
    IkeSa ike;
    ike.name = QStringLiteral("lab");
    ike.localAddr = local;
    ike.remoteAddr = remote;
    ike.children = {c};
    Snapshot s;
    s.format = SnapshotFormat::Swanctl;
    s.ikeSas = {ike};
    return s;
}

} // namespace

class TestTunnelCorrelation : public QObject
{
    Q_OBJECT

private slots:
    void bothDirectionsPairedIsUp()
    {
        const Snapshot a = snap({sa(A, B, 0x1001, 500), sa(B, A, 0x2002, 300)});
        const Snapshot b = snap({sa(A, B, 0x1001, 500), sa(B, A, 0x2002, 300)});
        const Correlation c = correlate(a, b, A, B);
        QCOMPARE(c.state, TunnelState::Up);
        QCOMPARE(c.pairs.size(), 2);
        QVERIFY(c.onlyOnA.isEmpty() && c.onlyOnB.isEmpty());
        QVERIFY(c.findings.isEmpty());
        QCOMPARE(*c.bytesAToB, quint64(500));
        QCOMPARE(*c.bytesBToA, quint64(300));
    }

    void swanctlOnBothSidesPairsOutWithIn()
    {
        const Correlation c = correlate(swanctl(A, B, 0xaa, 0xbb, 10, 20), swanctl(B, A, 0xbb, 0xaa, 20, 10), A, B);
        QCOMPARE(c.state, TunnelState::Up);
        QCOMPARE(c.pairs.size(), 2);
        QCOMPARE(*c.bytesAToB, quint64(20));
    }

    void mixedSourcesPair()
    {
        // Gateway A read with setkey, gateway B with swanctl.
        const Snapshot a = snap({sa(A, B, 0xbb, 20), sa(B, A, 0xaa, 10)});
        const Correlation c = correlate(a, swanctl(B, A, 0xbb, 0xaa, 20, 10), A, B);
        QCOMPARE(c.state, TunnelState::Up);
    }

    void crashedPeerIsHalfUp()
    {
        const Snapshot a = snap({sa(A, B, 0x1001, 500), sa(B, A, 0x2002, 300)});
        const Correlation c = correlate(a, Snapshot{}, A, B);
        QCOMPARE(c.state, TunnelState::Partial);
        QCOMPARE(c.onlyOnA.size(), 2);
        QCOMPARE(c.findings.size(), 2);
        QVERIFY(c.findings.first().startsWith(QStringLiteral("half-up: gateway A has esp SA")));
    }

    void oneDirectionOnlyIsPartial()
    {
        const Snapshot a = snap({sa(A, B, 0x1001, 500)});
        const Snapshot b = snap({sa(A, B, 0x1001, 500)});
        QCOMPARE(correlate(a, b, A, B).state, TunnelState::Partial);
    }

    void larvalIsNotUp()
    {
        const Snapshot a = snap({sa(A, B, 0x1001, 0, SaState::Larval), sa(B, A, 0x2002, 0)});
        const Snapshot b = snap({sa(A, B, 0x1001, 0, SaState::Larval), sa(B, A, 0x2002, 0)});
        QCOMPARE(correlate(a, b, A, B).state, TunnelState::Partial);
    }

    void nothingIsDown()
    {
        QCOMPARE(correlate(Snapshot{}, Snapshot{}, A, B).state, TunnelState::Down);
    }

    void rekeyLeftoversAreFlagged()
    {
        const Snapshot a = snap({sa(A, B, 0x1001, 500), sa(A, B, 0x1003, 0), sa(B, A, 0x2002, 300)});
        const Snapshot b = snap({sa(A, B, 0x1001, 500), sa(A, B, 0x1003, 0), sa(B, A, 0x2002, 300)});
        const Correlation c = correlate(a, b, A, B);
        QCOMPARE(c.state, TunnelState::Up);
        QCOMPARE(c.findings.size(), 2); // once per gateway
        QVERIFY(c.findings.first().contains(QStringLiteral("left over from a rekey")));
    }

    void oneSidedCountersAreFlagged()
    {
        const Correlation before = correlate(snap({sa(A, B, 0x1001, 500), sa(B, A, 0x2002, 300)}),
                                             snap({sa(A, B, 0x1001, 500), sa(B, A, 0x2002, 300)}), A, B);
        // A sent 400 more bytes; B received none of them.
        const Correlation after = correlate(snap({sa(A, B, 0x1001, 900), sa(B, A, 0x2002, 300)}),
                                            snap({sa(A, B, 0x1001, 500), sa(B, A, 0x2002, 300)}), A, B, &before);
        QCOMPARE(after.findings.size(), 1);
        QVERIFY(after.findings.first().contains(QStringLiteral("rose by 400 bytes on the sender but not on the receiver")));
        // Both rising is normal.
        const Correlation fine = correlate(snap({sa(A, B, 0x1001, 900), sa(B, A, 0x2002, 300)}),
                                           snap({sa(A, B, 0x1001, 900), sa(B, A, 0x2002, 300)}), A, B, &before);
        QVERIFY(fine.findings.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTunnelCorrelation)
#include "TestTunnelCorrelation.moc"
