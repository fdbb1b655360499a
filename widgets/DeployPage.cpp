#include "DeployPage.h"

#include "DeployPanel.h"
#include "ProfileDraft.h"

#include <QVBoxLayout>

namespace ipsecwiz {

DeployPage::DeployPage(ProfileDraft* draft, QWidget* parent) : QWizardPage(parent), m_draft(draft), m_panel(new DeployPanel(this))
{
    setObjectName(QStringLiteral("deployPage"));
    setTitle(tr("Deploy"));
    setSubTitle(tr("Push the configuration to both gateways over SSH. Each gateway rolls back by itself unless the wizard "
                   "confirms it over a fresh connection."));
    setFinalPage(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_panel);
    // Finish and Back wait while a push runs: leaving mid-transaction would strand the gateways.
    connect(m_panel, &DeployPanel::busyChanged, this, &QWizardPage::completeChanged);
}

DeployPage::~DeployPage() = default;

void DeployPage::initializePage()
{
    if (m_draft->beyondPair().isEmpty())
        m_panel->setProfile(m_draft->profile(), m_draft->psk(), profileDirOf(m_draft->path()));
    else
        m_panel->setNetwork(m_draft->network(), m_draft->tunnelIndex(), profileDirOf(m_draft->path()), m_draft->keylessTunnels());
}

bool DeployPage::isComplete() const
{
    return !m_panel->isBusy();
}

} // namespace ipsecwiz
