#pragma once

// The main window: the tunnels the admin worked on (recent profiles), the open tunnel with its
// drawing, findings and the files each gateway gets, and the actions around them — New tunnel
// (the wizard), Open, Save, Export bundle, Deploy (a dialog) and Monitor (a window of its own).

#include "IkeLog.h"
#include "NetworkProfile.h"
#include "TunnelProfile.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QSplitter;
class QStackedWidget;

namespace ipsecwiz {

class CheckDialog;
class DiagnoseDialog;
class GeneratedFilesView;
class MonitorWindow;
class NetworkMonitorWindow;
class TopologyView;
class TunnelWizard;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    static constexpr int MaxRecent = 10;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    bool openProfile(const QString& path);
    void setProfile(const TunnelProfile& profile, const QString& path = {});
    // A network (profile format version 2), its tunnel TUNNEL shown in the drawing.
    void setNetwork(const NetworkProfile& network, const QString& path = {}, int tunnel = 0);
    // The shown tunnel as version 1 reads it (Network::pageView).
    [[nodiscard]] const TunnelProfile& profile() const { return m_profile; }
    [[nodiscard]] const NetworkProfile& network() const { return m_network; }
    // True when the open profile is two sites version 1 describes: the pair's deploy and monitor.
    [[nodiscard]] bool isPair() const { return m_pair; }
    // The tunnel of a network that Deploy and Edit in wizard act on; a click on it in the
    // drawing selects it. A click on a site shows its gateway's files.
    [[nodiscard]] int selectedTunnel() const { return m_tunnel; }
    void selectTunnel(const QString& name);
    void showGatewayFiles(const QString& site);
    [[nodiscard]] bool hasProfile() const { return m_hasProfile; }
    // File ▸ Export Ansible project… without its folder dialog: the open network (a pair's with the
    // key its files show) as an Ansible project in DIR.
    [[nodiscard]] Status exportAnsibleTo(const QString& dir) const;

    // Opens the wizard on its Welcome page, or on the Sites page with the open tunnel.
    TunnelWizard* newTunnel();
    TunnelWizard* editInWizard();

    // Paths only, newest first; the key is never stored in the settings.
    [[nodiscard]] QStringList recentProfiles() const;
    void addRecent(const QString& path);

    [[nodiscard]] QAction* action(const QString& objectName) const;

    // The monitor window of the open tunnel, polling both gateways (an open one is raised).
    MonitorWindow* openMonitor();
    // A network's monitor: every managed gateway and every tunnel (or brought forward when open).
    NetworkMonitorWindow* openNetworkMonitor();
    // Diagnose… : why the selected tunnel is down, from both gateways (started at once).
    DiagnoseDialog* openDiagnosis();
    // Check for drift… on every managed gateway of the open profile.
    CheckDialog* openCheck();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void chooseProfile();
    void saveProfile();
    void exportBundle();
    void exportAnsible();
    // CHANGES: a diagnosis's fixes the admin agreed to, made by the push (DeployPanel::setChanges).
    void deploy(const QHash<QString, GatewayChange>& changes = {});
    void refresh();
    void refreshNetwork();
    [[nodiscard]] QString networkSummary() const;
    void refreshRecent();
    void openRecent(QListWidgetItem* item);
    TunnelWizard* makeWizard();
    [[nodiscard]] QByteArray psk() const;
    [[nodiscard]] QString profileDir() const;

    NetworkProfile m_network;
    int m_tunnel = 0;
    bool m_pair = true;
    QStringList m_keyless; // a network's tunnels whose key was made this session
    TunnelProfile m_profile;
    QString m_path;
    bool m_hasProfile = false;
    QByteArray m_sessionPsk; // this session's key when the profile holds none

    QStackedWidget* m_stack = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_viewSplitter = nullptr;
    QListWidget* m_recent = nullptr;
    QLabel* m_summary = nullptr;
    TopologyView* m_topology = nullptr;
    QListWidget* m_findings = nullptr;
    GeneratedFilesView* m_files = nullptr;
    QMenu* m_recentMenu = nullptr;
    QActionGroup* m_themeGroup = nullptr;
};

} // namespace ipsecwiz
