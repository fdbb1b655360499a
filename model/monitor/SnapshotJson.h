#pragma once

// The parsed snapshot as JSON, for `ipsec-wizard parse --json` and `monitor --json` (schema in
// the README). Key material is masked unless asked for.

#include "SecuritySnapshot.h"

#include <QJsonObject>

#include <array>

namespace ipsecwiz {

class JsonWriter;
struct Correlation;

namespace SnapshotJson {

QJsonObject toJson(const Snapshot& snapshot, bool revealKeys = false);

// The same object written as text, without building it first: byte for byte what
// QJsonDocument(toJson(...)).toJson() prints, in a fraction of the time and memory. `extra`
// members are merged in among the snapshot's, in QJsonObject's order.
void write(JsonWriter& writer, const Snapshot& snapshot, bool revealKeys = false, const QJsonObject& extra = {});

// One poll of `monitor --json`: "correlation" (when there is one), "gatewayA" and "gatewayB"
// (those polled, each with its `extra` members about the poll) and "time". Key material is
// always masked here.
void writePoll(JsonWriter& writer, const QString& time, const std::array<const Snapshot*, 2>& gateways,
               const std::array<QJsonObject, 2>& extras, const Correlation* correlation);

} // namespace SnapshotJson

} // namespace ipsecwiz
