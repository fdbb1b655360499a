#pragma once

// The lab built from a profile: which network namespaces, links, addresses, routes, NAT rules and
// management links `ipsec-wizard lab up --from PROFILE` makes, computed here and carried out by
// lab/lab.sh from the line-based text of toText(). Nothing here touches the machine.

#include "NetworkProfile.h"
#include "Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ipsecwiz {

enum class LabNodeKind {
    Router,           // the "internet": a point-to-point link to every gateway or NAT router
    Gateway,          // a managed site's gateway: sshd on its management link, and charon
    UnmanagedGateway, // a site someone else runs: charon only, no management link
    Nat,              // the NAT router in front of a NATed gateway
    Host,             // one host in one network of a site
};

QString labNodeKindId(LabNodeKind kind);

struct LabNode
{
    QString name; // without the "ipsecwiz-" of its namespace: "gw-hq", "host-branch3-2"
    LabNodeKind kind = LabNodeKind::Host;
    QString site; // empty for the router

    friend bool operator==(const LabNode&, const LabNode&) = default;
};

// A veth pair: one end in each node, each with an address ("10.0.0.1/16").
struct LabLink
{
    QString nodeA, ifA, addressA;
    QString nodeB, ifB, addressB;

    friend bool operator==(const LabLink&, const LabLink&) = default;
};

struct LabRoute
{
    QString node;
    QString destination; // "default" or a CIDR
    QString via;         // empty: on the link
    QString dev;
    bool onlink = false; // via an address that is not in the interface's prefix

    friend bool operator==(const LabRoute&, const LabRoute&) = default;
};

// Masquerade what leaves `outside`, and forward IKE (UDP 500 and 4500) arriving there to `target`.
struct LabNat
{
    QString node;
    QString outside;
    QString target;

    friend bool operator==(const LabNat&, const LabNat&) = default;
};

// The one link to the calling namespace: hostIf there, mgmt0 in the gateway.
struct LabMgmt
{
    QString node;
    QString hostIf;         // "ipsecwiz-mgmt1"
    QString hostAddress;    // "10.99.1.1/30"
    QString gatewayAddress; // "10.99.1.2/30"

    friend bool operator==(const LabMgmt&, const LabMgmt&) = default;
};

// A dynamic site's outside address and the others `lab renumber SITE` moves it to in turn; the
// router's route to it moves along.
struct LabRenumber
{
    QString site;
    QString node;
    QString ifname;
    QString routerIf;
    QStringList addresses; // bare addresses, the profile's first

    friend bool operator==(const LabRenumber&, const LabRenumber&) = default;
};

struct LabPlan
{
    QString name;
    QList<LabNode> nodes;
    QList<LabLink> links;
    QList<LabRoute> routes;
    QStringList forwarding; // nodes with net.ipv4.ip_forward = 1
    QList<LabNat> nats;
    QList<LabMgmt> mgmt;
    // Gateways that must not forward to or from their management link.
    QStringList isolated;
    QList<LabRenumber> renumbers;

    [[nodiscard]] const LabNode* node(const QString& name) const;
    // The node names of a site by kind ("gw-hq"); empty when it has none.
    [[nodiscard]] QStringList nodesOf(const QString& site, LabNodeKind kind) const;
    [[nodiscard]] const LabMgmt* mgmtOf(const QString& node) const;

    // One statement a line, words separated by single spaces (see lab/README.md):
    //   node NAME router|gateway|unmanaged-gateway|nat|host SITE|-
    //   link NODE IF ADDR/PFX NODE IF ADDR/PFX
    //   route NODE DEST via ADDR|- dev IF [onlink]
    //   forward NODE
    //   nat NODE OUTSIDE-IF TARGET
    //   mgmt NODE HOST-IF HOST-ADDR/PFX GATEWAY-ADDR/PFX
    //   isolate NODE IF
    //   renumber SITE NODE IF ROUTER-IF ADDR…
    [[nodiscard]] QString toText() const;
};

namespace Lab {

constexpr int MaxSites = 60;
const QString NamespacePrefix = QStringLiteral("ipsecwiz-");
const QString RouterNode = QStringLiteral("inet");
// The router's end of every point-to-point link to a gateway or NAT router: link-local, so it can
// be in no profile, and never routed anywhere.
const QString RouterAddress = QStringLiteral("169.254.0.1");

// The plan for every site of NETWORK with the profile's own addresses, or what the lab cannot
// build, named by field ("sites[2].gateway.localAddress"). IPv4 only.
Result<LabPlan> plan(const NetworkProfile& network);

// The profile to push to the lab: NETWORK with every managed gateway's SSH target the management
// address (root, the lab's key), the lab's known_hosts, and a fresh key for every tunnel without
// one.
Result<NetworkProfile> labProfile(const NetworkProfile& network, const LabPlan& plan, const QString& labDir);

} // namespace Lab

} // namespace ipsecwiz
