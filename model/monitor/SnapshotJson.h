#pragma once

// The parsed snapshot as JSON, for `ipsec-wizard parse --json` and `monitor --json` (schema in
// the README). Key material is masked unless asked for.

#include "SecuritySnapshot.h"

#include <QJsonObject>

namespace ipsecwiz {

class JsonWriter;

namespace SnapshotJson {

QJsonObject toJson(const Snapshot& snapshot, bool revealKeys = false);

// The same object written as text, without building it first: byte for byte what
// QJsonDocument(toJson(...)).toJson() prints, in a fraction of the time and memory. `extra`
// members are merged in among the snapshot's, in QJsonObject's order.
void write(JsonWriter& writer, const Snapshot& snapshot, bool revealKeys = false, const QJsonObject& extra = {});

} // namespace SnapshotJson

} // namespace ipsecwiz
