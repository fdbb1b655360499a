#pragma once

// Reads `setkey -D` (SAD) and `setkey -DP` (SPD) as ipsec-tools prints them on Linux and as the
// KAME-derived setkey prints them on FreeBSD, NetBSD and macOS (racoonctl show-sa prints the
// same). Both kinds of entry may appear in one text.

#include "SecuritySnapshot.h"

#include <QByteArrayView>

namespace ipsecwiz::SetkeyParser {

[[nodiscard]] Snapshot parse(QByteArrayView text);

} // namespace ipsecwiz::SetkeyParser
