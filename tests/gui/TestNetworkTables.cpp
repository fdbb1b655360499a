// The wizard for networks of many sites, driven as an admin drives it:
// - keyboard only: Alt+H on Welcome starts a hub-and-spoke network, the sites table of six sites
//   is filled by typing and Tab alone, Alt+A adds a site, Alt+N goes on, Alt+S saves (Alt+W: without
//   the keys, which are fresh each run; the path typed into the file dialog); the saved profile is
//   tests/golden/wizard/keyboard-hub.json;
// - no two labels or buttons of a page share a mnemonic, nor with the wizard's own buttons;
// - a row's message appears beside it as the mistake is typed and goes when it is fixed;
// - pasted sites from a spreadsheet (a bad line names its line number and adds nothing);
// - removing a site takes its tunnel; a tunnel removed by hand stays removed when sites change;
//   a tunnel added by hand stays; a tunnel can carry only some networks;
// - Review lists every managed gateway on the left, and "Export this gateway" writes that
//   gateway's folder alone.

#include "GeneratedFilesView.h"
#include "GuiTestSupport.h"
#include "NetworkSitesPage.h"
#include "NetworkTunnelsPage.h"
#include "ProfileDraft.h"
#include "ReviewPage.h"
#include "Translations.h"
#include "TunnelWizard.h"
#include "WelcomePage.h"

#include <QApplication>
#include <QDir>
#include <functional>
#include <QFileDialog>
#include <QMessageBox>
#include <QTimer>
#include <QWindow>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

// Each key to whatever has the focus now, as a keyboard does (a table's editor appears on the
// first key).
// Keys go to the active window, as from a keyboard: through the shortcut map (mnemonics) to
// whatever has the focus.
QWindow* activeWindow()
{
    QWindow* window = QGuiApplication::focusWindow();
    if (!window)
        qFatal("no window is active");
    return window;
}

void typeKeys(const QString& text, QWindow* window = nullptr)
{
    for (const QChar c : text)
        QTest::keyClick(window ? window : activeWindow(), c.toLatin1());
}

void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier, QWindow* window = nullptr)
{
    QTest::keyClick(window ? window : activeWindow(), key, modifiers);
}

// A dialog just opened may not be the focus window yet: keys go to its own window.
void alt(char letter, QWindow* window = nullptr)
{
    QTest::keyClick(window ? window : activeWindow(), Qt::Key(Qt::Key_A + (letter - 'a')), Qt::AltModifier);
}

// The mnemonic letters of the visible labels (with a buddy) and buttons of a page, and the
// wizard's own buttons: no two the same.
void checkMnemonics(QWizard* wizard, QWizardPage* page)
{
    QHash<QChar, QString> seen;
    QStringList texts;
    for (const QLabel* l : page->findChildren<QLabel*>())
        if (l->buddy() && l->isVisibleTo(page))
            texts << l->text();
    for (const QAbstractButton* b : page->findChildren<QAbstractButton*>())
        if (b->isVisibleTo(page))
            texts << b->text();
    for (QWizard::WizardButton which : {QWizard::BackButton, QWizard::NextButton, QWizard::FinishButton, QWizard::CancelButton})
        texts << wizard->buttonText(which);
    for (const QString& t : std::as_const(texts)) {
        const qsizetype at = t.indexOf(QLatin1Char('&'));
        if (at < 0 || at + 1 >= t.size())
            continue;
        const QChar key = t.at(at + 1).toLower();
        QVERIFY2(!seen.contains(key), qPrintable(QStringLiteral("%1: “%2” and “%3” share Alt+%4").arg(page->objectName(), seen.value(key), t, key)));
        seen.insert(key, t);
    }
}

NetworkProfile threeSites()
{
    NetworkProfile n = WelcomePage::starterNetwork(TopologyKind::HubAndSpoke);
    const char* rows[][3] = {{"hq", "10.0.0.0/16", "203.0.113.1"}, {"branch1", "10.1.0.0/24", "198.51.100.1"}, {"branch2", "10.2.0.0/24", "198.51.100.2"}};
    for (int i = 0; i < 3; ++i) {
        n.sites[i].name = QString::fromLatin1(rows[i][0]);
        Network::setNetworks(n.sites[i], {QString::fromLatin1(rows[i][1])});
        n.sites[i].gateway.localAddress = QString::fromLatin1(rows[i][2]);
    }
    return n;
}

QStringList tunnelNames(const NetworkProfile& n)
{
    QStringList out;
    for (const Tunnel& t : n.tunnels)
        out << t.name;
    return out;
}

// Runs ACT on the next modal dialog of type T once it is open (a dialog runs its own event loop).
template<typename T>
void whenModal(std::function<void(T*)> act)
{
    auto* timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, act] {
        if (auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            act(dialog);
        }
    });
    timer->start();
}

} // namespace

class TestNetworkTables : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        isolateSettings(m_settings.path());
    }

    void keyboardOnly()
    {
        TunnelWizard w;
        w.welcomePage()->setLabProfilePath({});
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTRY_VERIFY(QApplication::focusWidget());

        // A button's mnemonic clicks it as a short animation does: the result comes a moment later.
        alt('h');
        QTRY_COMPARE(w.welcomePage()->start(), WelcomePage::Start::HubAndSpoke);
        alt('n');
        QTRY_COMPARE(w.currentId(), int(TunnelWizard::NetworkSitesId));

        alt('w');
        press(Qt::Key_A, Qt::ControlModifier);
        typeKeys(QStringLiteral("corp"));
        QCOMPARE(w.draft()->network().name, QStringLiteral("corp"));

        // The table: the first cell, then name, networks, gateway address of each row, Tab between.
        alt('i');
        QTableWidget* table = w.networkSitesPage()->table();
        // The first cell's editor opens with the focus: typing replaces what the cell holds.
        QVERIFY(table->hasFocus() || table->isAncestorOf(QApplication::focusWidget()));
        const QStringList rows[] = {{QStringLiteral("hq"), QStringLiteral("10.0.0.0/16"), QStringLiteral("203.0.113.1")},
                                    {QStringLiteral("branch1"), QStringLiteral("10.1.0.0/24"), QStringLiteral("198.51.100.1")},
                                    {QStringLiteral("branch2"), QStringLiteral("10.2.0.0/24"), QStringLiteral("198.51.100.2")}};
        for (int row = 0; row < 3; ++row) {
            for (int column = 0; column < 3; ++column) {
                QCOMPARE(table->currentRow(), row);
                QCOMPARE(table->currentColumn(), column);
                typeKeys(rows[row][column]);
                press(Qt::Key_Tab);
            }
            // Past reach, public address, software, managed and problem to the next row's name.
            while (table->currentColumn() != 0)
                press(Qt::Key_Tab);
        }
        press(Qt::Key_Escape);
        QCOMPARE(w.draft()->network().sites.at(1).networks, QStringList{QStringLiteral("10.1.0.0/24")});
        QCOMPARE(w.draft()->network().sites.at(2).gateway.localAddress, QStringLiteral("198.51.100.2"));

        // Alt+A: a new site, its name cell current; typed like the others. Six sites in all.
        const QStringList added[] = {{QStringLiteral("branch3"), QStringLiteral("10.3.0.0/24"), QStringLiteral("198.51.100.3")},
                                     {QStringLiteral("branch4"), QStringLiteral("10.4.0.0/24"), QStringLiteral("198.51.100.4")},
                                     {QStringLiteral("branch5"), QStringLiteral("10.5.0.0/24"), QStringLiteral("198.51.100.5")}};
        for (const QStringList& row : added) {
            const int before = table->rowCount();
            alt('a');
            QTRY_COMPARE(table->rowCount(), before + 1);
            QCOMPARE(table->currentRow(), before);
            for (const QString& value : row) {
                typeKeys(value);
                press(Qt::Key_Tab);
            }
            press(Qt::Key_Escape);
        }
        QVERIFY2(w.button(QWizard::NextButton)->isEnabled(), qPrintable(w.draft()->networkFindings().value(0).toString()));

        alt('n');
        QTRY_COMPARE(w.currentId(), int(TunnelWizard::NetworkTunnelsId));
        QCOMPARE(w.networkTunnelsPage()->table()->rowCount(), 5);
        alt('n');
        QTRY_COMPARE(w.currentId(), int(TunnelWizard::ReviewId));
        QVERIFY(w.reviewPage()->isComplete());
        QCOMPARE(w.reviewPage()->gatewayList()->count(), 6);

        // Every tunnel got its own fresh key.
        QSet<QByteArray> keys;
        for (const Tunnel& t : w.draft()->network().tunnels)
            keys.insert(t.psk.value_or(QByteArray()));
        QCOMPARE(keys.size(), 5);
        QVERIFY(!keys.contains(QByteArray()));

        // Alt+S saves: "Without the key" (Alt+W; the keys are fresh each run), the path typed
        // into the file dialog, Enter. The saved profile is the golden one.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("corp.json"));
        bool asked = false;
        whenModal<QMessageBox>([&](QMessageBox* box) {
            asked = true;
            (void)QTest::qWaitFor([&] { return box->isActiveWindow(); });
            alt('w', box->windowHandle());
            whenModal<QFileDialog>([&](QFileDialog* dialog) {
                // The name field has the focus once the dialog has settled; the keys go to it.
                auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
                if (!name || !QTest::qWaitFor([&] { return name->hasFocus(); })) {
                    dialog->reject(); // fails below rather than hanging here
                    return;
                }
                QTest::keyClicks(name, path);
                QTest::keyClick(name, Qt::Key_Return);
            });
        });
        alt('s');
        QTRY_VERIFY(QFileInfo::exists(path));
        QVERIFY(asked);
        const QString golden = QStringLiteral(IPSECWIZ_SOURCE_DIR "/tests/golden/wizard/keyboard-hub.json");
        if (qEnvironmentVariableIsSet("IPSECWIZ_UPDATE_GOLDEN")) {
            QFile f(golden);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(readFile(path));
        }
        QCOMPARE(QString::fromUtf8(readFile(path)), QString::fromUtf8(readFile(golden)));
        QVERIFY(!readFile(path).contains(*w.draft()->network().tunnels.first().psk));
    }

    void mnemonicsAreUniquePerPage_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany);
    }

    void mnemonicsAreUniquePerPage()
    {
        QFETCH(QLocale, locale);
        QVERIFY(Translations::install(*qApp, locale) || locale.language() == QLocale::English);
        {
            TunnelWizard w;
            w.welcomePage()->setLabProfilePath(QStringLiteral(IPSECWIZ_EXAMPLE_PROFILE)); // the lab choice shown too
            for (int id : w.pageIds())
                checkMnemonics(&w, w.page(id));
        }
        Translations::install(*qApp);
    }

    void rowMessageFollowsTyping()
    {
        TunnelWizard w;
        w.editNetworkSites(threeSites());
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTableWidget* table = w.networkSitesPage()->table();
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        QCOMPARE(table->item(1, NetworkSitesPage::ProblemColumn)->text(), QString());

        table->setFocus();
        table->setCurrentCell(1, NetworkSitesPage::NetworksColumn);
        press(Qt::Key_F2);
        auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        typeKeys(QStringLiteral("10.1.0.0/33"));
        // Still typing: the message is already there, and Next is off.
        QVERIFY(editor->isVisible());
        QVERIFY2(table->item(1, NetworkSitesPage::ProblemColumn)->text().contains(QStringLiteral("10.1.0.0/33")),
                 qPrintable(table->item(1, NetworkSitesPage::ProblemColumn)->text()));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        press(Qt::Key_Backspace);
        press(Qt::Key_Backspace);
        typeKeys(QStringLiteral("24"));
        QCOMPARE(editor->text(), QStringLiteral("10.1.0.0/24"));
        QCOMPARE(table->item(1, NetworkSitesPage::ProblemColumn)->text(), QString());
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
    }

    void pasteFromSpreadsheet()
    {
        TunnelWizard w;
        w.editNetworkSites(threeSites());
        NetworkSitesPage* page = w.networkSitesPage();
        const NetworkProfile before = w.draft()->network();
        QVERIFY(!page->pasteSites(QStringLiteral("branch3,10.3.0.0/24,198.51.100.3\nbranch4,10.4.0.0/24\n")));
        QCOMPARE(w.draft()->network(), before); // nothing added
        auto* message = page->findChild<QLabel*>(QStringLiteral("sites.message"));
        QVERIFY(message && message->isVisibleTo(page));
        QVERIFY2(message->text().contains(QStringLiteral("line 2")), qPrintable(message->text()));

        QVERIFY(page->pasteSites(QStringLiteral("name\tnetworks\tgateway\treach\tpublic\n"
                                                "branch3\t10.3.0.0/24\t192.168.3.2/24\tnat\t198.51.100.3\n"
                                                "branch4\t10.4.0.0/24 10.40.0.0/24\t198.51.100.4\n")));
        const NetworkProfile& n = w.draft()->network();
        QCOMPARE(n.sites.size(), 5);
        QCOMPARE(page->table()->rowCount(), 5);
        QCOMPARE(tunnelNames(n), (QStringList{QStringLiteral("hq-branch1"), QStringLiteral("hq-branch2"), QStringLiteral("hq-branch3"), QStringLiteral("hq-branch4")}));
        QCOMPARE(n.sites.at(3).gateway.reach, Reachability::Nat);
        QCOMPARE(n.sites.at(4).networks.size(), 2);
        QVERIFY2(!hasErrors(n.sites.isEmpty() ? QList<Finding>{} : w.draft()->networkFindings()), qPrintable(w.draft()->networkFindings().value(0).toString()));
        for (const Tunnel& t : n.tunnels)
            QVERIFY(t.psk && !t.psk->isEmpty());
    }

    void sitesAndTunnelsTogether()
    {
        TunnelWizard w;
        w.editNetworkSites(threeSites());
        NetworkSitesPage* sites = w.networkSitesPage();
        sites->pasteSites(QStringLiteral("branch3,10.3.0.0/24,198.51.100.3\n"));
        w.next();
        NetworkTunnelsPage* tunnels = w.networkTunnelsPage();
        QCOMPARE(w.currentId(), int(TunnelWizard::NetworkTunnelsId));
        QCOMPARE(tunnels->table()->rowCount(), 3);

        // A branch-to-branch tunnel by hand, another tunnel removed, one carrying one network.
        QVERIFY(tunnels->addTunnel(QStringLiteral("branch1"), QStringLiteral("branch2")));
        QVERIFY(!tunnels->addTunnel(QStringLiteral("branch1"), QStringLiteral("branch1")));
        tunnels->removeTunnel(1); // hq-branch2
        QCOMPARE(tunnelNames(w.draft()->network()), (QStringList{QStringLiteral("hq-branch1"), QStringLiteral("hq-branch3"), QStringLiteral("branch1-branch2")}));
        tunnels->table()->item(0, NetworkTunnelsPage::NetworksAColumn)->setText(QStringLiteral("10.0.1.0/24"));
        QCOMPARE(w.draft()->network().tunnels.at(0).networksA, QStringList{QStringLiteral("10.0.1.0/24")});
        tunnels->table()->item(0, NetworkTunnelsPage::NetworksAColumn)->setText(QStringLiteral("10.9.0.0/24")); // not hq's
        QVERIFY(!tunnels->table()->item(0, NetworkTunnelsPage::ProblemColumn)->text().isEmpty());
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        tunnels->table()->item(0, NetworkTunnelsPage::NetworksAColumn)->setText(QString());
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());

        // Back to the sites: a new site gets its tunnel, the removed one stays away, the added one stays.
        w.back();
        QVERIFY(sites->pasteSites(QStringLiteral("branch4,10.4.0.0/24,198.51.100.4\n")));
        QCOMPARE(tunnelNames(w.draft()->network()),
                 (QStringList{QStringLiteral("hq-branch1"), QStringLiteral("hq-branch3"), QStringLiteral("hq-branch4"), QStringLiteral("branch1-branch2")}));
        // Removing branch1 takes both its tunnels.
        sites->table()->setCurrentCell(1, 0);
        sites->removeSite();
        QCOMPARE(tunnelNames(w.draft()->network()), (QStringList{QStringLiteral("hq-branch3"), QStringLiteral("hq-branch4")}));
        // Full mesh: a tunnel between every two of the four sites (another template starts afresh).
        sites->templateBox()->setCurrentIndex(1);
        Q_EMIT sites->templateBox()->activated(1);
        QCOMPARE(w.draft()->network().tunnels.size(), 6);

        // "Edit addresses and algorithms…" opens the two-site pages on the chosen tunnel.
        w.next();
        tunnels->editTunnel(2);
        QCOMPARE(w.currentId(), int(TunnelWizard::SitesId));
        QCOMPARE(w.draft()->tunnel().name, w.draft()->network().tunnels.at(2).name);
    }

    void racoonSiteMakesItsTunnelsIkev1()
    {
        TunnelWizard w;
        w.editNetworkSites(threeSites());
        QVERIFY(w.networkSitesPage()->pasteSites(QStringLiteral("branch2,10.2.0.0/24,198.51.100.2,direct,,racoon-tool\n")));
        const NetworkProfile& n = w.draft()->network();
        QCOMPARE(n.tunnels.at(1).ike.version, 1);
        QCOMPARE(n.tunnels.at(0).ike.version, 2); // hq-branch1: strongSwan on both ends
        QVERIFY2(!hasErrors(w.draft()->networkFindings()), qPrintable(w.draft()->networkFindings().value(0).toString()));
    }

    void reviewListsGatewaysAndExportsOne()
    {
        TunnelWizard w;
        NetworkProfile n = threeSites();
        n.sites[2].gateway.managed = false;
        w.editNetworkSites(n);
        w.next();
        w.next();
        QCOMPARE(w.currentId(), int(TunnelWizard::ReviewId));
        ReviewPage* review = w.reviewPage();
        QVERIFY(review->isComplete());
        QListWidget* list = review->gatewayList();
        QVERIFY(list->isVisibleTo(review));
        QCOMPARE(list->count(), 3);
        int branch1 = -1;
        int sheet = -1;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->text().startsWith(QStringLiteral("branch1")))
                branch1 = i;
            if (list->item(i)->text().startsWith(QStringLiteral("branch2")) && list->item(i)->text().contains(QStringLiteral("settings sheet")))
                sheet = i; // run by someone else: only a sheet for its admin
        }
        QVERIFY(branch1 >= 0 && sheet >= 0);
        list->setCurrentRow(branch1);
        QCOMPARE(review->filesView()->currentIndex(), branch1);

        QTemporaryDir out;
        const QString folder = out.filePath(QStringLiteral("branch1-bundle"));
        QVERIFY(review->exportGatewayTo(folder).ok());
        QVERIFY(QFileInfo::exists(folder + QStringLiteral("/branch1/install.sh")));
        QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/hq")));
        QVERIFY(QFileInfo::exists(folder + QStringLiteral("/README.txt")));
        list->setCurrentRow(sheet);
        const Status refused = review->exportGatewayTo(out.filePath(QStringLiteral("branch2-bundle")));
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("settings sheet")));
        QVERIFY(!QFileInfo::exists(out.filePath(QStringLiteral("branch2-bundle"))));
    }

    // Welcome ▸ "Start from an existing gateway's configuration": a copy of its config folder is
    // imported, the report shown, and the wizard opens on the result; a wrong path is named under
    // the field and the page stays.
    void startFromAnExistingGateway()
    {
        TunnelWizard w;
        w.welcomePage()->setLabProfilePath({});
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.welcomePage()->setStart(WelcomePage::Start::Gateway, QStringLiteral("/nonexistent/gateway/etc"));
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        w.next();
        QCOMPARE(w.currentId(), int(TunnelWizard::WelcomeId));
        auto* message = w.welcomePage()->findChild<QLabel*>(QStringLiteral("importFrom.message"));
        QVERIFY(message && message->isVisibleTo(w.welcomePage()));
        QVERIFY2(message->text().contains(QStringLiteral("does not exist")), qPrintable(message->text()));

        const QString folder = QStringLiteral(IPSECWIZ_SOURCE_DIR "/tests/fixtures/import/racoon/seed");
        w.welcomePage()->setStart(WelcomePage::Start::Gateway, folder);
        QString shown;
        whenModal<QMessageBox>([&](QMessageBox* box) {
            shown = box->text() + QLatin1Char('\n') + box->detailedText();
            box->button(QMessageBox::Ok)->click();
        });
        w.next();
        QTRY_COMPARE(w.currentId(), int(TunnelWizard::SitesId));
        QVERIFY2(shown.contains(QStringLiteral("tunnels: 1")) && shown.contains(QStringLiteral("racoon.conf:4")), qPrintable(shown));
        const NetworkProfile& n = w.draft()->network();
        QCOMPARE(n.sites.first().name, QStringLiteral("seed"));
        QCOMPARE(n.sites.first().gateway.flavour, Flavour::Racoon);
        QVERIFY(!n.sites.at(1).gateway.managed);
        QCOMPARE(n.tunnels.size(), 1);
        QVERIFY(n.tunnels.first().psk.has_value());
        QVERIFY(w.draft()->path().isEmpty()); // saving asks where: nothing is written by the import
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestNetworkTables)
#include "TestNetworkTables.moc"
