#pragma once

// Diagnose… in the main window: why the open tunnel is down, from both of its gateways
// (Diagnoser, as `ipsec-wizard diagnose PROFILE`). The work runs on a worker thread; a password is
// asked on the GUI thread while it waits. An unknown host key is not recorded here: Deploy ▸
// Test connection shows its fingerprint first.
//
// The causes are a list, most likely first, each with its field, where to change it, the fix, and
// its evidence folded under it by gateway; the two gateways' logs of the attempt are side by side,
// one table aligned on the IKE packets they share (IkeLog::align), the selected cause's evidence
// lines marked in it.
// The report can be copied or saved as text (key material is masked before it gets here), and
// where pushing the profile again is the fix, a button asks for that push (pushRequested).

#include "Diagnoser.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QThread;
class QTextBrowser;
class QTreeWidget;

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

    // The two gateways as the causes name them ("gateway A", a site's name); start() sets them.
    void setGatewayNames(const QString& first, const QString& second);
    // Shows REPORT as a finished diagnosis does (start() calls it; the screenshot tour feeds it).
    void showReport(const DiagnoseReport& report);
    // Offers "Push the profile again…" for causes a push fixes (the main window pushes; the
    // network monitor does not offer it).
    void setPushAvailable(bool available);
    [[nodiscard]] QPushButton* pushButton() const { return m_push; }
    // "Make the fix on GATEWAY…" for the first cause whose fix the program makes itself (a kernel
    // setting, a NAT exemption: IkeDiagnosis::change), offered where pushing is; once the admin
    // agrees to the exact change, changeRequested (the main window pushes it, commit-confirmed).
    [[nodiscard]] QPushButton* fixButton() const { return m_fix; }
    // Test seam: answers the question before a change without a dialog until reset.
    static void setChangeAnswer(std::optional<bool> yes);
    // The report as text into PATH; an error message, empty on success.
    [[nodiscard]] QString saveReport(const QString& path) const;

Q_SIGNALS:
    void finished();
    void pushRequested();
    void changeRequested(const ipsecwiz::GatewayChange& change);

private:
    void copyReport() const;
    void saveReportAs();
    void updatePushButton();
    void askForChange();
    [[nodiscard]] const IkeDiagnosis* changeable() const;
    void showDetails();
    void fillLogs();
    void markEvidence(const IkeDiagnosis* d);

    NetworkProfile m_network;
    int m_tunnel;
    QString m_profileDir;
    DiagnoseReport m_report;
    QLabel* m_status;
    QTreeWidget* m_findings;
    QTextBrowser* m_details; // the selected cause in full, its evidence of both gateways side by side
    QString m_nameA = QStringLiteral("A"); // the gateways as the causes name them
    QString m_nameB = QStringLiteral("B");
    QString m_logTitleA; // the report's headings of the two logs
    QString m_logTitleB;
    // Both logs in rows aligned by packet: A's line, an arrow where the two are one packet, B's line.
    QTreeWidget* m_logs;
    QPushButton* m_copy;
    QPushButton* m_save;
    QPushButton* m_push;
    QPushButton* m_fix;
    bool m_pushAvailable = false;
    QThread* m_worker = nullptr;
};

} // namespace ipsecwiz
