// The Deploy panel against the lab's real gateways (sshd + charon): push with a live log in two
// colours and a result per gateway, the monitor seeing the tunnel come up, a dry run, Test
// connection, an unknown host key asked about, Cancel rolling back — and the event loop keeps
// turning while the worker pushes.

#include "DeployPanel.h"
#include "DiagnoseDialog.h"
#include "MainWindow.h"
#include "GatewayMonitorPane.h"
#include "MonitorView.h"
#include "SaTableModel.h"
#include "TopologyView.h"
#include "TestSupport.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTreeWidget>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

using namespace ipsecwiz;

namespace {

QString labScript()
{
    return QStringLiteral(IPSECWIZ_SOURCE_DIR "/lab/lab.sh");
}

QByteArray lab(const QStringList& args, int* exitCode = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("bash"), QStringList{labScript()} + args);
    p.waitForFinished(120000);
    if (exitCode)
        *exitCode = p.exitCode();
    return p.readAllStandardOutput() + p.readAllStandardError();
}

QByteArray gatewayFile(const QString& gw)
{
    return lab({QStringLiteral("exec"), gw, QStringLiteral("--"), QStringLiteral("sha256sum"), QStringLiteral("/etc/swanctl/conf.d/lab.conf")});
}

} // namespace

class TestDeployPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_state;
    TunnelProfile m_profile;
    QString m_dir;

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) {
            std::fprintf(stderr, "SKIPPED: TestDeployPanel needs root for the lab (network namespaces); run ./test.sh as root\n");
            std::exit(77);
        }
        qputenv("IPSECWIZ_LAB_DIR", m_state.filePath(QStringLiteral("lab")).toUtf8());
        lab({QStringLiteral("down")});
        int rc = 0;
        const QByteArray out = lab({QStringLiteral("up")}, &rc);
        QVERIFY2(rc == 0, out.constData());
        m_dir = m_state.filePath(QStringLiteral("lab"));
        auto p = ProfileJson::load(m_dir + QStringLiteral("/lab-profile.json"));
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().toString()));
        m_profile = p.value();
    }

    void cleanupTestCase()
    {
        if (::geteuid() == 0)
            lab({QStringLiteral("down")});
    }

    void pushShowsEachGateway()
    {
        DeployPanel panel;
        panel.setProfile(m_profile, *m_profile.psk, m_dir);
        panel.show();
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(20);
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("push")), Qt::LeftButton);
        QVERIFY(panel.isBusy());
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("cancel"))->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 90000);
        // The GUI thread was free the whole time: the timer kept firing (a blocked loop gives ~0).
        QVERIFY2(ticks > 20, qPrintable(QString::number(ticks)));
        QCOMPARE(panel.resultText(Side::A), QStringLiteral("committed and confirmed"));
        QCOMPARE(panel.resultText(Side::B), QStringLiteral("committed and confirmed"));
        const QString log = panel.logText();
        QVERIFY(log.contains(QStringLiteral("[A] connecting to root@10.99.1.2:22")));
        QVERIFY(log.contains(QStringLiteral("[B] connecting to root@10.99.2.2:22")));
        QVERIFY(log.contains(QStringLiteral("the tunnel carries traffic")));
        QVERIFY(!log.contains(QString::fromLatin1(*m_profile.psk)));
        // One colour per gateway.
        const QString html = panel.findChild<QPlainTextEdit*>(QStringLiteral("deployLog"))->document()->toHtml();
        QVERIFY(html.contains(QStringLiteral("#1f77b4")));
        QVERIFY(html.contains(QStringLiteral("#d65f0e")));
    }

    // After the push: the monitor window's view polls both real gateways (source detected) and
    // shows the tunnel up, every SA paired with its twin.
    void monitorSeesTheTunnelUp()
    {
        MonitorView view;
        view.setProfile(m_profile, m_dir);
        view.show();
        view.start();
        // Both gateways start the tunnel on load: an IKE SA collision may show two CHILD SAs a
        // side for a moment, until charon deletes the loser.
        QTRY_VERIFY_WITH_TIMEOUT(view.correlation() && view.correlation()->state == TunnelState::Up && view.correlation()->pairs.size() == 2
                                     && view.pane(Side::A)->saModel()->rowCount() == 2 && view.pane(Side::B)->saModel()->rowCount() == 2,
                                 30000);
        QVERIFY(view.correlation()->onlyOnA.isEmpty() && view.correlation()->onlyOnB.isEmpty());
        for (Side side : {Side::A, Side::B}) {
            QCOMPARE(view.pane(side)->source(), MonitorSource::Swanctl); // kernel-libipsec: setkey and ip xfrm show nothing
            QCOMPARE(view.pane(side)->saModel()->rowCount(), 2);
            QVERIFY2(view.pane(side)->statusText().contains(QStringLiteral("swanctl --list-sas, round trip")), qPrintable(view.pane(side)->statusText()));
        }
        QCOMPARE(view.topologyView()->topologyScene()->tunnelState(), TunnelState::Up);
        QVERIFY(view.eventTexts().join(QLatin1Char('\n')).contains(QStringLiteral("tunnel: Tunnel up")));
    }

    void dryRunListsFilesAndCommands()
    {
        DeployPanel panel;
        panel.setProfile(m_profile, *m_profile.psk, m_dir);
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("dryRun")), Qt::LeftButton);
        const QString log = panel.logText();
        QVERIFY(log.contains(QStringLiteral("upload /etc/swanctl/conf.d/lab.conf.ipsec-wizard-new  mode 0600")));
        QVERIFY(log.contains(QStringLiteral("swanctl --load-all")));
        QVERIFY(log.indexOf(QStringLiteral("== gateway A")) < log.indexOf(QStringLiteral("== gateway B")));
    }

    void unknownHostKeyIsAsked()
    {
        QTemporaryDir dir;
        TunnelProfile p = m_profile;
        p.knownHostsFile = dir.filePath(QStringLiteral("known_hosts")); // empty: both keys unknown
        const QString home = qEnvironmentVariable("HOME");
        qputenv("HOME", dir.path().toUtf8()); // nor in ~/.ssh/known_hosts
        DeployPanel panel;
        panel.setProfile(p, *p.psk, m_dir);
        DeployPanel::setHostKeyAnswer(false);
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("testConnection")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 30000);
        QVERIFY2(panel.resultText(Side::A).contains(QStringLiteral("can't be established")), qPrintable(panel.resultText(Side::A)));
        QVERIFY(panel.resultText(Side::A).contains(QStringLiteral("SHA256:")));
        DeployPanel::setHostKeyAnswer(true);
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("testConnection")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 30000);
        QVERIFY2(panel.resultText(Side::A).startsWith(QStringLiteral("connected: ")), qPrintable(panel.resultText(Side::A)));
        // Recorded in the admin's own file, never in the profile's (which may come from elsewhere).
        QFile kh(dir.filePath(QStringLiteral(".ssh/known_hosts")));
        QVERIFY2(kh.open(QIODevice::ReadOnly), qPrintable(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden).join(QLatin1Char(' ')) + QDir::homePath()));
        QVERIFY(kh.readAll().contains("10.99.1.2 ssh-ed25519 "));
        QVERIFY(!QFile::exists(p.knownHostsFile) || QFileInfo(p.knownHostsFile).size() == 0);
        qputenv("HOME", home.toUtf8());
        DeployPanel::setHostKeyAnswer(std::nullopt);
    }

    void cancelRollsBack()
    {
        const QByteArray beforeA = gatewayFile(QStringLiteral("gateway-a"));
        const QByteArray beforeB = gatewayFile(QStringLiteral("gateway-b"));
        DeployPanel panel;
        // A different key: the push would change both gateways.
        panel.setProfile(m_profile, QByteArrayLiteral("0x") + QByteArray(64, '7'), m_dir);
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("push")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel.logText().contains(QStringLiteral("commit (confirm within")), 30000);
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("cancel")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 90000);
        QVERIFY(panel.resultText(Side::A) != QStringLiteral("committed and confirmed"));
        QVERIFY(panel.resultText(Side::B) != QStringLiteral("committed and confirmed"));
        QCOMPARE(gatewayFile(QStringLiteral("gateway-a")), beforeA);
        QCOMPARE(gatewayFile(QStringLiteral("gateway-b")), beforeB);
    }

    // Remove asks first: No changes nothing; Yes takes the tunnel's file off both gateways (and
    // keeps a backup); a push brings it back.
    void removeAsksThenTakesTheTunnelOff()
    {
        const QByteArray beforeA = gatewayFile(QStringLiteral("gateway-a"));
        QVERIFY2(beforeA.contains("/etc/swanctl/conf.d/lab.conf"), beforeA.constData());
        DeployPanel panel;
        panel.setProfile(m_profile, *m_profile.psk, m_dir);
        auto* remove = panel.findChild<QPushButton*>(QStringLiteral("remove"));
        QVERIFY(remove && remove->text().contains(QLatin1Char('&')));
        DeployPanel::setRemoveAnswer(false);
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(!panel.isBusy());
        QCOMPARE(gatewayFile(QStringLiteral("gateway-a")), beforeA);

        DeployPanel::setRemoveAnswer(true);
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(panel.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 90000);
        DeployPanel::setRemoveAnswer(std::nullopt);
        QCOMPARE(panel.resultText(Side::A), QStringLiteral("committed and confirmed"));
        QCOMPARE(panel.resultText(Side::B), QStringLiteral("committed and confirmed"));
        for (const QString& gw : {QStringLiteral("gateway-a"), QStringLiteral("gateway-b")}) {
            QVERIFY2(gatewayFile(gw).contains("No such file"), gatewayFile(gw).constData());
            const QByteArray backups = lab({QStringLiteral("exec"), gw, QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                                            QStringLiteral("cat /etc/ipsec-wizard/backups/*.lab.*/manifest")});
            QVERIFY2(backups.contains("/etc/swanctl/conf.d/lab.conf"), backups.constData());
        }
        const QByteArray conns = lab({QStringLiteral("exec"), QStringLiteral("gateway-a"), QStringLiteral("--"), QStringLiteral("swanctl"),
                                      QStringLiteral("--list-conns")});
        QVERIFY2(!conns.contains("lab: "), conns.constData());

        // And back.
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("push")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 90000);
        QCOMPARE(panel.resultText(Side::A), QStringLiteral("committed and confirmed"));
        QCOMPARE(gatewayFile(QStringLiteral("gateway-a")), beforeA);
    }

    // A tunnel the pair's push cannot describe (site A with a second network): the panel pushes it
    // through the network deployer to both lab gateways, logs per site, and pings through it.
    void aNetworkTunnelIsPushedToItsSites()
    {
        NetworkProfile network = Network::fromTunnelProfile(m_profile);
        network.sites[0].networks << QStringLiteral("10.1.99.0/24");
        // Gateway A on the new network too, as a lab built from a profile has it: charon (here with
        // kernel-libipsec) installs its route for a policy from an address inside the local one.
        int rc = 0;
        const QByteArray added = lab({QStringLiteral("exec"), QStringLiteral("gateway-a"), QStringLiteral("--"), QStringLiteral("ip"),
                                      QStringLiteral("addr"), QStringLiteral("replace"), QStringLiteral("10.1.99.1/24"), QStringLiteral("dev"),
                                      QStringLiteral("lan0")},
                                     &rc);
        QVERIFY2(rc == 0, added.constData());
        DeployPanel panel;
        panel.setNetwork(network, 0, m_dir, {});
        panel.show();
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("push")), Qt::LeftButton);
        QVERIFY(panel.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 90000);
        const QString log = panel.logText();
        QVERIFY2(panel.resultText(Side::A) == QStringLiteral("committed and confirmed"), qPrintable(panel.resultText(Side::A) + QLatin1Char('\n') + log.right(1500)));
        QCOMPARE(panel.resultText(Side::B), QStringLiteral("committed and confirmed"));
        QVERIFY2(log.contains(QStringLiteral("[site-a]")) && log.contains(QStringLiteral("[site-b]")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("lab carries traffic")), qPrintable(log));
        QVERIFY(!log.contains(QString::fromLatin1(*m_profile.psk)));
        const QByteArray conf = lab({QStringLiteral("exec"), QStringLiteral("gateway-a"), QStringLiteral("--"), QStringLiteral("cat"),
                                     QStringLiteral("/etc/swanctl/conf.d/lab.conf")});
        QVERIFY2(conf.contains("10.1.99.0/24"), conf.constData());
        const QByteArray conns = lab({QStringLiteral("exec"), QStringLiteral("gateway-b"), QStringLiteral("--"), QStringLiteral("swanctl"),
                                      QStringLiteral("--list-conns")});
        QVERIFY2(conns.contains("10.1.99.0/24"), conns.constData());
    }

    // Tunnel ▸ Diagnose… on the pair again, with gateway B's key changed by hand: the dialog starts
    // the tunnel, reads both charon logs and names the keys, with both logs in its tabs.
    void theDiagnoseDialogNamesTheCause()
    {
        DeployPanel panel;
        panel.setProfile(m_profile, *m_profile.psk, m_dir);
        panel.push();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 90000);
        QCOMPARE(panel.resultText(Side::A), QStringLiteral("committed and confirmed"));
        int rc = 0;
        const QByteArray changed = lab({QStringLiteral("exec"), QStringLiteral("gateway-b"), QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                                        QStringLiteral("sed -i 's/secret = 0x\\(..\\)/secret = 0xff/' /etc/swanctl/conf.d/lab.conf && swanctl --load-all")},
                                       &rc);
        QVERIFY2(rc == 0, changed.constData());
        for (const QString& gw : {QStringLiteral("gateway-a"), QStringLiteral("gateway-b")})
            lab({QStringLiteral("exec"), gw, QStringLiteral("--"), QStringLiteral("swanctl"), QStringLiteral("--terminate"), QStringLiteral("--ike"),
                 QStringLiteral("lab"), QStringLiteral("--timeout"), QStringLiteral("5")});

        MainWindow window;
        window.setProfile(m_profile, m_dir + QStringLiteral("/lab-profile.json"));
        QVERIFY(window.action(QStringLiteral("actionDiagnose"))->isEnabled());
        DiagnoseDialog* dialog = window.openDiagnosis();
        QVERIFY(dialog && dialog->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 60000);
        const QString text = dialog->reportText();
        QVERIFY2(text.contains(QStringLiteral("The pre-shared keys differ")), qPrintable(text));
        QCOMPARE(dialog->report().findings.first().field, QStringLiteral("psk"));
        QVERIFY(dialog->report().attempted);
        // B's line of the failed check, in B's column of the logs lined up (its full text is the tooltip).
        auto* logs = dialog->findChild<QTreeWidget*>(QStringLiteral("diagnoseLogs"));
        QVERIFY(logs);
        bool macMismatched = false;
        for (int i = 0; i < logs->topLevelItemCount() && !macMismatched; ++i)
            macMismatched = logs->topLevelItem(i)->toolTip(2).contains(QStringLiteral("MAC mismatched"));
        QVERIFY(macMismatched);
        QVERIFY(!text.contains(QString::fromLatin1(*m_profile.psk)));
        // docs/screenshots/11-diagnose-light.png comes from here (the tour has no lab).
        if (const QString dir = qEnvironmentVariable("IPSECWIZ_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dialog->grab().save(dir + QStringLiteral("/11-diagnose-light.png")));
    }
};

QTEST_MAIN(TestDeployPanel)
#include "TestDeployPanel.moc"
