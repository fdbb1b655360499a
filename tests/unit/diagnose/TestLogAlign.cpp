// Two gateways' logs of one attempt laid side by side (IkeLog::align): the clocks cannot be
// trusted and `swanctl --log` writes none, so the rows are anchored on the IKE packets both logs
// name, one's "sending packet" beside the other's "received packet". Read on the recorded
// attempts (tests/fixtures/logs/charon) and on hand-written ones: a retransmit of which one copy
// arrived, and addresses that NAT changed.

#include "IkeLog.h"
#include "RecordedLogs.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <numeric>

using namespace ipsecwiz;
using ipsecwiz::test::recorded;

namespace {

struct PacketLine
{
    bool sent;
    QString from, to;
    int size;
};

std::optional<PacketLine> packet(const IkeLogEvent& e)
{
    static const QRegularExpression re(QStringLiteral("^(sending|received) packet: from (\\S+) to (\\S+) \\((\\d+) bytes\\)"));
    const auto m = re.match(e.message);
    if (!m.hasMatch())
        return std::nullopt;
    return PacketLine{m.captured(1) == QLatin1String("sending"), m.captured(2), m.captured(3), m.captured(4).toInt()};
}

// What every alignment must be: each side's events all there, once, in their order; no empty row;
// a row with both sides only for one packet seen from both ends. The pairs, as (A's line, B's line).
QList<std::pair<int, int>> checked(const QList<IkeLogEvent>& a, const QList<IkeLogEvent>& b, const QList<IkeLog::AlignedRow>& rows,
                                   bool sameAddresses = true)
{
    QList<int> seenA, seenB;
    QList<std::pair<int, int>> pairs;
    for (const IkeLog::AlignedRow& r : rows) {
        if (r.a < 0 && r.b < 0)
            qFatal("an empty row");
        if (r.a >= 0)
            seenA << r.a;
        if (r.b >= 0)
            seenB << r.b;
        if (r.a >= 0 && r.b >= 0) {
            const auto pa = packet(a.at(r.a));
            const auto pb = packet(b.at(r.b));
            if (!pa || !pb || pa->sent == pb->sent || pa->size != pb->size || (sameAddresses && (pa->from != pb->from || pa->to != pb->to)))
                qFatal("not one packet: %s | %s", qPrintable(a.at(r.a).message), qPrintable(b.at(r.b).message));
            pairs.emplaceBack(a.at(r.a).line, b.at(r.b).line);
        }
    }
    QList<int> allA(a.size()), allB(b.size());
    std::iota(allA.begin(), allA.end(), 0);
    std::iota(allB.begin(), allB.end(), 0);
    if (seenA != allA || seenB != allB)
        qFatal("an event missing, twice, or out of its order");
    return pairs;
}

QList<IkeLogEvent> written(const char* text)
{
    return IkeLog::parse(QByteArray(text));
}

} // namespace

class TestLogAlign : public QObject
{
    Q_OBJECT

private slots:
    void recordedAttempts_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("pairs");
        // Every packet arrived: all four IKEv2 packets (IKE_SA_INIT, IKE_AUTH and their answers)
        // and IKEv1's eight (Main Mode's six, Quick Mode's two; the last, B's 76-byte delete
        // notify, is logged by B only).
        QTest::newRow("ok") << QStringLiteral("ok") << 4;
        QTest::newRow("psk") << QStringLiteral("psk") << 4;
        QTest::newRow("ts") << QStringLiteral("ts") << 4;
        QTest::newRow("esp-proposal") << QStringLiteral("esp-proposal") << 4;
        QTest::newRow("ikev1-ok") << QStringLiteral("ikev1-ok") << 8;
        // IKEv1 with a key that differs: A's fifth packet, sent twice, arrived twice.
        QTest::newRow("ikev1-psk") << QStringLiteral("ikev1-psk") << 8;
        // The request and both its retransmits arrived; none of the three answers did.
        QTest::newRow("answer-lost") << QStringLiteral("answer-lost") << 3;
        // Nothing arrived: A's three copies each a row of their own, B's log empty.
        QTest::newRow("no-packet-arrives") << QStringLiteral("no-packet-arrives") << 0;
    }
    void recordedAttempts()
    {
        QFETCH(QString, scenario);
        QFETCH(int, pairs);
        const QList<IkeLogEvent> a = recorded(scenario + QStringLiteral(".a.log"));
        const QList<IkeLogEvent> b = recorded(scenario + QStringLiteral(".b.log"));
        const QList<IkeLog::AlignedRow> rows = IkeLog::align(a, b);
        QCOMPARE(checked(a, b, rows).size(), pairs);
        // Every row holds one event or a pair: as many rows as events less the pairs.
        QCOMPARE(rows.size(), a.size() + b.size() - pairs);
    }

    void aWorkingAttemptPairsEachPacket()
    {
        const QList<IkeLogEvent> a = recorded(QStringLiteral("ok.a.log"));
        const QList<IkeLogEvent> b = recorded(QStringLiteral("ok.b.log"));
        const QList<IkeLog::AlignedRow> rows = IkeLog::align(a, b);
        // A's IKE_SA_INIT request (its line 4) is B's line 1, B's answer (7) A's line 5; IKE_AUTH
        // the same: A's 12 is B's 8, B's 21 is A's 13.
        QCOMPARE(checked(a, b, rows), (QList<std::pair<int, int>>{{4, 1}, {5, 7}, {12, 8}, {13, 21}}));
        // Before B's answer, B's lines that lead to it (parsing the request, choosing a proposal);
        // after A's IKE_AUTH request, B's checking it before A reads the answer.
        QCOMPARE(rows.at(0).a, 0);
        QCOMPARE(rows.at(4).b, 1); // the row after the first pair: B parses the request
    }

    void linesBetweenPacketsByTimeWhereBothHaveIt()
    {
        // B answered at 20:35:31 (its lines 2-7), A retransmitted at 20:35:35 (its line 5): B's
        // answer comes first, though A's retransmit leads to the next pair.
        const QList<IkeLogEvent> a = recorded(QStringLiteral("answer-lost.a.log"));
        const QList<IkeLogEvent> b = recorded(QStringLiteral("answer-lost.b.log"));
        const QList<IkeLog::AlignedRow> rows = IkeLog::align(a, b);
        QCOMPARE(checked(a, b, rows), (QList<std::pair<int, int>>{{4, 1}, {6, 8}, {8, 11}}));
        const auto rowOf = [&](bool ofA, int line) {
            for (qsizetype i = 0; i < rows.size(); ++i) {
                const int e = ofA ? rows.at(i).a : rows.at(i).b;
                if (e >= 0 && (ofA ? a : b).at(e).line == line)
                    return i;
            }
            return qsizetype(-1);
        };
        QVERIFY(rowOf(false, 7) < rowOf(true, 5));
    }

    void theRetransmitThatArrived()
    {
        // swanctl --log, no times: A's first IKE_SA_INIT was lost, the retransmit arrived and was
        // answered. The pair is A's second copy; the first stays a row of its own.
        const QList<IkeLogEvent> a = written("[IKE] <lab|1> initiating IKE_SA lab[1] to 198.51.100.2\n"
                                             "[NET] <lab|1> sending packet: from 198.51.100.1[500] to 198.51.100.2[500] (232 bytes)\n"
                                             "[IKE] <lab|1> retransmit 1 of request with message ID 0\n"
                                             "[NET] <lab|1> sending packet: from 198.51.100.1[500] to 198.51.100.2[500] (232 bytes)\n"
                                             "[NET] <lab|1> received packet: from 198.51.100.2[500] to 198.51.100.1[500] (240 bytes)\n"
                                             "[CFG] <lab|1> selected proposal: IKE:AES_GCM_16_256/PRF_HMAC_SHA2_256/CURVE_25519\n");
        const QList<IkeLogEvent> b = written("[NET] <1> received packet: from 198.51.100.1[500] to 198.51.100.2[500] (232 bytes)\n"
                                             "[IKE] <1> 198.51.100.1 is initiating an IKE_SA\n"
                                             "[NET] <1> sending packet: from 198.51.100.2[500] to 198.51.100.1[500] (240 bytes)\n");
        const QList<IkeLog::AlignedRow> rows = IkeLog::align(a, b);
        QCOMPARE(checked(a, b, rows), (QList<std::pair<int, int>>{{4, 1}, {5, 3}}));
        // The sender's lines before its packet, the receiver's before its answer, and what the
        // last packet's receiver says after it.
        const QList<std::pair<int, int>> expected{{0, -1}, {1, -1}, {2, -1}, {3, 0}, {-1, 1}, {4, 2}, {5, -1}};
        QList<std::pair<int, int>> got;
        for (const IkeLog::AlignedRow& r : rows)
            got.emplaceBack(r.a, r.b);
        QCOMPARE(got, expected);
    }

    void timesPickTheCopyThatArrived()
    {
        // Both logs with times, B's clock an hour ahead (charon's file on A, the journal on B). The
        // IKE_AUTH request arrived the first time; B's answer was lost, and so was A's retransmit.
        // Without times the later copy would be taken; the offset that IKE_SA_INIT's pair shows
        // says it was the first.
        const QList<IkeLogEvent> a = written(
            "2026-12-04 20:00:00 01[NET] <lab|1> sending packet: from 198.51.100.1[500] to 198.51.100.2[500] (232 bytes)\n"
            "2026-12-04 20:00:00 02[NET] <lab|1> received packet: from 198.51.100.2[500] to 198.51.100.1[500] (240 bytes)\n"
            "2026-12-04 20:00:00 02[NET] <lab|1> sending packet: from 198.51.100.1[4500] to 198.51.100.2[4500] (269 bytes)\n"
            "2026-12-04 20:00:04 03[IKE] <lab|1> retransmit 1 of request with message ID 1\n"
            "2026-12-04 20:00:04 03[NET] <lab|1> sending packet: from 198.51.100.1[4500] to 198.51.100.2[4500] (269 bytes)\n");
        const QList<IkeLogEvent> b = written(
            "Dec  4 21:00:00 gw charon[812]: 05[NET] <1> received packet: from 198.51.100.1[500] to 198.51.100.2[500] (232 bytes)\n"
            "Dec  4 21:00:00 gw charon[812]: 05[NET] <1> sending packet: from 198.51.100.2[500] to 198.51.100.1[500] (240 bytes)\n"
            "Dec  4 21:00:00 gw charon[812]: 06[NET] <1> received packet: from 198.51.100.1[4500] to 198.51.100.2[4500] (269 bytes)\n"
            "Dec  4 21:00:00 gw charon[812]: 06[NET] <lab|1> sending packet: from 198.51.100.2[4500] to 198.51.100.1[4500] (225 bytes)\n");
        QCOMPARE(b.size(), 4);
        QCOMPARE(checked(a, b, IkeLog::align(a, b)), (QList<std::pair<int, int>>{{1, 1}, {2, 2}, {3, 3}}));
    }

    void addressesChangedByNat()
    {
        // A behind a NAT sees its own private address; B sees the NAT's. Size and direction pair
        // them, in order; B's extra packet (a request of another peer) has no partner.
        const QList<IkeLogEvent> a = written("[NET] sending packet: from 10.1.0.1[500] to 198.51.100.2[500] (232 bytes)\n"
                                             "[NET] received packet: from 198.51.100.2[500] to 10.1.0.1[500] (240 bytes)\n"
                                             "[NET] sending packet: from 10.1.0.1[4500] to 198.51.100.2[4500] (269 bytes)\n"
                                             "[NET] received packet: from 198.51.100.2[4500] to 10.1.0.1[4500] (225 bytes)\n");
        const QList<IkeLogEvent> b = written("[NET] received packet: from 203.0.113.7[500] to 198.51.100.2[500] (232 bytes)\n"
                                             "[NET] sending packet: from 198.51.100.2[500] to 203.0.113.7[500] (240 bytes)\n"
                                             "[NET] received packet: from 192.0.2.9[500] to 198.51.100.2[500] (300 bytes)\n"
                                             "[NET] received packet: from 203.0.113.7[1024] to 198.51.100.2[4500] (269 bytes)\n"
                                             "[NET] sending packet: from 198.51.100.2[4500] to 203.0.113.7[1024] (225 bytes)\n");
        const QList<IkeLog::AlignedRow> rows = IkeLog::align(a, b);
        QCOMPARE(checked(a, b, rows, false), (QList<std::pair<int, int>>{{1, 1}, {2, 2}, {3, 4}, {4, 5}}));
    }

    void longLogsStillPairInOrder()
    {
        // More packets than the full matching takes (a day of rekeying in the journal): each
        // still beside its partner, B's own extra packets alone.
        QByteArray textA, textB;
        for (int i = 0; i < 1100; ++i) {
            const QByteArray size = QByteArray::number(100 + i % 50);
            textA += "[NET] sending packet: from 198.51.100.1[4500] to 198.51.100.2[4500] (" + size + " bytes)\n";
            textB += "[NET] received packet: from 198.51.100.1[4500] to 198.51.100.2[4500] (" + size + " bytes)\n";
            if (i % 100 == 0)
                textB += "[NET] received packet: from 192.0.2.9[500] to 198.51.100.2[500] (999 bytes)\n";
        }
        const QList<IkeLogEvent> a = IkeLog::parse(textA);
        const QList<IkeLogEvent> b = IkeLog::parse(textB);
        QCOMPARE(checked(a, b, IkeLog::align(a, b)).size(), 1100);
    }

    void oneSideEmpty()
    {
        const QList<IkeLogEvent> a = recorded(QStringLiteral("ok.a.log"));
        const QList<IkeLog::AlignedRow> rows = IkeLog::align(a, {});
        QCOMPARE(checked(a, {}, rows).size(), 0);
        QCOMPARE(IkeLog::align({}, a).size(), a.size());
        QVERIFY(IkeLog::align({}, {}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLogAlign)
#include "TestLogAlign.moc"
