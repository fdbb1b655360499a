#pragma once

// Files, reload and check commands for a gateway running racoon-tool, Debian racoon's front end (the seed's way).

#include "Generator.h"

namespace ipsecwiz {

class RacoonToolGenerator final : public Generator
{
public:
    QList<GeneratedFile> files(const TunnelView& view) const override;
    QStringList reloadCommands(const TunnelView& view) const override;
    QStringList checkCommands(const TunnelView& view) const override;
};

} // namespace ipsecwiz
