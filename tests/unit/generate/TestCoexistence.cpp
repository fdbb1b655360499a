// Coexistence with what the admin wrote: the program owns only its marked blocks and its own
// files. MarkedBlock's rule in C++ and its sh twin (what the gateway and install.sh run) agree
// byte for byte on many inputs; and a gateway that already holds the admin's own racoon-tool and
// racoon tunnels gets two tunnels of ours installed by install.sh, one removed again, with the
// admin's bytes the same at every step (SHA-256) and the other tunnel still there.

#include "ConfigBundle.h"
#include "Generator.h"
#include "MarkedBlock.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

bool writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QByteArray sha256(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// The shell's merge of BLOCK into FILE (absent when file is null), as the gateway runs it.
QByteArray shellMerge(const QString& dir, const QByteArray* file, const QString& name, const QByteArray& block, int* exitCode)
{
    const QString live = dir + QStringLiteral("/live"), blk = dir + QStringLiteral("/block"), out = dir + QStringLiteral("/out");
    QFile::remove(live);
    QFile::remove(out);
    if (file)
        writeFile(live, *file);
    writeFile(blk, block);
    QProcess sh;
    sh.start(QStringLiteral("sh"), {QStringLiteral("-c"), MarkedBlock::shellFunction() + QStringLiteral("merge_block \"$1\" \"$2\" \"$3\" \"$4\""),
                                    QStringLiteral("sh"), live, blk, name, out});
    sh.waitForFinished(10000);
    *exitCode = sh.exitCode();
    return readFile(out);
}

// An admin's file of random lines, sometimes without a final newline, sometimes with blocks.
QByteArray randomFile(QRandomGenerator& rng, const QStringList& blockNames)
{
    static const QList<QByteArray> words{"peer(10.9.9.9):", "\tpassive: off", "# a comment", "", "path pre_shared_key \"/etc/racoon/psk.txt\";",
                                         "10.0.0.1\tsecret", "  indented", "# BEGIN ipsec-wizard", "# END ipsec-wizard other", "}"};
    QByteArray s;
    const int lines = int(rng.bounded(8));
    for (int i = 0; i < lines; ++i) {
        if (rng.bounded(5) == 0 && !blockNames.isEmpty()) {
            const QString name = blockNames.at(int(rng.bounded(blockNames.size())));
            if (!s.contains(MarkedBlock::beginLine(name) + '\n'))
                s += MarkedBlock::wrap(name, "old " + name.toUtf8() + "\n");
        }
        s += words.at(int(rng.bounded(words.size()))) + '\n';
    }
    if (!s.isEmpty() && rng.bounded(3) == 0)
        s.chop(1); // no final newline
    return s;
}

struct OurTunnel
{
    TunnelProfile profile;
    QString bundle;
};

// A tunnel from the seed's gateway A to peer N, with networks of its own.
TunnelProfile tunnelTo(int n, Flavour flavour)
{
    TunnelProfile p = seedProfile();
    p.name = QStringLiteral("ours%1").arg(n);
    p.gatewayA.flavour = p.gatewayB.flavour = flavour;
    p.ike.version = 1;
    p.networkB = QStringLiteral("10.%1.0.0/24").arg(100 + n);
    p.gatewayB.internalAddress = QStringLiteral("10.%1.0.1").arg(100 + n);
    p.gatewayB.publicAddress = QStringLiteral("203.0.113.%1/24").arg(10 + n);
    p.gatewayB.ssh.host.clear();
    p.gatewayA.ssh.host.clear();
    return p;
}

int install(const QString& bundle, const QString& root, bool remove, QString* output)
{
    QProcess sh;
    QStringList args{bundle + QStringLiteral("/gateway-a/install.sh"), QStringLiteral("--root"), root};
    if (remove)
        args << QStringLiteral("--remove");
    sh.start(QStringLiteral("sh"), args);
    if (!sh.waitForFinished(20000))
        return -1;
    *output = QString::fromUtf8(sh.readAllStandardOutput() + sh.readAllStandardError());
    return sh.exitCode();
}

} // namespace

class TestCoexistence : public QObject
{
    Q_OBJECT

private slots:
    void markedBlockRules()
    {
        const QByteArray block = MarkedBlock::wrap(QStringLiteral("t"), "new\n");
        // Appended; replaced in place; taken out again: back to the same bytes.
        QCOMPARE(MarkedBlock::merge("a\n", QStringLiteral("t"), block).value(), "a\n" + block);
        QCOMPARE(MarkedBlock::merge("a\n" + MarkedBlock::wrap(QStringLiteral("t"), "old\n") + "b\n", QStringLiteral("t"), block).value(),
                 "a\n" + block + "b\n");
        QCOMPARE(MarkedBlock::merge("a\n" + block + "b\n", QStringLiteral("t"), {}).value(), QByteArray("a\nb\n"));
        // A file without a final newline gets one before the block, and loses it with the block.
        const QByteArray merged = MarkedBlock::merge("a", QStringLiteral("t"), block).value();
        QCOMPARE(merged, "a\n" + block.chopped(1));
        QCOMPARE(MarkedBlock::merge(merged, QStringLiteral("t"), {}).value(), QByteArray("a"));
        // Another tunnel's block, or a name that only starts the same, is not ours to touch.
        const QByteArray other = MarkedBlock::wrap(QStringLiteral("t-2"), "x\n");
        QCOMPARE(MarkedBlock::merge(other, QStringLiteral("t"), {}).value(), other);
        // Broken markers: refused, so nothing is changed.
        QVERIFY(!MarkedBlock::merge("# BEGIN ipsec-wizard t\nx\n", QStringLiteral("t"), block).ok());
        QVERIFY(!MarkedBlock::merge("# END ipsec-wizard t\n# BEGIN ipsec-wizard t\n", QStringLiteral("t"), {}).ok());
    }

    // The gateway and install.sh run the sh function; it must do exactly what merge() does.
    void shellMergeEqualsTheRule()
    {
        QTemporaryDir dir;
        QRandomGenerator rng(20261204);
        const QStringList names{QStringLiteral("t"), QStringLiteral("t-2"), QStringLiteral("%include")};
        for (int i = 0; i < 300; ++i) {
            const QByteArray file = randomFile(rng, names);
            const QString name = names.at(int(rng.bounded(names.size())));
            const QByteArray block = rng.bounded(3) == 0 ? QByteArray() : MarkedBlock::wrap(name, "line " + QByteArray::number(i) + "\n");
            const bool absent = file.isEmpty() && rng.bounded(2) == 0;
            int code = -1;
            const QByteArray viaShell = shellMerge(dir.path(), absent ? nullptr : &file, name, block, &code);
            const auto rule = MarkedBlock::merge(file, name, block);
            const QString what = QStringLiteral("case %1: %2 into %3").arg(i).arg(QString::fromUtf8(block.toPercentEncoding()), QString::fromUtf8(file.toPercentEncoding()));
            QVERIFY2(rule.ok() == (code == 0), qPrintable(what));
            if (rule.ok())
                QVERIFY2(viaShell == rule.value(), qPrintable(what + QStringLiteral(" gave ") + QString::fromUtf8(viaShell.toPercentEncoding())));
            // And taking the block out again gives back the file as it was.
            if (rule.ok() && !block.isEmpty() && !file.contains(MarkedBlock::beginLine(name) + '\n'))
                QCOMPARE(MarkedBlock::merge(rule.value(), name, {}).value(), file);
        }
    }

    // A gateway's psk.txt carries a block per tunnel: merge_blocks takes each out of the upload and
    // merges it, as mergeAll() does.
    void shellMergeOfSeveralBlocksEqualsTheRule()
    {
        QTemporaryDir dir;
        QRandomGenerator rng(4122026);
        const QStringList names{QStringLiteral("hq-b1"), QStringLiteral("hq-b2"), QStringLiteral("hq-b3")};
        for (int i = 0; i < 100; ++i) {
            const QByteArray file = randomFile(rng, names);
            QStringList chosen;
            QByteArray blocks;
            for (const QString& n : names)
                if (rng.bounded(2) == 0) {
                    chosen << n;
                    blocks += MarkedBlock::wrap(n, "key " + n.toUtf8() + ' ' + QByteArray::number(i) + "\n");
                }
            if (chosen.isEmpty())
                chosen << names.first();
            if (rng.bounded(4) == 0)
                blocks.clear(); // every chosen block taken out
            writeFile(dir.filePath(QStringLiteral("live")), file);
            writeFile(dir.filePath(QStringLiteral("upload")), blocks);
            QFile::remove(dir.filePath(QStringLiteral("out")));
            QProcess sh;
            sh.start(QStringLiteral("sh"), {QStringLiteral("-c"), MarkedBlock::shellFunction() + QStringLiteral("merge_blocks \"$1\" \"$2\" \"$3\" \"$4\""),
                                            QStringLiteral("sh"), dir.filePath(QStringLiteral("live")), dir.filePath(QStringLiteral("upload")),
                                            chosen.join(QLatin1Char(' ')), dir.filePath(QStringLiteral("out"))});
            QVERIFY(sh.waitForFinished(10000));
            const auto rule = MarkedBlock::mergeAll(file, chosen.join(QLatin1Char(' ')), blocks);
            const QString what = QStringLiteral("case %1: %2 into %3").arg(i).arg(QString::fromUtf8(blocks.toPercentEncoding()), QString::fromUtf8(file.toPercentEncoding()));
            QVERIFY2(rule.ok() == (sh.exitCode() == 0), qPrintable(what));
            if (rule.ok())
                QVERIFY2(readFile(dir.filePath(QStringLiteral("out"))) == rule.value(), qPrintable(what));
            QVERIFY2(!QFileInfo::exists(dir.filePath(QStringLiteral("out.part"))) && !QFileInfo::exists(dir.filePath(QStringLiteral("out.1"))), qPrintable(what));
        }
    }

    void admin_data()
    {
        QTest::addColumn<Flavour>("flavour");
        QTest::newRow("racoon-tool") << Flavour::RacoonTool;
        QTest::newRow("racoon") << Flavour::Racoon;
    }

    // The admin's gateway: a racoon-tool.conf with two connections of its own, a psk.txt with two
    // peers (the last line without a newline), and racoon's own racoon.conf and setkey file.
    void admin()
    {
        QFETCH(Flavour, flavour);
        QTemporaryDir tmp;
        const QString root = tmp.filePath(QStringLiteral("root"));
        const QMap<QString, QByteArray> adminFiles{
            {QStringLiteral("/etc/racoon/racoon-tool.conf"),
             "global:\n\tlog: notify\n\npeer(%default):\n\texchange_mode: main\n\tlifetime: time 1 hour\n\n"
             "peer(192.0.2.77):\n\tpassive: off\n\nconnection(partner-lan):\n\tsrc_range: 172.16.0.0/24\n\tdst_range: 172.17.0.0/24\n"
             "\tsrc_ip: 203.0.113.1\n\tdst_ip: 192.0.2.77\n\tadmin_status: enabled\n\n"
             "connection(partner-dmz):\n\tsrc_range: 172.16.1.0/24\n\tdst_range: 172.17.1.0/24\n\tsrc_ip: 203.0.113.1\n\tdst_ip: 192.0.2.77\n"
             "\tadmin_status: enabled\n"},
            {QStringLiteral("/etc/racoon/psk.txt"), "# the admin's peers\n192.0.2.77\tadmins-own-key\n192.0.2.78\tanother-key"},
            {QStringLiteral("/etc/racoon/racoon.conf"), "log notify;\npath pre_shared_key \"/etc/racoon/psk.txt\";\n\nremote 192.0.2.77 {\n\texchange_mode main;\n}\n"},
            {QStringLiteral("/etc/ipsec-tools.conf"), "#!/usr/sbin/setkey -f\nspdadd 172.16.0.0/24 172.17.0.0/24 any -P out ipsec esp/tunnel/203.0.113.1-192.0.2.77/require;\n"},
        };
        for (auto it = adminFiles.cbegin(); it != adminFiles.cend(); ++it)
            QVERIFY(writeFile(root + it.key(), it.value()));
        QFile(root + QStringLiteral("/etc/racoon/psk.txt")).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        QFile(root + QStringLiteral("/etc/racoon/racoon.conf")).setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);

        QList<OurTunnel> tunnels;
        for (int n : {1, 2}) {
            OurTunnel t{tunnelTo(n, flavour), tmp.filePath(QStringLiteral("bundle%1").arg(n))};
            const auto entries = ConfigBundle::build(t.profile, fixedPsk(), {});
            QVERIFY2(entries.ok(), qPrintable(entries.ok() ? QString() : entries.error().toString()));
            QVERIFY(ConfigBundle::write(entries.value(), t.bundle).ok());
            tunnels << t;
        }
        // The admin's bytes: each file with every block of ours taken out is what the admin wrote.
        const auto checkAdminBytes = [&](const QString& step) {
            for (auto it = adminFiles.cbegin(); it != adminFiles.cend(); ++it) {
                QByteArray live = readFile(root + it.key());
                for (const QString& name : {QStringLiteral("ours1"), QStringLiteral("ours2"), QStringLiteral("%include")})
                    live = MarkedBlock::merge(live, name, {}).value();
                QVERIFY2(sha256(live) == sha256(it.value()), qPrintable(step + QStringLiteral(": ") + it.key()));
            }
            // A file of the admin's keeps its mode (only a key file is always 0600).
            struct stat st = {};
            QVERIFY(::stat(QFile::encodeName(root + QStringLiteral("/etc/racoon/racoon.conf")).constData(), &st) == 0);
            QCOMPARE(int(st.st_mode & 07777), 0640);
        };
        QString out;
        for (const OurTunnel& t : tunnels) {
            QVERIFY2(install(t.bundle, root, false, &out) == 0, qPrintable(out));
            checkAdminBytes(QStringLiteral("install ") + t.profile.name);
        }
        const QByteArray psk = readFile(root + QStringLiteral("/etc/racoon/psk.txt"));
        QVERIFY(psk.contains("203.0.113.11\t" + fixedPsk()) && psk.contains("203.0.113.12\t" + fixedPsk()));
        // Twice is harmless.
        QVERIFY2(install(tunnels.at(1).bundle, root, false, &out) == 0 && !out.contains(QStringLiteral("installed ")), qPrintable(out));

        // Remove the first: its pieces go, the second's stay, the admin's bytes are the same.
        QVERIFY2(install(tunnels.at(0).bundle, root, true, &out) == 0, qPrintable(out));
        checkAdminBytes(QStringLiteral("remove ours1"));
        const QByteArray after = readFile(root + QStringLiteral("/etc/racoon/psk.txt"));
        QVERIFY(!after.contains("203.0.113.11\t") && after.contains("203.0.113.12\t" + fixedPsk()));
        QVERIFY(!QFileInfo::exists(root + QStringLiteral("/etc/ipsec-wizard/ours1/firewall.nft")));
        QVERIFY(QFileInfo::exists(root + QStringLiteral("/etc/ipsec-wizard/ours2/firewall.nft")));
        if (flavour == Flavour::RacoonTool) {
            const QByteArray conf = readFile(root + QStringLiteral("/etc/racoon/racoon-tool.conf"));
            QVERIFY(!conf.contains("connection(ours1)") && conf.contains("connection(ours2)"));
        } else {
            QVERIFY(!QFileInfo::exists(root + QStringLiteral("/etc/racoon/ipsec-wizard.d/ours1.conf")));
            QVERIFY(QFileInfo::exists(root + QStringLiteral("/etc/racoon/ipsec-wizard.d/ours2.conf")));
            QVERIFY(!QFileInfo::exists(root + QStringLiteral("/etc/ipsec-tools.d/ipsec-wizard-ours1.conf")));
            QVERIFY(readFile(root + QStringLiteral("/etc/ipsec-tools.d/ipsec-wizard-ours2.conf")).contains("spdupdate 192.168.1.0/24 10.102.0.0/24"));
            const QByteArray spd = readFile(root + QStringLiteral("/etc/ipsec-tools.d/ipsec-wizard-ours2.conf"));
            QVERIFY(!spd.contains("\nflush;") && !spd.contains("\nspdflush;") && !spd.contains("spdadd"));
        }
        // And the second: every file the admin had is byte for byte what it was.
        QVERIFY2(install(tunnels.at(1).bundle, root, true, &out) == 0, qPrintable(out));
        for (auto it = adminFiles.cbegin(); it != adminFiles.cend(); ++it) {
            QByteArray live = MarkedBlock::merge(readFile(root + it.key()), QStringLiteral("%include"), {}).value();
            QCOMPARE(sha256(live), sha256(it.value()));
        }
        QCOMPARE(sha256(readFile(root + QStringLiteral("/etc/racoon/psk.txt"))), sha256(adminFiles.value(QStringLiteral("/etc/racoon/psk.txt"))));
        // Every run kept what it changed: a backup folder each, none overwritten.
        QDir backups(root + QStringLiteral("/etc/ipsec-wizard/backups"));
        QCOMPARE(backups.entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestCoexistence)
#include "TestCoexistence.moc"
