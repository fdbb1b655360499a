#pragma once

// The two sites side by side — network A and gateway A, network B and gateway B — each field
// checked as it is typed with the message right under it, and the drawing redrawn every keystroke.
// A default router row appears only when the gateways cannot reach each other directly. A site
// has one or more networks; its gateway is reached at its address, through NAT at a public
// address, or at a changing one; and it may be managed by someone else (only our side is made).
// For a network of more sites, a line says what the page does not show and which tunnel it shows.

#include <QHash>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;

namespace ipsecwiz {

class FindingLabel;
class ProfileDraft;
class TopologyView;
struct TunnelProfile;

class SitesPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SitesPage)

public:
    explicit SitesPage(ProfileDraft* draft, QWidget* parent = nullptr);
    ~SitesPage() override;

    // The field ids this page edits ("name", "networkA", "gatewayA.publicAddress", …).
    static QStringList fields();

    [[nodiscard]] QLineEdit* edit(const QString& field) const { return m_edits.value(field); }
    [[nodiscard]] FindingLabel* message(const QString& field) const { return m_messages.value(field); }
    [[nodiscard]] TopologyView* topologyView() const { return m_topology; }
    [[nodiscard]] bool routerShown(int side) const;
    [[nodiscard]] QComboBox* reach(int side) const { return m_reach[side]; }
    [[nodiscard]] QCheckBox* managedElsewhere(int side) const { return m_elsewhere[side]; }
    [[nodiscard]] QComboBox* tunnelChoice() const { return m_tunnelChoice; }
    [[nodiscard]] QLabel* networkNote() const { return m_networkNote; }

    void initializePage() override;
    void cleanupPage() override {}
    bool isComplete() const override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Field
    {
        QString id;
        QString label;      // with its mnemonic
        QString accessible; // the name a screen reader says
        QString placeholder;
        QString tip;
    };
    void addField(QGridLayout* grid, int row, const Field& f);
    void addSiteChoices(QGridLayout* grid, int row, int side);
    void load();
    void refresh();
    [[nodiscard]] QString valueOf(const QString& field) const;
    static void setValue(TunnelProfile& profile, const QString& field, const QString& value);

    ProfileDraft* m_draft;
    QHash<QString, QLineEdit*> m_edits;
    QHash<QString, QLabel*> m_labels;
    QHash<QString, FindingLabel*> m_messages;
    QHash<QString, bool> m_touched;
    TopologyView* m_topology;
    QLabel* m_status;
    QComboBox* m_reach[2] = {};
    QCheckBox* m_elsewhere[2] = {};
    QLabel* m_natLabel[2] = {};
    QLabel* m_siteTitle[2] = {};
    QComboBox* m_tunnelChoice = nullptr;
    QLabel* m_tunnelChoiceLabel = nullptr;
    QLabel* m_networkNote = nullptr;
};

} // namespace ipsecwiz
