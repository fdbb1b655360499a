#pragma once

// The tunnels of a bigger network, as the template made them from the sites: a row per tunnel
// (name, its two sites, the networks it carries at each end, its proposals) with its message
// beside it. A tunnel can be renamed, carry only some of its sites' networks, be removed, or be
// added between any two sites; "Edit addresses and algorithms…" opens the two-site pages on the
// selected tunnel for its own proposals and key.

#include <QWizardPage>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace ipsecwiz {

class ChoiceDelegate;
class FindingLabel;
class ProfileDraft;

class NetworkTunnelsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkTunnelsPage)

public:
    enum Column { NameColumn, SiteAColumn, SiteBColumn, NetworksAColumn, NetworksBColumn, ProposalsColumn, ProblemColumn, ColumnCount };

    explicit NetworkTunnelsPage(ProfileDraft* draft, QWidget* parent = nullptr);
    ~NetworkTunnelsPage() override;

    [[nodiscard]] QTableWidget* table() const { return m_table; }

    // A tunnel between sites A and B, named "A-B" (or "A-B2", … when taken); false when it cannot be.
    bool addTunnel(const QString& siteA, const QString& siteB);
    void removeTunnel(int row);
    // Shows tunnel ROW on the two-site pages and goes there.
    void editTunnel(int row);

    void initializePage() override;
    void cleanupPage() override {}
    bool isComplete() const override;
    int nextId() const override;

private:
    void fill();
    void rowEdited(int row);
    void showProblems();

    ProfileDraft* m_draft;
    QTableWidget* m_table;
    ChoiceDelegate* m_delegate;
    QComboBox* m_siteA;
    QComboBox* m_siteB;
    QPushButton* m_add;
    QPushButton* m_remove;
    QPushButton* m_edit;
    FindingLabel* m_message;
    QLabel* m_summary;
    bool m_filling = false;
    bool m_toDetail = false;
};

} // namespace ipsecwiz
