// The main window: a profile's drawing, findings and every file it gives both gateways; the
// recent profiles (paths only — never the key) and the geometry kept in QSettings; New tunnel
// opens the wizard and its result comes back here; Deploy and Monitor wait for their issues.

#include "GeneratedFilesView.h"
#include "GuiTestSupport.h"
#include "GatewayMonitorPane.h"
#include "CheckDialog.h"
#include "NetworkGenerator.h"

#include <QSignalSpy>
#include "MainWindow.h"
#include "MonitorView.h"
#include "MonitorWindow.h"
#include "Theme.h"
#include "TopologyView.h"
#include "TunnelWizard.h"
#include "WelcomePage.h"

#include <QAction>
#include <QApplication>
#include <QDirIterator>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settings;

    QByteArray allSettingsBytes() const
    {
        QSettings().sync();
        QByteArray all;
        QDirIterator it(m_settings.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            all += readFile(it.next());
        return all;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        isolateSettings(m_settings.path());
    }

    void init()
    {
        QSettings().clear();
    }

    void showsBothGatewaysFiles()
    {
        MainWindow w;
        QVERIFY(!w.hasProfile());
        QVERIFY(w.openProfile(QStringLiteral(IPSECWIZ_EXAMPLE_PROFILE)));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* files = w.findChild<GeneratedFilesView*>(QStringLiteral("files"));
        QVERIFY(files);
        QCOMPARE(files->count(), 2); // one tab per gateway
        // racoon-tool.conf, psk.txt, routes.sh, firewall.nft, firewall.iptables for each gateway.
        auto* a = qobject_cast<QTabWidget*>(files->widget(0));
        auto* b = qobject_cast<QTabWidget*>(files->widget(1));
        QCOMPARE(a->count(), 5);
        QCOMPARE(b->count(), 5);
        QCOMPARE(a->tabText(0), QStringLiteral("racoon-tool.conf"));
        QCOMPARE(b->tabText(0), QStringLiteral("racoon-tool.conf"));
        QVERIFY(files->fileView(QStringLiteral("gateway-a/etc/racoon/racoon-tool.conf"))->toPlainText().contains(QStringLiteral("connection(seed):")));
        // Both psk.txt views show one and the same fresh key.
        const auto keyIn = [&](const char* path) {
            // The key line of the tunnel's block: the one before "# END ipsec-wizard seed".
            const QStringList lines = files->fileView(QString::fromLatin1(path))->toPlainText().trimmed().split(QLatin1Char('\n'));
            return lines.value(lines.size() - 2).section(QLatin1Char('\t'), -1);
        };
        const QString keyA = keyIn("gateway-a/etc/racoon/psk.txt");
        QVERIFY(keyA.startsWith(QStringLiteral("0x")));
        QCOMPARE(keyA.size(), 66);
        QCOMPARE(keyA, keyIn("gateway-b/etc/racoon/psk.txt"));
        auto* findings = w.findChild<QListWidget*>(QStringLiteral("findings"));
        QCOMPARE(findings->count(), 1);
        QCOMPARE(findings->item(0)->text(), QStringLiteral("No problems found."));
        QVERIFY(w.findChild<TopologyView*>(QStringLiteral("mainTopology"))->topologyScene()->texts().contains(QStringLiteral("203.0.113.2/24")));
        QVERIFY(w.action(QStringLiteral("actionExportBundle"))->isEnabled());
    }

    void showsFindingsWithTheirField()
    {
        TunnelProfile p = seedProfile();
        p.networkB = QStringLiteral("192.168.1.0/24");
        MainWindow w;
        w.setProfile(p);
        auto* findings = w.findChild<QListWidget*>(QStringLiteral("findings"));
        QVERIFY(findings->count() >= 1);
        QVERIFY(findings->item(0)->text().startsWith(QStringLiteral("error: networkB: ")));
        // Nothing is generated from a profile with errors, and there is nothing to export.
        QCOMPARE(w.findChild<GeneratedFilesView*>(QStringLiteral("files"))->count(), 0);
        QVERIFY(!w.action(QStringLiteral("actionExportBundle"))->isEnabled());
    }

    void remembersRecentProfilesButNeverTheKey()
    {
        QTemporaryDir tmp;
        TunnelProfile p = seedProfile();
        p.psk = fixedPsk();
        QStringList paths;
        for (int i = 0; i < MainWindow::MaxRecent + 2; ++i) {
            const QString path = tmp.filePath(QStringLiteral("tunnel-%1.json").arg(i));
            QVERIFY(ProfileJson::save(p, path, PskInFile::Include).ok());
            paths.append(path);
        }
        {
            MainWindow w;
            for (const QString& path : std::as_const(paths))
                QVERIFY(w.openProfile(path));
            QCOMPARE(w.recentProfiles().size(), MainWindow::MaxRecent);
            QCOMPARE(w.recentProfiles().first(), paths.last());
            // The example compiled into the program is not a file to come back to.
            QVERIFY(w.openProfile(WelcomePage::exampleProfilePath()));
            QCOMPARE(w.recentProfiles().first(), paths.last());
        }
        QVERIFY(!allSettingsBytes().isEmpty());
        QVERIFY(!allSettingsBytes().contains(fixedPsk()));
        QVERIFY(!allSettingsBytes().contains(fixedPsk().mid(2)));

        // A new window lists them; a vanished file is marked, and opening from the list works.
        QFile::remove(paths.last());
        MainWindow w;
        auto* list = w.findChild<QListWidget*>(QStringLiteral("recentProfiles"));
        QCOMPARE(list->count(), MainWindow::MaxRecent);
        QVERIFY(list->item(0)->text().contains(QStringLiteral("missing")));
        Q_EMIT list->itemActivated(list->item(1));
        QVERIFY(w.hasProfile());
        QCOMPARE(w.profile().psk, std::optional<QByteArray>(fixedPsk()));
    }

    void remembersItsGeometry()
    {
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.resize(900, 610);
            QTRY_COMPARE(w.size(), QSize(900, 610));
            w.close();
        }
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(900, 610));
    }

    void newTunnelOpensTheWizardAndItsResultComesBack()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.action(QStringLiteral("actionNewTunnel"))->trigger();
        auto* wizard = w.findChild<TunnelWizard*>();
        QVERIFY(wizard);
        QVERIFY(wizard->isVisible());
        wizard->welcomePage()->setStart(WelcomePage::Start::Example);
        clickNext(wizard, TunnelWizard::SitesId);
        clickNext(wizard, TunnelWizard::AlgorithmsId);
        clickNext(wizard, TunnelWizard::AuthenticationId);
        clickNext(wizard, TunnelWizard::ReviewId);
        const TunnelProfile made = wizard->profile();
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY(w.hasProfile());
        QCOMPARE(w.profile(), made);
        // The files shown use the wizard's key.
        auto* files = w.findChild<GeneratedFilesView*>(QStringLiteral("files"));
        QVERIFY(files->fileView(QStringLiteral("gateway-a/etc/racoon/psk.txt"))->toPlainText().contains(QString::fromLatin1(*made.psk)));

        // Edit in wizard starts on the Sites page with the open tunnel.
        w.action(QStringLiteral("actionEditInWizard"))->trigger();
        QTRY_VERIFY(w.findChildren<TunnelWizard*>().size() >= 1);
        TunnelWizard* edit = nullptr;
        for (TunnelWizard* candidate : w.findChildren<TunnelWizard*>())
            if (candidate->isVisible())
                edit = candidate;
        QVERIFY(edit);
        QCOMPARE(edit->currentId(), int(TunnelWizard::SitesId));
        QCOMPARE(edit->profile(), made);
        edit->reject();
    }

    void deployAndMonitorNeedATunnel()
    {
        MainWindow w;
        QAction* monitor = w.action(QStringLiteral("actionMonitor"));
        QVERIFY(monitor);
        QVERIFY(!monitor->isEnabled()); // nothing open yet
        QAction* deploy = w.action(QStringLiteral("actionDeploy"));
        QVERIFY(deploy);
        QVERIFY(!deploy->isEnabled()); // nothing open yet
        QVERIFY(w.openProfile(QStringLiteral(IPSECWIZ_EXAMPLE_PROFILE)));
        QVERIFY(deploy->isEnabled());
        QVERIFY(deploy->toolTip().contains(QStringLiteral("rolls back by itself")));
        QVERIFY(monitor->isEnabled());
        w.setProfile([] {
            TunnelProfile p = test::seedProfile();
            p.networkB = p.networkA;
            return p;
        }());
        QVERIFY(!deploy->isEnabled()); // a tunnel with errors cannot be pushed
        QVERIFY(monitor->isEnabled()); // but its gateways can still be watched
        MainWindow fresh;
        QVERIFY(fresh.action(QStringLiteral("actionNewTunnel"))->isEnabled());
        QVERIFY(fresh.action(QStringLiteral("actionOpenProfile"))->isEnabled());
        QVERIFY(!fresh.action(QStringLiteral("actionExportBundle"))->isEnabled()); // nothing open yet
    }

    // File ▸ Export Ansible project…: the open network's project, as `ipsec-wizard ansible` writes
    // it; a pair's with the key its files were made with, in psk.yml (0600) only.
    void exportsAnAnsibleProject()
    {
        MainWindow w;
        QAction* ansible = w.action(QStringLiteral("actionExportAnsible"));
        QVERIFY(ansible);
        QVERIFY(!ansible->isEnabled()); // nothing open yet
        QVERIFY(w.openProfile(QStringLiteral(IPSECWIZ_SOURCE_DIR "/resources/examples/hub-and-spoke.json")));
        QVERIFY(ansible->isEnabled());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(w.exportAnsibleTo(dir.path()).ok());
        for (const char* site : {"hq", "branch1", "branch2", "branch3"})
            QVERIFY2(QFile::exists(dir.filePath(QStringLiteral("host_vars/%1.yml").arg(QLatin1String(site)))), site);
        QFile psk(dir.filePath(QStringLiteral("group_vars/all/psk.yml")));
        QCOMPARE(psk.permissions() & 0x0FFF, QFile::ReadUser | QFile::WriteUser);
        QVERIFY(psk.open(QIODevice::ReadOnly));
        QCOMPARE(psk.readAll().count("\"0x"), 3); // a key for each tunnel, made for the export

        MainWindow pair;
        QVERIFY(pair.openProfile(QStringLiteral(IPSECWIZ_EXAMPLE_PROFILE)));
        QTemporaryDir pairDir;
        QVERIFY(pair.exportAnsibleTo(pairDir.path()).ok());
        QFile pairPsk(pairDir.filePath(QStringLiteral("group_vars/all/psk.yml")));
        QVERIFY(pairPsk.open(QIODevice::ReadOnly));
        const QByteArray keys = pairPsk.readAll();
        const QList<GatewayConfig> shown = pair.findChild<GeneratedFilesView*>()->configs();
        QVERIFY(!shown.isEmpty());
        bool sameKey = false;
        for (const GeneratedFile& f : shown.first().files)
            if (f.secret)
                for (const QByteArray& line : f.content.split('\n'))
                    if (line.contains("0x"))
                        sameKey = sameKey || keys.contains(line.mid(line.indexOf("0x"), 66));
        QVERIFY2(sameKey, "the project's key is the one the shown files hold");
    }

    // The About box, the package's copyright file and LICENSE at the root name the same licence.
    void aboutNamesTheLicence()
    {
        MainWindow w;
        QString text;
        auto* timer = new QTimer(&w);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, &w, [&] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                timer->stop();
                text = box->text();
                box->accept();
            }
        });
        timer->start();
        w.action(QStringLiteral("actionAbout"))->trigger();
        QVERIFY(text.contains(QStringLiteral("GNU General Public License, version 3 or (at your option) any later version")));
        QFile licence(QStringLiteral(IPSECWIZ_SOURCE_DIR "/LICENSE"));
        QVERIFY(licence.open(QIODevice::ReadOnly));
        QVERIFY(licence.readLine().contains("GNU GENERAL PUBLIC LICENSE"));
        QVERIFY(licence.readLine().contains("Version 3, 29 June 2007"));
        QFile copyright(QStringLiteral(IPSECWIZ_SOURCE_DIR "/packaging/copyright"));
        QVERIFY(copyright.open(QIODevice::ReadOnly));
        QVERIFY(copyright.readAll().contains("License: GPL-3+"));
    }

    void monitorOpensAWindowThatReportsAnUnreachableGateway()
    {
        MainWindow w;
        TunnelProfile p = test::seedProfile();
        // Nothing listens there: both pollers fail at once and retry; nothing leaves the machine.
        p.gatewayA.ssh.host = p.gatewayB.ssh.host = QStringLiteral("127.0.0.1");
        p.gatewayA.ssh.port = p.gatewayB.ssh.port = 9;
        w.setProfile(p);
        w.action(QStringLiteral("actionMonitor"))->trigger();
        MonitorWindow* monitor = w.findChild<MonitorWindow*>();
        QVERIFY(monitor);
        QVERIFY(monitor->isVisible());
        QVERIFY(monitor->windowTitle().contains(p.name));
        QTRY_VERIFY_WITH_TIMEOUT(monitor->view()->pane(Side::B)->statusText().contains(QStringLiteral("retrying in 1 s")), 10000);
        QVERIFY(monitor->view()->eventTexts().join(QLatin1Char('\n')).contains(QStringLiteral("B: No connection")));
        // Asking again raises the same window.
        QCOMPARE(w.openMonitor(), monitor);
        QPointer<MonitorWindow> gone(monitor);
        monitor->close();
        QTRY_VERIFY(gone.isNull());
        // The pollers' threads end on their own once the window is gone.
        QTest::qWait(300);
    }

    // Check for drift… reads every managed gateway (the example network's four, all pointed where
    // nothing listens): each is reported as not reached with the reason, the others still read,
    // and the dialog says how many could not be reached. No key is shown.
    void checkReportsEveryGateway()
    {
        MainWindow w;
        QAction* check = w.action(QStringLiteral("actionCheck"));
        QVERIFY(check);
        QVERIFY(!check->isEnabled());
        auto n = NetworkJson::load(QStringLiteral(IPSECWIZ_SOURCE_DIR "/resources/examples/hub-and-spoke.json"));
        QVERIFY(n.ok());
        NetworkProfile network = test::withKeys(n.value());
        for (Site& s : network.sites) {
            s.gateway.ssh.host = QStringLiteral("127.0.0.1");
            s.gateway.ssh.port = 9;
        }
        w.setNetwork(network);
        QVERIFY(check->isEnabled());
        CheckDialog* dialog = w.openCheck();
        QVERIFY(dialog);
        QSignalSpy done(dialog, &CheckDialog::finished);
        QVERIFY(done.wait(20000));
        QCOMPARE(dialog->results().size(), 4); // every site of the example is managed
        QCOMPARE(Generate::managedSites(network).size(), 4);
        for (const GatewayCheck& r : dialog->results())
            QVERIFY2(!r.reached && !r.reason.isEmpty(), qPrintable(r.label));
        const QString text = dialog->reportText();
        QVERIFY2(text.contains(QStringLiteral("4 of 4 gateways could not be reached")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("hq: cannot be reached")), qPrintable(text));
        for (const Tunnel& t : network.tunnels)
            QVERIFY(!text.contains(QString::fromUtf8(*t.psk)));
        dialog->close();
    }

    void darkAndLightThemes()
    {
        MainWindow w;
        Theme::init();
        w.action(QStringLiteral("actionThemeDark"))->trigger();
        QVERIFY(Theme::isDark(QApplication::palette()));
        QCOMPARE(QSettings().value(QStringLiteral("theme")).toString(), QStringLiteral("dark"));
        w.action(QStringLiteral("actionThemeLight"))->trigger();
        QVERIFY(!Theme::isDark(QApplication::palette()));
        w.action(QStringLiteral("actionThemeSystem"))->trigger();
        QCOMPARE(Theme::current(), Theme::Mode::System);
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
