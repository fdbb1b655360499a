// The gateway-side scripts: the push (preflight, files from stdin, commit on one channel) and the
// commit-confirmed script. Valid shell, every file handled in order, the reload and verification
// before "committed", rollback on every failure path, and never the key on a command line. As
// root they also run here against a scratch folder (stub reload), covering the transaction's
// paths; their behaviour on real gateways is tested in the lab (tests/e2e/lab-push-test.sh).

#include "CommitScript.h"
#include "Generator.h"
#include "MarkedBlock.h"
#include "SshSession.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

CommitPlan planFor(Flavour flavour, bool firewall)
{
    TunnelProfile p = seedProfile();
    p.gatewayA.flavour = p.gatewayB.flavour = flavour;
    p.ike.version = flavour == Flavour::StrongSwan ? 2 : 1;
    CommitPlan plan;
    plan.name = p.name;
    plan.config = Generate::side(p, Side::A, fixedPsk()).value();
    plan.remoteNet = p.networkB;
    plan.verifyCommand = CommitScript::verifyCommandFor(plan.config, p.name);
    plan.applyFirewall = firewall;
    plan.confirmTimeoutSec = 42;
    return plan;
}

// A plan whose files, transaction folder and reload live in DIR: the scripts can run for real.
CommitPlan scratchPlan(const QString& dir, const QByteArray& psk, const QString& reload = QStringLiteral("true"))
{
    CommitPlan plan;
    plan.name = QStringLiteral("scratch");
    plan.config.flavour = Flavour::StrongSwan;
    plan.config.files = {GeneratedFile{dir + QStringLiteral("/etc/swanctl/conf.d/scratch.conf"), 0600,
                                         "# swanctl connection and secret for site \"a\" of tunnel \"scratch\"\nsecrets { psk = " + psk + " }\n", true},
                         GeneratedFile{dir + QStringLiteral("/etc/ipsec-wizard/scratch/firewall.nft"), 0644, "table inet x {}\n", false}};
    plan.config.reloadCommands = {reload};
    plan.verifyCommand = QStringLiteral("true");
    plan.confirmTimeoutSec = 60;
    plan.txnDir = dir + QStringLiteral("/txn");
    plan.lockFile = dir + QStringLiteral("/push.lock");
    plan.peer = QStringLiteral("127.0.0.1");
    return plan;
}

// Runs SCRIPT with `sh -c`, INPUT on its stdin; returns what it printed.
QByteArray runScript(const QString& script, const QByteArray& input = {})
{
    QProcess sh;
    sh.start(QStringLiteral("sh"), {QStringLiteral("-c"), script});
    if (!sh.waitForStarted())
        return "cannot start sh";
    sh.write(input);
    sh.closeWriteChannel();
    sh.waitForFinished(60000);
    return sh.readAllStandardOutput();
}

QByteArray fileContent(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(missing)");
}

int fileMode(const QString& path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

// The state word; the token that follows it in the file names the push.
QByteArray stateOf(const CommitPlan& plan)
{
    return fileContent(plan.txnDir + QStringLiteral("/state")).trimmed().split(' ').value(0);
}

const QByteArray testToken = "0123456789abcdef0123456789abcdef";

} // namespace

class TestCommitScript : public QObject
{
    Q_OBJECT

private slots:
    void validShell_data()
    {
        QTest::addColumn<Flavour>("flavour");
        QTest::addColumn<bool>("firewall");
        for (Flavour f : allFlavours()) {
            QTest::newRow(qPrintable(flavourId(f))) << f << false;
            QTest::newRow(qPrintable(flavourId(f) + QStringLiteral("-with-firewall"))) << f << true;
        }
    }

    void validShell()
    {
        QFETCH(Flavour, flavour);
        QFETCH(bool, firewall);
        const QByteArray script = CommitScript::script(planFor(flavour, firewall), testToken);
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("commit.sh")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(script);
        f.close();
        QProcess sh;
        sh.start(QStringLiteral("sh"), {QStringLiteral("-n"), f.fileName()});
        QVERIFY(sh.waitForFinished());
        QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());

        QVERIFY(!script.contains(fixedPsk()));
        QVERIFY(script.contains("T=/etc/ipsec-wizard/seed/.transaction\n"));
        // The reload and verification come before "committed", the wait after it.
        const qsizetype reload = script.indexOf("reload || rollback");
        const qsizetype verify = script.indexOf("verify || rollback");
        const qsizetype committed = script.indexOf("state committed");
        const qsizetype wait = script.indexOf("while [ $i -lt 2100 ]");
        QVERIFY(reload > 0 && verify > reload && committed > verify && wait > committed);
        QVERIFY(script.contains("rollback \"no confirmation within 42 s\""));
        QCOMPARE(script.contains("nft -f '/etc/ipsec-wizard/seed/firewall.nft'"), firewall);
        QCOMPARE(script.contains("nft delete table inet ipsec_wizard_seed"), firewall);
        // The gateway-wide table other tunnels share is saved first and restored as it was.
        QCOMPARE(script.contains("nft list table inet ipsec_wizard > \"$T/firewall-shared.before\""), firewall);
        QCOMPARE(script.contains("nft -f \"$T/firewall-shared.before\""), firewall);
    }

    void everyFileBackedUpAndSwapped()
    {
        const CommitPlan plan = planFor(Flavour::StrongSwan, false);
        const QByteArray script = CommitScript::script(plan, testToken);
        for (const GeneratedFile& f : plan.config.files)
            QVERIFY2(script.contains(f.path.toUtf8()), qPrintable(f.path));
        // The backup is a fresh file of our own, renamed into place: never written through a path.
        QVERIFY(script.contains("b=$(mktemp \"$f.ipsec-wizard-XXXXXX\") && cp -p \"$f\" \"$b\" && mv -f -T \"$b\" \"$f.ipsec-wizard-bak\""));
        // Only this push's flags count.
        QVERIFY(script.contains("K=" + testToken + "\n"));
        QVERIFY(script.contains("\"$T/confirm.$K\"") && script.contains("\"$T/abort.$K\""));
        QVERIFY(!script.contains("\"$T/confirm\"") && !script.contains("\"$T/abort\""));
        QVERIFY(script.contains("mv -f \"$f.ipsec-wizard-new\" \"$f\""));
        QVERIFY(script.contains("\tswanctl --load-all >> \"$T/log\" 2>&1 || return 1\n"));
        // A daemon the reload starts does not inherit the push lock.
        QVERIFY(script.contains("\treturn 0\n} 9>&-\n"));
        QVERIFY(script.contains("verify() { swanctl --list-conns | grep -q '^seed: '"));
    }

    void pushCommandCarriesNoContent_data() { validShell_data(); }

    void pushCommandCarriesNoContent()
    {
        QFETCH(Flavour, flavour);
        QFETCH(bool, firewall);
        const CommitPlan plan = planFor(flavour, firewall);
        const QByteArray token = "0123456789abcdef0123456789abcdef";
        for (const QString& script : {CommitScript::pushCommand(plan, token), CommitScript::abortCommand(plan, token, 1000),
                                      CommitScript::confirmCommand(plan, token, 1000)}) {
            QProcess sh;
            sh.start(QStringLiteral("sh"), {QStringLiteral("-n"), QStringLiteral("-c"), script});
            QVERIFY(sh.waitForFinished());
            QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());
            // The command line is visible to every process on the gateway: never the key.
            QVERIFY(!script.toUtf8().contains(fixedPsk()));
        }
        const QString push = CommitScript::pushCommand(plan, token);
        const QByteArray input = CommitScript::pushInput(plan, token);
        for (const GeneratedFile& f : plan.config.files)
            QVERIFY(input.contains(f.content));
        QVERIFY(input.contains(CommitScript::script(plan, token)));
        QVERIFY(input.startsWith("ipsec-wizard-payload " + token + '\n'));
        QVERIFY(input.endsWith("ipsec-wizard-end " + token + '\n'));
        // Order: preflight, umask 077 and noclobber before the first file, modes after, then the commit.
        const qsizetype umask = push.indexOf(QStringLiteral("umask 077"));
        const qsizetype root = push.indexOf(QStringLiteral("result need-root"));
        const qsizetype preflight = push.indexOf(QStringLiteral("result preflight-failed"));
        const qsizetype firstGet = push.indexOf(QStringLiteral("\nget "));
        const qsizetype chmod = push.indexOf(QStringLiteral("\nchmod 0600 "));
        const qsizetype commit = push.indexOf(QStringLiteral("setsid -f sh \"$T/commit.sh\""));
        QVERIFY(umask >= 0 && root > umask && preflight > root && firstGet > preflight && chmod > firstGet && commit > chmod);
        QVERIFY(push.contains(QStringLiteral("set -C && exec dd ibs=1")));
    }

    // The whole transaction, for real, in a scratch folder (root only: the push insists on it).
    void transactionInScratchFolder()
    {
        if (::geteuid() != 0)
            QSKIP("the push script runs only as root");
        if (QStandardPaths::findExecutable(QStringLiteral("swanctl"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"), QStringLiteral("/sbin")}).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("setsid")).isEmpty())
            QSKIP("needs swanctl (the preflight looks for it) and setsid");
        QTemporaryDir dir;
        const QByteArray token1 = "1111111111111111aaaaaaaaaaaaaaaa";
        CommitPlan plan = scratchPlan(dir.path(), "0xfirst");
        const QString conf = plan.config.files.at(0).path;
        const QString nft = plan.config.files.at(1).path;

        // A first push: the password line sudo did not need is skipped; committed, then confirmed.
        QByteArray out = runScript(CommitScript::pushCommand(plan, token1), "not the data\n" + CommitScript::pushInput(plan, token1));
        QVERIFY2(out.contains("uid 0\n") && out.contains("have swanctl\n"), out.constData());
        // The preflight says how this gateway reaches its peer, as `ip route get` does.
        QVERIFY2(out.contains("\nroute 127.0.0.1 local 127.0.0.1 dev lo"), out.constData());
        QVERIFY2(out.contains("uploaded " + conf.toUtf8() + ".ipsec-wizard-new\n"), out.constData());
        QVERIFY2(out.contains("\ncommit\nstate committed\n"), out.constData());
        QCOMPARE(fileContent(conf), plan.config.files.at(0).content);
        QCOMPARE(fileMode(conf), 0600);
        QCOMPARE(fileMode(nft), 0644);
        QCOMPARE(fileMode(plan.txnDir), 0700);
        QVERIFY2(runScript(CommitScript::confirmCommand(plan, token1, 5000)).contains("state confirmed\n"), stateOf(plan).constData());
        QVERIFY(!QFileInfo::exists(conf + QStringLiteral(".ipsec-wizard-new")));

        // The same again: nothing to do, and no upload is left behind.
        const QByteArray token2 = "2222222222222222aaaaaaaaaaaaaaaa";
        out = runScript(CommitScript::pushCommand(plan, token2), CommitScript::pushInput(plan, token2));
        QVERIFY2(out.contains("current\nresult unchanged\n"), out.constData());
        QVERIFY(!QFileInfo::exists(conf + QStringLiteral(".ipsec-wizard-new")));
        QVERIFY(!QFileInfo::exists(plan.txnDir + QStringLiteral("/commit.sh")));

        // A new key the daemon refuses: rolled back by itself, the old file back with its mode.
        CommitPlan refused = scratchPlan(dir.path(), "0xsecond", QStringLiteral("false"));
        const QByteArray token3 = "3333333333333333aaaaaaaaaaaaaaaa";
        out = runScript(CommitScript::pushCommand(refused, token3), CommitScript::pushInput(refused, token3));
        QVERIFY2(out.contains("state rolled-back\nreason the IPsec daemon refused"), out.constData());
        QVERIFY(!out.contains("0xsecond"));
        QCOMPARE(fileContent(conf), plan.config.files.at(0).content);
        QCOMPARE(fileMode(conf), 0600);
        QVERIFY(!QFileInfo::exists(conf + QStringLiteral(".ipsec-wizard-bak")));
        QVERIFY(!QFileInfo::exists(conf + QStringLiteral(".ipsec-wizard-new")));

        // Data cut short: nothing changes, nothing is left behind.
        CommitPlan second = scratchPlan(dir.path(), "0xsecond");
        const QByteArray token4 = "4444444444444444aaaaaaaaaaaaaaaa";
        out = runScript(CommitScript::pushCommand(second, token4), CommitScript::pushInput(second, token4).chopped(40));
        QVERIFY2(out.contains("result upload-failed"), out.constData());
        QCOMPARE(fileContent(conf), plan.config.files.at(0).content);
        QVERIFY(!QFileInfo::exists(conf + QStringLiteral(".ipsec-wizard-new")));

        // An abort that comes first claims the push: the commit never starts.
        const QByteArray token5 = "5555555555555555aaaaaaaaaaaaaaaa";
        QVERIFY(runScript(CommitScript::abortCommand(second, token5, 5000)).contains("state not-started\n"));
        out = runScript(CommitScript::pushCommand(second, token5), CommitScript::pushInput(second, token5));
        QVERIFY2(out.contains("result aborted\n") && !out.contains("state "), out.constData());
        QCOMPARE(fileContent(conf), plan.config.files.at(0).content);
        QVERIFY(!QFileInfo::exists(conf + QStringLiteral(".ipsec-wizard-new")));

        // An abort after the commit: rolled back. A new file (none before) is removed again.
        const QString extra = dir.path() + QStringLiteral("/etc/ipsec-wizard/scratch/new.conf");
        second.config.files.append(GeneratedFile{extra, 0640, "new\n", false});
        const QByteArray token6 = "6666666666666666aaaaaaaaaaaaaaaa";
        out = runScript(CommitScript::pushCommand(second, token6), CommitScript::pushInput(second, token6));
        QVERIFY2(out.contains("state committed\n"), out.constData());
        QCOMPARE(fileContent(conf), second.config.files.at(0).content);
        QCOMPARE(fileMode(extra), 0640);
        QVERIFY(runScript(CommitScript::abortCommand(second, token6, 5000)).contains("state rolled-back\n"));
        QCOMPARE(fileContent(conf), plan.config.files.at(0).content);
        QVERIFY(!QFileInfo::exists(extra));

        // No confirmation in time: the gateway rolls back by itself.
        second.confirmTimeoutSec = 1;
        const QByteArray token7 = "7777777777777777aaaaaaaaaaaaaaaa";
        out = runScript(CommitScript::pushCommand(second, token7), CommitScript::pushInput(second, token7));
        QVERIFY2(out.contains("state committed\n"), out.constData());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(second), QByteArray("rolled-back"), 10000);
        QCOMPARE(fileContent(conf), plan.config.files.at(0).content);
        QVERIFY(fileContent(second.txnDir + QStringLiteral("/reason")).startsWith("no confirmation within 1 s"));
        // And a confirmation that comes too late says so.
        QVERIFY(runScript(CommitScript::confirmCommand(second, token7, 2000)).contains("state rolled-back\n"));
    }

    // One push at a time per gateway: a second push (of any tunnel) is refused while the first
    // waits for its confirmation, and nothing meant for one push is taken by another.
    void secondPushRefusedWhileOneIsPending()
    {
        if (::geteuid() != 0)
            QSKIP("the push script runs only as root");
        if (QStandardPaths::findExecutable(QStringLiteral("swanctl"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"), QStringLiteral("/sbin")}).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("flock")).isEmpty())
            QSKIP("needs swanctl (the preflight looks for it) and flock");
        QTemporaryDir dir;
        // The reload starts a long-lived process, as racoon-tool starts racoon: it must not keep the lock.
        CommitPlan first = scratchPlan(dir.path(), "0xfirst", QStringLiteral("setsid -f sleep 61.234"));
        const QString conf = first.config.files.at(0).path;
        const QByteArray tokenA = "aaaaaaaaaaaaaaaa1111111111111111";
        QByteArray out = runScript(CommitScript::pushCommand(first, tokenA), CommitScript::pushInput(first, tokenA));
        QVERIFY2(out.contains("state committed\n"), out.constData());

        // A second push, another tunnel's even: refused, saying which push holds the gateway.
        CommitPlan other = scratchPlan(dir.path(), "0xother");
        other.name = QStringLiteral("other");
        other.txnDir = dir.path() + QStringLiteral("/txn-other");
        const QByteArray tokenB = "bbbbbbbbbbbbbbbb2222222222222222";
        out = runScript(CommitScript::pushCommand(other, tokenB), CommitScript::pushInput(other, tokenB));
        QVERIFY2(out.contains("result busy tunnel scratch, started 20"), out.constData());
        QVERIFY(!out.contains("uploaded") && !out.contains("result unchanged"));
        QCOMPARE(fileContent(conf), first.config.files.at(0).content);
        // The same tunnel again, with the same files: not "unchanged" while a commit waits.
        out = runScript(CommitScript::pushCommand(first, tokenB), CommitScript::pushInput(first, tokenB));
        QVERIFY2(out.contains("result busy") && !out.contains("unchanged"), out.constData());

        // Another push's confirmation does not confirm this one; its abort does not touch it.
        QVERIFY(runScript(CommitScript::confirmCommand(first, tokenB, 300)).contains("state timeout\n"));
        QCOMPARE(stateOf(first), QByteArray("committed"));
        QVERIFY(runScript(CommitScript::abortCommand(first, tokenB, 300)).contains("state not-started\n"));
        QCOMPARE(stateOf(first), QByteArray("committed"));
        QCOMPARE(fileContent(conf), first.config.files.at(0).content);

        // Confirmed: the lock is free again, although the process the reload started lives on.
        QVERIFY(runScript(CommitScript::confirmCommand(first, tokenA, 5000)).contains("state confirmed\n"));
        const QByteArray tokenC = "cccccccccccccccc3333333333333333";
        // At once: the confirmed commit script lets go of the lock as it says so, and a push waits a
        // few seconds for a lock that is about to be free.
        const QByteArray third = runScript(CommitScript::pushCommand(other, tokenC), CommitScript::pushInput(other, tokenC));
        QVERIFY2(third.contains("state committed\n"), third.constData());
        QVERIFY(runScript(CommitScript::confirmCommand(other, tokenC, 5000)).contains("state confirmed\n"));
        QProcess::execute(QStringLiteral("pkill"), {QStringLiteral("-f"), QStringLiteral("^sleep 61.234$")});
    }

    // A backup is never written through a path someone left there.
    // A file the admin also writes (psk.txt) gets only the tunnel's marked block, merged on the
    // gateway into the file as it is: the admin's bytes stay through commit and rollback, and a
    // confirmed push keeps what it replaced in a folder of its own, one per push.
    void blocksMergeIntoTheAdminsFile()
    {
        if (::geteuid() != 0)
            QSKIP("the push script runs only as root");
        QTemporaryDir dir;
        const QString psk = dir.path() + QStringLiteral("/etc/racoon/psk.txt");
        const QString conf = dir.path() + QStringLiteral("/etc/racoon/racoon.conf");
        QVERIFY(QDir().mkpath(QFileInfo(psk).path()));
        const QByteArray adminPsk = "# the admin's\n192.0.2.77\tadmins-key"; // no final newline
        const QByteArray adminConf = "log notify;\n";
        for (const auto& [path, content, mode] : {std::tuple{psk, adminPsk, 0600}, std::tuple{conf, adminConf, 0640}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
            f.close();
            QVERIFY(::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0);
        }
        const auto planWith = [&](const QByteArray& key) {
            CommitPlan plan = scratchPlan(dir.path(), key);
            plan.config.files = {GeneratedFile(psk, 0600, MarkedBlock::wrap(QStringLiteral("scratch"), "203.0.113.2\t" + key + "\n"), true,
                                               QStringLiteral("scratch")),
                                 GeneratedFile(conf, 0644, MarkedBlock::wrap(QStringLiteral("%include"), "include \"x/*.conf\";\n"), false,
                                               QStringLiteral("%include"))};
            return plan;
        };
        const CommitPlan first = planWith("0xfirst");
        const QByteArray t1 = "1111111111111111bbbbbbbbbbbbbbbb";
        QByteArray out = runScript(CommitScript::pushCommand(first, t1), CommitScript::pushInput(first, t1));
        QVERIFY2(out.contains("state committed\n"), out.constData());
        QCOMPARE(fileContent(psk), adminPsk + "\n" + first.config.files.at(0).content.chopped(1));
        QCOMPARE(fileContent(conf), adminConf + first.config.files.at(1).content);
        QCOMPARE(fileMode(conf), 0640); // the admin's mode, not ours
        QVERIFY(runScript(CommitScript::confirmCommand(first, t1, 5000)).contains("state confirmed\n"));
        const QDir backups(dir.path() + QStringLiteral("/backups"));
        QCOMPARE(backups.entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);

        // A second push, rolled back: exactly the bytes of the first are back.
        const QByteArray afterFirst = fileContent(psk);
        const CommitPlan second = planWith("0xsecond");
        const QByteArray t2 = "2222222222222222bbbbbbbbbbbbbbbb";
        out = runScript(CommitScript::pushCommand(second, t2), CommitScript::pushInput(second, t2));
        QVERIFY2(out.contains("state committed\n"), out.constData());
        QVERIFY(fileContent(psk).contains("0xsecond") && fileContent(psk).startsWith(adminPsk + "\n"));
        QVERIFY(runScript(CommitScript::abortCommand(second, t2, 5000)).contains("state rolled-back\n"));
        QCOMPARE(fileContent(psk), afterFirst);
        QCOMPARE(fileContent(conf), adminConf + first.config.files.at(1).content);
        QCOMPARE(backups.entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);

        // Confirmed this time: its backup is a folder of its own, the first one is still there.
        const QByteArray t3 = "3333333333333333bbbbbbbbbbbbbbbb";
        out = runScript(CommitScript::pushCommand(second, t3), CommitScript::pushInput(second, t3));
        QVERIFY2(out.contains("state committed\n"), out.constData());
        QVERIFY(runScript(CommitScript::confirmCommand(second, t3, 5000)).contains("state confirmed\n"));
        const QStringList runs = backups.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QCOMPARE(runs.size(), 2);
        // (Both may carry the same second in their names: told apart by what they hold.)
        QSet<QByteArray> kept;
        for (const QString& run : runs) {
            kept << fileContent(backups.filePath(run + QStringLiteral("/1")));
            QVERIFY(fileContent(backups.filePath(run + QStringLiteral("/manifest"))).contains("1\t" + psk.toUtf8() + "\n"));
        }
        QCOMPARE(kept, (QSet<QByteArray>{adminPsk, afterFirst}));
        QCOMPARE(fileMode(psk), 0600);
    }

    // A migration sends an admin's file whole, with the checksum of what it read (on stdin, never on
    // the command line): it goes in, keeping its mode, only while the file is still what was read.
    void migratedFileOnlyWhileUnchanged()
    {
        if (::geteuid() != 0)
            QSKIP("the push script runs only as root");
        QTemporaryDir dir;
        const QString conf = dir.path() + QStringLiteral("/etc/racoon/racoon-tool.conf");
        QVERIFY(QDir().mkpath(QFileInfo(conf).path()));
        const QByteArray read = "peer(192.0.2.7):\n\tpeers_identifier: address\n";
        const auto write = [&](const QByteArray& content) {
            QFile f(conf);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(content);
            f.close();
            QVERIFY(::chmod(QFile::encodeName(conf).constData(), 0640) == 0);
        };
        write(read);
        CommitPlan plan = scratchPlan(dir.path(), "0xmigrated");
        GeneratedFile migrated(conf, 0644, "#| peer(192.0.2.7):\n#| \tpeers_identifier: address\n");
        migrated.replaces = QCryptographicHash::hash(read, QCryptographicHash::Sha256).toHex();
        plan.config.files << migrated;
        const QByteArray token = "4444444444444444bbbbbbbbbbbbbbbb";
        QVERIFY(!CommitScript::pushCommand(plan, token).toUtf8().contains(migrated.replaces));
        QVERIFY(CommitScript::pushInput(plan, token).contains(migrated.replaces));

        // Changed since it was read: refused, the file as the admin left it, nothing left behind.
        write("peer(192.0.2.7):\n\tpeers_identifier: fqdn edited.example\n");
        QByteArray out = runScript(CommitScript::pushCommand(plan, token), CommitScript::pushInput(plan, token));
        QVERIFY2(out.contains("result upload-failed " + conf.toUtf8() + " changed since it was read"), out.constData());
        QCOMPARE(fileContent(conf), QByteArray("peer(192.0.2.7):\n\tpeers_identifier: fqdn edited.example\n"));
        QVERIFY(!QFileInfo::exists(conf + QStringLiteral(".ipsec-wizard-new")));
        QCOMPARE(QDir(plan.txnDir).entryList({QStringLiteral("expect.*")}, QDir::Files).size(), 0);

        // As it was read: in, with the admin's mode; rolled back, the bytes read are back.
        write(read);
        const QByteArray t2 = "5555555555555555bbbbbbbbbbbbbbbb";
        out = runScript(CommitScript::pushCommand(plan, t2), CommitScript::pushInput(plan, t2));
        QVERIFY2(out.contains("state committed\n"), out.constData());
        QCOMPARE(fileContent(conf), migrated.content);
        QCOMPARE(fileMode(conf), 0640);
        QCOMPARE(QDir(plan.txnDir).entryList({QStringLiteral("expect.*")}, QDir::Files).size(), 0);
        QVERIFY(runScript(CommitScript::abortCommand(plan, t2, 5000)).contains("state rolled-back\n"));
        QCOMPARE(fileContent(conf), read);
    }

    // An admin's file in conf.d with the tunnel's name (the program's would start with its header
    // line) is neither replaced nor deleted: the upload stops, nothing is left behind.
    // A diagnosis's fix the admin agreed to: kernel values and an nftables rule, made after the
    // files and undone exactly by a rollback (the values back as they were read, the rule deleted
    // by its handle, the admin's own rule untouched), kept when confirmed. Run in a network
    // namespace of its own, whose /proc/sys/net and ruleset are its own.
    void agreedChangeIsMadeAndUndone()
    {
        if (::geteuid() != 0)
            QSKIP("the push script runs only as root");
        for (const char* tool : {"ip", "nft", "swanctl", "setsid"})
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"), QStringLiteral("/sbin")})
                    .isEmpty())
                QSKIP(qPrintable(QStringLiteral("needs %1").arg(QLatin1String(tool))));
        const QString ns = QStringLiteral("iwzcs-%1").arg(::getpid());
        QCOMPARE(QProcess::execute(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("add"), ns}), 0);
        const auto cleanup = qScopeGuard([&] { QProcess::execute(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("del"), ns}); });
        const auto in = [&](const QString& script, const QByteArray& input = {}) {
            return runScript(QStringLiteral("exec ip netns exec %1 sh -c %2").arg(ns, shellQuote(script)), input);
        };
        QVERIFY(in(QStringLiteral("nft add table ip nat && nft add chain ip nat postrouting '{ type nat hook postrouting priority srcnat; }' && "
                                  "nft add rule ip nat postrouting ip saddr 10.1.0.0/24 masquerade comment '\"the admin'\\''s\"' && echo ok"))
                    == "ok\n");
        const auto values = [&] { return in(QStringLiteral("cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/conf/lo/rp_filter")); };
        const auto ruleset = [&] { return in(QStringLiteral("nft list ruleset")); };
        const QByteArray valuesBefore = values();
        const QByteArray rulesBefore = ruleset();
        QCOMPARE(valuesBefore, QByteArray("0\n0\n"));

        QTemporaryDir dir;
        CommitPlan plan = scratchPlan(dir.path(), "0xfirst");
        plan.change.site = QStringLiteral("site-a");
        plan.change.kernel = {{QStringLiteral("/proc/sys/net/ipv4/ip_forward"), QStringLiteral("1")},
                              {QStringLiteral("/proc/sys/net/ipv4/conf/lo/rp_filter"), QStringLiteral("2")}};
        plan.change.nftRules = {QStringLiteral("ip nat postrouting ip saddr 10.1.0.0/24 ip daddr 10.2.0.0/24 accept")};
        QVERIFY(CommitScript::checkChange(plan.change));

        // Committed: made, the exemption above the admin's rule; then an abort undoes all of it.
        const QByteArray token1 = "1111111111111111bbbbbbbbbbbbbbbb";
        QByteArray out = in(CommitScript::pushCommand(plan, token1), CommitScript::pushInput(plan, token1));
        QVERIFY2(out.contains("state committed\n"), out.constData());
        QCOMPARE(values(), QByteArray("1\n2\n"));
        const QByteArray made = in(QStringLiteral("nft list chain ip nat postrouting"));
        QVERIFY2(made.indexOf("ip saddr 10.1.0.0/24 ip daddr 10.2.0.0/24 accept comment \"ipsec-wizard: scratch\"") >= 0
                     && made.indexOf("accept comment") < made.indexOf("masquerade"),
                 made.constData());
        QVERIFY(in(CommitScript::abortCommand(plan, token1, 5000)).contains("state rolled-back\n"));
        QCOMPARE(values(), valuesBefore);
        QCOMPARE(ruleset(), rulesBefore);

        // Every file already current: the change still commits, and a confirmation keeps it.
        const QByteArray token2 = "2222222222222222bbbbbbbbbbbbbbbb";
        CommitPlan filesOnly = plan;
        filesOnly.change = {};
        const QByteArray token0 = "0000000000000000bbbbbbbbbbbbbbbb";
        QVERIFY(in(CommitScript::pushCommand(filesOnly, token0), CommitScript::pushInput(filesOnly, token0)).contains("state committed\n"));
        QVERIFY(in(CommitScript::confirmCommand(filesOnly, token0, 5000)).contains("state confirmed\n"));
        QVERIFY(in(CommitScript::pushCommand(filesOnly, token0), CommitScript::pushInput(filesOnly, token0)).contains("result unchanged\n"));
        out = in(CommitScript::pushCommand(plan, token2), CommitScript::pushInput(plan, token2));
        QVERIFY2(out.contains("state committed\n") && !out.contains("result unchanged"), out.constData());
        QVERIFY(in(CommitScript::confirmCommand(plan, token2, 5000)).contains("state confirmed\n"));
        QCOMPARE(values(), QByteArray("1\n2\n"));
        QVERIFY(in(QStringLiteral("nft list chain ip nat postrouting")).contains("comment \"ipsec-wizard: scratch\""));
    }

    void onlyChangesThePushCanUndo_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("valid");
        QTest::newRow("forwarding") << "/proc/sys/net/ipv4/ip_forward" << "1" << "" << true;
        QTest::newRow("rp_filter") << "/proc/sys/net/ipv4/conf/ipsec0/rp_filter" << "2" << "" << true;
        QTest::newRow("exemption") << "" << "" << "inet nat postrouting ip saddr { 10.1.0.0/24, 10.3.0.0/24 } ip daddr 10.2.0.0/24 accept" << true;
        QTest::newRow("other setting") << "/proc/sys/kernel/core_pattern" << "1" << "" << false;
        QTest::newRow("climbing out") << "/proc/sys/net/ipv4/conf/../../../kernel/x/rp_filter" << "1" << "" << false;
        QTest::newRow("not a number") << "/proc/sys/net/ipv4/ip_forward" << "1; reboot" << "" << false;
        QTest::newRow("shell in a rule") << "" << "" << "inet nat postrouting accept; nft flush ruleset" << false;
        QTest::newRow("quote in a rule") << "" << "" << "inet nat postrouting accept comment \"x\"" << false;
        QTest::newRow("no chain") << "" << "" << "inet nat" << false;
    }
    void onlyChangesThePushCanUndo()
    {
        QFETCH(QString, path);
        QFETCH(QString, value);
        QFETCH(QString, rule);
        QFETCH(bool, valid);
        GatewayChange c;
        c.site = QStringLiteral("site-a");
        if (!path.isEmpty())
            c.kernel = {{path, value}};
        if (!rule.isEmpty())
            c.nftRules = {rule};
        const Status st = CommitScript::checkChange(c);
        QCOMPARE(bool(st), valid);
        if (!valid)
            QVERIFY(!st.error().message.isEmpty());
    }

    void adminsFileInConfDIsNeverReplaced()
    {
        if (::geteuid() != 0)
            QSKIP("the push script runs only as root");
        QTemporaryDir dir;
        const QString conf = dir.path() + QStringLiteral("/etc/swanctl/conf.d/scratch.conf");
        QVERIFY(QDir().mkpath(QFileInfo(conf).path()));
        const QByteArray admins = "# mine\nconnections { scratch { remote_addrs = 192.0.2.9 } }\n";
        {
            QFile f(conf);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(admins);
        }
        const QByteArray ours = "# swanctl connection and secret for site \"a\" of tunnel \"scratch\" (network \"n\")\nconnections { scratch {} }\n";
        for (const bool remove : {false, true}) {
            CommitPlan plan = scratchPlan(dir.path(), "unused");
            GeneratedFile f(conf, 0600, remove ? QByteArray() : ours, true);
            f.remove = remove;
            plan.config.files = {f};
            const QByteArray token = remove ? "7777777777777777cccccccccccccccc" : "6666666666666666cccccccccccccccc";
            const QByteArray out = runScript(CommitScript::pushCommand(plan, token), CommitScript::pushInput(plan, token));
            QVERIFY2(out.contains("result upload-failed " + conf.toUtf8() + " was not written by IPsec Wizard"), out.constData());
            QCOMPARE(fileContent(conf), admins);
            QVERIFY(!QFileInfo::exists(conf + QStringLiteral(".ipsec-wizard-new")) && !QFileInfo::exists(conf + QStringLiteral(".ipsec-wizard-del")));
        }
        // One of the program's own (its header first) is replaced as always.
        {
            QFile f(conf);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(ours);
        }
        CommitPlan plan = scratchPlan(dir.path(), "unused");
        plan.config.files = {GeneratedFile(conf, 0600, ours + "# new\n", true)};
        const QByteArray token = "8888888888888888cccccccccccccccc";
        const QByteArray out = runScript(CommitScript::pushCommand(plan, token), CommitScript::pushInput(plan, token));
        QVERIFY2(out.contains("state committed\n"), out.constData());
        QCOMPARE(fileContent(conf), ours + "# new\n");
    }

    // A removal: the tunnel's own file is deleted, its block taken out of the admin's file, a block
    // of a file that is not there leaves nothing behind; rolled back, every byte is back.
    void removalDeletesOnlyWhatIsOurs()
    {
        if (::geteuid() != 0)
            QSKIP("the push script runs only as root");
        QTemporaryDir dir;
        const QString own = dir.path() + QStringLiteral("/etc/swanctl/conf.d/scratch.conf");
        const QString psk = dir.path() + QStringLiteral("/etc/racoon/psk.txt");
        const QString absent = dir.path() + QStringLiteral("/etc/racoon/racoon-tool.conf");
        QVERIFY(QDir().mkpath(QFileInfo(own).path()) && QDir().mkpath(QFileInfo(psk).path()));
        const QByteArray adminPsk = "192.0.2.77\tadmins-key\n";
        const QByteArray withOurs = adminPsk + MarkedBlock::wrap(QStringLiteral("scratch"), "203.0.113.2\t0xours\n");
        for (const auto& [path, content] : {std::pair{own, QByteArray("# swanctl connection and secret for site \"a\" of tunnel \"scratch\"\nconnections { scratch {} }\n")},
                                            std::pair{psk, withOurs}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        CommitPlan plan = scratchPlan(dir.path(), "unused");
        plan.config.files = {GeneratedFile(own, 0600, {}, true), GeneratedFile(psk, 0600, {}, true, QStringLiteral("scratch")),
                             GeneratedFile(absent, 0644, {}, false, QStringLiteral("scratch"))};
        for (GeneratedFile& f : plan.config.files)
            f.remove = true;
        const QByteArray t1 = "1111111111111111cccccccccccccccc";
        QByteArray out = runScript(CommitScript::pushCommand(plan, t1), CommitScript::pushInput(plan, t1));
        QVERIFY2(out.contains("state committed\n"), out.constData());
        QVERIFY(!QFileInfo::exists(own));
        QCOMPARE(fileContent(psk), adminPsk);
        QVERIFY(!QFileInfo::exists(absent));
        QVERIFY(runScript(CommitScript::abortCommand(plan, t1, 5000)).contains("state rolled-back\n"));
        QCOMPARE(fileContent(own), QByteArray("# swanctl connection and secret for site \"a\" of tunnel \"scratch\"\nconnections { scratch {} }\n"));
        QCOMPARE(fileContent(psk), withOurs);
        QVERIFY(!QFileInfo::exists(absent));
        for (const QString& f : {own, psk, absent})
            QVERIFY2(!QFileInfo::exists(f + QStringLiteral(".ipsec-wizard-del")) && !QFileInfo::exists(f + QStringLiteral(".ipsec-wizard-new")), qPrintable(f));

        // Confirmed: gone for good; the same removal again has nothing to do.
        const QByteArray t2 = "2222222222222222cccccccccccccccc";
        out = runScript(CommitScript::pushCommand(plan, t2), CommitScript::pushInput(plan, t2));
        QVERIFY2(out.contains("state committed\n"), out.constData());
        QVERIFY(runScript(CommitScript::confirmCommand(plan, t2, 5000)).contains("state confirmed\n"));
        QVERIFY(!QFileInfo::exists(own));
        QCOMPARE(fileContent(psk), adminPsk);
        const QByteArray t3 = "3333333333333333cccccccccccccccc";
        out = runScript(CommitScript::pushCommand(plan, t3), CommitScript::pushInput(plan, t3));
        QVERIFY2(out.contains("current\nresult unchanged\n"), out.constData());
    }

    void backupNeverFollowsAPlantedLink()
    {
        if (::geteuid() != 0)
            QSKIP("the push script runs only as root");
        QTemporaryDir dir;
        CommitPlan plan = scratchPlan(dir.path(), "0xfirst");
        const QString conf = plan.config.files.at(0).path;
        QVERIFY(QDir().mkpath(QFileInfo(conf).path()));
        QFile old(conf);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("# swanctl connection and secret for site \"a\" of tunnel \"scratch\" (an earlier push)\n");
        old.close();
        const QString target = dir.filePath(QStringLiteral("root-only"));
        QFile t(target);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("root only\n");
        t.close();
        QVERIFY(QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(QFile::link(target, conf + QStringLiteral(".ipsec-wizard-bak")));
        const QByteArray out = runScript(CommitScript::pushCommand(plan, testToken), CommitScript::pushInput(plan, testToken));
        QVERIFY2(out.contains("state committed\n"), out.constData());
        QCOMPARE(fileContent(target), QByteArray("root only\n"));
        QCOMPARE(fileMode(target), 0600);
        QVERIFY(!QFileInfo(conf + QStringLiteral(".ipsec-wizard-bak")).isSymLink());
        QCOMPARE(fileContent(conf + QStringLiteral(".ipsec-wizard-bak")), QByteArray("# swanctl connection and secret for site \"a\" of tunnel \"scratch\" (an earlier push)\n"));
        QVERIFY(runScript(CommitScript::abortCommand(plan, testToken, 5000)).contains("state rolled-back\n"));
        QCOMPARE(fileContent(conf), QByteArray("# swanctl connection and secret for site \"a\" of tunnel \"scratch\" (an earlier push)\n"));
    }
};

QTEST_GUILESS_MAIN(TestCommitScript)
#include "TestCommitScript.moc"
