#pragma once

// The monitor of a whole network in its own window (NetworkMonitorView). A double-click on a
// tunnel opens the two-sided view of it (MonitorWindow). Polling stops when it closes; its size
// and place are remembered.

#include "MonitorSession.h"
#include "NetworkProfile.h"

#include <QMainWindow>

namespace ipsecwiz {

class CheckDialog;
class DiagnoseDialog;
class MonitorWindow;
class NetworkMonitorView;

class NetworkMonitorWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkMonitorWindow)

public:
    NetworkMonitorWindow(const NetworkProfile& network, const QString& profileDir, QWidget* parent = nullptr);
    ~NetworkMonitorWindow() override;

    [[nodiscard]] NetworkMonitorView* view() const { return m_view; }
    void start(MonitorSource source = MonitorSource::Auto);
    // The two-sided view of TUNNEL, polling (or brought forward when it is open).
    MonitorWindow* openTunnel(const QString& tunnel);
    // The diagnosis of TUNNEL from both of its gateways (DiagnoseDialog), started.
    DiagnoseDialog* diagnose(const QString& tunnel);
    // Check for drift on every managed gateway of the network (the drift `check` reads).
    CheckDialog* check();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    NetworkMonitorView* m_view;
    QString m_profileDir;
};

} // namespace ipsecwiz
