// The Diagnose dialog shows a diagnosis as a list of causes, most likely first: each with its
// field, where to change it and the fix, its evidence folded under it by gateway; both logs side
// by side in one table, lined up on the packets they share, the selected cause's evidence marked
// in it; the report copied or saved as text; and "Push the profile again…" offered only where
// a push is the fix and the window that opened the dialog can push. The report is the logs'
// recorded causes (tests/fixtures/logs/charon), decoded as `diagnose --log` decodes them.

#include "DeployPanel.h"
#include "DiagnoseDialog.h"
#include "GuiTestSupport.h"
#include "TestConfig.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QLabel>
#include <QTreeWidget>

using namespace ipsecwiz;

namespace {

QByteArray recorded(const QString& name)
{
    QFile f(QStringLiteral(IPSECWIZ_SOURCE_DIR "/tests/fixtures/logs/charon/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

DiagnoseReport reportOf(const QString& scenario)
{
    const QByteArray a = recorded(scenario + QStringLiteral(".a.log"));
    const QByteArray b = recorded(scenario + QStringLiteral(".b.log"));
    DiagnoseReport r;
    r.attempted = true;
    r.findings = IkeDiagnose::diagnose(IkeLog::parse(a), IkeLog::parse(b), true, QStringLiteral("gateway A"), QStringLiteral("gateway B"));
    r.logA = QString::fromUtf8(a).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    r.logB = QString::fromUtf8(b).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return r;
}

NetworkProfile pair()
{
    NetworkProfile n;
    n.name = QStringLiteral("lab");
    for (const char* name : {"site-a", "site-b"}) {
        Site s;
        s.name = QLatin1String(name);
        n.sites << s;
    }
    Tunnel t;
    t.name = QStringLiteral("lab");
    t.siteA = QStringLiteral("site-a");
    t.siteB = QStringLiteral("site-b");
    n.tunnels << t;
    return n;
}

} // namespace

class TestDiagnoseDialog : public QObject
{
    Q_OBJECT

private slots:
    void causesAreAListWithEvidenceByGateway()
    {
        DiagnoseDialog dialog(pair(), 0, QDir::tempPath());
        dialog.show();
        dialog.setGatewayNames(QStringLiteral("gateway A"), QStringLiteral("gateway B"));
        dialog.showReport(reportOf(QStringLiteral("ts")));
        auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("diagnoseFindings"));
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem* first = tree->topLevelItem(0);
        QVERIFY2(first->text(0).startsWith(QStringLiteral("1. The networks differ: gateway B was asked")), qPrintable(first->text(0)));
        QCOMPARE(first->text(1), QStringLiteral("gateway B"));
        QVERIFY(first->isExpanded()); // the most likely cause is open
        QCOMPARE(first->child(0)->text(0), QStringLiteral("Field: networks"));
        QVERIFY(first->child(1)->text(0).startsWith(QStringLiteral("Fix: ")));
        // Evidence of each gateway in a group of its own, folded.
        QStringList groups;
        for (int i = 2; i < first->childCount(); ++i) {
            groups << first->child(i)->text(0);
            QVERIFY(!first->child(i)->isExpanded());
            QVERIFY(first->child(i)->childCount() > 0);
        }
        QCOMPARE(groups, (QStringList{QStringLiteral("Evidence from gateway B"), QStringLiteral("Evidence from gateway A")}));
        QVERIFY(first->child(3)->child(0)->text(0).contains(QStringLiteral("TS_UNACCEPTABLE")));
        // The selected cause in full below the list, the two gateways' evidence in two columns.
        auto* details = dialog.findChild<QTextBrowser*>(QStringLiteral("diagnoseDetails"));
        QVERIFY(details);
        QVERIFY2(details->toHtml().contains(QStringLiteral("<table")), qPrintable(details->toHtml()));
        const QString shown = details->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("gateway B was asked to carry 10.2.0.0/24")) && shown.contains(QStringLiteral("Where: gateway B")),
                 qPrintable(shown));
        // A's column (its notify), then B's (the selectors it refused).
        QVERIFY2(shown.indexOf(QStringLiteral("TS_UNACCEPTABLE")) >= 0 && shown.indexOf(QStringLiteral("TS_UNACCEPTABLE")) < shown.indexOf(QStringLiteral("selectors")),
                 qPrintable(shown));
    }

    void logsAreLinedUpOnTheirPackets()
    {
        DiagnoseDialog dialog(pair(), 0, QDir::tempPath());
        dialog.show();
        dialog.setGatewayNames(QStringLiteral("gateway A"), QStringLiteral("gateway B"));
        dialog.showReport(reportOf(QStringLiteral("ts")));
        auto* logs = dialog.findChild<QTreeWidget*>(QStringLiteral("diagnoseLogs"));
        QVERIFY(logs);
        QCOMPARE(logs->headerItem()->text(0), QStringLiteral("gateway A"));
        QCOMPARE(logs->headerItem()->text(2), QStringLiteral("gateway B"));
        // 21 lines each, four packets that both logs name, each on one row.
        QCOMPARE(logs->topLevelItemCount(), 21 + 21 - 4);
        const auto rowOf = [&](int column, const QString& text) {
            for (int i = 0; i < logs->topLevelItemCount(); ++i)
                if (logs->topLevelItem(i)->text(column).contains(text))
                    return logs->topLevelItem(i);
            return static_cast<QTreeWidgetItem*>(nullptr);
        };
        // A's IKE_AUTH request (its line 12) beside B's receipt of it (line 8), marked as one packet.
        QTreeWidgetItem* auth = rowOf(0, QStringLiteral("sending packet: from 198.51.100.1[4500] to 198.51.100.2[4500] (269 bytes)"));
        QVERIFY(auth);
        QVERIFY2(auth->text(2).contains(QStringLiteral("received packet: from 198.51.100.1[4500] to 198.51.100.2[4500] (269 bytes)")),
                 qPrintable(auth->text(2)));
        QCOMPARE(auth->text(1), QStringLiteral("→"));
        // Shown without the date, thread and IKE SA that all its lines share; in full as the tooltip.
        QCOMPARE(auth->text(0), QStringLiteral("20:34:22 [NET] sending packet: from 198.51.100.1[4500] to 198.51.100.2[4500] (269 bytes)"));
        QCOMPARE(auth->toolTip(0), dialog.report().logA.at(11));
        QCOMPARE(auth->toolTip(1), QStringLiteral("The same packet, sent by gateway A and received by gateway B."));
        QTreeWidgetItem* answer = rowOf(2, QStringLiteral("sending packet: from 198.51.100.2[4500] to 198.51.100.1[4500] (149 bytes)"));
        QVERIFY(answer && answer->text(0).contains(QStringLiteral("received packet")));
        QCOMPARE(answer->text(1), QStringLiteral("←"));
        // B refused the selectors between the two: below the request, above the answer.
        QTreeWidgetItem* refused = rowOf(2, QStringLiteral("unacceptable"));
        QVERIFY(refused && refused->text(0).isEmpty());
        QVERIFY(logs->indexOfTopLevelItem(auth) < logs->indexOfTopLevelItem(refused));
        QVERIFY(logs->indexOfTopLevelItem(refused) < logs->indexOfTopLevelItem(answer));

        // The selected cause's evidence lines are marked, the first of them current; the other
        // lines are not.
        const IkeDiagnosis& cause = dialog.report().findings.at(0);
        QVERIFY(refused->font(2).bold()); // "gateway B, line 18: traffic selectors … unacceptable"
        QVERIFY(std::any_of(cause.evidence.cbegin(), cause.evidence.cend(),
                            [](const QString& e) { return e.startsWith(QStringLiteral("gateway B, line 18: ")); }));
        QVERIFY(!auth->font(0).bold() && !auth->font(2).bold());
        int marked = 0;
        QTreeWidgetItem* firstMarked = nullptr;
        for (int i = 0; i < logs->topLevelItemCount(); ++i)
            for (int column : {0, 2})
                if (logs->topLevelItem(i)->font(column).bold()) {
                    ++marked;
                    if (!firstMarked)
                        firstMarked = logs->topLevelItem(i);
                }
        int withLine = 0;
        for (const QString& e : cause.evidence)
            withLine += e.contains(QStringLiteral(", line ")) ? 1 : 0;
        QCOMPARE(marked, withLine);
        QCOMPARE(logs->currentItem(), firstMarked);
        QVERIFY(logs->selectedItems().isEmpty()); // a selection's colour would hide the marks
        // No cause selected: nothing marked.
        auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("diagnoseFindings"));
        tree->setCurrentItem(nullptr);
        QVERIFY(!refused->font(2).bold());
    }

    void linesOfOtherProgramsKeepTheirPlace()
    {
        // swanctl --initiate's own last line is no charon line: it stays, at the end of A's column.
        DiagnoseDialog dialog(pair(), 0, QDir::tempPath());
        dialog.show();
        const DiagnoseReport r = reportOf(QStringLiteral("ikev1-ok"));
        dialog.showReport(r);
        auto* logs = dialog.findChild<QTreeWidget*>(QStringLiteral("diagnoseLogs"));
        QVERIFY(logs);
        QCOMPARE(logs->topLevelItemCount(), r.logA.size() + r.logB.size() - 8); // IKEv1: eight packets both logs name
        // Each line once, in its log's order, in full as the tooltip of its cell.
        QStringList a, b;
        for (int i = 0; i < logs->topLevelItemCount(); ++i) {
            if (!logs->topLevelItem(i)->text(0).isEmpty())
                a << logs->topLevelItem(i)->toolTip(0);
            if (!logs->topLevelItem(i)->text(2).isEmpty())
                b << logs->topLevelItem(i)->toolTip(2);
        }
        QCOMPARE(a, r.logA);
        QCOMPARE(b, r.logB);
        const int last = logs->topLevelItemCount() - 1;
        QVERIFY(logs->topLevelItem(last)->text(2).isEmpty());
        QCOMPARE(logs->topLevelItem(last)->text(0), QStringLiteral("initiate completed successfully"));
    }

    void anUpTunnelSaysSoWithWhatItsProbesSaw()
    {
        // A tunnel up with a data-path cause: the state is "up", with the probes, not "not up".
        DiagnoseDialog dialog(pair(), 0, QDir::tempPath());
        dialog.show();
        DiagnoseReport r;
        r.up = true;
        r.probes << QStringLiteral("ping from 10.1.0.1 (gateway A) to 10.2.0.1 (gateway B) through the tunnel: no answer");
        r.findings << IkeDiagnosis{QStringLiteral("ESP from gateway A does not reach gateway B."), QStringLiteral("gateway"), QStringLiteral("Let ESP in."),
                                   {QStringLiteral("gateway B: table inet f, chain input, line 3 of nft list ruleset: udp dport 4500 drop")},
                                   QStringLiteral("gateway B")};
        dialog.showReport(r);
        auto* status = dialog.findChild<QLabel*>(QStringLiteral("diagnoseStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QLatin1String("is up on both gateways")) && !status->text().contains(QLatin1String("not up")), qPrintable(status->text()));
        QVERIFY(status->text().contains(r.probes.first()));
        auto* findings = dialog.findChild<QTreeWidget*>(QStringLiteral("diagnoseFindings"));
        QVERIFY(findings);
        QCOMPARE(findings->topLevelItemCount(), 1);
        QCOMPARE(findings->topLevelItem(0)->text(1), QStringLiteral("gateway B"));
    }

    void pushOfferedOnlyWhereItFixes()
    {
        DiagnoseDialog dialog(pair(), 0, QDir::tempPath());
        dialog.show();
        QSignalSpy asked(&dialog, &DiagnoseDialog::pushRequested);
        dialog.showReport(reportOf(QStringLiteral("psk")));
        QVERIFY(!dialog.pushButton()->isVisible()); // not offered by a window that cannot push
        dialog.setPushAvailable(true);
        QVERIFY(dialog.pushButton()->isVisible());
        QTest::mouseClick(dialog.pushButton(), Qt::LeftButton);
        QCOMPARE(asked.count(), 1);
        // Requests that never reach the peer: a firewall, not the profile; no push offered.
        dialog.showReport(reportOf(QStringLiteral("no-packet-arrives")));
        QVERIFY(!dialog.pushButton()->isVisible());
    }

    // A cause whose fix the program makes itself: offered as "Make the fix on GATEWAY…" where the
    // window can push; the exact change is asked about first; only a yes asks for it, and the
    // push that makes it says so above its log.
    void theFixTheProgramMakesIsOfferedAndAskedFirst()
    {
        DiagnoseDialog dialog(pair(), 0, QDir::tempPath());
        dialog.show();
        QSignalSpy asked(&dialog, &DiagnoseDialog::changeRequested);
        DiagnoseReport r;
        r.up = true;
        IkeDiagnosis forwarding{QStringLiteral("gateway B does not forward IPv4"), QStringLiteral("gateway"),
                                QStringLiteral("On gateway B: sysctl -w net.ipv4.ip_forward=1, and the same in /etc/sysctl.d/"), {},
                                QStringLiteral("gateway B")};
        forwarding.change = GatewayChange{QStringLiteral("site-b"), {{QStringLiteral("/proc/sys/net/ipv4/ip_forward"), QStringLiteral("1")}}, {}};
        r.findings << forwarding;
        dialog.showReport(r);
        QVERIFY(!dialog.fixButton()->isVisible()); // not offered by a window that cannot push
        dialog.setPushAvailable(true);
        QVERIFY(dialog.fixButton()->isVisible());
        QCOMPARE(dialog.fixButton()->text(), QStringLiteral("&Make the fix on gateway B…"));
        QVERIFY(dialog.fixButton()->toolTip().contains(QStringLiteral("net.ipv4.ip_forward = 1")));
        QVERIFY(!dialog.pushButton()->isVisible()); // a push of the files alone does not fix it

        DiagnoseDialog::setChangeAnswer(false);
        QTest::mouseClick(dialog.fixButton(), Qt::LeftButton);
        QCOMPARE(asked.count(), 0);
        DiagnoseDialog::setChangeAnswer(true);
        QTest::mouseClick(dialog.fixButton(), Qt::LeftButton);
        DiagnoseDialog::setChangeAnswer(std::nullopt);
        QCOMPARE(asked.count(), 1);
        const auto change = asked.first().first().value<GatewayChange>();
        QCOMPARE(change.site, QStringLiteral("site-b"));
        QCOMPARE(change.described(), QStringList{QStringLiteral("net.ipv4.ip_forward = 1")});

        DeployPanel panel;
        QVERIFY(panel.changeNote().isEmpty());
        panel.show();
        panel.setChanges({{change.site, change}});
        QVERIFY2(panel.changeNote().contains(QStringLiteral("on site site-b: net.ipv4.ip_forward = 1")), qPrintable(panel.changeNote()));

        // Causes without such a fix offer none.
        dialog.showReport(reportOf(QStringLiteral("psk")));
        QVERIFY(!dialog.fixButton()->isVisible());
    }

    void reportIsCopiedAndSavedAsText()
    {
        DiagnoseDialog dialog(pair(), 0, QDir::tempPath());
        dialog.show();
        auto* copy = dialog.findChild<QPushButton*>(QStringLiteral("diagnoseCopy"));
        QVERIFY(copy && !copy->isEnabled()); // nothing to copy before a diagnosis
        dialog.showReport(reportOf(QStringLiteral("esp-proposal")));
        QVERIFY(copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        const QString text = QGuiApplication::clipboard()->text();
        QVERIFY2(text.contains(QStringLiteral("1. The ESP proposals differ (phase 2): esp.encryption: gateway A proposes AES_GCM_16_256")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("   field: esp.encryption\n")));
        QVERIFY(text.contains(QStringLiteral("received NO_PROPOSAL_CHOSEN"))); // the evidence and the logs too
        QVERIFY(!text.contains(QRegularExpression(QStringLiteral("[0-9a-fA-F]{32}")))); // no key material
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("diagnosis.txt"));
        QCOMPARE(dialog.saveReport(path), QString());
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), dialog.reportText());
        QVERIFY(!dialog.saveReport(dir.filePath(QStringLiteral("no/such/folder/x.txt"))).isEmpty());
    }
};

QTEST_MAIN(TestDiagnoseDialog)
#include "TestDiagnoseDialog.moc"
