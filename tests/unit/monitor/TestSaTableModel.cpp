// The monitor's SA table: each poll is applied by key with exactly the rowsInserted /
// rowsRemoved / dataChanged signals it needs — never a reset — and QAbstractItemModelTester
// finds nothing wrong.

#include "SaTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ipsecwiz;

namespace {

SecurityAssociation sa(quint32 spi, quint64 bytes, SaState state = SaState::Mature)
{
    SecurityAssociation s;
    s.src = QStringLiteral("198.51.100.1");
    s.dst = QStringLiteral("198.51.100.2");
    s.proto = SaProtocol::Esp;
    s.protoText = QStringLiteral("esp");
    s.spi = spi;
    s.hasSpi = true;
    s.bytes = bytes;
    s.state = state;
    s.encKey.hex = QByteArrayLiteral("00112233445566778899aabbccddeeff");
    return s;
}

struct Spies
{
    explicit Spies(SaTableModel& m)
        : inserted(&m, &QAbstractItemModel::rowsInserted), removed(&m, &QAbstractItemModel::rowsRemoved),
          changed(&m, &QAbstractItemModel::dataChanged), reset(&m, &QAbstractItemModel::modelReset)
    {
    }
    QSignalSpy inserted, removed, changed, reset;
};

} // namespace

class TestSaTableModel : public QObject
{
    Q_OBJECT

private slots:
    void addRemoveRekeyAndCounters()
    {
        SaTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        {
            Spies s(model);
            model.apply({sa(1, 0), sa(2, 0)}, 1000);
            QCOMPARE(s.inserted.size(), 1);
            QCOMPARE(s.inserted.first().at(1).toInt(), 0);
            QCOMPARE(s.inserted.first().at(2).toInt(), 1);
            QCOMPARE(s.reset.size(), 0);
        }
        {
            // Counters only: one dataChanged for the changed row, nothing else.
            Spies s(model);
            model.apply({sa(1, 0), sa(2, 2000)}, 2000);
            QCOMPARE(s.inserted.size(), 0);
            QCOMPARE(s.removed.size(), 0);
            QCOMPARE(s.reset.size(), 0);
            QCOMPARE(s.changed.size(), 1);
            QCOMPARE(s.changed.first().at(0).toModelIndex().row(), 1);
            QCOMPARE(s.changed.first().at(1).toModelIndex().row(), 1);
            QCOMPARE(model.data(model.index(1, SaTableModel::Rate)).toString(), QStringLiteral("2000 B/s"));
        }
        {
            // Nothing changed: no signal at all (the rate of row 1 drops to 0: one change).
            model.apply({sa(1, 0), sa(2, 4000)}, 3000);
            Spies s(model);
            model.apply({sa(1, 0), sa(2, 4000)}, 4000);
            QCOMPARE(s.changed.size(), 1); // row 1's rate went from 2000 B/s to 0
            Spies quiet(model);
            model.apply({sa(1, 0), sa(2, 4000)}, 5000);
            QCOMPARE(quiet.changed.size() + quiet.inserted.size() + quiet.removed.size() + quiet.reset.size(), 0);
        }
        {
            // Rekey: SA 1 replaced by SA 3 — one removal, one insertion, row 2 keeps its place.
            Spies s(model);
            model.apply({sa(2, 4000), sa(3, 0)}, 6000);
            QCOMPARE(s.removed.size(), 1);
            QCOMPARE(s.removed.first().at(1).toInt(), 0);
            QCOMPARE(s.inserted.size(), 1);
            QCOMPARE(s.inserted.first().at(1).toInt(), 1);
            QCOMPARE(s.reset.size(), 0);
            QCOMPARE(model.rowCount(), 2);
            QCOMPARE(model.sa(0).spi, quint32(2));
            QCOMPARE(model.sa(1).spi, quint32(3));
        }
        {
            // Several removals in two runs: two rowsRemoved, from the bottom up.
            model.apply({sa(2, 4000), sa(3, 0), sa(4, 0), sa(5, 0), sa(6, 0)}, 7000);
            Spies s(model);
            model.apply({sa(3, 0), sa(6, 0)}, 8000);
            QCOMPARE(s.removed.size(), 2);
            QCOMPARE(s.removed.at(0).at(1).toInt(), 2); // rows 2..3 (SPIs 4 and 5) first
            QCOMPARE(s.removed.at(0).at(2).toInt(), 3);
            QCOMPARE(s.removed.at(1).at(1).toInt(), 0); // then row 0 (SPI 2)
            QCOMPARE(model.rowCount(), 2);
        }
    }

    void keysMaskedUntilRevealed()
    {
        SaTableModel model;
        model.apply({sa(1, 0)}, 0);
        const QString masked = model.data(model.index(0, SaTableModel::EncKey)).toString();
        QVERIFY(!masked.contains(QStringLiteral("00112233445566778899aabbccddeeff")));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setKeysRevealed(true);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.data(model.index(0, SaTableModel::EncKey)).toString(), QStringLiteral("00112233445566778899aabbccddeeff"));
    }

    void swanctlChildrenBecomeTwoRows()
    {
        ChildSa c;
        c.state = QStringLiteral("INSTALLED");
        c.protocol = QStringLiteral("ESP");
        c.spiIn = 0xaa;
        c.spiOut = 0xbb;
        c.bytesIn = 10;
        c.bytesOut = 20;
        IkeSa ike;
        ike.localAddr = QStringLiteral("198.51.100.1");
        ike.remoteAddr = QStringLiteral("198.51.100.2");
        ike.children = {c};
        Snapshot s;
        s.ikeSas = {ike};
        const QList<SecurityAssociation> rows = saRowsOf(s);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).spi, quint32(0xbb));
        QCOMPARE(rows.at(0).src, QStringLiteral("198.51.100.1"));
        QCOMPARE(*rows.at(1).bytes, quint64(10));
    }
};

QTEST_GUILESS_MAIN(TestSaTableModel)
#include "TestSaTableModel.moc"
