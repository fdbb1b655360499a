#include "NetworkMonitorWindow.h"

#include "CheckDialog.h"
#include "DiagnoseDialog.h"
#include "MonitorView.h"
#include "MonitorWindow.h"
#include "NetworkMonitorView.h"
#include "NetworkProfile.h"

#include <QCloseEvent>
#include <QSettings>

namespace ipsecwiz {

NetworkMonitorWindow::NetworkMonitorWindow(const NetworkProfile& network, const QString& profileDir, QWidget* parent)
    : QMainWindow(parent)
    , m_view(new NetworkMonitorView)
    , m_profileDir(profileDir)
{
    setObjectName(QStringLiteral("networkMonitorWindow"));
    setWindowTitle(tr("Monitor — network %1").arg(network.name));
    m_view->setNetwork(network, profileDir);
    setCentralWidget(m_view);
    connect(m_view, &NetworkMonitorView::tunnelActivated, this, &NetworkMonitorWindow::openTunnel);
    connect(m_view, &NetworkMonitorView::diagnoseRequested, this, &NetworkMonitorWindow::diagnose);
    connect(m_view, &NetworkMonitorView::checkRequested, this, &NetworkMonitorWindow::check);
    if (!restoreGeometry(QSettings().value(QStringLiteral("networkMonitorWindow/geometry")).toByteArray()))
        resize(1280, 800);
}

NetworkMonitorWindow::~NetworkMonitorWindow() = default;

void NetworkMonitorWindow::start(MonitorSource source)
{
    m_view->start(source);
}

MonitorWindow* NetworkMonitorWindow::openTunnel(const QString& tunnel)
{
    const NetworkProfile& network = m_view->network();
    const int index = network.tunnelIndex(tunnel);
    if (index < 0)
        return nullptr;
    // The tunnel as the pair's pages read it: its two sites as gateway A and B.
    TunnelProfile pair = Network::pageView(network, index);
    pair.name = tunnel;
    for (MonitorWindow* w : findChildren<MonitorWindow*>()) {
        if (w->view()->profile().name == tunnel) {
            w->raise();
            w->activateWindow();
            return w;
        }
    }
    auto* window = new MonitorWindow(pair, m_profileDir, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowFlag(Qt::Window);
    window->show();
    window->start();
    return window;
}

DiagnoseDialog* NetworkMonitorWindow::diagnose(const QString& tunnel)
{
    const int index = m_view->network().tunnelIndex(tunnel);
    if (index < 0)
        return nullptr;
    auto* dialog = new DiagnoseDialog(m_view->network(), index, m_profileDir, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->start();
    return dialog;
}

CheckDialog* NetworkMonitorWindow::check()
{
    auto* dialog = new CheckDialog(m_view->network(), m_profileDir, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->start();
    return dialog;
}

void NetworkMonitorWindow::closeEvent(QCloseEvent* event)
{
    QSettings().setValue(QStringLiteral("networkMonitorWindow/geometry"), saveGeometry());
    m_view->stop();
    QMainWindow::closeEvent(event);
}

} // namespace ipsecwiz
