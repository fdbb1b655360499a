// The ipsec.conf + ipsec.secrets importer: our fixtures (net-to-net, %default and also=, two
// subnets read from either side, a road warrior full of what the profile has no room for) read value
// by value, every line used or reported with a reason and no key in the report; also= loops and
// hostile files end in notes, never a hang.

#include "ImportDetail.h"
#include "TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ipsecwiz;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(IPSECWIZ_FIXTURES_DIR "/import/ipsec-conf/") + name;
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

// The files of FOLDER by the path the source names them with.
QHash<QString, QByteArray> filesOf(const QString& folder)
{
    QHash<QString, QByteArray> out;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        out.insert(QDir(folder).relativeFilePath(path), test::readFile(path));
    }
    return out;
}

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

// The keys of ipsec.secrets files, as written and unquoted.
QStringList keysOf(const QHash<QString, QByteArray>& files)
{
    static const QRegularExpression re(QStringLiteral(":\\s*(?:PSK|XAUTH|EAP)\\s+(.*\\S)\\s*$"), QRegularExpression::MultilineOption);
    QStringList out;
    for (auto f = files.cbegin(); f != files.cend(); ++f) {
        if (!f.key().contains(QLatin1String("secrets")))
            continue;
        for (auto it = re.globalMatch(QString::fromUtf8(f.value())); it.hasNext();) {
            const QString s = it.next().captured(1);
            out << s;
            if (s.startsWith(QLatin1Char('"')))
                out << s.mid(1, s.size() - 2);
        }
    }
    return out;
}

// A literal with NUL bytes in it, whole (QByteArray(const char*) would stop at the first).
template<size_t N>
QByteArray bytes(const char (&text)[N])
{
    return QByteArray(text, qsizetype(N - 1));
}

Result<ImportResult> importFolder(const QString& name, const QString& site, const QString& sshHost = {}, QSet<QString>* used = nullptr)
{
    ImportOptions options;
    options.siteName = site;
    options.sshHost = sshHost;
    return Import::detail::ipsecConf(LocalFolderSource(fixture(name)), options, used);
}

Result<ImportResult> importMemory(const QHash<QString, QByteArray>& files, QSet<QString>* used = nullptr)
{
    ImportOptions options;
    options.siteName = QStringLiteral("gw");
    return Import::detail::ipsecConf(MemorySource(files), options, used);
}

} // namespace

class TestIpsecConfImport : public QObject
{
    Q_OBJECT

private slots:
    void everyFixtureIsReadOrReported_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& d : QDir(fixture({})).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            QTest::newRow(qPrintable(d)) << d;
    }

    void everyFixtureIsReadOrReported()
    {
        QFETCH(QString, name);
        QSet<QString> used;
        const auto r = importFolder(name, QStringLiteral("gw"), {}, &used);
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        const QHash<QString, QByteArray> files = filesOf(fixture(name));
        checkEveryLineAccounted(files, r.value(), used);
        const QString report = notesText(r.value().unused);
        for (const QString& key : keysOf(files))
            QVERIFY2(!report.contains(key), qPrintable(QStringLiteral("a key in the report: ") + report));
        for (const ImportNote& n : r.value().unused)
            QVERIFY2(!n.reason.isEmpty() && n.line > 0, qPrintable(n.toString()));
    }

    void netToNetPsk()
    {
        const auto r = importFolder(QStringLiteral("net2net-psk"), QStringLiteral("hq"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        const NetworkProfile& n = r.value().network;
        QCOMPARE(n.sites.size(), 2);
        const Site& hq = n.sites.at(0);
        QCOMPARE(hq.name, QStringLiteral("hq"));
        QCOMPARE(hq.networks, QStringList{QStringLiteral("10.1.0.0/16")});
        QCOMPARE(hq.gateway.localAddress, QStringLiteral("192.0.2.1"));
        QCOMPARE(hq.gateway.identity, (Identity{IdentityKind::Fqdn, QStringLiteral("hq.example.net")}));
        QVERIFY(hq.gateway.managed);
        QCOMPARE(hq.gateway.flavour, Flavour::StrongSwan);
        const Site& branch = n.sites.at(1);
        QCOMPARE(branch.name, QStringLiteral("branch")); // "hq-branch" from site "hq"
        QCOMPARE(branch.networks, QStringList{QStringLiteral("10.2.0.0/16")});
        QCOMPARE(branch.gateway.localAddress, QStringLiteral("198.51.100.2"));
        QCOMPARE(branch.gateway.reach, Reachability::Direct);
        QCOMPARE(branch.gateway.identity, (Identity{IdentityKind::Fqdn, QStringLiteral("branch.example.net")}));
        QVERIFY(!branch.gateway.managed);
        QCOMPARE(n.tunnels.size(), 1);
        const Tunnel& t = n.tunnels.at(0);
        QCOMPARE(t.name, QStringLiteral("hq-branch"));
        QCOMPARE(t.ike, (IkeProposal{2, QStringLiteral("aes256"), QStringLiteral("sha256"), QStringLiteral("sha256"), QStringLiteral("modp2048"), 28800}));
        QCOMPARE(t.esp, (EspProposal{QStringLiteral("aes256gcm16"), QStringLiteral("none"), QStringLiteral("modp2048"), 3600}));
        QCOMPARE(t.psk, std::optional<QByteArray>("0x6f9c2a1b7d3e4f5061728394a5b6c7d8"));
        // Only config setup is left over.
        QCOMPARE(r.value().unused.size(), 3);
        for (const ImportNote& note : r.value().unused)
            QVERIFY2(note.reason.contains(QStringLiteral("config setup")), qPrintable(note.toString()));
        QVERIFY(r.value().findings.isEmpty());
    }

    void alsoAndDefault()
    {
        const auto r = importFolder(QStringLiteral("also-default"), QStringLiteral("hq"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        const NetworkProfile& n = r.value().network;
        QCOMPARE(n.tunnels.size(), 3); // "common" is auto=ignore: only there for also=
        QCOMPARE(n.sites.size(), 4);
        QCOMPARE(n.sites.at(0).networks, QStringList{QStringLiteral("10.1.0.0/24")});
        QCOMPARE(n.sites.at(0).gateway.localAddress, QStringLiteral("192.0.2.1"));
        const IkeProposal ike{1, QStringLiteral("aes128"), QStringLiteral("sha256"), QStringLiteral("sha256"), QStringLiteral("modp2048"), 3600};
        const auto tunnel = [&](const char* name) { return n.tunnels.value(n.tunnelIndex(QString::fromLatin1(name))); };
        QCOMPARE(tunnel("to-branch").ike, ike);
        QCOMPARE(tunnel("to-branch").esp, (EspProposal{QStringLiteral("aes128"), QStringLiteral("sha256"), QStringLiteral("none"), 1200}));
        QCOMPARE(tunnel("to-shop").esp, (EspProposal{QStringLiteral("aes256"), QStringLiteral("sha256"), QStringLiteral("modp2048"), 1200}));
        QCOMPARE(tunnel("to-lab").ike, ike);
        QCOMPARE(tunnel("to-branch").psk, std::optional<QByteArray>("branch-Key-0123456789"));
        QCOMPARE(tunnel("to-shop").psk, std::optional<QByteArray>("0sc2hvcC1rZXktMDEyMzQ1Njc4OQ=="));
        QCOMPARE(tunnel("to-lab").psk, std::optional<QByteArray>("lab-Key-0123456789")); // from an included ipsec.secrets
        QCOMPARE(n.site(tunnel("to-lab").siteB)->networks, QStringList{QStringLiteral("10.9.0.0/24")});
        const QString report = notesText(r.value().unused);
        for (const char* expected : {"rekeymargin", "keyingtries", "leftfirewall", "config setup"})
            QVERIFY2(report.contains(QString::fromLatin1(expected)), qPrintable(report));
    }

    void theSshHostSaysWhichSideIsOurs()
    {
        // Without it, left is ours (strongSwan's reading when it cannot tell).
        const auto left = importFolder(QStringLiteral("two-subnets"), QStringLiteral("branch"));
        QVERIFY2(left.ok(), qPrintable(errorOf(left)));
        QCOMPARE(left.value().network.sites.at(0).networks, (QStringList{QStringLiteral("10.1.0.0/24"), QStringLiteral("10.1.1.0/24")}));
        const auto right = importFolder(QStringLiteral("two-subnets"), QStringLiteral("branch"), QStringLiteral("root@198.51.100.2:22"));
        QVERIFY2(right.ok(), qPrintable(errorOf(right)));
        const NetworkProfile& n = right.value().network;
        QCOMPARE(n.sites.at(0).networks, (QStringList{QStringLiteral("10.2.0.0/24"), QStringLiteral("10.2.1.0/24")}));
        QCOMPARE(n.sites.at(0).gateway.localAddress, QStringLiteral("198.51.100.2"));
        QCOMPARE(n.sites.at(1).name, QStringLiteral("hq")); // "hq-branch" from site "branch"
        QCOMPARE(n.sites.at(1).networks, (QStringList{QStringLiteral("10.1.0.0/24"), QStringLiteral("10.1.1.0/24")}));
        QCOMPARE(n.sites.at(1).gateway.localAddress, QStringLiteral("192.0.2.1"));
        const Tunnel& t = n.tunnels.at(0);
        QCOMPARE(t.ike, (IkeProposal{2, QStringLiteral("aes128gcm16"), QStringLiteral("none"), QStringLiteral("sha256"), QStringLiteral("ecp256"), 14400}));
        QCOMPARE(t.esp, (EspProposal{QStringLiteral("aes128gcm16"), QStringLiteral("none"), QStringLiteral("none"), 3600}));
        QCOMPARE(t.psk, std::optional<QByteArray>("two-Subnets-0123456789"));
        QVERIFY2(right.value().unused.isEmpty(), qPrintable(notesText(right.value().unused)));
    }

    void roadWarriorGivesNotes()
    {
        const auto r = importFolder(QStringLiteral("road-warrior"), QStringLiteral("vpn"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        const NetworkProfile& n = r.value().network;
        QCOMPARE(n.sites.size(), 2);
        QCOMPARE(n.sites.at(1).gateway.reach, Reachability::Dynamic);
        QCOMPARE(n.sites.at(0).gateway.identity, (Identity{IdentityKind::Fqdn, QStringLiteral("vpn.example.net")}));
        QCOMPARE(n.tunnels.at(0).ike.version, 1);
        QVERIFY(!n.tunnels.at(0).psk.has_value()); // XAuth, not a pre-shared key alone
        const QString report = notesText(r.value().unused);
        for (const char* expected : {"leftcert", "rightsourceip", "rightdns", "xauthpsk", "xauth=server", "dpdaction", "ca example", "strictcrlpolicy",
                                     "Several proposals", "default route", "Only pre-shared keys", "matches no connection"})
            QVERIFY2(report.contains(QString::fromLatin1(expected)), qPrintable(report));
        for (const char* key : {"group-Secret-value", "carol-Password", "vpnKey.pem"})
            QVERIFY2(!report.contains(QString::fromLatin1(key)), qPrintable(report));
    }

    void alsoLoopsEndInNotes()
    {
        const QHash<QString, QByteArray> files{{QStringLiteral("ipsec.conf"), "conn a\n\talso=b\n\tright=198.51.100.2\n\tauto=add\n"
                                                                              "conn b\n\talso=a\n\tleft=192.0.2.1\n\tauto=add\n"
                                                                              "conn c\n\talso=c\n\talso=nowhere\n\tauto=add\n"}};
        QElapsedTimer timer;
        timer.start();
        QSet<QString> used;
        const auto r = importMemory(files, &used);
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QVERIFY(timer.elapsed() < 2000);
        const QString report = notesText(r.value().unused);
        QVERIFY2(report.contains(QStringLiteral("also=a is a loop")) && report.contains(QStringLiteral("also=b is a loop"))
                     && report.contains(QStringLiteral("also=c is a loop")) && report.contains(QStringLiteral("no connection “nowhere”")),
                 qPrintable(report));
        checkEveryLineAccounted(files, r.value(), used);
        QCOMPARE(r.value().network.tunnels.size(), 3);
        QVERIFY(!r.value().findings.isEmpty()); // no ipsec.secrets
    }

    void hostileInput_data()
    {
        QTest::addColumn<QByteArray>("conf");
        QTest::addColumn<QString>("reason"); // empty: the import fails with an error
        QTest::newRow("include-loop") << QByteArray("include ipsec.conf\ninclude ipsec.d/*.conf\n") << QStringLiteral("loop");
        QTest::newRow("include-dotdot") << QByteArray("include ../../outside\n") << QStringLiteral("out of the folder");
        QTest::newRow("include-dev-zero") << QByteArray("include /dev/zero\n") << QStringLiteral("not read");
        QTest::newRow("include-big") << QByteArray("include big.conf\n") << QStringLiteral("bytes");
        QTest::newRow("2MiB") << QByteArray(2 << 20, 'x') << QString();
        QByteArray garbage;
        QRandomGenerator rng(11);
        for (int i = 0; i < 200000; ++i)
            garbage += char(rng.bounded(256));
        QTest::newRow("binary") << garbage << QStringLiteral("Not a section");
        QTest::newRow("unclosed-quote") << QByteArray("conn x\n\tleft=\"192.0.2.1\n\tauto=add\n") << QStringLiteral("Not one address");
    }

    void hostileInput()
    {
        QFETCH(QByteArray, conf);
        QFETCH(QString, reason);
        const QHash<QString, QByteArray> files{{QStringLiteral("ipsec.conf"), conf},
                                               {QStringLiteral("ipsec.d/a.conf"), "include ../ipsec.conf\ninclude /etc/ipsec.conf\n"},
                                               {QStringLiteral("big.conf"), QByteArray(2 << 20, 'c')},
                                               {QStringLiteral("ipsec.secrets"), "include ipsec.secrets\n: PSK \"Hostile-Key-123\"\n%any : PSK\n"}};
        QElapsedTimer timer;
        timer.start();
        QSet<QString> used;
        const auto r = importMemory(files, &used);
        QVERIFY(timer.elapsed() < 10000);
        QCOMPARE(r.ok(), !reason.isEmpty());
        if (!r.ok()) {
            QVERIFY(!r.error().toString().contains(QStringLiteral("Hostile-Key")));
            return;
        }
        const QString report = notesText(r.value().unused);
        QVERIFY2(report.contains(reason), qPrintable(report.left(2000)));
        QVERIFY2(!report.contains(QStringLiteral("Hostile-Key")), qPrintable(report.left(2000)));
        QHash<QString, QByteArray> read = files;
        read.remove(QStringLiteral("big.conf"));
        if (!conf.startsWith("include ipsec.conf"))
            read.remove(QStringLiteral("ipsec.d/a.conf"));
        checkEveryLineAccounted(read, r.value(), used);
    }

    void hostileFilesOnDisk()
    {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(QStringLiteral("etc")));
        QFile outside(dir.filePath(QStringLiteral("outside.conf")));
        QVERIFY(outside.open(QIODevice::WriteOnly));
        outside.write("conn out\n\tleft=192.0.2.99\n\tauto=add\n");
        outside.close();
        QFile main(dir.filePath(QStringLiteral("etc/ipsec.conf")));
        QVERIFY(main.open(QIODevice::WriteOnly));
        main.write("include /dev/zero\ninclude ../outside.conf\ninclude link.conf\n");
        main.close();
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("outside.conf")), dir.filePath(QStringLiteral("etc/link.conf"))));
        const auto r = Import::ipsecConf(LocalFolderSource(dir.filePath(QStringLiteral("etc"))), ImportOptions{});
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r.value().unused.size(), 3);
        QVERIFY(r.value().network.tunnels.isEmpty());
        QVERIFY2(notesText(r.value().unused).contains(QStringLiteral("outside the folder")), qPrintable(notesText(r.value().unused)));
    }

    // What the fuzzer found, fed as the fuzz target feeds it: ipsec.conf, a NUL, ipsec.secrets, then
    // ipsec.d/1.conf, 2.conf, …; the key it carries must not show in any note.
    void fuzzFinds_data()
    {
        QTest::addColumn<QByteArray>("input");
        for (const QString& f : QDir(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/import/fuzz")).entryList({QStringLiteral("ipsecconf-*")}, QDir::Files))
            QTest::newRow(qPrintable(f)) << test::readFile(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/import/fuzz/") + f);
        QTest::newRow("psk-without-blank") << bytes("conn x\n\tauto=add\n\0@a @b :PSK\"Fuzz0Canary0Secret0Value\"\n");
        QTest::newRow("psk-after-tabs-and-cr") << bytes("\0@a : PSK\t\r\v Fuzz0Canary0Secret0Value\n: XAUTH\x01Fuzz0Canary0Secret0Value\n");
        QTest::newRow("secret-in-ipsec-conf") << QByteArray("conn x\n\tsecret\x02=Fuzz0Canary0Secret0Value\n\tauto=add\n");
    }

    void fuzzFinds()
    {
        QFETCH(QByteArray, input);
        const QList<QByteArray> parts = input.split('\0');
        QHash<QString, QByteArray> files;
        for (qsizetype i = 0; i < parts.size() && i < 16; ++i)
            files.insert(i == 0 ? QStringLiteral("ipsec.conf") : i == 1 ? QStringLiteral("ipsec.secrets") : QStringLiteral("ipsec.d/%1.conf").arg(i - 1), parts.at(i));
        QSet<QString> used;
        const auto r = importMemory(files, &used);
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QVERIFY2(!notesText(r.value().unused).contains(QStringLiteral("Fuzz0Canary")), qPrintable(notesText(r.value().unused)));
    }

    void missingIpsecConfIsAnError()
    {
        const auto r = Import::ipsecConf(MemorySource({{QStringLiteral("swanctl/swanctl.conf"), ""}}), ImportOptions{});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("ipsec.conf")), qPrintable(errorOf(r)));
    }
};

QTEST_GUILESS_MAIN(TestIpsecConfImport)
#include "TestIpsecConfImport.moc"
