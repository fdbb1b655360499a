#pragma once

// "Start from an existing gateway": its config read into a profile (model/import) from a copy of
// its /etc on this computer, or from the gateway itself over SSH (read-only, with the push's
// host-key rules: an unknown key is asked about). The wizard then opens on the result.

#include "Importer.h"

class QWidget;

namespace ipsecwiz::GatewayImport {

// WHERE is a folder, a config file, or USER@HOST[:PORT] (a gateway over SSH). SSH runs on a worker
// thread while the GUI waits in a local event loop; its questions (host key, password) are asked
// over PARENT.
Result<ImportResult> run(const QString& where, QWidget* parent);

// Whether WHERE names a gateway over SSH rather than something on this computer.
bool isSshTarget(const QString& where);

// The report an admin reads before the wizard opens: the tunnels found, what could not be used
// (file, line, reason, keys masked), and the findings.
QString summary(const ImportResult& result);
QString details(const ImportResult& result);

} // namespace ipsecwiz::GatewayImport
