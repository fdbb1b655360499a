// The Diagnose dialog shows a diagnosis as a list of causes, most likely first: each with its
// field, where to change it and the fix, its evidence folded under it by gateway; both logs side
// by side; the report copied or saved as text; and "Push the profile again…" offered only where
// a push is the fix and the window that opened the dialog can push. The report is the logs'
// recorded causes (tests/fixtures/logs/charon), decoded as `diagnose --log` decodes them.

#include "DiagnoseDialog.h"
#include "GuiTestSupport.h"
#include "TestConfig.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
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
        // The two logs side by side, both visible at once.
        auto* logA = dialog.findChild<QPlainTextEdit*>(QStringLiteral("diagnoseLogA"));
        auto* logB = dialog.findChild<QPlainTextEdit*>(QStringLiteral("diagnoseLogB"));
        QVERIFY(logA && logB && logA->parentWidget()->parentWidget() == logB->parentWidget()->parentWidget());
        QVERIFY(logB->toPlainText().contains(QStringLiteral("unacceptable")));
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
