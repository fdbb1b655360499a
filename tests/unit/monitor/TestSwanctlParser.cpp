// `swanctl --list-sas` parsing against the strongSwan documentation's example, an old-format
// capture from a bug report and this machine's lab (sources in tests/fixtures/monitor/README.md),
// every fixture cut at every line, and garbage.

#include "ParserTestSupport.h"
#include "SnapshotParser.h"
#include "SwanctlParser.h"
#include "TestConfig.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

QList<Span> childSpans(const Snapshot& s)
{
    QList<Span> out;
    for (const auto& ike : s.ikeSas) {
        for (const auto& c : ike.children)
            out += { c.firstLine, c.lastLine,
                ike.key() + QLatin1Char('/') + c.name + QLatin1Char('#') + QString::number(c.uniqueId.value_or(0)) };
    }
    return out;
}

// A CHILD SA ends with its "remote" selectors, so a cut inside one must be flagged. An IKE SA
// has no end marker (a cut right after one CHILD SA looks like an IKE SA with one CHILD SA):
// for IKE SAs only "nothing invented, nothing finished lost" is checked.
void checkEveryCut(const QByteArray& text)
{
    const Snapshot full = SwanctlParser::parse(text);
    QVERIFY(!full.truncated);
    const QList<Span> all = childSpans(full);
    // Auto-detection picks this parser for the text.
    QCOMPARE(childSpans(SnapshotParser::parse(text)).size(), all.size());
    const QList<qsizetype> ends = lineEnds(text);
    for (int k = 0; k <= ends.size(); ++k) {
        const qsizetype at = k == 0 ? 0 : ends[k - 1];
        const Snapshot cut = SwanctlParser::parse(QByteArrayView(text).first(at));
        const QList<Span> got = childSpans(cut);
        int complete = 0;
        bool straddles = false;
        for (const Span& s : all) {
            if (s.last <= k)
                ++complete;
            else if (s.first <= k)
                straddles = true;
        }
        QVERIFY2(got.size() == complete,
            qPrintable(QStringLiteral("cut after line %1: %2 CHILD SAs, expected %3").arg(k).arg(got.size()).arg(complete)));
        for (int i = 0; i < got.size(); ++i)
            QCOMPARE(got[i].key, all[i].key);
        if (straddles)
            QVERIFY2(cut.truncated, qPrintable(QStringLiteral("cut after line %1 not flagged").arg(k)));
        QVERIFY(cut.ikeSas.size() <= full.ikeSas.size());
        for (int i = 0; i < cut.ikeSas.size(); ++i)
            QCOMPARE(cut.ikeSas[i].key(), full.ikeSas[i].key());
        if (k < ends.size() && ends[k] - at > 2) {
            const Snapshot mid = SwanctlParser::parse(QByteArrayView(text).first(at + (ends[k] - at) / 2));
            QVERIFY(mid.truncated);
            QVERIFY(childSpans(mid).size() <= complete);
        }
    }
}

} // namespace

class TestSwanctlParser final : public QObject
{
    Q_OBJECT

private slots:
    void documentationExample()
    {
        const QByteArray text = fixture("swanctl-list-sas-docs-example.txt");
        QCOMPARE(SnapshotParser::detect(text), SnapshotFormat::Swanctl);
        const Snapshot s = SwanctlParser::parse(text);
        QCOMPARE(s.format, SnapshotFormat::Swanctl);
        QCOMPARE(s.ikeSas.size(), 1);
        QVERIFY(s.unknownLines.isEmpty());
        QVERIFY(s.warnings.isEmpty());
        const IkeSa& ike = s.ikeSas[0];
        QCOMPARE(ike.name, QStringLiteral("home"));
        QCOMPARE(ike.uniqueId, std::optional<quint32>(1));
        QCOMPARE(ike.state, QStringLiteral("ESTABLISHED"));
        QCOMPARE(ike.version, 2);
        QCOMPARE(ike.initiatorSpi, QStringLiteral("6fd55d95f66b4a67"));
        QCOMPARE(ike.responderSpi, QStringLiteral("cea64d4a303e0ca2"));
        QVERIFY(ike.localIsInitiator);
        QCOMPARE(ike.localId, QStringLiteral("carol@strongswan.org"));
        QCOMPARE(ike.localAddr, QStringLiteral("192.168.0.100"));
        QCOMPARE(ike.localPort, std::optional<quint16>(4500));
        QCOMPARE(ike.remoteId, QStringLiteral("moon.strongswan.org"));
        QCOMPARE(ike.remoteAddr, QStringLiteral("192.168.0.1"));
        QCOMPARE(ike.proposal, QStringLiteral("AES_CBC-128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/CURVE_25519"));
        QCOMPARE(ike.establishedSeconds, std::optional<quint64>(1));
        QCOMPARE(ike.rekeySeconds, std::optional<quint64>(14043));
        QCOMPARE(ike.reauthSeconds, std::nullopt);
        QCOMPARE(ike.children.size(), 1);
        const ChildSa& c = ike.children[0];
        QCOMPARE(c.name, QStringLiteral("net"));
        QCOMPARE(c.uniqueId, std::optional<quint32>(1));
        QCOMPARE(c.reqid, std::optional<quint32>(1));
        QCOMPARE(c.state, QStringLiteral("INSTALLED"));
        QCOMPARE(c.mode, QStringLiteral("TUNNEL"));
        QVERIFY(!c.udpEncap);
        QCOMPARE(c.protocol, QStringLiteral("ESP"));
        QCOMPARE(c.proposal, QStringLiteral("AES_GCM_16-128"));
        QCOMPARE(c.installedSeconds, std::optional<quint64>(1));
        QCOMPARE(c.rekeySeconds, std::optional<quint64>(3397));
        QCOMPARE(c.expireSeconds, std::optional<quint64>(3959));
        QCOMPARE(c.spiIn, std::optional<quint32>(0xc8931e89));
        QCOMPARE(c.spiOut, std::optional<quint32>(0xcee78125));
        QCOMPARE(c.bytesIn, std::optional<quint64>(84));
        QCOMPARE(c.packetsIn, std::optional<quint64>(1));
        QCOMPARE(c.lastUseInSeconds, std::optional<quint64>(0));
        QCOMPARE(c.bytesOut, std::optional<quint64>(84));
        QCOMPARE(c.localTs, QStringList { QStringLiteral("192.168.0.100/32") });
        QCOMPARE(c.remoteTs, QStringList { QStringLiteral("10.1.0.0/16") });
        QCOMPARE(c.firstLine, 6);
        QCOMPARE(c.lastLine, 11);
    }

    void oldFormatWithColonSpis()
    {
        const Snapshot s = SwanctlParser::parse(fixture("swanctl-list-sas-rancher-5.3.txt"));
        QCOMPARE(s.ikeSas.size(), 2);
        QVERIFY2(s.unknownLines.isEmpty(), qPrintable(s.unknownLines.join(QLatin1Char('\n'))));
        const IkeSa& ike = s.ikeSas[0];
        QCOMPARE(ike.uniqueId, std::optional<quint32>(2732));
        QCOMPARE(ike.initiatorSpi, QStringLiteral("adbf8bd39b23fd5b"));
        QCOMPARE(ike.responderSpi, QStringLiteral("cf503a5ea2e22817"));
        QCOMPARE(ike.localAddr, QStringLiteral("172.17.0.2"));
        QCOMPARE(ike.localPort, std::nullopt);
        QCOMPARE(ike.remoteAddr, QStringLiteral("138.201.55.14"));
        const ChildSa& c = ike.children[0];
        QVERIFY(c.udpEncap);
        QCOMPARE(c.mode, QStringLiteral("TUNNEL"));
        QCOMPARE(c.reqid, std::optional<quint32>(1234));
        QCOMPARE(c.proposal, QStringLiteral("AES_CBC-128/HMAC_SHA1_96"));
        QCOMPARE(c.installedSeconds, std::optional<quint64>(2214320));
        QCOMPARE(c.bytesIn, std::optional<quint64>(0));
        QCOMPARE(c.lastUseInSeconds, std::nullopt); // never used: no "ago"
        QCOMPARE(s.ikeSas[1].children[0].spiOut, std::optional<quint32>(0xc887d15f));
    }

    void labGatewaysAreTwins()
    {
        // Real output of this machine's lab after `ipsec-wizard push` and a ping (README).
        const Snapshot a = SnapshotParser::parse(fixture("lab-gateway-a-swanctl-list-sas.txt"));
        const Snapshot b = SnapshotParser::parse(fixture("lab-gateway-b-swanctl-list-sas.txt"));
        QCOMPARE(a.format, SnapshotFormat::Swanctl);
        QCOMPARE(a.ikeSas.size(), 1);
        QCOMPARE(b.ikeSas.size(), 1);
        QVERIFY(a.unknownLines.isEmpty() && b.unknownLines.isEmpty());
        const IkeSa& ia = a.ikeSas[0];
        const IkeSa& ib = b.ikeSas[0];
        QCOMPARE(ia.name, QStringLiteral("lab"));
        QCOMPARE(ia.proposal, QStringLiteral("AES_GCM_16-256/PRF_HMAC_SHA2_256/CURVE_25519"));
        QCOMPARE(ia.localAddr, QStringLiteral("198.51.100.1"));
        QCOMPARE(ia.remotePort, std::optional<quint16>(4500));
        QVERIFY(!ia.localIsInitiator);
        QVERIFY(ib.localIsInitiator);
        QCOMPARE(ia.initiatorSpi, ib.initiatorSpi);
        const ChildSa& ca = ia.children[0];
        const ChildSa& cb = ib.children[0];
        QVERIFY(ca.udpEncap);
        QCOMPARE(ca.proposal, QStringLiteral("AES_GCM_16-256"));
        // What A receives with, B sends with, and the counters agree.
        QCOMPARE(ca.spiIn, cb.spiOut);
        QCOMPARE(ca.spiOut, cb.spiIn);
        QCOMPARE(ca.bytesIn, cb.bytesOut);
        QCOMPARE(ca.packetsIn, std::optional<quint64>(8));
        QCOMPARE(ca.localTs, cb.remoteTs);
    }

    void labRekeyLeavesDeletedChild()
    {
        // Real output right after `swanctl --rekey --child lab` and then `--rekey --ike lab` in
        // the lab: the old CHILD SA is still listed as DELETED next to its successor, which the
        // rekey negotiated with PFS (the proposal then carries the DH group).
        const Snapshot s = SwanctlParser::parse(fixture("lab-gateway-a-swanctl-after-child-rekey.txt"));
        QCOMPARE(s.ikeSas.size(), 1);
        QVERIFY(s.unknownLines.isEmpty());
        const IkeSa& ike = s.ikeSas[0];
        QCOMPARE(ike.children.size(), 2);
        QCOMPARE(ike.children[0].state, QStringLiteral("DELETED"));
        QCOMPARE(ike.children[0].uniqueId, std::optional<quint32>(2));
        QCOMPARE(ike.children[1].state, QStringLiteral("INSTALLED"));
        QCOMPARE(ike.children[1].proposal, QStringLiteral("AES_GCM_16-256/CURVE_25519"));
        QCOMPARE(ike.children[1].reqid, ike.children[0].reqid);
        QCOMPARE(ike.children[1].lastUseInSeconds, std::nullopt);

        const Snapshot a = SwanctlParser::parse(fixture("lab-gateway-a-swanctl-after-ike-rekey.txt"));
        const Snapshot b = SwanctlParser::parse(fixture("lab-gateway-b-swanctl-after-ike-rekey.txt"));
        QCOMPARE(a.ikeSas[0].uniqueId, std::optional<quint32>(3));
        QVERIFY(a.ikeSas[0].localIsInitiator); // gateway A initiated the IKE rekey
        QCOMPARE(a.ikeSas[0].initiatorSpi, b.ikeSas[0].initiatorSpi);
        // The old CHILD SA's counters: A sent 3 packets on it, B received 6.
        QCOMPARE(a.ikeSas[0].children[0].packetsOut, std::optional<quint64>(3));
        QCOMPARE(b.ikeSas[0].children[0].packetsIn, std::optional<quint64>(6));
    }

    void labConnectingWithTasks()
    {
        // Real output after gateway B's charon was killed and gateway A re-initiated: an IKE SA
        // stuck in CONNECTING, no responder SPI yet, no proposal, its tasks listed.
        const Snapshot s = SwanctlParser::parse(fixture("lab-gateway-a-swanctl-connecting.txt"));
        QCOMPARE(s.ikeSas.size(), 1);
        QVERIFY(s.unknownLines.isEmpty());
        QVERIFY(s.warnings.isEmpty());
        QVERIFY(!s.truncated);
        const IkeSa& ike = s.ikeSas[0];
        QCOMPARE(ike.state, QStringLiteral("CONNECTING"));
        QCOMPARE(ike.responderSpi, QStringLiteral("0000000000000000"));
        QCOMPARE(ike.localId, QStringLiteral("%any"));
        QCOMPARE(ike.localPort, std::optional<quint16>(500));
        QVERIFY(ike.proposal.isEmpty());
        QCOMPARE(ike.establishedSeconds, std::nullopt);
        QVERIFY(ike.tasksActive.startsWith(QLatin1String("IKE_VENDOR IKE_INIT")));
        QVERIFY(ike.tasksActive.endsWith(QLatin1String("CHILD_CREATE")));
        QVERIFY(ike.children.isEmpty());

        // Right after the kill, gateway A still lists its SAs: only the peer's side is gone.
        const Snapshot k = SwanctlParser::parse(fixture("lab-gateway-a-swanctl-peer-killed.txt"));
        QCOMPARE(k.ikeSas.size(), 1);
        QCOMPARE(k.ikeSas[0].children.size(), 1);
        QCOMPARE(k.ikeSas[0].children[0].state, QStringLiteral("INSTALLED"));
    }

    void nonSwanctlTextIsReportedNotParsed()
    {
        const QByteArray text = "connecting to 'unix:///var/run/charon.vici' failed: No such file or directory\n"
                                "Error: connecting to 'default' URI failed: No such file or directory\n";
        const Snapshot s = SwanctlParser::parse(text);
        QVERIFY(s.ikeSas.isEmpty());
        QCOMPARE(s.unknownLines.size(), 2);
        QVERIFY(s.unknownLines[0].startsWith(QLatin1String("line 1: connecting")));
        const Snapshot a = SnapshotParser::parse(text);
        QCOMPARE(a.format, SnapshotFormat::Auto);
        QCOMPARE(a.unknownLines.size(), 2);
        QCOMPARE(a.warnings.size(), 1);
    }

    void unknownLinesAreReported()
    {
        QByteArray text = fixture("swanctl-list-sas-docs-example.txt");
        text.insert(text.indexOf("    in "), "    flux-capacitor 1.21 GW\n");
        const Snapshot s = SwanctlParser::parse(text);
        QCOMPARE(s.ikeSas.size(), 1);
        QCOMPARE(s.ikeSas[0].children.size(), 1);
        QCOMPARE(s.unknownLines, QStringList { QStringLiteral("line 8:     flux-capacitor 1.21 GW") });
    }

    void everyCut_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* f : { "swanctl-list-sas-docs-example.txt", "swanctl-list-sas-rancher-5.3.txt",
                 "lab-gateway-a-swanctl-list-sas.txt", "lab-gateway-b-swanctl-list-sas.txt", "lab-gateway-a-swanctl-after-child-rekey.txt",
                 "lab-gateway-a-swanctl-after-ike-rekey.txt", "lab-gateway-b-swanctl-after-ike-rekey.txt",
                 "lab-gateway-a-swanctl-connecting.txt", "lab-gateway-a-swanctl-peer-killed.txt" })
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void everyCut()
    {
        QFETCH(QString, name);
        checkEveryCut(fixture(name.toLatin1().constData()));
    }

    void garbageDoesNotCrash()
    {
        QRandomGenerator rng(7);
        for (int round = 0; round < 200; ++round) {
            QByteArray junk(int(rng.bounded(4096)), Qt::Uninitialized);
            for (char& c : junk)
                c = char(rng.bounded(256));
            const Snapshot s = SwanctlParser::parse(junk);
            QVERIFY(s.unknownLines.size() <= Snapshot::MaxReportedLines);
        }
        const QByteArray base = fixture("swanctl-list-sas-docs-example.txt") + fixture("swanctl-list-sas-rancher-5.3.txt");
        for (int round = 0; round < 300; ++round) {
            QByteArray t = base;
            for (int i = 0; i < 8; ++i)
                t[int(rng.bounded(int(t.size())))] = char(rng.bounded(256));
            (void)SwanctlParser::parse(t);
            (void)SnapshotParser::parse(t);
        }
        // Child headers with no IKE SA, IKE headers with nothing under them.
        QByteArray odd;
        for (int i = 0; i < 3000; ++i)
            odd += "  net: #1, reqid 1, INSTALLED, TUNNEL, ESP:AES_GCM_16-128\nx: #1, CONNECTING, IKEv2, a_i b_r*\n";
        const Snapshot s = SwanctlParser::parse(odd);
        QVERIFY(s.warnings.size() <= 101);
        QVERIFY(s.unknownLines.size() <= Snapshot::MaxReportedLines);
    }
};

QTEST_APPLESS_MAIN(TestSwanctlParser)
#include "TestSwanctlParser.moc"
