#include "MainWindow.h"

#include "DeployPanel.h"
#include "CheckDialog.h"
#include "DiagnoseDialog.h"
#include "FindingLabel.h"
#include "MonitorView.h"
#include "MonitorWindow.h"
#include "NetworkGenerator.h"
#include "NetworkMonitorView.h"
#include "NetworkMonitorWindow.h"

#include "BundleExport.h"
#include "GeneratedFilesView.h"
#include "Generator.h"
#include "Psk.h"
#include "Theme.h"
#include "TopologyView.h"
#include "TunnelWizard.h"
#include "Validation.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDialog>
#include <QActionGroup>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace ipsecwiz {

namespace {

const QString RecentKey = QStringLiteral("recentProfiles");
const QString GeometryKey = QStringLiteral("mainWindow/geometry");
const QString StateKey = QStringLiteral("mainWindow/state");
const QString SplitterKey = QStringLiteral("mainWindow/splitter");
const QString ThemeKey = QStringLiteral("theme");

bool isResource(const QString& path)
{
    return path.startsWith(QLatin1Char(':'));
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("IPsec Wizard"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/ipsec-wizard.svg")));
    setMinimumSize(760, 520);
    resize(1100, 760);

    // Left: the tunnels worked on. Right: the open one, or a way to start.
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->setChildrenCollapsible(false);
    auto* left = new QWidget(m_mainSplitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);
    auto* recentLabel = new QLabel(tr("&Recent profiles"), left);
    m_recent = new QListWidget(left);
    m_recent->setObjectName(QStringLiteral("recentProfiles"));
    m_recent->setAccessibleName(tr("Recent profiles"));
    m_recent->setToolTip(tr("Profiles you opened or saved; press Enter or double-click to open one."));
    m_recent->setMinimumWidth(180);
    recentLabel->setBuddy(m_recent);
    leftLayout->addWidget(recentLabel);
    leftLayout->addWidget(m_recent, 1);
    connect(m_recent, &QListWidget::itemActivated, this, &MainWindow::openRecent);

    m_stack = new QStackedWidget(m_mainSplitter);
    m_stack->setObjectName(QStringLiteral("mainStack"));

    auto* empty = new QWidget(m_stack);
    empty->setObjectName(QStringLiteral("emptyPage"));
    auto* emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    auto* icon = new QLabel(empty);
    // The sharpest any screen needs: the window may move to a high-DPI one.
    icon->setPixmap(QIcon(QStringLiteral(":/icons/ipsec-wizard.svg")).pixmap(QSize(96, 96), qApp->devicePixelRatio()));
    icon->setAlignment(Qt::AlignCenter);
    emptyLayout->addWidget(icon);
    auto* hello = new QLabel(tr("<h2>No tunnel open</h2><p>Build a new site-to-site tunnel with the wizard, or open a profile you saved.</p>"), empty);
    hello->setAlignment(Qt::AlignCenter);
    hello->setWordWrap(true);
    emptyLayout->addWidget(hello);
    auto* startRow = new QHBoxLayout;
    startRow->addStretch(1);
    auto* startNew = new QPushButton(tr("&New tunnel…"), empty);
    startNew->setObjectName(QStringLiteral("startNewTunnel"));
    startNew->setAccessibleName(tr("New tunnel"));
    startNew->setDefault(true);
    auto* startOpen = new QPushButton(tr("&Open profile…"), empty);
    startOpen->setObjectName(QStringLiteral("startOpenProfile"));
    startOpen->setAccessibleName(tr("Open profile"));
    startRow->addWidget(startNew);
    startRow->addWidget(startOpen);
    startRow->addStretch(1);
    emptyLayout->addLayout(startRow);
    emptyLayout->addStretch(2);
    connect(startNew, &QPushButton::clicked, this, &MainWindow::newTunnel);
    connect(startOpen, &QPushButton::clicked, this, &MainWindow::chooseProfile);

    auto* view = new QWidget(m_stack);
    view->setObjectName(QStringLiteral("profilePage"));
    auto* viewLayout = new QVBoxLayout(view);
    viewLayout->setContentsMargins(0, 6, 6, 6);
    m_summary = new QLabel(view);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    viewLayout->addWidget(m_summary);
    m_viewSplitter = new QSplitter(Qt::Vertical, view);
    m_viewSplitter->setObjectName(QStringLiteral("viewSplitter"));
    m_viewSplitter->setChildrenCollapsible(false);
    m_topology = new TopologyView(m_viewSplitter);
    connect(m_topology, &TopologyView::tunnelClicked, this, &MainWindow::selectTunnel);
    connect(m_topology, &TopologyView::siteClicked, this, &MainWindow::showGatewayFiles);
    m_topology->setObjectName(QStringLiteral("mainTopology"));
    m_findings = new QListWidget(m_viewSplitter);
    m_findings->setObjectName(QStringLiteral("findings"));
    m_findings->setAccessibleName(tr("Findings"));
    m_findings->setWordWrap(true);
    m_files = new GeneratedFilesView(m_viewSplitter);
    m_viewSplitter->addWidget(m_topology);
    m_viewSplitter->addWidget(m_findings);
    m_viewSplitter->addWidget(m_files);
    m_viewSplitter->setStretchFactor(0, 2);
    m_viewSplitter->setStretchFactor(1, 1);
    m_viewSplitter->setStretchFactor(2, 5);
    viewLayout->addWidget(m_viewSplitter, 1);

    m_stack->addWidget(empty);
    m_stack->addWidget(view);
    m_mainSplitter->addWidget(left);
    m_mainSplitter->addWidget(m_stack);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 4);
    setCentralWidget(m_mainSplitter);

    createActions();
    statusBar();

    QSettings settings;
    restoreGeometry(settings.value(GeometryKey).toByteArray());
    restoreState(settings.value(StateKey).toByteArray());
    m_mainSplitter->restoreState(settings.value(SplitterKey).toByteArray());
    refreshRecent();
    refresh();
}

MainWindow::~MainWindow()
{
    Psk::wipe(m_sessionPsk);
}

void MainWindow::createActions()
{
    const auto make = [this](const QString& name, const QString& text, const QString& tip) {
        auto* a = new QAction(text, this);
        a->setObjectName(name);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        return a;
    };
    auto* newTunnel = make(QStringLiteral("actionNewTunnel"), tr("&New tunnel…"), tr("Build a new tunnel with the wizard."));
    newTunnel->setShortcut(QKeySequence::New);
    newTunnel->setIcon(QIcon(QStringLiteral(":/icons/ipsec-wizard.svg")));
    connect(newTunnel, &QAction::triggered, this, &MainWindow::newTunnel);
    auto* open = make(QStringLiteral("actionOpenProfile"), tr("&Open profile…"), tr("Open a saved tunnel profile."));
    open->setShortcut(QKeySequence::Open);
    open->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    connect(open, &QAction::triggered, this, &MainWindow::chooseProfile);
    auto* edit = make(QStringLiteral("actionEditInWizard"), tr("&Edit in wizard…"), tr("Change the open tunnel in the wizard."));
    edit->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    connect(edit, &QAction::triggered, this, &MainWindow::editInWizard);
    auto* save = make(QStringLiteral("actionSaveProfile"), tr("&Save profile as…"), tr("Save the open tunnel as a profile."));
    save->setShortcut(QKeySequence::SaveAs);
    save->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    connect(save, &QAction::triggered, this, &MainWindow::saveProfile);
    auto* exportAction = make(QStringLiteral("actionExportBundle"), tr("E&xport bundle…"),
                              tr("Write both gateways' files, install scripts and the drawing as .tar.gz, .zip or a folder."));
    exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    exportAction->setIcon(style()->standardIcon(QStyle::SP_DriveHDIcon));
    connect(exportAction, &QAction::triggered, this, &MainWindow::exportBundle);
    auto* ansible = make(QStringLiteral("actionExportAnsible"), tr("Export &Ansible project…"),
                         tr("Write an Ansible project that installs every managed gateway's files, commit-confirmed across the fleet."));
    connect(ansible, &QAction::triggered, this, &MainWindow::exportAnsible);
    auto* deploy = make(QStringLiteral("actionDeploy"), tr("&Deploy…"),
                        tr("Push the configuration to both gateways over SSH, transactionally: a gateway that is not "
                           "confirmed rolls back by itself."));
    deploy->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    deploy->setEnabled(false); // until a tunnel without errors is open
    connect(deploy, &QAction::triggered, this, [this] { this->deploy(); });
    auto* monitor = make(QStringLiteral("actionMonitor"), tr("&Monitor…"),
                         tr("Watch both gateways' security associations live, side by side, with the tunnel's state."));
    monitor->setShortcut(QKeySequence(tr("Ctrl+M")));
    monitor->setIcon(style()->standardIcon(QStyle::SP_ComputerIcon));
    monitor->setEnabled(false); // until a tunnel is open
    connect(monitor, &QAction::triggered, this, [this] {
        if (m_pair)
            openMonitor();
        else
            openNetworkMonitor();
    });
    auto* diagnose = make(QStringLiteral("actionDiagnose"), tr("Dia&gnose…"),
                          tr("Why the tunnel is down: look at both gateways, start the tunnel and read both charon logs of the attempt."));
    diagnose->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    diagnose->setEnabled(false); // until a tunnel is open
    connect(diagnose, &QAction::triggered, this, [this] { openDiagnosis(); });
    auto* check = make(QStringLiteral("actionCheck"), tr("Check for d&rift…"),
                       tr("Compare every managed gateway's files and loaded connections with what the profile makes (changing nothing)."));
    check->setEnabled(false); // until a profile is open
    connect(check, &QAction::triggered, this, [this] { openCheck(); });
    auto* quit = make(QStringLiteral("actionQuit"), tr("&Quit"), tr("Quit IPsec Wizard."));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(newTunnel);
    file->addAction(open);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addAction(edit);
    file->addAction(save);
    file->addSeparator();
    file->addAction(exportAction);
    file->addAction(ansible);
    file->addSeparator();
    file->addAction(quit);

    auto* tunnel = menuBar()->addMenu(tr("&Tunnel"));
    tunnel->addAction(deploy);
    tunnel->addAction(monitor);
    tunnel->addAction(diagnose);
    tunnel->addAction(check);

    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    auto* themeMenu = viewMenu->addMenu(tr("&Theme"));
    m_themeGroup = new QActionGroup(this);
    const Theme::Mode current = Theme::modeFromId(QSettings().value(ThemeKey).toString());
    for (const auto& [mode, text, name] : {std::tuple{Theme::Mode::System, tr("&System colours"), QStringLiteral("actionThemeSystem")},
                                           std::tuple{Theme::Mode::Light, tr("&Light"), QStringLiteral("actionThemeLight")},
                                           std::tuple{Theme::Mode::Dark, tr("&Dark"), QStringLiteral("actionThemeDark")}}) {
        auto* a = themeMenu->addAction(text);
        a->setObjectName(name);
        a->setCheckable(true);
        a->setChecked(mode == current);
        m_themeGroup->addAction(a);
        const Theme::Mode m = mode;
        connect(a, &QAction::triggered, this, [m] {
            Theme::apply(m);
            QSettings().setValue(ThemeKey, Theme::modeId(m));
        });
    }

    auto* help = menuBar()->addMenu(tr("&Help"));
    auto* about = help->addAction(tr("&About IPsec Wizard"), this, [this] {
        QMessageBox::about(this, tr("About IPsec Wizard"),
                           tr("<h3>IPsec Wizard %1</h3><p>Builds a site-to-site IPsec tunnel between two gateways: matching "
                              "configuration for racoon-tool, racoon + setkey or strongSwan on each side, with a fresh pre-shared key, "
                              "routes and firewall rules.</p>"
                              "<p>Copyright 2026 IPsec Wizard developers.<br>"
                              "This program is free software under the GNU General Public License, version 3 or "
                              "(at your option) any later version. It comes with ABSOLUTELY NO WARRANTY.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
    about->setObjectName(QStringLiteral("actionAbout"));

    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(newTunnel);
    toolbar->addAction(open);
    toolbar->addAction(exportAction);
    toolbar->addSeparator();
    toolbar->addAction(deploy);
    toolbar->addAction(monitor);
}

QAction* MainWindow::action(const QString& objectName) const
{
    return findChild<QAction*>(objectName);
}

bool MainWindow::openProfile(const QString& path)
{
    auto network = NetworkJson::load(path);
    if (!network) {
        QMessageBox::warning(this, tr("Cannot open profile"), network.error().toString());
        return false;
    }
    const QString absolute = isResource(path) ? path : QFileInfo(path).absoluteFilePath();
    setNetwork(network.value(), absolute);
    addRecent(absolute);
    statusBar()->showMessage(isResource(absolute) ? tr("Opened the example profile.") : tr("Opened %1").arg(QDir::toNativeSeparators(absolute)), 5000);
    return true;
}

void MainWindow::setProfile(const TunnelProfile& profile, const QString& path)
{
    setNetwork(Network::fromTunnelProfile(profile), path, 0);
}

void MainWindow::setNetwork(const NetworkProfile& network, const QString& path, int tunnel)
{
    for (Tunnel& t : m_network.tunnels)
        if (t.psk)
            Psk::wipe(*t.psk);
    m_network = network;
    m_tunnel = m_network.tunnels.isEmpty() ? 0 : std::clamp(tunnel, 0, int(m_network.tunnels.size()) - 1);
    m_profile = Network::pageView(m_network, m_tunnel);
    m_pair = m_network.sites.size() == 2 && m_network.tunnels.size() == 1 && !m_network.hasImportedGateway()
        && Network::toTunnelProfile(m_network, m_network.tunnels.first().name).ok();
    m_path = path;
    m_hasProfile = true;
    // A whole network's drawing needs more height than a pair's strip: four tenths, the files
    // half, the findings the rest.
    if (!m_pair) {
        const int total = m_viewSplitter->height() > 100 ? m_viewSplitter->height() : 640;
        m_viewSplitter->setSizes({total * 4 / 10, total / 10, total / 2});
    }
    Psk::wipe(m_sessionPsk);
    if (m_pair && !m_profile.psk) {
        auto key = Psk::generate();
        if (key)
            m_sessionPsk = key.value();
    } else if (!m_pair) {
        // This session's keys for the tunnels that have none, as `generate --all` makes them; they
        // are saved only when the admin saves with the keys.
        m_keyless.clear();
        for (const Tunnel& t : std::as_const(m_network.tunnels))
            if (!t.psk)
                m_keyless << t.name;
        (void)Network::giveFreshKeys(m_network);
    }
    refresh();
}

QByteArray MainWindow::psk() const
{
    return m_profile.psk ? *m_profile.psk : m_sessionPsk;
}

void MainWindow::refresh()
{
    m_stack->setCurrentIndex(m_hasProfile ? 1 : 0);
    for (const QString& name : {QStringLiteral("actionEditInWizard"), QStringLiteral("actionSaveProfile"), QStringLiteral("actionExportBundle"),
                                QStringLiteral("actionExportAnsible"), QStringLiteral("actionMonitor"), QStringLiteral("actionDiagnose"), QStringLiteral("actionCheck")})
        if (QAction* a = action(name))
            a->setEnabled(m_hasProfile);
    if (!m_hasProfile) {
        setWindowTitle(tr("IPsec Wizard"));
        return;
    }
    setWindowTitle(m_path.isEmpty() || isResource(m_path) ? m_network.name : QFileInfo(m_path).fileName());
    if (!m_pair) {
        refreshNetwork();
        return;
    }
    m_summary->setText(tr("<b>%1</b>: %2 (%3) ⇄ %4 (%5)")
                           .arg(m_profile.name.toHtmlEscaped(), m_profile.networkA.toHtmlEscaped(),
                                m_profile.gatewayA.publicAddress.toHtmlEscaped(), m_profile.networkB.toHtmlEscaped(),
                                m_profile.gatewayB.publicAddress.toHtmlEscaped()));
    m_topology->setProfile(m_profile);

    const QList<Finding> findings = validate(m_profile);
    fillFindingList(m_findings, findings);
    if (m_findings->count() == 0)
        new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton), tr("No problems found."), m_findings);

    QList<GatewayConfig> configs;
    if (!hasErrors(findings)) {
        for (Side side : {Side::A, Side::B}) {
            auto cfg = Generate::side(m_profile, side, psk());
            if (cfg)
                configs.append(cfg.value());
        }
    }
    m_files->setConfigs(configs);
    // Both need a tunnel without errors: files for both gateways.
    for (const QString& name : {QStringLiteral("actionExportBundle"), QStringLiteral("actionExportAnsible"), QStringLiteral("actionDeploy")})
        if (QAction* a = action(name))
            a->setEnabled(configs.size() == 2);
}

void MainWindow::selectTunnel(const QString& name)
{
    const int index = m_network.tunnelIndex(name);
    if (m_pair || index < 0)
        return;
    m_tunnel = index;
    m_profile = Network::pageView(m_network, m_tunnel);
    m_summary->setText(networkSummary());
    m_topology->topologyScene()->setSelectedTunnel(name);
    const Tunnel& t = m_network.tunnels.at(index);
    const Site* a = m_network.site(t.siteA);
    showGatewayFiles(a && a->gateway.managed ? t.siteA : t.siteB);
    statusBar()->showMessage(tr("Tunnel %1 selected: Deploy and Edit in wizard act on it.").arg(name), 5000);
}

void MainWindow::showGatewayFiles(const QString& site)
{
    for (int i = 0; i < m_files->count(); ++i)
        if (m_files->widget(i)->objectName() == site) {
            m_files->setCurrentIndex(i);
            return;
        }
}

QString MainWindow::networkSummary() const
{
    QString summary = m_network.tunnels.size() == 1
                          ? tr("<b>%1</b>: %2 sites, one tunnel").arg(m_network.name.toHtmlEscaped()).arg(m_network.sites.size())
                          : tr("<b>%1</b>: %2 sites, %3 tunnels").arg(m_network.name.toHtmlEscaped()).arg(m_network.sites.size()).arg(m_network.tunnels.size());
    if (m_network.tunnels.size() > 1)
        summary += tr("; Deploy pushes tunnel %1 (click another in the drawing)").arg(m_network.tunnels.at(m_tunnel).name.toHtmlEscaped());
    return summary;
}

void MainWindow::refreshNetwork()
{
    m_summary->setText(networkSummary());
    // Drawn once with its selected tunnel (a 50-site mesh has 1,225 lines to make).
    drawNetwork(*m_topology->topologyScene(), m_network, m_network.tunnels.isEmpty() ? QString() : m_network.tunnels.at(m_tunnel).name);

    const QList<Finding> findings = Network::validate(m_network);
    fillFindingList(m_findings, findings);
    if (m_findings->count() == 0)
        new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton), tr("No problems found."), m_findings);

    QList<GeneratedFilesView::Named> gateways;
    if (!hasErrors(findings)) {
        QStringList sites;
        for (const Site& s : m_network.sites)
            sites << s.name;
        if (auto files = networkFiles(m_network, sites))
            gateways = files.value();
        else
            new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxCritical), files.error().toString(), m_findings);
    }
    m_files->setGateways(gateways);
    for (const QString& name : {QStringLiteral("actionExportBundle"), QStringLiteral("actionExportAnsible")})
        if (QAction* a = action(name))
            a->setEnabled(!gateways.isEmpty());
    if (QAction* a = action(QStringLiteral("actionDeploy")))
        a->setEnabled(!gateways.isEmpty());
    if (QAction* a = action(QStringLiteral("actionMonitor"))) {
        a->setEnabled(!Generate::managedSites(m_network).isEmpty());
        a->setStatusTip(tr("Watch every managed gateway of the network and every tunnel's state live, with the events of all of them."));
    }
}

QStringList MainWindow::recentProfiles() const
{
    return QSettings().value(RecentKey).toStringList();
}

void MainWindow::addRecent(const QString& path)
{
    if (path.isEmpty() || isResource(path))
        return;
    QStringList list = recentProfiles();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > MaxRecent)
        list.removeLast();
    QSettings().setValue(RecentKey, list);
    refreshRecent();
}

void MainWindow::refreshRecent()
{
    m_recent->clear();
    m_recentMenu->clear();
    const QStringList list = recentProfiles();
    for (const QString& path : list) {
        const QFileInfo info(path);
        auto* item = new QListWidgetItem(info.fileName(), m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
        if (!info.exists()) {
            item->setText(tr("%1 (missing)").arg(info.fileName()));
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        }
        auto* a = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] { openProfile(path); });
    }
    m_recentMenu->setEnabled(!list.isEmpty());
    if (list.isEmpty()) {
        auto* hint = new QListWidgetItem(tr("Nothing yet"), m_recent);
        hint->setFlags(Qt::NoItemFlags);
    }
}

void MainWindow::openRecent(QListWidgetItem* item)
{
    const QString path = item->data(Qt::UserRole).toString();
    if (!path.isEmpty())
        openProfile(path);
}

void MainWindow::chooseProfile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open profile"), m_path.isEmpty() || isResource(m_path) ? QDir::homePath() : QFileInfo(m_path).path(),
                                                      tr("IPsec Wizard profiles (*.json);;All files (*)"));
    if (!path.isEmpty())
        openProfile(path);
}

void MainWindow::saveProfile()
{
    if (!m_hasProfile)
        return;
    const auto choice = BundleExport::askSaveProfile(this, m_network, m_path);
    if (choice.path.isEmpty())
        return;
    if (const Status st = BundleExport::saveProfileTo(m_network, choice.path, choice.psk); !st) {
        QMessageBox::warning(this, tr("Cannot save the profile"), st.error().toString());
        return;
    }
    m_path = choice.path;
    addRecent(choice.path);
    refresh();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(choice.path)), 5000);
}

void MainWindow::deploy(const QHash<QString, GatewayChange>& changes)
{
    if (!m_hasProfile || (m_pair ? hasErrors(validate(m_profile)) : hasErrors(Network::validate(m_network)))) {
        QMessageBox::information(this, tr("Deploy"), tr("Open or create a tunnel without errors first."));
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Deploy %1").arg(m_pair ? m_profile.name : m_network.tunnels.at(m_tunnel).name));
    dialog.setObjectName(QStringLiteral("deployDialog"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* panel = new DeployPanel(&dialog);
    if (m_pair)
        panel->setProfile(m_profile, psk(), profileDir());
    else
        panel->setNetwork(m_network, m_tunnel, profileDir(), m_keyless);
    panel->setChanges(changes);
    layout->addWidget(panel);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(close, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    // Closing while a push runs would abandon the gateways mid-transaction: Cancel first.
    connect(panel, &DeployPanel::busyChanged, close, [close](bool busy) { close->setEnabled(!busy); });
    layout->addWidget(close);
    dialog.resize(900, 620);
    dialog.exec();
}

QString MainWindow::profileDir() const
{
    return profileDirOf(m_path);
}

DiagnoseDialog* MainWindow::openDiagnosis()
{
    if (!m_hasProfile || m_network.tunnels.isEmpty())
        return nullptr;
    auto* dialog = new DiagnoseDialog(m_network, m_tunnel, profileDir(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The fix for settings that differ or files that drifted: the usual commit-confirmed push.
    dialog->setPushAvailable(true);
    connect(dialog, &DiagnoseDialog::pushRequested, this, [this, dialog] {
        dialog->close();
        deploy();
    });
    // The fix the admin agreed to is made by the same push, in its transaction.
    connect(dialog, &DiagnoseDialog::changeRequested, this, [this, dialog](const GatewayChange& change) {
        dialog->close();
        deploy({{change.site, change}});
    });
    dialog->show();
    dialog->start();
    return dialog;
}

CheckDialog* MainWindow::openCheck()
{
    if (!m_hasProfile || Generate::managedSites(m_network).isEmpty())
        return nullptr;
    auto* dialog = new CheckDialog(m_network, profileDir(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->start();
    return dialog;
}

MonitorWindow* MainWindow::openMonitor()
{
    if (!m_hasProfile)
        return nullptr;
    // One monitor per tunnel: asking again brings the open one forward.
    for (MonitorWindow* w : findChildren<MonitorWindow*>()) {
        if (w->view()->profile().name == m_profile.name) {
            w->raise();
            w->activateWindow();
            return w;
        }
    }
    auto* window = new MonitorWindow(m_profile, profileDir(), this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowFlag(Qt::Window);
    window->show();
    window->start();
    return window;
}

NetworkMonitorWindow* MainWindow::openNetworkMonitor()
{
    if (!m_hasProfile || m_pair)
        return nullptr;
    for (NetworkMonitorWindow* w : findChildren<NetworkMonitorWindow*>()) {
        if (w->view()->network().name == m_network.name) {
            w->raise();
            w->activateWindow();
            return w;
        }
    }
    auto* window = new NetworkMonitorWindow(m_network, profileDir(), this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowFlag(Qt::Window);
    window->show();
    window->start();
    return window;
}

void MainWindow::exportBundle()
{
    if (!m_hasProfile)
        return;
    const QString path = BundleExport::askBundlePath(this, m_network.name);
    if (path.isEmpty())
        return;
    const Status st = m_pair ? BundleExport::exportTo(m_profile, psk(), path) : BundleExport::exportNetworkTo(m_network, path);
    if (!st) {
        QMessageBox::warning(this, tr("Cannot export"), st.error().toString());
        return;
    }
    statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), 5000);
}

Status MainWindow::exportAnsibleTo(const QString& dir) const
{
    NetworkProfile network = m_network;
    if (m_pair && !network.tunnels.isEmpty() && !network.tunnels[m_tunnel].psk && !psk().isEmpty())
        network.tunnels[m_tunnel].psk = psk(); // the key the files shown here were made with
    const Status st = BundleExport::exportAnsibleTo(network, profileDir(), dir);
    for (Tunnel& t : network.tunnels)
        if (t.psk)
            Psk::wipe(*t.psk);
    return st;
}

void MainWindow::exportAnsible()
{
    if (!m_hasProfile)
        return;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Ansible project into folder"), QDir::homePath());
    if (dir.isEmpty())
        return;
    if (const Status st = exportAnsibleTo(dir); !st) {
        QMessageBox::warning(this, tr("Cannot export"), st.error().toString());
        return;
    }
    statusBar()->showMessage(tr("Wrote the Ansible project to %1; its README.md says how to run it. The keys are in "
                                "group_vars/all/psk.yml (0600): encrypt it with ansible-vault.")
                                 .arg(QDir::toNativeSeparators(dir)),
                             10000);
}

TunnelWizard* MainWindow::makeWizard()
{
    auto* wizard = new TunnelWizard(this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    connect(wizard, &TunnelWizard::profileSaved, this, [this](const QString& path) { addRecent(path); });
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        setNetwork(wizard->draft()->network(), wizard->draft()->path(), wizard->draft()->tunnelIndex());
        statusBar()->showMessage(tr("Tunnel %1 is ready; export the bundle or save the profile.").arg(m_profile.name), 8000);
    });
    return wizard;
}

TunnelWizard* MainWindow::newTunnel()
{
    TunnelWizard* wizard = makeWizard();
    wizard->show();
    return wizard;
}

TunnelWizard* MainWindow::editInWizard()
{
    if (!m_hasProfile)
        return newTunnel();
    TunnelWizard* wizard = makeWizard();
    if (m_pair) {
        TunnelProfile p = m_profile;
        if (!p.psk && !m_sessionPsk.isEmpty())
            p.psk = m_sessionPsk; // the key the files shown here were made with
        wizard->editProfile(p, isResource(m_path) ? QString() : m_path);
    } else {
        wizard->editNetwork(m_network, isResource(m_path) ? QString() : m_path, m_tunnel);
    }
    wizard->show();
    return wizard;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    settings.setValue(SplitterKey, m_mainSplitter->saveState());
    QMainWindow::closeEvent(event);
}

} // namespace ipsecwiz
