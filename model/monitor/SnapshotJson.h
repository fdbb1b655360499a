#pragma once

// The parsed snapshot as JSON, for `ipsec-wizard parse --json` and `monitor --json` (schema in
// the README). Key material is masked unless asked for.

#include "SecuritySnapshot.h"

#include <QJsonObject>

namespace ipsecwiz::SnapshotJson {

QJsonObject toJson(const Snapshot& snapshot, bool revealKeys = false);

} // namespace ipsecwiz::SnapshotJson
