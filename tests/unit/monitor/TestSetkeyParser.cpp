// setkey -D / -DP parsing against real outputs (tests/fixtures/monitor/README.md names each
// source), the seed's sample, every fixture cut at every line, and garbage.

#include "SetkeyParser.h"
#include "ParserTestSupport.h"
#include "SnapshotParser.h"
#include "TestConfig.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

// Cuts `text` after every line and in the middle of every line; checks that nothing crashes,
// that every entry finished before the cut is there, that nothing is invented, and that a cut
// inside an entry is flagged.
void checkEveryCut(const QByteArray& text)
{
    const Snapshot full = SetkeyParser::parse(text);
    QVERIFY(!full.truncated);
    const QList<Span> all = spans(full);
    // Auto-detection picks this parser for the text.
    QCOMPARE(spans(SnapshotParser::parse(text)).size(), all.size());
    const QList<qsizetype> ends = lineEnds(text);
    for (int k = 0; k <= ends.size(); ++k) {
        const qsizetype at = k == 0 ? 0 : ends[k - 1];
        const Snapshot cut = SetkeyParser::parse(QByteArrayView(text).first(at));
        const QList<Span> got = spans(cut);
        int complete = 0;
        bool straddles = false;
        for (const Span& s : all) {
            if (s.last <= k)
                ++complete;
            else if (s.first <= k)
                straddles = true;
        }
        QVERIFY2(got.size() == complete,
            qPrintable(QStringLiteral("cut after line %1: %2 entries, expected %3").arg(k).arg(got.size()).arg(complete)));
        for (int i = 0; i < got.size(); ++i)
            QCOMPARE(got[i].key, all[i].key);
        QVERIFY2(cut.truncated == straddles, qPrintable(QStringLiteral("cut after line %1: truncated=%2").arg(k).arg(cut.truncated)));
        // And in the middle of the next line: the half line must not count.
        if (k < ends.size()) {
            const qsizetype lineLen = ends[k] - at;
            if (lineLen > 2) {
                const Snapshot mid = SetkeyParser::parse(QByteArrayView(text).first(at + lineLen / 2));
                QVERIFY(mid.truncated);
                QVERIFY(spans(mid).size() <= complete);
            }
        }
    }
}

} // namespace

class TestSetkeyParser final : public QObject
{
    Q_OBJECT

private slots:
    void linuxTransportWrappedKeys()
    {
        const Snapshot s = SetkeyParser::parse(fixture("setkey-D-linux-transport-blowfish.txt"));
        QCOMPARE(s.format, SnapshotFormat::SetkeySad);
        QCOMPARE(s.sas.size(), 2);
        QVERIFY(s.unknownLines.isEmpty());
        QVERIFY(s.warnings.isEmpty());
        QVERIFY(!s.truncated);
        const SecurityAssociation& a = s.sas[0];
        QCOMPARE(a.src, QStringLiteral("192.168.0.3"));
        QCOMPARE(a.dst, QStringLiteral("192.168.0.1"));
        QCOMPARE(a.proto, SaProtocol::Esp);
        QCOMPARE(a.mode, QStringLiteral("transport"));
        QCOMPARE(a.spi, 186578041u);
        QCOMPARE(a.spiHex(), QStringLiteral("0x0b1ef479"));
        QCOMPARE(a.spiDecimal(), QStringLiteral("186578041"));
        QCOMPARE(a.reqid, std::optional<quint32>(0));
        QCOMPARE(a.encAlg, QStringLiteral("blowfish-cbc"));
        // 448-bit key printed over two lines: the second line is joined on.
        QCOMPARE(a.encKey.hex,
            QByteArray("6047c0a9b1244f40379376062246d408f3de362c31f21b894cab6800abde86ff"
                       "b002ae5a08681d2ad55c99faad2a626dd1f3a06415f898d1"));
        QCOMPARE(a.authAlg, QStringLiteral("hmac-sha1"));
        QCOMPARE(a.authKey.hex, QByteArray("a27c176b40e0f619c3a1611172742867acfc9b89"));
        QVERIFY(!a.authKey.masked().contains(QLatin1Char('a')));
        QCOMPARE(a.seq, std::optional<quint64>(0));
        QCOMPARE(a.replay, std::optional<quint32>(4));
        QCOMPARE(a.flags, std::optional<quint32>(0));
        QCOMPARE(a.state, SaState::Mature);
        QCOMPARE(a.stateText, QStringLiteral("mature"));
        QCOMPARE(a.lifetimes.created, QStringLiteral("Jul 20 20:05:25 2003"));
        QCOMPARE(a.lifetimes.current, QStringLiteral("Jul 20 20:06:58 2003"));
        QCOMPARE(a.lifetimes.diffSeconds, std::optional<quint64>(93));
        QCOMPARE(a.lifetimes.hardAddSeconds, std::optional<quint64>(120));
        QCOMPARE(a.lifetimes.softAddSeconds, std::optional<quint64>(96));
        QCOMPARE(a.lifetimes.lastUsed, QString()); // never used: 20 blanks
        QCOMPARE(a.bytes, std::optional<quint64>(0));
        QCOMPARE(a.sadbSeq, std::optional<quint64>(1));
        QCOMPARE(a.pid, std::optional<quint64>(2052));
        QCOMPARE(a.refcnt, std::optional<quint32>(0));
        QCOMPARE(a.firstLine, 1);
        QCOMPARE(a.lastLine, 12);
        const SecurityAssociation& b = s.sas[1];
        QCOMPARE(b.spi, 0x035099edu);
        QCOMPARE(b.lifetimes.lastUsed, QStringLiteral("Jul 20 20:05:48 2003"));
        QCOMPARE(b.bytes, std::optional<quint64>(3008));
        QCOMPARE(b.packets, std::optional<quint64>(2));
        QCOMPARE(b.lifetimes.allocated, std::optional<quint64>(2));
        QCOMPARE(b.key(), QStringLiteral("esp|192.168.0.1|192.168.0.3|0x035099ed"));
    }

    void linuxDyingLarvalIpcompMailIndented()
    {
        // Tabs became single spaces in the mail archive; the C: line carries seq= on it.
        const Snapshot s = SetkeyParser::parse(fixture("setkey-D-linux-tunnel-ipcomp-dying-larval.txt"));
        QCOMPARE(s.sas.size(), 3);
        QVERIFY2(s.unknownLines.isEmpty(), qPrintable(s.unknownLines.join(QLatin1Char('\n'))));
        QCOMPARE(s.sas[0].state, SaState::Dying);
        QCOMPARE(s.sas[0].mode, QStringLiteral("tunnel"));
        QCOMPARE(s.sas[0].encAlg, QStringLiteral("rijndael-cbc"));
        QCOMPARE(s.sas[0].authAlg, QStringLiteral("hmac-md5"));
        QCOMPARE(s.sas[1].state, SaState::Dying);
        const SecurityAssociation& c = s.sas[2];
        QCOMPARE(c.proto, SaProtocol::IpComp);
        QCOMPARE(c.compAlg, QStringLiteral("none"));
        QCOMPARE(c.state, SaState::Larval);
        QCOMPARE(c.replay, std::optional<quint32>(0));
        QCOMPARE(c.spi, 80437850u);
        QCOMPARE(c.lifetimes.hardAddSeconds, std::optional<quint64>(30));
        QVERIFY(c.encKey.isEmpty());
    }

    void netbsdRedactedValues()
    {
        // libreswan's test harness replaced SPIs, keys, times and PIDs with placeholders: the
        // SAs still come through, without an SPI, and say why.
        const Snapshot s = SetkeyParser::parse(fixture("setkey-D-netbsd-redacted.txt"));
        QCOMPARE(s.sas.size(), 2);
        QVERIFY(s.unknownLines.isEmpty());
        QCOMPARE(s.sas[0].mode, QStringLiteral("any"));
        QVERIFY(!s.sas[0].hasSpi);
        QCOMPARE(s.sas[0].reqid, std::optional<quint32>(8194));
        QCOMPARE(s.sas[0].replay, std::optional<quint32>(16));
        QCOMPARE(s.sas[0].bytes, std::optional<quint64>(304));
        QCOMPARE(s.sas[0].pid, std::nullopt);
        QCOMPARE(s.warnings.size(), 2);
        QVERIFY(s.warnings[0].contains(QLatin1String("SPISPI")));
    }

    void freebsdTcpMd5()
    {
        const Snapshot s = SetkeyParser::parse(fixture("setkey-D-freebsd-tcp-md5.txt"));
        QCOMPARE(s.sas.size(), 1);
        QVERIFY(s.unknownLines.isEmpty());
        const SecurityAssociation& a = s.sas[0];
        QCOMPARE(a.src, QStringLiteral("2001:db8:2::4"));
        QCOMPARE(a.dst, QStringLiteral("2001:db8:2::3"));
        QCOMPARE(a.proto, SaProtocol::Tcp);
        QCOMPARE(a.authAlg, QStringLiteral("tcp-md5"));
        QCOMPARE(a.flags, std::optional<quint32>(0x40));
        QCOMPARE(a.bytes, std::optional<quint64>(2027));
        QCOMPARE(a.lifetimes.allocated, std::optional<quint64>(14));
        QCOMPARE(a.refcnt, std::optional<quint32>(1));
    }

    void natTraversalDeadAndAh()
    {
        const Snapshot s = SetkeyParser::parse(fixture("setkey-D-reconstructed-esp-udp-dead-ah.txt"));
        QCOMPARE(s.sas.size(), 3);
        QVERIFY(s.unknownLines.isEmpty());
        QCOMPARE(s.sas[0].proto, SaProtocol::EspUdp);
        QCOMPARE(s.sas[0].protoText, QStringLiteral("esp-udp"));
        QCOMPARE(s.sas[0].srcPort, std::optional<quint16>(4500));
        QCOMPARE(s.sas[0].dstPort, std::optional<quint16>(4500));
        QCOMPARE(s.sas[0].src, QStringLiteral("198.51.100.7"));
        QCOMPARE(s.sas[0].reqid, std::optional<quint32>(16385));
        QCOMPARE(s.sas[1].state, SaState::Dead);
        QCOMPARE(s.sas[1].spi, 0x87000000u);
        QCOMPARE(s.sas[2].proto, SaProtocol::Ah);
        QVERIFY(s.sas[2].encAlg.isEmpty());
        QCOMPARE(s.sas[2].authKey.hex.size(), 32);
    }

    void emptyDatabases()
    {
        const Snapshot sad = SetkeyParser::parse(fixture("setkey-D-empty.txt"));
        QVERIFY(sad.emptyDatabase);
        QCOMPARE(sad.format, SnapshotFormat::SetkeySad);
        QVERIFY(sad.sas.isEmpty() && sad.unknownLines.isEmpty() && !sad.truncated);
        const Snapshot spd = SetkeyParser::parse(fixture("setkey-DP-empty.txt"));
        QVERIFY(spd.emptyDatabase);
        QCOMPARE(spd.format, SnapshotFormat::SetkeySpd);
        QCOMPARE(SnapshotParser::detect(fixture("setkey-D-empty.txt")), SnapshotFormat::SetkeySad);
        QCOMPARE(SnapshotParser::detect(fixture("setkey-DP-empty.txt")), SnapshotFormat::SetkeySpd);
    }

    void seedSample()
    {
        // The seed article's `setkey -DP`, with the stripped addresses put back (README).
        const Snapshot s = SetkeyParser::parse(fixture("setkey-DP-seed-reconstructed.txt"));
        QCOMPARE(s.format, SnapshotFormat::SetkeySpd);
        QCOMPARE(s.policies.size(), 2);
        QVERIFY(s.unknownLines.isEmpty());
        QVERIFY(s.warnings.isEmpty());
        const SecurityPolicy& in = s.policies[0];
        QCOMPARE(in.src, QStringLiteral("192.168.2.0/24"));
        QCOMPARE(in.dst, QStringLiteral("192.168.1.0/24"));
        QCOMPARE(in.srcPort, std::nullopt);
        QCOMPARE(in.upperProto, QStringLiteral("any"));
        QCOMPARE(in.dir, PolicyDirection::In);
        QCOMPARE(in.action, PolicyAction::Ipsec);
        QCOMPARE(in.templates.size(), 1);
        QCOMPARE(in.templates[0].proto, QStringLiteral("esp"));
        QCOMPARE(in.templates[0].mode, QStringLiteral("tunnel"));
        QCOMPARE(in.templates[0].src, QStringLiteral("203.0.113.2"));
        QCOMPARE(in.templates[0].dst, QStringLiteral("203.0.113.1"));
        QCOMPARE(in.templates[0].level, QStringLiteral("require"));
        QCOMPARE(in.templates[0].toString(), QStringLiteral("esp/tunnel/203.0.113.2-203.0.113.1/require"));
        QCOMPARE(in.created, QStringLiteral("Nov 18 23:01:24 2004"));
        QCOMPARE(in.lastUsed, QString());
        QCOMPARE(in.lifetimeSeconds, std::optional<quint64>(0));
        QCOMPARE(in.spid, std::optional<quint64>(1512));
        QCOMPARE(in.seq, std::optional<quint64>(9));
        QCOMPARE(in.pid, std::optional<quint64>(9800));
        QCOMPARE(in.refcnt, std::optional<quint32>(1));
        QCOMPARE(in.key(), QStringLiteral("192.168.2.0/24[any] 192.168.1.0/24[any] any|in"));
        QCOMPARE(s.policies[1].dir, PolicyDirection::Out);
        QCOMPARE(s.policies[1].lastUsed, QStringLiteral("Nov 18 23:05:31 2004"));
        QCOMPARE(SnapshotParser::detect(fixture("setkey-DP-seed-reconstructed.txt")), SnapshotFormat::SetkeySpd);
    }

    void linuxFwdPriorityPerSocket()
    {
        const Snapshot s = SetkeyParser::parse(fixture("setkey-DP-linux-fwd-prio-per-socket.txt"));
        QCOMPARE(s.policies.size(), 6);
        QVERIFY(s.unknownLines.isEmpty());
        QCOMPARE(s.policies[0].dir, PolicyDirection::Fwd);
        QCOMPARE(s.policies[0].priority, QStringLiteral("prio def"));
        QCOMPARE(s.policies[0].upperProto, QStringLiteral("255"));
        QCOMPARE(s.policies[0].templates[0].toString(), QStringLiteral("esp/transport//require"));
        QCOMPARE(s.policies[2].refcnt, std::optional<quint32>(4));
        QVERIFY(s.policies[3].perSocket);
        QCOMPARE(s.policies[3].dir, PolicyDirection::OutSocket);
        QCOMPARE(s.policies[3].action, PolicyAction::None);
        QCOMPARE(s.policies[4].dir, PolicyDirection::InSocket);
        // Per-socket policies share a (missing) selector: their keys still differ.
        QVERIFY(s.policies[3].key() != s.policies[5].key());
    }

    void netbsdDiscardAndUnique()
    {
        const Snapshot s = SetkeyParser::parse(fixture("setkey-DP-netbsd-ipsec-discard-unique.txt"));
        QCOMPARE(s.policies.size(), 4);
        QVERIFY(s.unknownLines.isEmpty());
        QCOMPARE(s.policies[0].upperProto, QStringLiteral("4(ipv4)"));
        QCOMPARE(s.policies[0].templates[0].level, QStringLiteral("unique"));
        QCOMPARE(s.policies[0].templates[0].reqid, std::optional<quint32>(8194));
        QCOMPARE(s.policies[1].action, PolicyAction::Discard);
        QVERIFY(s.policies[1].templates.isEmpty());
        QCOMPARE(s.policies[1].pid, std::nullopt); // redacted "PID"
    }

    void freebsdScopes()
    {
        const Snapshot s = SetkeyParser::parse(fixture("setkey-DP-freebsd-scope-ifnet-icmp6.txt"));
        QCOMPARE(s.policies.size(), 6);
        QVERIFY(s.unknownLines.isEmpty());
        QCOMPARE(s.policies[0].scope, QStringLiteral("ifnet"));
        QCOMPARE(s.policies[0].templates[0].reqid, std::optional<quint32>(145));
        QCOMPARE(s.policies[1].src, QStringLiteral("::/0"));
        QCOMPARE(s.policies[4].upperProto, QStringLiteral("icmp6"));
        QCOMPARE(s.policies[4].upperProtoDetail, QStringLiteral("135,0"));
        QCOMPARE(s.policies[4].scope, QStringLiteral("global"));
        QVERIFY(s.policies[4].key() != s.policies[5].key());
    }

    void entrustBypassBundles()
    {
        const Snapshot s = SetkeyParser::parse(fixture("setkey-DP-reconstructed-entrust-bypass-bundle.txt"));
        QCOMPARE(s.policies.size(), 3);
        QVERIFY(s.unknownLines.isEmpty());
        QCOMPARE(s.policies[0].action, PolicyAction::Entrust);
        const SecurityPolicy& out = s.policies[1];
        QCOMPARE(out.templates.size(), 3);
        QCOMPARE(out.templates[0].proto, QStringLiteral("ipcomp"));
        QCOMPARE(out.templates[0].level, QStringLiteral("use"));
        QCOMPARE(out.templates[2].level, QStringLiteral("unique"));
        QCOMPARE(out.templates[2].reqid, std::optional<quint32>(16385));
        QCOMPARE(out.lifetimeSeconds, std::optional<quint64>(3600));
        QCOMPARE(s.policies[2].dir, PolicyDirection::Any);
        QCOMPARE(s.policies[2].action, PolicyAction::Bypass);
        QCOMPARE(s.policies[2].srcPort, std::optional<quint16>(500));
        QCOMPARE(s.policies[2].upperProto, QStringLiteral("udp"));
    }

    void unknownLinesAreReported()
    {
        QByteArray text = fixture("setkey-D-linux-transport-blowfish.txt");
        text.insert(text.indexOf("\tseq="), "\tfrobnicate=42 something new\n");
        const Snapshot s = SetkeyParser::parse(text);
        QCOMPARE(s.sas.size(), 2);
        QCOMPARE(s.unknownLines, QStringList { QStringLiteral("line 6: \tfrobnicate=42 something new") });
        QCOMPARE(s.unknownLineCount, 1);
        QCOMPARE(s.sas[0].state, SaState::Mature); // the rest of the entry is still read
    }

    void everyCut_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* f : { "setkey-D-linux-transport-blowfish.txt", "setkey-D-linux-tunnel-ipcomp-dying-larval.txt",
                 "setkey-D-netbsd-redacted.txt", "setkey-D-freebsd-tcp-md5.txt", "setkey-D-reconstructed-esp-udp-dead-ah.txt",
                 "setkey-DP-seed-reconstructed.txt", "setkey-DP-linux-fwd-prio-per-socket.txt", "setkey-DP-netbsd-ipsec-discard-unique.txt",
                 "setkey-DP-freebsd-scope-ifnet-icmp6.txt", "setkey-DP-reconstructed-entrust-bypass-bundle.txt" })
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void everyCut()
    {
        QFETCH(QString, name);
        checkEveryCut(fixture(name.toLatin1().constData()));
    }

    void mixedSadAndSpd()
    {
        const QByteArray text = fixture("setkey-D-freebsd-tcp-md5.txt") + fixture("setkey-DP-seed-reconstructed.txt");
        const Snapshot s = SnapshotParser::parse(text);
        QCOMPARE(s.sas.size(), 1);
        QCOMPARE(s.policies.size(), 2);
    }

    void garbageDoesNotCrash()
    {
        QRandomGenerator rng(20261127);
        for (int round = 0; round < 200; ++round) {
            QByteArray junk(int(rng.bounded(4096)), Qt::Uninitialized);
            for (char& c : junk)
                c = char(rng.bounded(256));
            const Snapshot s = SetkeyParser::parse(junk);
            QVERIFY(s.unknownLines.size() <= Snapshot::MaxReportedLines);
            const Snapshot a = SnapshotParser::parse(junk);
            QVERIFY(a.warnings.size() <= 101);
        }
        // Fixture text with random bytes flipped.
        const QByteArray base = fixture("setkey-D-linux-transport-blowfish.txt") + fixture("setkey-DP-linux-fwd-prio-per-socket.txt");
        for (int round = 0; round < 300; ++round) {
            QByteArray t = base;
            for (int i = 0; i < 8; ++i)
                t[int(rng.bounded(int(t.size())))] = char(rng.bounded(256));
            (void)SetkeyParser::parse(t);
        }
        // One enormous line and an address header repeated without bodies.
        const Snapshot huge = SetkeyParser::parse(QByteArray(2 * 1024 * 1024, 'a'));
        QCOMPARE(huge.unknownLines.size(), 1);
        QVERIFY(huge.unknownLines[0].size() < 200);
        QByteArray headers;
        for (int i = 0; i < 5000; ++i)
            headers += "192.0.2.1 192.0.2.2\n";
        const Snapshot h = SetkeyParser::parse(headers);
        QVERIFY(h.sas.isEmpty());
        QVERIFY(h.warnings.size() <= 101);
        QVERIFY(h.truncated);
    }
};

QTEST_APPLESS_MAIN(TestSetkeyParser)
#include "TestSetkeyParser.moc"
