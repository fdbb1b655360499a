// The racoon-tool.conf importer: racoon-tool.conf(5)'s own examples and the seed how-to's setup
// give the sites, networks, proposals and keys they describe, with every line they leave out
// named; every public sample gives a profile or a report and never a key in it; hostile input
// ends with a message; and a thousand random profiles come back from the files our generator
// writes for them.

#include "RacoonImportSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

Result<ImportResult> importTool(const QHash<QString, QByteArray>& files, const QString& site = QStringLiteral("local"))
{
    ImportOptions o;
    o.siteName = site;
    return Import::racoonTool(MemorySource(files), o);
}

QStringList lines(const QString& file, std::initializer_list<int> numbers)
{
    QStringList out;
    for (const int n : numbers)
        out << QStringLiteral("%1:%2").arg(file).arg(n);
    return out;
}

} // namespace

class TestRacoonToolImport : public QObject
{
    Q_OBJECT

private slots:
    void manPageSimplePsk()
    {
        // racoon-tool.conf(5), EXAMPLES: one connection, its peer, psk.txt's sample (no key for 10.0.0.1).
        const QHash<QString, QByteArray> files{{QStringLiteral("racoon/racoon-tool.conf"), importFixture(QStringLiteral("racoon-tool/debian-manpage-example1-simple-psk.txt"))},
                                               {QStringLiteral("racoon/psk.txt"), importFixture(QStringLiteral("racoon/psk/ipsec-tools-0.8.2-psk.txt.sample.txt"))}};
        const auto r = importTool(files, QStringLiteral("backdoor"));
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        const NetworkProfile& n = r.value().network;
        QCOMPARE(n.sites.size(), 2);
        const Site& us = n.sites.at(0);
        QCOMPARE(us.name, QStringLiteral("backdoor"));
        QVERIFY(us.gateway.managed);
        QCOMPARE(us.gateway.flavour, Flavour::RacoonTool);
        QCOMPARE(us.gateway.localAddress, QStringLiteral("172.31.1.1"));
        QCOMPARE(us.networks, QStringList{QStringLiteral("192.168.223.1/32")});
        const Site& peer = n.sites.at(1);
        QVERIFY(!peer.gateway.managed);
        QCOMPARE(peer.gateway.peerAddress(), QStringLiteral("10.0.0.1"));
        QCOMPARE(peer.networks, QStringList{QStringLiteral("192.168.200.0/24")});
        QCOMPARE(n.tunnels.size(), 1);
        const Tunnel& t = n.tunnels.at(0);
        QCOMPARE(t.name, QStringLiteral("bacckdoor-doormat"));
        QCOMPARE(t.ike.version, 1);
        QCOMPARE(t.ike.encryption, QStringLiteral("3des"));
        QCOMPARE(t.ike.integrity, QStringLiteral("sha1"));
        QCOMPARE(t.ike.prf, QStringLiteral("sha1"));
        QCOMPARE(t.ike.dhGroup, QStringLiteral("modp1024")); // racoon-tool's built-in %default
        QCOMPARE(t.ike.lifetime, 3600);
        QCOMPARE(t.esp.encryption, QStringLiteral("3des"));
        QCOMPARE(t.esp.integrity, QStringLiteral("sha1"));
        QCOMPARE(t.esp.pfsGroup, QStringLiteral("modp1024"));
        QCOMPARE(t.esp.lifetime, 1200);
        QVERIFY(!t.psk.has_value()); // psk.txt has none for 10.0.0.1
        // verify_cert and verify_identifier off; every line of psk.txt (a key for another peer).
        QStringList expected = lines(QStringLiteral("racoon/racoon-tool.conf"), {23, 25});
        expected += lines(QStringLiteral("/etc/racoon/psk.txt"), {3, 4, 5, 6, 7, 9, 11});
        QCOMPARE(unusedLines(r.value()), expected);
        const QString problem = reportProblem(r.value(), MemorySource(files), {"mekmitasdigoat", "0x12345678", "whatcertificatereally", "hoge"});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void manPageMultiNetworkDefault()
    {
        // racoon-tool.conf(5), EXAMPLES: %default sections, three peers, one with three connections.
        const QHash<QString, QByteArray> files{
            {QStringLiteral("racoon-tool.conf"), importFixture(QStringLiteral("racoon-tool/debian-manpage-example2-multi-network-default.txt"))}};
        const auto r = importTool(files, QStringLiteral("blurke"));
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        const NetworkProfile& n = r.value().network;
        QCOMPARE(n.sites.size(), 4);
        const Site& us = n.sites.at(0);
        QCOMPARE(us.gateway.localAddress, QStringLiteral("172.31.1.1")); // from connection(%default)
        QCOMPARE(us.gateway.identity, (Identity{IdentityKind::Fqdn, QStringLiteral("blurke.bar.com")}));
        QCOMPARE(us.networks, (QStringList{QStringLiteral("192.168.203.1/32"), QStringLiteral("192.168.203.0/24")}));
        QCOMPARE(n.tunnels.size(), 3);
        // One tunnel per peer, in the order the connections name them.
        QCOMPARE(n.site(n.tunnels.at(0).siteB)->gateway.peerAddress(), QStringLiteral("10.0.0.1"));
        QCOMPARE(n.site(n.tunnels.at(0).siteB)->gateway.identity, (Identity{IdentityKind::Fqdn, QStringLiteral("blue.sky.com")}));
        QCOMPARE(n.tunnels.at(0).name, QStringLiteral("blurke-blue-sky-work"));
        QCOMPARE(n.tunnels.at(0).networksB, QStringList{QStringLiteral("172.16.0.0/24")});
        QCOMPARE(n.tunnels.at(0).esp.encryption, QStringLiteral("3des"));
        QCOMPARE(n.tunnels.at(0).esp.lifetime, 1200);
        QCOMPARE(n.tunnels.at(0).ike.lifetime, 3600);
        const Tunnel& mail = n.tunnels.at(1);
        QCOMPARE(n.site(mail.siteB)->gateway.peerAddress(), QStringLiteral("10.100.0.1"));
        QCOMPARE(n.site(mail.siteB)->gateway.identity, (Identity{IdentityKind::Fqdn, QStringLiteral("mail.bar.com")}));
        QCOMPARE(mail.networksA, QStringList{QStringLiteral("192.168.203.0/24")});
        QCOMPARE(mail.networksB, (QStringList{QStringLiteral("172.20.1.1/32"), QStringLiteral("172.20.1.23/32"), QStringLiteral("172.20.1.24/32")}));
        QCOMPARE(n.site(n.tunnels.at(2).siteB)->gateway.identity, (Identity{IdentityKind::Fqdn, QStringLiteral("banshee")}));
        QCOMPARE(n.tunnels.at(2).name, QStringLiteral("blurke-freeswan"));
        for (const Tunnel& t : n.tunnels)
            QVERIFY(!t.psk.has_value()); // rsasig: no key
        const QString f = QStringLiteral("racoon-tool.conf");
        // log; certificate_type, verify_cert, rsasig of peer(%default); blowfish (three times) and compression on.
        QCOMPARE(unusedLines(r.value()), QStringList{QStringLiteral("/etc/racoon/psk.txt:0")} + lines(f, {7, 11, 15, 18, 41, 42, 52, 59}));
        QVERIFY(reportProblem(r.value(), MemorySource(files), {}).isEmpty());
    }

    void seedHowTo()
    {
        // The 2004 how-to's gateway A: %default sections, one peer by address, psk.txt's hex key.
        const QByteArray key = "0x2eba016ffc2314869ae9f9a3b8901a173242f0c8";
        const QHash<QString, QByteArray> files{{QStringLiteral("racoon/racoon-tool.conf"), importFixture(QStringLiteral("racoon-tool/seed-howto-racoon-tool.conf"))},
                                               {QStringLiteral("racoon/psk.txt"), importFixture(QStringLiteral("racoon-tool/seed-howto-psk.txt"))}};
        const auto r = importTool(files, QStringLiteral("gatewayA"));
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        const NetworkProfile& n = r.value().network;
        QCOMPARE(n.sites.size(), 2);
        QCOMPARE(n.sites.at(0).name, QStringLiteral("gatewayA"));
        QCOMPARE(n.sites.at(0).gateway.localAddress, QStringLiteral("203.0.113.1"));
        QCOMPARE(n.sites.at(0).networks, QStringList{QStringLiteral("192.168.1.0/24")});
        QCOMPARE(n.sites.at(1).gateway.localAddress, QStringLiteral("203.0.113.2"));
        QCOMPARE(n.sites.at(1).gateway.identity, Identity{});
        QCOMPARE(n.sites.at(1).networks, QStringList{QStringLiteral("192.168.2.0/24")});
        const Tunnel& t = n.tunnels.at(0);
        QCOMPARE(t.name, QStringLiteral("networka-networkb"));
        QCOMPARE(t.ike.encryption, QStringLiteral("aes128"));
        QCOMPARE(t.ike.integrity, QStringLiteral("sha1"));
        QCOMPARE(t.ike.dhGroup, QStringLiteral("modp1024"));
        QCOMPARE(t.ike.lifetime, 28800);
        // racoon-tool's built-in connection defaults: "aes,3des", "hmac_sha1,hmac_md5", modp1024.
        QCOMPARE(t.esp.encryption, QStringLiteral("aes128"));
        QCOMPARE(t.esp.integrity, QStringLiteral("sha1"));
        QCOMPARE(t.esp.pfsGroup, QStringLiteral("modp1024"));
        QCOMPARE(t.psk, std::optional<QByteArray>(key));
        QCOMPARE(unusedLines(r.value()), lines(QStringLiteral("racoon/racoon-tool.conf"), {8})); // log: notify
        QVERIFY(reportProblem(r.value(), MemorySource(files), {key}).isEmpty());
    }

    void debianDefaultHasNoTunnel()
    {
        const QHash<QString, QByteArray> files{{QStringLiteral("racoon-tool.conf"), importFixture(QStringLiteral("racoon-tool/debian-0.8.2-13-default-racoon-tool.conf.txt"))}};
        const auto r = importTool(files);
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        QCOMPARE(r.value().network.tunnels.size(), 0);
        QCOMPARE(unusedLines(r.value()), (QStringList{QStringLiteral("/etc/racoon/psk.txt:0"), QStringLiteral(":0"), QStringLiteral("racoon-tool.conf:10"), QStringLiteral("racoon-tool.conf:13")}));
    }

    void everySample_data()
    {
        QTest::addColumn<QString>("conf");
        QTest::addColumn<QString>("psk");
        const QDir dir(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/import/racoon-tool"));
        const QDir psk(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/import/racoon/psk"));
        QStringList keyFiles = psk.entryList(QDir::Files);
        keyFiles << QString();
        for (const QString& conf : dir.entryList(QDir::Files))
            for (const QString& p : std::as_const(keyFiles))
                QTest::newRow(qPrintable(conf + QLatin1Char(' ') + p)) << QStringLiteral("racoon-tool/") + conf << (p.isEmpty() ? p : QStringLiteral("racoon/psk/") + p);
    }

    void everySample()
    {
        // Whatever the sample, a profile and a report that names only real lines, no key in it.
        QFETCH(QString, conf);
        QFETCH(QString, psk);
        QHash<QString, QByteArray> files{{QStringLiteral("racoon/racoon-tool.conf"), importFixture(conf)}};
        QList<QByteArray> keys;
        if (!psk.isEmpty()) {
            files.insert(QStringLiteral("racoon/psk.txt"), importFixture(psk));
            for (const QByteArray& l : importFixture(psk).split('\n'))
                if (!l.startsWith('#') && l.simplified().contains(' '))
                    keys << l.simplified().split(' ').value(1);
        }
        const auto r = importTool(files);
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        const QString problem = reportProblem(r.value(), MemorySource(files), keys);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Every line that is neither blank nor a comment is in the profile or in the report: the
        // racoon-tool.conf lines of a sample without an enabled connection all are in the report.
        if (r.value().network.tunnels.isEmpty()) {
            int content = 0;
            for (const QByteArray& l : files.value(QStringLiteral("racoon/racoon-tool.conf")).split('\n'))
                content += !l.trimmed().isEmpty() && !l.trimmed().startsWith('#') && l.trimmed() != "global:";
            int noted = 0;
            for (const ImportNote& n : r.value().unused)
                noted += n.file == QLatin1String("racoon/racoon-tool.conf") && n.line > 0;
            QCOMPARE(noted, content); // but "global:", which opens a section
        }
    }

    void anonymousPeer()
    {
        // peer(%anonymous) with connection(%anonymous): racoon-tool's passive server, a peer whose
        // address changes, found in psk.txt by its identifier.
        const QHash<QString, QByteArray> files{
            {QStringLiteral("racoon-tool.conf"), "peer(%anonymous):\n\texchange_mode: aggressive\n\tpeers_identifier: fqdn roamer.example.net\n"
                                                 "\tmy_identifier: fqdn hq.example.net\n\tlifetime: time 2 hour\n"
                                                 "connection(%anonymous):\n\tadmin_status: enabled\n\tsrc_range: 10.1.0.0/16\n\tdst_range: 10.9.0.0/24\n"
                                                 "\tpfs_group: modp2048\n\tcompression: on\n"},
            {QStringLiteral("racoon/psk.txt"), "roamer.example.net 0xabcdef0123456789abcdef\n"}};
        const auto r = importTool(files);
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        const NetworkProfile& n = r.value().network;
        QCOMPARE(n.tunnels.size(), 1);
        QCOMPARE(n.sites.at(1).gateway.reach, Reachability::Dynamic);
        QCOMPARE(n.sites.at(1).gateway.identity, (Identity{IdentityKind::Fqdn, QStringLiteral("roamer.example.net")}));
        QCOMPARE(n.sites.at(1).networks, QStringList{QStringLiteral("10.9.0.0/24")});
        QCOMPARE(n.sites.at(0).gateway.identity, (Identity{IdentityKind::Fqdn, QStringLiteral("hq.example.net")}));
        QCOMPARE(n.tunnels.at(0).networksA, QStringList{QStringLiteral("10.1.0.0/16")});
        QCOMPARE(n.tunnels.at(0).ike.lifetime, 7200);
        QCOMPARE(n.tunnels.at(0).esp.pfsGroup, QStringLiteral("modp2048"));
        QCOMPARE(n.tunnels.at(0).psk, std::optional<QByteArray>("0xabcdef0123456789abcdef"));
        QCOMPARE(unusedLines(r.value()), QStringList{QStringLiteral("racoon-tool.conf:11")}); // compression: on
    }

    void confDFolder()
    {
        // racoon-tool reads racoon-tool.conf, then racoon-tool.conf.d/*.conf: a section may go on there.
        const QHash<QString, QByteArray> files{
            {QStringLiteral("racoon/racoon-tool.conf"), "connection(%default):\n\tsrc_ip: 192.0.2.1\n"},
            {QStringLiteral("racoon/racoon-tool.conf.d/a.conf"), "connection(a):\n\tsrc_range: 10.1.0.0/16\n\tdst_range: 10.2.0.0/16\n\tdst_ip: 192.0.2.2\n"
                                                               "\tadmin_status: on\n\tencryption_algorithm: aes\n\tcolour: blue\n"},
            {QStringLiteral("racoon/racoon-tool.conf.d/b.conf"), "peer(192.0.2.2):\n\tdh_group[0]: modp2048\n\tdh_group[1]: modp1536\n"}};
        const auto r = importTool(files);
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        QCOMPARE(r.value().network.tunnels.size(), 1);
        QCOMPARE(r.value().network.tunnels.at(0).ike.dhGroup, QStringLiteral("modp2048"));
        QCOMPARE(r.value().network.sites.at(0).gateway.localAddress, QStringLiteral("192.0.2.1"));
        QCOMPARE(unusedLines(r.value()), (QStringList{QStringLiteral("/etc/racoon/psk.txt:0"), QStringLiteral("racoon/racoon-tool.conf.d/a.conf:7"),
                                                      QStringLiteral("racoon/racoon-tool.conf.d/b.conf:3")}));
    }

    void longKeysMasked()
    {
        // A note quotes at most the start of a long line: the key must be masked before it is cut.
        const QByteArray key = "0x341a458ef256f9b2292a7908e5cbc427ab83b8b1d1dc0f6c5b0a44b2f5cf6d1e";
        const auto r = importTool({{QStringLiteral("racoon-tool.conf"), "global:\n\tlog: notify\n"},
                                   {QStringLiteral("racoon/psk.txt"), "a-rather-long-peer-name.example.net\t" + key + "\nhost2 " + key + " trailing words\n"}});
        QVERIFY(r.ok());
        QCOMPARE(r.value().unused.size(), 4); // no tunnel, log, two keys for peers without a tunnel
        for (const ImportNote& n : r.value().unused)
            for (qsizetype i = 0; i + 12 <= key.size(); ++i)
                QVERIFY2(!n.toString().contains(QString::fromLatin1(key.mid(i, 12))), qPrintable(n.toString()));
    }

    void hostileInput()
    {
        // Binary garbage, a file over the size limit, a key file that is a device or leaves the folder.
        QByteArray garbage;
        for (int i = 0; i < 4096; ++i)
            garbage += char((i * 7919) % 256);
        auto r = importTool({{QStringLiteral("racoon-tool.conf"), garbage}});
        QVERIFY(r.ok());
        QVERIFY(!r.value().unused.isEmpty());

        r = importTool({{QStringLiteral("racoon-tool.conf"), QByteArray(2 << 20, 'x')}});
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QString::number(ImportSource::MaxFileSize)));

        QTemporaryDir outside;
        QFile secret(outside.filePath(QStringLiteral("psk.txt")));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("192.0.2.2 not-yours\n");
        secret.close();
        QTemporaryDir dir;
        QFile conf(dir.filePath(QStringLiteral("racoon-tool.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(QStringLiteral("global:\n\tpath_pre_shared_key: %1\n").arg(outside.filePath(QStringLiteral("psk.txt"))).toUtf8()
                   + "connection(x):\n\tsrc_ip: 192.0.2.1\n\tdst_ip: 192.0.2.2\n\tsrc_range: 10.0.0.0/8\n\tdst_range: 172.16.0.0/12\n\tadmin_status: on\n");
        conf.close();
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), dir.filePath(QStringLiteral("racoon-tool.conf.d"))) || true);
        r = Import::racoonTool(LocalFolderSource(dir.path()), ImportOptions{});
        QVERIFY2(r.ok(), qPrintable(errorText(r)));
        QVERIFY(!r.value().network.tunnels.at(0).psk.has_value());
        bool noted = false;
        for (const ImportNote& n : r.value().unused) {
            QVERIFY(!n.toString().contains(QStringLiteral("not-yours")));
            noted = noted || (n.line == 0 && n.reason.contains(QStringLiteral("no pre-shared keys")));
        }
        QVERIFY(noted);

        // /dev/zero named as the key file: refused, not read.
        QElapsedTimer timer;
        timer.start();
        r = importTool({{QStringLiteral("racoon-tool.conf"), "global:\n\tpath_pre_shared_key: /dev/zero\n"}});
        QVERIFY(r.ok());
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY(!Import::racoonTool(LocalFolderSource(QStringLiteral("/nonexistent")), ImportOptions{}).ok());

        // Files just under the size limit, made of what the importer keeps lists of: keys, a
        // peer's settings, connections to one peer. Linear work, not quadratic.
        timer.restart();
        QByteArray psk, props = "peer(%default):\n", conns;
        for (int i = 0; psk.size() < ImportSource::MaxFileSize - 40; ++i)
            psk += "10." + QByteArray::number(i / 65536) + '.' + QByteArray::number(i / 256 % 256) + '.' + QByteArray::number(i % 256) + " k" + QByteArray::number(i) + '\n';
        for (int i = 0; props.size() < ImportSource::MaxFileSize / 2; ++i)
            props += "\tdh_group[" + QByteArray::number(i) + "]: modp2048\n";
        for (int i = 0; props.size() + conns.size() < ImportSource::MaxFileSize - 200; ++i)
            conns += "connection(c" + QByteArray::number(i) + "):\n\tsrc_ip: 192.0.2.1\n\tdst_ip: 192.0.2.2\n\tsrc_range: 10." + QByteArray::number(i / 256 % 256)
                     + '.' + QByteArray::number(i % 256) + ".0/24\n\tdst_range: 172.16.0.0/16\n\tadmin_status: on\n";
        r = importTool({{QStringLiteral("racoon-tool.conf"), props + conns}, {QStringLiteral("racoon/psk.txt"), psk}});
        QVERIFY(r.ok());
        QCOMPARE(r.value().network.tunnels.size(), 1);
        // A peer(%default) and a connection(%default) of thousands of settings, and thousands of
        // peers that inherit them.
        QByteArray defaults = "peer(%default):\n", connDefaults = "connection(%default):\n", peers;
        for (int i = 1; defaults.size() < ImportSource::MaxFileSize / 4; ++i) {
            QByteArray k;
            for (int j = i; j > 0; j /= 26)
                k += char('a' + j % 26);
            defaults += "\tx" + k + ": 16\n";
            connDefaults += "\ty" + k + ": 16\n";
        }
        for (int i = 0; defaults.size() + connDefaults.size() + peers.size() < ImportSource::MaxFileSize - 200; ++i)
            peers += "connection(c" + QByteArray::number(i) + "):\n\tsrc_ip: 192.0.2.1\n\tdst_ip: 10.0." + QByteArray::number(i / 256 % 256) + '.'
                     + QByteArray::number(i % 256) + "\n\tadmin_status: on\n\tsrc_range: 10.9.0.0/16\n\tdst_range: 172.16.0.0/24\n";
        r = importTool({{QStringLiteral("racoon-tool.conf"), defaults + connDefaults + peers}});
        QVERIFY(r.ok());
        QVERIFY(r.value().network.tunnels.size() > 1000);
        // Long runs of blanks inside a line (a regular expression with a lazy group backtracks).
        const QByteArray blanks((ImportSource::MaxFileSize - 100) / 2, ' ');
        r = importTool({{QStringLiteral("racoon-tool.conf"), "global:\n\tlog: a" + blanks + "b\n"}, {QStringLiteral("racoon/psk.txt"), "a" + blanks + "b" + blanks + "c\n"}});
        QVERIFY(r.ok());
        QVERIFY2(timer.elapsed() < 60000, qPrintable(QString::number(timer.elapsed()))); // quadratic work would take hours
    }

    void roundTrip()
    {
        // Our own output, read back: every field one gateway's files carry, the network's and the
        // peer sites' names from the comments at the top of our blocks too. They do not carry the
        // gateway's internal address (in routes.sh, which racoon-tool does not read), its
        // address's prefix, whether it is behind NAT (only the identity it shows is in the files),
        // the networks no tunnel carries, nor anything of a peer but its address, identity and
        // networks; those are not compared.
        QElapsedTimer timer;
        timer.start();
        int profiles = 0, gateways = 0, rejected = 0;
        for (quint32 seed = 1; profiles < 1000; ++seed) {
            RandomNetworks random(seed, Flavour::RacoonTool);
            const NetworkProfile n = random.next();
            if (hasErrors(Network::validate(n))) {
                ++rejected;
                QVERIFY2(rejected < 20000, "the generator of random profiles makes too few valid ones");
                continue;
            }
            ++profiles;
            for (const QString& site : Generate::managedSites(n)) {
                ++gateways;
                const QString problem = roundTripProblem(n, site, ImportFormat::RacoonTool);
                QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("seed %1, site %2: %3").arg(seed).arg(site, problem)));
            }
        }
        qInfo("racoon-tool round trip: %d profiles, %d gateways, %d random profiles rejected by validation, %lld ms", profiles, gateways, rejected,
              timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestRacoonToolImport)
#include "TestRacoonToolImport.moc"
