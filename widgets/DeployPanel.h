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
    bool askHostKey(const HostKeyInfo& key, const QString& host);
    std::optional<QByteArray> askSecret(const QString& prompt);

    struct GatewayFields
    {
        QLineEdit* host = nullptr;
        QSpinBox* port = nullptr;
        QLineEdit* user = nullptr;
        QLineEdit* identity = nullptr;
        QLabel* result = nullptr;
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

    TunnelProfile m_profile;
    QByteArray m_psk;
    QString m_profileDir;
    std::atomic_bool m_cancelFlag{false};
    QThread* m_worker = nullptr;
};

} // namespace ipsecwiz
