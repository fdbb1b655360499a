// `ip [-s] xfrm state` / `ip [-s] xfrm policy` parsing against real outputs (sources in
// tests/fixtures/monitor/README.md), including this machine's lab, every fixture cut at every
// line, and garbage.

#include "ParserTestSupport.h"
#include "SnapshotParser.h"
#include "TestConfig.h"
#include "XfrmParser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

// `exact`: the format says where an entry ends (ip -s xfrm state ends each state with its
// stats), so a cut inside one must be flagged. Without -s an entry has no end marker and a cut
// after a complete line is indistinguishable from a shorter entry; then only "nothing crashes,
// nothing is invented, nothing finished is lost" is checked.
void checkEveryCut(const QByteArray& text, bool exact)
{
    const Snapshot full = XfrmParser::parse(text);
    QVERIFY(!full.truncated);
    const QList<Span> all = spans(full);
    // Auto-detection picks this parser for the text.
    QCOMPARE(spans(SnapshotParser::parse(text)).size(), all.size());
    const QList<qsizetype> ends = lineEnds(text);
    for (int k = 0; k <= ends.size(); ++k) {
        const qsizetype at = k == 0 ? 0 : ends[k - 1];
        const Snapshot cut = XfrmParser::parse(QByteArrayView(text).first(at));
        const QList<Span> got = spans(cut);
        int complete = 0;
        bool straddles = false;
        for (const Span& s : all) {
            if (s.last <= k)
                ++complete;
            else if (s.first <= k)
                straddles = true;
        }
        QVERIFY2(got.size() >= complete && got.size() <= complete + 1,
            qPrintable(QStringLiteral("cut after line %1: %2 entries, %3 complete").arg(k).arg(got.size()).arg(complete)));
        for (int i = 0; i < got.size(); ++i)
            QCOMPARE(got[i].key, all[i].key);
        if (exact) {
            QCOMPARE(got.size(), complete);
            QVERIFY2(cut.truncated == straddles, qPrintable(QStringLiteral("cut after line %1: truncated=%2").arg(k).arg(cut.truncated)));
        }
        if (k < ends.size() && ends[k] - at > 2) {
            const Snapshot mid = XfrmParser::parse(QByteArrayView(text).first(at + (ends[k] - at) / 2));
            QVERIFY(mid.truncated);
            QVERIFY(spans(mid).size() <= complete);
        }
    }
}

} // namespace

class TestXfrmParser final : public QObject
{
    Q_OBJECT

private slots:
    void stateWithStatsAead()
    {
        const QByteArray text = fixture("xfrm-state-s-aead-transport.txt");
        QCOMPARE(SnapshotParser::detect(text), SnapshotFormat::XfrmState);
        const Snapshot s = XfrmParser::parse(text);
        QCOMPARE(s.format, SnapshotFormat::XfrmState);
        QCOMPARE(s.sas.size(), 1);
        QVERIFY2(s.unknownLines.isEmpty(), qPrintable(s.unknownLines.join(QLatin1Char('\n'))));
        QVERIFY(s.warnings.isEmpty());
        const SecurityAssociation& a = s.sas[0];
        QCOMPARE(a.src, QStringLiteral("10.1.11.45"));
        QCOMPARE(a.dst, QStringLiteral("10.1.11.29"));
        QCOMPARE(a.proto, SaProtocol::Esp);
        QCOMPARE(a.spi, 0xf4faae1bu);
        QCOMPARE(a.spiDecimal(), QStringLiteral("4110069275"));
        QCOMPARE(a.reqid, std::optional<quint32>(13681891));
        QCOMPARE(a.mode, QStringLiteral("transport"));
        QCOMPARE(a.replay, std::optional<quint32>(0));
        QCOMPARE(a.seq, std::optional<quint64>(0));
        QCOMPARE(a.flags, std::optional<quint32>(0));
        QCOMPARE(a.encAlg, QStringLiteral("rfc4106(gcm(aes))"));
        QCOMPARE(a.encKey.hex, QByteArray("a6e7b83e73f8f13d9cd01d9e4428cfb5f4faae1b"));
        QCOMPARE(a.encKey.bits, 160);
        QCOMPARE(a.encKey.icvBits, 64);
        QVERIFY(a.authAlg.isEmpty());
        QCOMPARE(a.lifetimes.hardBytes, std::nullopt); // (INF)
        QCOMPARE(a.lifetimes.hardAddSeconds, std::optional<quint64>(0));
        QCOMPARE(a.bytes, std::optional<quint64>(0));
        QCOMPARE(a.packets, std::optional<quint64>(0));
        QCOMPARE(a.lifetimes.created, QStringLiteral("2023-05-26 15:51:41"));
        QCOMPARE(a.lifetimes.lastUsed, QString());
        QCOMPARE(a.state, SaState::Mature);
        QCOMPARE(a.firstLine, 1);
        QCOMPARE(a.lastLine, 16);
    }

    void stateWithoutStats()
    {
        const Snapshot s = XfrmParser::parse(fixture("xfrm-state-aead-no-stats.txt"));
        QCOMPARE(s.sas.size(), 4);
        QVERIFY(s.unknownLines.isEmpty());
        QVERIFY(!s.truncated);
        QCOMPARE(s.sas[0].spi, 0xc37b0533u);
        QCOMPARE(s.sas[0].reqid, std::optional<quint32>(0));
        QCOMPARE(s.sas[0].encKey.icvBits, 64);
        QCOMPARE(s.sas[0].encKey.bits, 0);
        QCOMPARE(s.sas[0].bytes, std::nullopt);
        QCOMPARE(s.sas[2].src, QStringLiteral("10.129.15.191"));
    }

    void natTraversalEncap()
    {
        const Snapshot s = XfrmParser::parse(fixture("xfrm-state-s-espinudp-reconstructed.txt"));
        QCOMPARE(s.sas.size(), 2);
        QVERIFY(s.unknownLines.isEmpty());
        const SecurityAssociation& a = s.sas[0];
        QCOMPARE(a.proto, SaProtocol::EspUdp);
        QCOMPARE(a.protoText, QStringLiteral("esp"));
        QCOMPARE(a.encapType, QStringLiteral("espinudp"));
        QCOMPARE(a.srcPort, std::optional<quint16>(4500));
        QCOMPARE(a.dstPort, std::optional<quint16>(4500));
        QCOMPARE(a.flagsText, QStringLiteral("af-unspec"));
        QCOMPARE(a.flags, std::optional<quint32>(0x00100000));
        QCOMPARE(a.authAlg, QStringLiteral("hmac(sha256)"));
        QCOMPARE(a.authKey.bits, 256);
        QCOMPARE(a.authKey.icvBits, 128);
        QCOMPARE(a.encAlg, QStringLiteral("cbc(aes)"));
        QCOMPARE(a.lifetimes.softAddSeconds, std::optional<quint64>(3298));
        QCOMPARE(a.lifetimes.hardAddSeconds, std::optional<quint64>(3600));
        QCOMPARE(a.bytes, std::optional<quint64>(3528));
        QCOMPARE(a.packets, std::optional<quint64>(42));
        QCOMPARE(a.lifetimes.lastUsed, QStringLiteral("2026-11-27 03:16:40"));
        QCOMPARE(s.sas[1].replay, std::optional<quint32>(32));
    }

    // Found by fuzz_parse_xfrmstate: "add use …" read the add time with a length of −1.
    void lifetimeLineWithoutAddTime()
    {
        QByteArray text = fixture("xfrm-state-s-espinudp-reconstructed.txt");
        text.replace("add 2026-11-27 03:16:36 use", "add use");
        const Snapshot s = XfrmParser::parse(text);
        QCOMPARE(s.sas.size(), 2);
        QCOMPARE(s.sas[0].lifetimes.created, QString());
        QCOMPARE(s.sas[0].lifetimes.lastUsed, QStringLiteral("2026-11-27 03:16:40"));
    }

    void policiesWithSocketPolicies()
    {
        const QByteArray text = fixture("xfrm-policy-openswan-socket.txt");
        QCOMPARE(SnapshotParser::detect(text), SnapshotFormat::XfrmPolicy);
        const Snapshot s = XfrmParser::parse(text);
        QCOMPARE(s.format, SnapshotFormat::XfrmPolicy);
        QCOMPARE(s.policies.size(), 11);
        QVERIFY(s.unknownLines.isEmpty());
        const SecurityPolicy& out = s.policies[0];
        QCOMPARE(out.src, QStringLiteral("172.16.0.0/24"));
        QCOMPARE(out.dst, QStringLiteral("172.17.0.0/24"));
        QCOMPARE(out.dir, PolicyDirection::Out);
        QCOMPARE(out.action, PolicyAction::Allow);
        QCOMPARE(out.priority, QStringLiteral("2344"));
        QCOMPARE(out.templates.size(), 1);
        QCOMPARE(out.templates[0].src, QStringLiteral("192.168.1.2"));
        QCOMPARE(out.templates[0].dst, QStringLiteral("192.168.2.2"));
        QCOMPARE(out.templates[0].proto, QStringLiteral("esp"));
        QCOMPARE(out.templates[0].mode, QStringLiteral("tunnel"));
        QCOMPARE(out.templates[0].reqid, std::optional<quint32>(16385));
        QCOMPARE(out.templates[0].level, QStringLiteral("required"));
        QCOMPARE(s.policies[1].dir, PolicyDirection::Fwd);
        QCOMPARE(s.policies[2].dir, PolicyDirection::In);
        QVERIFY(s.policies[3].perSocket);
        QCOMPARE(s.policies[3].dir, PolicyDirection::OutSocket);
        QCOMPARE(s.policies[4].dir, PolicyDirection::InSocket);
        QVERIFY(s.policies[3].templates.isEmpty());
        // Eight socket policies, eight rows.
        QSet<QString> keys;
        for (const auto& p : s.policies)
            keys.insert(p.key());
        QCOMPARE(keys.size(), 11);
    }

    void labPoliciesFromThisMachine()
    {
        // Real `ip xfrm policy` from this machine's kernel (policies as the lab's tunnel needs
        // them, added by hand in a private namespace: see README).
        const Snapshot s = XfrmParser::parse(fixture("lab-netns-ip-xfrm-policy.txt"));
        QCOMPARE(s.policies.size(), 4);
        QVERIFY(s.unknownLines.isEmpty());
        const SecurityPolicy& block = s.policies[0];
        QCOMPARE(block.action, PolicyAction::Block);
        QCOMPARE(block.upperProto, QStringLiteral("tcp"));
        QCOMPARE(block.dstPort, std::optional<quint16>(22));
        QCOMPARE(block.priority, QStringLiteral("100"));
        QCOMPARE(block.ptype, QStringLiteral("main"));
        QCOMPARE(s.policies[3].dir, PolicyDirection::Out);
        QCOMPARE(s.policies[3].templates[0].src, QStringLiteral("198.51.100.1"));

        const Snapshot st = XfrmParser::parse(fixture("lab-netns-ip-s-xfrm-policy.txt"));
        QCOMPARE(st.policies.size(), 4);
        QVERIFY2(st.unknownLines.isEmpty(), qPrintable(st.unknownLines.join(QLatin1Char('\n'))));
        QVERIFY(!st.truncated);
        QCOMPARE(st.policies[0].action, PolicyAction::Block);
        QVERIFY(st.policies[0].spid.has_value());
        QCOMPARE(st.policies[1].lifetimeSeconds, std::optional<quint64>(0));
        QVERIFY(!st.policies[1].created.isEmpty());
        QCOMPARE(st.policies[1].templates.size(), 1);
        QCOMPARE(st.policies[1].templates[0].reqid, std::optional<quint32>(1));
        QCOMPARE(st.policies[1].templates[0].level, QStringLiteral("required"));
        // Same policies with and without -s: same keys.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(st.policies[i].key(), s.policies[i].key());
    }

    void labEmptyOutputs()
    {
        // kernel-libipsec keeps SAs and policies in userspace: the lab's kernel tables are empty.
        for (const char* f : { "lab-gateway-a-ip-s-xfrm-state.txt", "lab-gateway-a-ip-xfrm-policy.txt" }) {
            const QByteArray text = fixture(f);
            QVERIFY(text.isEmpty());
            const Snapshot s = XfrmParser::parse(text);
            QVERIFY(s.sas.isEmpty() && s.policies.isEmpty() && s.unknownLines.isEmpty() && s.warnings.isEmpty());
            QVERIFY(!s.truncated);
            const Snapshot a = SnapshotParser::parse(text, SnapshotFormat::XfrmState);
            QVERIFY(a.warnings.isEmpty());
        }
    }

    void unknownLinesAreReported()
    {
        QByteArray text = fixture("xfrm-state-s-aead-transport.txt");
        text.insert(text.indexOf("\tsel "), "\tquantum-entanglement on\n");
        const Snapshot s = XfrmParser::parse(text);
        QCOMPARE(s.sas.size(), 1);
        QCOMPARE(s.unknownLines, QStringList { QStringLiteral("line 6: \tquantum-entanglement on") });
    }

    void everyCut_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("exact");
        QTest::newRow("state -s aead") << QStringLiteral("xfrm-state-s-aead-transport.txt") << true;
        QTest::newRow("state -s espinudp") << QStringLiteral("xfrm-state-s-espinudp-reconstructed.txt") << true;
        QTest::newRow("state plain") << QStringLiteral("xfrm-state-aead-no-stats.txt") << false;
        QTest::newRow("policy openswan") << QStringLiteral("xfrm-policy-openswan-socket.txt") << false;
        QTest::newRow("policy lab") << QStringLiteral("lab-netns-ip-xfrm-policy.txt") << false;
        QTest::newRow("policy lab -s") << QStringLiteral("lab-netns-ip-s-xfrm-policy.txt") << false;
    }

    void everyCut()
    {
        QFETCH(QString, name);
        QFETCH(bool, exact);
        checkEveryCut(fixture(name.toLatin1().constData()), exact);
    }

    void garbageDoesNotCrash()
    {
        QRandomGenerator rng(4242);
        for (int round = 0; round < 200; ++round) {
            QByteArray junk(int(rng.bounded(4096)), Qt::Uninitialized);
            for (char& c : junk)
                c = char(rng.bounded(256));
            const Snapshot s = XfrmParser::parse(junk);
            QVERIFY(s.unknownLines.size() <= Snapshot::MaxReportedLines);
        }
        const QByteArray base = fixture("lab-netns-ip-s-xfrm-policy.txt") + fixture("xfrm-state-s-espinudp-reconstructed.txt");
        for (int round = 0; round < 300; ++round) {
            QByteArray t = base;
            for (int i = 0; i < 8; ++i)
                t[int(rng.bounded(int(t.size())))] = char(rng.bounded(256));
            (void)XfrmParser::parse(t);
            (void)SnapshotParser::parse(t);
        }
        QByteArray headers;
        for (int i = 0; i < 5000; ++i)
            headers += "src 192.0.2.1 dst 192.0.2.2\n";
        const Snapshot h = XfrmParser::parse(headers);
        QVERIFY(h.sas.isEmpty());
        QVERIFY(h.warnings.size() <= 101);
    }
};

QTEST_APPLESS_MAIN(TestXfrmParser)
#include "TestXfrmParser.moc"
