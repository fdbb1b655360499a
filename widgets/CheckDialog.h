#pragma once

// Check for drift… in the main window: every managed gateway of the open profile against what
// the profile generates (DriftChecker, as `ipsec-wizard check`): the program's own files and
// marked blocks, keys masked, and the connections the daemon has loaded. Read over SSH with the
// push's host-key rules and changing nothing; the gateways are read in parallel on worker threads
// (at most four at once), a host key or password asked on the GUI thread while they wait.

#include "DriftChecker.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QThread;
class QTreeWidget;

namespace ipsecwiz {

class CheckDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckDialog)

public:
    CheckDialog(const NetworkProfile& network, const QString& profileDir, QWidget* parent = nullptr);
    ~CheckDialog() override;

    void start();
    [[nodiscard]] bool isBusy() const { return m_worker != nullptr; }
    [[nodiscard]] const QList<GatewayCheck>& results() const { return m_results; }
    [[nodiscard]] QTreeWidget* tree() const { return m_tree; }
    // What the dialog shows, as plain text: the status, each gateway's line, each file's.
    [[nodiscard]] QString reportText() const;

    // Shows RESULTS as a finished check does (start() calls it; the screenshot tour feeds it).
    void showResults(const QList<GatewayCheck>& results);

Q_SIGNALS:
    void finished();

private:
    bool askHostKey(const HostKeyInfo& key, const QString& host);

    NetworkProfile m_network;
    QString m_profileDir;
    QList<GatewayCheck> m_results;
    QLabel* m_status;
    QTreeWidget* m_tree;
    QPlainTextEdit* m_diff;
    QPushButton* m_again;
    QThread* m_worker = nullptr;
};

} // namespace ipsecwiz
