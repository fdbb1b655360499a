#pragma once

// Profile format version 2: one managed site's gateway, from all its tunnels. strongSwan gets a
// conf.d file per tunnel: local_addrs is the address on the gateway's interface (behind NAT too),
// remote_addrs the address the peer is reached at or %any for a dynamic one, identities of every
// kind, every network the tunnel carries as a traffic selector, and its own key; NAT traversal is
// strongSwan's own. racoon and racoon-tool get what version 1 gets per tunnel (RacoonConnection,
// the coexistence rules: own files and marked blocks), with NAT traversal, FQDN and user@FQDN
// identities, a sainfo and policy pair per network pair, racoon's anonymous remote with
// generate_policy for a dynamic peer, and routes.sh; the blocks of one file (psk.txt) come as one
// entry whose block lists every tunnel. Both ends of a tunnel come from the same view of it, so
// one's local is the other's remote.

#include "Generator.h"
#include "NetworkProfile.h"
#include "PeerCheck.h"

#include <functional>

namespace ipsecwiz::Generate {

// PSK: the tunnel's own; a tunnel without one fails (generate both of its ends in one run, or
// save the profile with its keys).
Result<GatewayConfig> gateway(const NetworkProfile& network, const QString& site);

// Every gateway of SITES (default: every managed site), the network validated once: what
// `generate --all` and the push of a network take. Fails like gateway() on the first problem.
Result<QList<std::pair<QString, GatewayConfig>>> gateways(const NetworkProfile& network, const QStringList& sites = {});

// Whether SITE's end of TUNNEL starts it (start_action includes "start"; the other end waits):
// who brings a tunnel up again after a rollout that reloaded both ends.
bool startsTunnel(const NetworkProfile& network, const Tunnel& tunnel, const QString& site);

// The managed sites, in the profile's order: what `generate --all` writes.
QStringList managedSites(const NetworkProfile& network);

// For a tunnel whose other end someone else runs: one page for that admin, with everything their
// gateway needs to match ours: addresses, identities, networks, proposals in IKE terms (with the
// ids in brackets), lifetimes. The key only when asked (else: "exchanged separately").
QByteArray settingsSheet(const NetworkProfile& network, const Tunnel& tunnel, bool withPsk = false);
// The values of that sheet, to hold what the peer sent against (PeerCheck::compare).
PeerSheet peerSheet(const NetworkProfile& network, const Tunnel& tunnel);

// GATEWAYS (as gateways() makes them), each followed by a settings sheet (/settings-TUNNEL.txt,
// without the key) for the site at the far end of each of its tunnels that someone else runs.
QList<std::pair<QString, GatewayConfig>> withSettingsSheets(const NetworkProfile& network,
                                                            const QList<std::pair<QString, GatewayConfig>>& gateways);

} // namespace ipsecwiz::Generate
