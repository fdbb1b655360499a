#pragma once

// The sites of a bigger network as one table an admin can fill for many branches at once: a row
// per site (name, networks, gateway address, how peers reach it, its public address behind NAT,
// its software, whether this program manages it), with add, duplicate, remove and paste from a
// spreadsheet (CSV). Each row validates as it is typed, its message beside it. Above the table,
// the template (hub and spokes, full mesh, two sites) and the hub: the tunnels follow the sites.

#include <QStringList>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ipsecwiz {

class ChoiceDelegate;
class FindingLabel;
class ProfileDraft;
struct Site;

class NetworkSitesPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkSitesPage)

public:
    enum Column { NameColumn, NetworksColumn, GatewayColumn, ReachColumn, PublicColumn, FlavourColumn, ManagedColumn, ProblemColumn, ColumnCount };

    explicit NetworkSitesPage(ProfileDraft* draft, QWidget* parent = nullptr);
    ~NetworkSitesPage() override;

    [[nodiscard]] QTableWidget* table() const { return m_table; }
    [[nodiscard]] QComboBox* templateBox() const { return m_template; }
    [[nodiscard]] QComboBox* hubBox() const { return m_hub; }

    void addSite();
    void duplicateSite();
    void removeSite();
    // Adds the sites of CSV text (Network::sitesFromCsv); false with the message shown when it
    // does not read, and nothing added.
    bool pasteSites(const QString& csv);

    void initializePage() override;
    void cleanupPage() override {}
    bool isComplete() const override;

private:
    void fill();
    void fillRow(int row, const Site& site);
    void rowEdited(int row);
    void showProblems();
    void templateChosen();
    void askCsv();

    ProfileDraft* m_draft;
    QLineEdit* m_name;
    QComboBox* m_template;
    QComboBox* m_hub;
    QCheckBox* m_spokeToSpoke;
    QTableWidget* m_table;
    ChoiceDelegate* m_delegate;
    QPushButton* m_add;
    QPushButton* m_duplicate;
    QPushButton* m_remove;
    QPushButton* m_paste;
    FindingLabel* m_message;
    QLabel* m_summary;
    bool m_filling = false;
};

} // namespace ipsecwiz
