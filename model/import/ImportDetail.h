#pragma once

// The strongSwan importers with the lines they used, for the test that checks every line of input
// is either used or reported: not part of the importers' interface.

#include "Importer.h"

#include <QSet>

namespace ipsecwiz::Import::detail {

// USEDLINES (when given) gets "FILE:LINE" of every line that went into the profile.
Result<ImportResult> swanctl(const ImportSource& source, const ImportOptions& options, QSet<QString>* usedLines);
Result<ImportResult> ipsecConf(const ImportSource& source, const ImportOptions& options, QSet<QString>* usedLines);

} // namespace ipsecwiz::Import::detail
