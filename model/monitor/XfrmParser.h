#pragma once

// Reads Linux `ip [-s] xfrm state` and `ip [-s] xfrm policy` (iproute2); with -s the output
// carries lifetimes and counters, without it only the entries.

#include "SecuritySnapshot.h"

#include <QByteArrayView>

namespace ipsecwiz::XfrmParser {

// States and policies may be mixed (e.g. `ip xfrm state; ip xfrm policy` in one poll).
[[nodiscard]] Snapshot parse(QByteArrayView text);

} // namespace ipsecwiz::XfrmParser
