#pragma once

// The main window: one tunnel profile, its findings, and the files it gives each gateway.
// The wizard pages (issue 3) will open from here.

#include "TunnelProfile.h"

#include <QMainWindow>

class QListWidget;
class QTabWidget;
class QLabel;

namespace ipsecwiz {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    bool openProfile(const QString& path);
    void setProfile(const TunnelProfile& profile);

private:
    void chooseProfile();
    void exportBundle();
    void refresh();

    TunnelProfile m_profile;
    QByteArray m_psk; // this session's key when the profile holds none
    QLabel* m_summary = nullptr;
    QListWidget* m_findings = nullptr;
    QTabWidget* m_files = nullptr;
};

} // namespace ipsecwiz
