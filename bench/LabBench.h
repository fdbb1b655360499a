#pragma once

// What the lab benchmarks share: where the lab keeps its state and its ready-made profile.
// Needs the lab: `sudo lab/lab.sh up` first (root).

#include "TunnelProfile.h"

#include <optional>

namespace ipsecwiz::bench {

inline QString labDir()
{
    return qEnvironmentVariable("IPSECWIZ_LAB_DIR", QStringLiteral("/var/lib/ipsec-wizard-lab"));
}

inline std::optional<TunnelProfile> labProfile()
{
    auto p = ProfileJson::load(labDir() + QStringLiteral("/lab-profile.json"));
    if (!p)
        return std::nullopt;
    return p.value();
}

} // namespace ipsecwiz::bench
