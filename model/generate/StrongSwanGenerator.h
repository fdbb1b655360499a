#pragma once

// Files, reload and check commands for a gateway running strongSwan (swanctl): one conf.d file with the connection and its secret.

#include "Generator.h"

namespace ipsecwiz {

// One swanctl connection with its child and its secret, as both the pair and the network
// generators write it.
struct SwanctlConnection
{
    QString name;
    QString localAddrs;
    QString remoteAddrs;
    IkeProposal ike;
    EspProposal esp;
    QString localId;
    QString remoteId;
    QString localTs;
    QString remoteTs;
    QString startAction;
    QByteArray psk;
    // IKEv1 with a peer whose address changes: main mode must pick the key before it knows who
    // asks, so both ends use aggressive mode (racoon's anonymous remote does).
    bool aggressive = false;
};

class StrongSwanGenerator final : public Generator
{
public:
    QList<GeneratedFile> files(const TunnelView& view) const override;
    QStringList reloadCommands(const TunnelView& view) const override;
    QStringList checkCommands(const TunnelView& view) const override;

    // swanctl's proposal keywords, e.g. "aes256gcm16-prfsha256-curve25519".
    static QString ikeProposal(const IkeProposal& ike);
    static QString espProposal(const EspProposal& esp);
    // "connections { NAME { … } }" and "secrets { ike-NAME { … } }" (holds the key).
    static QByteArray connectionText(const SwanctlConnection& connection);
};

} // namespace ipsecwiz
