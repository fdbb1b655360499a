#pragma once

// Profile format version 2: a network of sites and the tunnels between them. A site has one or
// more networks and a gateway; the gateway says the address on its interface, how its peers reach
// it (that same address, a NATed public address, or a dynamic one), its flavour, IKE identity and
// SSH target, and whether this program manages it at all (a partner's appliance is not managed:
// only our side is generated for it). Tunnels join two sites, carry some or all of their networks,
// and have their own proposals and key. Templates (pair, hub-and-spoke, mesh) make the tunnels.
//
// Version 1 files (TunnelProfile: one tunnel between gateways A and B) are read as a network of
// two sites and one tunnel; a network whose every tunnel version 1 could describe converts back
// (toTunnelProfile), which is how today's generators and push take version 2 files.

#include "TunnelProfile.h"
#include "Validation.h"

#include <QList>
#include <QStringList>

namespace ipsecwiz {

// How the peers reach a gateway.
enum class Reachability {
    Direct,  // at its localAddress
    Nat,     // at publicAddress, which a NAT router in front of it translates to localAddress
    Dynamic, // at an address that changes: it starts its tunnels; peers accept it from anywhere
};

enum class IdentityKind { Address, Fqdn, UserFqdn, KeyId };

QString reachabilityId(Reachability r);
QString identityKindId(IdentityKind k);

struct Identity
{
    IdentityKind kind = IdentityKind::Address;
    QString value; // empty for Address: the address the peers reach the gateway at

    friend bool operator==(const Identity&, const Identity&) = default;
};

// "ADDR/PREFIX" or "ADDR" as the profile writes a gateway's address: the address alone.
inline QString hostPart(const QString& address)
{
    return address.section(QLatin1Char('/'), 0, 0).trimmed();
}

struct SiteGateway
{
    // "ADDR" or "ADDR/PREFIX", as version 1's publicAddress: the prefix says which subnet the
    // interface is on.
    QString localAddress;
    Reachability reach = Reachability::Direct;
    QString publicAddress;   // Nat only
    QString internalAddress; // the gateway's own address inside one of the site's networks
    QString defaultRouter;   // optional
    Flavour flavour = Flavour::StrongSwan;
    Identity identity;
    SshTarget ssh;
    bool managed = true;
    // The format of the gateway's own config this site was imported from ("racoon-tool",
    // "swanctl", …; empty: made in the wizard). A push reads that config again first: when it
    // already says what the profile says, the gateway is left as it is; otherwise the tunnels'
    // own lines in it are commented out as the program's files take over (Migration).
    QString importedFrom;

    // The address the peers send to: localAddress, or publicAddress behind NAT; empty when dynamic.
    [[nodiscard]] QString peerAddress() const;
    // Where the admin reaches the gateway over SSH: ssh.host, else the address peers see it at.
    [[nodiscard]] QString sshHost() const;

    friend bool operator==(const SiteGateway&, const SiteGateway&) = default;
};

struct Site
{
    QString name;
    QStringList networks; // CIDR
    SiteGateway gateway;

    friend bool operator==(const Site&, const Site&) = default;
};

struct Tunnel
{
    QString name;
    QString siteA;
    QString siteB;
    QStringList networksA; // empty: every network of siteA
    QStringList networksB;
    IkeProposal ike;
    EspProposal esp;
    std::optional<QByteArray> psk; // each tunnel its own

    friend bool operator==(const Tunnel&, const Tunnel&) = default;
};

enum class TopologyKind { Pair, HubAndSpoke, Mesh };
QString topologyId(TopologyKind k);

// How the tunnels were made; kept so the wizard can make them again when sites change.
struct Topology
{
    TopologyKind kind = TopologyKind::Pair;
    QString hub;               // HubAndSpoke
    bool spokeToSpoke = false; // HubAndSpoke: spokes reach each other through the hub

    friend bool operator==(const Topology&, const Topology&) = default;
};

struct NetworkProfile
{
    static constexpr int FormatVersion = 2;

    QString name;
    QList<Site> sites;
    Topology topology;
    IkeProposal ike; // the defaults new tunnels get
    EspProposal esp;
    QList<Tunnel> tunnels;
    QString knownHostsFile;

    // A site imported from its gateway's own config: a push must read that first (Migration), which
    // only a network's push does, so such a profile is pushed as a network even with one tunnel.
    [[nodiscard]] bool hasImportedGateway() const;
    [[nodiscard]] int siteIndex(const QString& name) const;
    [[nodiscard]] const Site* site(const QString& name) const;
    [[nodiscard]] int tunnelIndex(const QString& name) const;
    // The networks a tunnel carries on one of its sites (its own list, else all of the site's).
    [[nodiscard]] QStringList networksOf(const Tunnel& tunnel, Side side) const;

    friend bool operator==(const NetworkProfile&, const NetworkProfile&) = default;
};

namespace Network {

// The tunnels a topology makes between SITES, named "A-B" after their sites, with the given
// proposals and no key. Pair: the first two sites. HubAndSpoke: the hub to every other site.
// Mesh: every two sites.
QList<Tunnel> tunnelsFor(const QList<Site>& sites, const Topology& topology, const IkeProposal& ike, const EspProposal& esp);

// The tunnels again after sites were added, removed or the template changed: the template's
// tunnels, each keeping its own settings (networks, proposals, key) where a tunnel of that name
// was there before, and every tunnel added by hand kept while both its sites exist. When the
// template itself changed (hub and spokes → mesh), the old template's tunnels go. Tunnels named
// in REMOVED (the admin removed them) are not made again.
void retemplate(NetworkProfile& network, bool templateChanged = false, const QStringList& removed = {});
// The address a site's gateway usually has inside its first network: that network's first host
// ("10.4.0.0/24" → "10.4.0.1", as the how-to's gateways had); empty when it does not read.
QString firstHostOf(const QStringList& networks);
// Site SITE with NETWORKS: its internal address follows when it was empty or the first host of
// the old networks (an address the admin typed stays).
void setNetworks(Site& site, const QStringList& networks);

// How site SITE's peers reach it. Behind NAT, an address identity (the default) becomes the
// public address, which is what its peers see and expect; back out of NAT, that identity is the
// default again. An identity the admin chose otherwise stays.
void setReach(Site& site, Reachability reach, const QString& publicAddress);

// Renames site INDEX to NAME in place, with its tunnels (their ends, and names made by the
// template: "hq-branch1" becomes "central-branch1") and the hub.
void renameSite(NetworkProfile& network, int index, const QString& name);
// "name,networks,gateway[,reach[,public address[,flavour[,managed]]]]" lines, as an admin pastes
// them from a spreadsheet (commas, semicolons or tabs between fields; networks separated by
// blanks); a header line starting with "name" is skipped. Sites, or the first line that does not
// read, with its number and what is wrong.
Result<QList<Site>> sitesFromCsv(const QString& text);

// Version 1 → 2: sites "site-a" and "site-b", one tunnel named after the profile.
NetworkProfile fromTunnelProfile(const TunnelProfile& profile);

// Version 2 → 1 for one tunnel, as long as version 1 can describe it (both gateways managed and
// reached directly, one network each); otherwise an error that says what it cannot describe.
Result<TunnelProfile> toTunnelProfile(const NetworkProfile& network, const QString& tunnel);

// The wizard's pages show one tunnel as version 1 does: its name, proposals and key, and each end's
// site as a gateway, the site's networks joined by ", " in networkA/networkB (one network reads as
// in version 1). Unlike toTunnelProfile it describes any tunnel; what version 1 has no field for
// (NAT, a dynamic address, managed, an identity's kind, a tunnel's own choice of networks) stays
// in the network, where applyPageView leaves it.
TunnelProfile pageView(const NetworkProfile& network, int tunnel);
// Writes a page view back into tunnel TUNNEL and its two sites. The network takes the tunnel's
// name, proposals and known_hosts file when it is its only tunnel; a network of a site renamed in
// place is renamed in every tunnel's own list of that site's networks.
void applyPageView(NetworkProfile& network, int tunnel, const TunnelProfile& view);
// "10.1.0.0/24, 10.2.0.0/24" (commas or blanks between) → the networks, in order.
QStringList splitNetworks(const QString& text);
// How version 1's identity text reads in version 2: an address, user@FQDN, else an FQDN.
Identity identityFromText(const QString& text);

// A fresh key (Psk::generate) for every tunnel that has none; true when it made any.
Result<bool> giveFreshKeys(NetworkProfile& network);

// Every finding of the whole network, each naming its field by path: "sites[2].networks[1]",
// "tunnels[\"hq-branch2\"].esp.encryption".
QList<Finding> validate(const NetworkProfile& network);

// The path of a site's or a tunnel's field, as findings name it.
QString sitePath(int index, const QString& field = {});
QString tunnelPath(const QString& name, const QString& field = {});

} // namespace Network

namespace NetworkJson {

// Reads version 1 (converted) and version 2. Errors name the JSON path.
Result<NetworkProfile> fromJson(const QByteArray& json);
QByteArray toJson(const NetworkProfile& network, PskInFile psk);
Result<NetworkProfile> load(const QString& path);
// The format version a profile file says it has (0 when it cannot be read as a profile).
int versionOf(const QByteArray& json);
// Written atomically; 0600 when it holds a key.
Status save(const NetworkProfile& network, const QString& path, PskInFile psk);

} // namespace NetworkJson

} // namespace ipsecwiz
