#pragma once

// Diagnose… in the main window: why the open tunnel is down, from both of its gateways
// (Diagnoser, as `ipsec-wizard diagnose PROFILE`). The work runs on a worker thread; a password is
// asked on the GUI thread while it waits. An unknown host key is not recorded here: Deploy ▸
// Test connection shows its fingerprint first.

#include "Diagnoser.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QTextBrowser;
class QThread;

namespace ipsecwiz {

class DiagnoseDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnoseDialog)

public:
    DiagnoseDialog(const NetworkProfile& network, int tunnel, const QString& profileDir, QWidget* parent = nullptr);
    ~DiagnoseDialog() override;

    void start();
    [[nodiscard]] bool isBusy() const { return m_worker != nullptr; }
    [[nodiscard]] const DiagnoseReport& report() const { return m_report; }
    // What the dialog shows, as plain text.
    [[nodiscard]] QString reportText() const;

    // Shows REPORT as a finished diagnosis does (start() calls it; the screenshot tour feeds it).
    void showReport(const DiagnoseReport& report);

Q_SIGNALS:
    void finished();

private:

    NetworkProfile m_network;
    int m_tunnel;
    QString m_profileDir;
    DiagnoseReport m_report;
    QLabel* m_status;
    QTextBrowser* m_findings;
    QPlainTextEdit* m_logA;
    QPlainTextEdit* m_logB;
    QThread* m_worker = nullptr;
};

} // namespace ipsecwiz
