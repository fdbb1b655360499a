#pragma once

// First page: start a new tunnel, or from a profile file, the how-to's example, or the profile
// the local lab wrote (offered only when a lab is up).

#include "NetworkProfile.h"

#include <QWizardPage>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace ipsecwiz {

class FindingLabel;
class ProfileDraft;

class WelcomePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    enum class Start { New, File, Example, Lab, HubAndSpoke, Mesh, Gateway };

    explicit WelcomePage(ProfileDraft* draft, QWidget* parent = nullptr);
    ~WelcomePage() override;

    // Where "ipsec-wizard lab up" leaves its profile; the lab choice appears when it exists.
    static QString defaultLabProfilePath();
    void setLabProfilePath(const QString& path);
    static QString exampleProfilePath() { return QStringLiteral(":/examples/seed-topology.json"); }

    // FILE: the profile (File), or the folder, config file or USER@HOST (Gateway).
    void setStart(Start start, const QString& file = {});
    // Without dialogs: imports from WHERE into the draft, or the error shown under the field.
    bool importGateway(const QString& where);
    [[nodiscard]] QString importReport() const { return m_importReport; }
    [[nodiscard]] QString importSummary() const { return m_importSummary; }
    [[nodiscard]] Start start() const;
    // The draft already holds what the current choice would load (Back then Next keeps edits).
    void markApplied();

    void initializePage() override;
    void cleanupPage() override {}
    bool isComplete() const override;
    bool validatePage() override;
    // A bigger network goes to the sites table; two sites to the two-site pages.
    int nextId() const override;

    // What "new hub and spokes" and "new mesh" start from: three sites to fill in.
    static NetworkProfile starterNetwork(TopologyKind kind);

private:
    void browse();
    void browseGateway();
    [[nodiscard]] QString sourceKey() const;

    ProfileDraft* m_draft;
    QButtonGroup* m_group;
    QRadioButton* m_new;
    QRadioButton* m_hubAndSpoke;
    QRadioButton* m_mesh;
    QRadioButton* m_file;
    QRadioButton* m_example;
    QRadioButton* m_lab;
    QRadioButton* m_gateway;
    QLineEdit* m_gatewayPath;
    QPushButton* m_gatewayBrowse;
    FindingLabel* m_gatewayMessage;
    QString m_importReport;
    QString m_importSummary;
    NetworkProfile m_imported;
    QLabel* m_labNote;
    QLineEdit* m_path;
    QPushButton* m_browse;
    FindingLabel* m_message;
    QString m_labPath;
    QString m_applied; // sourceKey() of what the draft was last filled from
};

} // namespace ipsecwiz
