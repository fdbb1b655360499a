#include "DeployPage.h"

#include "DeployPanel.h"
#include "ProfileDraft.h"

#include <QDir>
#include <QFileInfo>
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
    const QString path = m_draft->path();
    const QString dir = path.isEmpty() || path.startsWith(QLatin1Char(':')) ? QDir::currentPath() : QFileInfo(path).absolutePath();
    m_panel->setProfile(m_draft->profile(), m_draft->psk(), dir);
}

bool DeployPage::isComplete() const
{
    return !m_panel->isBusy();
}

} // namespace ipsecwiz
