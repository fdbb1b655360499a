// The bundle: contents and modes, byte-identical archives for identical input, PSK entries 0600
// inside the archive, redaction, and each install.sh run in a scratch root.

#include "ConfigBundle.h"
#include "TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <archive.h>
#include <archive_entry.h>

#include <sys/stat.h>
#include <unistd.h>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

struct ArchivedEntry
{
    QString path;
    int mode;
    QByteArray content;
};

// Reads an archive back with libarchive, independent of how it was written.
QList<ArchivedEntry> readArchive(const QString& path)
{
    QList<ArchivedEntry> out;
    archive* a = archive_read_new();
    archive_read_support_filter_all(a);
    archive_read_support_format_all(a);
    if (archive_read_open_filename(a, QFile::encodeName(path).constData(), 10240) != ARCHIVE_OK) {
        archive_read_free(a);
        return out;
    }
    archive_entry* e = nullptr;
    while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
        ArchivedEntry entry{QString::fromUtf8(archive_entry_pathname(e)), int(archive_entry_perm(e)), {}};
        char buf[8192];
        la_ssize_t n = 0;
        while ((n = archive_read_data(a, buf, sizeof buf)) > 0)
            entry.content.append(buf, n);
        out.append(entry);
    }
    archive_read_free(a);
    return out;
}

struct InstallRun
{
    int exitCode = -1;
    QString output; // stdout, then stderr
};

InstallRun runInstall(const QString& bundle, const QString& root)
{
    QProcess sh;
    sh.start(QStringLiteral("sh"), {bundle + QStringLiteral("/gateway-a/install.sh"), QStringLiteral("--root"), root});
    if (!sh.waitForFinished(20000))
        return {};
    return {sh.exitCode(), QString::fromUtf8(sh.readAllStandardOutput() + sh.readAllStandardError())};
}

bool writeFile(const QString& path, const QByteArray& content, QFile::Permissions permissions)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size() && f.setPermissions(permissions);
}

int fileMode(const QString& path)
{
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QList<BundleEntry> seedBundle(BundleOptions options = {})
{
    auto entries = ConfigBundle::build(seedProfile(), fixedPsk(), options);
    if (!entries)
        qFatal("bundle: %s", qPrintable(entries.error().toString()));
    return entries.value();
}

} // namespace

// Where install.sh kept its copy of TARGET (a path on the gateway), in its newest backup folder
// under ROOT that has one; empty when none did.
QString backupOf(const QString& root, const QString& target)
{
    QDir backups(root + QStringLiteral("/etc/ipsec-wizard/backups"));
    const QStringList runs = backups.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
    for (const QString& run : runs) {
        for (const QByteArray& line : readFile(backups.filePath(run + QStringLiteral("/manifest"))).split('\n')) {
            const QList<QByteArray> cols = line.split('\t');
            if (cols.size() == 2 && QString::fromUtf8(cols.at(1)) == target)
                return backups.filePath(run + QLatin1Char('/') + QString::fromUtf8(cols.at(0)));
        }
    }
    return {};
}

class TestConfigBundle : public QObject
{
    Q_OBJECT

private slots:
    void contents()
    {
        const QList<BundleEntry> entries = seedBundle();
        QStringList paths;
        for (const BundleEntry& e : entries)
            paths << e.path;
        const QStringList expected{
            QStringLiteral("README.txt"),
            QStringLiteral("profile.json"),
            QStringLiteral("gateway-a/install.sh"),
            QStringLiteral("gateway-a/etc/racoon/racoon-tool.conf"),
            QStringLiteral("gateway-a/etc/racoon/psk.txt"),
            QStringLiteral("gateway-a/etc/ipsec-wizard/seed/routes.sh"),
            QStringLiteral("gateway-a/etc/ipsec-wizard/seed/firewall.nft"),
            QStringLiteral("gateway-a/etc/ipsec-wizard/seed/firewall.iptables"),
            QStringLiteral("gateway-b/install.sh"),
            QStringLiteral("gateway-b/etc/racoon/racoon-tool.conf"),
            QStringLiteral("gateway-b/etc/racoon/psk.txt"),
            QStringLiteral("gateway-b/etc/ipsec-wizard/seed/routes.sh"),
            QStringLiteral("gateway-b/etc/ipsec-wizard/seed/firewall.nft"),
            QStringLiteral("gateway-b/etc/ipsec-wizard/seed/firewall.iptables"),
        };
        QCOMPARE(paths, expected);
        for (const BundleEntry& e : entries) {
            QCOMPARE(e.secret, e.content.contains(fixedPsk()));
            if (e.secret)
                QCOMPARE(e.mode, 0600);
        }
        const QByteArray readme = entries.first().content;
        QVERIFY(readme.contains("setkey -DP"));
        QVERIFY(readme.contains("ping"));
        // profile.json holds no key unless asked.
        QVERIFY(!entries.at(1).content.contains("\"psk\""));
        QCOMPARE(entries.at(1).mode, 0644);
    }

    void profileWithKeyWhenAsked()
    {
        BundleOptions options;
        options.profilePsk = PskInFile::Include;
        const QList<BundleEntry> entries = seedBundle(options);
        QVERIFY(entries.at(1).content.contains(fixedPsk()));
        QCOMPARE(entries.at(1).mode, 0600);
        QVERIFY(entries.at(1).secret);
    }

    void redact()
    {
        BundleOptions options;
        options.redact = true;
        options.profilePsk = PskInFile::Include;
        const QList<BundleEntry> entries = seedBundle(options);
        int placeholders = 0;
        for (const BundleEntry& e : entries) {
            QVERIFY2(!e.content.contains(fixedPsk()), qPrintable(e.path));
            if (e.content.contains(ProfileJson::redactedPlaceholder()))
                ++placeholders;
        }
        // both psk.txt files and profile.json
        QCOMPARE(placeholders, 3);
    }

    void archives_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("tar.gz") << QStringLiteral("bundle.tar.gz");
        QTest::newRow("zip") << QStringLiteral("bundle.zip");
    }

    void archives()
    {
        QFETCH(QString, name);
        QTemporaryDir one, two;
        const QList<BundleEntry> entries = seedBundle();
        QVERIFY(ConfigBundle::write(entries, one.filePath(name)).ok());
        QTest::qSleep(1100); // a timestamp leaking into the archive would now differ
        QVERIFY(ConfigBundle::write(seedBundle(), two.filePath(name)).ok());
        QCOMPARE(readFile(one.filePath(name)), readFile(two.filePath(name)));
        // The archive itself holds the key: owner-only.
        QCOMPARE(fileMode(one.filePath(name)), 0600);

        const QList<ArchivedEntry> back = readArchive(one.filePath(name));
        QCOMPARE(back.size(), entries.size());
        for (int i = 0; i < back.size(); ++i) {
            QCOMPARE(back[i].path, entries[i].path);
            QCOMPARE(back[i].content, entries[i].content);
            QCOMPARE(back[i].mode, entries[i].secret ? 0600 : entries[i].mode);
        }
    }

    void folder()
    {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("seed-bundle"));
        QVERIFY(ConfigBundle::write(seedBundle(), out).ok());
        for (const BundleEntry& e : seedBundle()) {
            const QString path = out + QLatin1Char('/') + e.path;
            QCOMPARE(readFile(path), e.content);
            QCOMPARE(fileMode(path), e.mode);
        }
        // A second write must not overwrite an existing, non-empty folder.
        const auto again = ConfigBundle::write(seedBundle(), out);
        QVERIFY(!again.ok());
        QVERIFY(again.error().message.contains(QStringLiteral("not an empty folder")));
        // Nothing left behind beside it.
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{QStringLiteral("seed-bundle")});
    }

    void writeFailureLeavesNothing()
    {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("missing/sub/bundle.tar.gz"));
        QVERIFY(!ConfigBundle::write(seedBundle(), out).ok());
        QVERIFY(QDir(tmp.path()).isEmpty());
    }

    void installScriptInScratchRoot_data()
    {
        QTest::addColumn<QString>("flavour");
        for (const QString& f : {QStringLiteral("racoon-tool"), QStringLiteral("racoon"), QStringLiteral("strongswan")})
            QTest::newRow(qPrintable(f)) << f;
    }

    void installScriptInScratchRoot()
    {
        QFETCH(QString, flavour);
        TunnelProfile p = seedProfile();
        p.gatewayA.flavour = *flavourFromId(flavour);
        p.gatewayB.flavour = p.gatewayA.flavour;
        p.ike.version = flavour == QLatin1String("strongswan") ? 2 : 1;
        auto entries = ConfigBundle::build(p, fixedPsk(), {});
        QVERIFY(entries.ok());
        QTemporaryDir tmp;
        const QString bundle = tmp.filePath(QStringLiteral("bundle"));
        QVERIFY(ConfigBundle::write(entries.value(), bundle).ok());

        for (const QString& side : {QStringLiteral("a"), QStringLiteral("b")}) {
            const QString root = tmp.filePath(QStringLiteral("root-") + side);
            QVERIFY(QDir().mkpath(root));
            // An older file the install must keep as a backup.
            const QString old = root + QStringLiteral("/etc/ipsec-wizard/seed/routes.sh");
            QVERIFY(QDir().mkpath(QFileInfo(old).absolutePath()));
            {
                QFile f(old);
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write("old routes\n");
            }
            for (int run = 1; run <= 2; ++run) {
                QProcess sh;
                sh.start(QStringLiteral("sh"), {bundle + QStringLiteral("/gateway-") + side + QStringLiteral("/install.sh"), QStringLiteral("--root"), root});
                QVERIFY(sh.waitForFinished(20000));
                const QString output = QString::fromUtf8(sh.readAllStandardOutput() + sh.readAllStandardError());
                QVERIFY2(sh.exitCode() == 0, qPrintable(output));
                if (run == 2) {
                    // Safe to run twice: nothing is replaced the second time.
                    QVERIFY2(!output.contains(QStringLiteral("installed ")), qPrintable(output));
                    QVERIFY2(!output.contains(QStringLiteral("kept ")), qPrintable(output));
                }
            }
            QCOMPARE(readFile(backupOf(root, QStringLiteral("/etc/ipsec-wizard/seed/routes.sh"))), QByteArray("old routes\n"));
            for (const BundleEntry& e : entries.value()) {
                const QString prefix = QStringLiteral("gateway-") + side + QStringLiteral("/etc/");
                if (!e.path.startsWith(prefix))
                    continue;
                const QString target = root + e.path.mid(prefix.size() - 5);
                QCOMPARE(readFile(target), e.content);
                QCOMPARE(fileMode(target), e.mode);
            }
            // No temporary file left behind; backups go to a folder of their own.
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QVERIFY2(!path.contains(QLatin1String(".ipsec-wizard-")) && !path.endsWith(QLatin1String(".rest")), qPrintable(path));
            }
        }
    }

    // Validation accepts an address with spaces or a newline around it; the scripts and comments
    // get the normalised address, never the raw string (a newline ended install.sh's comment).
    void rawAddressesNeverReachTheScripts()
    {
        TunnelProfile p = seedProfile();
        p.gatewayA.publicAddress += QStringLiteral("\n");
        p.gatewayB.internalAddress = QStringLiteral(" ") + p.gatewayB.internalAddress + QStringLiteral("\n");
        p.networkA += QStringLiteral("\n");
        auto entries = ConfigBundle::build(p, fixedPsk(), {});
        QVERIFY2(entries.ok(), qPrintable(entries.ok() ? QString() : entries.error().toString()));
        QTemporaryDir tmp;
        const QString bundle = tmp.filePath(QStringLiteral("bundle"));
        QVERIFY(ConfigBundle::write(entries.value(), bundle).ok());
        const QByteArray install = readFile(bundle + QStringLiteral("/gateway-a/install.sh"));
        QVERIFY2(install.contains("# Installs tunnel \"seed\" on gateway A (" + p.gatewayA.publicAddress.section(QLatin1Char('/'), 0, 0).trimmed().toUtf8() + ", "),
                 install.constData());
        const QByteArray readme = readFile(bundle + QStringLiteral("/README.txt"));
        QVERIFY(!readme.contains(p.gatewayB.internalAddress.toUtf8()));
        QVERIFY(readme.contains("ping -I " + p.gatewayB.internalAddress.trimmed().toUtf8() + " "));
        const QString root = tmp.filePath(QStringLiteral("root"));
        QVERIFY(QDir().mkpath(root));
        QProcess sh;
        sh.start(QStringLiteral("sh"), {bundle + QStringLiteral("/gateway-a/install.sh"), QStringLiteral("--root"), root});
        QVERIFY(sh.waitForFinished(20000));
        QVERIFY2(sh.exitCode() == 0, (sh.readAllStandardOutput() + sh.readAllStandardError()).constData());
    }

    void installScriptRefusesFolderOthersCanWrite_data()
    {
        QTest::addColumn<QString>("folder"); // below the root; empty for the root itself
        QTest::addColumn<int>("mode");
        QTest::newRow("root-group-writable") << QString() << 0770;
        QTest::newRow("root-world-writable-sticky") << QString() << 01777;
        QTest::newRow("etc-world-writable") << QStringLiteral("/etc") << 0777;
        QTest::newRow("racoon-group-writable") << QStringLiteral("/etc/racoon") << 0775;
        QTest::newRow("seed-world-writable-sticky") << QStringLiteral("/etc/ipsec-wizard/seed") << 01777;
    }

    // Someone else who can write a folder on the way could plant a file or a link where install.sh
    // writes: it refuses before it writes anything anywhere, and names the folder.
    void installScriptRefusesFolderOthersCanWrite()
    {
        QFETCH(QString, folder);
        QFETCH(int, mode);
        QTemporaryDir tmp;
        const QString bundle = tmp.filePath(QStringLiteral("bundle"));
        QVERIFY(ConfigBundle::write(seedBundle(), bundle).ok());
        const QString root = tmp.filePath(QStringLiteral("root"));
        for (const QString& dir : {QStringLiteral("/etc/racoon"), QStringLiteral("/etc/ipsec-wizard/seed")})
            QVERIFY(QDir().mkpath(root + dir));
        // What an attacker with that folder would plant: an empty file of theirs where the key goes.
        const QString planted = root + QStringLiteral("/etc/racoon/psk.txt.ipsec-wizard-new");
        QVERIFY(writeFile(planted, {},
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther));
        const QString weak = root + folder;
        QCOMPARE(::chmod(QFile::encodeName(weak).constData(), mode_t(mode)), 0);

        const InstallRun run = runInstall(bundle, root);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(weak + QStringLiteral(" can be written by group or others")), qPrintable(run.output));
        QVERIFY2(run.output.contains(QStringLiteral("nothing was installed")), qPrintable(run.output));
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        QCOMPARE(files, QStringList{planted});
        QCOMPARE(readFile(planted), QByteArray());
    }

    // Leftovers where install.sh writes (links to a file elsewhere, under the names of the target,
    // its backup and the temporary name older versions used) are replaced, never written through.
    void installScriptReplacesLinksInsteadOfFollowing()
    {
        QTemporaryDir tmp;
        const QString bundle = tmp.filePath(QStringLiteral("bundle"));
        const QList<BundleEntry> entries = seedBundle();
        QVERIFY(ConfigBundle::write(entries, bundle).ok());
        const QString victim = tmp.filePath(QStringLiteral("victim"));
        QVERIFY(writeFile(victim, "not yours\n", QFile::ReadOwner | QFile::WriteOwner));
        const QString root = tmp.filePath(QStringLiteral("root"));
        const QString psk = root + QStringLiteral("/etc/racoon/psk.txt");
        const QString routes = root + QStringLiteral("/etc/ipsec-wizard/seed/routes.sh");
        QVERIFY(QDir().mkpath(QFileInfo(psk).absolutePath()));
        QVERIFY(QDir().mkpath(QFileInfo(routes).absolutePath()));
        QVERIFY(writeFile(psk, "old key\n", QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        for (const QString& link : {psk + QStringLiteral(".ipsec-wizard-bak"), psk + QStringLiteral(".ipsec-wizard-new"), routes,
                                    routes + QStringLiteral(".ipsec-wizard-new")})
            QVERIFY(QFile::link(victim, link));

        const InstallRun run = runInstall(bundle, root);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QCOMPARE(readFile(victim), QByteArray("not yours\n"));
        QCOMPARE(fileMode(victim), 0600);
        const QString pskBackup = backupOf(root, QStringLiteral("/etc/racoon/psk.txt"));
        QVERIFY(!pskBackup.isEmpty() && !QFileInfo(pskBackup).isSymLink());
        QCOMPARE(readFile(pskBackup), QByteArray("old key\n"));
        QCOMPARE(fileMode(pskBackup), 0640);
        for (const QString& installed : {psk, routes}) {
            QVERIFY2(!QFileInfo(installed).isSymLink(), qPrintable(installed));
            const QString entry = QStringLiteral("gateway-a") + installed.mid(root.size());
            const auto it = std::find_if(entries.cbegin(), entries.cend(), [&](const BundleEntry& e) { return e.path == entry; });
            QVERIFY2(it != entries.cend(), qPrintable(entry));
            // psk.txt is the admin's too: the tunnel's block joins the key that was there.
            QCOMPARE(readFile(installed), installed == psk ? "old key\n" + it->content : it->content);
            QCOMPARE(fileMode(installed), it->mode);
        }
        QCOMPARE(fileMode(psk), 0600);
        // install.sh no longer uses that name; the leftover link stays as it was.
        QVERIFY(QFileInfo(psk + QStringLiteral(".ipsec-wizard-new")).isSymLink());
        QVERIFY(!readFile(bundle + QStringLiteral("/gateway-a/install.sh")).contains(".ipsec-wizard-new"));
    }

    void installScriptNeedsRootWithoutScratch()
    {
        if (::geteuid() == 0) {
            // As root the script would really install; check the refusal through its usage path instead.
            QTemporaryDir tmp;
            const QString bundle = tmp.filePath(QStringLiteral("bundle"));
            QVERIFY(ConfigBundle::write(seedBundle(), bundle).ok());
            QProcess sh;
            sh.start(QStringLiteral("sh"), {bundle + QStringLiteral("/gateway-a/install.sh"), QStringLiteral("--bogus")});
            QVERIFY(sh.waitForFinished(10000));
            QCOMPARE(sh.exitCode(), 2);
            QVERIFY(sh.readAllStandardError().contains("unknown option"));
            return;
        }
        QTemporaryDir tmp;
        const QString bundle = tmp.filePath(QStringLiteral("bundle"));
        QVERIFY(ConfigBundle::write(seedBundle(), bundle).ok());
        QProcess sh;
        sh.start(QStringLiteral("sh"), {bundle + QStringLiteral("/gateway-a/install.sh")});
        QVERIFY(sh.waitForFinished(10000));
        QCOMPARE(sh.exitCode(), 1);
        QVERIFY(sh.readAllStandardError().contains("root"));
    }
};

QTEST_GUILESS_MAIN(TestConfigBundle)
#include "TestConfigBundle.moc"
