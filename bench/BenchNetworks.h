#pragma once

// The networks the network benchmarks share: N sites, each with a /24 of its own behind a gateway
// on one public /10, the tunnels made by the template.

#include "NetworkProfile.h"

namespace ipsecwiz::bench {

inline NetworkProfile network(int sites, TopologyKind kind)
{
    NetworkProfile n;
    n.name = QStringLiteral("bench");
    for (int i = 0; i < sites; ++i) {
        Site s;
        s.name = QStringLiteral("site%1").arg(i);
        s.networks = {QStringLiteral("10.%1.%2.0/24").arg(i / 250).arg(i % 250)};
        s.gateway.localAddress = QStringLiteral("100.64.%1.%2/10").arg(i / 250).arg(i % 250 + 1);
        s.gateway.internalAddress = QStringLiteral("10.%1.%2.1").arg(i / 250).arg(i % 250);
        n.sites.append(s);
    }
    n.topology.kind = kind;
    n.topology.hub = n.sites.first().name;
    n.tunnels = Network::tunnelsFor(n.sites, n.topology, n.ike, n.esp);
    return n;
}

// A fixed, obviously fake key for every tunnel, so nothing is generated at random.
inline void giveFixedKeys(NetworkProfile& n)
{
    for (Tunnel& t : n.tunnels)
        t.psk = QByteArrayLiteral("0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
}

} // namespace ipsecwiz::bench
