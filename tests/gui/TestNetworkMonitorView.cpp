// The monitor of a network on screen: every tunnel a row in its state (with the drawing's link
// in the same colour), rates from the counters, a gateway that stops answering shown "unknown"
// with the reason while the others go on, the events of all gateways in one list, filter and
// sort, a double-click for the tunnel's two-sided view; and the main window opens it for a
// network. The polls are fed in as the pollers deliver them; lab_monitor_network polls the
// lab's real gateways with the same model (NetworkMonitor).

#include "DiagnoseDialog.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "MonitorView.h"
#include "MonitorWindow.h"
#include "NetworkMonitorView.h"
#include "NetworkMonitorWindow.h"
#include "Parallel.h"
#include "TopologyView.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QGraphicsLineItem>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {


// One round of the example network: hq-branch1 and hq-branch2 up, hq-branch3 half-up (branch3
// lost its SAs); hq has sent HQBYTES on hq-branch1.
void round(NetworkMonitorView& v, quint64 hqBytes, qint64 nowMs)
{
    v.applyReading(QStringLiteral("hq"), reachedGateway({swanctlIkeSa(QStringLiteral("hq-branch1"), QStringLiteral("203.0.113.1"), QStringLiteral("198.51.100.10"), 0x1001, 0x2001, hqBytes),
                                                  swanctlIkeSa(QStringLiteral("hq-branch2"), QStringLiteral("203.0.113.1"), QStringLiteral("192.0.2.50"), 0x1002, 0x2002, 10),
                                                  swanctlIkeSa(QStringLiteral("hq-branch3"), QStringLiteral("203.0.113.1"), QStringLiteral("198.51.100.20"), 0x1003, 0x2003, 10)}),
                   nowMs);
    v.applyReading(QStringLiteral("branch1"), reachedGateway({swanctlIkeSa(QStringLiteral("hq-branch1"), QStringLiteral("172.16.1.2"), QStringLiteral("203.0.113.1"), 0x2001, 0x1001, 5)}), nowMs);
    v.applyReading(QStringLiteral("branch2"), reachedGateway({swanctlIkeSa(QStringLiteral("hq-branch2"), QStringLiteral("192.0.2.50"), QStringLiteral("203.0.113.1"), 0x2002, 0x1002, 5)}), nowMs);
    v.applyReading(QStringLiteral("branch3"), reachedGateway({}), nowMs);
}

QString cell(const NetworkMonitorView& v, const QString& tunnel, int column)
{
    QStandardItemModel* m = v.tunnelModel();
    for (int row = 0; row < m->rowCount(); ++row)
        if (m->item(row, NetworkMonitorView::TunnelColumn)->text() == tunnel)
            return m->item(row, column)->text();
    return QStringLiteral("(no row)");
}

QColor lineColour(TopologyView* view, const QString& tunnel)
{
    for (QGraphicsItem* item : view->topologyScene()->items())
        if (auto* line = qgraphicsitem_cast<QGraphicsLineItem*>(item); line && item->data(0).toString() == QStringLiteral("tunnel:") + tunnel)
            return line->pen().color();
    return {};
}

// The threads this process runs now.
int threadsNow()
{
    return int(QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

// COUNT managed gateways, all at PORT on this machine, and no tunnels.
NetworkProfile gatewaysAt(int count, quint16 port)
{
    NetworkProfile n = exampleNetwork();
    const Site hq = n.sites.first();
    n.sites.clear();
    n.tunnels.clear();
    for (int i = 1; i <= count; ++i) {
        Site s = hq;
        s.name = QStringLiteral("gw%1").arg(i, 2, 10, QLatin1Char('0'));
        s.networks = {QStringLiteral("10.%1.0.0/16").arg(i)};
        s.gateway.localAddress = QStringLiteral("203.0.113.%1").arg(i);
        s.gateway.identity.value = s.name + QStringLiteral(".example.net");
        s.gateway.ssh.host = QStringLiteral("127.0.0.1");
        s.gateway.ssh.port = port;
        n.sites << s;
    }
    return n;
}

} // namespace

class TestNetworkMonitorView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        isolateSettings(m_settings.path());
    }

    void everyTunnelInItsState()
    {
        NetworkMonitorView v;
        v.resize(1200, 700);
        v.setNetwork(exampleNetwork(), QDir::tempPath());
        QCOMPARE(v.tunnelModel()->rowCount(), 3);
        QCOMPARE(v.gatewayModel()->rowCount(), 4);
        QCOMPARE(v.stateOf(QStringLiteral("hq-branch1")), TunnelState::Unknown); // nothing polled yet

        round(v, 1000, 10'000);
        QCOMPARE(v.stateOf(QStringLiteral("hq-branch1")), TunnelState::Up);
        QCOMPARE(v.stateOf(QStringLiteral("hq-branch2")), TunnelState::Up);
        QCOMPARE(v.stateOf(QStringLiteral("hq-branch3")), TunnelState::Partial);
        QCOMPARE(v.summaryText(), QStringLiteral("2 up · 1 half-up · 0 down · 0 unknown"));
        QCOMPARE(cell(v, QStringLiteral("hq-branch3"), NetworkMonitorView::StateColumn), QStringLiteral("half-up"));
        QVERIFY(cell(v, QStringLiteral("hq-branch3"), NetworkMonitorView::DetailColumn).startsWith(QStringLiteral("half-up: gateway A has")));
        // The drawing: each link in its state's colour.
        const bool dark = v.topologyView()->topologyScene()->colours().dark;
        QCOMPARE(lineColour(v.topologyView(), QStringLiteral("hq-branch1")), TopologyScene::stateColour(TunnelState::Up, dark));
        QCOMPARE(lineColour(v.topologyView(), QStringLiteral("hq-branch3")), TopologyScene::stateColour(TunnelState::Partial, dark));

        // A second round a second later: hq sent 2,000 bytes more on hq-branch1.
        round(v, 3000, 11'000);
        QCOMPARE(cell(v, QStringLiteral("hq-branch1"), NetworkMonitorView::RateAToBColumn), formatRate(2000));

        // branch2 stops answering: it and its tunnel are unknown, with the reason; the others stay.
        GatewayReading gone;
        gone.reason = QStringLiteral("root@10.99.3.2:22: Cannot connect: Connection refused");
        v.applyReading(QStringLiteral("branch2"), gone, 12'000);
        QCOMPARE(v.stateOf(QStringLiteral("hq-branch2")), TunnelState::Unknown);
        QCOMPARE(cell(v, QStringLiteral("hq-branch2"), NetworkMonitorView::DetailColumn), QStringLiteral("branch2: ") + gone.reason);
        QCOMPARE(lineColour(v.topologyView(), QStringLiteral("hq-branch2")), TopologyScene::stateColour(TunnelState::Unknown, dark));
        QCOMPARE(v.stateOf(QStringLiteral("hq-branch1")), TunnelState::Up);
        QCOMPARE(v.gatewayModel()->item(2, 0)->text(), QStringLiteral("branch2"));
        QCOMPARE(v.gatewayModel()->item(2, 1)->text(), QStringLiteral("no: ") + gone.reason);
        const QStringList events = v.eventTexts();
        QVERIFY2(events.filter(QStringLiteral("branch2: no answer: ") + gone.reason).size() == 1, qPrintable(events.join(QLatin1Char('\n'))));
        QVERIFY2(events.filter(QStringLiteral("hq-branch2: up → unknown (branch2: ")).size() == 1, qPrintable(events.join(QLatin1Char('\n'))));
        // The same failure again is not a new event; the answer coming back is.
        v.applyReading(QStringLiteral("branch2"), gone, 13'000);
        QCOMPARE(v.eventTexts().size(), events.size());
        round(v, 4000, 14'000);
        QVERIFY(v.eventTexts().filter(QStringLiteral("branch2: answers again")).size() == 1);
        QCOMPARE(v.stateOf(QStringLiteral("hq-branch2")), TunnelState::Up);
    }

    void filterSortAndOpen()
    {
        NetworkMonitorView v;
        v.setNetwork(exampleNetwork(), QDir::tempPath());
        round(v, 1000, 10'000);
        v.setStateFilter(NetworkMonitorView::NotUp);
        QCOMPARE(v.tunnelProxy()->rowCount(), 1);
        QCOMPARE(v.tunnelProxy()->index(0, NetworkMonitorView::TunnelColumn).data().toString(), QStringLiteral("hq-branch3"));
        v.setStateFilter(NetworkMonitorView::AllStates);
        v.setTextFilter(QStringLiteral("BRANCH2"));
        QCOMPARE(v.tunnelProxy()->rowCount(), 1);
        v.setTextFilter({});
        QCOMPARE(v.tunnelProxy()->rowCount(), 3);
        // Sorted by state, what needs looking at comes first.
        v.tunnelTable()->sortByColumn(NetworkMonitorView::StateColumn, Qt::AscendingOrder);
        QCOMPARE(v.tunnelProxy()->index(0, NetworkMonitorView::TunnelColumn).data().toString(), QStringLiteral("hq-branch3"));
        v.tunnelTable()->sortByColumn(NetworkMonitorView::TunnelColumn, Qt::DescendingOrder);
        QCOMPARE(v.tunnelProxy()->index(0, NetworkMonitorView::TunnelColumn).data().toString(), QStringLiteral("hq-branch3"));
        QCOMPARE(v.tunnelProxy()->index(2, NetworkMonitorView::TunnelColumn).data().toString(), QStringLiteral("hq-branch1"));
        // Diagnose… needs a selected tunnel, and asks for that one.
        QVERIFY(!v.diagnoseButton()->isEnabled());
        v.tunnelTable()->selectRow(1);
        QVERIFY(v.diagnoseButton()->isEnabled());
        QSignalSpy diagnose(&v, &NetworkMonitorView::diagnoseRequested);
        v.diagnoseButton()->click();
        QCOMPARE(diagnose.size(), 1);
        QCOMPARE(diagnose.first().first().toString(), QStringLiteral("hq-branch2"));
        // Check for drift… reuses check on every managed gateway, selection or not.
        QSignalSpy check(&v, &NetworkMonitorView::checkRequested);
        QVERIFY(v.checkButton()->isEnabled());
        v.checkButton()->click();
        QCOMPARE(check.size(), 1);
        // A double-click (activation) asks for that tunnel's two-sided view.
        QSignalSpy opened(&v, &NetworkMonitorView::tunnelActivated);
        Q_EMIT v.tunnelTable()->activated(v.tunnelProxy()->index(1, 0));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().toString(), QStringLiteral("hq-branch2"));
    }

    void theMainWindowOpensItForANetwork()
    {
        MainWindow w;
        QVERIFY(w.openProfile(QStringLiteral(IPSECWIZ_SOURCE_DIR "/resources/examples/hub-and-spoke.json")));
        QAction* monitor = w.action(QStringLiteral("actionMonitor"));
        QVERIFY(monitor->isEnabled());
        monitor->trigger();
        auto* window = w.findChild<NetworkMonitorWindow*>();
        QVERIFY(window);
        QVERIFY(window->view()->isRunning()); // a poller per managed gateway
        QCOMPARE(window->view()->tunnelModel()->rowCount(), 3);
        QCOMPARE(w.openNetworkMonitor(), window); // asked again: the same window
        // The two-sided view of one tunnel: its two sites as gateways A and B.
        MonitorWindow* pair = window->openTunnel(QStringLiteral("hq-branch3"));
        QVERIFY(pair);
        QCOMPARE(pair->view()->profile().name, QStringLiteral("hq-branch3"));
        QCOMPARE(window->openTunnel(QStringLiteral("hq-branch3")), pair);
        pair->close();
        // Diagnose from the monitor: the dialog for that tunnel (its gateways cannot be reached here).
        DiagnoseDialog* dialog = window->diagnose(QStringLiteral("hq-branch1"));
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitFor([&] { return !dialog->isBusy(); }, 60000));
        QVERIFY2(dialog->reportText().contains(QStringLiteral("cannot be reached")), qPrintable(dialog->reportText()));
        dialog->close();
        window->close();
    }

    void manyGatewaysPollOnABoundedPool_data()
    {
        QTest::addColumn<int>("gateways");
        QTest::newRow("12-gateways") << 12;
        QTest::newRow("50-gateways") << 50;
    }

    // Every gateway hangs in connect (a port that accepts and never says a word) until its connect
    // timeout: the monitor never runs more than MonitorPoolThreads threads for them, reports every
    // one unknown with the reason, and closing its window neither waits for them nor leaves a
    // thread behind.
    void manyGatewaysPollOnABoundedPool()
    {
        QFETCH(int, gateways);
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        connect(&silent, &QTcpServer::newConnection, &silent, [&silent] {
            while (QTcpSocket* s = silent.nextPendingConnection())
                s->setParent(&silent);
        });
        QTemporaryDir profileDir;
        auto* window = new NetworkMonitorWindow(gatewaysAt(gateways, silent.serverPort()), profileDir.path());
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTest::qWait(100); // whatever threads Qt starts for a window, before counting ours
        const int before = threadsNow();
        int most = before;
        QTimer sample;
        connect(&sample, &QTimer::timeout, &sample, [&] { most = std::max(most, threadsNow()); });
        sample.start(5);

        NetworkMonitorView* view = window->view();
        view->setConnectTimeoutSec(1);
        window->start();
        const int bound = std::min(gateways, int(MonitorPoolThreads));
        QVERIFY(view->pool());
        QCOMPARE(view->pool()->maxThreads(), bound);
        QCOMPARE(view->gatewayModel()->rowCount(), gateways);
        // The first polls all hang: the pool is full, and the rest wait.
        QTRY_COMPARE_WITH_TIMEOUT(view->pool()->threadCount(), bound, 2000);
        const auto unanswered = [&] {
            QStringList out;
            for (int row = 0; row < view->gatewayModel()->rowCount(); ++row)
                if (const QString answers = view->gatewayModel()->item(row, 1)->text();
                    !answers.startsWith(QStringLiteral("no: ")) || !answers.contains(QStringLiteral("127.0.0.1")))
                    out << view->gatewayModel()->item(row, 0)->text() + QStringLiteral(": ") + view->gatewayModel()->item(row, 1)->text();
            return out;
        };
        // Rounds of `bound` connects that each time out after a second, and some slack.
        QTRY_VERIFY2_WITH_TIMEOUT(unanswered().isEmpty(), qPrintable(unanswered().join(QLatin1Char('\n'))), (gateways / bound + 6) * 1000);
        QCOMPARE(view->eventTexts().filter(QStringLiteral(": no answer: ")).size(), gateways);
        QVERIFY2(view->pool()->peakThreadCount() <= bound, qPrintable(QString::number(view->pool()->peakThreadCount())));
        QVERIFY2(most - before <= bound, qPrintable(QStringLiteral("%1 threads before, %2 at most").arg(before).arg(most)));

        // Close while retries hang in connect: that takes no time, and every pool thread ends
        // once its connect has timed out.
        QTRY_VERIFY_WITH_TIMEOUT(view->pool()->threadCount() > 0, 5000);
        QPointer<NetworkMonitorWindow> guard(window);
        QElapsedTimer closing;
        closing.start();
        window->close();
        QVERIFY2(closing.elapsed() < 500, qPrintable(QString::number(closing.elapsed())));
        QTRY_VERIFY(!guard); // deleted on close, with its pollers
        QTRY_VERIFY_WITH_TIMEOUT(threadsNow() <= before, 4000);
        qInfo("%d gateways: %d threads before, %d at most, %d after closing", gateways, before, most, threadsNow());
        QVERIFY2(most - before <= bound, qPrintable(QStringLiteral("%1 threads before, %2 at most").arg(before).arg(most)));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestNetworkMonitorView)
#include "TestNetworkMonitorView.moc"
