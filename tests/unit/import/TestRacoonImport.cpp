// The racoon.conf + setkey + psk.txt importer: a public example and the seed how-to's setup give
// the sites, networks, proposals and keys they describe, with every line left out named; every
// public sample gives a profile or a report and never a key in it; include loops, devices, paths
// out of the folder, huge and binary files end with a message, never a hang; and a thousand random
// profiles come back from the files our generator writes for them.

#include "RacoonImportSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

Result<ImportResult> importRacoon(const QHash<QString, QByteArray>& files, const QString& site = QStringLiteral("local"))
{
    ImportOptions o;
    o.siteName = site;
    return Import::racoon(MemorySource(files), o);
}

QStringList lines(const QString& file, std::initializer_list<int> numbers)
{
    QStringList out;
    for (const int n : numbers)
        out << QStringLiteral("%1:%2").arg(file).arg(n);
    return out;
}

void write(const QString& path, const QByteArray& data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(data);
}

} // namespace

class TestRacoonImport : public QObject
{
    Q_OBJECT

private slots:
    void openBsdExample()
    {
        // Debian's example of a tunnel to OpenBSD: plain RSA keys, one host on each side.
        const QHash<QString, QByteArray> files{{QStringLiteral("racoon/racoon.conf"), importFixture(QStringLiteral("racoon/debian-example-openbsd-tunnel-plainrsa.txt"))},
                                               {QStringLiteral("ipsec-tools.conf"), importFixture(QStringLiteral("racoon/setkey/debian-example-openbsd-tunnel-policy.txt"))}};
        const auto r = importRacoon(files, QStringLiteral("debian"));
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        const NetworkProfile& n = r.value().network;
        QCOMPARE(n.sites.size(), 2);
        QCOMPARE(n.sites.at(0).gateway.flavour, Flavour::Racoon);
        QCOMPARE(n.sites.at(0).gateway.localAddress, QStringLiteral("192.168.0.33"));
        QCOMPARE(n.sites.at(0).networks, QStringList{QStringLiteral("192.168.0.33/32")});
        QCOMPARE(n.sites.at(1).gateway.peerAddress(), QStringLiteral("192.168.0.25"));
        QCOMPARE(n.sites.at(1).networks, QStringList{QStringLiteral("192.168.0.25/32")});
        const Tunnel& t = n.tunnels.at(0);
        QCOMPARE(t.ike.encryption, QStringLiteral("aes128"));
        QCOMPARE(t.ike.integrity, QStringLiteral("sha1"));
        QCOMPARE(t.ike.dhGroup, QStringLiteral("modp1024"));
        QCOMPARE(t.ike.lifetime, 28800);
        QCOMPARE(t.esp.encryption, QStringLiteral("aes128"));
        QCOMPARE(t.esp.integrity, QStringLiteral("sha256"));
        QCOMPARE(t.esp.pfsGroup, QStringLiteral("modp1024"));
        QVERIFY(!t.psk.has_value()); // rsasig
        // certificate_type, peers_certfile, rsasig; no psk.txt.
        QCOMPARE(unusedLines(r.value()), QStringList{QStringLiteral("/etc/racoon/psk.txt:0")} + lines(QStringLiteral("racoon/racoon.conf"), {16, 17, 19}));
        QVERIFY(reportProblem(r.value(), MemorySource(files), {}).isEmpty());
    }

    void seedHowTo()
    {
        const QByteArray key = "0x2eba016ffc2314869ae9f9a3b8901a173242f0c8";
        const QHash<QString, QByteArray> files{{QStringLiteral("racoon/racoon.conf"), importFixture(QStringLiteral("racoon/seed/racoon.conf"))},
                                               {QStringLiteral("racoon/psk.txt"), importFixture(QStringLiteral("racoon/seed/psk.txt"))},
                                               {QStringLiteral("ipsec-tools.conf"), importFixture(QStringLiteral("racoon/seed/ipsec-tools.conf"))}};
        const auto r = importRacoon(files, QStringLiteral("gatewayA"));
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        const NetworkProfile& n = r.value().network;
        QCOMPARE(n.sites.at(0).name, QStringLiteral("gatewayA"));
        QCOMPARE(n.sites.at(0).gateway.localAddress, QStringLiteral("203.0.113.1"));
        QCOMPARE(n.sites.at(0).networks, QStringList{QStringLiteral("192.168.1.0/24")});
        QCOMPARE(n.sites.at(1).gateway.localAddress, QStringLiteral("203.0.113.2"));
        QCOMPARE(n.sites.at(1).networks, QStringList{QStringLiteral("192.168.2.0/24")});
        const Tunnel& t = n.tunnels.at(0);
        QCOMPARE(t.ike.version, 1);
        QCOMPARE(t.ike.encryption, QStringLiteral("aes128"));
        QCOMPARE(t.ike.integrity, QStringLiteral("sha1"));
        QCOMPARE(t.ike.prf, QStringLiteral("sha1"));
        QCOMPARE(t.ike.dhGroup, QStringLiteral("modp1024"));
        QCOMPARE(t.esp.encryption, QStringLiteral("aes128"));
        QCOMPARE(t.esp.integrity, QStringLiteral("sha1"));
        QCOMPARE(t.esp.pfsGroup, QStringLiteral("modp1024"));
        QCOMPARE(t.esp.lifetime, 28800);
        QCOMPARE(t.psk, std::optional<QByteArray>(key));
        QCOMPARE(unusedLines(r.value()), lines(QStringLiteral("racoon/racoon.conf"), {4})); // log notify
        QVERIFY(reportProblem(r.value(), MemorySource(files), {key}).isEmpty());
    }

    void everySample_data()
    {
        QTest::addColumn<QString>("conf");
        QTest::addColumn<QString>("setkey");
        QTest::addColumn<QString>("psk");
        const QString root = QStringLiteral(IPSECWIZ_FIXTURES_DIR "/import/racoon");
        const QStringList confs = QDir(root).entryList({QStringLiteral("*.txt")}, QDir::Files);
        QStringList setkeys = QDir(root + QStringLiteral("/setkey")).entryList(QDir::Files);
        setkeys << QString();
        const QStringList psks = QDir(root + QStringLiteral("/psk")).entryList(QDir::Files);
        for (const QString& c : confs)
            for (const QString& s : std::as_const(setkeys))
                QTest::newRow(qPrintable(c + QLatin1Char(' ') + s)) << QStringLiteral("racoon/") + c << (s.isEmpty() ? s : QStringLiteral("racoon/setkey/") + s)
                                                                  << QStringLiteral("racoon/psk/") + psks.value(int(qHash(c + s) % psks.size()));
    }

    void everySample()
    {
        QFETCH(QString, conf);
        QFETCH(QString, setkey);
        QFETCH(QString, psk);
        QHash<QString, QByteArray> files{{QStringLiteral("racoon/racoon.conf"), importFixture(conf)}, {QStringLiteral("racoon/psk.txt"), importFixture(psk)}};
        if (!setkey.isEmpty())
            files.insert(QStringLiteral("ipsec-tools.d/x.conf"), importFixture(setkey));
        // Every key of psk.txt and of setkey's manual SAs.
        QList<QByteArray> keys{"mekmitasdigoat", "whatcertificatereally", "0x12345678", "kamekame", "this is the test key", "12341234"};
        const auto r = importRacoon(files);
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        const QString problem = reportProblem(r.value(), MemorySource(files), keys);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        if (r.value().network.tunnels.isEmpty()) {
            // Nothing made a tunnel: every line that is neither blank nor a comment is in the report.
            for (const QString& f : {QStringLiteral("racoon/racoon.conf"), QStringLiteral("ipsec-tools.d/x.conf")}) {
                int content = 0;
                for (const QByteArray& l : files.value(f).split('\n'))
                    content += !l.trimmed().isEmpty() && !l.trimmed().startsWith('#');
                int noted = 0;
                for (const ImportNote& n : r.value().unused)
                    noted += n.file == f && n.line > 0;
                // flush, spdflush, path and include lines are used whatever else there is.
                int always = 0;
                for (const QByteArray& l : files.value(f).split('\n'))
                    always += l.trimmed().startsWith("flush") || l.trimmed().startsWith("spdflush") || l.trimmed().startsWith("path pre_shared_key")
                              || l.trimmed().startsWith("path include");
                QCOMPARE(noted, content - always);
            }
        }
    }

    void roadWarriorServer()
    {
        // ipsec-tools' road warrior server: remote anonymous (a peer whose address changes) with
        // certificates and mode_cfg, sainfo anonymous. A dynamic peer with the sample's phase 2;
        // no key, and every certificate, XAuth and mode_cfg line in the report.
        const QHash<QString, QByteArray> files{{QStringLiteral("racoon/racoon.conf"), importFixture(QStringLiteral("racoon/ipsec-tools-0.8.2-roadwarrior-server.txt"))}};
        const auto r = importRacoon(files, QStringLiteral("server"));
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        const NetworkProfile& n = r.value().network;
        QCOMPARE(n.sites.size(), 2);
        QCOMPARE(n.sites.at(1).gateway.reach, Reachability::Dynamic);
        QCOMPARE(n.tunnels.size(), 1);
        const Tunnel& t = n.tunnels.at(0);
        QCOMPARE(t.ike.dhGroup, QStringLiteral("modp1024")); // "dh_group 2"
        QCOMPARE(t.esp.pfsGroup, QStringLiteral("modp1024"));
        QCOMPARE(t.esp.lifetime, 3600); // "lifetime time 1 hour"
        QVERIFY(!t.psk.has_value());
        const QString f = QStringLiteral("racoon/racoon.conf");
        // path certificate; listen; certificate_type, my_identifier asn1dn, proposal_check, dpd_delay,
        // ike_frag, hybrid_rsa_server; mode_cfg; no psk.txt.
        QCOMPARE(unusedLines(r.value()), QStringList{QStringLiteral("/etc/racoon/psk.txt:0")}
                                             + lines(f, {2, 4, 5, 6, 10, 11, 12, 15, 16, 20, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34}));
        QVERIFY(r.value().unused.at(6).reason.contains(QStringLiteral("no kind for"))); // asn1dn
        QVERIFY(reportProblem(r.value(), MemorySource(files), {}).isEmpty());
    }

    void includesAndGlobs()
    {
        // include with a glob, relative to "path include"; a second file's policies; every line used.
        const QHash<QString, QByteArray> files{
            {QStringLiteral("racoon/racoon.conf"), "path include \"/etc/racoon\";\ninclude \"peers/*.conf\";\n"},
            {QStringLiteral("racoon/peers/a.conf"), "remote 192.0.2.2 { exchange_mode main; proposal { encryption_algorithm aes 256; hash_algorithm sha256;\n"
                                                    "authentication_method pre_shared_key; dh_group 14; } }\n"},
            {QStringLiteral("racoon/peers/b.conf"), "sainfo address 10.1.0.0/16 any address 10.2.0.0/16 any { encryption_algorithm aes 256; "
                                                    "authentication_algorithm hmac_sha256; compression_algorithm deflate; lifetime time 1 hour; }\n"},
            {QStringLiteral("racoon/psk.txt"), "192.0.2.2 s3cret-key-of-b\n192.0.2.9 other\n"},
            {QStringLiteral("ipsec-tools.d/p.conf"), "spdadd 10.1.0.0/16 10.2.0.0/16 any -P out ipsec esp/tunnel/192.0.2.1-192.0.2.2/unique;\n"}};
        const auto r = importRacoon(files);
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        const Tunnel& t = r.value().network.tunnels.at(0);
        QCOMPARE(t.ike.encryption, QStringLiteral("aes256"));
        QCOMPARE(t.ike.dhGroup, QStringLiteral("modp2048"));
        QCOMPARE(t.esp.lifetime, 3600);
        QCOMPARE(t.psk, std::optional<QByteArray>("s3cret-key-of-b"));
        QCOMPARE(unusedLines(r.value()), QStringList{QStringLiteral("/etc/racoon/psk.txt:2")});
        QVERIFY(reportProblem(r.value(), MemorySource(files), {"s3cret-key-of-b", "other"}).isEmpty());
    }

    void hostileInput()
    {
        QElapsedTimer timer;
        timer.start();
        // An include loop, directly and through a glob.
        auto r = importRacoon({{QStringLiteral("racoon/racoon.conf"), "include \"/etc/racoon/a.conf\";\n"},
                               {QStringLiteral("racoon/a.conf"), "include \"/etc/racoon/b.conf\";\n"},
                               {QStringLiteral("racoon/b.conf"), "include \"/etc/racoon/*.conf\";\n"}});
        QVERIFY(r.ok());
        bool loop = false;
        for (const ImportNote& n : r.value().unused)
            loop = loop || n.reason.contains(QStringLiteral("loop")) || n.reason.contains(QStringLiteral("second time"));
        QVERIFY(loop);
        // A file that includes itself.
        r = importRacoon({{QStringLiteral("racoon.conf"), "include \"racoon.conf\";\n"}});
        QVERIFY(r.ok());
        // /dev/zero, a path out of the folder, a symlink to one: refused with a note.
        QTemporaryDir outside;
        write(outside.filePath(QStringLiteral("secret.conf")), "remote 192.0.2.66 { }\n");
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("racoon.conf")), QStringLiteral("include \"/dev/zero\";\ninclude \"%1\";\ninclude \"/etc/racoon/link.conf\";\n"
                                                                           "include \"../x.conf\";\ninclude \"zero.conf\";\n")
                                                               .arg(outside.filePath(QStringLiteral("secret.conf")))
                                                               .toUtf8());
        QVERIFY(QFile::link(outside.filePath(QStringLiteral("secret.conf")), dir.filePath(QStringLiteral("link.conf"))));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), dir.filePath(QStringLiteral("zero.conf"))));
        r = Import::racoon(LocalFolderSource(dir.path()), ImportOptions{});
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        int refused = 0;
        for (const ImportNote& n : r.value().unused) {
            QVERIFY(!n.toString().contains(QStringLiteral("192.0.2.66")));
            refused += n.line == 0 && n.reason.startsWith(QStringLiteral("not read"));
        }
        QCOMPARE(refused, 5); // /dev/zero, the outside path, the link, "../x.conf" and the link to /dev/zero
        // A file over the size limit; binary garbage; nesting without end.
        r = importRacoon({{QStringLiteral("racoon.conf"), QByteArray(2 << 20, '{')}});
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QString::number(ImportSource::MaxFileSize)));
        QByteArray garbage;
        for (int i = 0; i < 65536; ++i)
            garbage += char((i * 7919 + i / 3) % 256);
        r = importRacoon({{QStringLiteral("racoon.conf"), garbage}, {QStringLiteral("ipsec-tools.conf"), garbage}, {QStringLiteral("racoon/psk.txt"), garbage}});
        QVERIFY(r.ok());
        r = importRacoon({{QStringLiteral("racoon.conf"), QByteArray(500000, '{') + QByteArray(500000, '}')}});
        QVERIFY(r.ok());
        QVERIFY(!r.value().unused.isEmpty());
        // More includes than the limit.
        QHash<QString, QByteArray> many{{QStringLiteral("racoon.conf"), "include \"/etc/racoon/d/*.conf\";\n"}};
        for (int i = 0; i < 300; ++i)
            many.insert(QStringLiteral("racoon/d/%1.conf").arg(i), "log notify;\n");
        r = importRacoon(many);
        QVERIFY(r.ok());
        // The same glob named again and again: read once, then refused; a bounded report.
        QByteArray again;
        for (int i = 0; i < 20000; ++i)
            again += "include \"/etc/racoon/d/*.conf\";\n";
        many.insert(QStringLiteral("racoon.conf"), again);
        for (int i = 0; i < 300; ++i)
            many.remove(QStringLiteral("racoon/d/%1.conf").arg(i));
        for (int i = 0; i < 100; ++i)
            many.insert(QStringLiteral("racoon/d/%1.conf").arg(i), "log notify;\n");
        r = importRacoon(many);
        QVERIFY(r.ok());
        QVERIFY(r.value().unused.size() < 20000 + 300);
        // A MiB of remotes, sainfos and policies: thousands of peers, found by hash.
        QByteArray conf = "remote anonymous { exchange_mode aggressive; }\n", spd;
        for (int i = 0; conf.size() + spd.size() < ImportSource::MaxFileSize - 300; ++i) {
            const QByteArray peer = "10.1." + QByteArray::number(i / 256 % 256) + '.' + QByteArray::number(i % 256);
            const QByteArray net = "172." + QByteArray::number(16 + i / 65536 % 16) + '.' + QByteArray::number(i / 256 % 256) + '.' + QByteArray::number(i % 256) + "/32";
            conf += "remote " + peer + " { exchange_mode main; }\nsainfo address 10.0.0.0/16 any address " + net + " any { pfs_group 2; }\n"
                    "sainfo address 10.2.0.0/16 any address " + net + " any { pfs_group 5; }\n";
            if (i % 2 == 0)
                spd += "spdadd 10.0.0.0/16 " + net + " any -P out ipsec esp/tunnel/192.0.2.1-" + peer + "/require;\n";
        }
        r = importRacoon({{QStringLiteral("racoon.conf"), conf}, {QStringLiteral("ipsec-tools.conf"), spd}});
        QVERIFY(r.ok());
        QVERIFY(r.value().network.tunnels.size() > 1000);
        QVERIFY2(timer.elapsed() < 60000, qPrintable(QString::number(timer.elapsed()))); // quadratic work would take hours
    }

    void fuzzRegressions()
    {
        // Inputs the fuzzer found, split into files at NULs as fuzz_import_racoon does.
        const QStringList inputs = QDir(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/import/fuzz")).entryList({QStringLiteral("racoon-*")}, QDir::Files);
        QVERIFY(!inputs.isEmpty());
        for (const QString& name : inputs) {
            QList<QByteArray> parts = importFixture(QStringLiteral("fuzz/") + name).split('\0');
            while (parts.size() > 4)
                parts[parts.size() - 2] += '\0' + parts.takeLast();
            const QHash<QString, QByteArray> files{{QStringLiteral("racoon/racoon.conf"), parts.value(0)}, {QStringLiteral("racoon/inc.conf"), parts.value(1)},
                                                   {QStringLiteral("racoon/psk.txt"), parts.value(2)}, {QStringLiteral("ipsec-tools.conf"), parts.value(3)}};
            const auto r = importRacoon(files);
            QVERIFY2(r.ok(), qPrintable(name));
            const QString problem = reportProblem(r.value(), MemorySource(files), {});
            QVERIFY2(problem.isEmpty(), qPrintable(name + QStringLiteral(": ") + problem));
        }
    }

    void roundTrip()
    {
        // Our own output, read back: every field one gateway's files carry, the network's and the
        // peer sites' names from the comments at the top of our files too. They do not carry the
        // gateway's internal address (routes.sh is not racoon's), its address's prefix, whether it
        // is behind NAT (only the identity it shows), the networks no tunnel carries, nor of a peer
        // anything but its address, identity and networks. A gateway
        // whose only peer has a changing address names its own address only in an address
        // identity; without one its address does not come back.
        QElapsedTimer timer;
        timer.start();
        int profiles = 0, gateways = 0, rejected = 0, dynamic = 0;
        for (quint32 seed = 1; profiles < 1000; ++seed) {
            RandomNetworks random(seed, Flavour::Racoon);
            const NetworkProfile n = random.next();
            if (hasErrors(Network::validate(n))) {
                ++rejected;
                QVERIFY2(rejected < 20000, "the generator of random profiles makes too few valid ones");
                continue;
            }
            ++profiles;
            dynamic += std::any_of(n.sites.cbegin(), n.sites.cend(), [](const Site& s) { return s.gateway.reach == Reachability::Dynamic; });
            for (const QString& site : Generate::managedSites(n)) {
                ++gateways;
                const QString problem = roundTripProblem(n, site, ImportFormat::Racoon);
                QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("seed %1, site %2: %3").arg(seed).arg(site, problem)));
            }
        }
        QVERIFY(dynamic > 100);
        qInfo("racoon round trip: %d profiles (%d with a dynamic peer), %d gateways, %d random profiles rejected by validation, %lld ms", profiles,
              dynamic, gateways, rejected, timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestRacoonImport)
#include "TestRacoonImport.moc"
