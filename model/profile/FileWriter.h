#pragma once

// Writing files that may hold secrets: the file gets its final mode when it is created (never
// a world-readable moment) and appears under its name only when complete.

#include "Result.h"

#include <QByteArray>
#include <QString>

namespace ipsecwiz::FileWriter {

// Creates PATH.tmp-XXXXXX with `mode` (e.g. 0600), writes, fsyncs, renames over PATH.
Status writeAtomically(const QString& path, const QByteArray& data, int mode);

// Creates every missing folder of `path` with mode 0755.
Status makeFolders(const QString& path);

} // namespace ipsecwiz::FileWriter
