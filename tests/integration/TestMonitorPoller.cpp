// The monitor's poller against a real sshd (started by ssh-session-test.sh, whose gateway has a
// scripted `setkey` that prints recorded output, floods or hangs): polls at the interval on one
// SSH session (sshd sees one login), pause and resume, a killed sshd reported and reconnected
// with back-off, a hanging command timed out, a password asked again when wrong and kept when
// right, and the monitor window kept responsive and its memory bounded while the gateway floods
// 100 MB per poll.

#include "GatewayMonitorPane.h"
#include "MonitorPoller.h"
#include "MonitorView.h"
#include "RawOutputView.h"
#include "SaTableModel.h"
#include "TestSupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QInputDialog>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace ipsecwiz;

namespace {

QString sshDir()
{
    return qEnvironmentVariable("IPSECWIZ_SSH_DIR");
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void setMode(const char* mode)
{
    QFile f(sshDir() + QStringLiteral("/setkey-mode"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QByteArray(mode) + '\n');
}

int logins()
{
    return int(readFile(sshDir() + QStringLiteral("/sshd.log")).count("Accepted publickey"));
}

qint64 residentKb()
{
    for (const QByteArray& line : readFile(QStringLiteral("/proc/self/status")).split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

void killSshd()
{
    const QByteArray pid = readFile(sshDir() + QStringLiteral("/sshd.pid")).trimmed();
    QVERIFY(!pid.isEmpty());
    // The listener and every session it forked (our poller's, "sshd: root@notty"), found by
    // parentage, so no other sshd on the machine is touched: a gateway whose sshd died.
    const QString script = QStringLiteral("tree() { for c in $(pgrep -P \"$1\"); do tree \"$c\"; done; echo \"$1\"; }; "
                                          "kill -KILL $(tree %1)")
                               .arg(QString::fromLatin1(pid));
    QCOMPARE(QProcess::execute(QStringLiteral("bash"), { QStringLiteral("-c"), script }), 0);
    QTRY_VERIFY(!QFile::exists(QStringLiteral("/proc/") + QString::fromLatin1(pid)));
}

void startSshd()
{
    QCOMPARE(QProcess::execute(QStringLiteral("/usr/sbin/sshd"),
                 { QStringLiteral("-f"), qEnvironmentVariable("IPSECWIZ_SSHD_CONFIG"), QStringLiteral("-E"),
                     sshDir() + QStringLiteral("/sshd.log") }),
        0);
}

} // namespace

class TestMonitorPoller : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!sshDir().isEmpty(), "run through ssh-session-test.sh, which starts the sshd");
        QVERIFY(m_dir.isValid());
        QFile f(m_dir.filePath(QStringLiteral("known_hosts")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QList<QByteArray> parts = readFile(sshDir() + QStringLiteral("/host_ed25519.pub")).trimmed().split(' ');
        f.write("[127.0.0.1]:2222 " + parts.value(0) + ' ' + parts.value(1) + '\n');
    }

    void init() { setMode("normal"); }

    void pollsOnOneSessionAtTheInterval()
    {
        const int before = logins();
        MonitorPoller poller(options(), MonitorSource::Auto);
        poller.setIntervalMs(200);
        QSignalSpy connected(&poller, &MonitorPoller::connected);
        QSignalSpy polled(&poller, &MonitorPoller::polled);
        poller.start();
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
        QCOMPARE(connected.first().at(1).value<MonitorSource>(), MonitorSource::Setkey); // detected
        QTRY_VERIFY_WITH_TIMEOUT(polled.size() >= 6, 10000);
        const auto update = polled.last().at(0).value<MonitorUpdate>();
        QCOMPARE(update.poll.source, MonitorSource::Setkey);
        QVERIFY(update.snapshot.sas.size() >= 2);
        QVERIFY(!update.snapshot.policies.isEmpty()); // -DP, after the marker
        QVERIFY(update.poll.roundTripMs < 5000);
        // One handshake, however many polls.
        QCOMPARE(logins() - before, 1);
    }

    void pauseAndResume()
    {
        MonitorPoller poller(options(), MonitorSource::Setkey);
        poller.setIntervalMs(200);
        QSignalSpy polled(&poller, &MonitorPoller::polled);
        poller.start();
        QTRY_VERIFY_WITH_TIMEOUT(polled.size() >= 2, 10000);
        poller.setPaused(true);
        QVERIFY(poller.isPaused());
        QTest::qWait(500); // a poll that was running finishes
        const qsizetype paused = polled.size();
        QTest::qWait(1500);
        QCOMPARE(polled.size(), paused);
        poller.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(polled.size() >= paused + 2, 5000);
    }

    void aKilledSshdIsRetriedWithBackOff()
    {
        MonitorPoller poller(options(), MonitorSource::Setkey);
        poller.setIntervalMs(200);
        QSignalSpy connected(&poller, &MonitorPoller::connected);
        QSignalSpy polled(&poller, &MonitorPoller::polled);
        QSignalSpy failed(&poller, &MonitorPoller::failed);
        poller.start();
        QTRY_VERIFY_WITH_TIMEOUT(polled.size() >= 1, 10000);

        killSshd();
        // The poll on the dead session fails (1 s), the reconnect is refused (2 s), then 4 s.
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 3, 15000);
        QCOMPARE(failed.at(0).at(1).toInt(), 1000);
        QCOMPARE(failed.at(1).at(1).toInt(), 2000);
        QCOMPARE(failed.at(2).at(1).toInt(), 4000);
        QVERIFY2(failed.at(1).at(0).toString().contains(QStringLiteral("127.0.0.1")), qPrintable(failed.at(1).at(0).toString()));
        const qsizetype polls = polled.size();

        startSshd();
        QTRY_VERIFY_WITH_TIMEOUT(connected.size() == 2, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(polled.size() > polls, 5000);
        QCOMPARE(MonitorPoller::retryDelayMs(10), MonitorPoller::MaxRetryMs);
    }

    void aHangingCommandTimesOut()
    {
        MonitorPoller poller(options(), MonitorSource::Setkey);
        poller.setIntervalMs(200);
        poller.setPollTimeoutMs(1000);
        QSignalSpy polled(&poller, &MonitorPoller::polled);
        QSignalSpy failed(&poller, &MonitorPoller::failed);
        poller.start();
        QTRY_VERIFY_WITH_TIMEOUT(polled.size() >= 1, 10000);
        setMode("hang");
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 1, 10000);
        QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("did not finish")), qPrintable(failed.first().at(0).toString()));
        setMode("normal");
        const qsizetype polls = polled.size();
        QTRY_VERIFY_WITH_TIMEOUT(polled.size() > polls, 10000);
    }

    // A gateway that takes a password (the test's user "iwtest", 'test pw'): the monitor asks in
    // a dialog; a wrong answer is asked again on the next attempt, not repeated; a right one is
    // kept for the window, so reconnecting after sshd died asks nothing.
    void aPasswordIsAskedAgainWhenWrongAndKeptWhenRight()
    {
        TunnelProfile profile = floodProfile();
        for (Gateway* g : { &profile.gatewayA, &profile.gatewayB }) {
            g->ssh.user = QStringLiteral("iwtest");
            g->ssh.identityFile.clear();
        }
        QStringList prompts;
        QTimer answerer;
        connect(&answerer, &QTimer::timeout, this, [&] {
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            prompts << dialog->labelText();
            // Each gateway's first answer is wrong.
            dialog->setTextValue(prompts.size() <= 2 ? QStringLiteral("wrong") : QStringLiteral("test pw"));
            dialog->accept();
        });
        answerer.start(20);
        MonitorView view;
        view.setProfile(profile, m_dir.path());
        view.start(MonitorSource::Setkey);
        QTRY_VERIFY_WITH_TIMEOUT(view.pane(Side::A)->hasSnapshot() && view.pane(Side::B)->hasSnapshot(), 20000);
        QVERIFY2(prompts.size() == 4, qPrintable(prompts.join(QStringLiteral(" | ")))); // wrong and right, for each gateway
        QVERIFY2(prompts.first().contains(QStringLiteral("iwtest@127.0.0.1")), qPrintable(prompts.first()));
        // What it means: the SAs are shown. A slow machine may show a first, empty poll before it.
        QTRY_VERIFY_WITH_TIMEOUT(view.pane(Side::A)->saModel()->rowCount() > 0, 20000);

        killSshd();
        QTRY_VERIFY_WITH_TIMEOUT(view.pane(Side::A)->statusText().contains(QStringLiteral("retrying")), 15000);
        startSshd();
        QTRY_VERIFY_WITH_TIMEOUT(view.eventTexts().filter(QStringLiteral("Connected again")).size() == 2, 20000);
        QVERIFY2(prompts.size() == 4, qPrintable(prompts.join(QStringLiteral(" | ")))); // the right password was kept
    }

    void aFloodingGatewayKeepsTheWindowResponsive()
    {
        const TunnelProfile profile = floodProfile();
        setMode("flood");
        const qint64 rssBefore = residentKb();

        MonitorView view;
        view.setProfile(profile, m_dir.path());
        view.resize(1200, 800);
        view.show();
        view.start(MonitorSource::Setkey);
        view.poller(Side::A)->setIntervalMs(200);
        view.poller(Side::B)->setIntervalMs(200);

        // The GUI thread's heartbeat: the longest gap between 20 ms ticks while 100 MB floods
        // arrive, are cut at the cap, parsed on the pollers' threads and shown.
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0, longest = 0;
        QTimer heartbeat;
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            longest = std::max(longest, clock.elapsed() - last);
            last = clock.elapsed();
        });
        heartbeat.start(20);
        qint64 peakKb = 0;
        QTimer sampler;
        connect(&sampler, &QTimer::timeout, this, [&] { peakKb = std::max(peakKb, residentKb()); });
        sampler.start(50);
        QTRY_VERIFY_WITH_TIMEOUT(view.pane(Side::A)->rawView()->isCut() && view.pane(Side::B)->rawView()->isCut(), 30000);
        QTest::qWait(3000); // more floods
        heartbeat.stop();
        sampler.stop();
        const int calls = int(readFile(sshDir() + QStringLiteral("/setkey-calls")).count('\n'));
        qInfo("flood: longest GUI stall %lld ms; resident memory %lld MB before, peak %lld MB; %d setkey calls so far", longest,
            rssBefore / 1024, peakKb / 1024, calls);
        QVERIFY2(
            view.pane(Side::A)->statusText().contains(QStringLiteral("output truncated")), qPrintable(view.pane(Side::A)->statusText()));
        QVERIFY(view.pane(Side::A)->rawView()->toPlainText().size() <= RawOutputView::MaxShownBytes + 200);
        // Bounded: each poll keeps at most 32 MB, a few are alive at once (reading, parsing,
        // showing) — nowhere near the 100 MB each flood sends.
        QVERIFY2(peakKb - rssBefore < 400 * 1024, qPrintable(QStringLiteral("memory grew by %1 MB").arg((peakKb - rssBefore) / 1024)));
        // Responsive: nothing near a frozen window (a poll of 100 MB takes seconds).
        QVERIFY2(longest < 500, qPrintable(QStringLiteral("the GUI stalled for %1 ms").arg(longest)));
        setMode("normal");
    }

private:
    // Both gateways are the test's sshd, reached as root with the test's key.
    TunnelProfile floodProfile() const
    {
        // A whole, valid profile: the monitor validates before it connects.
        TunnelProfile profile = test::seedProfile();
        profile.name = QStringLiteral("flood");
        for (Gateway* g : { &profile.gatewayA, &profile.gatewayB }) {
            g->ssh.host = QStringLiteral("127.0.0.1");
            g->ssh.port = 2222;
            g->ssh.user = QStringLiteral("root");
            g->ssh.identityFile = sshDir() + QStringLiteral("/client");
        }
        profile.knownHostsFile = m_dir.filePath(QStringLiteral("known_hosts"));
        return profile;
    }

    SshOptions options() const
    {
        SshOptions o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = 2222;
        o.user = QStringLiteral("root");
        o.connectTimeoutSec = 5;
        o.knownHostsFiles = { m_dir.filePath(QStringLiteral("known_hosts")) };
        o.keyFile = sshDir() + QStringLiteral("/client");
        o.useAgent = false;
        return o;
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(TestMonitorPoller)
#include "TestMonitorPoller.moc"
