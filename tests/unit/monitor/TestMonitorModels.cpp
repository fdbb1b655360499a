// The monitor's smaller models: the SP table (updated by key, exact signals, never a reset), the
// event list's diff of two polls (added, rekeyed, removed; tunnel up / half-up / down), and the
// snapshot export (text, CSV with RFC 4180 quoting, no formulas, no keys unless revealed).

#include "MonitorEvents.h"
#include "SnapshotExport.h"
#include "SpTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ipsecwiz;

namespace {

SecurityPolicy sp(
    const QString& src, const QString& dst, PolicyDirection dir, const QString& tunnel = QStringLiteral("198.51.100.1-198.51.100.2"))
{
    SecurityPolicy p;
    p.src = src;
    p.dst = dst;
    p.upperProto = QStringLiteral("any");
    p.dir = dir;
    p.action = PolicyAction::Ipsec;
    PolicyTemplate t;
    t.proto = QStringLiteral("esp");
    t.mode = QStringLiteral("tunnel");
    t.src = tunnel.section(QLatin1Char('-'), 0, 0);
    t.dst = tunnel.section(QLatin1Char('-'), 1, 1);
    t.level = QStringLiteral("require");
    p.templates = { t };
    return p;
}

FlowSa flow(const QString& src, const QString& dst, quint32 spi)
{
    FlowSa f;
    f.src = src;
    f.dst = dst;
    f.proto = QStringLiteral("esp");
    f.spi = spi;
    return f;
}

const QString A = QStringLiteral("198.51.100.1");
const QString B = QStringLiteral("198.51.100.2");

} // namespace

class TestMonitorModels : public QObject
{
    Q_OBJECT

private slots:
    void policyTableUpdatesByKey()
    {
        SpTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        const SecurityPolicy out = sp(QStringLiteral("10.1.0.0/24"), QStringLiteral("10.2.0.0/24"), PolicyDirection::Out);
        const SecurityPolicy in = sp(
            QStringLiteral("10.2.0.0/24"), QStringLiteral("10.1.0.0/24"), PolicyDirection::In, QStringLiteral("198.51.100.2-198.51.100.1"));
        const SecurityPolicy fwd = sp(QStringLiteral("10.2.0.0/24"), QStringLiteral("10.1.0.0/24"), PolicyDirection::Fwd,
            QStringLiteral("198.51.100.2-198.51.100.1"));
        model.apply({ out, in, fwd });
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 2);
        QCOMPARE(model.index(0, SpTableModel::Templates).data().toString(), QStringLiteral("esp/tunnel/198.51.100.1-198.51.100.2/require"));
        QCOMPARE(model.index(2, SpTableModel::Direction).data().toString(), QStringLiteral("fwd"));

        // The same poll again: no signal at all.
        inserted.clear();
        model.apply({ out, in, fwd });
        QCOMPARE(inserted.size() + removed.size() + changed.size(), 0);

        // The in policy's action changes; the fwd one goes; a new out policy arrives.
        SecurityPolicy discard = in;
        discard.action = PolicyAction::Discard;
        const SecurityPolicy extra = sp(QStringLiteral("10.1.1.0/24"), QStringLiteral("10.2.0.0/24"), PolicyDirection::Out);
        model.apply({ out, discard, extra });
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 2);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(1, SpTableModel::Action).data().toString(), QStringLiteral("discard"));
        QCOMPARE(reset.size(), 0);

        model.apply({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.size(), 0);
    }

    void policyListedTwiceInOnePollIsOneRow()
    {
        SpTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const SecurityPolicy out = sp(QStringLiteral("10.1.0.0/24"), QStringLiteral("10.2.0.0/24"), PolicyDirection::Out);
        model.apply({ out, out });
        QCOMPARE(model.rowCount(), 1);
        model.apply({ out });
        QCOMPARE(model.rowCount(), 1);
    }

    void eventsOfTwoPolls()
    {
        const QList<FlowSa> first { flow(A, B, 0x1001), flow(B, A, 0x2002) };
        QVERIFY(saEvents(first, first).isEmpty());

        const QList<MonitorEvent> added = saEvents({}, first);
        QCOMPARE(added.size(), 2);
        QCOMPARE(added.at(0).kind, MonitorEvent::Kind::SaAdded);
        QVERIFY(added.at(0).text.contains(QStringLiteral("0x00001001")));

        // A rekey: a new SPI for A→B while the old one lingers, then the old one goes.
        const QList<MonitorEvent> rekey = saEvents(first, { flow(A, B, 0x1001), flow(B, A, 0x2002), flow(A, B, 0x3003) });
        QCOMPARE(rekey.size(), 1);
        QCOMPARE(rekey.at(0).kind, MonitorEvent::Kind::SaRekeyed);
        QVERIFY2(rekey.at(0).text.contains(QStringLiteral("new SPI 0x00003003 (was 0x00001001)")), qPrintable(rekey.at(0).text));
        const QList<MonitorEvent> expired
            = saEvents({ flow(A, B, 0x1001), flow(B, A, 0x2002), flow(A, B, 0x3003) }, { flow(B, A, 0x2002), flow(A, B, 0x3003) });
        QCOMPARE(expired.size(), 1);
        QCOMPARE(expired.at(0).kind, MonitorEvent::Kind::SaRemoved);
        QVERIFY(expired.at(0).text.contains(QStringLiteral("0x00001001")));

        QCOMPARE(saEvents(first, {}).size(), 2);
    }

    void tunnelStateEvents()
    {
        QVERIFY(!stateEvent(TunnelState::Up, TunnelState::Up));
        QVERIFY(!stateEvent(TunnelState::Up, TunnelState::Unknown));
        QCOMPARE(stateEvent(TunnelState::Unknown, TunnelState::Up)->kind, MonitorEvent::Kind::TunnelUp);
        QCOMPARE(stateEvent(TunnelState::Up, TunnelState::Partial)->kind, MonitorEvent::Kind::TunnelPartial);
        QCOMPARE(stateEvent(TunnelState::Partial, TunnelState::Down)->kind, MonitorEvent::Kind::TunnelDown);
        QCOMPARE(eventKindName(MonitorEvent::Kind::SaRekeyed), QStringLiteral("rekeyed"));
    }

    void csvQuotesAndNeverRunsFormulas()
    {
        SecurityAssociation sa;
        sa.src = A;
        sa.dst = B;
        sa.proto = SaProtocol::Esp;
        sa.protoText = QStringLiteral("esp");
        sa.spi = 0xc0ffee;
        sa.hasSpi = true;
        sa.state = SaState::Mature;
        sa.encAlg = QStringLiteral("=HYPERLINK(\"http://x\",\"a,b\")"); // a hostile gateway's "algorithm"
        sa.encKey.hex = QByteArrayLiteral("00112233445566778899aabbccddeeff");
        sa.bytes = 1234;
        const SecurityPolicy p = sp(QStringLiteral("10.1.0.0/24"), QStringLiteral("10.2.0.0/24"), PolicyDirection::Out);

        const QString masked = SnapshotExport::csv({ { QStringLiteral("A"), { sa }, { p } } });
        const QStringList lines = masked.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(
            lines.at(0), QStringLiteral("gateway,kind,src,dst,proto,spi,mode,reqid,state,enc,auth,bytes,packets,dir,action,templates"));
        QCOMPARE(lines.at(1),
            QStringLiteral(
                "A,sa,198.51.100.1,198.51.100.2,esp,0x00c0ffee,,,mature,\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\",,1234,,,,"));
        QCOMPARE(
            lines.at(2), QStringLiteral("A,sp,10.1.0.0/24,10.2.0.0/24,any,,,,,,,,,out,ipsec,esp/tunnel/198.51.100.1-198.51.100.2/require"));
        QVERIFY(!masked.contains(QStringLiteral("00112233")));

        const QString revealed = SnapshotExport::csv({ { QStringLiteral("A"), { sa }, {} } }, true);
        QVERIFY(revealed.startsWith(QStringLiteral(
            "gateway,kind,src,dst,proto,spi,mode,reqid,state,enc,auth,bytes,packets,dir,action,templates,enc_key,auth_key\r\n")));
        QVERIFY(revealed.contains(QStringLiteral(",00112233445566778899aabbccddeeff,\r\n")));
    }

    void textNamesEverySaAndPolicy()
    {
        Snapshot s;
        SecurityAssociation sa;
        sa.src = A;
        sa.dst = B;
        sa.protoText = QStringLiteral("esp");
        sa.spi = 0x1001;
        sa.hasSpi = true;
        sa.stateText = QStringLiteral("mature");
        sa.encKey.hex = QByteArrayLiteral("deadbeefdeadbeef");
        s.sas = { sa };
        s.policies = { sp(QStringLiteral("10.1.0.0/24"), QStringLiteral("10.2.0.0/24"), PolicyDirection::Out) };
        const QString t = SnapshotExport::text(s);
        QVERIFY2(t.contains(QStringLiteral("SA  198.51.100.1 -> 198.51.100.2 esp spi 0x00001001 mature")), qPrintable(t));
        QVERIFY2(t.contains(QStringLiteral("SP  10.1.0.0/24 -> 10.2.0.0/24 any out ipsec esp/tunnel/198.51.100.1-198.51.100.2/require")),
            qPrintable(t));
        QVERIFY(!t.contains(QStringLiteral("deadbeef")));
        QCOMPARE(SnapshotExport::text(Snapshot {}), QStringLiteral("  (no SAs)\n"));
    }

    // The exact lines, SAs first, then policies and IKE SAs after them (not over them).
    void textLines()
    {
        Snapshot s;
        SecurityAssociation sa;
        sa.src = A;
        sa.dst = B;
        sa.proto = SaProtocol::EspUdp;
        sa.spi = 0xc0ffee01;
        sa.hasSpi = true;
        sa.state = SaState::Mature;
        sa.encAlg = QStringLiteral("aes-cbc");
        sa.bytes = 18446744073709551615ull;
        SecurityAssociation bare;
        bare.stateText = QStringLiteral("%1 larval");
        s.sas = { sa, bare };
        s.policies = { sp(QStringLiteral("10.1.0.0/24"), QStringLiteral("10.2.0.0/24"), PolicyDirection::Out) };
        IkeSa ike;
        ike.name = QStringLiteral("site");
        ike.uniqueId = 7;
        ike.state = QStringLiteral("ESTABLISHED");
        s.ikeSas = { ike };
        s.warnings = { QStringLiteral("w") };
        QCOMPARE(SnapshotExport::text(s),
            QStringLiteral("  SA  198.51.100.1 -> 198.51.100.2 esp-udp spi 0xc0ffee01 mature aes-cbc 18446744073709551615 bytes\n"
                           "  SA   ->  unknown spi  %1 larval\n"
                           "  SP  10.1.0.0/24 -> 10.2.0.0/24 any out ipsec esp/tunnel/198.51.100.1-198.51.100.2/require\n"
                           "  IKE site #7 ESTABLISHED  <->  \n"
                           "  warning: w\n"));
    }
};

QTEST_GUILESS_MAIN(TestMonitorModels)
#include "TestMonitorModels.moc"
