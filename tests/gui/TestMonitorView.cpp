// The monitor window's view, fed with real polls recorded from the lab's two gateways
// (tests/fixtures/monitor/lab-*): both gateways side by side and correlated, the drawing coloured
// by the tunnel's state with the traffic rate, changed raw lines highlighted, events for rekeys
// and a half-up tunnel, selection and sorting that survive a poll, keys masked until revealed,
// exports, a lost connection, a flooding gateway, pause.

#include "GatewayMonitorPane.h"
#include "GuiTestSupport.h"
#include "MonitorPage.h"
#include "MonitorView.h"
#include "MonitorWindow.h"
#include "RawOutputView.h"
#include "SaTableModel.h"
#include "SpTableModel.h"
#include "TestConfig.h"
#include "TopologyView.h"
#include "TunnelWizard.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>

using namespace ipsecwiz;

namespace {

QByteArray fixture(const QString& name)
{
    const QByteArray text = test::readFile(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/monitor/") + name);
    if (text.isEmpty())
        qFatal("missing fixture %s", qPrintable(name));
    return text;
}

MonitorUpdate update(const QByteArray& states, MonitorSource source = MonitorSource::Swanctl, const QByteArray& policies = {})
{
    PollResult poll;
    poll.source = source;
    poll.states = states;
    poll.policies = policies;
    poll.roundTripMs = 7;
    return MonitorUpdate { poll, snapshotOf(poll) };
}

// The lab's addresses, as in the recorded polls.
TunnelProfile labProfile()
{
    TunnelProfile p = test::seedProfile();
    p.name = QStringLiteral("lab");
    p.gatewayA.publicAddress = QStringLiteral("198.51.100.1");
    p.gatewayB.publicAddress = QStringLiteral("198.51.100.2");
    return p;
}

// The counters of the lab's CHILD SA after more traffic: A sent (out) and B received (in) more.
QByteArray withCounters(QByteArray text, const QByteArray& direction, int bytes, int packets)
{
    const qsizetype at = text.indexOf("    " + direction + " ");
    const qsizetype end = text.indexOf('\n', at);
    QByteArray line = text.mid(at, end - at);
    const QByteArray spi = line.mid(8, 8);
    const QByteArray fresh = QByteArray("    ") + direction.leftJustified(3, ' ') + " " + spi + ", "
        + QByteArray::number(bytes).rightJustified(6, ' ') + " bytes, " + QByteArray::number(packets).rightJustified(5, ' ')
        + " packets,     0s ago";
    return text.replace(at, end - at, fresh);
}

const QByteArray CharonGone = "connecting to 'unix:///var/run/charon.vici' failed: Connection refused\n"
                              "Error: connecting to 'default' URI failed: Connection refused\n";

} // namespace

class TestMonitorView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        test::isolateSettings(m_settings.path());
    }

    void bothGatewaysSideBySideAndCorrelated()
    {
        MonitorView view;
        view.setProfile(labProfile(), QDir::tempPath());
        view.resize(1200, 800);
        view.show();
        view.applyUpdate(Side::A, update(fixture(QStringLiteral("lab-gateway-a-swanctl-list-sas.txt"))), 1000);
        QCOMPARE(view.topologyView()->topologyScene()->tunnelState(), TunnelState::Unknown); // B not polled yet
        view.applyUpdate(Side::B, update(fixture(QStringLiteral("lab-gateway-b-swanctl-list-sas.txt"))), 1000);

        QVERIFY(view.correlation());
        QCOMPARE(view.correlation()->state, TunnelState::Up);
        QCOMPARE(view.correlation()->pairs.size(), 2);
        QCOMPARE(view.topologyView()->topologyScene()->tunnelState(), TunnelState::Up);
        QCOMPARE(view.findingsText(), QStringLiteral("Every SA has its twin on the other gateway."));
        for (Side side : { Side::A, Side::B }) {
            GatewayMonitorPane* pane = view.pane(side);
            QCOMPARE(pane->saModel()->rowCount(), 2); // the CHILD SA's in and out SA
            QVERIFY(pane->statusText().contains(QStringLiteral("swanctl --list-sas, round trip 7 ms")));
            QCOMPARE(pane->tabs()->tabText(0), QStringLiteral("SAs (2)"));
        }
        QCOMPARE(view.pane(Side::A)->saModel()->index(0, SaTableModel::Spi).data().toString(), QStringLiteral("0x900d2c5c"));
        const QStringList events = view.eventTexts();
        QVERIFY2(events.contains(QStringLiteral("A: First poll: 2 SAs")), qPrintable(events.join(QLatin1Char('\n'))));
        QVERIFY2(events.last().startsWith(QStringLiteral("tunnel: Tunnel up")), qPrintable(events.join(QLatin1Char('\n'))));

        // A second round with more traffic A→B: the rate is drawn on the tunnel, the raw output
        // highlights exactly the lines that changed.
        const QByteArray a2 = withCounters(fixture(QStringLiteral("lab-gateway-a-swanctl-list-sas.txt")), "out", 1344, 16);
        const QByteArray b2 = withCounters(fixture(QStringLiteral("lab-gateway-b-swanctl-list-sas.txt")), "in", 1344, 16);
        view.applyUpdate(Side::A, update(a2), 3000);
        view.applyUpdate(Side::B, update(b2), 3000);
        QCOMPARE(view.correlation()->state, TunnelState::Up);
        QCOMPARE(*view.correlation()->bytesAToB, quint64(1344));
        QCOMPARE(view.topologyView()->topologyScene()->rate(), QStringLiteral("A→B 336 B/s · B→A 0 B/s"));
        const int outLine = int(a2.left(a2.indexOf("    out ")).count('\n'));
        QCOMPARE(view.pane(Side::A)->rawView()->changedLines(), QList<int> { outLine });
        QVERIFY(view.pane(Side::A)->rawView()->toPlainText().contains(QStringLiteral("1344 bytes")));
        QCOMPARE(view.pane(Side::A)->saModel()->index(0, SaTableModel::Rate).data().toString(), QStringLiteral("336 B/s"));
    }

    void rekeyAndHalfUpBecomeEvents()
    {
        MonitorView view;
        view.setProfile(labProfile(), QDir::tempPath());
        view.applyUpdate(Side::A, update(fixture(QStringLiteral("lab-gateway-a-swanctl-list-sas.txt"))), 1000);
        view.applyUpdate(Side::B, update(fixture(QStringLiteral("lab-gateway-b-swanctl-list-sas.txt"))), 1000);
        QCOMPARE(view.correlation()->state, TunnelState::Up);

        view.applyUpdate(Side::A, update(fixture(QStringLiteral("lab-gateway-a-swanctl-after-child-rekey.txt"))), 2000);
        const QString events = view.eventTexts().join(QLatin1Char('\n'));
        QVERIFY2(events.contains(QStringLiteral("A: SA rekeyed: esp 198.51.100.1 → 198.51.100.2, new SPI")), qPrintable(events));

        // Gateway B's charon crashed: A still holds its SAs, B lists none.
        view.applyUpdate(Side::A, update(fixture(QStringLiteral("lab-gateway-a-swanctl-peer-killed.txt"))), 3000);
        view.applyUpdate(Side::B, update(CharonGone), 3000);
        QCOMPARE(view.correlation()->state, TunnelState::Partial);
        QCOMPARE(view.topologyView()->topologyScene()->tunnelState(), TunnelState::Partial);
        QVERIFY2(view.findingsText().contains(QStringLiteral("half-up")), qPrintable(view.findingsText()));
        QVERIFY2(view.eventTexts().last().startsWith(QStringLiteral("tunnel: Tunnel half-up")),
            qPrintable(view.eventTexts().join(QLatin1Char('\n'))));
        QVERIFY(view.pane(Side::B)->tabs()->tabText(3) != QStringLiteral("Notes (0)")); // swanctl's complaint is shown

        // Both without SAs: down.
        view.applyUpdate(Side::A, update(CharonGone), 4000);
        view.applyUpdate(Side::B, update(CharonGone), 4000);
        QCOMPARE(view.correlation()->state, TunnelState::Down);
        QCOMPARE(view.topologyView()->topologyScene()->tunnelState(), TunnelState::Down);
        QVERIFY(view.eventTexts().last().startsWith(QStringLiteral("tunnel: Tunnel down")));
    }

    void selectionAndSortingSurviveAPoll()
    {
        MonitorView view;
        view.setProfile(labProfile(), QDir::tempPath());
        view.show();
        const QByteArray a1 = fixture(QStringLiteral("lab-gateway-a-swanctl-list-sas.txt"));
        view.applyUpdate(Side::A, update(a1), 1000);
        QTableView* table = view.pane(Side::A)->saView();
        table->sortByColumn(SaTableModel::Spi, Qt::AscendingOrder);
        QCOMPARE(table->model()->index(0, SaTableModel::Spi).data().toString(), QStringLiteral("0x1e729b8f"));
        table->selectRow(1);
        QCOMPARE(table->selectionModel()->selectedRows().first().data().toString(), QStringLiteral("198.51.100.1")); // the out SA

        QSignalSpy reset(table->model(), &QAbstractItemModel::modelReset);
        view.applyUpdate(Side::A, update(withCounters(a1, "out", 99999, 100)), 2000);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(table->model()->index(0, SaTableModel::Spi).data().toString(), QStringLiteral("0x1e729b8f"));
        const QModelIndexList selected = table->selectionModel()->selectedRows(SaTableModel::Bytes);
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data().toString(), QStringLiteral("99999"));

        // The filter narrows the table by any column.
        test::typeInto(view.pane(Side::A)->saFilter(), QStringLiteral("1e729b8f"));
        QCOMPARE(table->model()->rowCount(), 1);
    }

    void keysMaskedUntilRevealed()
    {
        MonitorView view;
        view.setProfile(labProfile(), QDir::tempPath());
        view.applyUpdate(Side::A,
            update(fixture(QStringLiteral("setkey-D-linux-transport-blowfish.txt")), MonitorSource::Setkey,
                fixture(QStringLiteral("setkey-DP-linux-fwd-prio-per-socket.txt"))),
            1000);
        SaTableModel* model = view.pane(Side::A)->saModel();
        QVERIFY(model->rowCount() > 0);
        QVERIFY(view.pane(Side::A)->spModel()->rowCount() > 0);
        const QString hex = QString::fromLatin1(model->sa(0).encKey.hex);
        QVERIFY(!hex.isEmpty());
        QVERIFY(!model->index(0, SaTableModel::EncKey).data().toString().contains(hex));
        QVERIFY(!view.pane(Side::A)->rawView()->toPlainText().contains(hex.left(8)));
        auto* reveal = view.findChild<QCheckBox*>();
        QVERIFY(reveal);
        reveal->click();
        QCOMPARE(model->index(0, SaTableModel::EncKey).data().toString(), hex);
        // setkey prints keys in groups of eight digits: the raw output shows them only now.
        const QString group = hex.left(8);
        QVERIFY(view.pane(Side::A)->rawView()->toPlainText().contains(group));
        reveal->click();
        QVERIFY(!model->index(0, SaTableModel::EncKey).data().toString().contains(hex));
        QVERIFY(!view.pane(Side::A)->rawView()->toPlainText().contains(group));
        // The text snapshot never carries keys.
        QVERIFY(!view.snapshotText().contains(hex));
    }

    void exportsTextAndCsv()
    {
        MonitorView view;
        view.setProfile(labProfile(), QDir::tempPath());
        view.applyUpdate(Side::A, update(fixture(QStringLiteral("lab-gateway-a-swanctl-list-sas.txt"))), 1000);
        view.applyUpdate(Side::B, update(fixture(QStringLiteral("lab-gateway-b-swanctl-list-sas.txt"))), 1000);
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("snap.csv"));
        QVERIFY(view.exportTo(csv));
        const QString csvText = QString::fromUtf8(test::readFile(csv));
        QVERIFY(csvText.startsWith(QStringLiteral("gateway,kind,src,dst,proto,spi")));
        QCOMPARE(csvText.count(QStringLiteral("\r\nA,sa,")), 2);
        QCOMPARE(csvText.count(QStringLiteral("\r\nB,sa,")), 2);
        QCOMPARE(QFileInfo(csv).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        const QString txt = dir.filePath(QStringLiteral("snap.txt"));
        QVERIFY(view.exportTo(txt));
        const QString text = QString::fromUtf8(test::readFile(txt));
        QVERIFY2(text.contains(QStringLiteral("== tunnel: up, 2 SA pairs")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("CHILD lab INSTALLED TUNNEL-in-UDP in 1e729b8f")));
        QVERIFY(!view.exportTo(dir.filePath(QStringLiteral("no/such/folder/x.txt"))));
    }

    void lostConnectionIsShownAndTheStateUnknown()
    {
        MonitorView view;
        view.setProfile(labProfile(), QDir::tempPath());
        view.applyUpdate(Side::A, update(fixture(QStringLiteral("lab-gateway-a-swanctl-list-sas.txt"))), 1000);
        view.applyUpdate(Side::B, update(fixture(QStringLiteral("lab-gateway-b-swanctl-list-sas.txt"))), 1000);
        view.applyFailure(Side::B, QStringLiteral("root@198.51.100.2:22: Connection refused"), 2000);
        QVERIFY2(view.pane(Side::B)->statusText().contains(QStringLiteral("Connection refused — retrying in 2 s")),
            qPrintable(view.pane(Side::B)->statusText()));
        QCOMPARE(view.topologyView()->topologyScene()->tunnelState(), TunnelState::Unknown);
        QCOMPARE(view.topologyView()->topologyScene()->rate(), QStringLiteral("no data from gateway B"));
        view.applyFailure(Side::B, QStringLiteral("root@198.51.100.2:22: Connection refused"), 4000);
        QCOMPARE(view.eventTexts().filter(QStringLiteral("No connection")).size(), 1); // reported once, not per retry
        // The next round brings it back.
        view.applyUpdate(Side::A, update(fixture(QStringLiteral("lab-gateway-a-swanctl-list-sas.txt"))), 6000);
        view.applyUpdate(Side::B, update(fixture(QStringLiteral("lab-gateway-b-swanctl-list-sas.txt"))), 6000);
        QCOMPARE(view.topologyView()->topologyScene()->tunnelState(), TunnelState::Up);
    }

    // Security review, finding 4: the GUI monitor validates too. The profile's user would run a
    // command through a ProxyCommand; nothing connects, and the message names the field.
    void aProfileWithErrorsConnectsNowhere()
    {
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("PWNED"));
        TunnelProfile p = labProfile();
        p.gatewayA.ssh.user = QStringLiteral("x$(touch %1)").arg(marker);
        MonitorView view;
        view.setProfile(p, dir.path());
        view.start(MonitorSource::Auto);
        QVERIFY(!view.isRunning());
        for (Side side : {Side::A, Side::B})
            QVERIFY2(view.pane(side)->statusText().contains(QStringLiteral("gatewayA.ssh.user")), qPrintable(view.pane(side)->statusText()));
        QVERIFY(!view.eventTexts().filter(QStringLiteral("gatewayA.ssh.user")).isEmpty());
        QTest::qWait(300);
        QVERIFY(!QFile::exists(marker));
    }

    void aFloodingGatewayIsCutWithANote()
    {
        MonitorView view;
        view.setProfile(labProfile(), QDir::tempPath());
        PollResult poll;
        poll.source = MonitorSource::Setkey;
        QByteArray line("garbage \x01\x02\xff\xfe binary line that is not setkey output\n");
        poll.states = line.repeated(int(MonitorSession::MaxOutputBytes / line.size()));
        poll.truncated = true;
        view.applyUpdate(Side::A, MonitorUpdate { poll, snapshotOf(poll) }, 1000);
        RawOutputView* raw = view.pane(Side::A)->rawView();
        QVERIFY(raw->isCut());
        const QString shown = raw->toPlainText();
        QVERIFY(shown.size() <= RawOutputView::MaxShownBytes + 200);
        QVERIFY2(shown.endsWith(QStringLiteral("; the gateway sent more than the monitor keeps]")), qPrintable(shown.right(200)));
        QVERIFY(!shown.contains(QChar(0x01)));
        QVERIFY(view.pane(Side::A)->statusText().contains(QStringLiteral("output truncated")));
    }

    void pauseAndResume()
    {
        MonitorView view;
        view.setProfile(labProfile(), QDir::tempPath());
        QPushButton* pause = nullptr;
        for (QPushButton* b : view.findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("&Pause"))
                pause = b;
        QVERIFY(pause);
        pause->click();
        QVERIFY(view.isPaused());
        QCOMPARE(pause->text(), QStringLiteral("&Resume"));
        QVERIFY(view.pane(Side::A)->statusText().startsWith(QStringLiteral("Paused")));
        pause->click();
        QVERIFY(!view.isPaused());
        QCOMPARE(pause->text(), QStringLiteral("&Pause"));
    }

    void theWizardEndsOnTheMonitor()
    {
        TunnelWizard wizard;
        auto* page = qobject_cast<MonitorPage*>(wizard.page(TunnelWizard::MonitorId));
        QVERIFY(page);
        QCOMPARE(page, wizard.monitorPage());
        QVERIFY(page->isFinalPage());
        QCOMPARE(wizard.page(TunnelWizard::DeployId)->nextId(), int(TunnelWizard::MonitorId));
        QCOMPARE(page->nextId(), -1);
        QVERIFY(!page->view()->isRunning()); // nothing polls before the page is shown
    }

    void windowRemembersItsGeometry()
    {
        {
            MonitorWindow w(labProfile(), QDir::tempPath());
            QCOMPARE(w.windowTitle(), QStringLiteral("Monitor — lab"));
            w.show();
            w.resize(901, 602);
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.close();
        }
        MonitorWindow again(labProfile(), QDir::tempPath());
        QCOMPARE(again.size(), QSize(901, 602));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestMonitorView)
#include "TestMonitorView.moc"
