#pragma once

// What the wizard pages fill together: a network (profile format version 2) and the one tunnel of
// it the pages show, its findings after every edit, and where it was loaded from or saved to.
// A two-site profile is a network of one tunnel, the simple path. The pages edit the shown
// tunnel as version 1 reads (profile(): proposals, key, both ends' networks and gateways) and its
// two sites' version 2 settings (editSite: NAT, a dynamic address, managed elsewhere); every other
// site and tunnel is kept as it was, and notShown() says what they are. Pages redraw on changed().

#include "NetworkProfile.h"
#include "TunnelProfile.h"
#include "Validation.h"

#include <QObject>

#include <functional>

namespace ipsecwiz {

// The folder a profile's relative paths (known_hosts, identity files) are resolved in: the
// profile file's own, or the working folder for a profile not saved yet or built in (":/…").
QString profileDirOf(const QString& profilePath);

class ProfileDraft final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDraft)

public:
    explicit ProfileDraft(QObject* parent = nullptr);
    ~ProfileDraft() override;

    [[nodiscard]] const NetworkProfile& network() const { return m_network; }
    // The tunnel the pages show, and its two sites.
    [[nodiscard]] int tunnelIndex() const { return m_tunnel; }
    [[nodiscard]] const Tunnel& tunnel() const { return m_network.tunnels.at(m_tunnel); }
    [[nodiscard]] int siteIndex(Side side) const;
    [[nodiscard]] const Site& site(Side side) const { return m_network.sites.at(siteIndex(side)); }
    // The shown tunnel as version 1 reads it (Network::pageView).
    [[nodiscard]] const TunnelProfile& profile() const { return m_profile; }

    // Empty when the shown tunnel and its sites are all a two-gateway profile of version 1 can say
    // (the pair generators, deploy and monitor take it); else why not, in a sentence.
    [[nodiscard]] QString beyondPair() const { return m_beyondPair; }
    // The sites and tunnels the pages do not show, in a sentence; empty when they show everything.
    [[nodiscard]] QString notShown() const;

    // Findings with the pages' field ids ("networkA", "gatewayB.natAddress", "ike.encryption")
    // for the shown tunnel and its sites; those about the rest keep their network path.
    [[nodiscard]] const QList<Finding>& findings() const { return m_findings; }
    [[nodiscard]] QList<Finding> findingsFor(const QString& field) const;
    [[nodiscard]] bool hasErrorIn(const QStringList& fields) const;

    // One edit (a keystroke, a combo box choice): validates again and emits changed(); false when
    // the edit left the profile as it was (nothing emitted).
    bool edit(const std::function<void(TunnelProfile&)>& change);
    bool editSite(Side side, const std::function<void(Site&)>& change);
    // An edit of the whole network (the sites and tunnels tables of a bigger network); the shown
    // tunnel stays the one of that name where it still exists. Tunnels without a key get one.
    bool editNetwork(const std::function<void(NetworkProfile&)>& change);

    // More than two sites, more than one tunnel, or a hub-and-spoke or mesh template: the wizard
    // shows the sites and tunnels tables instead of the two-site pages.
    [[nodiscard]] bool isNetwork() const;
    // Every finding of the network with its own path ("sites[2].networks[0]"), for the tables.
    [[nodiscard]] const QList<Finding>& networkFindings() const { return m_networkFindings; }
    // A whole new profile (loaded from a file, the example, a new tunnel): emits replaced() so
    // pages refill their widgets, then changed().
    void replace(const TunnelProfile& profile, const QString& sourcePath = {});
    void replace(const NetworkProfile& network, const QString& sourcePath = {}, int tunnel = 0);
    // Shows another tunnel of the network (replaced(), then changed()).
    void showTunnel(int tunnel);

    // The file this profile came from or was last saved to; empty for a new one.
    [[nodiscard]] QString path() const { return m_path; }
    void setPath(const QString& path) { m_path = path; }

    // Tunnels of the template the admin removed in this wizard: the template does not make them
    // again when sites change (Network::retemplate).
    [[nodiscard]] const QStringList& removedTunnels() const { return m_removedTunnels; }
    void setRemovedTunnels(const QStringList& names) { m_removedTunnels = names; }

    // The tunnels of a network whose key was made when it was opened, not read from it.
    [[nodiscard]] const QStringList& keylessTunnels() const { return m_keyless; }

    // The key the generated files use: the profile's own (the Authentication page always sets one).
    [[nodiscard]] QByteArray psk() const { return m_profile.psk.value_or(QByteArray()); }

Q_SIGNALS:
    void changed();
    void replaced();

private:
    void update();
    void wipe();

    NetworkProfile m_network;
    int m_tunnel = 0;
    TunnelProfile m_profile;
    QString m_beyondPair;
    QList<Finding> m_findings;
    QList<Finding> m_networkFindings;
    QString m_path;
    QStringList m_keyless;
    QStringList m_removedTunnels;
};

} // namespace ipsecwiz
