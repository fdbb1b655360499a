#pragma once

// Files, reload and check commands for a gateway running racoon-tool, Debian racoon's front end
// (the seed's way). racoon-tool.conf has no include, so the tunnel is a marked block in the
// admin's file: its own peer and connection sections with every value written out, never relying
// on the admin's %default sections; its key is a marked block in psk.txt.

#include "Generator.h"
#include "RacoonGenerator.h"

namespace ipsecwiz {

class RacoonToolGenerator final : public Generator
{
public:
    QList<GeneratedFile> files(const TunnelView& view) const override;
    QStringList reloadCommands(const TunnelView& view) const override;
    QStringList checkCommands(const TunnelView& view) const override;

    static QList<GeneratedFile> files(const RacoonConnection& c);
    // racoon-tool's connection names are [-_a-z0-9]+: the tunnel's name in lower case, with the
    // network pair's number when there are several.
    static QString connectionName(const RacoonConnection& c, int pair);
};

} // namespace ipsecwiz
