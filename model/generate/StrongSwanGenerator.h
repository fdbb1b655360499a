#pragma once

// Files, reload and check commands for a gateway running strongSwan (swanctl): one conf.d file with the connection and its secret.

#include "Generator.h"

namespace ipsecwiz {

class StrongSwanGenerator final : public Generator
{
public:
    QList<GeneratedFile> files(const TunnelView& view) const override;
    QStringList reloadCommands(const TunnelView& view) const override;
    QStringList checkCommands(const TunnelView& view) const override;

    // swanctl's proposal keywords, e.g. "aes256gcm16-prfsha256-curve25519".
    static QString ikeProposal(const IkeProposal& ike);
    static QString espProposal(const EspProposal& esp);
};

} // namespace ipsecwiz
