// The swanctl.conf importer: strongSwan's own test scenarios (every line of each either goes into
// the profile or is reported with a reason, keys masked), the net2net-psk pair read value by value,
// hostile input (include loops, devices, "..", oversized and binary files) ending in a message and
// never a hang, and our own generator's output read back to the same sites and tunnels for a
// thousand seeded random networks.

#include "Algorithms.h"
#include "ImportDetail.h"
#include "NetworkGenerator.h"
#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ipsecwiz;
using ipsecwiz::test::readFile;

namespace {

const QString Main = QStringLiteral("swanctl/swanctl.conf");

QString fixtureDir()
{
    return QStringLiteral(IPSECWIZ_FIXTURES_DIR "/import/swanctl");
}

Result<ImportResult> importOne(const QByteArray& conf, const QString& site = QStringLiteral("local"), QSet<QString>* used = nullptr)
{
    const MemorySource source({{Main, conf}});
    ImportOptions options;
    options.siteName = site;
    return Import::detail::swanctl(source, options, used);
}

// QVERIFY2 builds its message whether or not the check fails: never ask a good result for its error.
template<typename T>
QString errorOf(const Result<T>& r)
{
    return r.ok() ? QString() : r.error().toString();
}

QString notesText(const QList<ImportNote>& notes)
{
    QStringList out;
    for (const ImportNote& n : notes)
        out << n.toString();
    return out.join(QLatin1Char('\n'));
}

// Every line of FILES with content (not blank, not only a comment, not only braces) is used or
// noted; no note is about a line without content.
void checkEveryLineAccounted(const QHash<QString, QByteArray>& files, const ImportResult& r, const QSet<QString>& used)
{
    QSet<QString> noted;
    for (const ImportNote& n : r.unused)
        noted.insert(n.file + QLatin1Char(':') + QString::number(n.line));
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QList<QByteArray> lines = it.value().split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray l = lines.at(i).trimmed();
            if (l.isEmpty() || l.startsWith('#'))
                continue;
            const QString where = it.key() + QLatin1Char(':') + QString::number(i + 1);
            QVERIFY2(used.contains(where) || noted.contains(where), qPrintable(where + QStringLiteral(" is neither used nor reported: ") + QString::fromUtf8(l)));
        }
    }
}

// The secrets of a swanctl.conf, as written after "secret =" (quotes and all, and without them).
QStringList secretsOf(const QByteArray& conf)
{
    static const QRegularExpression re(QStringLiteral("secret\\s*=\\s*(.*\\S)\\s*$"), QRegularExpression::MultilineOption);
    QStringList out;
    for (auto it = re.globalMatch(QString::fromUtf8(conf)); it.hasNext();) {
        QString s = it.next().captured(1);
        out << s;
        if (s.size() > 2 && (s.startsWith(QLatin1Char('"')) || s.startsWith(QLatin1Char('\''))))
            out << s.mid(1, s.size() - 2);
    }
    return out;
}

// The identity as swanctl.conf names it, as the generator writes it: what the far end matches.
QString effectiveId(const SiteGateway& gw)
{
    switch (gw.identity.kind) {
    case IdentityKind::Address:
        return gw.identity.value.isEmpty() ? hostPart(gw.peerAddress().isEmpty() ? gw.localAddress : gw.peerAddress()) : gw.identity.value;
    case IdentityKind::Fqdn: return QLatin1Char('@') + gw.identity.value;
    case IdentityKind::UserFqdn: return gw.identity.value;
    case IdentityKind::KeyId: return QStringLiteral("@#") + gw.identity.value;
    }
    return {};
}

// A random valid network for the round trip: 2–4 sites (at most one with a changing address,
// some behind NAT, some run by someone else), networks, identities of every kind, a topology, and
// per tunnel its own proposals, lifetimes, networks and key.
NetworkProfile randomNetwork(QRandomGenerator& rng)
{
    const auto pick = [&](const QStringList& from) { return from.at(rng.bounded(int(from.size()))); };
    const auto ids = [](AlgorithmKind kind, bool withNone) {
        QStringList out;
        for (const Algorithm& a : Algorithms::ofKind(kind))
            if (a.strength != Strength::Forbidden && (withNone || a.id != QLatin1String("none")))
                out << a.id;
        return out;
    };
    const auto word = [&](int len) {
        static const QString letters = QStringLiteral("abcdefghijklmnopqrstuvwxyz");
        QString s;
        for (int i = 0; i < len; ++i)
            s += letters.at(rng.bounded(int(letters.size())));
        return s;
    };
    NetworkProfile n;
    n.name = word(3) + QLatin1Char('-') + QString::number(rng.bounded(100));
    const bool v6 = rng.bounded(8) == 0;
    const int count = 2 + rng.bounded(3);
    const int dynamicSite = rng.bounded(4) == 0 ? rng.bounded(count) : -1;
    for (int i = 0; i < count; ++i) {
        Site s;
        s.name = word(2 + rng.bounded(6)) + QString::number(i);
        const int nets = 1 + rng.bounded(3);
        for (int k = 0; k < nets; ++k)
            s.networks << (v6 ? QStringLiteral("fd00:%1:%2::/64").arg(i + 1).arg(k) : QStringLiteral("10.%1.%2.0/24").arg(i + 1).arg(k));
        SiteGateway& gw = s.gateway;
        gw.internalAddress = v6 ? QStringLiteral("fd00:%1:0::1").arg(i + 1) : QStringLiteral("10.%1.0.1").arg(i + 1);
        gw.localAddress = v6 ? QStringLiteral("2001:db8::%1").arg(i + 1) : QStringLiteral("192.0.2.%1").arg(i + 1);
        if (rng.bounded(3) == 0)
            gw.localAddress += v6 ? QStringLiteral("/64") : QStringLiteral("/24");
        gw.reach = i == dynamicSite ? Reachability::Dynamic : rng.bounded(4) == 0 ? Reachability::Nat : Reachability::Direct;
        if (gw.reach == Reachability::Nat)
            gw.publicAddress = v6 ? QStringLiteral("2001:db8:1::%1").arg(i + 1) : QStringLiteral("198.51.100.%1").arg(i + 1);
        const int kind = rng.bounded(4);
        if (kind == 0 && gw.reach == Reachability::Direct)
            gw.identity = {};
        else if (kind == 0 && gw.reach == Reachability::Nat)
            gw.identity = {IdentityKind::Address, gw.publicAddress};
        else if (kind == 1 || kind == 0)
            gw.identity = {IdentityKind::Fqdn, s.name + QStringLiteral(".example.net")};
        else if (kind == 2)
            gw.identity = {IdentityKind::UserFqdn, QStringLiteral("gw@") + s.name + QStringLiteral(".example.net")};
        else
            gw.identity = {IdentityKind::KeyId, QString::number(rng.generate64(), 16)};
        gw.managed = i == 0 || rng.bounded(3) != 0;
        gw.flavour = gw.managed || gw.reach == Reachability::Dynamic ? Flavour::StrongSwan : pick({QStringLiteral("strongswan"), QStringLiteral("racoon")}) == QLatin1String("racoon") ? Flavour::Racoon : Flavour::StrongSwan;
        n.sites << s;
    }
    n.topology.kind = count == 2 ? TopologyKind::Pair : rng.bounded(2) ? TopologyKind::Mesh : TopologyKind::HubAndSpoke;
    n.topology.hub = n.sites.at(rng.bounded(count)).name;
    n.tunnels = Network::tunnelsFor(n.sites, n.topology, n.ike, n.esp);
    const QStringList enc = ids(AlgorithmKind::Encryption, false);
    const QStringList integ = ids(AlgorithmKind::Integrity, false);
    const QStringList prf = ids(AlgorithmKind::Prf, false);
    const QStringList dh = ids(AlgorithmKind::DhGroup, false);
    const QStringList pfs = ids(AlgorithmKind::DhGroup, true);
    for (Tunnel& t : n.tunnels) {
        if (rng.bounded(4) == 0)
            t.name = word(4) + QStringLiteral("_") + QString::number(rng.bounded(1000));
        t.ike.version = rng.bounded(3) == 0 ? 1 : 2;
        t.ike.encryption = pick(enc);
        t.ike.integrity = Algorithms::find(AlgorithmKind::Encryption, t.ike.encryption)->aead ? QStringLiteral("none") : pick(integ);
        t.ike.prf = pick(prf);
        t.ike.dhGroup = pick(dh);
        t.ike.lifetime = 600 + rng.bounded(86400);
        t.esp.encryption = pick(enc);
        t.esp.integrity = Algorithms::find(AlgorithmKind::Encryption, t.esp.encryption)->aead ? QStringLiteral("none") : pick(integ);
        t.esp.pfsGroup = pick(pfs);
        t.esp.lifetime = 300 + rng.bounded(28800);
        for (Side side : {Side::A, Side::B}) {
            const QStringList all = n.site(side == Side::A ? t.siteA : t.siteB)->networks;
            if (all.size() > 1 && rng.bounded(3) == 0) {
                QStringList some;
                for (const QString& net : all)
                    if (rng.bounded(2) == 0)
                        some << net;
                if (!some.isEmpty())
                    (side == Side::A ? t.networksA : t.networksB) = some;
            }
        }
        QByteArray key = "0x";
        for (int i = 0; i < 32; ++i)
            key += QByteArray::number(rng.bounded(256) | 0x100, 16).mid(1);
        t.psk = rng.bounded(3) == 0 ? QByteArray("Aa1-") + word(20).toLatin1() + "+/.:~" : key;
    }
    return n;
}

bool hasErrors(const NetworkProfile& n)
{
    const QList<Finding> findings = Network::validate(n);
    return std::any_of(findings.cbegin(), findings.cend(), [](const Finding& f) { return f.severity == Severity::Error; });
}

} // namespace

class TestSwanctlImport : public QObject
{
    Q_OBJECT

private slots:
    void everySampleIsReadOrReported_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = QDir(fixtureDir()).entryList({QStringLiteral("*.conf")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 22);
        for (const QString& f : files)
            QTest::newRow(qPrintable(f)) << f;
    }

    void everySampleIsReadOrReported()
    {
        QFETCH(QString, file);
        const QByteArray conf = readFile(fixtureDir() + QLatin1Char('/') + file);
        QSet<QString> used;
        const auto r = importOne(conf, QStringLiteral("gw"), &used);
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        checkEveryLineAccounted({{Main, conf}}, r.value(), used);
        for (const ImportNote& n : r.value().unused) {
            QVERIFY2(!n.reason.isEmpty(), qPrintable(n.toString()));
            for (const QString& secret : secretsOf(conf))
                QVERIFY2(!n.toString().contains(secret), qPrintable(QStringLiteral("a key in a note: ") + n.toString()));
        }
        QCOMPARE(r.value().network.sites.value(0).name, QStringLiteral("gw"));
        QVERIFY(r.value().network.sites.value(0).gateway.managed);
    }

    void net2netPskMoon()
    {
        const auto r = importOne(readFile(fixtureDir() + QStringLiteral("/strongswan-ikev2-net2net-psk-moon.conf")), QStringLiteral("moon"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        const NetworkProfile& n = r.value().network;
        QCOMPARE(n.sites.size(), 2);
        const Site& moon = n.sites.at(0);
        QCOMPARE(moon.name, QStringLiteral("moon"));
        QCOMPARE(moon.networks, QStringList{QStringLiteral("10.1.0.0/16")});
        QCOMPARE(moon.gateway.localAddress, QStringLiteral("192.168.0.1"));
        QCOMPARE(moon.gateway.reach, Reachability::Direct);
        QCOMPARE(moon.gateway.identity, (Identity{IdentityKind::Fqdn, QStringLiteral("moon.strongswan.org")}));
        QCOMPARE(moon.gateway.flavour, Flavour::StrongSwan);
        QVERIFY(moon.gateway.managed);
        const Site& sun = n.sites.at(1);
        QCOMPARE(sun.name, QStringLiteral("gw-gw"));
        QCOMPARE(sun.networks, QStringList{QStringLiteral("10.2.0.0/16")});
        QCOMPARE(sun.gateway.localAddress, QStringLiteral("192.168.0.2"));
        QCOMPARE(sun.gateway.identity, (Identity{IdentityKind::Fqdn, QStringLiteral("sun.strongswan.org")}));
        QVERIFY(!sun.gateway.managed);
        QCOMPARE(n.tunnels.size(), 1);
        const Tunnel& t = n.tunnels.at(0);
        QCOMPARE(t.name, QStringLiteral("gw-gw"));
        QCOMPARE(t.siteA, QStringLiteral("moon"));
        QCOMPARE(t.siteB, QStringLiteral("gw-gw"));
        QCOMPARE(n.networksOf(t, Side::A), QStringList{QStringLiteral("10.1.0.0/16")});
        QCOMPARE(n.networksOf(t, Side::B), QStringList{QStringLiteral("10.2.0.0/16")});
        // aes128-sha256-x25519: the PRF is the integrity algorithm's; reauth_time is not a rekey time.
        QCOMPARE(t.ike, (IkeProposal{2, QStringLiteral("aes128"), QStringLiteral("sha256"), QStringLiteral("sha256"), QStringLiteral("curve25519"), 14400}));
        QCOMPARE(t.esp, (EspProposal{QStringLiteral("aes128gcm16"), QStringLiteral("none"), QStringLiteral("curve25519"), 5400}));
        // ike-3 names both ends: strongSwan takes it over ike-1 (moon only) and ike-2 (sun only).
        QCOMPARE(t.psk, std::optional<QByteArray>("0sv+NkxY9LLZvwj4qCC2o/gGrWDF2d21jL"));
        const QString report = notesText(r.value().unused);
        for (const char* expected : {":29: ", ":30: ", ":21: ", ":23: ", ":24: "}) // mobike, reauth_time, updown, rekey_bytes/packets
            QVERIFY2(report.contains(QString::fromLatin1(expected)), qPrintable(report));
        for (const ImportNote& note : r.value().unused)
            if (note.text.startsWith(QLatin1String("secret")))
                QCOMPARE(note.text, QStringLiteral("secret = (key)"));
        QVERIFY2(!report.contains(QStringLiteral("strong password")) && !report.contains(QStringLiteral("45a30759")), qPrintable(report));
    }

    void net2netPskSun()
    {
        const auto r = importOne(readFile(fixtureDir() + QStringLiteral("/strongswan-ikev2-net2net-psk-sun.conf")), QStringLiteral("sun"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        const NetworkProfile& n = r.value().network;
        QCOMPARE(n.sites.size(), 2);
        QCOMPARE(n.sites.at(0).networks, QStringList{QStringLiteral("10.2.0.0/16")});
        QCOMPARE(n.sites.at(0).gateway.localAddress, QStringLiteral("192.168.0.2"));
        QCOMPARE(n.sites.at(0).gateway.identity, (Identity{IdentityKind::Fqdn, QStringLiteral("sun.strongswan.org")}));
        QCOMPARE(n.sites.at(1).networks, QStringList{QStringLiteral("10.1.0.0/16")});
        QCOMPARE(n.sites.at(1).gateway.localAddress, QStringLiteral("192.168.0.1"));
        QCOMPARE(n.sites.at(1).gateway.identity, (Identity{IdentityKind::Fqdn, QStringLiteral("moon.strongswan.org")}));
        QCOMPARE(n.tunnels.size(), 1);
        QCOMPARE(n.tunnels.at(0).ike.encryption, QStringLiteral("aes128"));
        QCOMPARE(n.tunnels.at(0).esp.encryption, QStringLiteral("aes128gcm16"));
        QVERIFY(n.tunnels.at(0).psk.has_value());
    }

    void ikev1Moon()
    {
        const auto r = importOne(readFile(fixtureDir() + QStringLiteral("/strongswan-ikev1-net2net-psk-moon.conf")), QStringLiteral("moon"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r.value().network.tunnels.size(), 1);
        QCOMPARE(r.value().network.tunnels.at(0).ike.version, 1);
    }

    void roadWarriorIsDynamic()
    {
        const auto r = importOne(readFile(fixtureDir() + QStringLiteral("/strongswan-ikev2-nat-rw-psk-sun.conf")), QStringLiteral("sun"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        const NetworkProfile& n = r.value().network;
        QCOMPARE(n.sites.size(), 2);
        QCOMPARE(n.sites.at(1).gateway.reach, Reachability::Dynamic);
        QVERIFY(n.sites.at(1).gateway.peerAddress().isEmpty());
    }

    void aRangeOfPeersIsAChangingAddress()
    {
        const auto r = importOne("connections { c {\n local_addrs = 192.0.2.1\n remote_addrs = 198.51.100.0/24, 203.0.113.1\n} }\n");
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r.value().network.sites.value(1).gateway.reach, Reachability::Dynamic);
        QCOMPARE(r.value().findings.size(), 1); // no secret
        QCOMPARE(r.value().unused.size(), 1);
        QVERIFY2(r.value().unused.at(0).reason.contains(QStringLiteral("range")), qPrintable(notesText(r.value().unused)));
    }

    void severalChildrenMakeOneTunnel()
    {
        const QByteArray conf = "connections {\n"
                                "  hq-branch {\n"
                                "    remote_addrs = 198.51.100.2\n"
                                "    local_addrs = 192.0.2.1\n"
                                "    local { auth = psk }\n"
                                "    remote { auth = psk }\n"
                                "    children {\n"
                                "      a { local_ts = 10.1.0.0/24\n remote_ts = 10.2.0.0/24 }\n"
                                "      b { local_ts = 10.1.1.0/24, 10.1.0.0/24\n remote_ts = 10.2.1.0/24\n }\n"
                                "    }\n"
                                "  }\n"
                                "}\n"
                                "secrets { ike { secret = \"s3cr3t-value\" } }\n";
        QSet<QString> used;
        const auto r = importOne(conf, QStringLiteral("hq"), &used);
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        const NetworkProfile& n = r.value().network;
        QCOMPARE(n.sites.at(0).networks, (QStringList{QStringLiteral("10.1.0.0/24"), QStringLiteral("10.1.1.0/24")}));
        QCOMPARE(n.sites.at(1).name, QStringLiteral("branch")); // "hq-branch" from site "hq"
        QCOMPARE(n.sites.at(1).networks, (QStringList{QStringLiteral("10.2.0.0/24"), QStringLiteral("10.2.1.0/24")}));
        QCOMPARE(n.tunnels.size(), 1);
        QCOMPARE(n.tunnels.at(0).psk, std::optional<QByteArray>("s3cr3t-value"));
        QVERIFY2(r.value().unused.isEmpty(), qPrintable(notesText(r.value().unused)));
        checkEveryLineAccounted({{Main, conf}}, r.value(), used);
    }

    void unknownLinesAreReportedWithKeysMasked()
    {
        const QByteArray conf = "connections {\n"
                                "  c { remote_addrs = 198.51.100.2\n"
                                "      local { auth = pubkey\n certs = moon.pem }\n"
                                "      proposals = aes128-sha256-modp2048, aes256-sha1-modp1024\n"
                                "      children { c { esp_proposals = camellia128-sha256\n mode = transport } }\n"
                                "  }\n"
                                "}\n"
                                "pools { p { addrs = 10.3.0.0/24 } }\n"
                                "secrets { eap-carol { secret = Tr0ub4dor } private { file = x.pem\n secret = \"pass phrase\" } }\n"
                                "this is not a setting\n"
                                "secret Sw0rdf1sh\n";
        QSet<QString> used;
        const auto r = importOne(conf, QStringLiteral("gw"), &used);
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        checkEveryLineAccounted({{Main, conf}}, r.value(), used);
        const QString report = notesText(r.value().unused);
        for (const char* key : {"Tr0ub4dor", "pass phrase", "Sw0rdf1sh"})
            QVERIFY2(!report.contains(QString::fromLatin1(key)), qPrintable(report));
        for (const char* expected : {"pubkey", "Certificates", "keeps the first", "camellia128", "tunnel mode", "Virtual IP pools", "Only pre-shared IKE keys"})
            QVERIFY2(report.contains(QString::fromLatin1(expected)), qPrintable(report));
        QCOMPARE(r.value().network.tunnels.value(0).ike.dhGroup, QStringLiteral("modp2048"));
        QVERIFY(!r.value().network.tunnels.value(0).psk.has_value());
    }

    void includesAreFollowed()
    {
        const MemorySource source({{Main, "include conf.d/*.conf\nconnections {\n include /etc/swanctl/more/x.conf\n}\n"},
                                   {QStringLiteral("swanctl/conf.d/a.conf"), "connections { a { remote_addrs = 198.51.100.2\n local_addrs = 192.0.2.1 } }\n"},
                                   {QStringLiteral("swanctl/conf.d/b.conf"), "secrets { ike-a { secret = 0x0011223344556677 } }\n"},
                                   {QStringLiteral("swanctl/more/x.conf"), "b { remote_addrs = 198.51.100.3\n local_addrs = 192.0.2.1 }\n"}});
        QSet<QString> used;
        const auto r = Import::detail::swanctl(source, ImportOptions{}, &used);
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r.value().network.tunnels.size(), 2);
        QCOMPARE(r.value().network.tunnels.at(0).psk, std::optional<QByteArray>("0x0011223344556677"));
        QVERIFY2(r.value().unused.isEmpty(), qPrintable(notesText(r.value().unused)));
        QVERIFY(used.contains(QStringLiteral("swanctl/more/x.conf:1")));
    }

    void hostileIncludesEndInNotes_data()
    {
        QTest::addColumn<QByteArray>("main");
        QTest::addColumn<QString>("reason");
        QTest::newRow("loop-self") << QByteArray("include swanctl.conf\n") << QStringLiteral("loop");
        QTest::newRow("loop-glob") << QByteArray("include *.conf\n") << QStringLiteral("loop");
        QTest::newRow("loop-two") << QByteArray("include a/b.conf\n") << QStringLiteral("loop");
        QTest::newRow("dotdot") << QByteArray("include ../../outside\n") << QStringLiteral("out of the folder");
        QTest::newRow("dev-zero") << QByteArray("include /dev/zero\n") << QStringLiteral("not read");
        QTest::newRow("missing") << QByteArray("include nothing/*.conf\n") << QStringLiteral("names no file");
        QTest::newRow("deep") << QByteArray("include d/1.conf\n") << QStringLiteral("deeper");
        QTest::newRow("big") << QByteArray("include big.conf\n") << QStringLiteral("bytes");
    }

    void hostileIncludesEndInNotes()
    {
        QFETCH(QByteArray, main);
        QFETCH(QString, reason);
        QHash<QString, QByteArray> files{{Main, main}, {QStringLiteral("swanctl/a/b.conf"), "include ../swanctl.conf\ninclude /etc/swanctl/swanctl.conf\n"}};
        for (int i = 1; i < 20; ++i)
            files.insert(QStringLiteral("swanctl/d/%1.conf").arg(i), QStringLiteral("include %1.conf\n").arg(i + 1).toUtf8());
        files.insert(QStringLiteral("swanctl/big.conf"), QByteArray(2 << 20, 'a'));
        const MemorySource source(files);
        QElapsedTimer timer;
        timer.start();
        QSet<QString> used;
        const auto r = Import::detail::swanctl(source, ImportOptions{}, &used);
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QVERIFY(timer.elapsed() < 5000);
        const QString report = notesText(r.value().unused);
        QVERIFY2(report.contains(reason), qPrintable(report));
    }

    void hostileFilesOnDisk()
    {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(QStringLiteral("etc/swanctl/conf.d")));
        QFile outside(dir.filePath(QStringLiteral("outside")));
        QVERIFY(outside.open(QIODevice::WriteOnly));
        outside.write("secrets { ike { secret = 0xoutside } }\n");
        outside.close();
        QFile main(dir.filePath(QStringLiteral("etc/swanctl/swanctl.conf")));
        QVERIFY(main.open(QIODevice::WriteOnly));
        main.write("include /dev/zero\ninclude ../../outside\ninclude conf.d/*.conf\n");
        main.close();
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("outside")), dir.filePath(QStringLiteral("etc/swanctl/conf.d/link.conf"))));
        const LocalFolderSource source(dir.filePath(QStringLiteral("etc")));
        QElapsedTimer timer;
        timer.start();
        const auto r = Import::swanctl(source, ImportOptions{});
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QVERIFY(timer.elapsed() < 5000);
        const QString report = notesText(r.value().unused);
        QCOMPARE(r.value().unused.size(), 3);
        QVERIFY2(!report.contains(QStringLiteral("0xoutside")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("outside the folder")), qPrintable(report)); // the symlink
    }

    void hostileMainFile_data()
    {
        QTest::addColumn<QByteArray>("conf");
        QTest::addColumn<bool>("readable");
        QTest::newRow("2MiB") << QByteArray(2 << 20, 'x') << false;
        QByteArray garbage;
        QRandomGenerator rng(7);
        for (int i = 0; i < 200000; ++i)
            garbage += char(rng.bounded(256));
        QTest::newRow("binary") << garbage << true;
        QTest::newRow("nesting") << QByteArray("a{").repeated(100000) << true;
        QTest::newRow("unclosed-quote") << QByteArray("secrets { ike { secret = \"Op3nQu0te\n id = x\n") << true;
        QTest::newRow("secret-after-control-characters") << QByteArray("x secret\x01\r= Fuzz0Canary0Secret0Value\nsecret\r\r= Fuzz0Canary0Secret0Value\n") << true;
        QTest::newRow("braces") << QByteArray("}}}{{{= = =\n\"\"\"\n").repeated(1000) << true;
    }

    void hostileMainFile()
    {
        QFETCH(QByteArray, conf);
        QFETCH(bool, readable);
        QElapsedTimer timer;
        timer.start();
        QSet<QString> used;
        const auto r = importOne(conf, QStringLiteral("gw"), &used);
        QVERIFY(timer.elapsed() < 10000);
        QCOMPARE(r.ok(), readable);
        if (!r.ok())
            return;
        checkEveryLineAccounted({{Main, conf}}, r.value(), used);
        QVERIFY(!notesText(r.value().unused).contains(QStringLiteral("Op3nQu0te")));
        QVERIFY(!notesText(r.value().unused).contains(QStringLiteral("Fuzz0Canary")));
    }

    void missingMainFileIsAnError()
    {
        const MemorySource source({{QStringLiteral("ipsec.conf"), "conn x\n"}});
        const auto r = Import::swanctl(source, ImportOptions{});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("swanctl.conf")), qPrintable(errorOf(r)));
    }

    // Our generator's files for each managed strongSwan gateway of a thousand random networks,
    // read back. What one gateway's files cannot say is not asserted: a NAT router's address when
    // the gateway's identity is not its public address (only the peer's remote_addrs holds it), the
    // prefix of an interface address, the internal address and default router (not in swanctl.conf),
    // a peer's flavour, whether it is managed, how it is reached behind NAT (its files only show the
    // address we send to) and its networks no tunnel of ours carries. The rest is compared.
    void roundTripOfOurOwnOutput()
    {
        const quint32 base = 20261205;
        int profiles = 0;
        int gateways = 0;
        int tunnels = 0;
        int rejected = 0;
        QHash<QString, int> reach;
        QElapsedTimer timer;
        timer.start();
        for (quint32 seed = base; profiles < 1000; ++seed) {
            QRandomGenerator rng(seed);
            const NetworkProfile n = randomNetwork(rng);
            if (hasErrors(n)) {
                ++rejected;
                QVERIFY2(rejected < 4000, "the random networks are mostly invalid: fix randomNetwork");
                continue;
            }
            ++profiles;
            const auto made = Generate::gateways(n);
            QVERIFY2(made.ok(), qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(errorOf(made))));
            for (const auto& [siteName, cfg] : made.value()) {
                const Site& site = *n.site(siteName);
                if (site.gateway.flavour != Flavour::StrongSwan)
                    continue;
                const QString where = QStringLiteral("seed %1, site %2").arg(seed).arg(siteName);
                QHash<QString, QByteArray> files{{Main, "# Debian's swanctl.conf\ninclude conf.d/*.conf\n"}};
                for (const GeneratedFile& f : cfg.files)
                    if (f.path.startsWith(QLatin1String("/etc/swanctl/")))
                        files.insert(f.path.mid(5), f.content);
                ImportOptions options;
                options.siteName = siteName;
                QSet<QString> used;
                const auto r = Import::detail::swanctl(MemorySource(files), options, &used);
                QVERIFY2(r.ok(), qPrintable(where + QStringLiteral(": ") + errorOf(r)));
                const ImportResult& got = r.value();
                QVERIFY2(got.unused.isEmpty(), qPrintable(where + QStringLiteral(": ") + notesText(got.unused)));
                checkEveryLineAccounted(files, got, used);
                if (QTest::currentTestFailed())
                    QFAIL(qPrintable(where));
                ++gateways;
                ++reach[reachabilityId(site.gateway.reach)];
                const NetworkProfile& g = got.network;
                QVERIFY2(g.name == n.name, qPrintable(where));
                const Site& us = g.sites.value(0);
                QVERIFY2(us.name == site.name && us.gateway.managed && us.gateway.flavour == Flavour::StrongSwan, qPrintable(where));
                // Our address, identity and reachability.
                if (site.gateway.reach == Reachability::Dynamic) {
                    QVERIFY2(us.gateway.reach == Reachability::Dynamic, qPrintable(where));
                } else {
                    QVERIFY2(us.gateway.localAddress == hostPart(site.gateway.localAddress), qPrintable(where + QStringLiteral(": ") + us.gateway.localAddress));
                    const bool natKnown = site.gateway.reach == Reachability::Nat && site.gateway.identity.kind == IdentityKind::Address;
                    QVERIFY2(us.gateway.reach == (natKnown ? Reachability::Nat : Reachability::Direct), qPrintable(where));
                    if (natKnown)
                        QVERIFY2(us.gateway.publicAddress == site.gateway.publicAddress, qPrintable(where));
                }
                QVERIFY2(us.gateway.identity == site.gateway.identity, qPrintable(where + QStringLiteral(": identity ") + us.gateway.identity.value));
                // Every tunnel that touches the site, and nothing else.
                QStringList carried;
                int own = 0;
                for (const Tunnel& t : n.tunnels) {
                    if (t.siteA != siteName && t.siteB != siteName)
                        continue;
                    ++own;
                    ++tunnels;
                    const Side side = t.siteA == siteName ? Side::A : Side::B;
                    const Site& far = *n.site(side == Side::A ? t.siteB : t.siteA);
                    const QString tw = where + QStringLiteral(", tunnel ") + t.name;
                    const int ti = g.tunnelIndex(t.name);
                    QVERIFY2(ti >= 0, qPrintable(tw + QStringLiteral(": missing")));
                    const Tunnel& gt = g.tunnels.at(ti);
                    QVERIFY2(gt.siteA == siteName && gt.siteB == far.name, qPrintable(tw + QStringLiteral(": ") + gt.siteB));
                    const Site& gfar = *g.site(gt.siteB);
                    QVERIFY2(gfar.gateway.peerAddress() == (far.gateway.reach == Reachability::Dynamic ? QString() : hostPart(far.gateway.peerAddress())),
                             qPrintable(tw + QStringLiteral(": peer address ") + gfar.gateway.peerAddress()));
                    QVERIFY2((gfar.gateway.reach == Reachability::Dynamic) == (far.gateway.reach == Reachability::Dynamic), qPrintable(tw));
                    QVERIFY2(!gfar.gateway.managed, qPrintable(tw));
                    QVERIFY2(effectiveId(gfar.gateway) == effectiveId(far.gateway), qPrintable(tw + QStringLiteral(": peer id ") + effectiveId(gfar.gateway)));
                    if (far.gateway.identity.kind != IdentityKind::Address)
                        QVERIFY2(gfar.gateway.identity == far.gateway.identity, qPrintable(tw));
                    QVERIFY2(g.networksOf(gt, Side::A) == n.networksOf(t, side), qPrintable(tw + QStringLiteral(": local networks ") + g.networksOf(gt, Side::A).join(QLatin1Char(' '))));
                    QVERIFY2(g.networksOf(gt, Side::B) == n.networksOf(t, otherSide(side)), qPrintable(tw + QStringLiteral(": remote networks ") + g.networksOf(gt, Side::B).join(QLatin1Char(' '))));
                    QVERIFY2(gfar.networks == n.networksOf(t, otherSide(side)), qPrintable(tw));
                    QVERIFY2(gt.ike == t.ike, qPrintable(tw + QStringLiteral(": IKE ") + gt.ike.encryption + QLatin1Char(' ') + QString::number(gt.ike.lifetime)));
                    QVERIFY2(gt.esp == t.esp, qPrintable(tw + QStringLiteral(": ESP ") + gt.esp.encryption + QLatin1Char(' ') + QString::number(gt.esp.lifetime)));
                    QVERIFY2(gt.psk == t.psk, qPrintable(tw + QStringLiteral(": the key differs")));
                    for (const QString& net : n.networksOf(t, side))
                        if (!carried.contains(net))
                            carried << net;
                }
                QVERIFY2(g.tunnels.size() == own && g.sites.size() == own + 1, qPrintable(where));
                QStringList a = us.networks, b = carried;
                a.sort();
                b.sort();
                QVERIFY2(a == b, qPrintable(where + QStringLiteral(": networks ") + us.networks.join(QLatin1Char(' '))));
            }
        }
        qInfo("round trip: %d profiles (%d rejected by validation), %d strongSwan gateways (direct %d, nat %d, dynamic %d), %d tunnel ends, %lld ms",
              profiles, rejected, gateways, reach.value(QStringLiteral("direct")), reach.value(QStringLiteral("nat")), reach.value(QStringLiteral("dynamic")),
              tunnels, qint64(timer.elapsed()));
        QVERIFY(gateways >= 1000);
    }
};

QTEST_GUILESS_MAIN(TestSwanctlImport)
#include "TestSwanctlImport.moc"
