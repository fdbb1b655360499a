// A peer someone else runs, held against its settings sheet from our gateway's log alone. The
// logs are the lab's real attempts (tests/fixtures/logs/charon): read from B's side, A is the
// peer that proposed, sent its identity and asked for networks; read from A's side, B is the peer
// that refused with a notify. Each sheet line the peer does not follow is named with the value the
// sheet gives and the one the peer sent; a peer that follows its sheet puts the fault on our side.

#include "NetworkGenerator.h"
#include "PeerCheck.h"
#include "RecordedLogs.h"

#include <QTest>

using namespace ipsecwiz;
using ipsecwiz::test::recorded;

namespace {

// The lab's tunnel as a sheet for peer A (198.51.100.1, 10.1.0.0/24), seen from B.
PeerSheet sheetForA()
{
    PeerSheet s;
    s.peer = QStringLiteral("site-a");
    s.identity = QStringLiteral("198.51.100.1");
    s.ourIdentity = QStringLiteral("198.51.100.2");
    s.networks = {QStringLiteral("10.1.0.0/24")};
    s.ourNetworks = {QStringLiteral("10.2.0.0/24")};
    s.ikeEncryption = QStringLiteral("aes256gcm16");
    s.ikeIntegrity = QStringLiteral("none");
    s.ikePrf = QStringLiteral("sha256");
    s.ikeDh = QStringLiteral("curve25519");
    s.espEncryption = QStringLiteral("aes256gcm16");
    s.espIntegrity = QStringLiteral("none");
    s.espPfs = QStringLiteral("curve25519");
    return s;
}

PeerSheet sheetForB()
{
    PeerSheet s = sheetForA();
    s.peer = QStringLiteral("site-b");
    std::swap(s.identity, s.ourIdentity);
    std::swap(s.networks, s.ourNetworks);
    return s;
}

QList<IkeDiagnosis> compared(const QString& log, const PeerSheet& s, const QString& ours)
{
    return PeerCheck::compare(recorded(log), s, ours);
}

} // namespace

class TestPeerCheck : public QObject
{
    Q_OBJECT

private slots:
    void charonNamesTheProfilesAlgorithms_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");
        QTest::newRow("gcm") << int(AlgorithmKind::Encryption) << "aes256gcm16" << "AES_GCM_16_256";
        QTest::newRow("cbc") << int(AlgorithmKind::Encryption) << "aes128" << "AES_CBC_128";
        QTest::newRow("sha2 mac") << int(AlgorithmKind::Integrity) << "sha256" << "HMAC_SHA2_256_128";
        QTest::newRow("sha1 mac") << int(AlgorithmKind::Integrity) << "sha1" << "HMAC_SHA1_96";
        QTest::newRow("no mac") << int(AlgorithmKind::Integrity) << "none" << "";
        QTest::newRow("prf") << int(AlgorithmKind::Prf) << "sha256" << "PRF_HMAC_SHA2_256";
        QTest::newRow("prf sha1") << int(AlgorithmKind::Prf) << "sha1" << "PRF_HMAC_SHA1";
        QTest::newRow("curve") << int(AlgorithmKind::DhGroup) << "curve25519" << "CURVE_25519";
        QTest::newRow("modp") << int(AlgorithmKind::DhGroup) << "modp2048" << "MODP_2048";
        QTest::newRow("ecp") << int(AlgorithmKind::DhGroup) << "ecp384" << "ECP_384";
        QTest::newRow("no pfs") << int(AlgorithmKind::DhGroup) << "none" << "";
    }
    void charonNamesTheProfilesAlgorithms()
    {
        QFETCH(int, kind);
        QFETCH(QString, id);
        QFETCH(QString, name);
        QCOMPARE(PeerCheck::charonName(AlgorithmKind(kind), id), name);
    }

    // Every algorithm of the catalogue has a charon name (but "none"): a new one cannot be
    // added without teaching the comparison its name.
    void everyCatalogueAlgorithmHasACharonName()
    {
        for (const Algorithm& a : Algorithms::all())
            if (a.id != QLatin1String("none") && !a.strongswan.isEmpty())
                QVERIFY2(!PeerCheck::charonName(a.kind, a.id).isEmpty(), qPrintable(a.id));
    }

    void aWorkingAttemptShowsNothing()
    {
        QVERIFY(compared(QStringLiteral("ok.b.log"), sheetForA(), QStringLiteral("gateway B")).isEmpty());
        QVERIFY(compared(QStringLiteral("ok.a.log"), sheetForB(), QStringLiteral("gateway A")).isEmpty());
    }

    // B refused A's ESP proposal (AES_GCM_16_256): against a sheet of AES-128-CBC, SHA-256 and
    // MODP-2048 the peer is wrong in two lines; the DH group cannot be told (IKE_AUTH has none).
    void thePeersEspProposalAgainstItsSheet()
    {
        PeerSheet s = sheetForA();
        s.espEncryption = QStringLiteral("aes128");
        s.espIntegrity = QStringLiteral("sha256");
        s.espPfs = QStringLiteral("modp2048");
        const auto d = compared(QStringLiteral("esp-proposal.b.log"), s, QStringLiteral("gateway B"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().side, QStringLiteral("site-a"));
        QCOMPARE(d.first().field, QStringLiteral("esp.encryption"));
        QVERIFY2(d.first().cause.contains(QStringLiteral("ESP (phase 2) › Encryption: the sheet says AES-128-CBC [aes128], site-a proposed AES_GCM_16_256")),
                 qPrintable(d.first().cause));
        QVERIFY2(d.first().cause.contains(QStringLiteral("ESP (phase 2) › Integrity: the sheet says HMAC-SHA2-256-128 [sha256], site-a proposed none")),
                 qPrintable(d.first().cause));
        QVERIFY(!d.first().cause.contains(QStringLiteral("PFS")));
        QVERIFY(!d.first().fixedByPush);
        QVERIFY(d.first().evidence.first().startsWith(QStringLiteral("gateway B, line ")));
        QVERIFY(d.first().evidence.first().contains(QStringLiteral("received proposals: ESP:AES_GCM_16_256")));
    }

    // The same refusal with the sheet the peer followed: our gateway's proposals are what changed.
    void aPeerThatFollowsItsSheetPutsTheFaultOnOurSide()
    {
        const auto d = compared(QStringLiteral("esp-proposal.b.log"), sheetForA(), QStringLiteral("gateway B"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().side, QStringLiteral("gateway B"));
        QCOMPARE(d.first().field, QStringLiteral("esp"));
        QVERIFY(d.first().fixedByPush);
        QVERIFY2(d.first().cause.contains(QStringLiteral("site-a proposed what its settings sheet says")), qPrintable(d.first().cause));
    }

    void thePeersIkeProposalAgainstItsSheet()
    {
        PeerSheet s = sheetForA();
        s.ikeEncryption = QStringLiteral("aes128");
        s.ikeIntegrity = QStringLiteral("sha256");
        s.ikeDh = QStringLiteral("modp3072");
        const auto d = compared(QStringLiteral("ike-proposal.b.log"), s, QStringLiteral("gateway B"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("ike.encryption"));
        const QString& c = d.first().cause;
        QVERIFY2(c.contains(QStringLiteral("IKE (phase 1) › Encryption: the sheet says AES-128-CBC [aes128], site-a proposed AES_GCM_16_256")), qPrintable(c));
        QVERIFY2(c.contains(QStringLiteral("IKE (phase 1) › DH group: the sheet says 3072-bit MODP (group 15) [modp3072], site-a proposed CURVE_25519")),
                 qPrintable(c));
        QVERIFY2(!c.contains(QStringLiteral("PRF:")), qPrintable(c)); // PRF_HMAC_SHA2_256 is the sheet's
    }

    void thePeersIdentityAgainstItsSheet()
    {
        PeerSheet s = sheetForA();
        s.identity = QStringLiteral("gw-a.example.org");
        const auto d = compared(QStringLiteral("identity.b.log"), s, QStringLiteral("gateway B"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("identity"));
        QCOMPARE(d.first().side, QStringLiteral("site-a"));
        QVERIFY2(d.first().cause.contains(QStringLiteral("Your gateway › IKE identity: the sheet says gw-a.example.org, site-a sent 198.51.100.1")),
                 qPrintable(d.first().cause));
        QVERIFY(!d.first().cause.contains(QStringLiteral("Our gateway")));
        // What the peer expects of us is held against the sheet too.
        s = sheetForA();
        s.ourIdentity = QStringLiteral("gw-b.example.org");
        const auto e = compared(QStringLiteral("identity.b.log"), s, QStringLiteral("gateway B"));
        QVERIFY2(e.first().cause.contains(QStringLiteral("Our gateway › IKE identity: the sheet says gw-b.example.org, site-a expects 198.51.100.2")),
                 qPrintable(e.first().cause));
        // Both as the sheet says: B changed.
        const auto f = compared(QStringLiteral("identity.b.log"), sheetForA(), QStringLiteral("gateway B"));
        QCOMPARE(f.first().side, QStringLiteral("gateway B"));
        QVERIFY(f.first().fixedByPush);
    }

    void theNetworksThePeerAskedForAgainstItsSheet()
    {
        PeerSheet s = sheetForA();
        s.networks = {QStringLiteral("10.1.0.0/16")};
        const auto d = compared(QStringLiteral("ts.b.log"), s, QStringLiteral("gateway B"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("networks"));
        QCOMPARE(d.first().side, QStringLiteral("site-a"));
        QVERIFY2(d.first().cause.contains(QStringLiteral("Your gateway › Networks: the sheet says 10.1.0.0/16, site-a asked for 10.1.0.0/24")),
                 qPrintable(d.first().cause));
        // In the recorded fault B's remote network was edited: A asked for what its sheet says.
        const auto e = compared(QStringLiteral("ts.b.log"), sheetForA(), QStringLiteral("gateway B"));
        QCOMPARE(e.first().side, QStringLiteral("gateway B"));
        // IKEv1 Quick Mode names the initiator's networks first.
        PeerSheet v1 = sheetForA();
        v1.ikeVersion = 1;
        v1.ourNetworks = {QStringLiteral("10.2.0.0/16")};
        const auto q = compared(QStringLiteral("ikev1-ts.b.log"), v1, QStringLiteral("gateway B"));
        QCOMPARE(q.size(), 1);
        QVERIFY2(q.first().cause.contains(QStringLiteral("Our gateway › Networks: the sheet says 10.2.0.0/16, site-a asked for 10.2.0.0/24")),
                 qPrintable(q.first().cause));
        QVERIFY(!q.first().cause.contains(QStringLiteral("Your gateway")));
    }

    void thePeersKey()
    {
        for (const QString& log : {QStringLiteral("psk.b.log"), QStringLiteral("ikev1-psk.b.log")}) {
            PeerSheet s = sheetForA();
            s.ikeVersion = log.startsWith(QLatin1String("ikev1")) ? 1 : 2;
            const auto d = compared(log, s, QStringLiteral("gateway B"));
            QVERIFY2(!d.isEmpty(), qPrintable(log));
            QCOMPARE(d.first().field, QStringLiteral("psk"));
            QCOMPARE(d.first().side, QStringLiteral("site-a"));
            QVERIFY(d.first().cause.contains(QStringLiteral("Authentication › Pre-shared key")));
        }
    }

    // The peer speaks IKEv1 where its sheet says IKEv2.
    void thePeersIkeVersion()
    {
        const auto d = compared(QStringLiteral("ikev1-ok.b.log"), sheetForA(), QStringLiteral("gateway B"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("ike.version"));
        QVERIFY2(d.first().cause.contains(QStringLiteral("IKE (phase 1) › Version: the sheet says IKEv2, site-a speaks IKEv1")), qPrintable(d.first().cause));
        PeerSheet v1 = sheetForA();
        v1.ikeVersion = 1;
        QVERIFY(compared(QStringLiteral("ikev1-ok.b.log"), v1, QStringLiteral("gateway B")).isEmpty());
    }

    // We started the attempt and the peer refused: its notify names the part of the sheet.
    void thePeersRefusalNamesThePartOfItsSheet_data()
    {
        QTest::addColumn<QString>("log");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("names");
        QTest::newRow("ike") << "ike-proposal.a.log" << "ike" << "Encryption AES-256-GCM (16-byte ICV) [aes256gcm16], Integrity None (AEAD cipher) [none], PRF";
        QTest::newRow("esp") << "esp-proposal.a.log" << "esp" << "ESP (phase 2) settings are not its sheet's (Encryption AES-256-GCM";
        QTest::newRow("ikev1 esp") << "ikev1-esp-proposal.a.log" << "esp" << "ESP (phase 2) settings";
        QTest::newRow("ikev1 ike") << "ikev1-ike-proposal.a.log" << "ike" << "IKE (phase 1) settings";
        QTest::newRow("networks") << "ts.a.log" << "networks" << "Your gateway › Networks: 10.2.0.0/24; Our gateway › Networks: 10.1.0.0/24";
        QTest::newRow("ikev1 networks") << "ikev1-ts.a.log" << "networks" << "Your gateway › Networks: 10.2.0.0/24";
        QTest::newRow("psk") << "psk.a.log" << "psk" << "Our gateway › IKE identity: 198.51.100.1";
        QTest::newRow("identity") << "identity.a.log" << "psk" << "the identity it expects of gateway A";
    }
    void thePeersRefusalNamesThePartOfItsSheet()
    {
        QFETCH(QString, log);
        QFETCH(QString, field);
        QFETCH(QString, names);
        PeerSheet s = sheetForB();
        s.ikeVersion = log.startsWith(QLatin1String("ikev1")) ? 1 : 2;
        const auto d = compared(log, s, QStringLiteral("gateway A"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, field);
        QCOMPARE(d.first().side, QStringLiteral("site-b"));
        QVERIFY2(d.first().cause.contains(names), qPrintable(d.first().cause));
        QVERIFY(d.first().evidence.first().startsWith(QStringLiteral("gateway A, line ")));
    }

    // Of a log over time, only the peer's newest attempt counts: an older one of another fault
    // (earlier in the same file) is not taken for it.
    void onlyThePeersLastAttemptOfALongLogCounts()
    {
        const QList<IkeLogEvent> ts = recorded(QStringLiteral("ts.b.log"));
        const QList<IkeLogEvent> esp = recorded(QStringLiteral("esp-proposal.b.log"));
        PeerSheet s = sheetForA();
        s.espEncryption = QStringLiteral("aes128");
        s.networks = {QStringLiteral("10.1.0.0/16")};
        auto d = PeerCheck::compare(PeerCheck::lastPeerAttempt(ts + esp), s, QStringLiteral("gateway B"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("esp.encryption"));
        d = PeerCheck::compare(PeerCheck::lastPeerAttempt(esp + ts), s, QStringLiteral("gateway B"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().field, QStringLiteral("networks"));
        // A CHILD_SA the peer asks for in an IKE SA we started (IKEv2 CREATE_CHILD_SA; lines
        // written after charon 5.9's child_create.c and message.c).
        const QByteArray child = "2026-12-05 13:12:40 12[ENC] <lab|5> generating IKE_SA_INIT request 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) ]\n"
                                 "2026-12-05 13:12:41 14[IKE] <lab|5> IKE_SA lab[5] established between 198.51.100.1[198.51.100.1]...198.51.100.2[198.51.100.2]\n"
                                 "2026-12-05 13:12:48 15[ENC] <lab|5> parsed CREATE_CHILD_SA request 2 [ SA No TSi TSr ]\n"
                                 "2026-12-05 13:12:48 15[CFG] <lab|5> received proposals: ESP:AES_CBC_128/HMAC_SHA2_256_128/NO_EXT_SEQ\n"
                                 "2026-12-05 13:12:48 15[CFG] <lab|5> configured proposals: ESP:AES_GCM_16_256/NO_EXT_SEQ\n"
                                 "2026-12-05 13:12:48 15[IKE] <lab|5> no acceptable proposal found\n";
        const QList<IkeLogEvent> last = PeerCheck::lastPeerAttempt(esp + IkeLog::parse(child));
        QCOMPARE(last.size(), 4);
        d = PeerCheck::compare(last, s, QStringLiteral("gateway B"));
        QCOMPARE(d.size(), 1);
        QVERIFY2(d.first().cause.contains(QStringLiteral("Integrity: the sheet says None (AEAD cipher) [none], site-a proposed HMAC_SHA2_256_128")), qPrintable(d.first().cause));
        // Our own attempts (we sent the first request) are not the peer's.
        QVERIFY(PeerCheck::lastPeerAttempt(recorded(QStringLiteral("esp-proposal.a.log"))).isEmpty());
    }

    // What the peer sent reaches the cause: a crafted identity cannot carry key material there.
    void whatThePeerSentIsMasked()
    {
        const QByteArray key(64, 'a');
        const QByteArray log = "12[CFG] <3> looking for peer configs matching 198.51.100.2[198.51.100.2]...198.51.100.1[" + key + "]\n"
                               "12[CFG] <3> no matching peer config found\n";
        const auto d = PeerCheck::compare(IkeLog::parse(log), sheetForA(), QStringLiteral("gateway B"));
        QCOMPARE(d.size(), 1);
        QVERIFY(!d.first().cause.contains(QString::fromLatin1(key)));
        QVERIFY(d.first().cause.contains(QStringLiteral("[masked]")));
        for (const QString& e : d.first().evidence)
            QVERIFY(!e.contains(QString::fromLatin1(key)));
    }

    // The sheet's values come from the profile as the sheet itself does: the unmanaged end's.
    void theSheetOfAProfilesPeer()
    {
        NetworkProfile n;
        n.name = QStringLiteral("net");
        Site hq;
        hq.name = QStringLiteral("hq");
        hq.networks = {QStringLiteral("10.1.0.0/24")};
        hq.gateway.localAddress = QStringLiteral("198.51.100.1");
        Site partner;
        partner.name = QStringLiteral("partner");
        partner.networks = {QStringLiteral("10.9.0.0/24"), QStringLiteral("10.10.0.0/24")};
        partner.gateway.localAddress = QStringLiteral("203.0.113.7");
        partner.gateway.managed = false;
        partner.gateway.identity = Identity{IdentityKind::Fqdn, QStringLiteral("vpn.partner.example")};
        n.sites = {partner, hq};
        Tunnel t;
        t.name = QStringLiteral("to-partner");
        t.siteA = QStringLiteral("partner");
        t.siteB = QStringLiteral("hq");
        t.ike.version = 1;
        t.esp.encryption = QStringLiteral("aes128");
        n.tunnels = {t};
        const PeerSheet s = Generate::peerSheet(n, n.tunnels.first());
        QCOMPARE(s.peer, QStringLiteral("partner"));
        QCOMPARE(s.identity, QStringLiteral("vpn.partner.example"));
        QCOMPARE(s.ourIdentity, QStringLiteral("198.51.100.1"));
        QCOMPARE(s.networks, QStringList({QStringLiteral("10.9.0.0/24"), QStringLiteral("10.10.0.0/24")}));
        QCOMPARE(s.ourNetworks, QStringList{QStringLiteral("10.1.0.0/24")});
        QCOMPARE(s.ikeVersion, 1);
        QCOMPARE(s.espEncryption, QStringLiteral("aes128"));
        // The text sheet says the same.
        const QString text = QString::fromUtf8(Generate::settingsSheet(n, n.tunnels.first()));
        QVERIFY(text.contains(QStringLiteral("IKE identity:     fqdn vpn.partner.example")));
        QVERIFY(text.contains(QStringLiteral("Networks:         10.9.0.0/24, 10.10.0.0/24")));
    }
};

QTEST_GUILESS_MAIN(TestPeerCheck)
#include "TestPeerCheck.moc"
