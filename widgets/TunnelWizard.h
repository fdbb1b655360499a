#pragma once

// The wizard an admin clicks through to build a tunnel: Welcome, Sites, Software and algorithms,
// Authentication, Review. A bigger network (hub and spokes, a mesh) goes from Welcome to its sites
// table and its tunnels table, then to Review, or to the two-site pages for one of its tunnels. Every page fills the one ProfileDraft; nothing is generated in accept().
// Deploy follows Review and Monitor follows Deploy (both optional: Finish is on Review, Deploy and Monitor).

#include "ProfileDraft.h"

#include <QWizard>

namespace ipsecwiz {

class WelcomePage;
class NetworkSitesPage;
class NetworkTunnelsPage;
class SitesPage;
class AlgorithmsPage;
class AuthenticationPage;
class ReviewPage;
class DeployPage;
class MonitorPage;

class TunnelWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TunnelWizard)

public:
    // Page ids leave gaps so later pages slot in without renumbering.
    enum PageId : int {
        WelcomeId = 0,
        NetworkSitesId = 4, // a bigger network's sites table, then its tunnels, before the two-site pages
        NetworkTunnelsId = 7,
        SitesId = 10,
        AlgorithmsId = 20,
        AuthenticationId = 30,
        ReviewId = 40,
        DeployId = 50,
        MonitorId = 60,
    };
    Q_ENUM(PageId)

    explicit TunnelWizard(QWidget* parent = nullptr);
    ~TunnelWizard() override;

    [[nodiscard]] ProfileDraft* draft() const { return m_draft; }
    [[nodiscard]] const TunnelProfile& profile() const { return m_draft->profile(); }

    // Opens on the Sites page with this profile (from the main window's "Edit in wizard").
    void editProfile(const TunnelProfile& profile, const QString& path);
    // A network (profile format version 2), its tunnel TUNNEL on the pages; every other site and
    // tunnel is saved as it was.
    void editNetwork(const NetworkProfile& network, const QString& path = {}, int tunnel = 0);
    // A network on the sites and tunnels tables, to add or remove sites and tunnels.
    void editNetworkSites(const NetworkProfile& network, const QString& path = {});

    [[nodiscard]] WelcomePage* welcomePage() const { return m_welcome; }
    [[nodiscard]] NetworkSitesPage* networkSitesPage() const { return m_networkSites; }
    [[nodiscard]] NetworkTunnelsPage* networkTunnelsPage() const { return m_networkTunnels; }
    [[nodiscard]] SitesPage* sitesPage() const { return m_sites; }
    [[nodiscard]] AlgorithmsPage* algorithmsPage() const { return m_algorithms; }
    [[nodiscard]] AuthenticationPage* authenticationPage() const { return m_authentication; }
    [[nodiscard]] ReviewPage* reviewPage() const { return m_review; }
    [[nodiscard]] DeployPage* deployPage() const { return m_deploy; }
    [[nodiscard]] MonitorPage* monitorPage() const { return m_monitor; }

Q_SIGNALS:
    void profileSaved(const QString& path);
    void bundleExported(const QString& path);

private:
    ProfileDraft* m_draft;
    WelcomePage* m_welcome;
    NetworkSitesPage* m_networkSites;
    NetworkTunnelsPage* m_networkTunnels;
    SitesPage* m_sites;
    AlgorithmsPage* m_algorithms;
    AuthenticationPage* m_authentication;
    ReviewPage* m_review;
    DeployPage* m_deploy;
    MonitorPage* m_monitor;
};

} // namespace ipsecwiz
