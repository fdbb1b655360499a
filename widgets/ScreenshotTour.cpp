#include "ScreenshotTour.h"

#include "AlgorithmsPage.h"
#include "GatewayMonitorPane.h"
#include "CheckDialog.h"
#include "DiagnoseDialog.h"
#include "Drift.h"
#include "IkeLog.h"
#include "NetworkGenerator.h"
#include "MainWindow.h"
#include "NetworkSitesPage.h"
#include "MonitorView.h"
#include "MonitorWindow.h"
#include "NetworkMonitorView.h"
#include "NetworkMonitorWindow.h"
#include "ProfileDraft.h"
#include "SitesPage.h"
#include "Theme.h"
#include "Translations.h"
#include "TunnelWizard.h"
#include "WelcomePage.h"

#include <QApplication>
#include <QTreeWidget>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPixmap>
#include <QTabWidget>
#include <QTextStream>

namespace ipsecwiz::ScreenshotTour {

namespace {

// Lets layouts, the window manager and the first paints happen before a grab.
void settle(int ms = 250)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

bool save(QWidget* w, const QString& dir, const QString& name)
{
    settle();
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    const bool ok = w->grab().save(path, "PNG");
    QTextStream(stdout) << (ok ? "wrote " : "FAILED ") << path << Qt::endl;
    return ok;
}

// The Sites page with FIELD typed as VALUE (its message under it), then put right again.
bool saveWithTyped(TunnelWizard& wizard, const QString& dir, const QString& name, const QString& field, const QString& value)
{
    QLineEdit* edit = wizard.sitesPage()->edit(field);
    const QString good = edit->text();
    edit->setFocus();
    edit->selectAll();
    edit->insert(value);
    Q_EMIT edit->textEdited(edit->text());
    const bool ok = save(&wizard, dir, name);
    edit->setText(good);
    Q_EMIT edit->textEdited(good);
    return ok;
}

// Network B overlapping network A: an error, Next disabled.
bool saveWithWrongNetwork(TunnelWizard& wizard, const QString& dir, const QString& name)
{
    return saveWithTyped(wizard, dir, name, QStringLiteral("networkB"), QStringLiteral("192.168.1.7/24"));
}

// Gateway B at another ISP and no default router typed: a note under the router's field says
// what will happen, and Next stays enabled.
bool saveWithOtherIsp(TunnelWizard& wizard, const QString& dir, const QString& name)
{
    return saveWithTyped(wizard, dir, name, QStringLiteral("gatewayB.publicAddress"), QStringLiteral("198.51.100.2/24"));
}

QByteArray recorded(const QString& dir, const QString& name)
{
    QFile f(QDir(dir).filePath(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

MonitorUpdate swanctlPoll(const QByteArray& text, qint64 roundTripMs)
{
    PollResult poll;
    poll.source = MonitorSource::Swanctl;
    poll.states = text;
    poll.roundTripMs = roundTripMs;
    return MonitorUpdate{poll, snapshotOf(poll)};
}

// The monitor, fed with polls recorded from the lab's two gateways (tests/fixtures/monitor):
// the tunnel up, then both gateways after an IKE rekey. No lab needed for the picture.
bool monitorShot(const QString& polls, const QString& dir, const QString& name)
{
    TunnelProfile lab;
    lab.name = QStringLiteral("lab");
    lab.networkA = QStringLiteral("10.1.0.0/24");
    lab.networkB = QStringLiteral("10.2.0.0/24");
    lab.gatewayA.publicAddress = QStringLiteral("198.51.100.1");
    lab.gatewayA.internalAddress = QStringLiteral("10.1.0.1");
    lab.gatewayB.publicAddress = QStringLiteral("198.51.100.2");
    lab.gatewayB.internalAddress = QStringLiteral("10.2.0.1");
    MonitorWindow window(lab, QDir::tempPath());
    window.resize(1280, 860);
    window.show();
    MonitorView* view = window.view();
    view->applyUpdate(Side::A, swanctlPoll(recorded(polls, QStringLiteral("lab-gateway-a-swanctl-list-sas.txt")), 6), 1000);
    view->applyUpdate(Side::B, swanctlPoll(recorded(polls, QStringLiteral("lab-gateway-b-swanctl-list-sas.txt")), 7), 1000);
    view->applyUpdate(Side::A, swanctlPoll(recorded(polls, QStringLiteral("lab-gateway-a-swanctl-after-ike-rekey.txt")), 6), 2000);
    view->applyUpdate(Side::B, swanctlPoll(recorded(polls, QStringLiteral("lab-gateway-b-swanctl-after-ike-rekey.txt")), 8), 2000);
    if (auto* tabs = view->pane(Side::B)->tabs())
        tabs->setCurrentIndex(2); // B's raw output, the changed lines highlighted
    return save(&window, dir, name);
}

// The monitor asked to watch a profile with an error: nothing connects, and both panes and the
// events name the field.
bool monitorRefusedShot(const QString& dir, const QString& name)
{
    TunnelProfile lab;
    lab.name = QStringLiteral("lab");
    lab.networkA = QStringLiteral("10.1.0.0/24");
    lab.networkB = QStringLiteral("10.2.0.0/24");
    lab.gatewayA.publicAddress = QStringLiteral("198.51.100.1");
    lab.gatewayA.internalAddress = QStringLiteral("10.1.0.1");
    lab.gatewayA.ssh.user = QStringLiteral("x$(id)");
    lab.gatewayB.publicAddress = QStringLiteral("198.51.100.2");
    lab.gatewayB.internalAddress = QStringLiteral("10.2.0.1");
    MonitorWindow window(lab, QDir::tempPath());
    window.resize(1280, 860);
    window.show();
    window.start(MonitorSource::Auto);
    return save(&window, dir, name);
}

// A hub and eleven branches in the main window: the star layout, every label clear of the others.
bool hubDrawingShot(const QString& dir, const QString& name)
{
    NetworkProfile n;
    n.name = QStringLiteral("retail");
    for (int i = 0; i < 12; ++i) {
        Site s;
        s.name = i == 0 ? QStringLiteral("hq") : QStringLiteral("store%1").arg(i, 2, 10, QLatin1Char('0'));
        s.networks = {QStringLiteral("10.%1.0.0/%2").arg(i).arg(i == 0 ? 16 : 24)};
        s.gateway.localAddress = QStringLiteral("198.51.100.%1").arg(i + 1);
        s.gateway.internalAddress = QStringLiteral("10.%1.0.1").arg(i);
        n.sites << s;
    }
    n.sites[4].gateway.reach = Reachability::Dynamic;
    n.sites[4].gateway.identity = Identity{IdentityKind::Fqdn, QStringLiteral("store04.example.net")};
    n.sites[7].gateway.managed = false;
    n.topology.kind = TopologyKind::HubAndSpoke;
    n.topology.hub = QStringLiteral("hq");
    n.tunnels = Network::tunnelsFor(n.sites, n.topology, n.ike, n.esp);
    MainWindow window;
    window.resize(1280, 860);
    window.setNetwork(n);
    window.show();
    return save(&window, dir, name);
}

// The monitor of the example network, fed with polls recorded from its lab (lab up --from the
// example, pushed; tests/fixtures/monitor/lab-net-*): branch2's gateway stopped (it answers no
// more), branch3's charon crashed (hq still holds its SAs: half-up), hq-branch1 up through NAT.
bool networkMonitorShot(const QString& polls, const QString& dir, const QString& name)
{
    auto network = NetworkJson::load(QStringLiteral(":/examples/hub-and-spoke.json"));
    if (!network)
        return false;
    NetworkMonitorWindow window(network.value(), QDir::tempPath());
    window.resize(1400, 860);
    window.show();
    NetworkMonitorView* view = window.view();
    const auto reading = [](const MonitorUpdate& u) { return readingOf(u.poll, u.snapshot); };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qint64 ms : {now - 1000, now}) {
        view->applyReading(QStringLiteral("hq"), reading(swanctlPoll(recorded(polls, QStringLiteral("lab-net-hq-swanctl-branch3-crashed.txt")), 9)), ms);
        view->applyReading(QStringLiteral("branch1"), reading(swanctlPoll(recorded(polls, QStringLiteral("lab-net-branch1-swanctl-list-sas.txt")), 8)), ms);
        GatewayReading stopped;
        stopped.reason = QStringLiteral("root@10.99.3.2:22: Cannot connect: Connection refused"); // as libssh said it
        view->applyReading(QStringLiteral("branch2"), stopped, ms);
        GatewayReading crashed; // its charon gone: ip xfrm answers, with nothing
        crashed.reached = true;
        crashed.source = QStringLiteral("xfrm");
        crashed.roundTripMs = 7;
        view->applyReading(QStringLiteral("branch3"), crashed, ms);
    }
    return save(&window, dir, name);
}

// Diagnose… of the seed tunnel fed with charon logs recorded from the lab (tests/fixtures/logs/
// charon/esp-proposal.*: B's ESP proposal edited by hand): the cause, field, fix and both sides'
// lines as NAME; as LOGSNAME its tab of both logs lined up on their packets, the evidence marked.
bool diagnoseShot(const QString& logs, const QString& dir, const QString& name, const QString& logsName)
{
    QFile a(QDir(logs).filePath(QStringLiteral("esp-proposal.a.log")));
    QFile b(QDir(logs).filePath(QStringLiteral("esp-proposal.b.log")));
    if (!a.open(QIODevice::ReadOnly) || !b.open(QIODevice::ReadOnly))
        return false;
    const QByteArray textA = a.readAll();
    const QByteArray textB = b.readAll();
    DiagnoseReport report;
    report.attempted = true;
    report.findings = IkeDiagnose::diagnose(IkeLog::parse(textA), IkeLog::parse(textB), true);
    report.logA = IkeLog::masked(QString::fromUtf8(textA)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    report.logB = IkeLog::masked(QString::fromUtf8(textB)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    auto seed = ProfileJson::load(WelcomePage::exampleProfilePath());
    if (!seed)
        return false;
    DiagnoseDialog dialog(Network::fromTunnelProfile(seed.value()), 0, QDir::tempPath());
    dialog.resize(980, 640);
    dialog.show();
    dialog.setGatewayNames(QStringLiteral("A"), QStringLiteral("B"));
    dialog.showReport(report);
    bool ok = save(&dialog, dir, name);
    auto* tabs = dialog.findChild<QTabWidget*>();
    if (!tabs)
        return false;
    // Wide, as one would open it to read two logs side by side.
    dialog.resize(1280, 640);
    tabs->setCurrentIndex(1);
    ok &= save(&dialog, dir, logsName);
    return ok;
}

// Diagnose… of the lab's tunnel, up and carrying nothing: a masquerade on A catches its traffic.
// The finding's own fix, an exemption rule, is offered as "Make the fix on gateway A…" (what the
// lab's fault matrix showed, tests/e2e/lab-fault-matrix-test.sh).
bool diagnoseFixShot(const QString& dir, const QString& name)
{
    auto seed = ProfileJson::load(WelcomePage::exampleProfilePath());
    if (!seed)
        return false;
    DiagnoseReport report;
    report.up = true;
    report.attempted = true;
    report.probes << QStringLiteral("ping from 10.1.0.1 (gateway A) to 10.2.0.1 (gateway B) through the tunnel: not answered");
    IkeDiagnosis nat{QStringLiteral("A NAT rule on gateway A catches the tunnel's traffic before IPsec does (table ip nat, chain postrouting: ip saddr "
                                    "10.1.0.0/24 masquerade): the packets leave with another source address, match no policy of the tunnel, and "
                                    "never enter it."),
                     QStringLiteral("gateway"),
                     QStringLiteral("Exempt the tunnel's traffic before that rule, on gateway A: nft insert rule ip nat postrouting ip saddr 10.1.0.0/24 "
                                    "ip daddr 10.2.0.0/24 accept (and the same in the file that rule comes from, so it stays)."),
                     {QStringLiteral("gateway A: table ip nat, chain postrouting, line 12 of nft list ruleset: ip saddr 10.1.0.0/24 masquerade"),
                      QStringLiteral("gateway A: CHILD_SA lab: out 0 packets, in 0 packets after 3 pings")},
                     QStringLiteral("gateway A")};
    nat.change = GatewayChange{QStringLiteral("site-a"), {}, {QStringLiteral("ip nat postrouting ip saddr 10.1.0.0/24 ip daddr 10.2.0.0/24 accept")}};
    report.findings << nat;
    DiagnoseDialog dialog(Network::fromTunnelProfile(seed.value()), 0, QDir::tempPath());
    dialog.resize(980, 640);
    dialog.show();
    dialog.setGatewayNames(QStringLiteral("gateway A"), QStringLiteral("gateway B"));
    dialog.setPushAvailable(true);
    dialog.showReport(report);
    return save(&dialog, dir, name);
}

// Check for drift… on the example network: hq and branch1 as the profile makes them, branch2's
// connection edited by hand (its ESP proposal: the diff, as Drift computes it), branch3 stopped.
bool checkShot(const QString& dir, const QString& name)
{
    auto loaded = NetworkJson::load(QStringLiteral(":/examples/hub-and-spoke.json"));
    if (!loaded)
        return false;
    NetworkProfile n = loaded.value();
    int i = 0;
    for (Tunnel& t : n.tunnels) // fixed, fake keys: the picture shows "(key)" where they stand
        t.psk = "0x" + QByteArray::number(++i).repeated(64).left(64);
    auto generated = Generate::gateways(n, Generate::managedSites(n));
    if (!generated)
        return false;
    QList<QByteArray> keys;
    for (const Tunnel& t : n.tunnels)
        keys << *t.psk;
    QList<GatewayCheck> results;
    for (const auto& [site, cfg] : generated.value()) {
        GatewayCheck r;
        r.label = site;
        r.reached = site != QLatin1String("branch3");
        if (!r.reached) {
            r.reason = QStringLiteral("root@198.51.100.30:22: Cannot connect: Connection refused");
            results << r;
            continue;
        }
        QHash<QString, std::optional<QByteArray>> live;
        for (const GeneratedFile& f : cfg.files) {
            QByteArray content = f.content;
            if (site == QLatin1String("branch2") && f.path.endsWith(QLatin1String(".conf")))
                content.replace("esp_proposals = aes256gcm16-curve25519", "esp_proposals = aes128-sha256-modp2048");
            live.insert(f.path, content);
        }
        r.files = Drift::compare(cfg, live, keys);
        results << r;
    }
    CheckDialog dialog(n, QDir::tempPath());
    dialog.show();
    dialog.showResults(results);
    for (int i = 0; i < dialog.tree()->topLevelItemCount(); ++i) // the edited file chosen
        for (int j = 0; j < dialog.tree()->topLevelItem(i)->childCount(); ++j)
            if (dialog.tree()->topLevelItem(i)->child(j)->text(0).endsWith(QStringLiteral("differs")) || dialog.tree()->topLevelItem(i)->child(j)->text(0).endsWith(QStringLiteral("unterscheidet sich")))
                dialog.tree()->setCurrentItem(dialog.tree()->topLevelItem(i)->child(j));
    return save(&dialog, dir, name);
}

// The example network (a hub and three branches: one behind NAT, one dynamic, one with two
// networks) in the wizard: the Sites page of the NATed branch's tunnel, then branch3 handed to its
// own admin, and the Review page with the settings sheet for them.
bool networkShots(const QString& dir, const QString& suffix)
{
    auto network = NetworkJson::load(QStringLiteral(":/examples/hub-and-spoke.json"));
    if (!network) {
        QTextStream(stderr) << network.error().toString() << Qt::endl;
        return false;
    }
    bool ok = true;
    TunnelWizard wizard;
    wizard.resize(1060, 860);
    wizard.editNetwork(network.value(), {}, 0);
    wizard.show();
    ok &= save(&wizard, dir, QStringLiteral("10-network-sites-nat-") + suffix);
    wizard.draft()->showTunnel(2);
    wizard.draft()->editSite(Side::B, [](Site& s) { s.gateway.managed = false; });
    ok &= save(&wizard, dir, QStringLiteral("10-network-sites-unmanaged-") + suffix);
    wizard.next();
    wizard.next();
    wizard.next();
    ok &= save(&wizard, dir, QStringLiteral("10-network-review-") + suffix);

    // The same network on the sites table, three branches pasted from a spreadsheet (one with a
    // typing mistake, its message beside it), the tunnels the template made, and the Review page
    // with a gateway list on the left.
    TunnelWizard tables;
    tables.resize(1280, 860);
    tables.editNetworkSites(network.value());
    tables.show();
    tables.networkSitesPage()->pasteSites(QStringLiteral("branch4,10.4.0.0/24,198.51.100.40\n"
                                                         "branch5,10.5.0.0/24 10.5.8.0/22,198.51.100.50,nat,203.0.113.50\n"
                                                         "branch6,10.6.0.0/33,198.51.100.60,direct,,racoon-tool\n"));
    ok &= save(&tables, dir, QStringLiteral("14-network-sites-table-") + suffix);
    tables.networkSitesPage()->pasteSites(QStringLiteral("branch6,10.6.0.0/24,198.51.100.60,direct,,racoon-tool\n"));
    tables.next();
    ok &= save(&tables, dir, QStringLiteral("14-network-tunnels-") + suffix);
    tables.next();
    ok &= save(&tables, dir, QStringLiteral("14-network-review-gateways-") + suffix);
    {
        MainWindow window;
        window.resize(1100, 760);
        window.openProfile(QStringLiteral(":/examples/hub-and-spoke.json"));
        window.show();
        ok &= save(&window, dir, QStringLiteral("10-network-main-window-") + suffix);
    }
    return ok;
}

} // namespace

int run(const QString& dir)
{
    if (!QDir().mkpath(dir)) {
        QTextStream(stderr) << "cannot create " << dir << Qt::endl;
        return 1;
    }
    bool ok = true;
    for (const auto& [mode, suffix] : {std::pair{Theme::Mode::Light, QStringLiteral("light")}, std::pair{Theme::Mode::Dark, QStringLiteral("dark")}}) {
        Theme::apply(mode);
        {
            TunnelWizard wizard;
            wizard.resize(1060, 800);
            wizard.welcomePage()->setLabProfilePath({}); // the same picture with or without a lab
            wizard.show();
            ok &= save(&wizard, dir, QStringLiteral("1-welcome-") + suffix);
            wizard.welcomePage()->setStart(WelcomePage::Start::Example);
            wizard.next();
            ok &= save(&wizard, dir, QStringLiteral("2-sites-") + suffix);

            // The same page with a mistake in it: the message sits right under the field.
            ok &= saveWithWrongNetwork(wizard, dir, QStringLiteral("3-sites-error-") + suffix);
            ok &= saveWithOtherIsp(wizard, dir, QStringLiteral("3b-sites-other-isp-") + suffix);

            wizard.next();
            ok &= save(&wizard, dir, QStringLiteral("4-algorithms-") + suffix);
            wizard.next();
            ok &= save(&wizard, dir, QStringLiteral("5-authentication-") + suffix);
            wizard.next();
            ok &= save(&wizard, dir, QStringLiteral("6-review-") + suffix);
            wizard.next();
            ok &= save(&wizard, dir, QStringLiteral("6b-deploy-") + suffix);
        }
        {
            MainWindow window;
            window.resize(1100, 760);
            window.openProfile(WelcomePage::exampleProfilePath());
            window.show();
            ok &= save(&window, dir, QStringLiteral("7-main-window-") + suffix);
        }
        ok &= networkShots(dir, suffix);
        ok &= hubDrawingShot(dir, QStringLiteral("13-hub-12-sites-") + suffix);
        ok &= checkShot(dir, QStringLiteral("15-check-drift-") + suffix);
        ok &= diagnoseFixShot(dir, QStringLiteral("16-diagnose-fix-") + suffix);
        if (const QString logs = qEnvironmentVariable("IPSECWIZ_SCREENSHOT_LOGS"); !logs.isEmpty())
            ok &= diagnoseShot(logs, dir, QStringLiteral("16-diagnose-") + suffix, QStringLiteral("16-diagnose-logs-") + suffix);
        const QString polls = qEnvironmentVariable("IPSECWIZ_SCREENSHOT_MONITOR_POLLS");
        if (!polls.isEmpty()) {
            ok &= monitorShot(polls, dir, QStringLiteral("9-monitor-") + suffix);
            ok &= networkMonitorShot(polls, dir, QStringLiteral("12-network-monitor-") + suffix);
        }
        ok &= monitorRefusedShot(dir, QStringLiteral("9b-monitor-refused-") + suffix);
    }
    // The wizard in German too (the model's messages included): no text may be cut off there either.
    Theme::apply(Theme::Mode::Light);
    if (Translations::install(*qApp, QLocale(QLocale::German, QLocale::Germany))) {
        TunnelWizard wizard;
        wizard.resize(1060, 800);
        wizard.welcomePage()->setLabProfilePath({});
        wizard.show();
        ok &= save(&wizard, dir, QStringLiteral("8-german-welcome-light"));
        wizard.welcomePage()->setStart(WelcomePage::Start::Example);
        wizard.next();
        ok &= saveWithWrongNetwork(wizard, dir, QStringLiteral("8-german-sites-error-light"));
        ok &= saveWithOtherIsp(wizard, dir, QStringLiteral("8-german-sites-other-isp-light"));
        wizard.next();
        ok &= save(&wizard, dir, QStringLiteral("8-german-algorithms-light"));
        wizard.next();
        ok &= save(&wizard, dir, QStringLiteral("8-german-authentication-light"));
        wizard.next();
        ok &= save(&wizard, dir, QStringLiteral("8-german-review-light"));
        wizard.next();
        ok &= save(&wizard, dir, QStringLiteral("8-german-deploy-light"));
        ok &= monitorRefusedShot(dir, QStringLiteral("8-german-monitor-refused-light"));
        ok &= networkShots(dir, QStringLiteral("german-light"));
        if (const QString logs = qEnvironmentVariable("IPSECWIZ_SCREENSHOT_LOGS"); !logs.isEmpty())
            ok &= diagnoseShot(logs, dir, QStringLiteral("16-diagnose-german-light"), QStringLiteral("16-diagnose-logs-german-light"));
        ok &= diagnoseFixShot(dir, QStringLiteral("16-diagnose-fix-german-light"));
        if (const QString polls = qEnvironmentVariable("IPSECWIZ_SCREENSHOT_MONITOR_POLLS"); !polls.isEmpty())
            ok &= networkMonitorShot(polls, dir, QStringLiteral("12-network-monitor-german-light"));
    }
    Translations::install(*qApp);
    return ok ? 0 : 1;
}

} // namespace ipsecwiz::ScreenshotTour
