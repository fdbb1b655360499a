#pragma once

// Push a profile to both gateways from the GUI: per-gateway SSH settings, Test connection, Dry
// run, Push with a live log (timestamps, one colour per gateway) and a clear result for each
// gateway. The work runs on a worker thread (Deployer is blocking libssh); questions (an
// unknown host key, a password) come back to the GUI thread and block only the worker.

#include "Deployer.h"
#include "TunnelProfile.h"

#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QThread;

namespace ipsecwiz {

class DeployPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployPanel)

public:
    explicit DeployPanel(QWidget* parent = nullptr);
    ~DeployPanel() override;

    // profileDir resolves the profile's relative paths (known_hosts, identity files).
    void setProfile(const TunnelProfile& profile, const QByteArray& psk, const QString& profileDir);
    // One tunnel of a network (profile format version 2): the boxes are its two sites, and a
    // push or removal goes to the gateways of those that are managed here (NetworkDeployer),
    // with every tunnel they carry. KEYLESS names the tunnels whose key was made this session,
    // not read from the profile: a push that would give one of them to only one of its ends is
    // refused, as the peer would keep its old key.
    void setNetwork(const NetworkProfile& network, int tunnel, const QString& profileDir, const QStringList& keyless);

    // A diagnosis's fix the admin agreed to (DiagnoseDialog): the next push makes it on its
    // gateway, in the same commit-confirmed transaction; said above the log until then.
    void setChanges(const QHash<QString, GatewayChange>& changes);
    [[nodiscard]] QString changeNote() const;

    [[nodiscard]] bool isBusy() const;
    [[nodiscard]] QString logText() const;
    [[nodiscard]] QString resultText(Side side) const;

    // Test seam, like KeePassXC's MessageBox::setNextAnswer: answers every host-key question
    // without a dialog until reset. Unset: a dialog asks.
    static void setHostKeyAnswer(std::optional<bool> accept);
    // The same for the question before a removal.
    static void setRemoveAnswer(std::optional<bool> remove);

public slots:
    void testConnections();
    void dryRun();
    void push();
    void removeTunnel(); // asks first
    void cancel();

signals:
    void finished(bool ok);
    void busyChanged(bool busy);

private:
    void startWork(const QString& title, std::function<bool()> work);
    void appendLog(const DeployEvent& event);
    void setResult(Side side, const QString& text, bool ok);
    void setBusy(bool busy);
    SshOptions sshOptions(Side side);
    // The network mode's sites to push (the managed ends of the shown tunnel) and their SSH.
    [[nodiscard]] QStringList networkSites() const;
    QHash<QString, SshOptions> networkSsh(const QStringList& sites);
    void pushNetwork(bool remove);
    bool askHostKey(const HostKeyInfo& key, const QString& host);

    struct GatewayFields
    {
        QLineEdit* host = nullptr;
        QSpinBox* port = nullptr;
        QLineEdit* user = nullptr;
        QLineEdit* identity = nullptr;
        QLabel* result = nullptr;
        QGroupBox* box = nullptr;
    };
    GatewayFields m_fields[2];
    QSpinBox* m_confirmTimeout = nullptr;
    QPushButton* m_test = nullptr;
    QPushButton* m_dryRun = nullptr;
    QPushButton* m_push = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_cancel = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_changeNote = nullptr;
    QHash<QString, GatewayChange> m_changes;

    TunnelProfile m_profile;
    std::optional<NetworkProfile> m_network; // set: the network mode
    int m_tunnel = 0;
    QStringList m_keyless;
    QByteArray m_psk;
    QString m_profileDir;
    std::atomic_bool m_cancelFlag{false};
    QThread* m_worker = nullptr;
};

} // namespace ipsecwiz
