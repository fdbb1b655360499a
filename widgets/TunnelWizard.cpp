#include "TunnelWizard.h"

#include "DeployPage.h"
#include "MonitorPage.h"

#include "AlgorithmsPage.h"
#include "AuthenticationPage.h"
#include "NetworkSitesPage.h"
#include "NetworkTunnelsPage.h"
#include "ReviewPage.h"
#include "SitesPage.h"
#include "WelcomePage.h"

#include <QGuiApplication>
#include <QIcon>

namespace ipsecwiz {

TunnelWizard::TunnelWizard(QWidget* parent)
    : QWizard(parent), m_draft(new ProfileDraft(this)), m_welcome(new WelcomePage(m_draft, this)),
      m_networkSites(new NetworkSitesPage(m_draft, this)), m_networkTunnels(new NetworkTunnelsPage(m_draft, this)), m_sites(new SitesPage(m_draft, this)),
      m_algorithms(new AlgorithmsPage(m_draft, this)), m_authentication(new AuthenticationPage(m_draft, this)),
      m_review(new ReviewPage(m_draft, this)), m_deploy(new DeployPage(m_draft, this)),
      m_monitor(new MonitorPage(m_draft, this))
{
    setObjectName(QStringLiteral("tunnelWizard"));
    setWindowTitle(tr("New IPsec tunnel"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    // Qt's own German "Ab&schließen" took Alt+S from the pages' fields; ours is "&Fertig".
    setButtonText(QWizard::FinishButton, tr("&Finish"));
    setPixmap(QWizard::LogoPixmap, QIcon(QStringLiteral(":/icons/ipsec-wizard.svg")).pixmap(QSize(48, 48), qApp->devicePixelRatio()));
    setPage(WelcomeId, m_welcome);
    setPage(NetworkSitesId, m_networkSites);
    setPage(NetworkTunnelsId, m_networkTunnels);
    setPage(SitesId, m_sites);
    setPage(AlgorithmsId, m_algorithms);
    setPage(AuthenticationId, m_authentication);
    setPage(ReviewId, m_review);
    setPage(DeployId, m_deploy);
    setPage(MonitorId, m_monitor);
    setStartId(WelcomeId);
    setMinimumSize(860, 640);
    resize(1060, 780);
    connect(m_review, &ReviewPage::profileSaved, this, &TunnelWizard::profileSaved);
    connect(m_review, &ReviewPage::bundleExported, this, &TunnelWizard::bundleExported);
}

TunnelWizard::~TunnelWizard() = default;

void TunnelWizard::editProfile(const TunnelProfile& profile, const QString& path)
{
    setWindowTitle(tr("Edit IPsec tunnel"));
    m_draft->replace(profile, path);
    m_welcome->markApplied();
    setStartId(SitesId);
    restart();
}

void TunnelWizard::editNetwork(const NetworkProfile& network, const QString& path, int tunnel)
{
    setWindowTitle(tr("Edit IPsec network"));
    m_draft->replace(network, path, tunnel);
    m_welcome->markApplied();
    setStartId(SitesId);
    restart();
}

void TunnelWizard::editNetworkSites(const NetworkProfile& network, const QString& path)
{
    setWindowTitle(tr("Edit IPsec network"));
    m_draft->replace(network, path, 0);
    m_welcome->markApplied();
    setStartId(NetworkSitesId);
    restart();
}

} // namespace ipsecwiz
