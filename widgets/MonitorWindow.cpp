#include "MonitorWindow.h"

#include "MonitorView.h"

#include <QCloseEvent>
#include <QSettings>

namespace ipsecwiz {

MonitorWindow::MonitorWindow(const TunnelProfile& profile, const QString& profileDir, QWidget* parent)
    : QMainWindow(parent)
    , m_view(new MonitorView)
{
    setObjectName(QStringLiteral("monitorWindow"));
    setWindowTitle(tr("Monitor — %1").arg(profile.name));
    m_view->setProfile(profile, profileDir);
    setCentralWidget(m_view);
    if (!restoreGeometry(QSettings().value(QStringLiteral("monitorWindow/geometry")).toByteArray()))
        resize(1180, 780);
}

MonitorWindow::~MonitorWindow() = default;

void MonitorWindow::start(MonitorSource source)
{
    m_view->start(source);
}

void MonitorWindow::closeEvent(QCloseEvent* event)
{
    QSettings().setValue(QStringLiteral("monitorWindow/geometry"), saveGeometry());
    m_view->stop();
    QMainWindow::closeEvent(event);
}

} // namespace ipsecwiz
