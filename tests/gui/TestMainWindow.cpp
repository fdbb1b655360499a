// The main window shows a profile's findings and every file it generates for both gateways.

#include "MainWindow.h"
#include "TestSupport.h"

#include <QListWidget>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTest>

using namespace ipsecwiz;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void showsBothGatewaysFiles()
    {
        MainWindow w;
        QVERIFY(w.openProfile(QStringLiteral(IPSECWIZ_EXAMPLE_PROFILE)));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* tabs = w.findChild<QTabWidget*>(QStringLiteral("files"));
        QVERIFY(tabs);
        // racoon-tool.conf, psk.txt, routes.sh, firewall.nft, firewall.iptables for each gateway.
        QCOMPARE(tabs->count(), 10);
        QCOMPARE(tabs->tabText(0), QStringLiteral("A: racoon-tool.conf"));
        QCOMPARE(tabs->tabText(5), QStringLiteral("B: racoon-tool.conf"));
        auto* first = qobject_cast<QPlainTextEdit*>(tabs->widget(0));
        QVERIFY(first);
        QVERIFY(first->toPlainText().contains(QStringLiteral("connection(seed):")));
        // Both psk.txt tabs show one and the same fresh key.
        const QString keyA = qobject_cast<QPlainTextEdit*>(tabs->widget(1))->toPlainText().section(QLatin1Char('\t'), -1).trimmed();
        const QString keyB = qobject_cast<QPlainTextEdit*>(tabs->widget(6))->toPlainText().section(QLatin1Char('\t'), -1).trimmed();
        QVERIFY(keyA.startsWith(QStringLiteral("0x")));
        QCOMPARE(keyA.size(), 66);
        QCOMPARE(keyA, keyB);
        auto* findings = w.findChild<QListWidget*>(QStringLiteral("findings"));
        QCOMPARE(findings->count(), 1);
        QCOMPARE(findings->item(0)->text(), QStringLiteral("No problems found."));
    }

    void showsFindingsWithTheirField()
    {
        TunnelProfile p = test::seedProfile();
        p.networkB = QStringLiteral("192.168.1.0/24");
        MainWindow w;
        w.setProfile(p);
        auto* findings = w.findChild<QListWidget*>(QStringLiteral("findings"));
        QVERIFY(findings->count() >= 1);
        QVERIFY(findings->item(0)->text().startsWith(QStringLiteral("error: networkB: ")));
        // Nothing is generated from a profile with errors.
        QCOMPARE(w.findChild<QTabWidget*>(QStringLiteral("files"))->count(), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
