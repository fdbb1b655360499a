// The wizard on a network of sites (profile format version 2), driven as an admin drives it: it
// opens resources/examples/hub-and-spoke.json, says what its pages do not show, shows one tunnel
// at a time with its sites' NAT, dynamic address, several networks and "managed by someone
// else"; the drawing shows them; wrong input names its field and keeps Next disabled; the Review
// page gives the files of the version 2 generators and the settings sheet for a peer's admin;
// saving loses nothing the pages do not show; the Deploy page pushes to the shown tunnel's
// managed gateways and refuses to split a key made this session.

#include "DeployPanel.h"
#include "FindingLabel.h"
#include "GeneratedFilesView.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "NetworkGenerator.h"
#include "ProfileDraft.h"
#include "ReviewPage.h"
#include "SitesPage.h"
#include "TopologyScene.h"
#include "TopologyView.h"
#include "TunnelWizard.h"

#include <QCheckBox>
#include <QGraphicsLineItem>

#include <functional>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

Q_DECLARE_METATYPE(std::function<void(ipsecwiz::ProfileDraft*)>)

namespace {

const QString Example = QStringLiteral(":/examples/hub-and-spoke.json");

NetworkProfile example()
{
    auto n = NetworkJson::load(Example);
    if (!n)
        qFatal("%s", qPrintable(n.error().toString()));
    return n.value();
}

QStringList drawn(TopologyView* view)
{
    return view->topologyScene()->texts();
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestNetworkWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        isolateSettings(m_settings.path());
    }

    void thePagesSayWhatTheyDoNotShowAndShowOneTunnelAtATime()
    {
        TunnelWizard w;
        w.editNetwork(example(), {}, 0);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.currentId(), int(TunnelWizard::SitesId));
        SitesPage* page = w.sitesPage();
        QVERIFY(page->networkNote()->isVisible());
        QVERIFY2(page->networkNote()->text().contains(QStringLiteral("4 sites and 3 tunnels")), qPrintable(page->networkNote()->text()));
        QVERIFY(page->networkNote()->text().contains(QStringLiteral("hq-branch2, hq-branch3")));
        QVERIFY(page->tunnelChoice()->isVisible());
        QCOMPARE(page->tunnelChoice()->count(), 3);

        // hq-branch1: branch1 sits behind NAT.
        QCOMPARE(page->edit(QStringLiteral("name"))->text(), QStringLiteral("hq-branch1"));
        QCOMPARE(page->reach(1)->currentData().toInt(), int(Reachability::Nat));
        QVERIFY(page->edit(QStringLiteral("gatewayB.natAddress"))->isVisible());
        QCOMPARE(page->edit(QStringLiteral("gatewayB.natAddress"))->text(), QStringLiteral("198.51.100.10"));
        QCOMPARE(page->edit(QStringLiteral("gatewayB.publicAddress"))->text(), QStringLiteral("172.16.1.2/24"));
        QVERIFY(!page->edit(QStringLiteral("gatewayA.natAddress"))->isVisible());
        QStringList texts = drawn(page->topologyView());
        for (const QString& t : {QStringLiteral("hq"), QStringLiteral("branch1"), QStringLiteral("NAT"), QStringLiteral("198.51.100.10")})
            QVERIFY2(texts.contains(t), qPrintable(texts.join(QStringLiteral(" | "))));
        QVERIFY(nextButton(&w)->isEnabled());

        // hq-branch2: branch2's address changes.
        page->tunnelChoice()->setFocus();
        QTest::keyClick(page->tunnelChoice(), Qt::Key_Down);
        QCOMPARE(w.draft()->tunnel().name, QStringLiteral("hq-branch2"));
        QCOMPARE(page->edit(QStringLiteral("name"))->text(), QStringLiteral("hq-branch2"));
        QCOMPARE(page->reach(1)->currentData().toInt(), int(Reachability::Dynamic));
        texts = drawn(page->topologyView());
        QVERIFY2(texts.contains(QStringLiteral("changes (dynamic)")), qPrintable(texts.join(QStringLiteral(" | "))));
        QVERIFY(!texts.contains(QStringLiteral("NAT")));

        // hq-branch3: two networks on branch3, one per line in the drawing.
        QTest::keyClick(page->tunnelChoice(), Qt::Key_Down);
        QCOMPARE(page->edit(QStringLiteral("networkB"))->text(), QStringLiteral("10.3.0.0/24, 10.30.0.0/24"));
        texts = drawn(page->topologyView());
        QVERIFY(texts.contains(QStringLiteral("10.3.0.0/24")));
        QVERIFY(texts.contains(QStringLiteral("10.30.0.0/24")));
    }

    void aSiteGetsNetworksNatAndADynamicAddressOnThePage()
    {
        TunnelWizard w;
        w.editNetwork(example(), {}, 0);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SitesPage* page = w.sitesPage();

        // A second network for hq, typed after a comma: every tunnel of hq carries it.
        typeInto(page->edit(QStringLiteral("networkA")), QStringLiteral("10.0.0.0/16, 10.5.0.0/24"));
        const Site& hq = w.draft()->site(Side::A);
        QCOMPARE(hq.name, QStringLiteral("hq"));
        QCOMPARE(hq.networks, (QStringList{QStringLiteral("10.0.0.0/16"), QStringLiteral("10.5.0.0/24")}));
        QVERIFY(drawn(page->topologyView()).contains(QStringLiteral("10.5.0.0/24")));
        QVERIFY(nextButton(&w)->isEnabled());

        // A network that overlaps the peer's: the message, under the peer's network as the checks
        // place it, names both.
        typeInto(page->edit(QStringLiteral("networkA")), QStringLiteral("10.0.0.0/16, 10.1.0.0/25"));
        FindingLabel* netMessage = page->message(QStringLiteral("networkB"));
        QVERIFY(netMessage->isVisible());
        QVERIFY2(netMessage->plainMessage().contains(QStringLiteral("10.1.0.0/25")), qPrintable(netMessage->plainMessage()));
        QVERIFY(!nextButton(&w)->isEnabled());
        typeInto(page->edit(QStringLiteral("networkA")), QStringLiteral("10.0.0.0/16"));
        QVERIFY(nextButton(&w)->isEnabled());

        // hq behind NAT: the NAT address field appears; a wrong one is named and stops Next.
        page->reach(0)->setFocus();
        choose(page->reach(0), int(Reachability::Nat));
        QCOMPARE(w.draft()->site(Side::A).gateway.reach, Reachability::Nat);
        QLineEdit* nat = page->edit(QStringLiteral("gatewayA.natAddress"));
        QVERIFY(nat->isVisible());
        typeInto(nat, QStringLiteral("198.51.100.300"));
        QVERIFY(page->message(QStringLiteral("gatewayA.natAddress"))->isVisible());
        QVERIFY(!nextButton(&w)->isEnabled());
        typeInto(nat, QStringLiteral("198.51.100.77"));
        QCOMPARE(w.draft()->site(Side::A).gateway.publicAddress, QStringLiteral("198.51.100.77"));
        QVERIFY2(!w.draft()->hasErrorIn(SitesPage::fields()), qPrintable(w.draft()->findings().value(0).toString()));
        QVERIFY(drawn(page->topologyView()).contains(QStringLiteral("198.51.100.77")));

        // Both ends dynamic: nobody can start the tunnel, said for the tunnel as a whole.
        choose(page->reach(0), int(Reachability::Dynamic));
        choose(page->reach(1), int(Reachability::Dynamic));
        FindingLabel* tunnelMessage = page->message(QStringLiteral("tunnel"));
        QVERIFY(tunnelMessage->isVisible());
        QVERIFY2(tunnelMessage->plainMessage().contains(QStringLiteral("dynamic")), qPrintable(tunnelMessage->plainMessage()));
        QVERIFY(!nextButton(&w)->isEnabled());
        choose(page->reach(0), int(Reachability::Direct));
        QVERIFY(!tunnelMessage->isVisible());
        QVERIFY(nextButton(&w)->isEnabled());
    }

    // Every kind of mistake the network checks know, made on the pages of the example: its
    // message names the page's field, and the page that shows that field does not let the admin
    // go on (the Sites page's Next, the Algorithms or Authentication page's).
    void everyNetworkMistakeStopsThePageThatShowsIt_data()
    {
        using Edit = std::function<void(ProfileDraft*)>;
        QTest::addColumn<int>("tunnel");
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("page");
        QTest::addColumn<QString>("says");
        const auto nets = [](Side side, const QString& text) {
            return Edit([=](ProfileDraft* d) { d->edit([&](TunnelProfile& p) { p.network(side) = text; }); });
        };
        const auto site = [](Side side, std::function<void(Site&)> change) { return Edit([=](ProfileDraft* d) { d->editSite(side, change); }); };
        QTest::newRow("overlap across the tunnel") << 0 << nets(Side::B, QStringLiteral("10.0.1.0/24")) << QStringLiteral("networkB")
                                                   << int(TunnelWizard::SitesId) << QStringLiteral("overlaps");
        QTest::newRow("overlap two spokes at the hub") << 1 << nets(Side::B, QStringLiteral("10.1.0.0/24")) << QStringLiteral("networkB")
                                                       << int(TunnelWizard::SitesId) << QStringLiteral("reaches both");
        QTest::newRow("a network that is none") << 2 << nets(Side::B, QStringLiteral("10.3.0.0/24, 10.300.0.0/24")) << QStringLiteral("networkB")
                                                << int(TunnelWizard::SitesId) << QStringLiteral("10.300.0.0");
        QTest::newRow("duplicate tunnel name") << 0 << Edit([](ProfileDraft* d) { d->edit([](TunnelProfile& p) { p.name = QStringLiteral("hq-branch2"); }); })
                                               << QStringLiteral("name") << int(TunnelWizard::SitesId) << QStringLiteral("Two tunnels");
        QTest::newRow("both ends dynamic") << 1 << site(Side::A, [](Site& s) { s.gateway.reach = Reachability::Dynamic; }) << QStringLiteral("tunnel")
                                           << int(TunnelWizard::SitesId) << QStringLiteral("dynamic addresses");
        QTest::newRow("NAT address not an address") << 0 << site(Side::B, [](Site& s) { s.gateway.publicAddress = QStringLiteral("nat-box"); })
                                                    << QStringLiteral("gatewayB.natAddress") << int(TunnelWizard::SitesId) << QStringLiteral("nat-box");
        QTest::newRow("behind NAT with an address identity") << 2 << site(Side::B, [](Site& s) {
            s.gateway.reach = Reachability::Nat;
            s.gateway.publicAddress = QStringLiteral("192.0.2.80");
        }) << QStringLiteral("gatewayB.identity") << int(TunnelWizard::AuthenticationId) << QStringLiteral("address identity");
        QTest::newRow("racoon where the address changes") << 1 << site(Side::B, [](Site& s) { s.gateway.flavour = Flavour::Racoon; })
                                                          << QStringLiteral("gatewayB.flavour") << int(TunnelWizard::AlgorithmsId) << QStringLiteral("changes");
        QTest::newRow("racoon-tool waiting for a dynamic peer") << 1 << site(Side::A, [](Site& s) { s.gateway.flavour = Flavour::RacoonTool; })
                                                                << QStringLiteral("tunnel") << int(TunnelWizard::SitesId) << QStringLiteral("racoon-tool");
        QTest::newRow("internal address outside the networks") << 0 << site(Side::A, [](Site& s) { s.gateway.internalAddress = QStringLiteral("10.9.0.1"); })
                                                               << QStringLiteral("gatewayA.internalAddress") << int(TunnelWizard::SitesId)
                                                               << QStringLiteral("none of its networks");
    }

    void everyNetworkMistakeStopsThePageThatShowsIt()
    {
        using Edit = std::function<void(ProfileDraft*)>;
        QFETCH(int, tunnel);
        QFETCH(Edit, edit);
        QFETCH(QString, field);
        QFETCH(int, page);
        QFETCH(QString, says);
        TunnelWizard w;
        w.editNetwork(example(), {}, tunnel);
        for (int id : {int(TunnelWizard::SitesId), int(TunnelWizard::AlgorithmsId), int(TunnelWizard::AuthenticationId)})
            QVERIFY2(w.page(id)->isComplete(), qPrintable(w.draft()->findings().value(0).toString()));
        edit(w.draft());
        const QList<Finding> found = w.draft()->findingsFor(field);
        QVERIFY2(!found.isEmpty(), qPrintable(QStringLiteral("nothing on %1; all: %2").arg(field, w.draft()->findings().value(0).toString())));
        QCOMPARE(found.first().severity, Severity::Error);
        QVERIFY2(found.first().message.contains(says), qPrintable(found.first().message));
        QVERIFY(!w.page(page)->isComplete());
        // Review generates nothing while it stands.
        QVERIFY(hasErrors(w.draft()->findings()));
    }

    void aPeerRunBySomeoneElseGetsOnlyOurSideAndASettingsSheet()
    {
        TunnelWizard w;
        w.editNetwork(example(), {}, 2); // hq-branch3
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SitesPage* page = w.sitesPage();
        page->managedElsewhere(1)->setFocus();
        QTest::keyClick(page->managedElsewhere(1), Qt::Key_Space);
        QVERIFY(!w.draft()->site(Side::B).gateway.managed);
        QVERIFY(drawn(page->topologyView()).contains(QStringLiteral("managed elsewhere")));
        clickNext(&w, TunnelWizard::AlgorithmsId);
        clickNext(&w, TunnelWizard::AuthenticationId);
        clickNext(&w, TunnelWizard::ReviewId);

        ReviewPage* review = w.reviewPage();
        QTRY_VERIFY(review->isComplete());
        // hq's gateway with every tunnel it carries; branch3 only as a sheet for its admin.
        const QStringList paths = review->filesView()->relativePaths();
        for (const QString& p : {QStringLiteral("hq/etc/swanctl/conf.d/hq-branch1.conf"), QStringLiteral("hq/etc/swanctl/conf.d/hq-branch3.conf"),
                                 QStringLiteral("branch3/settings-hq-branch3.txt")})
            QVERIFY2(paths.contains(p), qPrintable(paths.join(QLatin1Char(' '))));
        QVERIFY(!paths.contains(QStringLiteral("branch3/etc/swanctl/conf.d/hq-branch3.conf")));

        // The sheet is the one `generate` writes, with both networks and no key.
        const QString sheet = review->settingsSheet();
        QCOMPARE(sheet.toUtf8(), Generate::settingsSheet(w.draft()->network(), w.draft()->tunnel()));
        QVERIFY(sheet.contains(QStringLiteral("10.30.0.0/24")));
        QVERIFY(!sheet.contains(QString::fromLatin1(*w.draft()->tunnel().psk)));
        QVERIFY(review->sheetButton()->isVisible());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sheet.txt"));
        QVERIFY(review->saveSettingsSheetTo(path).ok());
        QCOMPARE(readAll(path), sheet.toUtf8());
        // The file Review shows for hq is what `generate --gateway hq` makes.
        QPlainTextEdit* conf = review->filesView()->fileView(QStringLiteral("hq/etc/swanctl/conf.d/hq-branch3.conf"));
        QVERIFY(conf);
        auto hq = Generate::gateway(w.draft()->network(), QStringLiteral("hq"));
        QVERIFY(hq.ok());
        QCOMPARE(conf->property("content").toByteArray(), hq.value().file(QStringLiteral("/etc/swanctl/conf.d/hq-branch3.conf"))->content);
    }

    void savingKeepsWhatThePagesDoNotShow()
    {
        const NetworkProfile original = example();
        QTemporaryDir dir;
        TunnelWizard w;
        w.editNetwork(original, {}, 0);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        // Looking at another tunnel and saving without keys changes nothing at all.
        QTest::keyClick(w.sitesPage()->tunnelChoice(), Qt::Key_Down);
        clickNext(&w, TunnelWizard::AlgorithmsId);
        clickNext(&w, TunnelWizard::AuthenticationId);
        clickNext(&w, TunnelWizard::ReviewId);
        const QString untouched = dir.filePath(QStringLiteral("untouched.json"));
        QVERIFY(w.reviewPage()->saveProfileTo(untouched, PskInFile::Omit).ok());
        auto reread = NetworkJson::load(untouched);
        QVERIFY2(reread.ok(), reread.ok() ? "" : qPrintable(reread.error().toString()));
        NetworkProfile expected = original;
        if (expected.tunnels.isEmpty())
            expected.tunnels = Network::tunnelsFor(expected.sites, expected.topology, expected.ike, expected.esp);
        QCOMPARE(NetworkJson::toJson(reread.value(), PskInFile::Omit), NetworkJson::toJson(expected, PskInFile::Omit));

        // One field edited: that field changes, and every other site and tunnel stays.
        w.back();
        w.back();
        w.back();
        QCOMPARE(w.currentId(), int(TunnelWizard::SitesId));
        typeInto(w.sitesPage()->edit(QStringLiteral("gatewayB.internalAddress")), QStringLiteral("10.2.0.254"));
        clickNext(&w, TunnelWizard::AlgorithmsId);
        clickNext(&w, TunnelWizard::AuthenticationId);
        clickNext(&w, TunnelWizard::ReviewId);
        const QString edited = dir.filePath(QStringLiteral("edited.json"));
        QVERIFY(w.reviewPage()->saveProfileTo(edited, PskInFile::Include).ok());
        QCOMPARE(QFile::permissions(edited) & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
        auto withKeys = NetworkJson::load(edited);
        QVERIFY(withKeys.ok());
        expected.sites[2].gateway.internalAddress = QStringLiteral("10.2.0.254");
        NetworkProfile keyless = withKeys.value();
        for (Tunnel& t : keyless.tunnels) {
            QVERIFY2(t.psk && t.psk->size() >= 32, qPrintable(t.name)); // every tunnel got its own key
            t.psk.reset();
        }
        QCOMPARE(NetworkJson::toJson(keyless, PskInFile::Omit), NetworkJson::toJson(expected, PskInFile::Omit));
    }

    void theMainWindowOpensANetworkAndItsDeployPushesOnlyWhatItMay()
    {
        MainWindow window;
        QVERIFY(window.openProfile(Example));
        QVERIFY(!window.isPair());
        QCOMPARE(window.network().sites.size(), 4);
        auto* files = window.findChild<GeneratedFilesView*>();
        QVERIFY(files);
        const QStringList paths = files->relativePaths();
        for (const QString& site : {QStringLiteral("hq"), QStringLiteral("branch1"), QStringLiteral("branch2"), QStringLiteral("branch3")})
            QVERIFY2(!paths.filter(QRegularExpression(QStringLiteral("^%1/etc/swanctl/conf.d/hq-branch").arg(site))).isEmpty(),
                     qPrintable(paths.join(QLatin1Char(' '))));
        QVERIFY(window.action(QStringLiteral("actionDeploy"))->isEnabled());
        QVERIFY(window.action(QStringLiteral("actionMonitor"))->isEnabled()); // the network monitor

        // The Deploy panel of hq-branch1: hq and branch1, both managed. The example holds no keys:
        // pushing hq would give hq-branch2 a key branch2 never gets, so it is refused.
        DeployPanel panel;
        QStringList keyless;
        for (const Tunnel& t : window.network().tunnels)
            keyless << t.name;
        panel.setNetwork(window.network(), 0, QDir::tempPath(), keyless);
        panel.push();
        QVERIFY(!panel.isBusy());
        QVERIFY2(panel.logText().contains(QStringLiteral("Tunnel “hq-branch2” has no key in the profile")), qPrintable(panel.logText()));
        // With the keys in the profile, the dry run lists hq's and branch1's files and nobody else's.
        panel.setNetwork(window.network(), 0, QDir::tempPath(), {});
        panel.dryRun();
        const QString log = panel.logText();
        QVERIFY2(log.contains(QStringLiteral("hq-branch1.conf")), qPrintable(log));
        QVERIFY(log.contains(QStringLiteral("branch1")));
        QVERIFY(!log.contains(QStringLiteral("[branch3]")));
        for (const Tunnel& t : window.network().tunnels)
            QVERIFY2(!log.contains(QString::fromLatin1(*t.psk)), "the dry run shows a key");
    }

    // The main window draws the network whole; a click on a tunnel's line selects the tunnel that
    // Deploy and Edit act on, a click on a site shows its gateway's files.
    void clickingTheDrawingSelectsATunnelOrAGateway()
    {
        MainWindow window;
        window.resize(1100, 760);
        QVERIFY(window.openProfile(Example));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* view = window.findChild<TopologyView*>();
        QVERIFY(view && view->topologyScene()->showsWholeNetwork());
        QCOMPARE(view->topologyScene()->selectedTunnel(), QStringLiteral("hq-branch1"));
        // The middle of a tunnel's line; looked up each time, as a selection draws the scene anew.
        const auto middleOf = [&](const QString& tunnel) {
            for (QGraphicsItem* item : view->topologyScene()->items())
                if (item->data(0).toString() == QStringLiteral("tunnel:") + tunnel)
                    return static_cast<QGraphicsLineItem*>(item)->line().pointAt(0.5);
            return QPointF(-1e9, -1e9);
        };
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(middleOf(QStringLiteral("hq-branch3"))));
        QCOMPARE(window.selectedTunnel(), 2);
        QCOMPARE(view->topologyScene()->selectedTunnel(), QStringLiteral("hq-branch3"));
        auto* files = window.findChild<GeneratedFilesView*>();
        QCOMPARE(files->currentWidget()->objectName(), QStringLiteral("hq"));
        auto* summary = window.findChild<QLabel*>(QStringLiteral("summary"));
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(QStringLiteral("Deploy pushes tunnel hq-branch3")), qPrintable(summary->text()));

        // branch2's box: its gateway's files.
        QPointF branch2;
        for (QGraphicsItem* item : view->topologyScene()->items())
            if (item->data(0).toString() == QLatin1String("site:branch2"))
                branch2 = item->sceneBoundingRect().center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(branch2));
        QCOMPARE(files->currentWidget()->objectName(), QStringLiteral("branch2"));
        QCOMPARE(window.selectedTunnel(), 2); // a site is not a tunnel

        // A drag pans and selects nothing.
        view->zoomBy(3);
        const QPoint from = view->mapFromScene(middleOf(QStringLiteral("hq-branch1")));
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(view->viewport(), from + QPoint(60, 0));
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, from + QPoint(60, 0));
        QCOMPARE(window.selectedTunnel(), 2);
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestNetworkWizard)
#include "TestNetworkWizard.moc"
