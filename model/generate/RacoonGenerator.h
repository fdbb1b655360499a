#pragma once

// Files, reload and check commands for a gateway running racoon with setkey (ipsec-tools / KAME).

#include "Algorithms.h"
#include "Generator.h"

namespace ipsecwiz {

class RacoonGenerator final : public Generator
{
public:
    QList<GeneratedFile> files(const TunnelView& view) const override;
    QStringList reloadCommands(const TunnelView& view) const override;
    QStringList checkCommands(const TunnelView& view) const override;

    // Shared with racoon-tool, which drives the same daemon.
    static QString algorithmName(AlgorithmKind kind, Usage usage, const QString& id);
    static GeneratedFile pskFile(const TunnelView& view);
};

} // namespace ipsecwiz
