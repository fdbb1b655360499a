// What the program prints of other machines' output and of the admin's own rules: the live SAs'
// keys masked in raw tool output (the push's tunnel report, `monitor --raw`), terminal control
// sequences taken out of remote text, and --firewall rules that a rollback can undo entirely.

#include "Deployer.h"
#include "ParserTestSupport.h"
#include "Result.h"
#include "SnapshotParser.h"

#include <QTest>

using namespace ipsecwiz;

class TestOutputSafety : public QObject
{
    Q_OBJECT

private slots:
    void setkeyKeysAreMasked()
    {
        const QByteArray raw = test::fixture("setkey-D-linux-tunnel-ipcomp-dying-larval.txt");
        QVERIFY(raw.contains("35aab288 5227f09b"));
        const QByteArray masked = SnapshotParser::maskKeyMaterial(raw);
        for (const char* key : {"35aab288", "5227f09b", "6d204592", "fcf8955e", "22013b76", "9c680284", "8a83bebb"})
            QVERIFY2(!masked.contains(key), key);
        QVERIFY(masked.contains("E: rijndael-cbc  \u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022 "));
        QVERIFY(masked.contains("A: hmac-md5  \u2022"));
        // Everything that is not a key is kept: the SPI, the addresses, the state.
        const QList<QByteArray> before = raw.split('\n');
        const QList<QByteArray> after = masked.split('\n');
        QCOMPARE(after.size(), before.size());
        for (qsizetype i = 0; i < before.size(); ++i)
            if (!before[i].contains("E: ") && !before[i].contains("A: "))
                QCOMPARE(after[i], before[i]);
        // What is left parses as the same SAs, with the key lengths hidden too.
        QCOMPARE(SnapshotParser::parse(QByteArrayView(masked)).sas.size(), SnapshotParser::parse(QByteArrayView(raw)).sas.size());
    }

    void wrappedSetkeyKeyIsMasked()
    {
        const QByteArray raw = "10.0.0.1 10.0.0.2\n\tesp mode=tunnel spi=1(0x00000001) reqid=1(0x00000001)\n"
                               "\tE: aes-cbc  00112233 44556677 8899aabb ccddeeff\n"
                               "\t\t01234567 89abcdef\n"
                               "\tA: hmac-sha256  fedcba98 76543210\n"
                               "\tseq=0x00000000 replay=4 flags=0x00000000 state=mature\n";
        const QByteArray masked = SnapshotParser::maskKeyMaterial(raw);
        for (const char* key : {"00112233", "ccddeeff", "01234567", "89abcdef", "fedcba98"})
            QVERIFY2(!masked.contains(key), masked.constData());
        QVERIFY(masked.contains("spi=1(0x00000001)"));
        QVERIFY(masked.contains("seq=0x00000000 replay=4 flags=0x00000000 state=mature\n"));
    }

    void xfrmKeysAreMasked()
    {
        const QByteArray raw = test::fixture("xfrm-state-aead-no-stats.txt");
        QVERIFY(raw.contains("0x026f03682bad114b3952dfcd638fd66bc37b0533"));
        const QByteArray masked = SnapshotParser::maskKeyMaterial(raw);
        QVERIFY(!masked.contains("026f03682bad114b"));
        QVERIFY(!masked.contains("2c49ca07c9d10fa8"));
        QVERIFY(masked.contains("\taead rfc4106(gcm(aes)) \u2022"));
        QVERIFY(masked.contains(" 64\n")); // the ICV length stays
        const QByteArray other = "\tauth-trunc hmac(sha256) 0x00112233445566778899aabbccddeeff 128\n\tenc cbc(aes) 0xffeeddccbbaa9988\n"
                                 "\tsel src 10.1.0.0/16 dst 10.2.0.0/16 proto 0x1234567890abcdef1234567890abcdef12\n";
        const QByteArray m2 = SnapshotParser::maskKeyMaterial(other);
        QVERIFY2(!m2.contains("00112233") && !m2.contains("ffeeddcc") && !m2.contains("1234567890abcdef"), m2.constData());
        QVERIFY(m2.contains(" 128\n"));
    }

    void terminalSequencesAreRemoved_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << QStringLiteral("state committed\tok\nnext") << QStringLiteral("state committed\tok\nnext");
        QTest::newRow("colour") << QStringLiteral("\x1b[31mred\x1b[0m") << QStringLiteral("red");
        QTest::newRow("clear screen") << QStringLiteral("a\x1b[2J\x1b[Hb") << QStringLiteral("ab");
        QTest::newRow("title (OSC, BEL)") << QStringLiteral("x\x1b]0;pwned\x07y") << QStringLiteral("xy");
        QTest::newRow("OSC 8 link (ST)") << QStringLiteral("\x1b]8;;http://e\x1b\\link\x1b]8;;\x1b\\") << QStringLiteral("link");
        QTest::newRow("C1 CSI") << QString(QChar(0x9b)) + QStringLiteral("2Jz") << QStringLiteral("z");
        QTest::newRow("carriage return hides a line") << QStringLiteral("rolled back\rconfirmed  ") << QStringLiteral("rolled back?confirmed  ");
        QTest::newRow("backspace") << QStringLiteral("ok\b\bno") << QStringLiteral("ok??no");
        QTest::newRow("bidi override") << QStringLiteral("a") + QChar(0x202e) + QStringLiteral("b") << QStringLiteral("a?b");
        QTest::newRow("unfinished CSI keeps the next line") << QStringLiteral("a\x1b[12\nnext") << QStringLiteral("a\nnext");
        QTest::newRow("lone ESC at the end") << QStringLiteral("a\x1b") << QStringLiteral("a");
        QTest::newRow("unicode kept") << QStringLiteral("Schlüssel ✓") << QStringLiteral("Schlüssel ✓");
    }

    void terminalSequencesAreRemoved()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(terminalSafe(in), out);
    }

    void firewallRules_data()
    {
        QTest::addColumn<QByteArray>("rules");
        QTest::addColumn<QString>("problem"); // empty: accepted
        const QByteArray good = "# the admin's rules\n"
                                "table inet ipsec_wizard_seed {\n"
                                "\tchain input {\n"
                                "\t\ttype filter hook input priority filter; policy accept;\n"
                                "\t\tudp dport { 500, 4500 } accept comment \"IKE { and NAT-T }\"\n"
                                "\t}\n"
                                "}\n";
        QTest::newRow("the tunnel's table") << good << QString();
        QTest::newRow("one line") << QByteArray("table inet ipsec_wizard_seed { chain c { type filter hook input priority 0; } }") << QString();
        QTest::newRow("a longer name") << QByteArray(good).replace("ipsec_wizard_seed", "ipsec_wizard_seed2") << QStringLiteral("ipsec_wizard_seed2");
        QTest::newRow("another family") << QByteArray(good).replace("inet", "ip") << QStringLiteral("not “table ip ipsec_wizard_seed”");
        QTest::newRow("flush ruleset") << QByteArray("flush ruleset\n" + good) << QStringLiteral("Line 1:");
        QTest::newRow("after the table") << QByteArray(good + "delete table inet filter\n") << QStringLiteral("delete table inet filter");
        QTest::newRow("after a semicolon") << QByteArray(QByteArray(good).trimmed() + "; flush ruleset\n") << QStringLiteral("flush ruleset");
        QTest::newRow("a second table") << QByteArray(good + "table inet other { }\n") << QStringLiteral("table inet other");
        QTest::newRow("twice") << QByteArray(good + good) << QStringLiteral("once");
        QTest::newRow("include") << QByteArray(QByteArray(good).replace("\tchain input {", "\tinclude \"/etc/x.nft\"\n\tchain input {"))
                                 << QStringLiteral("include");
        QTest::newRow("no table") << QByteArray("# nothing\n") << QStringLiteral("once");
        QTest::newRow("unbalanced") << QByteArray(good).replace("\t}\n}\n", "\t}\n") << QStringLiteral("not closed");
        QTest::newRow("name in a comment only") << QByteArray("# table inet ipsec_wizard_seed {}\nflush ruleset\n") << QStringLiteral("flush ruleset");
    }

    void firewallRules()
    {
        QFETCH(QByteArray, rules);
        QFETCH(QString, problem);
        const Status st = checkFirewallRules(rules, QStringLiteral("seed"));
        if (problem.isEmpty()) {
            QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
        } else {
            QVERIFY(!st.ok());
            QVERIFY2(st.error().message.contains(problem), qPrintable(st.error().message));
        }
    }
};

QTEST_GUILESS_MAIN(TestOutputSafety)
#include "TestOutputSafety.moc"
