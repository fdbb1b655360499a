// The SSH layer against a real sshd (started by ssh-session-test.sh): host keys known, unknown,
// accepted and changed; key authentication with and without a passphrase; exec with streamed
// lines, stdin and exit status; SFTP upload with the final mode; cancel.

#include "SshSession.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

#include <pwd.h>
#include <unistd.h>

using namespace ipsecwiz;

namespace {

QString sshDir()
{
    return qEnvironmentVariable("IPSECWIZ_SSH_DIR");
}

QByteArray publicKeyLine(const QString& name)
{
    QFile f(sshDir() + QLatin1Char('/') + name + QStringLiteral(".pub"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> parts = f.readAll().trimmed().split(' ');
    return parts.value(0) + ' ' + parts.value(1);
}

QString writeKnownHosts(const QTemporaryDir& dir, const QString& hostKeyName)
{
    const QString path = dir.filePath(QStringLiteral("known_hosts"));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write("[127.0.0.1]:2222 " + publicKeyLine(hostKeyName) + '\n');
    return path;
}

SshOptions options(const QString& knownHosts, const QString& key = QStringLiteral("client"))
{
    SshOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = qEnvironmentVariableIntValue("IPSECWIZ_SSH_PORT");
    o.user = QStringLiteral("root");
    o.connectTimeoutSec = 5;
    o.knownHostsFiles = {knownHosts};
    o.keyFile = sshDir() + QLatin1Char('/') + key;
    o.useAgent = false;
    return o;
}

// libssh reads the ssh config of the user's home from the password database, not $HOME.
// ssh-session-test.sh gives root an empty tmpfs home in this test's own mount namespace.
QString libsshConfigPath()
{
    const passwd* pw = ::getpwuid(::getuid());
    return QString::fromLocal8Bit(pw ? pw->pw_dir : "/nonexistent") + QStringLiteral("/.ssh/config");
}

// The admin's ssh config for the length of one test.
class SshConfig
{
public:
    explicit SshConfig(const QByteArray& text) : m_path(libsshConfigPath())
    {
        QDir().mkpath(QFileInfo(m_path).path());
        QFile f(m_path);
        m_ok = f.open(QIODevice::WriteOnly | QIODevice::NewOnly) && f.write(text) == text.size();
    }
    ~SshConfig() { QFile::remove(m_path); }
    SshConfig(const SshConfig&) = delete;
    SshConfig& operator=(const SshConfig&) = delete;
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    QString m_path;
    bool m_ok = false;
};

} // namespace

class TestSshSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!sshDir().isEmpty(), "run through ssh-session-test.sh, which starts the sshd");
    }

    void knownHostConnectsAndRuns()
    {
        QTemporaryDir dir;
        auto s = SshSession::connect(options(writeKnownHosts(dir, QStringLiteral("host_ed25519"))));
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        QCOMPARE(s.value()->hostKey().type, QStringLiteral("ssh-ed25519"));
        QVERIFY(s.value()->hostKey().fingerprint.startsWith(QStringLiteral("SHA256:")));

        QList<QPair<Stream, QByteArray>> lines;
        auto r = s.value()->exec(QStringLiteral("echo one; echo two >&2; echo three; exit 7"), {},
                                 [&](Stream st, const QByteArray& line) { lines.append({st, line}); });
        QVERIFY(r.ok());
        QCOMPARE(r.value().exitStatus, 7);
        QCOMPARE(r.value().out, QByteArray("one\nthree\n"));
        QCOMPARE(r.value().err, QByteArray("two\n"));
        QVERIFY(lines.contains(qMakePair(Stream::Stdout, QByteArray("one"))));
        QVERIFY(lines.contains(qMakePair(Stream::Stderr, QByteArray("two"))));
        QCOMPARE(lines.size(), 3);

        // Input goes over stdin, never the command line.
        auto cat = s.value()->exec(QStringLiteral("cat"), QByteArray("from stdin\n"));
        QVERIFY(cat.ok());
        QCOMPARE(cat.value().out, QByteArray("from stdin\n"));

        // A second command on the same session: no new handshake.
        auto again = s.value()->exec(QStringLiteral("printf %s ") + shellQuote(QStringLiteral("it's $(not) run")));
        QVERIFY(again.ok());
        QCOMPARE(again.value().out, QByteArray("it's $(not) run"));
    }

    void linesArriveAsTheyAreWritten()
    {
        QTemporaryDir dir;
        auto s = SshSession::connect(options(writeKnownHosts(dir, QStringLiteral("host_ed25519"))));
        QVERIFY(s.ok());
        QElapsedTimer timer;
        timer.start();
        qint64 firstAt = -1;
        auto r = s.value()->exec(QStringLiteral("echo first; sleep 1; echo second"), {}, [&](Stream, const QByteArray& line) {
            if (line == "first")
                firstAt = timer.elapsed();
        });
        QVERIFY(r.ok());
        QVERIFY(firstAt >= 0);
        QVERIFY2(firstAt < 900, qPrintable(QString::number(firstAt))); // streamed, not at the end
    }

    void unknownHostRefusedUnlessAccepted()
    {
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("known_hosts"));
        auto refused = SshSession::connect(options(empty));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("can't be established")), qPrintable(refused.error().message));
        QVERIFY(refused.error().message.contains(QStringLiteral("SHA256:")));
        QVERIFY(!QFile::exists(empty) || QFile(empty).size() == 0);

        SshOptions o = options(empty);
        QString askedAbout;
        o.acceptNewHostKey = [&](const HostKeyInfo& key, const QString&) {
            askedAbout = key.fingerprint;
            return true;
        };
        auto accepted = SshSession::connect(o);
        QVERIFY2(accepted.ok(), qPrintable(accepted.ok() ? QString() : accepted.error().toString()));
        QCOMPARE(askedAbout, accepted.value()->hostKey().fingerprint);
        // Recorded: the next connection needs no question.
        auto next = SshSession::connect(options(empty));
        QVERIFY2(next.ok(), qPrintable(next.ok() ? QString() : next.error().toString()));
    }

    void changedHostKeyRefusedWithoutOverride()
    {
        QTemporaryDir dir;
        SshOptions o = options(writeKnownHosts(dir, QStringLiteral("host_other")));
        bool asked = false;
        o.acceptNewHostKey = [&](const HostKeyInfo&, const QString&) { return asked = true; };
        auto s = SshSession::connect(o);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(QStringLiteral("REMOTE HOST IDENTIFICATION HAS CHANGED")), qPrintable(s.error().message));
        QVERIFY(!asked); // a changed key is never offered for acceptance
    }

    void wrongKeyIsPermissionDenied()
    {
        QTemporaryDir dir;
        auto s = SshSession::connect(options(writeKnownHosts(dir, QStringLiteral("host_ed25519")), QStringLiteral("stranger")));
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(QStringLiteral("Permission denied")), qPrintable(s.error().message));
    }

    void agentAuthentication()
    {
        QTemporaryDir dir;
        SshOptions o = options(writeKnownHosts(dir, QStringLiteral("host_ed25519")));
        o.keyFile.clear(); // the only key that works is in the agent
        o.useAgent = true;
        qputenv("SSH_AUTH_SOCK", qgetenv("IPSECWIZ_SSH_AGENT_SOCK"));
        auto s = SshSession::connect(o);
        qunsetenv("SSH_AUTH_SOCK");
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        // Without the agent the same options are refused: it really was the agent.
        auto without = SshSession::connect(o);
        QVERIFY(!without.ok());
        QVERIFY(without.error().message.contains(QStringLiteral("Permission denied")));
    }

    void passwordAuthentication()
    {
        QTemporaryDir dir;
        SshOptions o = options(writeKnownHosts(dir, QStringLiteral("host_ed25519")));
        o.user = QStringLiteral("iwtest");
        o.keyFile.clear();
        o.useAgent = false;
        o.password = [](const QString&) -> std::optional<QByteArray> { return QByteArray("test pw"); };
        auto s = SshSession::connect(o);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        auto who = s.value()->exec(QStringLiteral("id -un"));
        QVERIFY(who.ok());
        QCOMPARE(who.value().out, QByteArray("iwtest\n"));
        o.password = [](const QString&) -> std::optional<QByteArray> { return QByteArray("wrong"); };
        auto wrong = SshSession::connect(o);
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.error().message.contains(QStringLiteral("Permission denied")));
    }

    void encryptedKeyAsksForPassphrase()
    {
        QTemporaryDir dir;
        SshOptions o = options(writeKnownHosts(dir, QStringLiteral("host_ed25519")), QStringLiteral("client_locked"));
        int asked = 0;
        o.passphrase = [&](const QString&) -> std::optional<QByteArray> {
            ++asked;
            return QByteArray("secret passphrase");
        };
        auto s = SshSession::connect(o);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        QCOMPARE(asked, 1);
    }

    void uploadCreatesWithFinalMode()
    {
        QTemporaryDir dir;
        auto s = SshSession::connect(options(writeKnownHosts(dir, QStringLiteral("host_ed25519"))));
        QVERIFY(s.ok());
        QTemporaryDir remote; // same machine: the "remote" path is local to the sshd
        const QString path = remote.filePath(QStringLiteral("secret.conf"));
        QVERIFY(s.value()->upload(path, QByteArray("secret = 0x00\n"), 0600).ok());
        QCOMPARE(QFileInfo(path).permissions() & 0x7777, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("secret = 0x00\n"));
        // O_EXCL: an existing file is never overwritten by an upload.
        QVERIFY(!s.value()->upload(path, QByteArray("other"), 0644).ok());
    }

    void cancelStopsALongCommand()
    {
        QTemporaryDir dir;
        std::atomic_bool cancel{false};
        SshOptions o = options(writeKnownHosts(dir, QStringLiteral("host_ed25519")));
        o.cancel = &cancel;
        auto s = SshSession::connect(o);
        QVERIFY(s.ok());
        std::thread t([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancel = true;
        });
        QElapsedTimer timer;
        timer.start();
        auto r = s.value()->exec(QStringLiteral("sleep 30"));
        t.join();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, QStringLiteral("Cancelled."));
        QVERIFY(timer.elapsed() < 5000);
    }

    void commandTimeout()
    {
        QTemporaryDir dir;
        auto s = SshSession::connect(options(writeKnownHosts(dir, QStringLiteral("host_ed25519"))));
        QVERIFY(s.ok());
        auto r = s.value()->exec(QStringLiteral("sleep 10"), {}, {}, 500);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("did not finish")));
    }

    // Hostile remote output: floods, binary bytes, one enormous line, a command that never
    // ends. What is kept stays under the cap, the result says it was cut, nothing crashes.
    void hostileOutputIsBounded_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<bool>("truncated");
        QTest::newRow("100-MB-flood") << QStringLiteral("head -c 100000000 /dev/zero | tr '\\0' x") << true;
        QTest::newRow("10-MB-single-line") << QStringLiteral("head -c 10000000 /dev/zero | tr '\\0' a") << true;
        QTest::newRow("never-ends") << QStringLiteral("yes") << true;
        QTest::newRow("binary-bytes") << QStringLiteral("head -c 200000 /dev/urandom") << false;
    }

    void hostileOutputIsBounded()
    {
        QFETCH(QString, command);
        QFETCH(bool, truncated);
        QTemporaryDir dir;
        auto s = SshSession::connect(options(writeKnownHosts(dir, QStringLiteral("host_ed25519"))));
        QVERIFY(s.ok());
        constexpr qsizetype cap = 1 << 20;
        qsizetype longestLine = 0;
        auto r = s.value()->exec(command, {}, [&](Stream, const QByteArray& line) { longestLine = qMax(longestLine, line.size()); },
                                 30000, cap);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r.value().truncated, truncated);
        QVERIFY(r.value().out.size() + r.value().err.size() <= cap);
        QVERIFY(longestLine <= cap);
        // The session is still usable afterwards.
        auto again = s.value()->exec(QStringLiteral("echo fine"));
        QVERIFY(again.ok());
        QCOMPARE(again.value().out, QByteArray("fine\n"));
    }

    // Security review, finding 1: libssh would count an unknown host as known.
    void strictHostKeyCheckingNoInSshConfigDoesNotAcceptUnknownKeys()
    {
        QVERIFY2(qEnvironmentVariable("IPSECWIZ_IN_NS") == QLatin1String("1"), "writes the ssh config of root's private home");
        const SshConfig config("Host *\n    StrictHostKeyChecking no\n    UserKnownHostsFile /dev/null\n");
        QVERIFY(config.ok());
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("known_hosts"));
        auto s = SshSession::connect(options(empty));
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(QStringLiteral("can't be established")), qPrintable(s.error().message));
        QVERIFY(!QFile::exists(empty) || QFile(empty).size() == 0);
    }

    // Finding 5: a second known_hosts file (a profile's) cannot vouch for a key the first (the
    // admin's own) says has changed, nor the other way round.
    void anyFileThatSaysChangedWins_data()
    {
        QTest::addColumn<bool>("usersFileIsWrong");
        QTest::newRow("the admin's file knows another key") << true;
        QTest::newRow("the profile's file knows another key") << false;
    }

    void anyFileThatSaysChangedWins()
    {
        QFETCH(bool, usersFileIsWrong);
        QTemporaryDir users;
        QTemporaryDir profiles;
        const QString usersFile = writeKnownHosts(users, usersFileIsWrong ? QStringLiteral("host_other") : QStringLiteral("host_ed25519"));
        const QString profilesFile = writeKnownHosts(profiles, usersFileIsWrong ? QStringLiteral("host_ed25519") : QStringLiteral("host_other"));
        SshOptions o = options(usersFile);
        o.knownHostsFiles << profilesFile;
        auto s = SshSession::connect(o);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(QStringLiteral("REMOTE HOST IDENTIFICATION HAS CHANGED")), qPrintable(s.error().message));
        QVERIFY(s.error().message.contains(usersFileIsWrong ? usersFile : profilesFile));
        // A profile's file may still vouch for a host the admin's own file does not know at all.
        if (usersFileIsWrong) {
            QTemporaryDir fresh;
            o.knownHostsFiles = {fresh.filePath(QStringLiteral("known_hosts")), profilesFile};
            auto ok = SshSession::connect(o);
            QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().toString()));
        }
    }

    // A new key is recorded in the first file only (the admin's), never in a profile's.
    void newKeyRecordedInTheFirstFileOnly()
    {
        QTemporaryDir users;
        QTemporaryDir profiles;
        const QString usersFile = users.filePath(QStringLiteral("known_hosts"));
        const QString profilesFile = profiles.filePath(QStringLiteral("known_hosts"));
        SshOptions o = options(usersFile);
        o.knownHostsFiles << profilesFile;
        o.acceptNewHostKey = [](const HostKeyInfo&, const QString&) { return true; };
        auto s = SshSession::connect(o);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        QVERIFY(QFile(usersFile).size() > 0);
        QVERIFY(!QFile::exists(profilesFile));
    }

    // Finding 4: the user and host reach a ProxyCommand, which /bin/sh runs. Refused first.
    void unusualUserOrHostRunsNothing_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("field");
        QTest::newRow("command in the user") << QStringLiteral("x$(touch %1)") << QStringLiteral("127.0.0.1") << QStringLiteral("ssh.user");
        QTest::newRow("quote in the user") << QStringLiteral("x';touch %1;'") << QStringLiteral("127.0.0.1") << QStringLiteral("ssh.user");
        QTest::newRow("command in the host") << QStringLiteral("root") << QStringLiteral("127.0.0.1;touch${IFS}%1") << QStringLiteral("ssh.host");
        QTest::newRow("option as host") << QStringLiteral("root") << QStringLiteral("-oProxyCommand=touch") << QStringLiteral("ssh.host");
        QTest::newRow("user@host") << QStringLiteral("root") << QStringLiteral("x@127.0.0.1") << QStringLiteral("ssh.host");
    }

    void unusualUserOrHostRunsNothing()
    {
        QFETCH(QString, user);
        QFETCH(QString, host);
        QFETCH(QString, field);
        QVERIFY2(qEnvironmentVariable("IPSECWIZ_IN_NS") == QLatin1String("1"), "writes the ssh config of root's private home");
        QTemporaryDir dir;
        const QString proxied = dir.filePath(QStringLiteral("proxy-ran"));
        const QString injected = dir.filePath(QStringLiteral("injected"));
        // An ordinary ProxyCommand of the admin's: it would run the user and host through sh.
        const SshConfig config("Host *\n    ProxyCommand sh -c 'touch " + proxied.toUtf8() + "; exec nc %h %p' -l %r\n");
        QVERIFY(config.ok());
        SshOptions o = options(writeKnownHosts(dir, QStringLiteral("host_ed25519")));
        o.user = user.contains(QLatin1String("%1")) ? user.arg(injected) : user;
        o.host = host.contains(QLatin1String("%1")) ? host.arg(injected) : host;
        auto s = SshSession::connect(o);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, field);
        QVERIFY(!QFile::exists(injected));
        QVERIFY(!QFile::exists(proxied));
    }

    void connectTimeoutOnSilentPort()
    {
        QTemporaryDir dir;
        SshOptions o = options(writeKnownHosts(dir, QStringLiteral("host_ed25519")));
        o.port = 2299; // nothing listens: refused at once
        QElapsedTimer timer;
        timer.start();
        auto s = SshSession::connect(o);
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.contains(QStringLiteral("Cannot connect")));
        QVERIFY(timer.elapsed() < 6000);
    }
};

QTEST_GUILESS_MAIN(TestSshSession)
#include "TestSshSession.moc"
