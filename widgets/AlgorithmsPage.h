#pragma once

// Software and algorithms: the IPsec software on each gateway, the IKE version, and the IKE and
// ESP proposals. Only what both gateways can do is offered; with racoon on either side that
// means IKEv1 and racoon's algorithms, chosen for the admin when the software changes.

#include "Algorithms.h"
#include "TunnelProfile.h"

#include <QHash>
#include <QWizardPage>

#include <optional>

class QComboBox;
class QLabel;
class QSpinBox;

namespace ipsecwiz {

class AlgorithmChoice;
class FindingLabel;
class ProfileDraft;

class AlgorithmsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlgorithmsPage)

public:
    explicit AlgorithmsPage(ProfileDraft* draft, QWidget* parent = nullptr);
    ~AlgorithmsPage() override;

    static QStringList fields();
    // Makes a profile's algorithms fit its gateways' software: IKEv1 with racoon, only algorithms
    // both flavours know, integrity "none" exactly with AEAD ciphers, racoon's PRF = its hash.
    static void fitToSoftware(TunnelProfile& profile);

    [[nodiscard]] AlgorithmChoice* choice(const QString& field) const { return m_choices.value(field); }
    [[nodiscard]] QComboBox* flavourBox(Side side) const { return side == Side::A ? m_flavourA : m_flavourB; }
    [[nodiscard]] QComboBox* versionBox() const { return m_version; }
    [[nodiscard]] QSpinBox* lifetimeBox(Usage usage) const { return usage == Usage::Ike ? m_ikeLifetime : m_espLifetime; }
    [[nodiscard]] FindingLabel* message(const QString& field) const { return m_messages.value(field); }

    void initializePage() override;
    void cleanupPage() override {}
    bool isComplete() const override;

    static QString duration(int seconds);

private:
    void userEdit(const std::function<void(TunnelProfile&)>& change);
    void refresh();
    void updateAvailability();

    ProfileDraft* m_draft;
    QComboBox* m_flavourA;
    QComboBox* m_flavourB;
    QLabel* m_racoonNote;
    QComboBox* m_version;
    QLabel* m_versionStrength;
    QSpinBox* m_ikeLifetime;
    QSpinBox* m_espLifetime;
    QLabel* m_ikeLifetimeText;
    QLabel* m_espLifetimeText;
    QHash<QString, AlgorithmChoice*> m_choices;
    QHash<QString, FindingLabel*> m_messages;
    // What racoon replaced, given back when racoon leaves both gateways and nothing was changed since.
    std::optional<std::pair<IkeProposal, EspProposal>> m_beforeRacoon;
    std::optional<std::pair<IkeProposal, EspProposal>> m_forcedByRacoon;
    bool m_loading = false;
};

} // namespace ipsecwiz
