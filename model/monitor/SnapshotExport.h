#pragma once

// A monitor snapshot as text a person reads (the CLI's `monitor`/`parse` output, "Copy snapshot")
// and as CSV for a spreadsheet or a bug report. Key material is left out unless revealed.

#include "SecuritySnapshot.h"

#include <QList>
#include <QString>

namespace ipsecwiz::SnapshotExport {

QString text(const Snapshot& snapshot);

struct GatewayRows
{
    QString gateway; // "A", "B"
    QList<SecurityAssociation> sas;
    QList<SecurityPolicy> policies;
};

// One header line, then a row per SA and per SP (RFC 4180 quoting). Text that a spreadsheet would
// run as a formula (=, +, -, @ first) is prefixed with ' — the fields come from remote output.
QString csv(const QList<GatewayRows>& gateways, bool revealKeys = false);

} // namespace ipsecwiz::SnapshotExport
