#include "Importer.h"

namespace ipsecwiz {

// Not written yet: the format is refused with a clear message rather than half-read.
Result<ImportResult> Import::racoonTool(const ImportSource& source, const ImportOptions&)
{
    return Error{source.root(), QStringLiteral("Importing this format is not available yet.")};
}

} // namespace ipsecwiz
