#pragma once

// The wizard's Deploy page: the Deploy panel on the profile the earlier pages built. Optional:
// the wizard can finish on the Review page, or push from here first.

#include <QWizardPage>

namespace ipsecwiz {

class DeployPanel;
class ProfileDraft;

class DeployPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployPage)

public:
    explicit DeployPage(ProfileDraft* draft, QWidget* parent = nullptr);
    ~DeployPage() override;

    [[nodiscard]] DeployPanel* panel() const { return m_panel; }

    void initializePage() override;
    bool isComplete() const override;

private:
    ProfileDraft* m_draft;
    DeployPanel* m_panel;
};

} // namespace ipsecwiz
