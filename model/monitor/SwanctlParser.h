#pragma once

// Reads `swanctl --list-sas` (strongSwan 5.x/6.x): IKE SAs with their CHILD SAs, SPIs, counters
// and rekey/expiry times. Older swanctl (5.3) printed the IKE SPIs as "i:r" and no ports; both
// forms are read.

#include "SecuritySnapshot.h"

#include <QByteArrayView>

namespace ipsecwiz::SwanctlParser {

[[nodiscard]] Snapshot parse(QByteArrayView text);

} // namespace ipsecwiz::SwanctlParser
