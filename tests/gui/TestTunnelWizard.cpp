// The wizard, driven like an admin drives it: the seed's topology typed field by field gives on
// the Review page exactly the files `ipsec-wizard generate` writes; a wrong address keeps Next
// disabled with the message under the field; the drawing shows every typed address; racoon on
// a side forces IKEv1 and racoon's algorithms; Back keeps everything; the key can be shown,
// copied (and is cleared from the clipboard again), saved 0600 and exported.

#include "AlgorithmChoice.h"
#include "AlgorithmsPage.h"
#include "AuthenticationPage.h"
#include "DeployPanel.h"
#include "FindingLabel.h"
#include "GeneratedFilesView.h"
#include "GuiTestSupport.h"
#include "ReviewPage.h"
#include "SecretClipboard.h"
#include "SitesPage.h"
#include "TopologyView.h"
#include "TunnelWizard.h"
#include "WelcomePage.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QFileDialog>
#include <QMessageBox>
#include <QTabBar>
#include <QTimer>
#include <QTemporaryDir>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

// The seed topology (resources/examples/seed-topology.json), as an admin types it.
struct Typed
{
    QString field;
    QString text;
};
const QList<Typed> SeedSites{
    {QStringLiteral("name"), QStringLiteral("seed")},
    {QStringLiteral("networkA"), QStringLiteral("192.168.1.0/24")},
    {QStringLiteral("gatewayA.publicAddress"), QStringLiteral("203.0.113.1/24")},
    {QStringLiteral("gatewayA.internalAddress"), QStringLiteral("192.168.1.1")},
    {QStringLiteral("networkB"), QStringLiteral("192.168.2.0/24")},
    {QStringLiteral("gatewayB.publicAddress"), QStringLiteral("203.0.113.2/24")},
    {QStringLiteral("gatewayB.internalAddress"), QStringLiteral("192.168.2.1")},
};

// Runs `act` on the next modal dialog of type T once it is open (dialogs run their own event loop).
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

QStringList sceneTexts(QGraphicsScene* scene)
{
    QStringList out;
    const auto items = scene->items();
    for (QGraphicsItem* item : items)
        if (auto* text = qgraphicsitem_cast<QGraphicsSimpleTextItem*>(item))
            out.append(text->text());
    return out;
}

} // namespace

class TestTunnelWizard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settings;

    // Starts a wizard on a new tunnel and goes to the Sites page.
    static void toSites(TunnelWizard& w)
    {
        w.welcomePage()->setLabProfilePath({});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.currentId(), int(TunnelWizard::WelcomeId));
        QVERIFY(w.findChild<QAbstractButton*>(QStringLiteral("startNew"))->isChecked());
        clickNext(&w, TunnelWizard::SitesId);
    }

    static void typeSeedSites(TunnelWizard& w)
    {
        for (const Typed& t : SeedSites)
            typeInto(w.sitesPage()->edit(t.field), t.text);
    }

    // Software and algorithms as in the seed: racoon-tool on both, IKEv1, AES-128-CBC, SHA-256, MODP-2048.
    static void chooseSeedAlgorithms(TunnelWizard& w)
    {
        AlgorithmsPage* page = w.algorithmsPage();
        choose(page->flavourBox(Side::A), QStringLiteral("racoon-tool"));
        choose(page->flavourBox(Side::B), QStringLiteral("racoon-tool"));
        choose(page->choice(QStringLiteral("ike.encryption"))->comboBox(), QStringLiteral("aes128"));
        choose(page->choice(QStringLiteral("ike.integrity"))->comboBox(), QStringLiteral("sha256"));
        choose(page->choice(QStringLiteral("ike.dhGroup"))->comboBox(), QStringLiteral("modp2048"));
        typeInto(page->lifetimeBox(Usage::Ike), 28800);
        choose(page->choice(QStringLiteral("esp.encryption"))->comboBox(), QStringLiteral("aes128"));
        choose(page->choice(QStringLiteral("esp.integrity"))->comboBox(), QStringLiteral("sha256"));
        choose(page->choice(QStringLiteral("esp.pfsGroup"))->comboBox(), QStringLiteral("modp2048"));
        typeInto(page->lifetimeBox(Usage::Esp), 3600);
    }

    // Compares the Review page with what the CLI writes for `profilePath` and the fixed key.
    static void compareWithCli(TunnelWizard& w, const QString& profilePath, const QString& pskFile)
    {
        QTemporaryDir out;
        const CliRun run = runCli({QStringLiteral("generate"), profilePath, QStringLiteral("--out"), out.path(), QStringLiteral("--psk-file"), pskFile});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QStringList cliFiles = filesBelow(out.path());
        GeneratedFilesView* view = w.reviewPage()->filesView();
        QStringList shown = view->relativePaths();
        shown.sort();
        QCOMPARE(shown, cliFiles);
        QVERIFY(cliFiles.size() >= 8);
        for (const QString& rel : cliFiles) {
            const QByteArray expected = readFile(out.filePath(rel));
            QPlainTextEdit* fileView = view->fileView(rel);
            QVERIFY2(fileView, qPrintable(rel));
            QCOMPARE(fileView->property("content").toByteArray(), expected);
            // What the admin reads is those bytes too.
            QCOMPARE(fileView->toPlainText().toUtf8(), expected);
            // The mode shown is the mode the CLI gave the file (0600 for the key, 0755 for scripts).
            const int shownMode = fileView->property("mode").toInt();
            const QFile::Permissions perms = QFileInfo(out.filePath(rel)).permissions();
            QCOMPARE(bool(perms & QFile::ReadOther), bool(shownMode & 04));
            QCOMPARE(bool(perms & QFile::ReadGroup), bool(shownMode & 040));
            QCOMPARE(bool(perms & QFile::ExeOwner), bool(shownMode & 0100));
        }
    }

private slots:
    // Keyboard only: no two labels or buttons of the Deploy panel share a mnemonic (gateway A's
    // and B's boxes both had &Host).
    void deployPanelMnemonicsAreUnique()
    {
        DeployPanel panel;
        QHash<QChar, QString> seen;
        QStringList texts;
        for (const QLabel* l : panel.findChildren<QLabel*>())
            if (l->buddy())
                texts << l->text();
        for (const QAbstractButton* b : panel.findChildren<QAbstractButton*>())
            texts << b->text();
        QVERIFY(texts.size() >= 10);
        for (const QString& t : texts) {
            const qsizetype at = t.indexOf(QLatin1Char('&'));
            if (at < 0 || at + 1 >= t.size())
                continue;
            const QChar key = t.at(at + 1).toLower();
            QVERIFY2(!seen.contains(key), qPrintable(QStringLiteral("“%1” and “%2” share Alt+%3").arg(seen.value(key), t, key)));
            seen.insert(key, t);
        }
    }

    // Found by trying the wizard as a new user: the prefilled tunnel name took typed text at its
    // end ("site-to-sitebranch1"). The page opens with the name selected; typing replaces it.
    void typingReplacesThePrefilledName()
    {
        TunnelWizard w;
        toSites(w);
        QLineEdit* name = w.sitesPage()->edit(QStringLiteral("name"));
        QTRY_VERIFY(name->hasFocus());
        QVERIFY(!name->text().isEmpty());
        QVERIFY2(name->hasSelectedText() && name->selectedText() == name->text(), qPrintable(name->selectedText()));
        QTest::keyClicks(name, QStringLiteral("branch1"));
        QCOMPARE(name->text(), QStringLiteral("branch1"));
        QCOMPARE(w.profile().name, QStringLiteral("branch1"));
    }

    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        isolateSettings(m_settings.path());
        QVERIFY2(QFileInfo::exists(QStringLiteral(IPSECWIZ_BINARY)), "build the ipsec-wizard target first");
    }

    void typedSeedMatchesTheCliByteForByte()
    {
        TunnelWizard w;
        toSites(w);
        // Nothing typed yet: Next is disabled, and no message shouts at untouched fields.
        QVERIFY(!nextButton(&w)->isEnabled());
        QVERIFY(w.sitesPage()->message(QStringLiteral("networkA"))->isHidden());
        typeSeedSites(w);
        QVERIFY(!w.sitesPage()->routerShown(0));
        QVERIFY(!w.sitesPage()->routerShown(1));
        clickNext(&w, TunnelWizard::AlgorithmsId);

        chooseSeedAlgorithms(w);
        QCOMPARE(w.profile().ike.version, 1);
        QCOMPARE(w.profile().ike.prf, QStringLiteral("sha256"));
        clickNext(&w, TunnelWizard::AuthenticationId);

        // A fresh key was made on arrival; the admin pastes the test's fixed one instead.
        QVERIFY(w.profile().psk && w.profile().psk->startsWith("0x"));
        typeInto(w.authenticationPage()->keyEdit(), QString::fromLatin1(fixedPsk()));
        QCOMPARE(*w.profile().psk, fixedPsk());
        clickNext(&w, TunnelWizard::ReviewId);
        QVERIFY(w.button(QWizard::FinishButton)->isEnabled());

        QTemporaryDir tmp;
        const QString pskFile = tmp.filePath(QStringLiteral("psk"));
        QFile f(pskFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(fixedPsk() + '\n');
        f.close();

        // The same profile as the example file …
        compareWithCli(w, QStringLiteral(IPSECWIZ_EXAMPLE_PROFILE), pskFile);
        // … and the profile the wizard saves.
        const QString saved = tmp.filePath(QStringLiteral("typed.json"));
        QVERIFY(w.reviewPage()->saveProfileTo(saved, PskInFile::Omit).ok());
        compareWithCli(w, saved, pskFile);
    }

    void badAddressKeepsNextDisabledWithTheMessageUnderTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("network-with-host-bits") << QStringLiteral("networkA") << QStringLiteral("192.168.1.7/24") << QStringLiteral("192.168.1.0/24");
        QTest::newRow("network-not-an-address") << QStringLiteral("networkB") << QStringLiteral("192.168.2/24") << QStringLiteral("network B");
        QTest::newRow("public-address-garbage") << QStringLiteral("gatewayA.publicAddress") << QStringLiteral("203.0.113.x") << QStringLiteral("gateway A");
        QTest::newRow("public-address-inside-network") << QStringLiteral("gatewayB.publicAddress") << QStringLiteral("192.168.2.9/24")
                                                       << QStringLiteral("inside");
        QTest::newRow("internal-outside-its-network") << QStringLiteral("gatewayA.internalAddress") << QStringLiteral("192.168.9.1")
                                                      << QStringLiteral("outside");
        QTest::newRow("bad-name") << QStringLiteral("name") << QStringLiteral("my tunnel") << QStringLiteral("my tunnel");
    }

    void badAddressKeepsNextDisabledWithTheMessageUnderTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QString, says);
        TunnelWizard w;
        toSites(w);
        typeSeedSites(w);
        QVERIFY(nextButton(&w)->isEnabled());

        typeInto(w.sitesPage()->edit(field), text);
        QVERIFY(!nextButton(&w)->isEnabled());
        FindingLabel* message = w.sitesPage()->message(field);
        QVERIFY(message);
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(says.toHtmlEscaped()), qPrintable(message->text()));
        QVERIFY(message->findings().first().severity == Severity::Error);
        // Next to the field: the same grid column, the row right under it.
        QLineEdit* edit = w.sitesPage()->edit(field);
        QCOMPARE(message->parentWidget(), edit->parentWidget());
        const QPoint editBottom = edit->mapTo(&w, QPoint(0, edit->height()));
        const QPoint messageTop = message->mapTo(&w, QPoint(0, 0));
        QVERIFY(messageTop.y() >= editBottom.y());
        QVERIFY(messageTop.y() - editBottom.y() < 20);
        QCOMPARE(messageTop.x(), editBottom.x());
        QVERIFY(edit->accessibleDescription().contains(message->findings().first().message));

        // Fixing it enables Next again and hides the message.
        typeInto(edit, [&] {
            for (const Typed& t : SeedSites)
                if (t.field == field)
                    return t.text;
            return QString();
        }());
        QVERIFY(nextButton(&w)->isEnabled());
        QVERIFY(message->isHidden());
    }

    void drawingShowsEveryTypedAddressAsItIsTyped()
    {
        TunnelWizard w;
        toSites(w);
        QGraphicsScene* scene = w.sitesPage()->topologyView()->scene();
        for (const Typed& t : SeedSites) {
            typeInto(w.sitesPage()->edit(t.field), t.text);
            if (t.field != QLatin1String("name"))
                QVERIFY2(sceneTexts(scene).contains(t.text), qPrintable(t.field + QStringLiteral(": ") + sceneTexts(scene).join(QLatin1Char('|'))));
        }
        // Different subnets: the default router's row appears with a note (the gateway's own route
        // decides without one, so Next stays enabled), and a router typed there is drawn too.
        typeInto(w.sitesPage()->edit(QStringLiteral("gatewayA.publicAddress")), QStringLiteral("198.51.100.10"));
        QVERIFY(w.sitesPage()->routerShown(0));
        QVERIFY(nextButton(&w)->isEnabled());
        QVERIFY(!w.sitesPage()->message(QStringLiteral("gatewayA.defaultRouter"))->isHidden());
        QCOMPARE(w.sitesPage()->message(QStringLiteral("gatewayA.defaultRouter"))->findings().first().severity, Severity::Warning);
        typeInto(w.sitesPage()->edit(QStringLiteral("gatewayA.defaultRouter")), QStringLiteral("198.51.100.1"));
        QVERIFY(w.sitesPage()->routerShown(1));
        typeInto(w.sitesPage()->edit(QStringLiteral("gatewayB.defaultRouter")), QStringLiteral("203.0.113.254"));
        QVERIFY(nextButton(&w)->isEnabled());
        const QStringList texts = sceneTexts(scene);
        for (const QString& address : {QStringLiteral("198.51.100.10"), QStringLiteral("198.51.100.1"), QStringLiteral("203.0.113.254"),
                                       QStringLiteral("192.168.1.0/24"), QStringLiteral("192.168.2.0/24"), QStringLiteral("192.168.1.1"),
                                       QStringLiteral("192.168.2.1"), QStringLiteral("203.0.113.2/24")})
            QVERIFY2(texts.contains(address), qPrintable(address + QStringLiteral(" not in ") + texts.join(QLatin1Char('|'))));
    }

    void defaultRouterHiddenUntilNeeded()
    {
        TunnelWizard w;
        toSites(w);
        QVERIFY(!w.sitesPage()->routerShown(0));
        QVERIFY(!w.sitesPage()->routerShown(1));
        typeSeedSites(w);
        QVERIFY(!w.sitesPage()->routerShown(0));
        // A bare address (no prefix) cannot show that the peer is on the same subnet.
        typeInto(w.sitesPage()->edit(QStringLiteral("gatewayB.publicAddress")), QStringLiteral("203.0.113.2"));
        QVERIFY(w.sitesPage()->routerShown(1));
        QVERIFY(nextButton(&w)->isEnabled()); // a note, not a blocker
        typeInto(w.sitesPage()->edit(QStringLiteral("gatewayB.publicAddress")), QStringLiteral("203.0.113.2/24"));
        w.sitesPage()->edit(QStringLiteral("name"))->setFocus();
        QTRY_VERIFY(!w.sitesPage()->routerShown(1));
        QVERIFY(nextButton(&w)->isEnabled());
    }

    void modernDefaultsAndWhatRacoonForces()
    {
        TunnelWizard w;
        toSites(w);
        typeSeedSites(w);
        clickNext(&w, TunnelWizard::AlgorithmsId);
        AlgorithmsPage* page = w.algorithmsPage();
        const auto id = [&](const char* field) { return page->choice(QString::fromLatin1(field))->currentId(); };
        // The modern default.
        QCOMPARE(page->flavourBox(Side::A)->currentData().toString(), QStringLiteral("strongswan"));
        QCOMPARE(page->flavourBox(Side::B)->currentData().toString(), QStringLiteral("strongswan"));
        QCOMPARE(page->versionBox()->currentData().toInt(), 2);
        QCOMPARE(id("ike.encryption"), QStringLiteral("aes256gcm16"));
        QCOMPARE(id("ike.integrity"), QStringLiteral("none"));
        QCOMPARE(id("ike.prf"), QStringLiteral("sha256"));
        QCOMPARE(id("ike.dhGroup"), QStringLiteral("curve25519"));
        QCOMPARE(id("esp.encryption"), QStringLiteral("aes256gcm16"));
        QCOMPARE(id("esp.integrity"), QStringLiteral("none"));
        QCOMPARE(id("esp.pfsGroup"), QStringLiteral("curve25519"));
        QVERIFY(nextButton(&w)->isEnabled());
        // Each choice shows its strength, with the RFC's words as tooltip.
        QLabel* strength = page->choice(QStringLiteral("ike.encryption"))->strengthLabel();
        QVERIFY(strength->text().contains(Algorithms::strengthName(Strength::Recommended)));
        QCOMPARE(strength->toolTip(), Algorithms::find(AlgorithmKind::Encryption, QStringLiteral("aes256gcm16"))->why);

        // racoon on gateway B: IKEv1, and only what racoon can do.
        choose(page->flavourBox(Side::B), QStringLiteral("racoon"));
        QCOMPARE(w.profile().ike.version, 1);
        QCOMPARE(page->versionBox()->currentData().toInt(), 1);
        auto* versions = qobject_cast<QStandardItemModel*>(page->versionBox()->model());
        QVERIFY(!versions->item(page->versionBox()->findData(2))->isEnabled());
        QVERIFY(versions->item(page->versionBox()->findData(2))->toolTip().contains(QStringLiteral("IKEv1")));
        for (const char* field : {"ike.encryption", "ike.integrity", "ike.prf", "ike.dhGroup", "esp.encryption", "esp.integrity", "esp.pfsGroup"}) {
            const QString chosen = id(field);
            const Usage usage = QByteArray(field).startsWith("ike") ? Usage::Ike : Usage::Esp;
            if (chosen == QLatin1String("none"))
                continue;
            const AlgorithmKind kind = QByteArray(field).endsWith("encryption") ? AlgorithmKind::Encryption
                                       : QByteArray(field).endsWith("integrity") ? AlgorithmKind::Integrity
                                       : QByteArray(field).endsWith("prf")       ? AlgorithmKind::Prf
                                                                                 : AlgorithmKind::DhGroup;
            QVERIFY2(Algorithms::find(kind, chosen)->supportedBy(Flavour::Racoon, usage), field);
        }
        QCOMPARE(w.profile().ike.prf, w.profile().ike.integrity);
        QVERIFY(!hasErrors(w.draft()->findings()));
        QVERIFY(nextButton(&w)->isEnabled());
        // GCM and curves are disabled, each with the reason.
        auto* enc = qobject_cast<QStandardItemModel*>(page->choice(QStringLiteral("esp.encryption"))->comboBox()->model());
        QStandardItem* gcm = enc->item(page->choice(QStringLiteral("esp.encryption"))->comboBox()->findData(QStringLiteral("aes256gcm16")));
        QVERIFY(!gcm->isEnabled());
        QVERIFY2(gcm->toolTip().contains(QStringLiteral("racoon")), qPrintable(gcm->toolTip()));
        QVERIFY(gcm->text().contains(QStringLiteral("racoon")));

        // Back to strongSwan on both: the modern choice returns.
        choose(page->flavourBox(Side::B), QStringLiteral("strongswan"));
        QCOMPARE(w.profile().ike.version, 2);
        QCOMPARE(id("esp.encryption"), QStringLiteral("aes256gcm16"));
        QVERIFY(versions->item(page->versionBox()->findData(2))->isEnabled());
    }

    void aeadAndIntegrityStayConsistent()
    {
        TunnelWizard w;
        toSites(w);
        typeSeedSites(w);
        clickNext(&w, TunnelWizard::AlgorithmsId);
        AlgorithmsPage* page = w.algorithmsPage();
        choose(page->choice(QStringLiteral("esp.encryption"))->comboBox(), QStringLiteral("aes128"));
        QCOMPARE(w.profile().esp.integrity, QStringLiteral("sha256"));
        QVERIFY(!page->choice(QStringLiteral("esp.integrity"))->isAvailable(QStringLiteral("none")));
        choose(page->choice(QStringLiteral("esp.encryption"))->comboBox(), QStringLiteral("chacha20poly1305"));
        QCOMPARE(w.profile().esp.integrity, QStringLiteral("none"));
        QVERIFY(!page->choice(QStringLiteral("esp.integrity"))->isAvailable(QStringLiteral("sha256")));
        // A deprecated choice warns but does not block.
        choose(page->choice(QStringLiteral("ike.dhGroup"))->comboBox(), QStringLiteral("modp1024"));
        QVERIFY(nextButton(&w)->isEnabled());
        FindingLabel* warning = page->message(QStringLiteral("ike.dhGroup"));
        QVERIFY(warning->isVisible());
        QCOMPARE(warning->findings().first().severity, Severity::Warning);
        // A forbidden one blocks.
        choose(page->choice(QStringLiteral("ike.dhGroup"))->comboBox(), QStringLiteral("modp768"));
        QVERIFY(!nextButton(&w)->isEnabled());
        QCOMPARE(page->message(QStringLiteral("ike.dhGroup"))->findings().first().severity, Severity::Error);
    }

    void backKeepsEverything()
    {
        TunnelWizard w;
        toSites(w);
        typeSeedSites(w);
        typeInto(w.sitesPage()->edit(QStringLiteral("gatewayA.publicAddress")), QStringLiteral("198.51.100.10"));
        typeInto(w.sitesPage()->edit(QStringLiteral("gatewayA.defaultRouter")), QStringLiteral("198.51.100.1"));
        typeInto(w.sitesPage()->edit(QStringLiteral("gatewayB.publicAddress")), QStringLiteral("203.0.113.2"));
        typeInto(w.sitesPage()->edit(QStringLiteral("gatewayB.defaultRouter")), QStringLiteral("203.0.113.254"));
        clickNext(&w, TunnelWizard::AlgorithmsId);
        choose(w.algorithmsPage()->flavourBox(Side::A), QStringLiteral("racoon-tool"));
        clickNext(&w, TunnelWizard::AuthenticationId);
        typeInto(w.authenticationPage()->identityEdit(1), QStringLiteral("203.0.113.2"));
        const QByteArray key = *w.profile().psk;
        clickNext(&w, TunnelWizard::ReviewId);
        const TunnelProfile before = w.profile();

        w.back();
        w.back();
        w.back();
        QCOMPARE(w.currentId(), int(TunnelWizard::SitesId));
        QCOMPARE(w.sitesPage()->edit(QStringLiteral("gatewayA.defaultRouter"))->text(), QStringLiteral("198.51.100.1"));
        w.back();
        QCOMPARE(w.currentId(), int(TunnelWizard::WelcomeId));
        clickNext(&w, TunnelWizard::SitesId);
        QCOMPARE(w.sitesPage()->edit(QStringLiteral("networkB"))->text(), QStringLiteral("192.168.2.0/24"));
        clickNext(&w, TunnelWizard::AlgorithmsId);
        QCOMPARE(w.algorithmsPage()->flavourBox(Side::A)->currentData().toString(), QStringLiteral("racoon-tool"));
        clickNext(&w, TunnelWizard::AuthenticationId);
        QCOMPARE(*w.profile().psk, key); // not regenerated
        QCOMPARE(w.authenticationPage()->identityEdit(1)->text(), QStringLiteral("203.0.113.2"));
        clickNext(&w, TunnelWizard::ReviewId);
        QCOMPARE(w.profile(), before);
    }

    void startsFromTheExampleAFileOrTheLab()
    {
        QTemporaryDir tmp;
        const QString lab = tmp.filePath(QStringLiteral("lab-profile.json"));
        TunnelProfile labProfile = seedProfile();
        labProfile.name = QStringLiteral("lab");
        QVERIFY(ProfileJson::save(labProfile, lab, PskInFile::Omit).ok());

        TunnelWizard w;
        w.welcomePage()->setLabProfilePath(tmp.filePath(QStringLiteral("absent.json")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* labChoice = w.findChild<QAbstractButton*>(QStringLiteral("startLab"));
        QVERIFY(labChoice->isHidden()); // no lab up
        w.welcomePage()->setLabProfilePath(lab);
        QVERIFY(!labChoice->isHidden());
        QTest::mouseClick(labChoice, Qt::LeftButton, {}, QPoint(5, labChoice->height() / 2));
        QVERIFY(labChoice->isChecked());
        clickNext(&w, TunnelWizard::SitesId);
        QCOMPARE(w.profile().name, QStringLiteral("lab"));

        // A file that is not a profile: Welcome says why, next to the path, and stays.
        w.back();
        const QString bad = tmp.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"something-else\"}");
        f.close();
        typeInto(w.findChild<QLineEdit*>(QStringLiteral("profilePath")), bad);
        QTest::mouseClick(nextButton(&w), Qt::LeftButton);
        QCOMPARE(w.currentId(), int(TunnelWizard::WelcomeId));
        auto* message = w.findChild<FindingLabel*>(QStringLiteral("profilePath.message"));
        QVERIFY(message->isVisible());
        QVERIFY(!message->text().isEmpty());

        w.welcomePage()->setStart(WelcomePage::Start::Example);
        clickNext(&w, TunnelWizard::SitesId);
        QCOMPARE(w.profile().name, QStringLiteral("seed"));
        QCOMPARE(w.sitesPage()->edit(QStringLiteral("networkA"))->text(), QStringLiteral("192.168.1.0/24"));
        QVERIFY(nextButton(&w)->isEnabled());
    }

    void keyShowCopyAndClipboardClearedAgain()
    {
        TunnelWizard w;
        toSites(w);
        typeSeedSites(w);
        clickNext(&w, TunnelWizard::AlgorithmsId);
        clickNext(&w, TunnelWizard::AuthenticationId);
        AuthenticationPage* page = w.authenticationPage();
        QLineEdit* key = page->keyEdit();
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        QCOMPARE(key->text().size(), 66);
        QVERIFY(page->bitsLabel()->text().contains(QStringLiteral("256")));
        QTest::mouseClick(page->showButton(), Qt::LeftButton);
        QCOMPARE(key->echoMode(), QLineEdit::Normal);
        QTest::mouseClick(page->showButton(), Qt::LeftButton);
        QCOMPARE(key->echoMode(), QLineEdit::Password);

        const QString first = key->text();
        QTest::mouseClick(page->generateButton(), Qt::LeftButton);
        QVERIFY(key->text() != first);
        QCOMPARE(QString::fromLatin1(*w.profile().psk), key->text());

        SecretClipboard::instance()->setClearAfter(300);
        QTest::mouseClick(page->copyButton(), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), key->text());
        QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 3000);

        // Something else copied in between stays.
        QTest::mouseClick(page->copyButton(), Qt::LeftButton);
        QGuiApplication::clipboard()->setText(QStringLiteral("ping 192.168.2.1"));
        QSignalSpy cleared(SecretClipboard::instance(), &SecretClipboard::cleared);
        QVERIFY(cleared.wait(3000));
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("ping 192.168.2.1"));
        SecretClipboard::instance()->setClearAfter(SecretClipboard::DefaultClearAfterMs);

        // A weak key of the admin's own: a warning under the field, not a block.
        typeInto(key, QStringLiteral("0x0011223344"));
        QVERIFY(page->bitsLabel()->text().contains(QStringLiteral("40")));
        QVERIFY(page->message(QStringLiteral("psk"))->isVisible());
        QCOMPARE(page->message(QStringLiteral("psk"))->findings().first().severity, Severity::Warning);
        QVERIFY(nextButton(&w)->isEnabled());
        typeInto(key, QStringLiteral("has spaces"));
        QVERIFY(!nextButton(&w)->isEnabled());
    }

    void savesTheProfileWithTheKey0600AndExportsTheBundle()
    {
        TunnelWizard w;
        QSignalSpy saved(&w, &TunnelWizard::profileSaved);
        QSignalSpy exported(&w, &TunnelWizard::bundleExported);
        toSites(w);
        typeSeedSites(w);
        clickNext(&w, TunnelWizard::AlgorithmsId);
        clickNext(&w, TunnelWizard::AuthenticationId);
        clickNext(&w, TunnelWizard::ReviewId);

        QTemporaryDir tmp;
        const QString with = tmp.filePath(QStringLiteral("with-key.json"));
        QVERIFY(w.reviewPage()->saveProfileTo(with, PskInFile::Include).ok());
        QCOMPARE(QFileInfo(with).permissions() & (QFile::ReadOther | QFile::ReadGroup | QFile::WriteOther | QFile::WriteGroup), QFile::Permissions());
        auto back = ProfileJson::load(with);
        QVERIFY(back.ok());
        QCOMPARE(back.value().psk, w.profile().psk);
        const QString without = tmp.filePath(QStringLiteral("without-key.json"));
        QVERIFY(w.reviewPage()->saveProfileTo(without, PskInFile::Omit).ok());
        QVERIFY(!readFile(without).contains(*w.profile().psk));
        QCOMPARE(saved.count(), 2);

        const QString bundle = tmp.filePath(QStringLiteral("seed.tar.gz"));
        QVERIFY(w.reviewPage()->exportBundleTo(bundle).ok());
        QCOMPARE(exported.count(), 1);
        QProcess tar;
        tar.start(QStringLiteral("tar"), {QStringLiteral("-tzf"), bundle});
        QVERIFY(tar.waitForFinished());
        const QByteArray listing = tar.readAllStandardOutput();
        QVERIFY2(listing.contains("topology.svg"), listing.constData());
        QVERIFY(listing.contains("gateway-a/etc/swanctl/conf.d/seed.conf"));

        const QString folder = tmp.filePath(QStringLiteral("bundle-folder"));
        QVERIFY(w.reviewPage()->exportBundleTo(folder).ok());
        const QByteArray svg = readFile(folder + QStringLiteral("/topology.svg"));
        QVERIFY(svg.startsWith("<?xml"));
        for (const Typed& t : SeedSites)
            if (t.field != QLatin1String("name"))
                QVERIFY2(svg.contains(t.text.toUtf8()), qPrintable(t.text));
    }

    void saveButtonAsksAboutTheKeyThenWhere()
    {
        TunnelWizard w;
        QSignalSpy saved(&w, &TunnelWizard::profileSaved);
        toSites(w);
        typeSeedSites(w);
        clickNext(&w, TunnelWizard::AlgorithmsId);
        clickNext(&w, TunnelWizard::AuthenticationId);
        clickNext(&w, TunnelWizard::ReviewId);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("asked.json"));

        // The admin answers the two dialogs: include the key, then the file name.
        bool asked = false;
        whenModal<QMessageBox>([&](QMessageBox* box) {
            asked = true;
            QVERIFY(box->text().contains(QStringLiteral("pre-shared key")));
            for (QAbstractButton* b : box->buttons())
                if (b->text() == QStringLiteral("&Include the key"))
                    b->click();
            whenModal<QFileDialog>([&](QFileDialog* dialog) {
                // Typed into the name field, as the admin does (Qt's own dialog: the platform has none).
                auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
                QVERIFY(name);
                name->setText(path);
                static_cast<QDialog*>(dialog)->accept(); // as pressing Save
            });
        });
        QTest::mouseClick(w.reviewPage()->saveButton(), Qt::LeftButton);
        QVERIFY(asked);
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saved.first().first().toString(), path);
        QVERIFY(readFile(path).contains(*w.profile().psk));
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void everyInputHasAnObjectNameAndAnAccessibleName()
    {
        TunnelWizard w;
        w.welcomePage()->setLabProfilePath({});
        for (int id : w.pageIds()) {
            QWizardPage* page = w.page(id);
            const auto inputs = page->findChildren<QWidget*>();
            for (QWidget* widget : inputs) {
                const bool input = qobject_cast<QLineEdit*>(widget) || qobject_cast<QComboBox*>(widget) || qobject_cast<QAbstractButton*>(widget)
                                   || qobject_cast<QAbstractSpinBox*>(widget);
                QWidget* parent = widget->parentWidget();
                if (!input || qobject_cast<QLineEdit*>(parent) || qobject_cast<QAbstractSpinBox*>(parent) || qobject_cast<QComboBox*>(parent)
                    || qobject_cast<QTabBar*>(parent) || qobject_cast<QAbstractItemView*>(parent))
                    continue; // parts of a compound widget (a spin box's line edit, a tab bar's scroll buttons, a table's corner button)
                QVERIFY2(!widget->objectName().isEmpty(), qPrintable(QStringLiteral("%1 on %2").arg(QString::fromLatin1(widget->metaObject()->className()), page->objectName())));
                QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
                QVERIFY2(!widget->toolTip().isEmpty(), qPrintable(widget->objectName() + QStringLiteral(" has no tooltip")));
            }
        }
    }
};

QTEST_MAIN(TestTunnelWizard)
#include "TestTunnelWizard.moc"
