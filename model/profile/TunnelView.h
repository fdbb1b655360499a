#pragma once

// The mirror: one side's view of a validated profile, with "local" and "remote" in place of
// A and B. Both gateways' configs are generated from the two views of one profile, so A's
// outbound policy is B's inbound policy by construction.

#include "Cidr.h"
#include "Result.h"
#include "TunnelProfile.h"

#include <QHostAddress>

namespace ipsecwiz {

struct TunnelView
{
    QString name;
    Side side = Side::A;
    Cidr localNet;
    Cidr remoteNet;
    QHostAddress localPublic;
    QHostAddress remotePublic;
    QHostAddress localInternal;
    QHostAddress nextHop;   // the peer itself when on one subnet (the seed), else the local default router;
                            // null when none was given: routes.sh asks the gateway (ip route get)
    bool viaRouter = false;
    Flavour localFlavour = Flavour::StrongSwan;
    Flavour remoteFlavour = Flavour::StrongSwan;
    QString localId;
    QString remoteId;
    IkeProposal ike;
    EspProposal esp;
    QByteArray psk;

    [[nodiscard]] bool ipv6() const { return localNet.isIPv6(); }
    [[nodiscard]] QString localGatewayName() const;  // "gateway A"
    [[nodiscard]] QString remoteGatewayName() const; // "gateway B"

    // Fails with the first error validate() reports; psk must be non-empty.
    static Result<TunnelView> make(const TunnelProfile& profile, Side side, const QByteArray& psk);
};

} // namespace ipsecwiz
