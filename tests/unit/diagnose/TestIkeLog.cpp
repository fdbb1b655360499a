// charon's logs of real failed attempts, recorded in the lab from two gateways (one end's
// configuration changed by hand, or UDP 500/4500 dropped on one end): each is read into events
// and decoded into its cause, naming the profile field, the exact transform or networks, and
// the lines of both sides that show it. A working attempt yields nothing.

#include "IkeLog.h"
#include "RecordedLogs.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace ipsecwiz;
using ipsecwiz::test::recorded;

namespace {

QList<IkeDiagnosis> diagnosed(const QString& scenario)
{
    return IkeDiagnose::diagnose(recorded(scenario + QStringLiteral(".a.log")), recorded(scenario + QStringLiteral(".b.log")));
}

} // namespace

class TestIkeLog : public QObject
{
    Q_OBJECT

private slots:
    // Inputs fuzz_ike_log found (tests/fixtures/logs/fuzz/): hex runs inside words, and log text
    // that reaches a cause; no finding may carry 32 or more hex digits of its input.
    void fuzzFindingsNeverCarryKeyMaterial_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("hex inside a word") << QStringLiteral("crash-hex-inside-word.bin");
        QTest::newRow("hex in a cause") << QStringLiteral("crash-hex-in-a-cause.bin");
    }
    void fuzzFindingsNeverCarryKeyMaterial()
    {
        QFETCH(QString, file);
        QFile f(QStringLiteral(IPSECWIZ_SOURCE_DIR "/tests/fixtures/logs/fuzz/") + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray input = f.readAll();
        const qsizetype split = input.indexOf('\0');
        const auto found = IkeDiagnose::diagnose(IkeLog::parse(split < 0 ? input : input.left(split)),
                                                 IkeLog::parse(split < 0 ? QByteArray() : input.mid(split + 1)), split >= 0);
        static const QRegularExpression hex(QStringLiteral("[0-9a-fA-F]{32,}"));
        for (const IkeDiagnosis& d : found) {
            QVERIFY2(!d.cause.contains(hex) && !d.fix.contains(hex), qPrintable(d.cause));
            for (const QString& e : d.evidence)
                QVERIFY2(!e.contains(hex), qPrintable(e));
        }
        QCOMPARE(IkeLog::masked(QStringLiteral("x0123456789abcdef0123456789abcdefg")), QStringLiteral("x[masked]g"));
    }

    void linesOfEveryFormatBecomeEvents()
    {
        const QByteArray text =
            "2026-12-04 20:34:17 13[CFG] <lab|4> received proposals: ESP:AES_GCM_16_256/NO_EXT_SEQ\n"
            "Dec 04 20:34:17 gw-b charon-systemd[812]: 13[IKE] <lab|4> no acceptable proposal found\n"
            "[IKE] <lab|4> received NO_PROPOSAL_CHOSEN notify, no CHILD_SA built\n"
            "initiate failed: establishing CHILD_SA 'lab' failed\n"
            "2026-12-04 20:34:17 08[IKE] <6> 198.51.100.1 is initiating an IKE_SA\n";
        const QList<IkeLogEvent> e = IkeLog::parse(text);
        QCOMPARE(e.size(), 4);
        QCOMPARE(e.at(0).time, QStringLiteral("2026-12-04 20:34:17"));
        QCOMPARE(e.at(0).subsystem, QStringLiteral("CFG"));
        QCOMPARE(e.at(0).ikeSa, QStringLiteral("lab|4"));
        QCOMPARE(e.at(1).time, QStringLiteral("Dec 04 20:34:17"));
        QCOMPARE(e.at(1).message, QStringLiteral("no acceptable proposal found"));
        QCOMPARE(e.at(2).time, QString());
        QCOMPARE(e.at(2).line, 3);
        QCOMPARE(e.at(3).ikeSa, QStringLiteral("6"));
        QCOMPARE(e.at(3).line, 5);
    }

    void aWorkingAttemptShowsNothing()
    {
        QCOMPARE(recorded(QStringLiteral("ok.a.log")).size(), 21);
        QVERIFY(diagnosed(QStringLiteral("ok")).isEmpty());
    }

    void differentKeys()
    {
        const QList<IkeDiagnosis> d = diagnosed(QStringLiteral("psk"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("psk"));
        QCOMPARE(d.first().side, QString()); // either key may be the wrong one: the logs cannot tell
        QVERIFY2(d.first().cause.contains(QStringLiteral("pre-shared keys differ")), qPrintable(d.first().cause));
        QCOMPARE(d.first().evidence.size(), 2);
        QVERIFY(d.first().evidence.at(0).startsWith(QStringLiteral("B, line 12: tried 1 shared key for '198.51.100.2' - '198.51.100.1'")));
        QVERIFY(d.first().evidence.at(1).startsWith(QStringLiteral("A, line 15: received AUTHENTICATION_FAILED")));
    }

    void differentEspProposalsNameTheTransforms()
    {
        const QList<IkeDiagnosis> d = diagnosed(QStringLiteral("esp-proposal"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("esp.encryption"));
        for (const char* part : {"esp.encryption: A proposes AES_GCM_16_256, B is configured for AES_CBC_128",
                                 "esp.integrity: A proposes none, B is configured for HMAC_SHA2_256_128"})
            QVERIFY2(d.first().cause.contains(QString::fromUtf8(part)), qPrintable(d.first().cause));
        // The first CHILD_SA (in IKE_AUTH) negotiates no DH group: B's MODP_2048 is not a difference.
        QVERIFY2(!d.first().cause.contains(QStringLiteral("pfsGroup")), qPrintable(d.first().cause));
        QVERIFY(d.first().evidence.last().startsWith(QStringLiteral("A, line 20: received NO_PROPOSAL_CHOSEN notify")));
    }

    void differentIkeProposalsNameTheTransforms()
    {
        const QList<IkeDiagnosis> d = diagnosed(QStringLiteral("ike-proposal"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("ike.encryption"));
        QVERIFY2(d.first().cause.contains(QStringLiteral("ike.dhGroup: A proposes CURVE_25519, B is configured for MODP_3072")), qPrintable(d.first().cause));
        QVERIFY(d.first().cause.contains(QStringLiteral("IKE proposals differ (phase 1)")));
        QVERIFY(!d.first().cause.contains(QStringLiteral("ike.prf"))); // PRF_HMAC_SHA2_256 on both
    }

    void differentNetworks()
    {
        const QList<IkeDiagnosis> d = diagnosed(QStringLiteral("ts"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("networks"));
        QCOMPARE(d.first().side, QStringLiteral("B")); // B has no tunnel for what A asks
        QVERIFY2(d.first().cause.contains(QStringLiteral("B was asked to carry 10.2.0.0/24 (its side) to 10.1.0.0/24 (A's side)")),
                 qPrintable(d.first().cause));
        QVERIFY(d.first().evidence.last().contains(QStringLiteral("TS_UNACCEPTABLE")));
    }

    void differentIdentities()
    {
        const QList<IkeDiagnosis> d = diagnosed(QStringLiteral("identity"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("identity"));
        QCOMPARE(d.first().side, QStringLiteral("B"));
        QVERIFY2(d.first().cause.contains(QStringLiteral("198.51.100.2[198.51.100.2]...198.51.100.1[198.51.100.1]")), qPrintable(d.first().cause));
    }

    void noConnectionForTheAddresses()
    {
        const QList<IkeDiagnosis> d = diagnosed(QStringLiteral("no-ike-config"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("publicAddress"));
        QVERIFY2(d.first().cause.contains(QStringLiteral("B has no connection between 198.51.100.2 (its own address) and 198.51.100.1")),
                 qPrintable(d.first().cause));
    }

    // Retransmits: B's log tells whether A's requests never arrive or B's answers never return.
    void aSilentPeerIsToldApartFromLostAnswers()
    {
        QList<IkeDiagnosis> d = diagnosed(QStringLiteral("no-packet-arrives"));
        QCOMPARE(d.size(), 1);
        QVERIFY2(d.first().cause.startsWith(QStringLiteral("No packet from A arrives at B")), qPrintable(d.first().cause));
        QCOMPARE(d.first().side, QStringLiteral("B")); // where the packets are lost
        d = diagnosed(QStringLiteral("answer-lost"));
        QCOMPARE(d.size(), 1);
        QVERIFY2(d.first().cause.startsWith(QStringLiteral("B answers, but its answers do not reach A")), qPrintable(d.first().cause));
        QCOMPARE(d.first().side, QStringLiteral("A"));
        QVERIFY(d.first().evidence.last().contains(QStringLiteral("received retransmit of request with ID 0")));
        // Without B's log, where the packets are lost is not claimed.
        d = IkeDiagnose::diagnose(recorded(QStringLiteral("answer-lost.a.log")), {}, false);
        QCOMPARE(d.size(), 1);
        QVERIFY2(d.first().cause.contains(QStringLiteral("was not collected")), qPrintable(d.first().cause));
    }

    // IKEv1 (Main Mode, Quick Mode) says the same failures in other words.
    void ikev1()
    {
        QVERIFY(diagnosed(QStringLiteral("ikev1-ok")).isEmpty());
        QList<IkeDiagnosis> d = diagnosed(QStringLiteral("ikev1-psk"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("psk"));
        QVERIFY2(d.first().cause.startsWith(QStringLiteral("The pre-shared keys differ: B could not decrypt A's identity")), qPrintable(d.first().cause));
        QVERIFY(d.first().evidence.first().contains(QStringLiteral("invalid ID_V1 payload length, decryption failed?")));
        d = diagnosed(QStringLiteral("ikev1-esp-proposal"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("esp.encryption"));
        QVERIFY2(d.first().cause.contains(QStringLiteral("esp.encryption: A proposes AES_CBC_256, B is configured for AES_CBC_128")), qPrintable(d.first().cause));
        QVERIFY2(d.first().cause.contains(QStringLiteral("esp.integrity: A proposes HMAC_SHA2_256_128, B is configured for HMAC_SHA1_96")), qPrintable(d.first().cause));
        d = diagnosed(QStringLiteral("ikev1-ike-proposal"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("ike.encryption"));
        d = diagnosed(QStringLiteral("ikev1-ts"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("networks"));
        QCOMPARE(d.first().side, QStringLiteral("B"));
        QVERIFY2(d.first().cause.contains(QStringLiteral("B was asked to carry 10.2.0.0/24 (its side) to 10.1.0.0/24 (A's side)")), qPrintable(d.first().cause));
        QVERIFY(d.first().evidence.last().contains(QStringLiteral("INVALID_ID_INFORMATION")));
        d = diagnosed(QStringLiteral("ikev1-identity"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("identity"));
        QCOMPARE(d.first().side, QStringLiteral("B"));
    }

    // racoon's lines (its own log file and syslog), written after ipsec-tools' sources: racoon
    // cannot run here (tests/fixtures/logs/racoon/README.md).
    void racoon()
    {
        const auto of = [](const QString& scenario) {
            const auto read = [](const QString& name) {
                QFile f(QStringLiteral(IPSECWIZ_SOURCE_DIR "/tests/fixtures/logs/racoon/") + name);
                if (!f.open(QIODevice::ReadOnly))
                    qFatal("missing fixture %s", qPrintable(name));
                return IkeLog::parse(f.readAll());
            };
            return IkeDiagnose::diagnose(read(scenario + QStringLiteral(".a.log")), read(scenario + QStringLiteral(".b.log")));
        };
        // Both formats are read into events, the level where charon's subsystem stands.
        QFile syslog(QStringLiteral(IPSECWIZ_SOURCE_DIR "/tests/fixtures/logs/racoon/no-psk.b.log"));
        QVERIFY(syslog.open(QIODevice::ReadOnly));
        const QList<IkeLogEvent> events = IkeLog::parse(syslog.readAll());
        QCOMPARE(events.size(), 6);
        QCOMPARE(events.at(3).subsystem, QStringLiteral("ERROR"));
        QCOMPARE(events.at(3).message, QStringLiteral("couldn't find the pskey for 198.51.100.1."));
        QCOMPARE(events.at(3).time, QStringLiteral("Dec  5 10:00:02"));

        QList<IkeDiagnosis> d = of(QStringLiteral("no-psk"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("psk"));
        QCOMPARE(d.first().side, QStringLiteral("B"));
        QCOMPARE(d.first().cause, QStringLiteral("B has no pre-shared key for 198.51.100.1: racoon found no line for it in psk.txt."));
        d = of(QStringLiteral("ike-proposal"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("ike"));
        QVERIFY(d.first().cause.startsWith(QStringLiteral("The IKE proposals differ (phase 1): B found none of A's")));
        d = of(QStringLiteral("esp-proposal"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("esp"));
        QVERIFY(d.first().evidence.first().contains(QStringLiteral("failed to get proposal for responder")));
        d = of(QStringLiteral("sainfo"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("networks"));
        QCOMPARE(d.first().side, QStringLiteral("B"));
        d = of(QStringLiteral("no-packet-arrives"));
        QCOMPARE(d.size(), 1);
        QVERIFY2(d.first().cause.startsWith(QStringLiteral("No packet from A arrives at B")), qPrintable(d.first().cause));
        QVERIFY(!d.first().fixedByPush);
        d = of(QStringLiteral("answer-lost"));
        QCOMPARE(d.size(), 1);
        QVERIFY2(d.first().cause.startsWith(QStringLiteral("B answers, but its answers do not reach A")), qPrintable(d.first().cause));
        QVERIFY(d.first().evidence.last().contains(QStringLiteral("the packet is retransmitted by 198.51.100.1[500]")));
    }

    void keyMaterialIsMasked()
    {
        const QList<IkeLogEvent> e = IkeLog::parse("2026-12-04 20:34:17 13[IKE] <lab|4> tried 1 shared key for 'a' - 'b', but MAC mismatched "
                                                   "0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
        const QList<IkeDiagnosis> d = IkeDiagnose::diagnose({}, e);
        QCOMPARE(d.size(), 1);
        QVERIFY(!d.first().evidence.join(QLatin1Char(' ')).contains(QStringLiteral("00112233445566778899")));
        QVERIFY(d.first().evidence.first().contains(QStringLiteral("[masked]")));
    }

    void transformsByKind()
    {
        const auto t = IkeDiagnose::transforms(QStringLiteral("ESP:AES_CBC_128/HMAC_SHA2_256_128/MODP_2048/NO_EXT_SEQ"));
        QCOMPARE(t.size(), 4);
        QCOMPARE(t.at(0), (std::pair{QStringLiteral("encryption"), QStringLiteral("AES_CBC_128")}));
        QCOMPARE(t.at(1).first, QStringLiteral("integrity"));
        QCOMPARE(t.at(2).first, QStringLiteral("dh"));
        QCOMPARE(t.at(3).first, QStringLiteral("esn"));
    }
};

QTEST_GUILESS_MAIN(TestIkeLog)
#include "TestIkeLog.moc"
