#pragma once

// Review: what each gateway gets (its configuration, routes and firewall rules, with syntax
// colours), the drawing, and the buttons that save the profile and export the bundle. The files
// come from Generate::side on the shared profile, exactly as `ipsec-wizard generate` makes them.

#include "Generator.h"
#include "Result.h"

#include <QWizardPage>

class QLabel;
class QListWidget;
class QPushButton;

namespace ipsecwiz {

class GeneratedFilesView;
class ProfileDraft;
class TopologyView;

class ReviewPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewPage)

public:
    explicit ReviewPage(ProfileDraft* draft, QWidget* parent = nullptr);
    ~ReviewPage() override;

    [[nodiscard]] GeneratedFilesView* filesView() const { return m_files; }
    [[nodiscard]] TopologyView* topologyView() const { return m_topology; }
    [[nodiscard]] QListWidget* findingsList() const { return m_findings; }
    [[nodiscard]] QListWidget* gatewayList() const { return m_gatewayList; }
    [[nodiscard]] QPushButton* saveButton() const { return m_save; }
    [[nodiscard]] QPushButton* exportButton() const { return m_export; }
    [[nodiscard]] QPushButton* sheetButton() const { return m_sheet; }
    // The settings sheet for the admin of the shown tunnel's peer that someone else runs; empty
    // when both ends are managed here.
    [[nodiscard]] QString settingsSheet() const;

    // Without dialogs: what the buttons do once the dialogs have answered.
    Status saveProfileTo(const QString& path, PskInFile psk);
    Status exportBundleTo(const QString& path);
    // A bigger network: the bundle of the gateway whose files are shown (its folder only).
    Status exportGatewayTo(const QString& path);
    [[nodiscard]] QPushButton* exportGatewayButton() const { return m_exportGateway; }
    Status saveSettingsSheetTo(const QString& path);

    void initializePage() override;
    void cleanupPage() override {}
    bool isComplete() const override;

Q_SIGNALS:
    void profileSaved(const QString& path);
    void bundleExported(const QString& path);

private:
    void regenerate();
    void regenerateNetwork();
    void saveProfile();
    void saveSettingsSheet();
    void exportBundle();

    ProfileDraft* m_draft;
    QLabel* m_summary;
    QListWidget* m_findings;
    TopologyView* m_topology;
    QListWidget* m_gatewayList;
    GeneratedFilesView* m_files;
    QPushButton* m_save;
    QPushButton* m_export;
    QPushButton* m_exportGateway;
    QPushButton* m_drawing;
    QPushButton* m_sheet;
    QLabel* m_status;
    bool m_generated = false;
};

} // namespace ipsecwiz
