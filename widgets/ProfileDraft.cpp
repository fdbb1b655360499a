#include "ProfileDraft.h"

#include "Psk.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace ipsecwiz {

namespace {

// A network finding's path as the pages name the field: the shown tunnel's own fields lose their
// "tunnels[…]." prefix, its sites' become gatewayA./networkA…; the rest keeps its path.
QString pageField(const QString& path, const NetworkProfile& n, int tunnel, const std::array<int, 2>& sites)
{
    static const QRegularExpression site(QStringLiteral("^sites\\[(\\d+)\\](?:\\.(.*))?$"));
    const Tunnel& t = n.tunnels.at(tunnel);
    if (const auto m = site.match(path); m.hasMatch()) {
        const int index = m.captured(1).toInt();
        const int at = index == sites[0] ? 0 : index == sites[1] ? 1 : -1;
        if (at < 0)
            return path;
        const QString letter = at == 0 ? QStringLiteral("A") : QStringLiteral("B");
        const QString rest = m.captured(2);
        if (rest.isEmpty() || rest == QLatin1String("gateway"))
            return QStringLiteral("gateway%1.reach").arg(letter);
        if (rest.startsWith(QLatin1String("networks")) || rest == QLatin1String("name"))
            return QStringLiteral("network") + letter;
        if (rest == QLatin1String("gateway.localAddress"))
            return QStringLiteral("gateway%1.publicAddress").arg(letter);
        if (rest == QLatin1String("gateway.publicAddress"))
            return QStringLiteral("gateway%1.natAddress").arg(letter);
        if (rest.startsWith(QLatin1String("gateway.")))
            return QStringLiteral("gateway") + letter + rest.mid(7);
        return path;
    }
    const QString own = Network::tunnelPath(t.name);
    if (path == own || path == own + QLatin1String(".sites"))
        return QStringLiteral("tunnel");
    if (path.startsWith(own + QLatin1String(".networks."))) {
        const QString siteName = path.mid(own.size() + 10).section(QLatin1Char('['), 0, 0);
        return siteName == t.siteA ? QStringLiteral("networkA") : QStringLiteral("networkB");
    }
    if (path.startsWith(own + QLatin1Char('.')))
        return path.mid(own.size() + 1);
    return path;
}

} // namespace

QString profileDirOf(const QString& profilePath)
{
    return profilePath.isEmpty() || profilePath.startsWith(QLatin1Char(':')) ? QDir::currentPath() : QFileInfo(profilePath).absolutePath();
}

ProfileDraft::ProfileDraft(QObject* parent) : QObject(parent), m_network(Network::fromTunnelProfile(TunnelProfile{}))
{
    update();
}

ProfileDraft::~ProfileDraft()
{
    wipe();
}

void ProfileDraft::wipe()
{
    for (Tunnel& t : m_network.tunnels)
        if (t.psk)
            Psk::wipe(*t.psk);
    if (m_profile.psk)
        Psk::wipe(*m_profile.psk);
}

int ProfileDraft::siteIndex(Side side) const
{
    const Tunnel& t = tunnel();
    return m_network.siteIndex(side == Side::A ? t.siteA : t.siteB);
}

QString ProfileDraft::notShown() const
{
    const qsizetype sites = m_network.sites.size() - 2;
    const qsizetype tunnels = m_network.tunnels.size() - 1;
    if (sites <= 0 && tunnels <= 0)
        return {};
    QStringList names;
    for (qsizetype i = 0; i < m_network.tunnels.size(); ++i)
        if (i != m_tunnel)
            names << m_network.tunnels.at(i).name;
    const QString size = m_network.tunnels.size() == 1 ? tr("%1 sites and one tunnel").arg(m_network.sites.size())
                                                        : tr("%1 sites and %2 tunnels").arg(m_network.sites.size()).arg(m_network.tunnels.size());
    return tr("The network “%1” has %2. These pages show tunnel “%3” and its two sites; the others (%4) are saved as they are.")
        .arg(m_network.name, size, tunnel().name, names.isEmpty() ? tr("its other sites") : names.join(QStringLiteral(", ")));
}

QList<Finding> ProfileDraft::findingsFor(const QString& field) const
{
    return ipsecwiz::findingsFor(m_findings, field);
}

bool ProfileDraft::hasErrorIn(const QStringList& fields) const
{
    return std::any_of(m_findings.cbegin(), m_findings.cend(),
                       [&](const Finding& f) { return f.severity == Severity::Error && fields.contains(f.field); });
}

bool ProfileDraft::isNetwork() const
{
    return m_network.sites.size() > 2 || m_network.tunnels.size() > 1 || m_network.topology.kind != TopologyKind::Pair;
}

void ProfileDraft::update()
{
    m_networkFindings = Network::validate(m_network);
    if (m_network.tunnels.isEmpty()) {
        // Sites being typed into a table may have no tunnel between them yet.
        m_tunnel = 0;
        m_profile = TunnelProfile{};
        m_beyondPair = tr("The network has no tunnel yet.");
        m_findings = m_networkFindings;
        return;
    }
    m_tunnel = std::clamp(m_tunnel, 0, int(m_network.tunnels.size()) - 1);
    m_profile = Network::pageView(m_network, m_tunnel);
    const bool pair = m_network.sites.size() == 2 && m_network.tunnels.size() == 1;
    const auto asPair = Network::toTunnelProfile(m_network, tunnel().name);
    m_beyondPair = asPair ? (pair ? QString() : notShown()) : asPair.error().message;
    if (m_beyondPair.isEmpty()) {
        // Two sites that version 1 describes: its checks, as the simple path always had them.
        m_findings = validate(m_profile);
        return;
    }
    m_findings.clear();
    const std::array<int, 2> sites{siteIndex(Side::A), siteIndex(Side::B)};
    for (Finding f : std::as_const(m_networkFindings)) {
        f.field = pageField(f.field, m_network, m_tunnel, sites);
        m_findings.append(f);
    }
}

bool ProfileDraft::edit(const std::function<void(TunnelProfile&)>& change)
{
    TunnelProfile next = m_profile;
    change(next);
    if (next == m_profile)
        return false;
    Network::applyPageView(m_network, m_tunnel, next);
    // The old key's last holder is now the old view.
    if (m_profile.psk && next.psk != m_profile.psk)
        Psk::wipe(*m_profile.psk);
    update();
    Q_EMIT changed();
    return true;
}

bool ProfileDraft::editSite(Side side, const std::function<void(Site&)>& change)
{
    const int index = siteIndex(side);
    if (index < 0)
        return false;
    Site next = m_network.sites.at(index);
    change(next);
    if (next == m_network.sites.at(index))
        return false;
    m_network.sites[index] = std::move(next);
    update();
    Q_EMIT changed();
    return true;
}

bool ProfileDraft::editNetwork(const std::function<void(NetworkProfile&)>& change)
{
    NetworkProfile next = m_network;
    change(next);
    (void)Network::giveFreshKeys(next);
    if (next == m_network)
        return false;
    const QString shown = m_network.tunnels.isEmpty() ? QString() : tunnel().name;
    // Keys of tunnels that are gone: wiped before the old network is dropped.
    for (Tunnel& t : m_network.tunnels)
        if (t.psk && next.tunnelIndex(t.name) < 0)
            Psk::wipe(*t.psk);
    m_network = std::move(next);
    m_tunnel = std::max(0, m_network.tunnelIndex(shown));
    update();
    Q_EMIT changed();
    return true;
}

void ProfileDraft::replace(const TunnelProfile& profile, const QString& sourcePath)
{
    replace(Network::fromTunnelProfile(profile), sourcePath, 0);
}

void ProfileDraft::replace(const NetworkProfile& network, const QString& sourcePath, int tunnel)
{
    wipe();
    m_network = network;
    if (m_network.tunnels.isEmpty()) // the pages show a tunnel: a network of sites only gets one
        m_network.tunnels = Network::tunnelsFor(m_network.sites, Topology{}, m_network.ike, m_network.esp);
    if (m_network.tunnels.isEmpty())
        m_network = Network::fromTunnelProfile(TunnelProfile{});
    // The Authentication page gives the shown tunnel a key; the others of a network get theirs
    // here, so the Review page can show every file of the shown tunnel's gateways.
    m_keyless.clear();
    if (m_network.tunnels.size() > 1) {
        for (const Tunnel& t : std::as_const(m_network.tunnels))
            if (!t.psk)
                m_keyless << t.name;
        (void)Network::giveFreshKeys(m_network);
    }
    m_tunnel = tunnel;
    m_path = sourcePath;
    m_removedTunnels.clear();
    update();
    Q_EMIT replaced();
    Q_EMIT changed();
}

void ProfileDraft::showTunnel(int tunnel)
{
    if (tunnel == m_tunnel || tunnel < 0 || tunnel >= m_network.tunnels.size())
        return;
    m_tunnel = tunnel;
    update();
    Q_EMIT replaced();
    Q_EMIT changed();
}

} // namespace ipsecwiz
