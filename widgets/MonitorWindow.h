#pragma once

// The monitor in its own window — what admins keep open on a second screen while they work in the
// main window. Polling stops when it closes; its size and place are remembered.

#include "MonitorSession.h"
#include "TunnelProfile.h"

#include <QMainWindow>

namespace ipsecwiz {

class MonitorView;

class MonitorWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitorWindow)

public:
    MonitorWindow(const TunnelProfile& profile, const QString& profileDir, QWidget* parent = nullptr);
    ~MonitorWindow() override;

    [[nodiscard]] MonitorView* view() const { return m_view; }
    void start(MonitorSource source = MonitorSource::Auto);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    MonitorView* m_view;
};

} // namespace ipsecwiz
